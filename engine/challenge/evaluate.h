// evaluate.h — running a solution through a challenge: each run simulated on the solution (the
// run's traffic replacing the solution's), then every check evaluated into {description, passed,
// measured}. Evaluation advances in event budgets so the playground can keep its frame rate; the
// CLI and tests use evaluate() which runs to the end.
#pragma once

#include "challenge/challenge.h"
#include "runtime/simulation.h"

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace sim::challenge {

struct CheckResult {
    std::string id, kind, run;
    std::string description;  // as shown up front
    bool passed = false;
    std::string measured;  // "p99 812 ms", "$0.00", "'orders-topic' reaches all 3"
};

struct RunResult {
    std::string id;
    bool ran = false;     // false: the solution could not be built or run for it
    std::string problem;  // why not, or a stop reason worth knowing ("event limit reached")
    Json report;          // Simulation::report() of the run (null when not run)
};

struct Result {
    std::vector<CheckResult> checks;  // in the challenge's order
    std::vector<RunResult> runs;
    Diagnostics diagnostics;  // the solution's build problems (paths into the solution)
    bool passed() const;      // every check passed
    std::size_t passed_count() const;
};

// The solution as it runs in `r`: the run's traffic replaces the solution's (when the run has
// traffic), the run's settings are merged over the solution's, and the seed is `seed`.
ParseResult solution_for_run(const Pattern& solution, const Run& r, std::uint64_t seed);

struct RunData;

class Evaluation {
public:
    Evaluation(const Challenge& challenge, const Pattern& solution);
    ~Evaluation();
    Evaluation(Evaluation&&) noexcept;
    Evaluation& operator=(Evaluation&&) noexcept;

    bool done() const;
    // Simulates about `max_events` more events (the current run stops at the next progress check
    // past the budget). Returns done().
    bool advance(std::uint64_t max_events = UINT64_MAX);
    double progress() const;          // 0..1 over all runs, by simulated time
    std::string current_run() const;  // id of the run being simulated ("" when done)
    // Every check's result; runs not simulated yet count as "not run". Final once done().
    Result result() const;

private:
    struct State;
    std::unique_ptr<State> s_;
};

// Runs everything and returns the result.
Result evaluate(const Challenge& challenge, const Pattern& solution);

// {"passed", "passed_count", "checks": [{id, kind, run, description, passed, measured}],
//  "runs": [{id, ran, problem}], "diagnostics": [{severity, path, message}]}
Json result_to_json(const Result& r);

}  // namespace sim::challenge
