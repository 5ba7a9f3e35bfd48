// edge_functions.cpp — CloudFront Functions and Lambda@Edge, as run by a distribution's triggers.
// Modelled:     [x] CloudFront Functions: viewer triggers only (the distribution's port rules),
//                   sub-millisecond runs (DurationMs, default p50 0.1 / p99 0.5 ms), a run over 1 ms
//                   of compute fails (execution error → 503; 1 ms = compute utilisation 100,
//                   unverified), 10 KB package, fixed 2 MB memory, no cold starts; $0.10 per 1M
//               [x] Lambda@Edge: Node.js and Python only; viewer triggers: MemorySize ≤ 128 MB,
//                   Timeout ≤ 5 s, package ≤ 1 MB; origin triggers: ≤ 10,240 MB, ≤ 30 s, ≤ 50 MB;
//                   runs in a regional edge cache (NetworkMs hop); execution environments with cold
//                   starts (runtime INIT defaults as for Lambda) reclaimed after EnvironmentIdleSeconds;
//                   $0.60 per 1M requests + $0.00005001 per GB-s metered per 1 ms
// Not modelled: [ ] per-Region environment pools and regional concurrency quotas  [ ] INIT billing
//               [ ] generated responses / header rewriting  [ ] KeyValueStore  [ ] free tier
// AWS: https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/edge-functions-choosing.html,
//      cloudfront-limits.html#limits-functions, #limits-lambda-at-edge
#include "services/cloudfront/edge_functions.h"

#include "pattern/config_reader.h"
#include "pattern/pattern.h"
#include "prices/price_table.h"
#include "services/lambda/lambda.h"
#include "services/lambda/lambda_contract.h"

#include <algorithm>
#include <cmath>
#include <deque>

namespace sim::svc {

// A CloudFront Function that throws: the viewer gets an error page (the reply status stays 200 here;
// CloudFront's own answer is made by the distribution).
constexpr ErrorSpec kCffExecutionError{"ExecutionError", 200, ErrorClass::Client};
namespace {

// ---- CloudFront Functions ------------------------------------------------------------------------
constexpr double kComputeLimitMs = 1.0;  // compute utilisation 100 (unverified figure)

class CloudFrontFunction final : public Service {
public:
    CloudFrontFunction(Distribution d, double error_rate) : duration_(d), error_rate_(error_rate) {}

    void on_message(Context& ctx, const Inbound& in) override {
        const SimTime now = ctx.now();
        ctx.metrics().count(Counter::Invocations, now);
        ctx.metrics().add_cost(price_table::kCloudFrontFunctionInvocation, now);
        const double ms = duration_.sample_ms(ctx.rng());
        Reply r;
        SimTime took = from_ms(ms);
        if (ms > kComputeLimitMs) {
            took = from_ms(kComputeLimitMs);
            r = Reply::failure(kCffExecutionError,
                               "the function exceeded the maximum compute utilization (about 1 ms)");
            ctx.metrics().count(Counter::Timeouts, now);
        } else if (error_rate_ > 0 && ctx.rng().chance(error_rate_)) {
            r = Reply::failure(kCffExecutionError, "the function threw an error (ErrorRate)");
        }
        if (!r.ok()) ctx.metrics().count(Counter::Errors, now);
        ctx.metrics().observe_latency(took, now);
        if (ctx.tracing(in.msg))
            ctx.span(in.msg, "CloudFront Function", now, r.ok() ? Outcome::Ok : Outcome::Error, r.detail);
        ctx.reply(in.caller, std::move(r), took);
    }

private:
    Distribution duration_;
    double error_rate_;
};

std::unique_ptr<Service> create_cf_function(BuildContext& ctx) {
    ConfigReader& r = ctx.config;
    r.choice("Runtime", "cloudfront-js-2.0", {"cloudfront-js-1.0", "cloudfront-js-2.0"});
    r.integer("CodeSizeBytes", 1024, 1, 10240, "bytes");  // 10 KB package limit
    if (r.has("MemorySize")) {
        const Json* m = r.raw("MemorySize");
        if (!(m->is_number() && m->get<double>() == 2))
            r.error("MemorySize", "MemorySize of a CloudFront Function is fixed at 2 MB, got " + m->dump(),
                    "use Lambda@Edge for functions that need more memory (viewer 128 MB, origin up to 10,240 MB)");
    }
    const Distribution d = r.distribution("DurationMs", Distribution::lognormal(0.1, 0.5));
    if (d.median_ms() > kComputeLimitMs)
        r.error("DurationMs",
                "a CloudFront Function must finish in under about 1 ms of compute, but DurationMs has a median of " +
                    std::to_string(d.median_ms()).substr(0, std::to_string(d.median_ms()).find('.') + 2) + " ms",
                "use Lambda@Edge (viewer triggers up to 5 s, origin triggers up to 30 s)");
    const double error_rate = r.number("ErrorRate", 0, 0, 1, "");
    r.raw("FunctionCode");
    r.raw("Name");
    return std::make_unique<CloudFrontFunction>(d, error_rate);
}

// ---- Lambda@Edge ------------------------------------------------------------------------------------
struct EdgeConfig {
    std::int64_t memory_mb = 128;
    SimTime timeout = sec(5);
    Distribution duration = Distribution::lognormal(5, 30);
    Distribution init = Distribution::lognormal(128, 150);
    Distribution network = Distribution::lognormal(8, 30);  // edge location ↔ regional edge cache
    double error_rate = 0;
    SimTime idle_reclaim = minutes(10);
};

class LambdaEdge final : public Service {
public:
    explicit LambdaEdge(EdgeConfig c) : c_(std::move(c)) {}

