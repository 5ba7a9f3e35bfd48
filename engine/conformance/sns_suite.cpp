// sns_suite.cpp — runs sns-filter-policies.json through SnsFilterPolicy in the case's scope.
#include "conformance/conformance.h"
#include "match/sns_filter_policy.h"

#include <string>

namespace sim::conformance {

namespace {

using json = nlohmann::json;

const json* field(const json& c, const char* key) {
    const auto it = c.find(key);
    return it == c.end() ? nullptr : &*it;
}

}  // namespace

Report run_sns_suite(const json& cases) {
    Report report;
    if (!cases.is_array()) {
        report.failures.push_back({"(file)", "expected a top-level JSON array of cases"});
        return report;
    }
    for (std::size_t i = 0; i < cases.size(); ++i) {
        const json& c = cases[i];
        std::string id = "(case " + std::to_string(i) + ")";
        if (!c.is_object()) {
            report.failures.push_back({id, "case is not a JSON object"});
            continue;
        }
        if (const json* j = field(c, "id"); j && j->is_string()) id = j->get<std::string>();
        const json* policy = field(c, "policy");
        const json* scope = field(c, "scope");
        const json* expected = field(c, "match");
        if (!policy || !scope || !expected || !expected->is_boolean()) {
            report.failures.push_back({id, !policy  ? "case is missing key \"policy\""
                                           : !scope ? "case is missing key \"scope\""
                                                    : "case is missing boolean \"match\""});
            continue;
        }
        const bool body_scope = scope->is_string() && scope->get<std::string>() == "MessageBody";
        if (!body_scope && !(scope->is_string() && scope->get<std::string>() == "MessageAttributes")) {
            report.failures.push_back({id, "scope must be \"MessageAttributes\" or \"MessageBody\", got " +
                                               scope->dump(-1, ' ', false, json::error_handler_t::replace)});
            continue;
        }
        auto compiled = match::SnsFilterPolicy::compile(
            *policy, body_scope ? match::FilterScope::MessageBody : match::FilterScope::MessageAttributes);
        if (const auto* e = std::get_if<match::MatchError>(&compiled)) {
            report.failures.push_back({id, "policy was rejected but AWS accepts it: " +
                                               (e->path.empty() ? "" : e->path + ": ") + e->message});
            continue;
        }
        const auto& filter = std::get<match::SnsFilterPolicy>(compiled);
        const json* input = field(c, body_scope ? "body" : "message_attributes");
        if (!input) {
            report.failures.push_back(
                {id, body_scope ? "case is missing key \"body\"" : "case is missing key \"message_attributes\""});
            continue;
        }
        const bool got = body_scope ? filter.matches_body(*input) : filter.matches_attributes(*input);
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
