// lambda_code_function.cpp — a Lambda function whose handler is JavaScript: the
// LambdaFunction service (lambda_function.h) with its handler run by a js::CodeEnvironment
// (QuickJS natively; in the page, the on-demand code module) instead of the DurationMs/Actions
// model. Each execution environment owns one interpreter: INIT runs the
// module's top-level code, globals persist across the warm invocations it serves and vanish when
// Lambda reclaims it (or a timeout tears it down). The handler starts when its DurationMs (CPU)
// has passed; each SDK call is an engine call to the wired node, each timer a virtual-time timer;
// the handler's result is the reply. Built only when js::code_runs_here() (lambda_config.cpp).
#include "services/lambda/lambda_code.h"
#include "services/lambda/lambda_function.h"

#include <cstdio>

namespace sim::svc {

namespace {

using namespace lambda_detail;

constexpr std::size_t kMaxLogLines = 1000;  // per function and run

// An engine call the code awaits.
struct CodeCall {
    std::uint64_t js_call = 0;
    bool invoke = false;  // Lambda Invoke: its answer is shaped as Invoke's output
};

// A call the code is waiting on that the Lambda answers itself (a timer, a refused SDK call).
struct CodeWait {
    std::uint64_t invocation = 0, js_call = 0;
    js::CallAnswer answer;
};

class LambdaCodeFunction final : public LambdaFunction, private js::CodeHost {
public:
    explicit LambdaCodeFunction(LambdaConfig c) : LambdaFunction(std::move(c)) {}

    void report(Json& out) const override {
        LambdaFunction::report(out);
        out["log_lines"] = log_lines_;
    }

    Json inspect() const override {
        Json j = LambdaFunction::inspect();
        j["logs"] = logs_;
        return j;
    }

private:
    // The code's Math.random and ids have their own stream, so what code draws leaves the
    // function's latency and error samples as they were.
    void start_code(Context& ctx) override { code_rng_ = Rng(ctx.rng().next_u64()); }

    void on_code_timer(Context& ctx, std::uint64_t key) override {
        CodeWait* w = code_waits_.find(key);
        if (!w) return;
        const CodeWait wait = std::move(*w);
        code_waits_.erase(key);
        resume_code(ctx, wait.invocation, wait.js_call, wait.answer);
    }

    bool reuse_environment(Context& ctx, std::uint64_t id, Invocation& inv, bool pc) override {
        if (!pc) {
            inv.env = std::move(idle_code_.back());
            idle_code_.pop_back();
        } else if (!pc_code_.empty()) {
            inv.env = std::move(pc_code_.back());
            pc_code_.pop_back();
        }
        // A provisioned environment's code is initialised on its first use, off the request path.
        return inv.env || init_environment(ctx, id, inv);
    }

    bool on_code_reply(Context& ctx, std::uint64_t call, std::uint64_t id, const Reply& r) override {
        const CodeCall* pending = code_calls_.find(call);
        if (!pending) return false;
        const CodeCall cc = *pending;
        code_calls_.erase(call);
        resume_code(ctx, id, cc.js_call, lambda_code_answer(r, cc.invoke));
        return true;
    }

    // A function whose module failed to load has no environment to keep.
    bool environment_lost(const Invocation& inv) const override { return !inv.env; }

    void environment_released(Context& ctx, std::uint64_t id, Invocation& inv, bool kept, SimTime handler,
                              std::int64_t billed_ms) override {
        if (kept && inv.env) {
            if (inv.on_pc)
                pc_code_.push_back(std::move(inv.env));
            else
                idle_code_.push_back(std::move(inv.env));
        }
        log_report(ctx, id, inv, handler, billed_ms);
    }

    void environment_reclaimed() override { idle_code_.pop_front(); }  // its globals go with it

    // The handler's result; for a failed invocation, Lambda's error record (errorType, errorMessage, trace).
    JsonPtr reply_body(const Invocation& inv, bool) const override { return inv.result; }

    // INIT: a new environment runs the module's top-level code. false when it failed (the
    // invocation has then finished with the error, as Lambda reports an INIT failure) or waits on
    // a call at top level (settle_code starts the handler when it is done).
    bool init_environment(Context& ctx, std::uint64_t id, Invocation& inv) override {
        js::CodeLimits limits;
        limits.heap_bytes = static_cast<std::size_t>(c_.memory_mb) << 20;
        inv.env = js::create_code_environment(c_.code->bundle, c_.code->environment, limits, *this);
        const js::RunResult r = with_code(ctx, id, [&] { return inv.env->init(); });
        if (r.state == js::RunState::Returned) return true;
        if (r.state == js::RunState::Waiting) {
            inv.init_waiting = true;
            inv.init_waiting_since = ctx.now();
            return false;
        }
        fail_init(ctx, id, inv, r);
        return false;
    }

