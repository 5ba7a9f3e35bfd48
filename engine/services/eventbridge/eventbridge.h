// eventbridge.h — Amazon EventBridge event buses (AWS::Events::EventBus) with their rules
// (AWS::Events::Rule) and scheduled rules.
#pragma once

#include "core/registry.h"

namespace sim::svc {

// "eventbridge": a bus. Rules live in the bus config, as CloudFormation writes them:
//   "Rules": [{"Name", "EventPattern" | "ScheduleExpression", "State", "Targets": [{"Id",
//             "Arn": <wired node id>, "Input" | "InputPath" | "InputTransformer", "RetryPolicy",
//             "DeadLetterConfig": {"Arn": <queue wired on the bus's dlq port>}}]}]
// An imported rule also has "cfnLogicalId" and "cfnTargets" (targets not simulated), which only
// the SAM export reads (kCfnLogicalIdKey, kCfnTargetsKey).
// Shorthand: an "out" edge whose config has EventPattern or ScheduleExpression is a one-target rule.
ServiceKind eventbridge_kind();
// What CloudFormation requires of its resource (eventbridge_cfn.cpp); weak: null where not linked (the page).
[[gnu::weak]] void eventbridge_cfn_complete(CfnDraft& d);

}  // namespace sim::svc
