// fuzz_asl.cpp — libFuzzer target for Amazon States Language (engine/stepfunctions): the first text
// as a state machine definition (parsed, validated and, when valid, executed against the second
// text as input, tasks answering with their own input, for a bounded number of steps); every
// line of the second text also as a JSONPath or intrinsic call evaluated against the first.
// Never crash or hang; a refused definition or path always says why.
#include "fuzz_split.h"
#include "pattern/json_guard.h"
#include "stepfunctions/asl_parse.h"
#include "stepfunctions/execution.h"
#include "stepfunctions/intrinsics.h"
#include "stepfunctions/jsonpath.h"

#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

namespace {

void run_machine(const sim::sfn::LoadResult& loaded, const nlohmann::json& input) {
    sim::sfn::Execution exec(loaded.machine, input, 0);
    std::int64_t now = 0;
    for (int step = 0; step < 200 && exec.status() == sim::sfn::ExecutionStatus::Running; ++step) {
        sim::sfn::Advance a = exec.advance(now);
        if (a.kind == sim::sfn::AdvanceKind::Finished) break;
        for (const auto& t : a.tasks) {
            if (t.id % 3 == 2)
                exec.fail_task(t.id, "States.TaskFailed", std::string("fuzz"));
            else
                exec.complete_task(t.id, t.input);
        }
        if (a.wake_at_us && *a.wake_at_us > now)
            now = *a.wake_at_us;
        else
            now += 1'000'000;
    }
    if (exec.status() == sim::sfn::ExecutionStatus::Running) exec.stop(now + 1);
}

void probe_paths(std::string_view lines, const nlohmann::json& doc) {
    std::size_t start = 0;
    for (int n = 0; n < 16 && start <= lines.size(); ++n) {
        const auto end = lines.find('\n', start);
        const std::string_view line =
            lines.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start);
        std::string why;
        if (sim::sfn::is_intrinsic_text(line)) {
            auto call = sim::sfn::parse_intrinsic(line, &why);
            if (!call && why.empty()) std::abort();
            if (call) (void)sim::sfn::evaluate_intrinsic(*call, doc, doc, {});
        } else {
            auto path = sim::sfn::JsonPath::parse(line, &why);
            if (!path && why.empty()) std::abort();
            if (path) {
                (void)path->find(doc);
                (void)path->normalized();
                nlohmann::json copy = doc;
                if (path->is_reference_path()) (void)path->assign(copy, nlohmann::json(1));
            }
        }
        if (end == std::string_view::npos) break;
        start = end + 1;
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const auto [definition, second] = fuzz::split_input({reinterpret_cast<const char*>(data), size});
    const sim::sfn::LoadResult loaded = sim::sfn::load_state_machine_text(definition);
    if (!loaded.machine && loaded.errors.empty()) std::abort();
    const sim::JsonText def = sim::parse_json_text(definition);
    const sim::JsonText input = sim::parse_json_text(second);
    const nlohmann::json doc = def.ok ? def.value : nlohmann::json::object();
    if (loaded.machine) run_machine(loaded, input.ok ? input.value : doc);
    probe_paths(second, doc);
    return 0;
}