    void fail_init(Context& ctx, std::uint64_t id, Invocation& inv, const js::RunResult& r) {
        inv.env.reset();
        inv.handler_start = ctx.now();
        if (r.state == js::RunState::TimedOut) {
            finish(ctx, id, std::string(kLambdaFunctionTimedOut.code),
                   "Task timed out during INIT (the module's top-level code did not finish)", Outcome::TimedOut);
        } else {
            // As the Node.js runtime logs a failed INIT (a module not found, a throw at top level): the error
            // record, outside any request, then the INIT_REPORT line with the error type.
            auto record = std::make_shared<const Json>(lambda_error_record(r));
            inv.result = record;
            log_line(iso_now(ctx) + "\tundefined\tERROR\tUncaught Exception \t" + record->dump());
            char buf[64];
            std::snprintf(buf, sizeof buf, "INIT_REPORT Init Duration: %.2f ms\tPhase: init\tStatus: error",
                          inv.init.millis());
            log_line(std::string(buf) + "\tError Type: " + r.error_type);
            finish(ctx, id, std::string(kLambdaFunctionUnhandled.code), r.error_type + ": " + r.error_message,
                   Outcome::Error);
        }
    }

    // A module's top-level await has settled (or failed): INIT ends now, its awaited time billed
    // as INIT, and the handler starts.
    void settle_init(Context& ctx, std::uint64_t id, Invocation& inv, const js::RunResult& r) {
        if (r.state == js::RunState::Waiting) return;
        inv.init_waiting = false;
        inv.init = inv.init + (ctx.now() - inv.init_waiting_since);
        if (r.state != js::RunState::Returned) {
            fail_init(ctx, id, inv, r);
            return;
        }
        start_handler(ctx, id, inv);
    }

    bool run_code(Context& ctx, std::uint64_t id, Invocation& inv) override {
        const Json event = lambda_code_event(inv.msg, ctx.start_unix_s() * 1000);
        const double deadline_ms = now_unix_ms_at(ctx) + static_cast<double>(inv.deadline.us - ctx.now().us) / 1000;
        const Json context = lambda_code_context(*c_.code, request_id(id), c_.memory_mb, deadline_ms);
        log_line("START RequestId: " + request_id(id) + " Version: $LATEST");
        const js::RunResult r = with_code(ctx, id, [&] { return inv.env->invoke(event, context); });
        settle_code(ctx, id, r);
        return true;
    }

    void resume_code(Context& ctx, std::uint64_t id, std::uint64_t js_call, const js::CallAnswer& a) {
        auto it = invocations_.find(id);
        if (it == invocations_.end() || !it->second.env) return;  // finished (timed out, failed) meanwhile
        if (timed_out(ctx, id, it->second)) return;
        const js::RunResult r = with_code(ctx, id, [&] { return it->second.env->resume(js_call, a); });
        settle_code(ctx, id, r);
    }

    void settle_code(Context& ctx, std::uint64_t id, const js::RunResult& r) {
        auto it = invocations_.find(id);
        if (it == invocations_.end()) return;
        if (it->second.init_waiting) {
            settle_init(ctx, id, it->second, r);
            return;
        }
        switch (r.state) {
            case js::RunState::Waiting:
                return;
            case js::RunState::Returned:
                it->second.result = r.value.is_null() ? nullptr : std::make_shared<const Json>(r.value);
                finish(ctx, id, "", "", Outcome::Ok);
                return;
            case js::RunState::Failed: {
                auto record = std::make_shared<const Json>(lambda_error_record(r));
                it->second.result = record;
                log_line(iso_now(ctx) + "\t" + request_id(id) + "\tERROR\tInvoke Error \t" + record->dump());
                finish(ctx, id, std::string(kLambdaFunctionUnhandled.code), r.error_type + ": " + r.error_message,
                       Outcome::Error);
                return;
            }
            case js::RunState::TimedOut:
                // The CPU guard stopped a handler that would have run on: Lambda ends it at its
                // Timeout (the deadline sweep), billing the whole Timeout.
                return;
        }
    }

