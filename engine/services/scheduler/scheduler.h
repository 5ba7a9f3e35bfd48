// scheduler.h — Amazon EventBridge Scheduler: a schedule group (AWS::Scheduler::ScheduleGroup)
// holding schedules (AWS::Scheduler::Schedule) that invoke a target on rate(), cron() or at().
#pragma once

#include "core/registry.h"

namespace sim::svc {

// "scheduler": a schedule group. Config, in CloudFormation's property names:
//   one schedule at the top level, as AWS::Scheduler::Schedule's Properties: "Name", "GroupName",
//     "ScheduleExpression", "ScheduleExpressionTimezone", "StartDate", "EndDate", "State",
//     "FlexibleTimeWindow": {"Mode": "OFF" | "FLEXIBLE", "MaximumWindowInMinutes"},
//     "Target": {"Arn": <node id wired on "out", or arn:aws:scheduler:::aws-sdk:<service>:<action>>,
//                "RoleArn", "Input", "RetryPolicy": {"MaximumRetryAttempts", "MaximumEventAgeInSeconds"},
//                "DeadLetterConfig": {"Arn": <queue wired on "dlq">}, "SqsParameters",
//                "EventBridgeParameters": {"Source", "DetailType"}, "KinesisParameters"},
//     "ActionAfterCompletion": "NONE" | "DELETE", "Description", "KmsKeyArn";
//   and/or "Schedules": [<the same shape>, …] for several schedules of the group;
//   "Resource": "ScheduleGroup" makes the node the group itself (exported as
//     AWS::Scheduler::ScheduleGroup, its "Name" the group's name, its Schedules as schedules in it).
// Callers may CreateSchedule, UpdateSchedule, DeleteSchedule and GetSchedule at run time.
ServiceKind scheduler_kind();
// What CloudFormation requires of its resources (scheduler_cfn.cpp); weak: null where not linked (the page).
[[gnu::weak]] void scheduler_cfn_complete(CfnDraft& d);

// The price of `n` invocations when `before` were already made this month in the account: the
// first 14 million a month are free, then $1.00 per million (us-east-1).
double scheduler_invocation_cost(double before, double n);

}  // namespace sim::svc
