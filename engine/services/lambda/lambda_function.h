// lambda_function.h — the Lambda function service (LambdaFunction), shared by lambda.cpp and the
// function whose handler is code (lambda_code_function.cpp, which overrides its
// "code" hooks). Internal to engine/services/lambda. What it models: lambda.cpp's header.
#pragma once

#include "js/code_environment.h"
#include "services/lambda/lambda.h"
#include "services/lambda/lambda_contract.h"

#include "core/deadline_queue.h"
#include "core/id_map.h"
#include "core/timer_tag.h"
#include "pattern/config_reader.h"
#include "pattern/pattern.h"
#include "prices/price_table.h"
#include "services/json_path.h"
#include "services/lambda/lambda_actions.h"
#include "services/lambda/lambda_config.h"
#include "traffic/payload_template.h"

#include <algorithm>
#include <cmath>
#include <deque>
#include <unordered_map>

namespace sim::svc {

// A function whose handler is JavaScript (lambda_code_function.cpp).
std::unique_ptr<Service> make_lambda_code_function(LambdaConfig c);

namespace lambda_detail {

enum Tag : std::uint64_t { kInitDone = 1, kHandlerDone, kTimeout, kAsyncRetry, kPcBill, kCodeTimer, kCodeAnswer };
constexpr SimTime kPcBillPeriod = minutes(1);  // provisioned concurrency accrues per minute

constexpr std::int64_t kMaxSyncPayload = 6 * 1024 * 1024;  // 6 MB request (RequestResponse)
constexpr std::int64_t kMaxAsyncPayload = 1024 * 1024;     // 1 MB (Event, since Oct 2025)
constexpr std::uint16_t kMaxRecursion = 16;                // invocations per event chain

struct Invocation {
    Message msg;
    CallerRef caller;
    SimTime received;  // when it first reached the function (async: queue entry time)
    SimTime start, handler_start;
    SimTime init;  // INIT duration (0 when warm)
    // Code whose module awaits a call at top level: INIT goes on from `init_waiting_since` until
    // the await settles.
    bool init_waiting = false;
    SimTime init_waiting_since;
    std::size_t next_action = 0;
    std::size_t record = 0;  // batch: the record whose actions run now
    bool error_checked = false;
    bool report_failures = false;       // batch: ReportBatchItemFailures on the mapping
    std::vector<std::uint64_t> failed;  // batch: ids of failed records
    std::uint64_t pending_call = 0;
    SimTime deadline = kNever;  // handler_start + Timeout while the handler runs
    int attempts = 0;           // async: attempts made
    bool on_pc = false;         // runs on a provisioned-concurrency environment
    SimTime throttle_backoff;
    // Functions with code: the environment running it (held while busy) and the handler's result.
    std::unique_ptr<js::CodeEnvironment> env;
    JsonPtr result;
};

class LambdaFunction : public Service {
    // Whether the handler behind a timeout entry is still running (not finished, not restarted).
    auto running() const {
        return [this](const DeadlineQueue::Entry& e) {
            auto it = invocations_.find(e.id);
            return it != invocations_.end() && it->second.deadline == e.due;
        };
    }

public:
    explicit LambdaFunction(LambdaConfig c) : c_(std::move(c)) {}

    void on_start(Context& ctx) override {
        account_ = &ctx.account().shared<LambdaAccount>(c_.account_concurrency);
        start_code(ctx);
        if (c_.reserved >= 0) account_->reserved_total += c_.reserved;
        if (c_.provisioned > 0) {
            // Provisioned environments are initialised now, off the request path (no cold
            // starts), and carved out of the account pool when the function has no reservation.
            if (c_.reserved < 0) account_->reserved_total += c_.provisioned;
            environments_ += c_.provisioned;
            pc_free_ = c_.provisioned;
            ctx.metrics().set_hourly_cost(
                provisioned_gb() * 3600 * (c_.arm ? price_table::kLambdaPcAllocArm : price_table::kLambdaPcAllocX86),
                ctx.now());
            ctx.start_timer(kPcBillPeriod, timer_tag(kPcBill, 0));
        }
    }

