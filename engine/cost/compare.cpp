// compare.cpp — serverless vs a fixed EC2 fleet for the same traffic (see compare.h).
// The serverless design's cost has a fixed hourly part (what it costs idle: a stage cache,
// provisioned capacity, shards, …, measured by running it an hour without traffic) and a variable
// part per request (the rest of the run's cost / requests answered). The fleet's cost is fixed per
// hour, so the crossover rate is (fleet $/h − serverless fixed $/h) ÷ (variable $/request × 3600).
#include "cost/compare.h"

#include "prices/price_table.h"
#include "runtime/simulation.h"
#include "services/all_services.h"
#include "services/ec2/ec2.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace sim {
namespace {

// Nodes are told apart by their contract's role: servers run all the time, sources only send.
bool always_on(ServiceRole role) {
    return role == ServiceRole::Server;
}
bool is_function(ServiceRole role) {
    return role == ServiceRole::Function || role == ServiceRole::EdgeFunction;
}

std::string money(double usd) {
    char buf[48];
    std::snprintf(buf, sizeof buf, usd != 0 && std::fabs(usd) < 0.01 ? "$%.6f" : "$%.4f", usd);
    return buf;
}
std::string num(double v, const char* f = "%.1f") {
    char buf[48];
    std::snprintf(buf, sizeof buf, f, v);
    return buf;
}

// Highest request rate over the run's time buckets, summed over the traffic-source nodes.
double peak_rate(const Simulation& sim) {
    double peak = 0;
    for (std::size_t i = 0; i < sim.node_count(); ++i) {
        if (sim.node_type(i) != "client" && sim.node_type(i) != "iot") continue;
        const TimeSeries& ts = sim.node_metrics(i).series();
        for (const MetricsBucket& b : ts.buckets())
            peak = std::max(peak, static_cast<double>(b.counters[static_cast<std::size_t>(Counter::Invocations)]) /
                                      ts.width().seconds());
    }
    return peak;
}

void measure(const Simulation& sim, CompareResult& r) {
    const Json rep = sim.report();
    r.run_seconds = sim.now().seconds();
    for (const auto& [id, src] : rep["sources"].items())
        r.requests += src["ok"].get<double>() + src["failed"].get<double>();
    r.avg_rps = r.run_seconds > 0 ? r.requests / r.run_seconds : 0;
    r.peak_rps = peak_rate(sim);
    double fn_ms_sum = 0, fn_count = 0, init_total = 0;
    for (std::size_t i = 0; i < sim.node_count(); ++i) {
        const ServiceRole role = default_registry().role_of(sim.node_type(i));
        const NodeMetrics& m = sim.node_metrics(i);
        if (always_on(role) || role == ServiceRole::Source) continue;
        ++r.managed_services;
        r.serverless_cost += sim.node_cost_usd(i);
        r.throttles += m.get(Counter::Throttles);
        if (!is_function(role)) continue;
        r.cold_starts += m.get(Counter::ColdStarts);
        r.peak_concurrency += m.peak_concurrency();
        fn_ms_sum += m.latency().mean_ms() * static_cast<double>(m.latency().count());
        fn_count += static_cast<double>(m.latency().count());
        const Json& node = rep["nodes"][sim.node_id(i)];
        if (node.contains("init_ms_total")) init_total += node["init_ms_total"].get<double>();
        const NodeSpec* spec = sim.pattern().find_node(sim.node_id(i));
        std::int64_t timeout = role == ServiceRole::Function ? 3 : 5;  // Lambda@Edge: 5
        if (spec && spec->config.contains("Timeout") && spec->config["Timeout"].is_number_integer())
            timeout = spec->config["Timeout"].get<std::int64_t>();
        r.max_timeout_s = std::max(r.max_timeout_s, timeout);
    }
    r.init_ms_mean = r.cold_starts ? init_total / static_cast<double>(r.cold_starts) : 0;
    r.cost_per_request = r.requests > 0 ? r.serverless_cost / r.requests : 0;
    if (r.request_cpu_ms <= 0) r.request_cpu_ms = fn_count > 0 ? fn_ms_sum / fn_count : 20;
}

// Splits the run's serverless cost into its fixed hourly part (the idle hour) and a variable cost
// per request; the hourly cost at the run's rate and the crossover follow from the two.
void split_fixed_and_variable(CompareResult& r) {
    r.serverless_fixed_hourly = r.idle_hour_serverless;
    const double variable = r.serverless_cost - r.serverless_fixed_hourly * r.run_seconds / 3600;
    r.variable_cost_per_request = r.requests > 0 ? std::max(0.0, variable) / r.requests : 0;
    r.serverless_hourly = r.serverless_fixed_hourly + r.variable_cost_per_request * r.avg_rps * 3600;
    if (r.variable_cost_per_request <= 0)
        r.crossover_rps = 0;
    else
        r.crossover_rps =
            std::max(0.0, r.fleet_hourly - r.serverless_fixed_hourly) / (r.variable_cost_per_request * 3600);
}

void fill_rows(CompareResult& r) {
    const std::string fleet = std::to_string(r.count) + " x " + r.instance_type;
    r.rows.push_back(
        {"operational management",
         std::to_string(r.managed_services) + " managed services; no servers to patch, scale or replace",
         fleet + " to patch (OS, AMI), monitor and replace, plus the Auto Scaling group and load balancer"});
    r.rows.push_back(
        {"scaling",
         "automatic from 0 to " + std::to_string(r.peak_concurrency) + " concurrent executions at the peak of " +
             num(r.peak_rps) + " req/s; " + std::to_string(r.throttles) + " throttled",
         "fixed capacity about " + num(r.capacity_rps, "%.0f") + " req/s at 100% CPU (" + num(r.request_cpu_ms) +
             " ms CPU per request); the peak needs " + num(r.peak_utilization * 100, "%.0f") + "% - " +
             (r.carries_peak            ? "carried"
              : r.peak_utilization <= 1 ? "tight: queueing grows"
                                        : "overloaded: 503s") +
             "; auto scaling adds instances only after minutes"});
    r.rows.push_back({"idle cost (1 h, no traffic)", money(r.idle_hour_serverless), money(r.fleet_hourly)});
    r.rows.push_back({"cold starts",
                      std::to_string(r.cold_starts) + " in this run" +
                          (r.cold_starts ? ", mean INIT " + num(r.init_ms_mean) + " ms" : ""),
                      "none while instances run; a new instance takes tens of seconds to boot"});
    r.rows.push_back({"max duration",
                      "900 s per invocation (longest Timeout here " + std::to_string(r.max_timeout_s) + " s)",
                      "unlimited"});
    r.rows.push_back(
        {"cost at this traffic (" + num(r.avg_rps) + " req/s)",
         money(r.serverless_hourly) + "/h, " + money(r.serverless_hourly * price_table::kHoursPerMonth) + "/month",
         money(r.fleet_hourly) + "/h, " + money(r.fleet_hourly * price_table::kHoursPerMonth) + "/month"});
    r.rows.push_back({"cost at scale",
                      "linear: " + money(r.variable_cost_per_request * 1e6) + " per 1M requests" +
                          (r.serverless_fixed_hourly > 0 ? " + " + money(r.serverless_fixed_hourly) + "/h fixed" : ""),
                      r.crossover_rps > 0 ? "fixed: cheaper above " + num(r.crossover_rps) + " req/s (" +
                                                money(r.ec2_cost_per_request_at_70 * 1e6) +
                                                " per 1M requests on an instance at 70% CPU)"
                                          : "fixed: no requests measured, so no crossover"});
}

}  // namespace

