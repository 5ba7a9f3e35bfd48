// asl_suite.cpp — runs asl-cases.json: each definition is loaded, executed with its input on a
// virtual clock (jumping to every wait-until time), and its status, output (structurally, numbers
// numerically) or error (+ cause when recorded) compared with what AWS returned.
#include "conformance/conformance.h"

#include "stepfunctions/asl_parse.h"
#include "stepfunctions/execution.h"
#include "stepfunctions/json_text.h"

namespace sim::conformance {

namespace {

using nlohmann::json;

constexpr int kMaxAdvances = 100000;  // a runaway machine is a failure, not a hang

bool same_json(const json& a, const json& b) {
    if (a.is_number() && b.is_number()) return a.get<double>() == b.get<double>();
    if (a.type() != b.type()) return false;
    if (a.is_object()) {
        if (a.size() != b.size()) return false;
        for (auto it = a.begin(); it != a.end(); ++it) {
            auto other = b.find(it.key());
            if (other == b.end() || !same_json(it.value(), *other)) return false;
        }
        return true;
    }
    if (a.is_array()) {
        if (a.size() != b.size()) return false;
        for (std::size_t k = 0; k < a.size(); ++k)
            if (!same_json(a[k], b[k])) return false;
        return true;
    }
    return a == b;
}

// Runs one case; returns "" on success or the reason it failed.
std::string run_case(const json& c) {
    for (const char* key : {"definition", "input", "expected"})
        if (!c.contains(key)) return std::string("case is missing key '") + key + "'";
    const json& expected = c["expected"];
    if (!expected.is_object() || !expected.contains("status") || !expected["status"].is_string())
        return "case is missing key 'expected.status'";
    auto loaded = sfn::load_state_machine(c["definition"]);
    if (!loaded.ok()) {
        const auto& e = loaded.errors.front();
        return "definition rejected: " + e.message + (e.path.empty() ? "" : " at " + e.path);
    }
    sfn::ExecutionOptions options;
    std::uint64_t seed = 0x5eed;
    options.random = [&seed] { return seed = seed * 6364136223846793005ULL + 1442695040888963407ULL; };
    sfn::Execution ex(loaded.machine, c["input"], 0, options);
    std::int64_t now = 0;
    int steps = 0;
    for (; steps < kMaxAdvances; ++steps) {
        auto adv = ex.advance(now);
        if (adv.kind == sfn::AdvanceKind::Finished) break;
        // The recorded cases contain no Task states; any task request fails like a missing handler.
        for (const auto& t : adv.tasks)
            ex.fail_task(t.id, "Sim.NoTaskHandler", "no task handler in the conformance runner");
        if (adv.kind == sfn::AdvanceKind::WaitUntil && adv.wake_at_us) now = *adv.wake_at_us;
        if (adv.kind == sfn::AdvanceKind::AwaitingTasks) return "execution is stuck waiting for tasks";
    }
    if (steps == kMaxAdvances) return "execution did not finish";
    std::string status = sfn::execution_status_name(ex.status());
    const std::string want = expected["status"].get<std::string>();
    std::string got_detail =
        status == "SUCCEEDED" ? "output " + sfn::compact_json(ex.output())
                              : "error " + ex.error().error + " (cause: " + ex.error().cause.value_or("<none>") + ")";
    if (status != want) return "expected status " + want + ", got " + status + " with " + got_detail;
    if (want == "SUCCEEDED") {
        if (!expected.contains("output")) return "case is missing key 'expected.output'";
        if (!same_json(expected["output"], ex.output()))
            return "expected output " + sfn::compact_json(expected["output"]) + ", got " +
                   sfn::compact_json(ex.output());
        return "";
    }
    if (!expected.contains("error")) return "case is missing key 'expected.error'";
    if (expected["error"] != ex.error().error)
        return "expected error " + sfn::compact_json(expected["error"]) + ", got " + got_detail;
    if (expected.contains("cause") && expected["cause"] != ex.error().cause.value_or(""))
        return "expected cause " + sfn::compact_json(expected["cause"]) + ", got " +
               sfn::compact_json(json(ex.error().cause.value_or("<none>")));
    return "";
}

}  // namespace

Report run_asl_suite(const json& cases) {
    Report report;
    for (std::size_t k = 0; k < cases.size(); ++k) {
        const json& c = cases[k];
        std::string id = c.is_object() && c.contains("id") && c["id"].is_string() ? c["id"].get<std::string>()
                                                                                  : "(case " + std::to_string(k) + ")";
        if (!c.is_object()) {
            report.failures.push_back({id, "case is not a JSON object"});
            continue;
        }
        std::string why = run_case(c);
        if (why.empty())
            ++report.passed;
        else
            report.failures.push_back({id, why});
    }
    return report;
}

}  // namespace sim::conformance
