// execution.h — one Step Functions execution, driven by the caller in virtual time.
// The interpreter never sleeps: advance(now) runs every state that can run and returns what it
// needs next (finished / wake me at T / invoke these tasks). Task results come back through
// complete_task / fail_task. Parallel branches and Map iterations may have several tasks out.
// Modelled:     [x] all state types, I/O processing order, context object, Retry (backoff, max delay,
//               FULL jitter via caller RNG), Catch, Task TimeoutSeconds/HeartbeatSeconds, execution
//               TimeoutSeconds, Map MaxConcurrency/ItemBatcher/tolerated failures, history events,
//               state-transition count (Standard billing), 256 KiB payload limit
//               [x] $$.Task.Token for .waitForTaskToken tasks (one token per attempt; the caller
//                   settles the task with complete_task / fail_task / heartbeat_task when the
//                   callback arrives, or it times out at TimeoutSeconds / HeartbeatSeconds)
// Not modelled: [ ] ItemReader/ResultWriter (S3) - fails with States.ItemReaderFailed
//               [ ] redrive  [ ] Express at-least-once semantics
#pragma once

#include <nlohmann/json.hpp>

#include "stepfunctions/asl_model.h"
#include "stepfunctions/errors.h"
#include "stepfunctions/intrinsics.h"

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace sim::sfn {

struct ExecutionOptions {
    std::string name = "execution";  // $$.Execution.Name
    std::string state_machine_name = "StateMachine";
    std::string region = "us-east-1";
    std::string account = "123456789012";
    std::int64_t epoch_offset_us = 1704067200LL * 1000000;  // wall clock at virtual time 0
    RandomBits random;                                      // jitter, States.MathRandom, States.UUID; null = always 0
    // $$.Task.Token of a .waitForTaskToken task: this prefix + execution name + "/" + request id.
    std::string task_token_prefix = "task-token/";
};

// A Task state asking the caller to run its Resource.
struct TaskRequest {
    std::uint64_t id = 0;
    std::string state_name;
    std::string resource;
    nlohmann::json input;                    // effective input after InputPath/Parameters
    std::optional<std::int64_t> timeout_us;  // TimeoutSeconds (the execution enforces it too)
    std::optional<std::int64_t> heartbeat_us;
    std::string token;  // $$.Task.Token (set for .waitForTaskToken resources)
};

enum class ExecutionStatus { Running, Succeeded, Failed, TimedOut, Aborted };
const char* execution_status_name(ExecutionStatus status);  // "RUNNING", "SUCCEEDED", ...

struct HistoryEvent {
    int id = 0;
    int previous_id = 0;
    std::string type;  // "ExecutionStarted", "PassStateEntered", "TaskScheduled", ...
    std::int64_t timestamp_us = 0;
    std::string state_name;
    nlohmann::json details;  // input/output/error/cause/index..., as GetExecutionHistory shows
};

enum class AdvanceKind { Finished, InvokeTasks, WaitUntil, AwaitingTasks };

struct Advance {
    AdvanceKind kind = AdvanceKind::AwaitingTasks;
    std::vector<TaskRequest> tasks;          // InvokeTasks: tasks to start now
    std::optional<std::int64_t> wake_at_us;  // earliest timer (Wait, retry, timeout), if any
};

struct Frame;

class Execution {
public:
    // `machine` must come from load_state_machine; `start_us` is the virtual start time.
    Execution(std::shared_ptr<const StateMachineDef> machine, nlohmann::json input, std::int64_t start_us,
              ExecutionOptions options = {});
    ~Execution();
    Execution(const Execution&) = delete;
    Execution& operator=(const Execution&) = delete;

    // Runs everything runnable at `now_us` (must not go backwards) and says what is needed next.
    Advance advance(std::int64_t now_us);

    // Report a task's outcome; false when the id is unknown, already settled or was cancelled
    // (e.g. its Parallel branch failed or it timed out). Takes effect at the next advance().
    bool complete_task(std::uint64_t request_id, nlohmann::json output);
    bool fail_task(std::uint64_t request_id, std::string error, std::optional<std::string> cause);
    bool heartbeat_task(std::uint64_t request_id, std::int64_t now_us);

    // StopExecution: the execution ends ABORTED; outstanding tasks are cancelled.
    void stop(std::int64_t now_us, std::string error = {}, std::string cause = {});

    ExecutionStatus status() const { return status_; }
    const nlohmann::json& output() const { return output_; }  // when Succeeded
    const AslError& error() const { return error_; }          // when Failed/TimedOut/Aborted
    const std::vector<HistoryEvent>& history() const { return history_; }
    std::int64_t state_transitions() const { return transitions_; }
    std::string execution_arn() const;
    // Task requests that were abandoned since the last call (the caller may drop their work).
    std::vector<std::uint64_t> take_cancelled_tasks();

private:
    friend struct Runner;
    std::shared_ptr<const StateMachineDef> machine_;
    nlohmann::json input_;
    std::int64_t start_us_;
    ExecutionOptions options_;
    ExecutionStatus status_ = ExecutionStatus::Running;
    nlohmann::json output_;
    AslError error_;
    std::vector<HistoryEvent> history_;
    std::int64_t transitions_ = 0;
    std::int64_t now_us_ = 0;
    std::vector<std::unique_ptr<Frame>> frames_;  // arena; frames_[0] is the top-level scope
    std::map<std::uint64_t, Frame*> tasks_;       // outstanding task id -> frame
    std::uint64_t next_task_id_ = 1;
    std::vector<TaskRequest> new_tasks_;
    std::vector<std::uint64_t> cancelled_;
    bool started_ = false;
};

}  // namespace sim::sfn
