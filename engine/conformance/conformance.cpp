// conformance.cpp — dispatch from suite name to the suite runner.
#include "conformance/conformance.h"

#include "pattern/json_guard.h"

namespace sim::conformance {

const std::vector<std::string>& suite_names() {
    static const std::vector<std::string> names = {"eventbridge", "sns", "schedule", "asl"};
    return names;
}

Report run_suite(const std::string& suite, const nlohmann::json& cases) {
    if (!cases.is_array()) return {0, {{"(file)", "expected a top-level JSON array of cases"}}};
    if (suite == "eventbridge") return run_eventbridge_suite(cases);
    if (suite == "sns") return run_sns_suite(cases);
    if (suite == "schedule") return run_schedule_suite(cases);
    if (suite == "asl") return run_asl_suite(cases);
    return {0, {{"(suite)", "unknown suite '" + suite + "'; expected eventbridge, sns, schedule or asl"}}};
}

SuiteFile read_suite_file(std::string_view text) {
    JsonText parsed = parse_json_text(text);
    SuiteFile out;
    if (parsed.ok)
        out.cases = std::move(parsed.value);
    else
        out.error = parsed.where();
    return out;
}

}  // namespace sim::conformance
