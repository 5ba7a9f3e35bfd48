// test_support.h — helpers shared by the engine tests: build a pattern from JSON text, find a
// node's metrics, read repository files.
#pragma once

#include "runtime/simulation.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace sim::test {

// Builds a simulation from JSON text and fails the test (with every diagnostic) if it is invalid.
inline std::unique_ptr<Simulation> build_ok(std::string_view json, BuildOptions options = {}) {
    auto built = build_from_text(json, options);
    for (const auto& d : built.diagnostics.items())
        if (d.severity == Severity::Error) MESSAGE(format_diagnostic(d));
    REQUIRE(built.simulation != nullptr);
    return std::move(built.simulation);
}

// The diagnostics of a pattern that must not build.
inline Diagnostics build_errors(std::string_view json) {
    auto built = build_from_text(json);
    CHECK(built.simulation == nullptr);
    return built.diagnostics;
}

// Every diagnostic, one a line (for INFO and MESSAGE).
inline std::string all_diagnostics(const Diagnostics& d) {
    std::string all;
    for (const auto& item : d.items()) all += format_diagnostic(item) + "\n";
    return all;
}

// True when some error diagnostic has exactly this path and message.
inline bool has_error(const Diagnostics& d, const std::string& path, const std::string& message) {
    for (const auto& item : d.items())
        if (item.severity == Severity::Error && item.path == path && item.message == message) return true;
    std::string all;
    for (const auto& item : d.items()) all += "\n  " + format_diagnostic(item);
    MESSAGE("looked for " << path << ": " << message << " among:" << all);
    return false;
}

inline std::size_t node_index(const Simulation& s, const std::string& id) {
    for (std::size_t i = 0; i < s.node_count(); ++i)
        if (s.node_id(i) == id) return i;
    FAIL("no node " << id);
    return 0;
}

inline std::uint64_t counter(const Simulation& s, const std::string& id, Counter c) {
    return s.node_metrics(node_index(s, id)).get(c);
}

inline std::string repo_file(const std::string& relative) {
    std::ifstream in(std::string(SLSIM_SOURCE_DIR) + "/" + relative, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

// The .json files directly in a repository folder ("patterns/tours" → "patterns/tours/x.json", …),
// sorted; empty when the folder does not exist.
inline std::vector<std::string> repo_json_files(const std::string& dir) {
    std::vector<std::string> out;
    const std::filesystem::path root = std::filesystem::path(SLSIM_SOURCE_DIR) / dir;
    if (!std::filesystem::is_directory(root)) return out;
    for (const auto& e : std::filesystem::directory_iterator(root))
        if (e.is_regular_file() && e.path().extension() == ".json")
            out.push_back(dir + "/" + e.path().filename().string());
    std::sort(out.begin(), out.end());
    return out;
}

}  // namespace sim::test
