// execution_internal.h — private to execution*.cpp: the running scopes (frames) of an execution
// and the Runner that advances them. A frame is the top-level machine, a Parallel branch or a Map
// iteration; frames live in the Execution's arena until it is destroyed.
#pragma once

#include "stepfunctions/execution.h"

namespace sim::sfn {

enum class Phase {
    Enter,        // about to enter `state` (emits <Type>StateEntered)
    Run,          // entered (or retrying): run the state's work
    Timer,        // Wait state or retry interval: resume at wake_at_us
    Task,         // waiting for the caller to settle task_id
    TaskSettled,  // complete_task/fail_task arrived: process at the next advance
    Children,     // Parallel/Map: waiting for child frames
    Done,         // frame finished with `output`
    Failed,       // frame failed with `error`
    Dead,         // cancelled (sibling failed, execution stopped) or already reported to parent
};

struct Frame {
    const StateMachineDef* def = nullptr;
    Frame* parent = nullptr;
    int index_in_parent = -1;  // branch or item index
    std::string state;
    nlohmann::json input;  // raw input of the current state
    Phase phase = Phase::Enter;
    nlohmann::json output;
    AslError error;
    int entered_event_id = 0;
    int last_event_id = 0;
    std::int64_t entered_at_us = 0;
    // Retry bookkeeping for the current state (reset when the state is left).
    std::vector<int> retry_counts;
    int retry_total = 0;
    bool retrying = false;
    std::int64_t wake_at_us = 0;
    // Task
    std::uint64_t task_id = 0;
    std::optional<std::int64_t> task_deadline_us, heartbeat_deadline_us;
    std::int64_t heartbeat_interval_us = 0;
    bool task_ok = false;
    nlohmann::json task_output;
    AslError task_error;
    // Parallel / Map
    nlohmann::json effective;  // input after InputPath (+Parameters for Parallel)
    std::vector<Frame*> children;
    std::vector<nlohmann::json> items;  // Map items (after batching)
    std::size_t next_item = 0;
    int active = 0, finished = 0, failures = 0;
    int max_concurrency = 0;
    std::vector<nlohmann::json> results;
};

// The interpreter proper; a short-lived view over one Execution during advance()/stop().
struct Runner {
    Execution& ex;
    std::int64_t now;

    // execution.cpp
    int add_event(Frame* f, const std::string& type, const std::string& state_name, nlohmann::json details);
    nlohmann::json context(const Frame& f) const;
    AslError runtime_error(const Frame& f, const std::string& detail) const;
    Frame* new_frame(const StateMachineDef* def, Frame* parent, int index, nlohmann::json input);
    void cancel_frame(Frame& f);
    void frame_finished(Frame& f);

    // execution_states.cpp
    bool step(Frame& f);
    void enter_state(Frame& f);
    void run_state(Frame& f);
    void finish_state(Frame& f, const StateDef& s, nlohmann::json output, const std::string& next = {});
    void process_result(Frame& f, const StateDef& s, nlohmann::json result);
    void run_wait(Frame& f, const StateDef& s);
    void run_task(Frame& f, const StateDef& s);
    void settle_task(Frame& f, const StateDef& s);

    // execution_flow.cpp
    void fail_frame(Frame& f, AslError error);
    void handle_error(Frame& f, const StateDef& s, AslError error);
    void start_parallel(Frame& f, const StateDef& s);
    void start_map(Frame& f, const StateDef& s);
    void start_map_items(Frame& f, const StateDef& s);
    void child_finished(Frame& parent, Frame& child);
};

const StateDef& current_state(const Frame& f);
std::string state_event_prefix(StateType type);  // "Pass", "Task", ...

}  // namespace sim::sfn
