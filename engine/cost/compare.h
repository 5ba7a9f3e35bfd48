// compare.h — "serverless vs EC2" for the same traffic: runs a pattern, measures what its serverless
// design costs per request, and sets it against a fixed fleet of EC2 instances (price per hour,
// capacity at the measured CPU time per request), giving the crossover request rate above which
// the fleet is cheaper, and the seed's comparison table row by row with numbers from the run.
#pragma once

#include "core/diagnostics.h"
#include "core/message.h"
#include "core/sim_time.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace sim {

struct CompareOptions {
    std::string instance_type = "m5.large";
    std::int64_t count = 2;
    bool alb = true;                       // add the ALB's $0.0225/h to the fleet
    std::optional<double> request_cpu_ms;  // default: the mean Lambda duration in the run
    std::optional<SimTime> duration;       // default: settings.duration
    std::optional<std::uint64_t> seed;
};

struct CompareRow {
    std::string aspect, serverless, ec2;
};

struct CompareResult {
    // Measured in the run (always-on ec2/fargate nodes of the pattern excluded from "serverless").
    double run_seconds = 0, requests = 0, avg_rps = 0, peak_rps = 0;
    double serverless_cost = 0, cost_per_request = 0, serverless_hourly = 0;
    double idle_hour_serverless = 0;       // the same design, 1 h, no traffic
    double serverless_fixed_hourly = 0;    // = idle_hour_serverless: accrues whatever the traffic
    double variable_cost_per_request = 0;  // the rest of the run's cost per request
    std::uint64_t cold_starts = 0, throttles = 0;
    double init_ms_mean = 0;
    std::int64_t peak_concurrency = 0, max_timeout_s = 0, managed_services = 0;
    // The EC2 alternative.
    std::string instance_type;
    std::int64_t count = 0;
    double vcpus = 0, fleet_hourly = 0, request_cpu_ms = 0, capacity_rps = 0, peak_utilization = 0;
    bool carries_peak = false;
    double crossover_rps = 0;               // (fleet − fixed) $/h ÷ (variable $/request × 3600); 0 without requests
    double ec2_cost_per_request_at_70 = 0;  // one instance at 70% CPU
    std::vector<CompareRow> rows;
};

struct CompareRun {
    std::optional<CompareResult> result;  // empty when the pattern does not build
    Diagnostics diagnostics;
    std::string error;  // bad options (unknown instance type, count < 1)
};

CompareRun compare_pattern(std::string_view pattern_json, const CompareOptions& options);
Json compare_to_json(const CompareResult& r);
std::string format_compare_text(const CompareResult& r);

}  // namespace sim