    void on_message(Context& ctx, const Inbound& in) override {
        if (in.msg.size_bytes > (in.caller.valid() ? kMaxSyncPayload : kMaxAsyncPayload)) {
            too_large(ctx, in);
            return;
        }
        if (c_.stop_loops && stop_recursion(ctx, in)) return;
        const std::uint64_t id = next_id_++;
        Invocation inv;
        inv.msg = in.msg;
        inv.caller = in.caller;
        inv.received = ctx.now();
        inv.report_failures = in.msg.batch && reports_failures(in.via);
        invocations_.emplace(id, std::move(inv));
        admit(ctx, id);
    }

    void on_timer(Context& ctx, std::uint64_t t) override {
        const auto kind = timer_kind<Tag>(t);
        const std::uint64_t id = timer_value(t);
        if (kind == kPcBill) {
            bill_provisioned(ctx, kPcBillPeriod);
            ctx.start_timer(kPcBillPeriod, timer_tag(kPcBill, 0));
            return;
        }
        if (kind == kTimeout) {
            timeouts_.sweep(ctx, running(), [&](std::uint64_t timed) { time_out(ctx, timed); });
            return;
        }
        if (kind == kCodeTimer || kind == kCodeAnswer) {
            on_code_timer(ctx, id);
            return;
        }
        auto it = invocations_.find(id);
        if (it == invocations_.end()) return;
        switch (kind) {
            case kInitDone:
                if (!init_environment(ctx, id, it->second)) break;
                start_handler(ctx, id, it->second);
                break;
            case kHandlerDone:
                if (!timed_out(ctx, id, it->second)) run_next_action(ctx, id, it->second);
                break;
            case kAsyncRetry:
                --async_waiting_;
                ctx.metrics().set_queue_depth(async_waiting_, ctx.now());
                admit(ctx, id);
                break;
            case kPcBill:
            case kTimeout:
            case kCodeTimer:
            case kCodeAnswer:
                break;  // handled above, before the invocation lookup
        }
    }

    void on_reply(Context& ctx, std::uint64_t call, const Reply& r) override {
        const std::uint64_t* owner = pending_calls_.find(call);
        if (!owner) return;  // the invocation already timed out
        const std::uint64_t id = *owner;
        pending_calls_.erase(call);
        auto it = invocations_.find(id);
        if (it == invocations_.end()) return;
        it->second.pending_call = 0;
        Invocation& inv = it->second;
        if (timed_out(ctx, id, inv)) return;
        if (on_code_reply(ctx, call, id, r)) return;
        if (!r.ok()) {
            if (inv.msg.batch && inv.report_failures) {  // the code catches it and reports the record
                inv.failed.push_back((*inv.msg.batch)[inv.record].id);
                ++inv.record;
                inv.next_action = 0;
            } else {
                finish(ctx, id, std::string(kLambdaFunctionUnhandled.code),
                       r.error + (r.detail.empty() ? "" : ": " + r.detail), Outcome::Error);
                return;
            }
        }
        run_next_action(ctx, id, inv);
    }

    void report(Json& out) const override {
        out["environments"] = environments_;
        out["billed_gb_seconds"] = std::round(gb_seconds_ * 1e6) / 1e6;
        out["init_ms_total"] = std::round(init_ms_total_ * 1e3) / 1e3;
        out["init_ms"] = {{"p50", std::round(init_hist_.percentile(0.5).millis() * 1e3) / 1e3},
                          {"p99", std::round(init_hist_.percentile(0.99).millis() * 1e3) / 1e3}};
        if (c_.provisioned > 0) {
            out["provisioned_concurrency"] = c_.provisioned;
            out["provisioned_gb_seconds"] = std::round(pc_gb_seconds_ * 1e6) / 1e6;
        }
        out["recursive_loops_stopped"] = loops_stopped_;
        out["records_failed"] = records_failed_;
    }

