// simulation.h — the facade used identically by the CLI, the tests and the playground.
// build() validates the whole pattern and builds every service, or builds nothing and returns
// every diagnostic. A built Simulation is driven step by step or up to a virtual time, within
// run limits (max simulated time, max events) that always end a run with a stated reason.
#pragma once

#include "core/diagnostics.h"
#include "core/message.h"
#include "core/metrics.h"
#include "core/registry.h"
#include "core/run_control.h"
#include "core/sim_time.h"
#include "core/trace.h"
#include "pattern/pattern.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>

namespace sim {

struct BuildOptions {
    std::optional<std::uint64_t> seed;        // overrides the pattern's seed
    std::optional<std::uint64_t> max_events;  // overrides settings.maxEvents
    const Registry* registry = nullptr;       // default_registry() when null
};

class Kernel;

class Simulation {
public:
    struct BuildResult;
    static BuildResult build(const Pattern& pattern, const BuildOptions& options = {});

    ~Simulation();
    Simulation(Simulation&&) noexcept;
    Simulation& operator=(Simulation&&) noexcept;

    // Processes one event; false when none is left (the clock does not move then).
    bool step();
    // Runs until virtual time `until` (events at exactly `until` run), the event limit, the queue
    // emptying for good, or `progress` asking to stop. The clock ends at `until` unless stopped early.
    StopReason run_until(SimTime until, const ProgressFn& progress = {});
    // Sends `event` into node `node_id` now, as an external caller would (a client node sends it
    // through its link; other nodes receive it directly). Returns an error text, empty on success.
    std::string fire(const std::string& node_id, const Json& event);
    // Like fire, but sent by a caller that waits for the answer, as the Lambda console's Test
    // button invokes synchronously (RequestResponse): the node's reply is kept for answer().
    // Returns the call's id, or 0 with `error` set.
    std::uint64_t call(const std::string& node_id, const Json& event, std::string& error);
    using Answer = OutsideAnswer;
    // The reply to call `id` once its time has come (at <= now()); nullptr before that, for a call
    // never answered, or one of more than the last 64 answered.
    const Answer* answer(std::uint64_t id) const;
    // Fault injection: takes an Availability Zone (AZ ID "use1-az1".."use1-az6") down now, or brings
    // it back. Zonal services (EC2, Fargate) notice through their health checks; regional ones
    // ignore it. Scheduled outages (settings.faults) apply on their own. Returns an error text, empty
    // on success.
    std::string set_az_down(const std::string& az, bool down);
    bool az_down(const std::string& az) const;

    SimTime now() const;
    std::uint64_t events_processed() const;
    std::uint64_t pending_events() const;
    std::uint64_t seed() const;
    const Pattern& pattern() const;
    StopReason last_stop() const;

    std::size_t node_count() const;
    const std::string& node_id(std::size_t i) const;
    const std::string& node_type(std::size_t i) const;
    const NodeMetrics& node_metrics(std::size_t i) const;
    Json node_inspect(std::size_t i) const;
    const Trace& trace() const;
    // Spans of traces past the first 1,000 go to a ring of recent spans for the playground; the
    // CLI and benchmarks switch that off (the fingerprint and metrics do not depend on it).
    void set_record_recent_spans(bool on);
    const LatencyHistogram& source_latency(std::size_t traffic_index) const;
    // Cost so far, time-based charges (capacity, storage, instances…) accrued up to now().
    double node_cost_usd(std::size_t i) const;
    double total_cost_usd() const;
    // End-to-end requests of the traffic sources answered so far (ok + failed): the denominator of
    // "cost per million requests".
    std::uint64_t requests_answered() const;

    // The machine-readable report: {"pattern","seed","sim_time_s","events_processed",
    // "stop_reason","nodes":{id:{...}},"sources":{...},"cost_usd":{"total",id...},"trace_fingerprint"}.
    Json report() const;

private:
    Simulation(std::unique_ptr<Kernel> kernel, Pattern pattern);
    // Queues `event` for the node now, from outside the design; false when there is no such node.
    bool inject(const std::string& node_id, const Json& event, CallerRef caller, std::string& error);
    Pattern pattern_;
    std::unique_ptr<Kernel> kernel_;
    StopReason last_stop_ = StopReason::None;
};

struct Simulation::BuildResult {
    std::unique_ptr<Simulation> simulation;  // null when diagnostics has errors
    Diagnostics diagnostics;
};

// Parse + build in one call (CLI, tests). Syntax, structure and build diagnostics all land in the
// result; nothing is built when any is an error.
Simulation::BuildResult build_from_text(std::string_view pattern_json, const BuildOptions& options = {});

}  // namespace sim
