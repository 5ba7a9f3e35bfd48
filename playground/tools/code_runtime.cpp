// code_runtime.cpp — the page's JavaScript runtime for Lambda code, as a separate wasm module
// (site/tools/code_runtime.js) that the page fetches on first use of code: QuickJS alone is about
// 200 KB gzip, beyond the page's 800 KB download budget, and most visits never run code. The
// module is the interpreter half of js::CodeModule (engine/js/code_module.h); the engine half
// stays in the page (platform/code_runtime_bridge.cpp). Every export has one signature
// (env, call, a, b) → text, so the page reaches them all through one JavaScript call.
#include "js/code_module.h"

#include <emscripten/emscripten.h>

#include <string>

namespace {

// The page's host calls, through the `codeHost` object the page passes to createCodeRuntime.
EM_JS(void, js_host_request, (int env, double call, const char* json, double bytes),
      { Module['codeHost'].request(env, call, UTF8ToString(json), bytes); });
EM_JS(void, js_host_log, (int env, const char* level, const char* text),
      { Module['codeHost'].log(env, UTF8ToString(level), UTF8ToString(text)); });
EM_JS(double, js_host_now, (int env), { return Module['codeHost'].now(env); });
EM_JS(double, js_host_random, (int env), { return Module['codeHost'].random(env); });

struct PageHost final : sim::js::HostCalls {
    void request(int env, std::uint64_t call, const std::string& json, std::size_t bytes) override {
        js_host_request(env, static_cast<double>(call), json.c_str(), static_cast<double>(bytes));
    }
    void log(int env, std::string_view level, std::string_view text) override {
        js_host_log(env, std::string(level).c_str(), std::string(text).c_str());
    }
    double now_unix_ms(int env) override { return js_host_now(env); }
    double random(int env) override { return js_host_random(env); }
};

sim::js::CodeModule& module() {
    static PageHost host;
    static sim::js::CodeModule m(host);
    return m;
}

// The answer stays valid until the next export is called (ccall copies it at once).
const char* reply(std::string text) {
    static std::string last;
    last = std::move(text);
    return last.c_str();
}

}  // namespace

extern "C" {

EMSCRIPTEN_KEEPALIVE const char* code_create(int, double, const char* spec, const char*) {
    return reply(std::to_string(module().create(spec ? spec : "")));
}
EMSCRIPTEN_KEEPALIVE const char* code_init(int env, double, const char*, const char*) {
    return reply(module().init(env));
}
EMSCRIPTEN_KEEPALIVE const char* code_invoke(int env, double, const char* event, const char* context) {
    return reply(module().invoke(env, event ? event : "", context ? context : ""));
}
EMSCRIPTEN_KEEPALIVE const char* code_resume(int env, double call, const char* answer, const char*) {
    return reply(module().resume(env, static_cast<std::uint64_t>(call), answer ? answer : ""));
}
EMSCRIPTEN_KEEPALIVE const char* code_heap_used(int env, double, const char*, const char*) {
    return reply(std::to_string(static_cast<std::uint64_t>(module().heap_used(env))));
}
EMSCRIPTEN_KEEPALIVE const char* code_destroy(int env, double, const char*, const char*) {
    module().destroy(env);
    return reply("");
}
EMSCRIPTEN_KEEPALIVE const char* code_check(int, double, const char* bundle, const char*) {
    return reply(sim::js::CodeModule::check(bundle ? bundle : ""));
}

}  // extern "C"