    Json inspect() const override {
        return {
            {"environments", environments_}, {"busy", busy_}, {"idle", idle_.size()}, {"queued_async", async_waiting_}};
    }

protected:
    // ---- What a function whose handler is code changes (LambdaCodeFunction overrides these) ----
    virtual void start_code(Context&) {}
    virtual void on_code_timer(Context&, std::uint64_t) {}
    // A cold environment after INIT; false when INIT failed (the invocation has then finished).
    virtual bool init_environment(Context&, std::uint64_t, Invocation&) { return true; }
    // A warm (or provisioned) environment taken for the invocation; false as above.
    virtual bool reuse_environment(Context&, std::uint64_t, Invocation&, bool /*pc*/) { return true; }
    // Runs the handler's code instead of the Actions; false when the function has none.
    virtual bool run_code(Context&, std::uint64_t, Invocation&) { return false; }
    // A reply to a call the code made; false when the call was not the code's.
    virtual bool on_code_reply(Context&, std::uint64_t /*call*/, std::uint64_t, const Reply&) { return false; }
    virtual bool environment_lost(const Invocation&) const { return false; }
    virtual void environment_released(Context&, std::uint64_t, Invocation&, bool /*kept*/, SimTime /*handler*/,
                                      std::int64_t /*billed_ms*/) {}
    virtual void environment_reclaimed() {}
    virtual JsonPtr reply_body(const Invocation& inv, bool ok) const {
        return !ok ? nullptr : inv.msg.batch ? failures_body(inv) : inv.msg.body;
    }

    // ---- Timeouts: no timer per invocation (almost all end well before their Timeout) ----------
    // Running handlers wait in `timeouts_` in start order, which is deadline order (one Timeout per
    // function); one timer for the oldest still running sweeps everything due.
    void time_out(Context& ctx, std::uint64_t id) {
        finish(ctx, id, std::string(kLambdaFunctionTimedOut.code),
               "Task timed out after " + seconds_text(c_.timeout) + " seconds", Outcome::TimedOut);
    }

    // A handler step that arrives at or after the deadline (the same microsecond as the sweep, but
    // ordered before it) finds the function timed out, as a timer armed at the start would have.
    bool timed_out(Context& ctx, std::uint64_t id, const Invocation& inv) {
        if (ctx.now() < inv.deadline) return false;
        time_out(ctx, id);
        return true;
    }

    static std::string seconds_text(SimTime t) {
        char buf[32];
        std::snprintf(buf, sizeof buf, "%.2f", t.seconds());
        return buf;
    }

    // Concurrency check, environment choice (warm / cold / throttle).
    void admit(Context& ctx, std::uint64_t id) {
        Invocation& inv = invocations_.at(id);
        const SimTime now = ctx.now();
        reclaim_idle(ctx);
        std::string reason;
        TokenBucket& rps = account_->requests_per_second;
        if (!rps.available(now))
            reason = "Rate Exceeded: invocation requests per second exceed 10 × the account's concurrency (" +
                     std::to_string(account_->concurrency_limit * 10) + "/s)";
        // A free provisioned environment takes the request first (it already counts against the
        // reservation or the account pool); only the overflow scales on demand.
        const bool pc = pc_free_ > 0 && (c_.reserved < 0 || busy_ < c_.reserved);
        if (!reason.empty() || pc) {
        } else if (c_.reserved >= 0) {
            if (busy_ >= c_.reserved)
                reason = c_.reserved == 0
                             ? "ReservedFunctionConcurrentInvocationLimitExceeded: reserved concurrency is 0"
                             : "ReservedFunctionConcurrentInvocationLimitExceeded: reserved concurrency " +
                                   std::to_string(c_.reserved) + " reached";
        } else {
            const LambdaAccount& a = *account_;
            if (a.unreserved_in_use >= a.concurrency_limit - a.reserved_total)
                reason = "ConcurrentInvocationLimitExceeded: account concurrency " +
                         std::to_string(a.concurrency_limit) + " reached";
        }
        bool cold = !pc && idle_.empty();
        if (reason.empty() && cold && !take_scaling_token(ctx))
            reason = c_.legacy_burst ? "scaling rate (legacy burst): account burst of 3,000 used, then 500 new "
                                       "execution environments per minute"
                                     : "scaling rate: at most 1,000 new execution environments per 10 s";
        if (!reason.empty()) {
            throttle(ctx, id, inv, reason);
            return;
        }
        rps.take();
        ++busy_;
        inv.on_pc = pc;
        if (pc)
            --pc_free_;
        else if (c_.reserved < 0)
            ++account_->unreserved_in_use;
        ctx.metrics().set_concurrency(busy_, now);
        ctx.metrics().count(Counter::Invocations, now);
        inv.start = now;
        ++inv.attempts;
        if (inv.attempts > 1) ctx.metrics().count(Counter::Retries, now);
        if (cold) {
            ++environments_;
            ctx.metrics().count(Counter::ColdStarts, now);
            inv.init = c_.init.sample(ctx.rng());
            init_hist_.add(inv.init);
            ctx.start_timer(inv.init, timer_tag(kInitDone, id));
        } else {
            if (!pc) idle_.pop_back();  // most recently used first
            inv.init = {};
            if (!reuse_environment(ctx, id, inv, pc)) return;
            start_handler(ctx, id, inv);
        }
    }