    void on_message(Context& ctx, const Inbound& in) override {
        const SimTime now = ctx.now();
        ctx.metrics().count(Counter::Invocations, now);
        while (!idle_.empty() && now - idle_.front() > c_.idle_reclaim) idle_.pop_front();
        SimTime init;
        if (idle_.empty()) {
            init = c_.init.sample(ctx.rng());
            ctx.metrics().count(Counter::ColdStarts, now);
            init_ms_total_ += init.millis();
        } else {
            idle_.pop_back();
        }
        ++busy_;
        ctx.metrics().set_concurrency(busy_, now);
        SimTime run = c_.duration.sample(ctx.rng());
        Reply r;
        if (run > c_.timeout) {
            run = c_.timeout;
            r = Reply::failure(kLambdaFunctionTimedOut,
                               "Task timed out after " + std::to_string(c_.timeout.us / 1000000) + " s");
            ctx.metrics().count(Counter::Timeouts, now);
        } else if (c_.error_rate > 0 && ctx.rng().chance(c_.error_rate)) {
            r = Reply::failure(kLambdaFunctionUnhandled, "function error (ErrorRate)");
        }
        if (!r.ok()) ctx.metrics().count(Counter::Errors, now);
        // Billed per 1 ms of handler time at the configured memory.
        const std::int64_t billed_ms = (run.us + 999) / 1000;
        const double gbs = static_cast<double>(billed_ms) / 1000.0 * static_cast<double>(c_.memory_mb) / 1024.0;
        gb_seconds_ += gbs;
        ctx.metrics().add_cost(price_table::kLambdaEdgeRequest + gbs * price_table::kLambdaEdgeGbSecond, now);
        const SimTime total = c_.network.sample(ctx.rng()) + init + run;
        ctx.metrics().observe_latency(total, now);
        if (ctx.tracing(in.msg))
            ctx.span(in.msg, init.us ? "Lambda@Edge (cold start)" : "Lambda@Edge", now,
                     r.ok() ? Outcome::Ok : Outcome::Error,
                     init.us ? "init " + std::to_string(init.us / 1000) + " ms" : r.detail);
        ctx.reply(in.caller, std::move(r), total);
        ctx.start_timer(total, 0);  // the environment is free again when the run ends
    }

    void on_timer(Context& ctx, std::uint64_t) override {
        --busy_;
        idle_.push_back(ctx.now());
        ctx.metrics().set_concurrency(busy_, ctx.now());
    }

