// execution_flow.cpp — error handling (Retry with backoff and jitter, Catch) and the Parallel / Map
// states that run child frames.
// https://docs.aws.amazon.com/step-functions/latest/dg/concepts-error-handling.html
// https://docs.aws.amazon.com/step-functions/latest/dg/state-map.html
#include "stepfunctions/execution_internal.h"
#include "stepfunctions/json_text.h"

namespace sim::sfn {

using nlohmann::json;

namespace {

json error_output(const AslError& e) {
    json out = {{"Error", e.error}};
    if (e.cause) out["Cause"] = *e.cause;
    return out;
}

// Delay before retry `attempt` (1-based): IntervalSeconds * BackoffRate^(attempt-1), capped by
// MaxDelaySeconds; FULL jitter draws uniformly from [0, delay). Repeated multiplication (not pow)
// keeps the value identical on every platform.
std::int64_t retry_delay_us(const Retrier& r, int attempt, const RandomBits& random) {
    double delay = r.interval_seconds;
    for (int k = 1; k < attempt; ++k) delay *= r.backoff_rate;
    if (r.max_delay_seconds && delay > *r.max_delay_seconds) delay = *r.max_delay_seconds;
    if (r.full_jitter) {
        std::uint64_t bits = random ? random() : 0;
        delay *= static_cast<double>(bits >> 11) * (1.0 / 9007199254740992.0);
    }
    return static_cast<std::int64_t>(delay * 1e6 + 0.5);
}

}  // namespace

void Runner::fail_frame(Frame& f, AslError error) {
    f.phase = Phase::Failed;
    f.error = std::move(error);
    for (Frame* c : f.children) cancel_frame(*c);
    f.children.clear();
    frame_finished(f);
}

void Runner::handle_error(Frame& f, const StateDef& s, AslError error) {
    for (Frame* c : f.children) cancel_frame(*c);
    f.children.clear();
    for (std::size_t k = 0; k < s.retry.size(); ++k) {
        const Retrier& r = s.retry[k];
        if (!error_list_matches(r.error_equals, error.error)) continue;
        if (f.retry_counts[k] >= r.max_attempts) break;  // this retrier is spent: go to Catch
        int attempt = ++f.retry_counts[k];
        ++f.retry_total;
        ++ex.transitions_;  // each retry is a billed state transition (Standard)
        f.retrying = true;
        f.phase = Phase::Timer;
        f.wake_at_us = now + retry_delay_us(r, attempt, ex.options_.random);
        return;
    }
    for (const Catcher& c : s.catches) {
        if (!error_list_matches(c.error_equals, error.error)) continue;
        auto placed = apply_result_path(c.result_path, f.input, error_output(error));
        if (!placed.ok) return fail_frame(f, {kStatesResultPathMatchFailure, runtime_error(f, placed.error).cause});
        return finish_state(f, s, std::move(placed.value), c.next);
    }
    fail_frame(f, std::move(error));
}

void Runner::start_parallel(Frame& f, const StateDef& s) {
    json ctx = context(f);
    if (s.parameters) {
        auto p = s.parameters->evaluate(f.effective, ctx, ex.options_.random);
        if (!p.ok) return fail_frame(f, runtime_error(f, p.error));
        f.effective = std::move(p.value);
    }
    add_event(&f, "ParallelStateStarted", s.name, json::object());
    f.phase = Phase::Children;
    f.children.clear();
    f.results.assign(s.branches.size(), nullptr);
    f.finished = 0;
    for (std::size_t k = 0; k < s.branches.size(); ++k)
        f.children.push_back(new_frame(s.branches[k].get(), &f, static_cast<int>(k), f.effective));
}

void Runner::start_map(Frame& f, const StateDef& s) {
    json ctx = context(f);
    if (s.has_item_reader)
        return handle_error(f, s,
                            {kStatesItemReaderFailed, std::string("ItemReader (reading items from S3) is not modelled "
                                                                  "by the simulator")});
    auto items = select_path(s.items_path, f.effective, ctx);
    if (!items.ok) return fail_frame(f, runtime_error(f, items.error));
    if (!items.value.is_array())
        return fail_frame(
            f, runtime_error(f, "The ItemsPath field must reference a JSON array, got " +
                                    std::string(items.value.type_name()) + ": " + compact_json(items.value)));
    f.items.clear();
    if (s.max_items_per_batch > 0) {
        // ItemBatcher: each iteration receives {"Items": [...], "BatchInput": ...}.
        json batch = json::array();
        auto flush = [&] {
            json b = {{"Items", batch}};
            if (s.batch_input) b["BatchInput"] = *s.batch_input;
            f.items.push_back(std::move(b));
            batch = json::array();
        };
        for (const auto& item : items.value) {
            batch.push_back(item);
            if (static_cast<int>(batch.size()) == s.max_items_per_batch) flush();
        }
        if (!batch.empty()) flush();
    } else {
        for (auto& item : items.value) f.items.push_back(std::move(item));
    }
    f.max_concurrency = s.max_concurrency;
    if (s.max_concurrency_path) {
        auto v = s.max_concurrency_path->find(f.effective);
        if (!v.found || !is_integral_number(v.value) || v.value.get<double>() < 0)
            return fail_frame(f, runtime_error(f,
                                               "The MaxConcurrencyPath field must reference a "
                                               "non-negative integer: " +
                                                   s.max_concurrency_path->text()));
        f.max_concurrency = static_cast<int>(v.value.get<double>());
    }
    add_event(&f, "MapStateStarted", s.name, {{"length", f.items.size()}});
    f.phase = Phase::Children;
    f.children.clear();
    f.results.assign(f.items.size(), nullptr);
    f.next_item = 0;
    f.active = f.finished = f.failures = 0;
    if (f.items.empty()) {
        add_event(&f, "MapStateSucceeded", s.name, json::object());
        return process_result(f, s, json::array());
    }
    start_map_items(f, s);
}

void Runner::start_map_items(Frame& f, const StateDef& s) {
    while (f.next_item < f.items.size() && (f.max_concurrency == 0 || f.active < f.max_concurrency)) {
        std::size_t i = f.next_item++;
        json input = f.items[i];
        if (s.item_selector) {
            // ItemSelector sees the Map's effective input as `$` and the item in $$.Map.Item.
            json ctx = context(f);
            ctx["Map"] = {{"Item", {{"Index", i}, {"Value", f.items[i]}}}};
            auto sel = s.item_selector->evaluate(f.effective, ctx, ex.options_.random);
            if (!sel.ok) return fail_frame(f, runtime_error(f, sel.error));
            input = std::move(sel.value);
        }
        ++f.active;
        add_event(&f, "MapIterationStarted", s.name, {{"name", s.name}, {"index", i}});
        f.children.push_back(new_frame(s.iterator.get(), &f, static_cast<int>(i), std::move(input)));
    }
}

void Runner::child_finished(Frame& parent, Frame& child) {
    bool ok = child.phase == Phase::Done;
    json output = std::move(child.output);
    AslError error = child.error;
    auto index = static_cast<std::size_t>(child.index_in_parent);
    child.phase = Phase::Dead;
    if (parent.phase != Phase::Children) return;
    const StateDef& s = current_state(parent);
    if (s.type == StateType::Parallel) {
        if (!ok) {
            add_event(&parent, "ParallelStateFailed", s.name, error_output(error));
            return handle_error(parent, s, error);  // the branch's error, as AWS reports it
        }
        parent.results[index] = std::move(output);
        if (++parent.finished < static_cast<int>(parent.results.size())) return;
        add_event(&parent, "ParallelStateSucceeded", s.name, json::object());
        json results(parent.results);
        parent.children.clear();
        return process_result(parent, s, std::move(results));
    }
    // Map
    --parent.active;
    ++parent.finished;
    if (ok) {
        add_event(&parent, "MapIterationSucceeded", s.name, {{"name", s.name}, {"index", index}});
        parent.results[index] = std::move(output);
    } else {
        add_event(&parent, "MapIterationFailed", s.name, {{"name", s.name}, {"index", index}});
        ++parent.failures;
        bool tolerant = s.tolerated_failure_count || s.tolerated_failure_percentage;
        if (!tolerant) {
            add_event(&parent, "MapStateFailed", s.name, error_output(error));
            return handle_error(parent, s, error);
        }
        double pct = 100.0 * parent.failures / static_cast<double>(parent.items.size());
        bool over = (s.tolerated_failure_count && parent.failures > *s.tolerated_failure_count) ||
                    (s.tolerated_failure_percentage && pct > *s.tolerated_failure_percentage);
        if (over) {
            add_event(&parent, "MapStateFailed", s.name, json::object());
            return handle_error(
                parent, s,
                {kStatesExceedToleratedFailureThreshold, std::string("The specified tolerated failure threshold "
                                                                     "was exceeded")});
        }
        parent.results[index] = error_output(error);
    }
    if (parent.finished < static_cast<int>(parent.items.size())) return start_map_items(parent, s);
    add_event(&parent, "MapStateSucceeded", s.name, json::object());
    json results(parent.results);
    parent.children.clear();
    process_result(parent, s, std::move(results));
}

}  // namespace sim::sfn