    void throttle(Context& ctx, std::uint64_t id, Invocation& inv, const std::string& reason) {
        ctx.metrics().count(Counter::Throttles, ctx.now());
        ctx.span(inv.msg, "Invoke", ctx.now(), Outcome::Throttled, reason);
        if (inv.caller.valid()) {
            ctx.reply(inv.caller, Reply::failure(kLambdaTooManyRequests, reason));
            invocations_.erase(id);
            return;
        }
        // Async: back on the internal queue, exponential backoff 1 s → 5 min, until the event's
        // maximum age runs out.
        inv.throttle_backoff =
            inv.throttle_backoff.us == 0 ? sec(1) : std::min(inv.throttle_backoff + inv.throttle_backoff, minutes(5));
        if (ctx.now() + inv.throttle_backoff - inv.received > c_.max_event_age) {
            fail_async(ctx, id, inv, "EventAgeExceeded", reason);
            return;
        }
        schedule_async_retry(ctx, id, inv.throttle_backoff);
    }

    // The event waits on Lambda's internal async queue until `delay` has passed.
    void schedule_async_retry(Context& ctx, std::uint64_t id, SimTime delay) {
        ++async_waiting_;
        ctx.metrics().set_queue_depth(async_waiting_, ctx.now());
        ctx.start_timer(delay, timer_tag(kAsyncRetry, id));
    }

    void start_handler(Context& ctx, std::uint64_t id, Invocation& inv) {
        inv.handler_start = ctx.now();
        inv.next_action = 0;
        inv.record = 0;
        inv.error_checked = false;
        inv.failed.clear();
        inv.deadline = ctx.now() + c_.timeout;
        timeouts_.push(ctx, inv.deadline, id, running(), invocations_.size());
        const SimTime d = from_ms(c_.duration.sample_ms(ctx.rng()) * c_.duration_scale);
        ctx.start_timer(d, timer_tag(kHandlerDone, id));
    }

    void run_next_action(Context& ctx, std::uint64_t id, Invocation& inv) {
        if (!inv.error_checked) {
            inv.error_checked = true;
            if (ctx.rng().chance(c_.error_rate)) {
                finish(ctx, id, std::string(kLambdaFunctionUnhandled.code),
                       "function error (ErrorRate " + std::to_string(c_.error_rate) + ")", Outcome::Error);
                return;
            }
        }
        if (run_code(ctx, id, inv)) return;
        if (inv.msg.batch) {
            run_batch_step(ctx, id, inv);
            return;
        }
        if (inv.next_action >= c_.actions.size()) {
            finish(ctx, id, "", "", Outcome::Ok);
            return;
        }
        const std::size_t i = inv.next_action++;
        call_action(ctx, id, inv, c_.actions[i], inv.msg, requests_.plain(c_.actions, i, inv.msg.body));
    }

    // Batch invocations: the code loops over the records, running the actions for each one.
    void run_batch_step(Context& ctx, std::uint64_t id, Invocation& inv) {
        const std::vector<Message>& records = *inv.msg.batch;
        while (inv.record < records.size()) {
            const Message& rec = records[inv.record];
            if (inv.next_action == 0 && c_.record_error_rate > 0 && ctx.rng().chance(c_.record_error_rate)) {
                ++records_failed_;
                if (!inv.report_failures) {
                    finish(ctx, id, std::string(kLambdaFunctionUnhandled.code),
                           "record " + std::to_string(rec.id) + " failed (RecordErrorRate)", Outcome::Error);
                    return;
                }
                inv.failed.push_back(rec.id);
                ++inv.record;
                continue;
            }
            if (inv.next_action >= c_.actions.size()) {
                ++inv.record;
                inv.next_action = 0;
                continue;
            }
            const std::size_t i = inv.next_action++;
            call_action(ctx, id, inv, c_.actions[i], rec, requests_.record(c_.actions, i, rec));
            return;
        }
        finish(ctx, id, "", "", Outcome::Ok);
    }

