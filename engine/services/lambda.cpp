// lambda.cpp — AWS Lambda: execution environments, concurrency, cold starts, sync and async
// invocation, batch (event source) invocations, timeouts, errors, downstream actions, billing.
// Modelled:     [x] environments cold → init → busy → idle → reclaimed (LIFO reuse)
//               [x] account concurrency (shared), ReservedConcurrentExecutions (incl. 0) → 429
//               [x] scaling rate: 1,000 new environments per 10 s per function, continuous refill
//               [x] INIT duration per runtime, billed (since 1 Aug 2025); Timeout 1..900 s
//               [x] sync (RequestResponse): errors return 200 + FunctionError; throttles 429
//               [x] async (Event): 2 retries after ~1 min and ~2 min (MaximumRetryAttempts 0..2);
//                   throttles retried with backoff 1 s → 5 min until MaximumEventAgeInSeconds;
//                   then on_failure destination (record with condition), else dlq, else dropped
//               [x] batch invocations from event source mappings: Actions run per record;
//                   RecordErrorRate fails single records, reported as batchItemFailures when the
//                   mapping has ReportBatchItemFailures, else the whole invocation fails
//               [x] recursive-loop detection (RecursiveLoop Terminate|Allow): the 17th invocation
//                   by the same event chain is stopped, logged, and sent to DLQ / destination
//               [x] payload limits: 6 MB sync (413 RequestTooLargeException), 1 MB async
//               [x] Actions: sequential SDK calls to wired services; a failed call fails the invocation
// Not modelled: [ ] provisioned concurrency  [ ] memory → CPU speed-up  [ ] SnapStart
//               [ ] async duplicates  [ ] loop counts per function (one counter per event chain)
// AWS: https://docs.aws.amazon.com/lambda/latest/dg/lambda-concurrency.html, scaling-behavior.html,
//      invocation-async-error-handling.html, invocation-recursion.html, services-sqs-errorhandling.html
#include "services/lambda.h"

#include "pattern/config_reader.h"
#include "pattern/pattern.h"
#include "services/json_path.h"
#include "services/lambda_actions.h"
#include "traffic/payload_template.h"

#include <algorithm>
#include <cmath>
#include <deque>
#include <unordered_map>

namespace sim::svc {

bool runtime_init_ms(const std::string& rt, double& p50, double& p99) {
    auto starts = [&](const char* prefix) { return rt.rfind(prefix, 0) == 0; };
    if (starts("nodejs")) { p50 = 128; p99 = 150; }
    else if (rt == "python3.14") { p50 = 100; p99 = 110; }
    else if (starts("python")) { p50 = 78; p99 = 95; }
    else if (starts("java")) { p50 = 230; p99 = 280; }
    else if (starts("dotnet")) { p50 = 260; p99 = 330; }
    else if (starts("ruby")) { p50 = 260; p99 = 330; }
    else if (starts("provided")) { p50 = 30; p99 = 55; }
    else return false;
    return true;
}

namespace {

constexpr double kRequestPrice = 0.20 / 1e6;            // per request
constexpr double kGbSecondX86 = 0.0000166667;           // tier 1, x86_64
constexpr double kGbSecondArm = 0.0000133334;           // tier 1, arm64
constexpr double kScalingBucket = 1000;                 // new environments available at once
constexpr double kScalingRefillPerUs = 100.0 / 1e6;     // 1,000 per 10 s, continuous

enum Tag : std::uint64_t { kInitDone = 1, kHandlerDone, kTimeout, kAsyncRetry };
constexpr std::uint64_t tag(Tag t, std::uint64_t id) { return (static_cast<std::uint64_t>(t) << 56) | id; }

constexpr std::int64_t kMaxSyncPayload = 6 * 1024 * 1024;   // 6 MB request (RequestResponse)
constexpr std::int64_t kMaxAsyncPayload = 1024 * 1024;      // 1 MB (Event, since Oct 2025)
constexpr std::uint16_t kMaxRecursion = 16;                 // invocations per event chain

struct Config {
    std::string runtime;
    std::int64_t memory_mb = 128;
    SimTime timeout = sec(3);
    std::int64_t reserved = -1;  // -1: unreserved
    bool arm = false;
    Distribution duration = Distribution::lognormal(20, 80);
    Distribution init = Distribution::lognormal(128, 150);
    double error_rate = 0;
    double record_error_rate = 0;           // per record in batch invocations
    bool stop_loops = true;                 // RecursiveLoop: Terminate (default) | Allow
    SimTime idle_reclaim = minutes(10);
    int max_retries = 2;                    // MaximumRetryAttempts 0..2
    SimTime max_event_age = hours(6);       // MaximumEventAgeInSeconds 60..21600
    std::vector<LambdaAction> actions;
    const Link* on_failure = nullptr;
    const Link* on_success = nullptr;
    const Link* dlq = nullptr;
};

struct Invocation {
    Message msg;
    CallerRef caller;
    SimTime received;        // when it first reached the function (async: queue entry time)
    SimTime start, handler_start;
    SimTime init;            // INIT duration (0 when warm)
    std::size_t next_action = 0;
    std::size_t record = 0;  // batch: the record whose actions run now
    bool error_checked = false;
    bool report_failures = false;  // batch: ReportBatchItemFailures on the mapping
    std::vector<std::uint64_t> failed;  // batch: ids of failed records
    std::uint64_t pending_call = 0;
    std::uint64_t timeout_timer = 0;
    int attempts = 0;        // async: attempts made
    SimTime throttle_backoff;
};

class LambdaFunction final : public Service {
public:
    explicit LambdaFunction(Config c) : c_(std::move(c)) {}

