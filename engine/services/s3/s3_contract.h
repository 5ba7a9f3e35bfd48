// s3_contract.h — what an S3 bucket accepts from callers and the errors it answers with, by AWS's
// names (Amazon S3 API Reference: PutObject, GetObject, DeleteObject, "Error responses").
#pragma once

#include "core/contract.h"

#include <vector>

namespace sim::svc {

// Request rate above a prefix's limit: S3 asks the caller to back off.
inline constexpr ErrorSpec kS3SlowDown{"SlowDown", 503, ErrorClass::Throttle};
inline constexpr ErrorSpec kS3EntityTooLarge{"EntityTooLarge", 400, ErrorClass::Client};
inline constexpr ErrorSpec kS3NoSuchKey{"NoSuchKey", 404, ErrorClass::Client};
// An operation this simulator does not model (answered with 400, so callers do not retry it).
inline constexpr ErrorSpec kS3NotImplemented{"NotImplemented", 400, ErrorClass::Client};

std::vector<OperationSpec> s3_operations();
std::vector<ErrorSpec> s3_errors();

}  // namespace sim::svc
