// code_environment.h — a Lambda execution environment that runs a function's JavaScript.
//
// One CodeEnvironment is one Node.js-style runtime instance: its module's top-level code runs
// once (INIT), its globals persist across the invocations it serves, and it is destroyed when
// Lambda reclaims the environment. It runs one invocation at a time, as Lambda does.
//
// Nothing here knows time or services: the host (the Lambda function) answers SDK calls and
// timers, supplies the virtual clock and seeded randomness, and receives the logs. Code runs to
// its next suspension instantly in virtual time; the host resumes it when a reply arrives.
//
// The implementation is QuickJS (code_environment_quickjs.cpp), linked into the CLI and the tests.
// The page links without it (its download budget): there, these functions are a bridge to the
// code module it fetches on first use of code (playground/platform/code_runtime_bridge.cpp).
#pragma once

#include <nlohmann/json.hpp>

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace sim::js {

using Json = nlohmann::json;

struct CodeFile {
    std::string path;  // "index.mjs", "lib/util.js" (relative to the function's root)
    std::string text;
};

struct CodeBundle {
    std::vector<CodeFile> files;
    std::string handler = "index.handler";  // "<file without extension>.<export>"
};

struct CodeLimits {
    std::size_t heap_bytes = 128u << 20;  // MemorySize bounds the JavaScript heap
    // Interpreter work per invocation (QuickJS interrupt polls, each ~10,000 branches/calls): a
    // runaway loop ends as a Lambda timeout. Counted in interpreter steps, never wall time, so a
    // run is the same natively and in wasm.
    std::uint64_t cpu_polls = 4000;
};

// What running code asks of the world.
class CodeHost {
public:
    virtual ~CodeHost() = default;
    // An SDK call ({"client":"dynamodb","command":"PutItem","input":{…}}) or a timer
    // ({"client":"timer","ms":N}); the answer comes back through CodeEnvironment::resume(call, …).
    // `json_bytes`: the request's size as JSON text.
    virtual void request(std::uint64_t call, const Json& request, std::size_t json_bytes) = 0;
    // A console line ("INFO", "WARN", "ERROR", "DEBUG").
    virtual void log(std::string_view level, std::string_view text) = 0;
    virtual double now_unix_ms() = 0;
    virtual double random() = 0;  // [0, 1), from the function's seeded stream
};

enum class RunState { Waiting, Returned, Failed, TimedOut };

struct RunResult {
    RunState state = RunState::Waiting;
    Json value;              // Returned: the handler's result (null for undefined)
    std::string error_type;  // Failed: "Error", "TypeError", "Runtime.ImportModuleError", …
    std::string error_message;
    std::vector<std::string> trace;  // "at handler (index.mjs:3:11)"
    bool done() const { return state != RunState::Waiting; }
};

// A call's answer: the reply body, or an AWS error (name, message, HTTP status).
struct CallAnswer {
    bool ok = true;
    Json body;
    std::string error_name, error_message;
    int status = 200;
};

// A problem found when the code is compiled (before any run): syntax errors with their position.
struct CodeProblem {
    std::string file, message;
    int line = 0, column = 0;
};

class CodeEnvironment {
public:
    virtual ~CodeEnvironment() = default;
    // Runs the module's top-level code. Failed when it throws or cannot load its handler.
    virtual RunResult init() = 0;
    // Starts the handler with `event` and a context ({"awsRequestId", "functionName", …,
    // "deadlineUnixMs"}); runs until the handler settles or waits on a call.
    virtual RunResult invoke(const Json& event, const Json& context) = 0;
    // Answers `call`, runs the code it wakes, and reports the invocation's state.
    virtual RunResult resume(std::uint64_t call, const CallAnswer& answer) = 0;
    // Bytes of JavaScript heap in use (Lambda's "Max Memory Used" adds the runtime's own).
    virtual std::size_t heap_used() const = 0;
};

// Weak: null in a build with neither the interpreter nor the page's bridge to it.
[[gnu::weak]] std::unique_ptr<CodeEnvironment> create_code_environment(const CodeBundle& code, const Json& env_vars,
                                                                       const CodeLimits& limits, CodeHost& host);
// Compiles every file without running it; empty when the code is valid. Weak as above.
[[gnu::weak]] std::vector<CodeProblem> check_code(const CodeBundle& code);
// Whether the functions above can be called now: always natively; in the page once the code
// module has loaded.
[[gnu::weak]] bool code_runtime_ready();
// Asks for the runtime to be loaded (the page fetches its code module; a later build then runs
// code). False where nothing can load it.
[[gnu::weak]] bool load_code_runtime();

// Whether code can run in this build now.
inline bool code_runs_here() {
    return code_runtime_ready && code_runtime_ready();
}

}  // namespace sim::js
