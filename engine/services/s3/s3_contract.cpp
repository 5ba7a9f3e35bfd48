// s3_contract.cpp — S3's operations (see s3_contract.h).
#include "services/s3/s3_contract.h"

namespace sim::svc {

std::vector<OperationSpec> s3_operations() {
    using T = FieldType;
    const FieldSpec bucket{"Bucket", T::String, true};
    const FieldSpec key{"Key", T::String, true};
    return {{"PutObject",
             {bucket, key, {"Body", T::Any}, {"ContentType", T::String}},
             {{"ETag", T::String}, {"VersionId", T::String}},
             {kS3SlowDown.code, kS3EntityTooLarge.code},
             ""},
            {"GetObject",
             {bucket, key},
             {{"Body", T::Any}, {"ContentLength", T::Integer}, {"ETag", T::String}},
             {kS3SlowDown.code, kS3NoSuchKey.code},
             ""},
            {"DeleteObject",
             {bucket, key},
             {{"DeleteMarker", T::Boolean}, {"VersionId", T::String}},
             {kS3SlowDown.code},
             ""}};
}

std::vector<ErrorSpec> s3_errors() {
    return {kS3SlowDown, kS3EntityTooLarge, kS3NoSuchKey, kS3NotImplemented};
}

}  // namespace sim::svc
