// check_eval.h — evaluating one check against a solution's design and the data kept from its
// runs. Internal to engine/challenge/.
#pragma once

#include "challenge/challenge.h"
#include "challenge/evaluate.h"
#include "core/metrics.h"

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace sim::challenge {

// What a finished run leaves for the checks.
struct RunData {
    std::string id;
    bool ran = false;
    std::string problem;
    Json report;                                           // Simulation::report()
    std::vector<std::string> source_ids;                   // traffic ids, in pattern order
    std::vector<LatencyHistogram> source_latency;          // per traffic source
    std::map<std::string, LatencyHistogram> node_latency;  // per node id
    std::map<std::string, std::vector<std::int64_t>>
        samples;  // schedule check id → seconds (since t=0) when its counter rose
    std::int64_t start_unix = 0;
    SimTime duration;
};

// Design checks read only the solution; run checks read `runs` (one RunData per challenge run,
// in challenge order).
CheckResult evaluate_design_check(const Challenge& ch, const Check& c, const Pattern& solution);
CheckResult evaluate_run_check(const Challenge& ch, const Check& c, const Pattern& solution,
                               const std::vector<RunData>& runs);

// Schedule-check helpers shared with the runner: the counter a check samples and its nodes.
Counter schedule_counter(const Check& c);

}  // namespace sim::challenge
