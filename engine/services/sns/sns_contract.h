// sns_contract.h — what an SNS topic accepts from callers and the errors it answers with, by
// AWS's names (API_Publish in the Amazon SNS API Reference).
#pragma once

#include "core/contract.h"

#include <vector>

namespace sim::svc {

inline constexpr ErrorSpec kSnsInvalidAction{"InvalidAction", 400, ErrorClass::Client};
inline constexpr ErrorSpec kSnsInvalidParameter{"InvalidParameter", 400, ErrorClass::Client};
inline constexpr ErrorSpec kSnsThrottled{"ThrottledException", 429, ErrorClass::Throttle};

std::vector<OperationSpec> sns_operations();
std::vector<ErrorSpec> sns_errors();

}  // namespace sim::svc
