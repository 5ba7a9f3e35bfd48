// schedule_suite.cpp — runs schedule-expressions.json (README §3): invalid cases must be
// rejected by ScheduleExpression::parse; valid cases must give the listed fire times strictly
// after "after" (rate cases use "after" as the anchor, the instant the rule was created).
#include "conformance/conformance.h"
#include "schedule/schedule_expression.h"
#include "schedule/utc_time.h"

#include <algorithm>

namespace sim::conformance {

namespace {

using nlohmann::json;
namespace sch = sim::schedule;

std::string join_times(const std::vector<std::string>& times) {
    std::string out = "[";
    for (std::size_t i = 0; i < times.size(); ++i) out += (i ? ", " : "") + times[i];
    return out + "]";
}

// Checks one case; returns the reason it fails, or an empty string when it passes.
std::string check_case(const json& c) {
    if (!c.contains("expression") || !c["expression"].is_string()) return "case has no string key 'expression'";
    const std::string expression = c["expression"].get<std::string>();
    const auto parsed = sch::ScheduleExpression::parse(expression);
    const auto* error = std::get_if<sch::ScheduleError>(&parsed);

    if (c.contains("invalid") && c["invalid"].is_boolean() && c["invalid"].get<bool>()) {
        if (error == nullptr) return "expected '" + expression + "' to be rejected, but it parsed";
        return {};
    }
    if (error != nullptr) return "expected '" + expression + "' to be valid, got error: " + error->message;
    if (!c.contains("after") || !c["after"].is_string()) return "case has no string key 'after'";
    if (!c.contains("next") || !c["next"].is_array()) return "case has no array key 'next'";
    std::string why;
    const auto after = sch::parse_utc(c["after"].get<std::string>(), &why);
    if (!after) return "bad 'after': " + why;
    std::vector<std::string> expected;
    for (const json& t : c["next"]) {
        if (!t.is_string()) return "'next' holds a non-string element";
        expected.push_back(t.get<std::string>());
    }

    // The corpus lists up to 3 times, fewer only when the schedule ends: compute the same count
    // (at least 3) so that an early or missing end shows up as a difference.
    const auto& schedule = std::get<sch::ScheduleExpression>(parsed);
    const std::size_t want = std::max<std::size_t>(3, expected.size());
    std::vector<std::string> got;
    std::int64_t t = *after;
    while (got.size() < want) {
        const auto next = schedule.next_after(t, *after);
        if (!next) break;
        got.push_back(sch::format_utc(*next));
        t = *next;
    }
    if (got != expected) return "expected " + join_times(expected) + ", got " + join_times(got);
    return {};
}

}  // namespace

Report run_schedule_suite(const json& cases) {
    Report report;
    if (!cases.is_array()) {
        report.failures.push_back({"(file)", "expected a top-level JSON array of cases"});
        return report;
    }
    std::size_t index = 0;
    for (const json& c : cases) {
        std::string id = "(case " + std::to_string(index++) + ")";
        if (!c.is_object()) {
            report.failures.push_back({id, "case is not a JSON object"});
            continue;
        }
        if (!c.contains("id") || !c["id"].is_string()) {
            report.failures.push_back({id, "case has no string key 'id'"});
            continue;
        }
        id = c["id"].get<std::string>();
        std::string why = check_case(c);
        if (why.empty())
            ++report.passed;
        else
            report.failures.push_back({id, std::move(why)});
    }
    return report;
}

}  // namespace sim::conformance
