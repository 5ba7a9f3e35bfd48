// code_module.h — a CodeEnvironment split across two wasm instances: the page, which has the
// engine, and the code module it fetches on first use of code, which has the interpreter.
// Only text crosses (code_wire.h): each side's wasm memory is its own.
//
//   page: RemoteCodeEnvironment ──ModuleCalls──▶ module: CodeModule ──▶ create_code_environment
//         CodeHost ◀──deliver_host_*── HostCalls ◀──────────────────────── (the code's host calls)
//
// Both halves are plain C++ so the tests can join them in one process (tests/js/
// test_code_module.cpp); in the browser, JavaScript joins them (the page's
// playground/platform/code_runtime_bridge.cpp, the module's playground/tools/code_runtime.cpp).
#pragma once

#include "js/code_environment.h"

#include <map>
#include <string>
#include <string_view>

namespace sim::js {

// ---- The module's side ----------------------------------------------------------------------

// How the module reaches the page's hosts: environment handle + the CodeHost call.
class HostCalls {
public:
    virtual ~HostCalls() = default;
    virtual void request(int env, std::uint64_t call, const std::string& request_json, std::size_t json_bytes) = 0;
    virtual void log(int env, std::string_view level, std::string_view text) = 0;
    virtual double now_unix_ms(int env) = 0;
    virtual double random(int env) = 0;
};

// The environments the module runs, by handle; every answer is JSON text.
class CodeModule {
public:
    explicit CodeModule(HostCalls& host);
    ~CodeModule();
    // spec: {"bundle", "env", "limits"} → a handle (> 0).
    int create(std::string_view spec_json);
    std::string init(int env);
    std::string invoke(int env, std::string_view event_json, std::string_view context_json);
    std::string resume(int env, std::uint64_t call, std::string_view answer_json);
    double heap_used(int env) const;
    void destroy(int env);
    static std::string check(std::string_view bundle_json);

private:
    struct Slot;
    HostCalls& host_;
    std::map<int, std::unique_ptr<Slot>> envs_;
    int next_ = 1;
};

// ---- The page's side ------------------------------------------------------------------------

// How the page reaches the module: CodeModule's functions.
class ModuleCalls {
public:
    virtual ~ModuleCalls() = default;
    virtual int create(const std::string& spec_json) = 0;
    virtual std::string init(int env) = 0;
    virtual std::string invoke(int env, const std::string& event_json, const std::string& context_json) = 0;
    virtual std::string resume(int env, std::uint64_t call, const std::string& answer_json) = 0;
    virtual double heap_used(int env) = 0;
    virtual void destroy(int env) = 0;
    virtual std::string check(const std::string& bundle_json) = 0;
};

// A CodeEnvironment whose interpreter is in the module; it registers its host for the module's
// host calls (deliver_host_*) while it lives.
std::unique_ptr<CodeEnvironment> remote_code_environment(ModuleCalls& module, const CodeBundle& code,
                                                         const Json& env_vars, const CodeLimits& limits,
                                                         CodeHost& host);
std::vector<CodeProblem> remote_check_code(ModuleCalls& module, const CodeBundle& code);

// The module's host calls, delivered to the environment `env`'s host (ignored once it is gone).
void deliver_host_request(int env, std::uint64_t call, std::string_view request_json, std::size_t json_bytes);
void deliver_host_log(int env, std::string_view level, std::string_view text);
double deliver_host_now(int env);
double deliver_host_random(int env);

}  // namespace sim::js