    // Runs code for invocation `id` with the host's callbacks pointed at it.
    template <class F>
    js::RunResult with_code(Context& ctx, std::uint64_t id, F&& run) {
        code_ctx_ = &ctx;
        code_invocation_ = id;
        js::RunResult r = run();
        code_ctx_ = nullptr;
        return r;
    }

    // js::CodeHost — called from inside with_code.
    void request(std::uint64_t js_call, const Json& req, std::size_t json_bytes) override {
        Context& ctx = *code_ctx_;
        const std::uint64_t id = code_invocation_;
        if (req.value("client", "") == "timer") {
            const std::uint64_t key = next_wait_++;
            code_waits_.put(key, CodeWait{id, js_call, {}});
            ctx.start_timer(from_ms(req.value("ms", 0.0)), timer_tag(kCodeTimer, key));
            return;
        }
        SdkRoute route = route_sdk_call(*c_.code, req);
        if (!route.link) {
            js::CallAnswer a;
            a.ok = false;
            a.error_name = route.error;
            a.error_message = route.message;
            a.status = route.status;
            ctx.note(&invocations_.at(id).msg, Outcome::Error, route.error + ": " + route.message);
            const std::uint64_t key = next_wait_++;
            code_waits_.put(key, CodeWait{id, js_call, std::move(a)});
            ctx.start_timer(SimTime{}, timer_tag(kCodeAnswer, key));
            return;
        }
        const Invocation& inv = invocations_.at(id);
        Message m = ctx.derive(inv.msg, "sdk.call", LoopCount::AddLambdaHop);
        m.size_bytes = static_cast<std::int64_t>(json_bytes);
        m.body = std::make_shared<const Json>(std::move(route.request));
        if (route.async) {
            // InvocationType Event: Lambda queues the event and answers 202 at once.
            ctx.send(*route.link, std::move(m));
            const std::uint64_t key = next_wait_++;
            js::CallAnswer a;
            a.body = {{"StatusCode", 202}};
            code_waits_.put(key, CodeWait{id, js_call, std::move(a)});
            ctx.start_timer(SimTime{}, timer_tag(kCodeAnswer, key));
            return;
        }
        const std::uint64_t call = ctx.call(*route.link, std::move(m));
        pending_calls_.put(call, id);
        code_calls_.put(call, CodeCall{js_call, route.invoke});
    }
    void log(std::string_view, std::string_view text) override { log_line(std::string(text)); }
    double now_unix_ms() override { return now_unix_ms_at(*code_ctx_); }
    double random() override { return code_rng_.uniform(); }

    static double now_unix_ms_at(Context& ctx) {
        return static_cast<double>(ctx.start_unix_s()) * 1000 + static_cast<double>(ctx.now().us / 1000);
    }
    static std::string iso_now(Context& ctx) {
        return iso8601_utc(ctx.start_unix_s() + static_cast<std::uint64_t>(ctx.now().us / 1000000));
    }
    // A request id in UUID form, unique per invocation and the same in every run.
    std::string request_id(std::uint64_t id) const { return lambda_request_id(c_.code->function_name, id); }
    void log_line(std::string line) {
        if (logs_.size() < kMaxLogLines) logs_.push_back(std::move(line));
        ++log_lines_;
    }
    // END and REPORT, as Lambda writes them after each invocation.
    void log_report(Context&, std::uint64_t id, const Invocation& inv, SimTime handler, std::int64_t billed_ms) {
        log_line("END RequestId: " + request_id(id));
        log_line(lambda_report_line(request_id(id), handler, billed_ms, c_.memory_mb, inv.init));
    }

    // Idle environments' interpreters (in idle_'s order) and provisioned ones.
    std::deque<std::unique_ptr<js::CodeEnvironment>> idle_code_;
    std::vector<std::unique_ptr<js::CodeEnvironment>> pc_code_;
    IdMap<CodeCall> code_calls_;  // engine call id → the code's call
    IdMap<CodeWait> code_waits_;  // timers and refused calls the code waits on
    std::uint64_t next_wait_ = 1;
    Context* code_ctx_ = nullptr;  // set while code runs (with_code)
    std::uint64_t code_invocation_ = 0;
    Rng code_rng_{0};
    std::vector<std::string> logs_;  // the function's log stream (first kMaxLogLines lines)
    std::uint64_t log_lines_ = 0;
};

}  // namespace

std::unique_ptr<Service> make_lambda_code_function(LambdaConfig c) {
    return std::make_unique<LambdaCodeFunction>(std::move(c));
}

}  // namespace sim::svc
