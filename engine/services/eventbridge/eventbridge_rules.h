// eventbridge_rules.h — EventBridge rules and targets read from config, and target input
// (Input, InputPath, InputTransformer). Shared by eventbridge.cpp; not a public API.
#pragma once

#include "core/registry.h"
#include "match/event_pattern.h"
#include "schedule/schedule_expression.h"

#include <optional>
#include <string>
#include <vector>

namespace sim::svc::eb {

struct Target {
    std::string id;
    const Link* link = nullptr;
    std::optional<Json> input;                                   // Input: constant JSON
    std::string input_path;                                      // InputPath
    std::vector<std::pair<std::string, std::string>> paths_map;  // InputTransformer.InputPathsMap
    std::string input_template;                                  // InputTransformer.InputTemplate
    bool transformer = false;
    int max_retries = 185;        // RetryPolicy.MaximumRetryAttempts 0..185
    SimTime max_age = hours(24);  // RetryPolicy.MaximumEventAgeInSeconds 60..86,400
    const Link* dlq = nullptr;    // DeadLetterConfig.Arn
};

struct Rule {
    std::string name, arn;
    std::optional<match::EventPattern> pattern;
    std::optional<schedule::ScheduleExpression> schedule;
    bool enabled = true;
    std::vector<Target> targets;
};

inline constexpr std::size_t kMaxTargetsPerRule = 5;
inline constexpr std::size_t kMaxRulesPerBus = 300;

// Reads "Rules" and the edge shorthand; every problem becomes a diagnostic with its path.
std::vector<Rule> read_rules(BuildContext& ctx, const std::string& bus_name);

// The JSON a target receives for `event` (shared when the whole event is delivered).
JsonPtr target_input(const Target& t, const Rule& r, const JsonPtr& event);

}  // namespace sim::svc::eb
