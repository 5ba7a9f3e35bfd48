// stepfunctions.h — AWS Step Functions state machines (AWS::Serverless::StateMachine,
// AWS::StepFunctions::StateMachine), driving the ASL interpreter in engine/stepfunctions/.
#pragma once

#include "core/registry.h"

#include <string>

namespace sim::svc {

ServiceKind stepfunctions_kind();

// The state machine node a task token ($$.Task.Token of a .waitForTaskToken task) belongs to, so
// SendTaskSuccess / SendTaskFailure / SendTaskHeartbeat (which name no state machine) reach it;
// empty when `token` is not one the playground issued.
std::string sfn_task_token_node(const std::string& token);

}  // namespace sim::svc