    void on_start(Context& ctx) override {
        if (c_.reserved >= 0) ctx.account().lambda_reserved_total += c_.reserved;
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
        const auto kind = static_cast<Tag>(t >> 56);
        const std::uint64_t id = t & ((1ULL << 56) - 1);
        auto it = invocations_.find(id);
        if (it == invocations_.end()) return;
        switch (kind) {
            case kInitDone: start_handler(ctx, id, it->second); break;
            case kHandlerDone: run_next_action(ctx, id, it->second); break;
            case kTimeout:
                it->second.timeout_timer = 0;
                finish(ctx, id, "Sandbox.Timedout", "Task timed out after " + seconds_text(c_.timeout) + " seconds", Outcome::TimedOut);
                break;
            case kAsyncRetry:
                --async_waiting_;
                ctx.metrics().set_queue_depth(async_waiting_, ctx.now());
                admit(ctx, id);
                break;
        }
    }

    void on_reply(Context& ctx, std::uint64_t call, const Reply& r) override {
        auto owner = pending_calls_.find(call);
        if (owner == pending_calls_.end()) return;  // the invocation already timed out
        const std::uint64_t id = owner->second;
        pending_calls_.erase(owner);
        auto it = invocations_.find(id);
        if (it == invocations_.end()) return;
        it->second.pending_call = 0;
        Invocation& inv = it->second;
        if (!r.ok()) {
            if (inv.msg.batch && inv.report_failures) {  // the code catches it and reports the record
                inv.failed.push_back((*inv.msg.batch)[inv.record].id);
                ++inv.record;
                inv.next_action = 0;
            } else {
                finish(ctx, id, "Unhandled", r.error + (r.detail.empty() ? "" : ": " + r.detail), Outcome::Error);
                return;
            }
        }
        run_next_action(ctx, id, inv);
    }

    void report(Json& out) const override {
        out["environments"] = environments_;
        out["billed_gb_seconds"] = std::round(gb_seconds_ * 1e6) / 1e6;
        out["init_ms_total"] = std::round(init_ms_total_ * 1e3) / 1e3;
        out["recursive_loops_stopped"] = loops_stopped_;
        out["records_failed"] = records_failed_;
    }

