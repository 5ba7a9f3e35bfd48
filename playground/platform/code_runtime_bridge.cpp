// code_runtime_bridge.cpp — how the page runs Lambda code: js::create_code_environment and
// check_code reach the code module (site/tools/code_runtime.js, playground/tools/code_runtime.cpp)
// that the page fetches the first time a design has a function with JavaScript code. Until it
// has loaded such functions run their DurationMs model (a warning says so); once it has, the
// design is built again and the code runs. The engine half of the split is js::CodeModule
// (engine/js/code_module.h); this file is only the JavaScript between the two wasm instances.
#include "js/code_module.h"
#include "platform/web_host.h"

#include <emscripten.h>

#include <cstdlib>

namespace {

enum class Load { NotAsked, Loading, Ready, Failed };
Load g_load = Load::NotAsked;

// Fetches the module beside the page's tools; its host calls come back to pg_code_host_*.
EM_JS(void, js_code_runtime_fetch, (), {
    var fail = function(e) {
        console.warn('JavaScript runtime for Lambda code: ' + e);
        _pg_code_runtime_loaded(0);
    };
    var withText = function(text, use) {
        var n = lengthBytesUTF8(text) + 1, p = _malloc(n);
        stringToUTF8(text, p, n);
        try {
            use(p);
        } finally {
            _free(p);
        }
    };
    var host = {request : function(env, call, json, bytes){withText(
        json, function(p) { _pg_code_host_request(env, call, p, bytes); });
        },
        log: function(env, level, text) {
    withText(
        level, function(l) {
            withText(
                text, function(t) { _pg_code_host_log(env, l, t); });
        });
        },
        now: function(env) {
    return _pg_code_host_now(env); },
        random: function(env) {
    return _pg_code_host_random(env); }
};
var s = document.createElement('script');
s.src = 'tools/code_runtime.js';
s.onerror = function() {
    fail('could not load tools/code_runtime.js');
};
s.onload = function() {
        createCodeRuntime({ locateFile: function(f) { return 'tools/' + f;
}
, codeHost : host
})
            .then(function(m) {
    Module['codeRuntime'] = m;
    _pg_code_runtime_loaded(1); }, fail);
}
;
document.head.appendChild(s);
});

// One export of the module: every one takes (env, call, a, b) and answers text.
EM_JS(char*, js_code_call, (const char* fn, int env, double call, const char* a, const char* b), {
    var s = Module['codeRuntime'].ccall(UTF8ToString(fn), 'string', [ 'number', 'number', 'string', 'string' ],
                                        [ env, call, UTF8ToString(a), UTF8ToString(b) ]);
    var n = lengthBytesUTF8(s) + 1, p = _malloc(n);
    stringToUTF8(s, p, n);
    return p;
});

std::string call(const char* fn, int env, double call_id = 0, const std::string& a = {}, const std::string& b = {}) {
    char* p = js_code_call(fn, env, call_id, a.c_str(), b.c_str());
    std::string out(p);
    std::free(p);
    return out;
}

struct ModuleExports final : sim::js::ModuleCalls {
    int create(const std::string& spec) override { return std::atoi(call("code_create", 0, 0, spec).c_str()); }
    std::string init(int env) override { return call("code_init", env); }
    std::string invoke(int env, const std::string& event, const std::string& context) override {
        return call("code_invoke", env, 0, event, context);
    }
    std::string resume(int env, std::uint64_t call_id, const std::string& answer) override {
        return call("code_resume", env, static_cast<double>(call_id), answer);
    }
    double heap_used(int env) override { return std::atof(call("code_heap_used", env).c_str()); }
    void destroy(int env) override {
        if (g_load == Load::Ready) call("code_destroy", env);
    }
    std::string check(const std::string& bundle) override { return call("code_check", 0, 0, bundle); }
};

ModuleExports& exports() {
    static ModuleExports e;
    return e;
}

}  // namespace

namespace sim::js {

bool code_runtime_ready() {
    return g_load == Load::Ready;
}

bool load_code_runtime() {
    if (g_load == Load::NotAsked) {
        g_load = Load::Loading;
        js_code_runtime_fetch();
    }
    return g_load == Load::Loading;
}

std::unique_ptr<CodeEnvironment> create_code_environment(const CodeBundle& code, const Json& env_vars,
                                                         const CodeLimits& limits, CodeHost& host) {
    return remote_code_environment(exports(), code, env_vars, limits, host);
}

std::vector<CodeProblem> check_code(const CodeBundle& code) {
    return remote_check_code(exports(), code);
}

}  // namespace sim::js

namespace pg {

// "none" (no design has asked for it), "loading", "ready" or "failed": window.playground.state().
const char* code_runtime_state() {
    switch (g_load) {
        case Load::NotAsked:
            return "none";
        case Load::Loading:
            return "loading";
        case Load::Ready:
            return "ready";
        case Load::Failed:
            return "failed";
    }
    return "none";
}

}  // namespace pg

extern "C" {

EMSCRIPTEN_KEEPALIVE void pg_code_host_request(int env, double call_id, const char* json, double bytes) {
    sim::js::deliver_host_request(env, static_cast<std::uint64_t>(call_id), json, static_cast<std::size_t>(bytes));
}
EMSCRIPTEN_KEEPALIVE void pg_code_host_log(int env, const char* level, const char* text) {
    sim::js::deliver_host_log(env, level, text);
}
EMSCRIPTEN_KEEPALIVE double pg_code_host_now(int env) {
    return sim::js::deliver_host_now(env);
}
EMSCRIPTEN_KEEPALIVE double pg_code_host_random(int env) {
    return sim::js::deliver_host_random(env);
}
EMSCRIPTEN_KEEPALIVE void pg_code_runtime_loaded(int ok) {
    g_load = ok ? Load::Ready : Load::Failed;
    pg::web_app().code_runtime_changed();
}

}  // extern "C"
