// execution.cpp — the Execution API: the advance loop over frames in virtual time, task
// completions, history events, the context object and the execution-level outcome.
#include "stepfunctions/execution.h"

#include "stepfunctions/execution_internal.h"
#include "stepfunctions/json_text.h"
#include "stepfunctions/timestamp.h"

namespace sim::sfn {

using nlohmann::json;

const char* execution_status_name(ExecutionStatus status) {
    switch (status) {
        case ExecutionStatus::Running:
            return "RUNNING";
        case ExecutionStatus::Succeeded:
            return "SUCCEEDED";
        case ExecutionStatus::Failed:
            return "FAILED";
        case ExecutionStatus::TimedOut:
            return "TIMED_OUT";
        case ExecutionStatus::Aborted:
            return "ABORTED";
    }
    return "?";
}

const StateDef& current_state(const Frame& f) {
    return *f.def->find(f.state);
}

Execution::Execution(std::shared_ptr<const StateMachineDef> machine, json input, std::int64_t start_us,
                     ExecutionOptions options)
    : machine_(std::move(machine)),
      input_(std::move(input)),
      start_us_(start_us),
      options_(std::move(options)),
      now_us_(start_us) {}

Execution::~Execution() = default;

std::string Execution::execution_arn() const {
    return "arn:aws:states:" + options_.region + ":" + options_.account + ":execution:" + options_.state_machine_name +
           ":" + options_.name;
}

Advance Execution::advance(std::int64_t now_us) {
    if (now_us > now_us_) now_us_ = now_us;
    Runner r{*this, now_us_};
    if (!started_) {
        started_ = true;
        if (!machine_ || !machine_->find(machine_->start_at)) {
            status_ = ExecutionStatus::Failed;
            error_ = {kStatesRuntime, std::string("the state machine is not loaded")};
        } else {
            r.add_event(nullptr, "ExecutionStarted", "", {{"input", input_}});
            r.new_frame(machine_.get(), nullptr, -1, input_);
        }
    }
    // Execution-level TimeoutSeconds: the whole execution times out (status TIMED_OUT).
    if (status_ == ExecutionStatus::Running && machine_->timeout_seconds &&
        now_us_ >= start_us_ + static_cast<std::int64_t>(*machine_->timeout_seconds * 1e6)) {
        for (auto& f : frames_) r.cancel_frame(*f);
        status_ = ExecutionStatus::TimedOut;
        error_ = {kStatesTimeout, std::string("The execution timed out")};
        r.add_event(nullptr, "ExecutionTimedOut", "", {{"error", error_.error}, {"cause", *error_.cause}});
    }
    bool progress = true;
    while (progress && status_ == ExecutionStatus::Running) {
        progress = false;
        for (std::size_t k = 0; k < frames_.size() && status_ == ExecutionStatus::Running; ++k)
            progress = r.step(*frames_[k]) || progress;
    }
    Advance out;
    if (status_ != ExecutionStatus::Running) {
        out.kind = AdvanceKind::Finished;
        new_tasks_.clear();
        return out;
    }
    std::optional<std::int64_t> wake;
    auto consider = [&wake](std::int64_t t) {
        if (!wake || t < *wake) wake = t;
    };
    for (const auto& f : frames_) {
        if (f->phase == Phase::Timer) consider(f->wake_at_us);
        if (f->phase == Phase::Task) {
            if (f->task_deadline_us) consider(*f->task_deadline_us);
            if (f->heartbeat_deadline_us) consider(*f->heartbeat_deadline_us);
        }
    }
    if (machine_->timeout_seconds) consider(start_us_ + static_cast<std::int64_t>(*machine_->timeout_seconds * 1e6));
    out.wake_at_us = wake;
    if (!new_tasks_.empty()) {
        out.kind = AdvanceKind::InvokeTasks;
        out.tasks = std::move(new_tasks_);
        new_tasks_.clear();
    } else {
        out.kind = wake ? AdvanceKind::WaitUntil : AdvanceKind::AwaitingTasks;
    }
    return out;
}

bool Execution::complete_task(std::uint64_t request_id, json output) {
    auto it = tasks_.find(request_id);
    if (it == tasks_.end() || it->second->phase != Phase::Task) return false;
    Frame& f = *it->second;
    tasks_.erase(it);
    f.phase = Phase::TaskSettled;
    f.task_ok = true;
    f.task_output = std::move(output);
    return true;
}

bool Execution::fail_task(std::uint64_t request_id, std::string error, std::optional<std::string> cause) {
    auto it = tasks_.find(request_id);
    if (it == tasks_.end() || it->second->phase != Phase::Task) return false;
    Frame& f = *it->second;
    tasks_.erase(it);
    f.phase = Phase::TaskSettled;
    f.task_ok = false;
    f.task_error = {error.empty() ? std::string(kStatesTaskFailed) : std::move(error), std::move(cause)};
    return true;
}

bool Execution::heartbeat_task(std::uint64_t request_id, std::int64_t now_us) {
    auto it = tasks_.find(request_id);
    if (it == tasks_.end()) return false;
    Frame& f = *it->second;
    if (f.heartbeat_deadline_us) f.heartbeat_deadline_us = now_us + f.heartbeat_interval_us;
    return true;
}

void Execution::stop(std::int64_t now_us, std::string error, std::string cause) {
    if (status_ != ExecutionStatus::Running) return;
    if (now_us > now_us_) now_us_ = now_us;
    Runner r{*this, now_us_};
    for (auto& f : frames_) r.cancel_frame(*f);
    status_ = ExecutionStatus::Aborted;
    error_ = {std::move(error), cause.empty() ? std::nullopt : std::optional<std::string>(cause)};
    r.add_event(nullptr, "ExecutionAborted", "", {{"error", error_.error}, {"cause", cause}});
}

std::vector<std::uint64_t> Execution::take_cancelled_tasks() {
    auto out = std::move(cancelled_);
    cancelled_.clear();
    return out;
}

// ---- Runner helpers shared by the other execution files ----

int Runner::add_event(Frame* f, const std::string& type, const std::string& state_name, json details) {
    // AWS's hard quota of 25,000 history events: "when an execution reaches 24,999 events … if
    // event number 25,000 isn't ExecutionSucceeded, the ExecutionFailed event is logged and the
    // execution fails" (Step Functions guide, "Avoid reaching the history quota"). It also ends a
    // loop of Pass/Choice states that would otherwise never give control back.
    constexpr std::size_t kMaxHistoryEvents = 25'000;
    if (ex.history_.size() >= kMaxHistoryEvents) return static_cast<int>(ex.history_.size());
    HistoryEvent e;
    e.id = static_cast<int>(ex.history_.size()) + 1;
    e.timestamp_us = now;
    if (ex.history_.size() == kMaxHistoryEvents - 1 && type != "ExecutionSucceeded") {
        for (auto& frame : ex.frames_) cancel_frame(*frame);
        ex.status_ = ExecutionStatus::Failed;
        ex.error_ = {kStatesRuntime,
                     std::string("The execution reached the maximum number of history events (25000).")};
        e.previous_id = e.id - 1;
        e.type = "ExecutionFailed";
        e.details = {{"error", ex.error_.error}, {"cause", *ex.error_.cause}};
        ex.history_.push_back(std::move(e));
        return ex.history_.back().id;
    }
    e.previous_id = f && f->last_event_id ? f->last_event_id : e.id - 1;
    e.type = type;
    e.state_name = state_name;
    e.details = std::move(details);
    ex.history_.push_back(std::move(e));
    if (f) f->last_event_id = ex.history_.back().id;
    return ex.history_.back().id;
}

json Runner::context(const Frame& f) const {
    const auto& o = ex.options_;
    std::string sm_arn = "arn:aws:states:" + o.region + ":" + o.account + ":stateMachine:" + o.state_machine_name;
    return {
        {"Execution",
         {{"Id", ex.execution_arn()},
          {"Input", ex.input_},
          {"Name", o.name},
          {"RoleArn", "arn:aws:iam::" + o.account + ":role/StepFunctionsRole"},
          {"StartTime", format_timestamp_us(o.epoch_offset_us + ex.start_us_)},
          {"RedriveCount", 0}}},
        {"State",
         {{"EnteredTime", format_timestamp_us(o.epoch_offset_us + f.entered_at_us)},
          {"Name", f.state},
          {"RetryCount", f.retry_total}}},
        {"StateMachine", {{"Id", sm_arn}, {"Name", o.state_machine_name}}},
    };
}

AslError Runner::runtime_error(const Frame& f, const std::string& detail) const {
    return {kStatesRuntime, "An error occurred while executing the state '" + f.state + "' (entered at the event id #" +
                                std::to_string(f.entered_event_id) + "). " + detail};
}

Frame* Runner::new_frame(const StateMachineDef* def, Frame* parent, int index, json input) {
    auto f = std::make_unique<Frame>();
    f->def = def;
    f->parent = parent;
    f->index_in_parent = index;
    f->state = def->start_at;
    f->input = std::move(input);
    f->last_event_id = parent ? parent->last_event_id : 0;
    ex.frames_.push_back(std::move(f));
    return ex.frames_.back().get();
}

void Runner::cancel_frame(Frame& f) {
    if (f.phase == Phase::Dead || f.phase == Phase::Done || f.phase == Phase::Failed) {
        f.phase = Phase::Dead;
        return;
    }
    if (f.phase == Phase::Task && f.task_id) {
        ex.tasks_.erase(f.task_id);
        ex.cancelled_.push_back(f.task_id);
    }
    for (Frame* c : f.children) cancel_frame(*c);
    f.phase = Phase::Dead;
}

void Runner::frame_finished(Frame& f) {
    if (!f.parent && ex.status_ != ExecutionStatus::Running) {  // already ended (history quota)
        f.phase = Phase::Dead;
        return;
    }
    if (f.parent) {
        child_finished(*f.parent, f);
        return;
    }
    if (f.phase == Phase::Done) {
        ex.status_ = ExecutionStatus::Succeeded;
        ex.output_ = f.output;
        add_event(&f, "ExecutionSucceeded", "", {{"output", f.output}});
    } else {
        ex.status_ = ExecutionStatus::Failed;
        ex.error_ = f.error;
        json details = {{"error", f.error.error}};
        if (f.error.cause) details["cause"] = *f.error.cause;
        add_event(&f, "ExecutionFailed", "", details);
    }
    f.phase = Phase::Dead;
}

}  // namespace sim::sfn