    Json inspect() const override {
        return {{"environments", environments_}, {"busy", busy_}, {"idle", idle_.size()}, {"queued_async", async_waiting_}};
    }

private:
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
        if (c_.reserved >= 0) {
            if (busy_ >= c_.reserved)
                reason = c_.reserved == 0 ? "ReservedFunctionConcurrentInvocationLimitExceeded: reserved concurrency is 0"
                                          : "ReservedFunctionConcurrentInvocationLimitExceeded: reserved concurrency " + std::to_string(c_.reserved) + " reached";
        } else {
            Account& a = ctx.account();
            if (a.lambda_unreserved_in_use >= a.lambda_concurrency_limit - a.lambda_reserved_total)
                reason = "ConcurrentInvocationLimitExceeded: account concurrency " + std::to_string(a.lambda_concurrency_limit) + " reached";
        }
        bool cold = idle_.empty();
        if (reason.empty() && cold) {
            refill_scaling(now);
            if (scaling_tokens_ < 1) reason = "scaling rate: at most 1,000 new execution environments per 10 s";
        }
        if (!reason.empty()) {
            throttle(ctx, id, inv, reason);
            return;
        }
        ++busy_;
        if (c_.reserved < 0) ++ctx.account().lambda_unreserved_in_use;
        ctx.metrics().set_concurrency(busy_, now);
        ctx.metrics().count(Counter::Invocations, now);
        inv.start = now;
        ++inv.attempts;
        if (inv.attempts > 1) ctx.metrics().count(Counter::Retries, now);
        if (cold) {
            scaling_tokens_ -= 1;
            ++environments_;
            ctx.metrics().count(Counter::ColdStarts, now);
            inv.init = c_.init.sample(ctx.rng());
            ctx.start_timer(inv.init, tag(kInitDone, id));
        } else {
            idle_.pop_back();  // most recently used first
            inv.init = {};
            start_handler(ctx, id, inv);
        }
    }

    void throttle(Context& ctx, std::uint64_t id, Invocation& inv, const std::string& reason) {
        ctx.metrics().count(Counter::Throttles, ctx.now());
        ctx.span(inv.msg, "Invoke", ctx.now(), Outcome::Throttled, reason);
        if (inv.caller.valid()) {
            ctx.reply(inv.caller, Reply{429, "TooManyRequestsException", reason, nullptr, 0});
            invocations_.erase(id);
            return;
        }
        // Async: back on the internal queue, exponential backoff 1 s → 5 min, until the event's
        // maximum age runs out.
        inv.throttle_backoff = inv.throttle_backoff.us == 0 ? sec(1) : std::min(inv.throttle_backoff + inv.throttle_backoff, minutes(5));
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
        ctx.start_timer(delay, tag(kAsyncRetry, id));
    }

    void start_handler(Context& ctx, std::uint64_t id, Invocation& inv) {
        inv.handler_start = ctx.now();
        inv.next_action = 0;
        inv.record = 0;
        inv.error_checked = false;
        inv.failed.clear();
        inv.timeout_timer = ctx.start_timer(c_.timeout, tag(kTimeout, id));
        const SimTime d = c_.duration.sample(ctx.rng());
        ctx.start_timer(d, tag(kHandlerDone, id));
    }

    void run_next_action(Context& ctx, std::uint64_t id, Invocation& inv) {
        if (!inv.error_checked) {
            inv.error_checked = true;
            if (ctx.rng().chance(c_.error_rate)) {
                finish(ctx, id, "Unhandled", "function error (ErrorRate " + std::to_string(c_.error_rate) + ")", Outcome::Error);
                return;
            }
        }
        if (inv.msg.batch) {
            run_batch_step(ctx, id, inv);
            return;
        }
        if (inv.next_action >= c_.actions.size()) {
            finish(ctx, id, "", "", Outcome::Ok);
            return;
        }
        const LambdaAction& a = c_.actions[inv.next_action++];
        static const Json kNull;
        call_action(ctx, id, inv, a, inv.msg, lambda_request(a, inv.msg.body ? *inv.msg.body : kNull));
    }