    void report(Json& out) const override {
        out["billed_gb_seconds"] = std::round(gb_seconds_ * 1e6) / 1e6;
        out["init_ms_total"] = std::round(init_ms_total_ * 1e3) / 1e3;
    }

private:
    EdgeConfig c_;
    std::deque<SimTime> idle_;  // last-used time of idle environments, oldest first
    std::int64_t busy_ = 0;
    double gb_seconds_ = 0, init_ms_total_ = 0;
};

std::unique_ptr<Service> create_lambda_edge(BuildContext& ctx) {
    ConfigReader& r = ctx.config;
    EdgeConfig c;
    // Which triggers run it decides its limits: viewer triggers are the tight ones.
    std::string viewer_from;
    for (const EdgeSpec& e : ctx.pattern.edges)
        if (e.to == ctx.spec.id && e.port.rfind("viewer_", 0) == 0 && viewer_from.empty())
            viewer_from = e.port + " from '" + e.from + "'";
    const bool viewer = !viewer_from.empty();
    const std::string on = viewer ? " on a viewer trigger (" + viewer_from + ")" : " on an origin trigger";

    const std::string runtime = r.text("Runtime", "nodejs22.x");
    double p50 = 128, p99 = 150;
    if (runtime.rfind("nodejs", 0) != 0 && runtime.rfind("python", 0) != 0)
        r.error("Runtime", "Lambda@Edge supports Node.js and Python runtimes only, got '" + runtime + "'");
    else
        runtime_init_ms(runtime, p50, p99);
    c.init = r.distribution("InitDurationMs", Distribution::lognormal(p50, p99));

    c.memory_mb = r.integer("MemorySize", 128, 128, 10240, "MB");
    if (viewer && c.memory_mb > 128)
        r.error("MemorySize", "MemorySize must be at most 128 MB for a Lambda@Edge function" + on + ", got " +
                                  std::to_string(c.memory_mb));
    const std::int64_t timeout = r.integer("Timeout", viewer ? 5 : 30, 1, 30, "s");
    if (viewer && timeout > 5)
        r.error("Timeout",
                "Timeout must be at most 5 s for a Lambda@Edge function" + on + ", got " + std::to_string(timeout));
    c.timeout = sec(timeout);
    const std::int64_t code = r.integer("CodeSizeBytes", 100 * 1024, 1, 50LL * 1024 * 1024, "bytes");
    if (viewer && code > 1024 * 1024)
        r.error("CodeSizeBytes", "CodeSizeBytes must be at most 1 MB (1048576) for a Lambda@Edge function" + on +
                                     ", got " + std::to_string(code));
    c.duration = r.distribution("DurationMs", c.duration);
    c.network = r.distribution("NetworkMs", c.network);
    c.error_rate = r.number("ErrorRate", 0, 0, 1, "");
    c.idle_reclaim = sec(r.integer("EnvironmentIdleSeconds", 600, 60, 7200, "s"));
    r.raw("Handler");
    r.raw("CodeUri");
    return std::make_unique<LambdaEdge>(std::move(c));
}

}  // namespace

ServiceKind cloudfront_function_kind() {
    ServiceKind k;
    k.type = "cloudfront_function";
    k.role = ServiceRole::ViewerFunction;
    k.label = "CloudFront Function";
    k.group = "edge";
    k.description = "Sub-millisecond JavaScript on viewer requests/responses in every edge location; $0.10 per 1M";
    k.errors = {kCffExecutionError};
    k.create = create_cf_function;
    k.icon = "cloudfront_function";
    k.shape = DiagramShape::Function;
    // https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-cloudfront-function.html
    k.cfn = {{"AWS::CloudFront::Function", {"Name", "FunctionCode", "FunctionConfig", "AutoPublish"}}};
    k.sample = {{"id", "event-1"}};
    k.cfn[0].complete =
        cloudfront_function_cfn_complete;  // null in the page, which never exports (edge_functions_cfn.cpp)
    return k;
}

ServiceKind lambda_edge_kind() {
    ServiceKind k;
    k.type = "lambda_edge";
    k.role = ServiceRole::EdgeFunction;
    k.label = "Lambda@Edge";
    k.group = "edge";
    k.description =
        "Node.js/Python on viewer and origin events in regional edge caches; cold starts; $0.60 per 1M + GB-s";
    k.create = create_lambda_edge;
    k.icon = "lambda_edge";
    k.shape = DiagramShape::Function;
    k.cfn = {sam_function_resource()};
    k.cfn[0].imported = false;  // a template's function imports as "lambda"
    k.sample = {{"id", "event-1"}};
    k.cfn[0].complete = lambda_edge_cfn_complete;  // null in the page, which never exports (edge_functions_cfn.cpp)
    return k;
}

}  // namespace sim::svc