    void call_action(Context& ctx, std::uint64_t id, Invocation& inv, const LambdaAction& a, const Message& cause,
                     JsonPtr req) {
        Message m = ctx.derive(cause, "sdk.call", LoopCount::AddLambdaHop);
        m.size_bytes = cause.size_bytes;
        m.body = std::move(req);
        inv.pending_call = ctx.call(*a.link, std::move(m));
        pending_calls_.put(inv.pending_call, id);
    }

    bool reports_failures(const Link* via) {
        if (!via) return false;
        for (const auto& [link, yes] : rbif_cache_)
            if (link == via) return yes;
        bool yes = via->port == "transform";  // Firehose data transformation: per-record results
        if (auto f = via->config.find("FunctionResponseTypes"); f != via->config.end() && f->is_array())
            for (const Json& t : *f) yes = yes || t == "ReportBatchItemFailures";
        rbif_cache_.emplace_back(via, yes);
        return yes;
    }

    void too_large(Context& ctx, const Inbound& in) {
        const bool sync = in.caller.valid();
        const std::string detail = std::string("RequestTooLargeException: ") + (sync ? "synchronous" : "asynchronous") +
                                   " payload of " + std::to_string(in.msg.size_bytes) + " bytes is over the " +
                                   (sync ? "6 MB" : "1 MB") + " limit";
        ctx.metrics().count(Counter::Errors, ctx.now());
        if (sync)
            ctx.reply(in.caller, Reply::failure(kLambdaRequestTooLarge, detail));
        else
            ctx.drop(in.msg, DropReason::Refused, detail);
    }

    // Recursive-loop detection: an event chain that has already invoked Lambda 16 times is
    // stopped before the next invocation and sent to the DLQ / on-failure destination if set.
    bool stop_recursion(Context& ctx, const Inbound& in) {
        std::vector<std::string> looping;
        if (in.msg.batch) {
            for (const Message& rec : *in.msg.batch)
                if (rec.recursion >= kMaxRecursion) looping.push_back(std::to_string(rec.id));
            if (looping.empty()) return false;
        } else if (in.msg.recursion < kMaxRecursion) {
            return false;
        }
        ++loops_stopped_;
        const std::string text =
            "recursive loop detected: '" + ctx.node_id() + "' was invoked " + std::to_string(kMaxRecursion) +
            " times by the same event chain; Lambda stopped the next invocation (RecursiveLoop: Terminate)";
        ctx.note(&in.msg, Outcome::Dropped, text);
        ctx.metrics().count(Counter::Errors, ctx.now());
        if (in.caller.valid()) {
            Json body = {{"recursiveItems", looping}};
            Reply r = Reply::failure(kLambdaRecursiveInvocation, text);
            r.body = std::make_shared<const Json>(std::move(body));
            ctx.reply(in.caller, std::move(r));
            return true;
        }
        Invocation inv;
        inv.msg = in.msg;
        inv.received = ctx.now();
        const std::uint64_t id = next_id_++;
        invocations_.emplace(id, std::move(inv));
        fail_async(ctx, id, invocations_.at(id), "RecursiveInvocationException", text);
        return true;
    }

