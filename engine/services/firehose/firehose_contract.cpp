// firehose_contract.cpp — Firehose's and Redshift's operations (see firehose_contract.h).
#include "services/firehose/firehose_contract.h"

namespace sim::svc {

std::vector<OperationSpec> firehose_operations() {
    using T = FieldType;
    // AWS's request carries the record as Record {Data}; a Lambda action gives Data at the top
    // level (the calling event when it names none).
    return {{"PutRecord",
             {{"DeliveryStreamName", T::String, true}, {"Record", T::Object, true}},
             {{"RecordId", T::String}, {"Encrypted", T::Boolean}},
             {kFirehoseValidation.code},
             "Data"}};
}

std::vector<ErrorSpec> firehose_errors() {
    return {kFirehoseValidation};
}

std::vector<OperationSpec> redshift_operations() {
    using T = FieldType;
    return {{"ExecuteStatement",
             {{"Sql", T::String, true},
              {"WorkgroupName", T::String},
              {"ClusterIdentifier", T::String},
              {"Database", T::String},
              {"SecretArn", T::String},
              {"Parameters", T::Array}},
             {{"Id", T::String}, {"CreatedAt", T::String}, {"Database", T::String}, {"WorkgroupName", T::String}},
             {kRedshiftInternalError.code},
             ""}};
}

std::vector<ErrorSpec> redshift_errors() {
    return {kRedshiftInternalError};
}

}  // namespace sim::svc
