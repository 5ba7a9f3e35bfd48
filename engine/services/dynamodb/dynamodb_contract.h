// dynamodb_contract.h — what a DynamoDB table accepts from callers and the errors it answers
// with, by AWS's names (Amazon DynamoDB API Reference; all its errors are HTTP 400).
#pragma once

#include "core/contract.h"

#include <vector>

namespace sim::svc {

inline constexpr ErrorSpec kDdbValidation{"ValidationException", 400, ErrorClass::Client};
inline constexpr ErrorSpec kDdbConditionalCheckFailed{"ConditionalCheckFailedException", 400, ErrorClass::Client};
// Provisioned capacity exceeded.
inline constexpr ErrorSpec kDdbProvisionedThroughputExceeded{"ProvisionedThroughputExceededException", 400,
                                                             ErrorClass::Throttle};
// On-demand ceiling or a hot partition.
inline constexpr ErrorSpec kDdbThrottling{"ThrottlingException", 400, ErrorClass::Throttle};

std::vector<OperationSpec> dynamodb_operations();
std::vector<ErrorSpec> dynamodb_errors();

}  // namespace sim::svc
