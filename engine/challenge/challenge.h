// challenge.h — a challenge as data: scenario, starting canvas, the runs to simulate and the
// acceptance checks, loaded from `patterns/challenges/<id>.json` (or `patterns/code/challenges/`,
// solved by editing code) with every problem reported as a diagnostic carrying its JSON pointer
// (format: patterns/challenges/README.md).
#pragma once

#include "core/diagnostics.h"
#include "core/message.h"
#include "core/sim_time.h"
#include "pattern/pattern.h"

#include <string>
#include <string_view>
#include <vector>

namespace sim::challenge {

inline constexpr const char* kChallengeFormat = "serverless-playground-challenge/1";

// One simulated run of the solution. `traffic` (when given) replaces the solution's traffic;
// `settings` keys are merged over the solution's settings (startTime, faults, ...).
struct Run {
    std::string id;
    std::string label;  // plain words: "1 hour with no traffic"
    SimTime duration;
    bool has_traffic = false;  // false: the solution's own traffic is kept
    Json traffic = Json::array();
    Json settings = Json::object();
    std::string path;  // "/runs/1"
};

// One acceptance check. `spec` is the check's JSON object, validated at load time for its kind,
// so evaluation can read it without further checks.
struct Check {
    std::string id;           // "check-3" unless given
    std::string kind;         // "idle_cost", "latency", "path", ...
    std::string run;          // run id for checks measured on a run; empty for design checks
    std::string description;  // plain words, shown before any run
    Json spec = Json::object();
    std::string path;  // "/checks/3"
};

// Another design run through the same runs and checks, shown side by side (e.g. an EC2 fleet).
struct Comparison {
    std::string label;
    std::string design;  // pattern file, relative to the challenge file
};

// A hint: what to try, in words, and the design edits it suggests (design_actions.h). Applied in
// order to the starting canvas, every hint's edits build a solution that passes every check
// (tests/challenge/test_hints.cpp), so a learner who follows the hints succeeds.
struct Hint {
    std::string text;
    Json edits = Json::array();
    std::string path;  // "/hints/1"
};

struct Challenge {
    std::string format = kChallengeFormat;
    std::string id, title, scenario;
    std::vector<std::string> constraints;
    std::vector<Hint> hints;
    Json start_json = Json::object();  // the starting canvas as written (a pattern, maybe no nodes)
    Pattern start;
    std::vector<Run> runs;
    std::vector<Check> checks;
    std::vector<Comparison> compare;

    const Run* find_run(std::string_view run_id) const;
};

struct LoadResult {
    Challenge challenge;
    Diagnostics diagnostics;  // errors: the challenge must not be evaluated
    bool ok() const { return !diagnostics.has_errors(); }
};

// Parses challenge JSON text (syntax errors give line and column). Never throws.
LoadResult load_challenge(std::string_view json_text);
LoadResult load_challenge_json(const Json& root);

// The starting canvas with every hint's edits applied in order: what a learner who follows all
// the hints builds. Problems point into the challenge file ("/hints/1/edits/0").
ParseResult solution_from_hints(const Challenge& ch);

// The check kinds this build knows, for docs and diagnostics.
const std::vector<std::string>& check_kinds();
// True for kinds measured from the design alone (no run needed).
bool is_design_check(std::string_view kind);

}  // namespace sim::challenge
