// conformance.h — runs the recorded AWS conformance suites (../shared/conformance/*.json).
// Each suite reads a JSON array of cases in the format described in that folder's README and
// reports which cases pass; the CLI prints one line per failure and "N passed, M failed".
#pragma once

#include <nlohmann/json.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace sim::conformance {

struct CaseFailure {
    std::string id;   // the case's "id"
    std::string why;  // one line: what was expected and what we got
};

struct Report {
    int passed = 0;
    std::vector<CaseFailure> failures;
};

// One function per suite; each takes the parsed top-level array. A case that is itself malformed
// (missing keys) is reported as a failure naming the missing key, never thrown.
Report run_eventbridge_suite(const nlohmann::json& cases);  // eventbridge-patterns.json
Report run_sns_suite(const nlohmann::json& cases);          // sns-filter-policies.json
Report run_schedule_suite(const nlohmann::json& cases);     // schedule-expressions.json
Report run_asl_suite(const nlohmann::json& cases);          // asl-cases.json

// Suite names accepted by `slsim conformance SUITE FILE`, in display order.
const std::vector<std::string>& suite_names();

// Runs the named suite; an unknown name or a non-array input gives a report with one failure.
Report run_suite(const std::string& suite, const nlohmann::json& cases);

// A conformance file's text, parsed. Never throws: text that is not JSON (a syntax error, a number
// too large for a double) leaves `error` saying where, e.g. "line 3, column 9: number overflow …".
struct SuiteFile {
    nlohmann::json cases;
    std::string error;  // empty when parsed
};
SuiteFile read_suite_file(std::string_view text);

}  // namespace sim::conformance
