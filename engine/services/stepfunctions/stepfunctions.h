// stepfunctions.h — AWS Step Functions state machines (AWS::Serverless::StateMachine,
// AWS::StepFunctions::StateMachine), driving the ASL interpreter in engine/stepfunctions/.
#pragma once

#include "core/registry.h"

namespace sim::svc {

ServiceKind stepfunctions_kind();

}  // namespace sim::svc
