// sqs_contract.h — what an SQS queue accepts from callers and the errors it answers with, by
// AWS's names (API_SendMessage in the Amazon SQS API Reference).
#pragma once

#include "core/contract.h"

#include <vector>

namespace sim::svc {

inline constexpr ErrorSpec kSqsInvalidAction{"InvalidAction", 400, ErrorClass::Client};
inline constexpr ErrorSpec kSqsInvalidParameterValue{"InvalidParameterValue", 400, ErrorClass::Client};
inline constexpr ErrorSpec kSqsMissingParameter{"MissingParameter", 400, ErrorClass::Client};
// FIFO queues above 300 sends per second (SQS answers throttles with HTTP 400).
inline constexpr ErrorSpec kSqsThrottling{"ThrottlingException", 400, ErrorClass::Throttle};

std::vector<OperationSpec> sqs_operations();
std::vector<ErrorSpec> sqs_errors();

}  // namespace sim::svc
