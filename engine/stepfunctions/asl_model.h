// asl_model.h — a loaded, validated Amazon States Language state machine (JSONPath query
// language), ready for execution.cpp. Built only by load_state_machine (asl_parse.h).
#pragma once

#include <nlohmann/json.hpp>

#include "stepfunctions/choice.h"
#include "stepfunctions/payload.h"

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace sim::sfn {

enum class StateType { Pass, Task, Choice, Wait, Succeed, Fail, Parallel, Map };

const char* state_type_name(StateType type);  // "Pass", "Task", ...

struct Retrier {
    std::vector<std::string> error_equals;
    double interval_seconds = 1.0;  // AWS default 1
    int max_attempts = 3;           // AWS default 3; 0 = never retry
    double backoff_rate = 2.0;      // AWS default 2.0, at least 1.0
    std::optional<double> max_delay_seconds;
    bool full_jitter = false;  // JitterStrategy FULL (default NONE)
};

struct Catcher {
    std::vector<std::string> error_equals;
    std::string next;
    OptionalPath result_path;  // default "$": the error output replaces the input
};

struct StateMachineDef;

struct StateDef {
    std::string name;
    StateType type = StateType::Pass;
    std::string next;  // empty when end
    bool end = false;

    OptionalPath input_path, output_path, result_path;
    std::optional<PayloadTemplate> parameters, result_selector;

    std::optional<nlohmann::json> result;  // Pass

    // Task
    std::string resource;
    std::optional<double> timeout_seconds, heartbeat_seconds;
    std::optional<JsonPath> timeout_seconds_path, heartbeat_seconds_path;

    std::vector<Retrier> retry;  // Task, Parallel, Map
    std::vector<Catcher> catches;

    // Choice
    std::vector<ChoiceRule> choices;
    std::string default_next;

    // Wait: exactly one of these
    std::optional<std::int64_t> wait_seconds;
    std::optional<std::int64_t> wait_timestamp_us;  // epoch microseconds
    std::optional<JsonPath> seconds_path, timestamp_path;

    // Fail
    std::optional<std::string> error, cause;
    std::optional<ValueExpr> error_path, cause_path;

    // Parallel
    std::vector<std::shared_ptr<const StateMachineDef>> branches;

    // Map
    std::shared_ptr<const StateMachineDef> iterator;  // ItemProcessor or legacy Iterator
    OptionalPath items_path;                          // default "$"
    std::optional<PayloadTemplate> item_selector;     // ItemSelector or legacy Parameters
    int max_concurrency = 0;                          // 0 = no limit
    std::optional<JsonPath> max_concurrency_path;
    int max_items_per_batch = 0;  // ItemBatcher (0 = no batching)
    std::optional<nlohmann::json> batch_input;
    std::optional<double> tolerated_failure_percentage;
    std::optional<int> tolerated_failure_count;
    bool distributed = false;      // ProcessorConfig.Mode DISTRIBUTED
    bool has_item_reader = false;  // ItemReader (S3) - not modelled
};

// A state machine or one Parallel branch / Map processor.
struct StateMachineDef {
    std::string start_at;
    std::vector<StateDef> states;              // definition order
    std::map<std::string, std::size_t> index;  // name -> position in `states`
    std::optional<double> timeout_seconds;     // top-level TimeoutSeconds

    const StateDef* find(const std::string& name) const {
        auto it = index.find(name);
        return it == index.end() ? nullptr : &states[it->second];
    }
};

}  // namespace sim::sfn
