// stepfunctions_contract.h — what a state machine accepts from callers and the errors it answers
// with, by AWS's names (StartExecution, StartSyncExecution and the SendTask* callbacks in the AWS
// Step Functions API Reference, whose request fields are lower camel case).
#pragma once

#include "core/contract.h"

#include <vector>

namespace sim::svc {

inline constexpr ErrorSpec kSfnInvalidAction{"InvalidAction", 400, ErrorClass::Client};
inline constexpr ErrorSpec kSfnInvalidExecutionInput{"InvalidExecutionInput", 400, ErrorClass::Client};
inline constexpr ErrorSpec kSfnStateMachineTypeNotSupported{"StateMachineTypeNotSupported", 400, ErrorClass::Client};
// SendTaskSuccess / SendTaskFailure / SendTaskHeartbeat (the callback pattern's task tokens).
inline constexpr ErrorSpec kSfnInvalidToken{"InvalidToken", 400, ErrorClass::Client};
inline constexpr ErrorSpec kSfnInvalidOutput{"InvalidOutput", 400, ErrorClass::Client};
inline constexpr ErrorSpec kSfnTaskDoesNotExist{"TaskDoesNotExist", 400, ErrorClass::Client};
inline constexpr ErrorSpec kSfnTaskTimedOut{"TaskTimedOut", 400, ErrorClass::Client};
// Standard workflows' StartExecution token bucket.
inline constexpr ErrorSpec kSfnThrottling{"ThrottlingException", 400, ErrorClass::Throttle};

std::vector<OperationSpec> stepfunctions_operations();
std::vector<ErrorSpec> stepfunctions_errors();

}  // namespace sim::svc
