// lambda_config.h — a Lambda function's configuration as the simulator uses it (read from the
// CloudFormation/SAM properties plus sim-only keys).
#pragma once

#include "core/distribution.h"
#include "core/registry.h"
#include "core/token_bucket.h"
#include "services/lambda/lambda_actions.h"
#include "services/lambda/lambda_code.h"

#include <string>
#include <vector>

namespace sim::svc {

// Prices: price_table::kLambda* (engine/cost/price_table.h).
inline constexpr double kLambdaMbPerVcpu = 1769;                // 1,769 MB = 1 vCPU (max 6 at 10,240 MB)
inline constexpr std::int64_t kLambdaDefaultReferenceMb = 128;  // DurationMs is measured at Lambda's default memory

// What Lambda keeps for the whole account (Account::shared): the concurrency pool and the
// account-wide rates. https://docs.aws.amazon.com/lambda/latest/dg/lambda-concurrency.html
struct LambdaAccount {
    explicit LambdaAccount(std::int64_t limit)
        : concurrency_limit(limit),
          requests_per_second(static_cast<double>(limit * 10), static_cast<double>(limit * 10)) {}
    std::int64_t concurrency_limit;              // ConcurrentExecutions quota (soft, default 1,000)
    std::int64_t reserved_total = 0;             // sum of ReservedConcurrentExecutions
    std::int64_t unreserved_in_use = 0;          // environments busy on unreserved functions
    TokenBucket requests_per_second;             // invocations across all functions: 10 × the concurrency
    TokenBucket legacy_burst{500.0 / 60, 3000};  // legacy-burst scaling: 3,000 at once, +500 a minute
};

struct LambdaConfig {
    std::string runtime;
    std::int64_t memory_mb = 128;
    SimTime timeout = sec(3);
    std::int64_t reserved = -1;    // -1: unreserved
    std::int64_t provisioned = 0;  // ProvisionedConcurrencyConfig.ProvisionedConcurrentExecutions
    bool arm = false;
    bool legacy_burst = false;                // settings.lambdaScaling "legacy-burst"
    std::int64_t account_concurrency = 1000;  // settings.lambdaConcurrencyLimit
    Distribution duration = Distribution::lognormal(20, 80);
    double duration_scale = 1;  // memory → CPU: handler time multiplier vs DurationMs
    Distribution init = Distribution::lognormal(128, 150);
    double error_rate = 0;
    double record_error_rate = 0;  // per record in batch invocations
    bool stop_loops = true;        // RecursiveLoop: Terminate (default) | Allow
    SimTime idle_reclaim = minutes(10);
    int max_retries = 2;               // MaximumRetryAttempts 0..2
    SimTime max_event_age = hours(6);  // MaximumEventAgeInSeconds 60..21600
    std::vector<LambdaAction> actions;
    std::shared_ptr<const LambdaCode> code;  // a Node.js handler that runs (then Actions are not used)
    const Link* on_failure = nullptr;
    const Link* on_success = nullptr;
    const Link* dlq = nullptr;
};

// Usable vCPUs for a handler with `parallelism` threads at `memory_mb`: the CPU share grows
// linearly with memory (1,769 MB = 1 vCPU), but a handler can use at most one vCPU per thread.
double lambda_usable_vcpu(std::int64_t memory_mb, std::int64_t parallelism);

// Reads every property; each problem becomes a diagnostic with its JSON path.
LambdaConfig read_lambda_config(BuildContext& ctx);

}  // namespace sim::svc
