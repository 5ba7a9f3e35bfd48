// tour.h — a guided tour of a pattern as data (`patterns/tours/<pattern>.json`; a code pattern's in
// `patterns/code/tours/`, naming a pattern in `patterns/code/`): steps that highlight a node or
// edge, optionally change the design ("set" actions the UI applies), and say which metric to watch
// and which way it moves. Steps are independent: each step's actions apply to the unmodified
// pattern. Format: patterns/challenges/README.md.
#pragma once

#include "challenge/design_actions.h"
#include "core/diagnostics.h"
#include "core/message.h"
#include "core/sim_time.h"
#include "pattern/pattern.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace sim::challenge {

inline constexpr const char* kTourFormat = "serverless-playground-tour/1";

struct Watch {
    std::string node;       // node id
    std::string metric;     // a field of the node's report: "errors", "cold_starts", "cost_usd", "latency_ms/p99"
    std::string direction;  // "up", "down" or "same", compared with the unmodified pattern
};

struct TourStep {
    std::string title;
    std::string text;          // one or two sentences
    std::string highlight;     // a node id, or an edge "from->to"
    Json set = Json::array();  // actions: {"node", "config"}, {"edge": "a->b", "config"}, {"traffic": {...}},
                               // {"faults": [...]}, {"settings": {...}}
    std::optional<Watch> watch;
    std::string path;  // "/steps/2"
};

struct Tour {
    std::string format = kTourFormat;
    std::string pattern;  // pattern file name without .json ("rest-api"), in the tours folder's parent
    std::string title, description;
    std::optional<SimTime> duration;  // how long to run for a watch (default: the pattern's duration)
    std::vector<TourStep> steps;
};

struct TourLoad {
    Tour tour;
    Diagnostics diagnostics;
    bool ok() const { return !diagnostics.has_errors(); }
};

// Parses tour JSON text (4–8 steps). Never throws.
TourLoad load_tour(std::string_view json_text);

// Checks a tour against its pattern: every highlight and watched node exists, every step's
// actions apply and the modified pattern builds. Paths point into the tour file.
Diagnostics check_tour(const Tour& t, const Pattern& p);

// The watched value in a Simulation::report(); nullopt when the node reports no such metric.
std::optional<double> watch_value(const Json& report, const Watch& w);

}  // namespace sim::challenge
