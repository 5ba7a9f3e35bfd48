// execution_states.cpp — what each state type does when entered, in the documented JSONPath order
// InputPath -> Parameters -> work -> ResultSelector -> ResultPath -> OutputPath.
// https://docs.aws.amazon.com/step-functions/latest/dg/concepts-input-output-filtering.html
#include "stepfunctions/execution_internal.h"
#include "stepfunctions/json_text.h"
#include "stepfunctions/timestamp.h"

#include <cmath>
#include <string_view>

namespace sim::sfn {

using nlohmann::json;

namespace {

constexpr std::size_t kMaxPayloadBytes = 262144;  // 256 KiB state input/output quota

}  // namespace

std::string state_event_prefix(StateType type) {
    return state_type_name(type);
}

bool Runner::step(Frame& f) {
    switch (f.phase) {
        case Phase::Enter:
            enter_state(f);
            return true;
        case Phase::Run:
            run_state(f);
            return true;
        case Phase::Timer: {
            if (now < f.wake_at_us) return false;
            const StateDef& s = current_state(f);
            if (f.retrying) {
                f.phase = Phase::Run;
                run_state(f);
                return true;
            }
            // A Wait state's time is up: output is the effective input filtered by OutputPath.
            auto out = select_path(s.output_path, f.effective, context(f));
            if (!out.ok)
                fail_frame(f, runtime_error(f, out.error));
            else
                finish_state(f, s, std::move(out.value));
            return true;
        }
        case Phase::Task: {
            bool timed_out = f.task_deadline_us && now >= *f.task_deadline_us;
            bool no_heartbeat = f.heartbeat_deadline_us && now >= *f.heartbeat_deadline_us;
            if (!timed_out && !no_heartbeat) return false;
            ex.tasks_.erase(f.task_id);
            ex.cancelled_.push_back(f.task_id);
            AslError e{timed_out ? kStatesTimeout : kStatesHeartbeatTimeout, std::nullopt};
            add_event(&f, "TaskTimedOut", f.state, {{"error", e.error}});
            handle_error(f, current_state(f), e);
            return true;
        }
        case Phase::TaskSettled:
            settle_task(f, current_state(f));
            return true;
        case Phase::Children:
        case Phase::Done:
        case Phase::Failed:
        case Phase::Dead:
            return false;
    }
    return false;
}

void Runner::enter_state(Frame& f) {
    const StateDef& s = current_state(f);
    f.entered_at_us = now;
    f.retry_counts.assign(s.retry.size(), 0);
    f.retry_total = 0;
    f.retrying = false;
    ++ex.transitions_;
    f.entered_event_id =
        add_event(&f, state_event_prefix(s.type) + "StateEntered", s.name, {{"name", s.name}, {"input", f.input}});
    f.phase = Phase::Run;
    run_state(f);
}

void Runner::run_state(Frame& f) {
    const StateDef& s = current_state(f);
    json ctx = context(f);
    auto& random = ex.options_.random;
    if (s.type == StateType::Fail) {
        AslError e;
        if (s.error) e.error = *s.error;
        if (s.error_path) {
            auto v = evaluate_value(*s.error_path, "ErrorPath", f.input, ctx, random);
            if (!v.ok) return fail_frame(f, runtime_error(f, v.error));
            e.error = v.value.is_string() ? v.value.get<std::string>() : compact_json(v.value);
        }
        if (s.cause) e.cause = *s.cause;
        if (s.cause_path) {
            auto v = evaluate_value(*s.cause_path, "CausePath", f.input, ctx, random);
            if (!v.ok) return fail_frame(f, runtime_error(f, v.error));
            e.cause = v.value.is_string() ? v.value.get<std::string>() : compact_json(v.value);
        }
        return fail_frame(f, e);
    }
    auto eff = select_path(s.input_path, f.input, ctx);
    if (!eff.ok) return fail_frame(f, runtime_error(f, eff.error));
    switch (s.type) {
        case StateType::Pass: {
            json effective = std::move(eff.value);
            if (s.parameters) {
                auto p = s.parameters->evaluate(effective, ctx, random);
                if (!p.ok) return fail_frame(f, runtime_error(f, p.error));
                effective = std::move(p.value);
            }
            // A Pass state's Result is literal (no `.$` evaluation) and wins over Parameters.
            return process_result(f, s, s.result ? *s.result : effective);
        }
        case StateType::Succeed: {
            auto out = select_path(s.output_path, eff.value, ctx);
            if (!out.ok) return fail_frame(f, runtime_error(f, out.error));
            return finish_state(f, s, std::move(out.value));
        }
        case StateType::Choice: {
            std::string next;
            for (const auto& rule : s.choices) {
                auto m = evaluate_choice_rule(rule, eff.value, ctx);
                if (!m.ok) return fail_frame(f, runtime_error(f, m.error));
                if (m.matched) {
                    next = rule.next;
                    break;
                }
            }
            if (next.empty()) next = s.default_next;
            if (next.empty())
                return fail_frame(
                    f, {kStatesNoChoiceMatched, runtime_error(f, "No Choice matched and no Default was given.").cause});
            auto out = select_path(s.output_path, eff.value, ctx);
            if (!out.ok) return fail_frame(f, runtime_error(f, out.error));
            return finish_state(f, s, std::move(out.value), next);
        }
        case StateType::Wait:
            f.effective = std::move(eff.value);
            return run_wait(f, s);
        case StateType::Task:
            f.effective = std::move(eff.value);
            return run_task(f, s);
        case StateType::Parallel:
            f.effective = std::move(eff.value);
            return start_parallel(f, s);
        case StateType::Map:
            f.effective = std::move(eff.value);
            return start_map(f, s);
        case StateType::Fail:
            break;
    }
}

void Runner::finish_state(Frame& f, const StateDef& s, json output, const std::string& next) {
    if (compact_json(output).size() > kMaxPayloadBytes)
        return fail_frame(f, {kStatesDataLimitExceeded, "The state/task '" + s.name +
                                                            "' returned a result with a size "
                                                            "exceeding the maximum number of bytes service limit."});
    add_event(&f, state_event_prefix(s.type) + "StateExited", s.name, {{"name", s.name}, {"output", output}});
    f.retrying = false;
    f.children.clear();
    std::string target = next.empty() ? s.next : next;
    if (target.empty()) {  // End: true, or Succeed
        f.phase = Phase::Done;
        f.output = std::move(output);
        frame_finished(f);
        return;
    }
    f.state = target;
    f.input = std::move(output);
    f.phase = Phase::Enter;
}

void Runner::process_result(Frame& f, const StateDef& s, json result) {
    json ctx = context(f);
    if (s.result_selector) {
        auto sel = s.result_selector->evaluate(result, ctx, ex.options_.random);
        if (!sel.ok) return fail_frame(f, runtime_error(f, sel.error));
        result = std::move(sel.value);
    }
    auto placed = apply_result_path(s.result_path, f.input, std::move(result));
    if (!placed.ok) return handle_error(f, s, {kStatesResultPathMatchFailure, runtime_error(f, placed.error).cause});
    auto out = select_path(s.output_path, placed.value, ctx);
    if (!out.ok) return fail_frame(f, runtime_error(f, out.error));
    finish_state(f, s, std::move(out.value));
}

void Runner::run_wait(Frame& f, const StateDef& s) {
    std::int64_t wake = now;
    if (s.wait_seconds) wake = now + *s.wait_seconds * 1000000;
    if (s.wait_timestamp_us) wake = *s.wait_timestamp_us - ex.options_.epoch_offset_us;
    if (s.seconds_path) {
        auto v = s.seconds_path->find(f.effective);
        std::string p = s.seconds_path->text();
        if (!v.found)
            return fail_frame(f, runtime_error(f,
                                               "The SecondsPath parameter does not reference an "
                                               "input value: " +
                                                   p));
        if (!is_integral_number(v.value))
            return fail_frame(f, runtime_error(f,
                                               "The SecondsPath parameter cannot be parsed as a "
                                               "long value: " +
                                                   p + " == " + compact_json(v.value)));
        if (v.value.get<double>() < 0)
            return fail_frame(f, runtime_error(f,
                                               "The SecondsPath parameter references a negative "
                                               "value: " +
                                                   p + " == " + compact_json(v.value)));
        wake = now + static_cast<std::int64_t>(v.value.get<double>()) * 1000000;
    }
    if (s.timestamp_path) {
        auto v = s.timestamp_path->find(f.effective);
        std::string p = s.timestamp_path->text();
        if (!v.found)
            return fail_frame(f, runtime_error(f,
                                               "The TimestampPath parameter does not reference an "
                                               "input value: " +
                                                   p));
        auto ts = v.value.is_string() ? parse_timestamp_us(v.value.get<std::string>()) : std::nullopt;
        if (!ts)
            return fail_frame(f, runtime_error(f,
                                               "The TimestampPath parameter does not reference a "
                                               "valid ISO-8601 extended offset date-time format "
                                               "string: " +
                                                   p + " == " + compact_json(v.value)));
        wake = *ts - ex.options_.epoch_offset_us;
    }
    f.retrying = false;
    f.phase = Phase::Timer;
    f.wake_at_us = wake < now ? now : wake;  // a timestamp in the past does not wait
}

void Runner::run_task(Frame& f, const StateDef& s) {
    json ctx = context(f);
    // The callback pattern's task token is in the context object while Parameters are evaluated
    // (https://docs.aws.amazon.com/step-functions/latest/dg/connect-to-resource.html#connect-wait-token).
    const std::uint64_t id = ex.next_task_id_++;
    std::string token;
    constexpr std::string_view kCallback = ".waitForTaskToken";
    if (s.resource.size() > kCallback.size() &&
        s.resource.compare(s.resource.size() - kCallback.size(), kCallback.size(), kCallback) == 0) {
        token = ex.options_.task_token_prefix + ex.options_.name + "/" + std::to_string(id);
        ctx["Task"] = {{"Token", token}};
    }
    if (s.parameters) {
        auto p = s.parameters->evaluate(f.effective, ctx, ex.options_.random);
        if (!p.ok) return fail_frame(f, runtime_error(f, p.error));
        f.effective = std::move(p.value);
    }
    auto seconds = [&](const std::optional<double>& fixed, const std::optional<JsonPath>& path, const char* field,
                       std::optional<std::int64_t>& out) -> bool {
        if (fixed) out = static_cast<std::int64_t>(*fixed * 1e6);
        if (!path) return true;
        auto v = path->find(f.effective);
        if (!v.found || !is_integral_number(v.value) || v.value.get<double>() < 1) {
            fail_frame(f, runtime_error(f, std::string("The ") + field +
                                               " parameter must reference "
                                               "a positive integer: " +
                                               path->text()));
            return false;
        }
        out = static_cast<std::int64_t>(v.value.get<double>() * 1e6);
        return true;
    };
    std::optional<std::int64_t> timeout, heartbeat;
    if (!seconds(s.timeout_seconds, s.timeout_seconds_path, "TimeoutSecondsPath", timeout)) return;
    if (!seconds(s.heartbeat_seconds, s.heartbeat_seconds_path, "HeartbeatSecondsPath", heartbeat)) return;
    f.task_id = id;
    f.phase = Phase::Task;
    f.task_deadline_us = timeout ? std::optional<std::int64_t>(now + *timeout) : std::nullopt;
    f.heartbeat_interval_us = heartbeat.value_or(0);
    f.heartbeat_deadline_us = heartbeat ? std::optional<std::int64_t>(now + *heartbeat) : std::nullopt;
    ex.tasks_[id] = &f;
    add_event(&f, "TaskScheduled", s.name, {{"resource", s.resource}, {"parameters", compact_json(f.effective)}});
    add_event(&f, "TaskStarted", s.name, {{"resource", s.resource}});
    ex.new_tasks_.push_back({id, s.name, s.resource, f.effective, timeout, heartbeat, std::move(token)});
}

void Runner::settle_task(Frame& f, const StateDef& s) {
    f.task_id = 0;
    if (f.task_ok) {
        add_event(&f, "TaskSucceeded", s.name, {{"resource", s.resource}, {"output", compact_json(f.task_output)}});
        return process_result(f, s, std::move(f.task_output));
    }
    json details = {{"resource", s.resource}, {"error", f.task_error.error}};
    if (f.task_error.cause) details["cause"] = *f.task_error.cause;
    add_event(&f, "TaskFailed", s.name, details);
    handle_error(f, s, f.task_error);
}

}  // namespace sim::sfn