    // Ends an invocation (success when error is empty): billing, environment release, reply.
    void finish(Context& ctx, std::uint64_t id, const std::string& error, const std::string& detail, Outcome outcome) {
        auto it = invocations_.find(id);
        Invocation& inv = it->second;
        const SimTime now = ctx.now();
        inv.deadline = kNever;
        if (inv.pending_call) pending_calls_.erase(inv.pending_call);
        // Billing: INIT + handler time, rounded up to 1 ms; GB-s at the configured memory.
        const SimTime handler = now - inv.handler_start;
        const std::int64_t billed_ms = (inv.init.us + handler.us + 999) / 1000;
        const double gbs = static_cast<double>(billed_ms) / 1000.0 * static_cast<double>(c_.memory_mb) / 1024.0;
        gb_seconds_ += gbs;
        init_ms_total_ += inv.init.millis();
        const double rate = inv.on_pc ? (c_.arm ? price_table::kLambdaPcDurationArm : price_table::kLambdaPcDurationX86)
                                      : (c_.arm ? price_table::kLambdaGbSecondArm : price_table::kLambdaGbSecondX86);
        // Provisioned-concurrency duration has its own price and no free allowance.
        const double billed_gbs = inv.on_pc ? gbs : ctx.billable(FreeMeter::LambdaGbSeconds, gbs);
        ctx.metrics().add_cost(
            price_table::kLambdaRequest * ctx.billable(FreeMeter::LambdaRequests, 1) + billed_gbs * rate, now);
        ctx.metrics().observe_latency(now - inv.start, now);
        const bool ok = error.empty();
        if (!ok) ctx.metrics().count(outcome == Outcome::TimedOut ? Counter::Timeouts : Counter::Errors, now);
        if (outcome == Outcome::TimedOut) ctx.metrics().count(Counter::Errors, now);
        ctx.span(
            inv.msg, inv.init.us ? "Invoke (cold start)" : "Invoke", inv.start, outcome,
            inv.init.us ? "init " + std::to_string(inv.init.us / 1000) + " ms" + (ok ? "" : "; " + detail) : detail);
        // Release the environment. A timed-out environment is torn down (AWS restarts the runtime).
        --busy_;
        if (inv.on_pc)
            ++pc_free_;  // a timed-out provisioned environment is re-initialised off the request path
        else if (c_.reserved < 0)
            --account_->unreserved_in_use;
        const bool env_lost = outcome == Outcome::TimedOut || environment_lost(inv);
        if (inv.on_pc) {
        } else if (env_lost) {
            --environments_;
        } else {
            idle_.push_back(now);
        }
        environment_released(ctx, id, inv, !env_lost, handler, billed_ms);
        ctx.metrics().set_concurrency(busy_, now);

        if (inv.caller.valid()) {
            Reply r;
            r.status = 200;  // sync: function errors still return 200 with X-Amz-Function-Error
            r.error = ok ? "" : error;
            r.detail = detail;
            r.body = reply_body(inv, ok);
            ctx.reply(inv.caller, std::move(r));
            invocations_.erase(it);
            return;
        }
        if (ok) {
            if (c_.on_success) ctx.send(*c_.on_success, destination_record(ctx, inv, "Success", ""));
            invocations_.erase(it);
            return;
        }
        // Async function error: retry after ~1 min, then ~2 min (MaximumRetryAttempts).
        if (inv.attempts <= c_.max_retries) {
            const SimTime delay = inv.attempts == 1 ? minutes(1) : minutes(2);
            if (now + delay - inv.received <= c_.max_event_age) {
                schedule_async_retry(ctx, id, delay);
                return;
            }
            fail_async(ctx, id, inv, "EventAgeExceeded", detail);
            return;
        }
        fail_async(ctx, id, inv, "RetriesExhausted", detail);
    }

    static JsonPtr failures_body(const Invocation& inv) {
        if (inv.failed.empty()) return nullptr;
        Json items = Json::array();
        for (std::uint64_t f : inv.failed) items.push_back({{"itemIdentifier", std::to_string(f)}});
        return std::make_shared<const Json>(Json{{"batchItemFailures", std::move(items)}});
    }

    void fail_async(Context& ctx, std::uint64_t id, Invocation& inv, const char* condition, const std::string& detail) {
        if (c_.on_failure) {
            ctx.metrics().count(Counter::DeadLettered, ctx.now());
            ctx.send(*c_.on_failure, destination_record(ctx, inv, condition, detail));
            ctx.note(&inv.msg, Outcome::DeadLettered,
                     std::string("async event sent to on-failure destination: ") + condition);
        } else if (c_.dlq) {
            ctx.metrics().count(Counter::DeadLettered, ctx.now());
            Message m = inv.msg;
            m.id = ctx.new_message_id();
            m.attributes = std::make_shared<const Json>(
                Json{{"RequestID", {{"Type", "String"}, {"Value", std::to_string(inv.msg.id)}}},
                     {"ErrorCode", {{"Type", "Number"}, {"Value", "200"}}},
                     {"ErrorMessage", {{"Type", "String"}, {"Value", detail}}}});
            ctx.send(*c_.dlq, std::move(m));
            ctx.note(&inv.msg, Outcome::DeadLettered,
                     std::string("async event sent to dead-letter queue: ") + condition);
        } else {
            ctx.drop(inv.msg, DropReason::RetriesExhausted,
                     std::string("async invocation failed (") + condition +
                         ") and no on-failure destination or DLQ is set: " + detail);
        }
        invocations_.erase(id);
    }

