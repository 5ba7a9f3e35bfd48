// fuzz_js_code.cpp — libFuzzer target for a function's JavaScript: arbitrary bytes as a handler's
// source (an ES module when it has import/export lines, else CommonJS). The code runs with a small
// heap and CPU budget; every call it makes is answered. Properties: nothing crashes or hangs
// (runaway code ends as a timeout, allocation as an error), every run ends with a settled
// handler or one waiting on calls it made, and two runs of the same source give the same result.
// The same bytes also run as TypeScript (index.ts): type erasure keeps every line and column and
// stays linear on hostile nesting.
#include "js/code_environment.h"
#include "js/typescript.h"

#include <cstdint>
#include <cstdlib>
#include <string>
#include <vector>

namespace {

struct AnsweringHost final : sim::js::CodeHost {
    std::vector<std::uint64_t> calls;
    std::vector<std::string> logs;
    double now = 1.7e12;
    std::uint64_t draws = 0;
    void request(std::uint64_t call, const sim::js::Json&, std::size_t) override { calls.push_back(call); }
    void log(std::string_view, std::string_view text) override {
        if (logs.size() < 64) logs.emplace_back(text.substr(0, 256));
    }
    double now_unix_ms() override { return now; }
    double random() override { return static_cast<double>((++draws * 2654435761u) % 1000) / 1000.0; }
};

// One cold start and one invocation; calls are answered in order, at most 64 rounds.
std::string run_once(const std::string& source, const char* file) {
    AnsweringHost host;
    sim::js::CodeLimits limits;
    limits.heap_bytes = 16u << 20;
    limits.cpu_polls = 200;
    auto env = sim::js::create_code_environment({{{file, source}}, "index.handler"}, {{"K", "v"}}, limits, host);
    sim::js::RunResult r = env->init();
    std::string out = "init " + std::to_string(static_cast<int>(r.state)) + " " + r.error_type + "\n";
    if (r.state != sim::js::RunState::Returned) return out;
    r = env->invoke({{"body", "{\"a\":1}"}}, {{"awsRequestId", "r"}, {"deadlineUnixMs", host.now + 3000}});
    for (std::size_t next = 0, rounds = 0; !r.done() && next < host.calls.size() && rounds < 64; ++rounds) {
        sim::js::CallAnswer a;
        a.body = {{"ok", true}};
        r = env->resume(host.calls[next++], a);
    }
    out += "run " + std::to_string(static_cast<int>(r.state)) + " " + r.error_type + " " + r.error_message + " " +
           r.value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
    for (const std::string& l : host.logs) out += l + "\n";
    return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size > 64 * 1024) return 0;
    const std::string source(reinterpret_cast<const char*>(data), size);
    if (source.find('\0') != std::string::npos) return 0;  // source text has no NUL
    for (const char* file : {"index.js", "index.ts"}) {
        const std::string first = run_once(source, file);
        if (run_once(source, file) != first) std::abort();  // the same source runs the same way
    }
    const sim::js::ErasedTypeScript erased = sim::js::erase_typescript(source);
    if (erased.error.empty()) {
        if (erased.javascript.size() != source.size()) std::abort();
        for (std::size_t i = 0; i < source.size(); ++i)
            if ((source[i] == '\n') != (erased.javascript[i] == '\n')) std::abort();
    }
    return 0;
}
