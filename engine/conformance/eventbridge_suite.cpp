// eventbridge_suite.cpp — runs eventbridge-patterns.json: match cases through
// EventPattern::matches, invalid cases must be refused by EventPattern::compile.
#include "conformance/conformance.h"
#include "match/event_pattern.h"

#include <string>

namespace sim::conformance {

namespace {

using json = nlohmann::json;

std::string case_id(const json& c, std::size_t index) {
    if (c.is_object()) {
        const auto it = c.find("id");
        if (it != c.end() && it->is_string()) return it->get<std::string>();
    }
    return "(case " + std::to_string(index) + ")";
}

const json* field(const json& c, const char* key) {
    const auto it = c.find(key);
    return it == c.end() ? nullptr : &*it;
}

std::string describe(const match::MatchError& e) {
    return (e.path.empty() ? "" : e.path + ": ") + e.message;
}

}  // namespace

Report run_eventbridge_suite(const json& cases) {
    Report report;
    if (!cases.is_array()) {
        report.failures.push_back({"(file)", "expected a top-level JSON array of cases"});
        return report;
    }
    for (std::size_t i = 0; i < cases.size(); ++i) {
        const json& c = cases[i];
        const std::string id = case_id(c, i);
        if (!c.is_object()) {
            report.failures.push_back({id, "case is not a JSON object"});
            continue;
        }
        const json* pattern = field(c, "pattern");
        if (!pattern) {
            report.failures.push_back({id, "case is missing key \"pattern\""});
            continue;
        }
        const json* invalid = field(c, "invalid");
        auto compiled = match::EventPattern::compile(*pattern);
        const auto* error = std::get_if<match::MatchError>(&compiled);
        if (invalid && invalid->is_boolean() && invalid->get<bool>()) {
            if (error) {
                ++report.passed;
            } else {
                const json* aws = field(c, "aws_error");
                report.failures.push_back(
                    {id, "expected the pattern to be rejected" +
                             (aws && aws->is_string() ? " (AWS: " + aws->get<std::string>() + ")" : std::string()) +
                             ", but it compiled"});
            }
            continue;
        }
        const json* event = field(c, "event");
        const json* expected = field(c, "match");
        if (!event || !expected || !expected->is_boolean()) {
            report.failures.push_back(
                {id, !event ? "case is missing key \"event\"" : "case is missing boolean \"match\""});
            continue;
        }
        if (error) {
            report.failures.push_back({id, "pattern was rejected but AWS accepts it: " + describe(*error)});
            continue;
        }
        const bool got = std::get<match::EventPattern>(compiled).matches(*event);
        if (got == expected->get<bool>()) {
            ++report.passed;
        } else {
            report.failures.push_back({id, std::string("expected match=") + (got ? "false" : "true") +
                                               ", got match=" + (got ? "true" : "false")});
        }
    }
    return report;
}

}  // namespace sim::conformance