CompareRun compare_pattern(std::string_view text, const CompareOptions& o) {
    CompareRun out;
    const svc::InstanceType* type = svc::find_instance_type(o.instance_type);
    if (!type) {
        out.error = "unknown instance type '" + o.instance_type + "'; use one of " + svc::instance_type_names();
        return out;
    }
    if (o.count < 1 || o.count > 1000) {
        out.error = "--count must be 1..1000, got " + std::to_string(o.count);
        return out;
    }
    if (o.request_cpu_ms && !(*o.request_cpu_ms > 0 && *o.request_cpu_ms <= 900000)) {
        out.error = "--request-cpu-ms must be more than 0 and at most 900000";
        return out;
    }
    BuildOptions bo;
    bo.seed = o.seed;
    auto built = build_from_text(text, bo);
    out.diagnostics = built.diagnostics;
    if (!built.simulation) return out;
    Simulation& sim = *built.simulation;
    sim.run_until(o.duration.value_or(sim.pattern().settings.duration));

    CompareResult r;
    r.instance_type = type->name;
    r.count = o.count;
    r.vcpus = type->vcpus;
    r.request_cpu_ms = o.request_cpu_ms.value_or(0);
    measure(sim, r);

    // The same design with no traffic for an hour: what it costs to sit idle.
    Pattern idle = sim.pattern();
    idle.traffic.clear();
    auto idle_built = Simulation::build(idle, bo);
    if (idle_built.simulation) {
        idle_built.simulation->run_until(hours(1));
        for (std::size_t i = 0; i < idle_built.simulation->node_count(); ++i)
            if (!always_on(default_registry().role_of(idle_built.simulation->node_type(i))))
                r.idle_hour_serverless += idle_built.simulation->node_cost_usd(i);
    }

    r.fleet_hourly = static_cast<double>(o.count) * type->hourly_usd + (o.alb ? price_table::kAlbHour : 0);
    r.capacity_rps = static_cast<double>(o.count) * type->vcpus * 1000.0 / r.request_cpu_ms;
    r.peak_utilization = r.capacity_rps > 0 ? r.peak_rps / r.capacity_rps : 0;
    r.carries_peak = r.peak_utilization <= 0.7;  // headroom: M/M/c waiting grows steeply above ~70%
    split_fixed_and_variable(r);
    r.ec2_cost_per_request_at_70 = type->hourly_usd / (type->vcpus * 1000.0 / r.request_cpu_ms * 0.7 * 3600);
    fill_rows(r);
    out.result = std::move(r);
    return out;
}