    Message destination_record(Context& ctx, const Invocation& inv, const char* condition, const std::string& error) {
        Json rec = {{"version", "1.0"},
                    {"timestamp", iso8601_utc(ctx.start_unix_s() + static_cast<std::uint64_t>(ctx.now().us / 1000000))},
                    {"requestContext",
                     {{"requestId", std::to_string(inv.msg.id)},
                      {"functionArn", ctx.node_id()},
                      {"condition", condition},
                      {"approximateInvokeCount", inv.attempts}}},
                    {"requestPayload", inv.msg.body ? *inv.msg.body : Json()},
                    {"responseContext", {{"statusCode", 200}, {"executedVersion", "$LATEST"}}}};
        if (!error.empty()) {
            rec["responseContext"]["functionError"] = "Unhandled";
            rec["responsePayload"] = {{"errorType", "Error"}, {"errorMessage", error}};
        }
        Message m = ctx.derive(inv.msg, "lambda.destination", LoopCount::AddLambdaHop);
        m.body = std::make_shared<const Json>(std::move(rec));
        m.size_bytes = inv.msg.size_bytes + 512;
        return m;
    }

    // New-environment token buckets. 2023-11 profile: per function, 1,000 at once, refilled
    // 1,000 per 10 s. legacy-burst: one account-wide burst of 3,000, refilled 500 per minute.
    // https://docs.aws.amazon.com/lambda/latest/dg/scaling-behavior.html
    bool take_scaling_token(Context& ctx) {
        return (c_.legacy_burst ? account_->legacy_burst : new_environments_).try_take(ctx.now());
    }

    // Provisioned concurrency is billed for the time it is allocated, used or not: it accrues
    // continuously from on_start; each minute the GB-s so far are counted for the report and the
    // charge folded into the cost timeline.
    double provisioned_gb() const {
        return static_cast<double>(c_.provisioned) * static_cast<double>(c_.memory_mb) / 1024.0;
    }
    void bill_provisioned(Context& ctx, SimTime period) {
        pc_gb_seconds_ += provisioned_gb() * period.seconds();
        ctx.metrics().fold_hourly_cost(ctx.now());
    }

    void reclaim_idle(Context& ctx) {
        while (!idle_.empty() && ctx.now() - idle_.front() > c_.idle_reclaim) {
            idle_.pop_front();
            environment_reclaimed();
            --environments_;
        }
    }

    LambdaConfig c_;
    std::unordered_map<std::uint64_t, Invocation> invocations_;
    DeadlineQueue timeouts_{timer_tag(kTimeout, 0)};  // running handlers by deadline
    IdMap<std::uint64_t> pending_calls_;              // call id → invocation id
    ActionRequests requests_;
    std::deque<SimTime> idle_;  // last-used time of each idle environment, oldest first
    std::uint64_t next_id_ = 1;
    std::int64_t busy_ = 0, environments_ = 0, async_waiting_ = 0;
    TokenBucket new_environments_{100, 1000};  // 2023-11 scaling: 1,000 at once, +1,000 per 10 s
    LambdaAccount* account_ = nullptr;         // the account's pool, from on_start
    double gb_seconds_ = 0, init_ms_total_ = 0, pc_gb_seconds_ = 0;
    std::int64_t pc_free_ = 0;  // idle provisioned environments (never reclaimed)
    LatencyHistogram init_hist_;
    std::vector<std::pair<const Link*, bool>> rbif_cache_;
    std::uint64_t loops_stopped_ = 0, records_failed_ = 0;
};

}  // namespace lambda_detail
}  // namespace sim::svc
