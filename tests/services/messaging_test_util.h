// messaging_test_util.h — small helpers shared by the messaging service tests: build a pattern
// from inline JSON (failing the test on any error), find nodes, read counters and log lines.
#pragma once

#include "runtime/simulation.h"

#include <doctest/doctest.h>

#include <memory>
#include <string>

namespace msgtest {

inline std::unique_ptr<sim::Simulation> build(const std::string& text) {
    auto res = sim::build_from_text(text);
    std::string errors;
    for (const auto& d : res.diagnostics.items())
        if (d.severity == sim::Severity::Error) errors += d.path + ": " + d.message + "\n";
    REQUIRE_MESSAGE(res.simulation != nullptr, errors);
    return std::move(res.simulation);
}

// The first error diagnostic as "path: message" ("" when the pattern builds).
inline std::string first_error(const std::string& text) {
    auto res = sim::build_from_text(text);
    for (const auto& d : res.diagnostics.items())
        if (d.severity == sim::Severity::Error) return d.path + ": " + d.message;
    return "";
}

inline bool has_error(const std::string& text, const std::string& path_and_message) {
    auto res = sim::build_from_text(text);
    for (const auto& d : res.diagnostics.items())
        if (d.severity == sim::Severity::Error && d.path + ": " + d.message == path_and_message) return true;
    return false;
}

inline std::size_t node(const sim::Simulation& s, const std::string& id) {
    for (std::size_t i = 0; i < s.node_count(); ++i)
        if (s.node_id(i) == id) return i;
    FAIL("no node " << id);
    return 0;
}

inline std::uint64_t count(const sim::Simulation& s, const std::string& id, sim::Counter c) {
    return s.node_metrics(node(s, id)).get(c);
}

inline nlohmann::json node_report(const sim::Simulation& s, const std::string& id) {
    return s.report()["nodes"][id];
}

// True when some event-log line contains `text`.
inline bool logged(const sim::Simulation& s, const std::string& text) {
    for (const auto& e : s.trace().entries())
        if (e.text.find(text) != std::string::npos) return true;
    return false;
}

// The reason of the first logged drop whose text contains `text` (DropReason::None when none is).
inline sim::DropReason drop_reason(const sim::Simulation& s, const std::string& text) {
    for (const auto& e : s.trace().entries())
        if (e.outcome == sim::Outcome::Dropped && e.text.find(text) != std::string::npos) return e.drop;
    return sim::DropReason::None;
}

// Wraps nodes/edges JSON into a pattern document.
inline std::string pattern(const std::string& nodes, const std::string& edges, const std::string& extra = "") {
    return R"({"format": "serverless-playground/1", "name": "t", "seed": 7, "nodes": )" + nodes + R"(, "edges": )" +
           edges + (extra.empty() ? "" : ", " + extra) + "}";
}

}  // namespace msgtest