    // Batch invocations: the code loops over the records, running the actions for each one.
    void run_batch_step(Context& ctx, std::uint64_t id, Invocation& inv) {
        const std::vector<Message>& records = *inv.msg.batch;
        while (inv.record < records.size()) {
            const Message& rec = records[inv.record];
            if (inv.next_action == 0 && c_.record_error_rate > 0 && ctx.rng().chance(c_.record_error_rate)) {
                ++records_failed_;
                if (!inv.report_failures) {
                    finish(ctx, id, "Unhandled", "record " + std::to_string(rec.id) + " failed (RecordErrorRate)", Outcome::Error);
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
            const LambdaAction& a = c_.actions[inv.next_action++];
            call_action(ctx, id, inv, a, rec, lambda_record_request(a, rec));
            return;
        }
        finish(ctx, id, "", "", Outcome::Ok);
    }

    void call_action(Context& ctx, std::uint64_t id, Invocation& inv, const LambdaAction& a, const Message& cause, Json req) {
        Message m;
        m.trace = cause.trace;
        m.id = ctx.new_message_id();
        m.origin = cause.origin;
        m.source = cause.source;
        m.depth = cause.depth;
        m.recursion = static_cast<std::uint16_t>(cause.recursion + 1);
        m.type = "sdk.call";
        m.size_bytes = cause.size_bytes;
        m.body = std::make_shared<const Json>(std::move(req));
        inv.pending_call = ctx.call(*a.link, std::move(m));
        pending_calls_[inv.pending_call] = id;
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
                                   " payload of " + std::to_string(in.msg.size_bytes) + " bytes is over the " + (sync ? "6 MB" : "1 MB") + " limit";
        ctx.metrics().count(Counter::Errors, ctx.now());
        if (sync) ctx.reply(in.caller, Reply{413, "RequestTooLargeException", detail, nullptr, 0});
        else ctx.drop(in.msg, detail);
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
        const std::string text = "recursive loop detected: '" + ctx.node_id() + "' was invoked " + std::to_string(kMaxRecursion) +
                                 " times by the same event chain; Lambda stopped the next invocation (RecursiveLoop: Terminate)";
        ctx.note(&in.msg, Outcome::Dropped, text);
        ctx.metrics().count(Counter::Errors, ctx.now());
        if (in.caller.valid()) {
            Json body = {{"recursiveItems", looping}};
            ctx.reply(in.caller, Reply{400, "RecursiveInvocationException", text, std::make_shared<const Json>(std::move(body)), 0});
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
        if (inv.timeout_timer) ctx.cancel_timer(inv.timeout_timer);
        if (inv.pending_call) pending_calls_.erase(inv.pending_call);
        // Billing: INIT + handler time, rounded up to 1 ms; GB-s at the configured memory.
        const SimTime handler = now - inv.handler_start;
        const std::int64_t billed_ms = (inv.init.us + handler.us + 999) / 1000;
        const double gbs = static_cast<double>(billed_ms) / 1000.0 * static_cast<double>(c_.memory_mb) / 1024.0;
        gb_seconds_ += gbs;
        init_ms_total_ += inv.init.millis();
        ctx.metrics().add_cost(kRequestPrice + gbs * (c_.arm ? kGbSecondArm : kGbSecondX86), now);
        ctx.metrics().observe_latency(now - inv.start, now);
        const bool ok = error.empty();
        if (!ok) ctx.metrics().count(outcome == Outcome::TimedOut ? Counter::Timeouts : Counter::Errors, now);
        if (outcome == Outcome::TimedOut) ctx.metrics().count(Counter::Errors, now);
        ctx.span(inv.msg, inv.init.us ? "Invoke (cold start)" : "Invoke", inv.start, outcome,
                 inv.init.us ? "init " + std::to_string(inv.init.us / 1000) + " ms" + (ok ? "" : "; " + detail) : detail);
        // Release the environment. A timed-out environment is torn down (AWS restarts the runtime).
        --busy_;
        if (c_.reserved < 0) --ctx.account().lambda_unreserved_in_use;
        if (outcome == Outcome::TimedOut) --environments_;
        else idle_.push_back(now);
        ctx.metrics().set_concurrency(busy_, now);

        if (inv.caller.valid()) {
            Reply r;
            r.status = 200;  // sync: function errors still return 200 with X-Amz-Function-Error
            r.error = ok ? "" : error;
            r.detail = detail;
            r.body = ok ? (inv.msg.batch ? failures_body(inv) : inv.msg.body) : nullptr;
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
            ctx.note(&inv.msg, Outcome::DeadLettered, std::string("async event sent to on-failure destination: ") + condition);
        } else if (c_.dlq) {
            ctx.metrics().count(Counter::DeadLettered, ctx.now());
            Message m = inv.msg;
            m.id = ctx.new_message_id();
            m.attributes = std::make_shared<const Json>(Json{{"RequestID", {{"Type", "String"}, {"Value", std::to_string(inv.msg.id)}}},
                                                             {"ErrorCode", {{"Type", "Number"}, {"Value", "200"}}},
                                                             {"ErrorMessage", {{"Type", "String"}, {"Value", detail}}}});
            ctx.send(*c_.dlq, std::move(m));
            ctx.note(&inv.msg, Outcome::DeadLettered, std::string("async event sent to dead-letter queue: ") + condition);
        } else {
            ctx.drop(inv.msg, std::string("async invocation failed (") + condition + ") and no on-failure destination or DLQ is set: " + detail);
        }
        invocations_.erase(id);
    }

    Message destination_record(Context& ctx, const Invocation& inv, const char* condition, const std::string& error) {
        Json rec = {{"version", "1.0"},
                    {"timestamp", iso8601_utc(ctx.start_unix_s() + static_cast<std::uint64_t>(ctx.now().us / 1000000))},
                    {"requestContext", {{"requestId", std::to_string(inv.msg.id)}, {"functionArn", ctx.node_id()},
                                        {"condition", condition}, {"approximateInvokeCount", inv.attempts}}},
                    {"requestPayload", inv.msg.body ? *inv.msg.body : Json()},
                    {"responseContext", {{"statusCode", 200}, {"executedVersion", "$LATEST"}}}};
        if (!error.empty()) {
            rec["responseContext"]["functionError"] = "Unhandled";
            rec["responsePayload"] = {{"errorType", "Error"}, {"errorMessage", error}};
        }
        Message m;
        m.trace = inv.msg.trace;
        m.id = ctx.new_message_id();
        m.origin = inv.msg.origin;
        m.type = "lambda.destination";
        m.source = inv.msg.source;
        m.depth = inv.msg.depth;
        m.recursion = static_cast<std::uint16_t>(inv.msg.recursion + 1);
        m.body = std::make_shared<const Json>(std::move(rec));
        m.size_bytes = inv.msg.size_bytes + 512;
        return m;
    }

    void refill_scaling(SimTime now) {
        scaling_tokens_ = std::min(kScalingBucket, scaling_tokens_ + static_cast<double>(now.us - scaling_at_.us) * kScalingRefillPerUs);
        scaling_at_ = now;
    }

    void reclaim_idle(Context& ctx) {
        while (!idle_.empty() && ctx.now() - idle_.front() > c_.idle_reclaim) {
            idle_.pop_front();
            --environments_;
        }
    }

    Config c_;
    std::unordered_map<std::uint64_t, Invocation> invocations_;
    std::unordered_map<std::uint64_t, std::uint64_t> pending_calls_;  // call id → invocation id
    std::deque<SimTime> idle_;  // last-used time of each idle environment, oldest first
    std::uint64_t next_id_ = 1;
    std::int64_t busy_ = 0, environments_ = 0, async_waiting_ = 0;
    double scaling_tokens_ = kScalingBucket;
    SimTime scaling_at_;
    double gb_seconds_ = 0, init_ms_total_ = 0;
    std::vector<std::pair<const Link*, bool>> rbif_cache_;
    std::uint64_t loops_stopped_ = 0, records_failed_ = 0;
};

std::unique_ptr<Service> create_lambda(BuildContext& ctx) {
    ConfigReader& r = ctx.config;
    Config c;
    c.runtime = r.text("Runtime", "nodejs20.x");
    double p50 = 0, p99 = 0;
    if (!runtime_init_ms(c.runtime, p50, p99)) {
        r.error("Runtime", "Runtime '" + c.runtime + "' is not a Lambda runtime this simulator knows",
                "use nodejs*, python3.*, java*, dotnet*, ruby* or provided.al2023");
        p50 = 128;
        p99 = 150;
    }
    c.init = r.distribution("InitDurationMs", Distribution::lognormal(p50, p99));
    c.memory_mb = r.integer("MemorySize", 128, 128, 10240, "MB");
    c.timeout = sec(r.integer("Timeout", 3, 1, 900, "s"));
    const std::int64_t account = ctx.pattern.settings.lambda_concurrency_limit;
    if (r.has("ReservedConcurrentExecutions"))
        c.reserved = r.integer("ReservedConcurrentExecutions", 0, 0, account - 100, "");
    if (const Json* arch = r.raw("Architectures")) {
        if (*arch == Json::array({"arm64"})) c.arm = true;
        else if (*arch != Json::array({"x86_64"}))
            r.error("Architectures", "Architectures must be [\"x86_64\"] or [\"arm64\"], got " + arch->dump());
    }
    c.duration = r.distribution("DurationMs", c.duration);
    c.error_rate = r.number("ErrorRate", 0, 0, 1, "");
    c.record_error_rate = r.number("RecordErrorRate", 0, 0, 1, "");
    c.stop_loops = r.choice("RecursiveLoop", "Terminate", {"Terminate", "Allow"}) == "Terminate";
    c.idle_reclaim = sec(r.integer("EnvironmentIdleSeconds", 600, 60, 7200, "s"));
    if (const Json* eic = r.raw("EventInvokeConfig")) {
        ConfigReader er(*eic, ctx.config.path_of("EventInvokeConfig"), ctx.diagnostics);
        c.max_retries = static_cast<int>(er.integer("MaximumRetryAttempts", 2, 0, 2, ""));
        c.max_event_age = sec(er.integer("MaximumEventAgeInSeconds", 21600, 60, 21600, "s"));
        er.raw("DestinationConfig");  // wiring is by ports; the key is kept for SAM round trips
        er.finish();
    }
    r.raw("Handler");
    r.raw("CodeUri");
    r.raw("FunctionName");
    c.actions = read_lambda_actions(ctx);
    for (const Link& l : ctx.links) {
        if (l.port == "on_failure") c.on_failure = &l;
        if (l.port == "on_success") c.on_success = &l;
        if (l.port == "dlq") c.dlq = &l;
        if (l.port != "out") continue;
        bool used = std::any_of(c.actions.begin(), c.actions.end(), [&](const LambdaAction& a) { return a.link == &l; });
        if (!used)
            ctx.diagnostics.warning(ctx.path, "'" + ctx.spec.id + "' is wired to '" + l.target_id + "' but no action uses it",
                                    "add an entry to Actions, e.g. {\"target\": \"" + l.target_id + "\", \"operation\": \"" +
                                        lambda_operations_for(l.target_type).substr(0, lambda_operations_for(l.target_type).find(' ')) + "\"}");
    }
    return std::make_unique<LambdaFunction>(std::move(c));
}

}  // namespace

ServiceKind lambda_kind() {
    ServiceKind k;
    k.type = "lambda";
    k.label = "Lambda";
    k.group = "compute";
    k.cfn_type = "AWS::Serverless::Function";
    k.description = "Functions that scale from zero, billed per request and per ms";
    k.ports = {{"out", "SDK calls", lambda_sdk_targets(), "wire it to the data or messaging service its code calls"},
               {"on_success", "on-success destination", {"sqs", "sns", "lambda", "eventbridge"}, ""},
               {"on_failure", "on-failure destination", {"sqs", "sns", "lambda", "eventbridge", "s3"}, ""},
               {"dlq", "dead-letter queue", {"sqs", "sns"}, "a Lambda DLQ must be an SQS queue or SNS topic"}};
    k.create = create_lambda;
    return k;
}

}  // namespace sim::svc
