// scheduler_schedule.h — one EventBridge Scheduler schedule read from config or from a
// CreateSchedule request (AWS::Scheduler::Schedule's shape), and its next invocation time.
// Shared by scheduler.cpp; not a public API.
#pragma once

#include "core/registry.h"
#include "schedule/schedule_expression.h"
#include "services/scheduler/scheduler_time.h"

#include <optional>
#include <string>
#include <vector>

namespace sim::svc::sched {

struct Target {
    std::string arn;              // as configured (a node id, an ARN, or a universal target)
    const Link* link = nullptr;   // the wired node it reaches
    std::string action;           // universal targets: the API action ("SendMessage"); else empty
    Json input;                   // Input: JSON when it parses, else the text; {} when absent
    Json eventbridge;             // EventBridgeParameters {Source, DetailType} (null when absent)
    int max_retries = 185;        // RetryPolicy.MaximumRetryAttempts 0..185
    SimTime max_age = hours(24);  // RetryPolicy.MaximumEventAgeInSeconds 60..86,400
    const Link* dlq = nullptr;    // DeadLetterConfig.Arn
};

struct Schedule {
    std::string name, group, arn;
    std::optional<schedule::ScheduleExpression> expr;
    TimeZone tz;
    std::optional<std::int64_t> start, end;  // StartDate, EndDate (Unix seconds, UTC)
    std::int64_t created = 0;                // rate() without StartDate counts from here
    bool enabled = true;
    std::int64_t window_s = 0;  // FlexibleTimeWindow: 0 when OFF
    bool delete_after = false;  // ActionAfterCompletion DELETE
    Target target;

    // The first invocation instant strictly after `after` (UTC), honouring StartDate and EndDate.
    std::optional<std::int64_t> next_after(std::int64_t after) const;
};

// Reads one schedule from `r` (a node config, one of its Schedules, or a request); every problem
// is reported through r.error. `links` are the node's wired edges; `node` its id (for messages).
Schedule read_schedule(ConfigReader& r, const std::vector<Link>& links, const Registry& registry,
                       const std::string& node, const std::string& default_name, const std::string& default_group);

}  // namespace sim::svc::sched
