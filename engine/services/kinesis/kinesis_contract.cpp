// kinesis_contract.cpp — Kinesis Data Streams' operations (see kinesis_contract.h).
#include "services/kinesis/kinesis_contract.h"

namespace sim::svc {

std::vector<OperationSpec> kinesis_operations() {
    using T = FieldType;
    // The stream is named by StreamName or StreamARN (neither is required on its own).
    return {{"PutRecord",
             {{"StreamName", T::String},
              {"StreamARN", T::String},
              {"Data", T::Any, true},
              {"PartitionKey", T::String, true},
              {"ExplicitHashKey", T::String},
              {"SequenceNumberForOrdering", T::String}},
             {{"ShardId", T::String}, {"SequenceNumber", T::String}},
             {kKinesisValidation.code, kKinesisProvisionedThroughputExceeded.code},
             "Data"}};
}

std::vector<ErrorSpec> kinesis_errors() {
    return {kKinesisInvalidAction, kKinesisValidation, kKinesisProvisionedThroughputExceeded};
}

}  // namespace sim::svc
