// lambda_config.cpp — reads a Lambda function's properties (CloudFormation/SAM names and units,
// plus sim-only keys such as DurationMs, DurationReferenceMemoryMB and Parallelism).
// AWS: https://docs.aws.amazon.com/lambda/latest/dg/configuration-memory.html (1,769 MB = 1 vCPU),
//      https://docs.aws.amazon.com/lambda/latest/dg/provisioned-concurrency.html
#include "services/lambda/lambda_config.h"

#include "js/code_environment.h"

#include "pattern/config_reader.h"
#include "pattern/pattern.h"
#include "services/lambda/lambda.h"

#include <algorithm>

namespace sim::svc {

bool runtime_init_ms(const std::string& rt, double& p50, double& p99) {
    auto starts = [&](const char* prefix) { return rt.rfind(prefix, 0) == 0; };
    if (starts("nodejs")) {
        p50 = 128;
        p99 = 150;
    } else if (rt == "python3.14") {
        p50 = 100;
        p99 = 110;
    } else if (starts("python")) {
        p50 = 78;
        p99 = 95;
    } else if (starts("java")) {
        p50 = 230;
        p99 = 280;
    } else if (starts("dotnet")) {
        p50 = 260;
        p99 = 330;
    } else if (starts("ruby")) {
        p50 = 260;
        p99 = 330;
    } else if (starts("provided")) {
        p50 = 30;
        p99 = 55;
    } else
        return false;
    return true;
}

namespace {

// ProvisionedConcurrencyConfig: {ProvisionedConcurrentExecutions: N}. AWS: N counts against the
// function's reserved concurrency (N ≤ reserved when set) and the account pool, of which 100
// must stay unreserved (N ≤ account − 100).
void read_provisioned(BuildContext& ctx, LambdaConfig& c, std::int64_t account) {
    ConfigReader& r = ctx.config;
    r.raw("AutoPublishAlias");  // SAM needs an alias for provisioned concurrency; one version is simulated
    const Json* pcc = r.raw("ProvisionedConcurrencyConfig");
    if (!pcc) return;
    if (!pcc->is_object()) {
        r.error("ProvisionedConcurrencyConfig", "ProvisionedConcurrencyConfig must be an object, got " + pcc->dump(),
                "{\"ProvisionedConcurrentExecutions\": 5}");
        return;
    }
    ConfigReader pr(*pcc, r.path_of("ProvisionedConcurrencyConfig"), ctx.diagnostics);
    const std::int64_t hi = c.reserved >= 0 ? std::max<std::int64_t>(c.reserved, 1) : account - 100;
    c.provisioned = pr.integer("ProvisionedConcurrentExecutions", 1, 1, hi, "");
    if (c.reserved == 0)
        pr.error("ProvisionedConcurrentExecutions",
                 "ProvisionedConcurrentExecutions needs ReservedConcurrentExecutions above 0, got 0 reserved");
    if (c.reserved >= 0 && c.provisioned > c.reserved) c.provisioned = c.reserved;
    pr.finish();
}

}  // namespace

double lambda_usable_vcpu(std::int64_t memory_mb, std::int64_t parallelism) {
    const double share = static_cast<double>(std::min<std::int64_t>(memory_mb, 10240)) / kLambdaMbPerVcpu;
    return std::min(share, static_cast<double>(parallelism));
}

LambdaConfig read_lambda_config(BuildContext& ctx) {
    ConfigReader& r = ctx.config;
    LambdaConfig c;
    c.runtime = r.text("Runtime", "nodejs22.x");
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
    c.legacy_burst = ctx.pattern.settings.lambda_scaling == "legacy-burst";
    const std::int64_t account = ctx.pattern.settings.lambda_concurrency_limit;
    c.account_concurrency = account;
    if (r.has("ReservedConcurrentExecutions"))
        c.reserved = r.integer("ReservedConcurrentExecutions", 0, 0, account - 100, "");
    if (const Json* arch = r.raw("Architectures")) {
        if (*arch == Json::array({"arm64"}))
            c.arm = true;
        else if (*arch != Json::array({"x86_64"}))
            r.error("Architectures", "Architectures must be [\"x86_64\"] or [\"arm64\"], got " + arch->dump());
    }
    c.duration = r.distribution("DurationMs", c.duration);
    // Memory → CPU (sim-only keys). Lambda allocates CPU in proportion to memory, so DurationMs is
    // the handler's time at DurationReferenceMemoryMB (default 128 MB, Lambda's default memory):
    // its CPU part (CpuFraction, default all of it) scales with the vCPUs the handler can use at
    // MemorySize (one per thread, Parallelism threads); the rest, waiting on I/O, does not.
    // CpuFraction 0 says a function is I/O-bound: memory then changes its cost, not its speed.
    const std::int64_t parallelism = r.integer("Parallelism", 1, 1, 64, "");
    const std::int64_t reference_mb =
        r.integer("DurationReferenceMemoryMB", kLambdaDefaultReferenceMb, 128, 10240, "MB");
    const double cpu_fraction = r.number("CpuFraction", 1, 0, 1, "");
    if (reference_mb != c.memory_mb) {
        const double cpu_speedup =
            lambda_usable_vcpu(reference_mb, parallelism) / lambda_usable_vcpu(c.memory_mb, parallelism);
        c.duration_scale = cpu_fraction * cpu_speedup + (1 - cpu_fraction);
    }
    read_provisioned(ctx, c, account);
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
    r.raw("CodeUri");
    r.raw("FunctionName");
    if (js::code_runs_here()) {
        c.code = read_lambda_code(ctx, c.runtime, c.memory_mb);
    } else {
        r.raw("Handler");
        r.raw("Environment");
        if ((r.raw("InlineCode") || r.raw("Code") || r.raw("CodeFiles")) && c.runtime.starts_with("nodejs")) {
            const bool loading = !ctx.probe && js::load_code_runtime && js::load_code_runtime();
            ctx.diagnostics.warning(ctx.path + "/config",
                                    "'" + ctx.spec.id +
                                        "' has JavaScript code, but no JavaScript runtime is loaded: its DurationMs "
                                        "model runs instead",
                                    loading ? "the runtime is loading; the design restarts with the code once it has"
                                            : "run the pattern with `slsim run` to run the code");
        }
    }
    c.actions = read_lambda_actions(ctx);
    for (const Link& l : ctx.links) {
        if (l.port == "on_failure") c.on_failure = &l;
        if (l.port == "on_success") c.on_success = &l;
        if (l.port == "dlq") c.dlq = &l;
        if (l.port != "out" || c.code) continue;
        bool used =
            std::any_of(c.actions.begin(), c.actions.end(), [&](const LambdaAction& a) { return a.link == &l; });
        if (!used)
            ctx.diagnostics.warning(
                ctx.path, "'" + ctx.spec.id + "' is wired to '" + l.target_id + "' but no action uses it",
                "add an entry to Actions, e.g. {\"target\": \"" + l.target_id + "\", \"operation\": \"" +
                    lambda_operations_for(l.target_type).substr(0, lambda_operations_for(l.target_type).find(' ')) +
                    "\"}");
    }
    return c;
}

}  // namespace sim::svc
