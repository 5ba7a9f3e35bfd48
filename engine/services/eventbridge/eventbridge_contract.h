// eventbridge_contract.h — what an EventBridge bus accepts from callers and the errors it answers
// with, by AWS's names (API_PutEvents in the Amazon EventBridge API Reference).
#pragma once

#include "core/contract.h"

#include <vector>

namespace sim::svc {

inline constexpr ErrorSpec kEventsValidation{"ValidationException", 400, ErrorClass::Client};

std::vector<OperationSpec> eventbridge_operations();
std::vector<ErrorSpec> eventbridge_errors();

}  // namespace sim::svc
