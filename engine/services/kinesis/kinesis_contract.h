// kinesis_contract.h — what a Kinesis data stream accepts from callers and the errors it answers
// with, by AWS's names (API_PutRecord in the Amazon Kinesis Data Streams API Reference).
#pragma once

#include "core/contract.h"

#include <vector>

namespace sim::svc {

inline constexpr ErrorSpec kKinesisInvalidAction{"InvalidAction", 400, ErrorClass::Client};
inline constexpr ErrorSpec kKinesisValidation{"ValidationException", 400, ErrorClass::Client};
// A shard's 1 MB/s or 1,000 records/s write limit exceeded.
inline constexpr ErrorSpec kKinesisProvisionedThroughputExceeded{"ProvisionedThroughputExceededException", 400,
                                                                 ErrorClass::Throttle};

std::vector<OperationSpec> kinesis_operations();
std::vector<ErrorSpec> kinesis_errors();

}  // namespace sim::svc