Json compare_to_json(const CompareResult& r) {
    Json rows = Json::array();
    for (const CompareRow& row : r.rows)
        rows.push_back({{"aspect", row.aspect}, {"serverless", row.serverless}, {"ec2", row.ec2}});
    return {{"run",
             {{"seconds", r.run_seconds}, {"requests", r.requests}, {"avg_rps", r.avg_rps}, {"peak_rps", r.peak_rps}}},
            {"serverless",
             {{"cost_usd", r.serverless_cost},
              {"cost_per_request_usd", r.cost_per_request},
              {"fixed_hourly_usd", r.serverless_fixed_hourly},
              {"variable_cost_per_request_usd", r.variable_cost_per_request},
              {"hourly_usd", r.serverless_hourly},
              {"monthly_usd", r.serverless_hourly * price_table::kHoursPerMonth},
              {"idle_hour_usd", r.idle_hour_serverless},
              {"cold_starts", r.cold_starts},
              {"throttles", r.throttles},
              {"peak_concurrency", r.peak_concurrency}}},
            {"ec2",
             {{"instance_type", r.instance_type},
              {"count", r.count},
              {"hourly_usd", r.fleet_hourly},
              {"monthly_usd", r.fleet_hourly * price_table::kHoursPerMonth},
              {"request_cpu_ms", r.request_cpu_ms},
              {"capacity_rps", r.capacity_rps},
              {"peak_utilization", r.peak_utilization},
              {"carries_peak", r.carries_peak}}},
            {"crossover_rps", r.crossover_rps},
            {"rows", rows}};
}

std::string format_compare_text(const CompareResult& r) {
    std::string out;
    char line[640];
    std::snprintf(line, sizeof line, "traffic    %.0f requests in %.0f s: %.2f req/s on average, peak %.1f req/s\n",
                  r.requests, r.run_seconds, r.avg_rps, r.peak_rps);
    out += line;
    std::snprintf(line, sizeof line, "serverless %s for the run = %s per request → %s/h, %s/month at this rate\n",
                  money(r.serverless_cost).c_str(), money(r.cost_per_request).c_str(),
                  money(r.serverless_hourly).c_str(), money(r.serverless_hourly * price_table::kHoursPerMonth).c_str());
    out += line;
    std::snprintf(line, sizeof line, "           = %s/h fixed (its cost idle for an hour) + %s per request\n",
                  money(r.serverless_fixed_hourly).c_str(), money(r.variable_cost_per_request).c_str());
    out += line;
    std::snprintf(line, sizeof line, "EC2        %lld × %s = %s/h, %s/month (always on), ~%.0f req/s at 100%% CPU\n",
                  static_cast<long long>(r.count), r.instance_type.c_str(), money(r.fleet_hourly).c_str(),
                  money(r.fleet_hourly * price_table::kHoursPerMonth).c_str(), r.capacity_rps);
    out += line;
    if (r.variable_cost_per_request > 0 && r.serverless_fixed_hourly >= r.fleet_hourly) {
        out += "crossover  none: the serverless design's fixed cost alone is more than the fleet's\n";
    } else if (r.crossover_rps > 0) {
        std::snprintf(line, sizeof line,
                      "crossover  EC2 is cheaper above %.2f req/s (%.1fM requests/month); this run is %s it\n",
                      r.crossover_rps, r.crossover_rps * 3600 * price_table::kHoursPerMonth / 1e6,
                      r.avg_rps > r.crossover_rps ? "above" : "below");
        out += line;
        std::snprintf(line, sizeof line,
                      "           = (fleet %s/h − serverless fixed %s/h) ÷ (%s per request × 3,600 s)\n",
                      money(r.fleet_hourly).c_str(), money(r.serverless_fixed_hourly).c_str(),
                      money(r.variable_cost_per_request).c_str());
        out += line;
        if (r.crossover_rps > r.capacity_rps)
            out += "           (but " + std::to_string(r.count) + " × " + r.instance_type +
                   " cannot carry that rate: add instances)\n";
    }
    out += "\n";
    std::size_t w0 = 6, w1 = 10;
    for (const CompareRow& row : r.rows) {
        w0 = std::max(w0, row.aspect.size());
        w1 = std::max(w1, row.serverless.size());
    }
    auto pad = [](std::string s, std::size_t w) { return s + std::string(w > s.size() ? w - s.size() : 0, ' '); };
    out += pad("aspect", w0) + " | " + pad("serverless", w1) + " | EC2\n";
    out += std::string(w0, '-') + "-+-" + std::string(w1, '-') + "-+-" + std::string(20, '-') + "\n";
    for (const CompareRow& row : r.rows)
        out += pad(row.aspect, w0) + " | " + pad(row.serverless, w1) + " | " + row.ec2 + "\n";
    return out;
}

}  // namespace sim
