// report_text.cpp — a readable table of what each node did, latency and cost.
#include "cli/report_text.h"

#include <cstdio>

namespace sim::cli {

namespace {
std::string fmt(const char* f, double v) {
    char buf[64];
    std::snprintf(buf, sizeof buf, f, v);
    return buf;
}
}  // namespace

std::string format_report_text(const Simulation& sim) {
    const Json r = sim.report();
    std::string out;
    char line[512];
    std::snprintf(line, sizeof line, "pattern  %s (seed %llu)\nsimulated %s, %llu events — %s\n\n",
                  r["pattern"].get<std::string>().c_str(), static_cast<unsigned long long>(sim.seed()),
                  format_duration(sim.now()).c_str(), static_cast<unsigned long long>(sim.events_processed()),
                  stop_reason_text(sim.last_stop()).c_str());
    out += line;
    std::snprintf(line, sizeof line, "%-18s %-11s %10s %8s %9s %6s %8s %10s %12s\n", "node", "type", "requests",
                  "errors", "throttles", "cold", "peak", "p99 ms", "cost $");
    out += line;
    for (std::size_t i = 0; i < sim.node_count(); ++i) {
        const NodeMetrics& m = sim.node_metrics(i);
        const bool has_latency = m.latency().count() > 0;
        std::snprintf(
            line, sizeof line, "%-18s %-11s %10llu %8llu %9llu %6llu %8lld %10s %12s\n", sim.node_id(i).c_str(),
            sim.node_type(i).c_str(), static_cast<unsigned long long>(m.get(Counter::Invocations)),
            static_cast<unsigned long long>(m.get(Counter::Errors)),
            static_cast<unsigned long long>(m.get(Counter::Throttles)),
            static_cast<unsigned long long>(m.get(Counter::ColdStarts)), static_cast<long long>(m.peak_concurrency()),
            has_latency ? fmt("%.1f", m.latency().percentile(0.99).millis()).c_str() : "-",
            fmt("%.6f", sim.node_cost_usd(i)).c_str());
        out += line;
    }
    const Pattern& p = sim.pattern();
    if (!p.traffic.empty()) {
        out += "\ntraffic source      requests      ok  failed   p50 ms   p90 ms   p99 ms\n";
        for (std::size_t i = 0; i < p.traffic.size(); ++i) {
            const Json& s = r["sources"][p.traffic[i].id];
            const LatencyHistogram& h = sim.source_latency(i);
            std::snprintf(line, sizeof line, "%-18s %9llu %7llu %7llu %8.1f %8.1f %8.1f\n", p.traffic[i].id.c_str(),
                          static_cast<unsigned long long>(h.count()),
                          static_cast<unsigned long long>(s["ok"].get<std::uint64_t>()),
                          static_cast<unsigned long long>(s["failed"].get<std::uint64_t>()), h.percentile(0.5).millis(),
                          h.percentile(0.9).millis(), h.percentile(0.99).millis());
            out += line;
        }
    }
    const double total = sim.total_cost_usd();
    const double secs = sim.now().seconds();
    std::snprintf(line, sizeof line, "\ntotal cost $%.6f for %s", total, format_duration(sim.now()).c_str());
    out += line;
    if (sim.pattern().settings.free_tier) {
        // Allowances are per calendar month, so scaling this run's bill to a month would be wrong.
        out += " with the always-free tier applied (settings.freeTier; per-meter use under \"free_tier\" in --json)";
    } else if (secs > 0) {
        std::snprintf(line, sizeof line, " (about $%.2f per 30-day month at this rate)", total / secs * 86400 * 30);
        out += line;
    }
    if (const std::uint64_t requests = sim.requests_answered(); requests > 0) {
        std::snprintf(line, sizeof line, "\ncost per million requests $%.2f (%llu end-to-end requests)",
                      total / static_cast<double>(requests) * 1e6, static_cast<unsigned long long>(requests));
        out += line;
    }
    out += "\ntrace fingerprint " + r["trace_fingerprint"].get<std::string>() + "\n";
    const auto& log = sim.trace().entries();
    if (!log.empty()) {
        out += "\nnotable events (" + std::to_string(sim.trace().log_total()) + " in all; last shown):\n";
        std::size_t start = log.size() > 10 ? log.size() - 10 : 0;
        for (std::size_t i = start; i < log.size(); ++i) {
            std::snprintf(line, sizeof line, "  %12s  %-16s %s\n", format_duration(log[i].at).c_str(),
                          sim.node_id(log[i].node).c_str(), log[i].text.c_str());
            out += line;
        }
    }
    return out;
}

}  // namespace sim::cli
