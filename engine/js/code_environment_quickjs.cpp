// code_environment_quickjs.cpp — CodeEnvironment on QuickJS (Debian trixie's quickjs source).
//
// One JSRuntime per environment: its memory limit is the function's MemorySize and dropping it
// frees every global the code made, as Lambda's reclaim does. The runtime prelude
// (runtime_prelude.js) gives the code Node.js's surface and the AWS SDK; this file loads modules,
// bridges calls to the host as JSON, and runs promise jobs until the code waits or settles.
// The CPU guard counts interpreter polls (deterministic), never wall time.
#include "js/code_environment.h"
#include "js/json_value.h"
#include "js/typescript.h"

#include <algorithm>
#include <cstring>

namespace sim::js {

const char* embedded_js_text(std::string_view file);  // generated: runtime_prelude.js

namespace {

constexpr std::size_t kStackBytes = 512 * 1024;

// .mjs/.mts is an ES module and .cjs/.cts CommonJS, as in Node. A .js or .ts file is an ES module
// when a line starts with an import or export statement (Node 22 detects module syntax the same way).
bool is_module_file(const CodeFile& f) {
    if (f.path.ends_with(".mjs") || f.path.ends_with(".mts")) return true;
    if (f.path.ends_with(".cjs") || f.path.ends_with(".cts")) return false;
    std::size_t start = 0;
    const std::string& t = f.text;
    while (start < t.size()) {
        std::size_t i = t.find_first_not_of(" \t", start);
        if (i == std::string::npos) break;
        for (const std::string_view kw : {std::string_view("import"), std::string_view("export")})
            if (t.compare(i, kw.size(), kw) == 0 && i + kw.size() < t.size()) {
                const char next = t[i + kw.size()];
                if (next == ' ' || next == '{' || next == '*' || next == '\t') return true;
            }
        const std::size_t nl = t.find('\n', i);
        if (nl == std::string::npos) break;
        start = nl + 1;
    }
    return false;
}

// "lib/../a/./b.js" → "a/b.js"; joined to `dir` when relative.
std::string normalize_path(const std::string& dir, const std::string& name) {
    std::string full = name.starts_with("/") ? name.substr(1) : dir + name;
    std::vector<std::string> parts;
    std::size_t start = 0;
    while (start <= full.size()) {
        std::size_t slash = full.find('/', start);
        if (slash == std::string::npos) slash = full.size();
        std::string part = full.substr(start, slash - start);
        if (part == "..") {
            if (!parts.empty()) parts.pop_back();
        } else if (!part.empty() && part != ".") {
            parts.push_back(part);
        }
        start = slash + 1;
    }
    std::string out;
    for (const std::string& p : parts) out += (out.empty() ? "" : "/") + p;
    return out;
}

class QuickJsEnvironment final : public CodeEnvironment {
public:
    QuickJsEnvironment(const CodeBundle& code, const Json& env_vars, const CodeLimits& limits, CodeHost& host)
        : code_(code), env_(env_vars.dump()), limits_(limits), host_(host) {
        // TypeScript runs as its erased JavaScript; code that cannot be erased is loaded as it is
        // and fails with the interpreter's SyntaxError (check_code has reported why).
        for (CodeFile& f : code_.files)
            if (is_typescript_path(f.path))
                if (ErasedTypeScript e = erase_typescript(f.text); e.error.empty()) f.text = std::move(e.javascript);
        rt_ = JS_NewRuntime();
        JS_SetMemoryLimit(rt_, limits.heap_bytes);
        JS_SetMaxStackSize(rt_, kStackBytes);
        JS_SetInterruptHandler(rt_, &QuickJsEnvironment::interrupt, this);
        JS_SetModuleLoaderFunc(rt_, &QuickJsEnvironment::normalize_module, &QuickJsEnvironment::load_module, this);
        ctx_ = JS_NewContext(rt_);
        JS_SetContextOpaque(ctx_, this);
    }

    ~QuickJsEnvironment() override {
        JS_FreeValue(ctx_, loading_);
        JS_FreeValue(ctx_, driver_);
        JS_FreeContext(ctx_);
        JS_FreeRuntime(rt_);
    }

    RunResult init() override {
        JS_UpdateStackTop(rt_);
        polls_ = 0;
        if (!install_prelude()) return failure_from_exception("Runtime.Unknown");
        // The handler's file: "index.handler" → index.mjs / index.js / index.cjs, or TypeScript's
        // index.ts / .mts / .cts (what `sam build` with esbuild bundles into index.js).
        const std::string& h = code_.handler;
        const std::size_t dot = h.rfind('.');
        if (dot == std::string::npos || dot == 0 || dot + 1 == h.size())
            return failed("Runtime.MalformedHandlerName", "Bad handler " + h + ": expected <file>.<export>");
        const std::string base = h.substr(0, dot), export_name = h.substr(dot + 1);
        const CodeFile* file = nullptr;
        for (const char* ext : {".mjs", ".js", ".cjs", ".ts", ".mts", ".cts"})
            if (!file) file = find_file(base + ext);
        if (!file)
            return failed("Runtime.ImportModuleError", "Error: Cannot find module '" + base +
                                                           "'. The function has no file " + base + ".mjs or " + base +
                                                           ".js");
        export_name_ = export_name;
        file_path_ = file->path;
        if (!is_module_file(*file)) return finish_init(JS_UNDEFINED);
        // An ES module: import it from a tiny entry module and keep its namespace.
        const std::string entry = "import * as m from './" + file->path + "'; globalThis.__sim_entry = m;";
        JSValue r = JS_Eval(ctx_, entry.c_str(), entry.size(), "<lambda-runtime>", JS_EVAL_TYPE_MODULE);
        if (JS_IsException(r)) return failure_from_exception("Runtime.ImportModuleError");
        run_jobs();
        if (timed_out_) {
            JS_FreeValue(ctx_, r);
            return timed_out();
        }
        loading_ = r;
        return module_loaded();
    }

    RunResult invoke(const Json& event, const Json& context) override {
        JS_UpdateStackTop(rt_);
        polls_ = 0;
        timed_out_ = false;
        JSValue args[2] = {json_to_js(ctx_, event), json_to_js(ctx_, context)};
        JSValue r = call_driver("invoke", 2, args);
        for (JSValue& a : args) JS_FreeValue(ctx_, a);
        if (JS_IsException(r)) return failure_from_exception("Error");
        JS_FreeValue(ctx_, r);
        return progress();
    }

    RunResult resume(std::uint64_t call, const CallAnswer& a) override {
        JS_UpdateStackTop(rt_);
        JSValue payload =
            a.ok ? json_to_js(ctx_, a.body)
                 : json_to_js(ctx_, Json{{"name", a.error_name}, {"message", a.error_message}, {"status", a.status}});
        JSValue args[3] = {JS_NewInt64(ctx_, static_cast<std::int64_t>(call)), JS_NewBool(ctx_, a.ok), payload};
        JSValue r = call_driver("answer", 3, args);
        for (JSValue& v : args) JS_FreeValue(ctx_, v);
        if (JS_IsException(r)) return failure_from_exception("Error");
        JS_FreeValue(ctx_, r);
        if (JS_IsObject(loading_)) {  // a top-level await of INIT was waiting on this call
            run_jobs();
            if (timed_out_) return timed_out();
            return module_loaded();
        }
        return progress();
    }

    std::size_t heap_used() const override {
        JSMemoryUsage u;
        JS_ComputeMemoryUsage(rt_, &u);
        return static_cast<std::size_t>(u.malloc_size);
    }

private:
    // ---- INIT ------------------------------------------------------------------------------------
    // The entry module's evaluation (loading_) has run its jobs: a top-level `await` on a call
    // leaves it pending, and INIT waits (resume answers the call and comes back here), as Node.js
    // keeps INIT open until the module's top-level await settles.
    RunResult module_loaded() {
        const JSPromiseStateEnum st = JS_PromiseState(ctx_, loading_);
        if (st == JS_PROMISE_PENDING) return RunResult{};  // waiting on a call
        JSValue promise = loading_;
        loading_ = JS_UNDEFINED;
        if (st == JS_PROMISE_REJECTED) {
            JS_Throw(ctx_, JS_PromiseResult(ctx_, promise));
            JS_FreeValue(ctx_, promise);
            return failure_from_exception("Runtime.ImportModuleError");
        }
        JS_FreeValue(ctx_, promise);
        JSValue global = JS_GetGlobalObject(ctx_);
        JSValue ns = JS_GetPropertyStr(ctx_, global, "__sim_entry");
        const JSAtom entry_atom = JS_NewAtom(ctx_, "__sim_entry");
        JS_DeleteProperty(ctx_, global, entry_atom, 0);
        JS_FreeAtom(ctx_, entry_atom);
        JS_FreeValue(ctx_, global);
        return finish_init(ns);
    }

    // Hands the handler's file (and an ES module's namespace `ns`, consumed) to the driver.
    RunResult finish_init(JSValue ns) {
        JSValue args[3] = {JS_NewString(ctx_, file_path_.c_str()), JS_NewString(ctx_, export_name_.c_str()), ns};
        JSValue r = call_driver("init", 3, args);
        for (JSValue& a : args) JS_FreeValue(ctx_, a);
        if (JS_IsException(r)) return failure_from_exception("Runtime.ImportModuleError");
        JS_FreeValue(ctx_, r);
        run_jobs();
        if (timed_out_) return timed_out();
        return RunResult{RunState::Returned, nullptr, {}, {}, {}};
    }

    // ---- The prelude and its host functions ---------------------------------------------------
    bool install_prelude() {
        JSValue global = JS_GetGlobalObject(ctx_);
        JS_SetPropertyStr(ctx_, global, "__sim_request", JS_NewCFunction(ctx_, &host_request, "__sim_request", 2));
        JS_SetPropertyStr(ctx_, global, "__sim_log", JS_NewCFunction(ctx_, &host_log, "__sim_log", 2));
        JS_SetPropertyStr(ctx_, global, "__sim_now", JS_NewCFunction(ctx_, &host_now, "__sim_now", 0));
        JS_SetPropertyStr(ctx_, global, "__sim_random", JS_NewCFunction(ctx_, &host_random, "__sim_random", 0));
        JS_SetPropertyStr(ctx_, global, "__sim_load_cjs", JS_NewCFunction(ctx_, &host_load_cjs, "__sim_load_cjs", 2));
        JS_SetPropertyStr(ctx_, global, "__sim_env", JS_NewCFunction(ctx_, &host_env, "__sim_env", 0));
        JS_FreeValue(ctx_, global);
        const char* prelude = embedded_js_text("runtime_prelude.js");
        driver_ = JS_Eval(ctx_, prelude, std::strlen(prelude), "<lambda-runtime>", JS_EVAL_TYPE_GLOBAL);
        return !JS_IsException(driver_);
    }

    static QuickJsEnvironment& self(JSContext* ctx) {
        return *static_cast<QuickJsEnvironment*>(JS_GetContextOpaque(ctx));
    }

    static std::string text_of(JSContext* ctx, JSValueConst v) {
        std::size_t n = 0;
        const char* s = JS_ToCStringLen(ctx, &n, v);
        if (!s) return {};
        std::string out(s, n);
        JS_FreeCString(ctx, s);
        return out;
    }

    static JSValue host_request(JSContext* ctx, JSValueConst, int argc, JSValueConst* argv) {
        if (argc < 2) return JS_UNDEFINED;
        std::int64_t id = 0;
        JS_ToInt64(ctx, &id, argv[0]);
        Json request;
        std::size_t bytes = 0;
        if (!js_to_json(ctx, argv[1], request, bytes)) {
            // Dates, toJSON, BigInt …: exactly as JSON.stringify writes them (or throws).
            JSValue text = JS_JSONStringify(ctx, argv[1], JS_UNDEFINED, JS_UNDEFINED);
            if (JS_IsException(text)) return JS_EXCEPTION;
            const std::string t = text_of(ctx, text);
            JS_FreeValue(ctx, text);
            request = Json::parse(t, nullptr, false);
            bytes = t.size();
        }
        self(ctx).host_.request(static_cast<std::uint64_t>(id), request, bytes);
        return JS_UNDEFINED;
    }
    static JSValue host_log(JSContext* ctx, JSValueConst, int argc, JSValueConst* argv) {
        if (argc >= 2) self(ctx).host_.log(text_of(ctx, argv[0]), text_of(ctx, argv[1]));
        return JS_UNDEFINED;
    }
    static JSValue host_now(JSContext* ctx, JSValueConst, int, JSValueConst*) {
        return JS_NewFloat64(ctx, self(ctx).host_.now_unix_ms());
    }
    static JSValue host_random(JSContext* ctx, JSValueConst, int, JSValueConst*) {
        return JS_NewFloat64(ctx, self(ctx).host_.random());
    }
    static JSValue host_env(JSContext* ctx, JSValueConst, int, JSValueConst*) {
        const std::string& e = self(ctx).env_;
        return JS_NewStringLen(ctx, e.data(), e.size());
    }
    // require(name) from `dir`: [resolved path, wrapper function (or parsed JSON)].
    static JSValue host_load_cjs(JSContext* ctx, JSValueConst, int argc, JSValueConst* argv) {
        if (argc < 2) return JS_ThrowTypeError(ctx, "require: missing module name");
        QuickJsEnvironment& env = self(ctx);
        const std::string dir = text_of(ctx, argv[0]), name = text_of(ctx, argv[1]);
        const std::string base = normalize_path(dir, name);
        const CodeFile* f = nullptr;
        for (const char* ext : {"", ".js", ".cjs", ".json", "/index.js", ".ts", ".cts", "/index.ts"})
            if (!f) f = env.find_file(base + ext);
        if (!f) f = env.typescript_for_js(base);
        if (!f) return JS_ThrowReferenceError(ctx, "Cannot find module '%s'", name.c_str());
        JSValue out = JS_NewArray(ctx);
        JS_SetPropertyUint32(ctx, out, 0, JS_NewString(ctx, f->path.c_str()));
        JSValue value;
        if (f->path.ends_with(".json")) {
            value = JS_ParseJSON(ctx, f->text.c_str(), f->text.size(), f->path.c_str());
        } else {
            // Node's module wrapper; the source keeps its own line numbers (the wrapper opens on
            // the first line).
            const std::string wrapped =
                "(function (exports, require, module, __filename, __dirname) {" + f->text + "\n})";
            value = JS_Eval(ctx, wrapped.c_str(), wrapped.size(), f->path.c_str(), JS_EVAL_TYPE_GLOBAL);
        }
        if (JS_IsException(value)) {
            JS_FreeValue(ctx, out);
            return JS_EXCEPTION;
        }
        JS_SetPropertyUint32(ctx, out, 1, value);
        return out;
    }

    // ---- ES modules ----------------------------------------------------------------------------
    static char* normalize_module(JSContext* ctx, const char* base, const char* name, void*) {
        std::string n = name;
        if (n.starts_with(".") || n.starts_with("/")) {
            std::string b = base;
            const std::size_t slash = b.rfind('/');
            b = slash == std::string::npos ? "" : b.substr(0, slash + 1);
            if (b.starts_with("<")) b.clear();
            n = normalize_path(b, n);
        }
        return js_strdup(ctx, n.c_str());
    }

    static JSModuleDef* load_module(JSContext* ctx, const char* name, void*) {
        QuickJsEnvironment& env = self(ctx);
        std::string source;
        std::string file_name = name;
        if (const CodeFile* f = env.find_file(name)) {
            source = f->text;
        } else if (const CodeFile* g = env.find_file(std::string(name) + ".mjs"); g) {
            source = g->text;
            file_name = g->path;
        } else if (const CodeFile* h = env.find_file(std::string(name) + ".js"); h) {
            source = h->text;
            file_name = h->path;
        } else if (const CodeFile* ts = env.find_typescript(name); ts) {
            source = ts->text;
            file_name = ts->path;
        } else {
            // An SDK or Node module from the prelude: re-export its members.
            const std::string keys = env.module_keys(name);
            if (keys.empty()) {
                JS_ThrowReferenceError(ctx, "Cannot find package '%s' imported from the function's code%s", name,
                                       env.module_hint(name).c_str());
                return nullptr;
            }
            const std::string quoted = Json(std::string(name)).dump();
            source = "const m = globalThis.__sim_modules[" + quoted + "]; export default m; export const {" + keys +
                     "} = m;";
        }
        JSValue fn = JS_Eval(ctx, source.c_str(), source.size(), file_name.c_str(),
                             JS_EVAL_TYPE_MODULE | JS_EVAL_FLAG_COMPILE_ONLY);
        if (JS_IsException(fn)) return nullptr;
        auto* m = static_cast<JSModuleDef*>(JS_VALUE_GET_PTR(fn));
        JS_FreeValue(ctx, fn);
        return m;
    }

    // Why package `name` is missing (the prelude's __sim_module_hint).
    std::string module_hint(const char* name) {
        const std::string expr = "globalThis.__sim_module_hint(" + Json(std::string(name)).dump() + ")";
        JSValue v = JS_Eval(ctx_, expr.c_str(), expr.size(), "<lambda-runtime>", JS_EVAL_TYPE_GLOBAL);
        std::string out = JS_IsException(v) ? std::string() : text_of(ctx_, v);
        JS_FreeValue(ctx_, v);
        return out;
    }

    // "A, B, C" for prelude module `name`, empty when there is none.
    std::string module_keys(const char* name) {
        const std::string quoted = Json(std::string(name)).dump();
        const std::string expr = "(() => { const m = globalThis.__sim_modules[" + quoted +
                                 "]; return m ? Object.keys(m).join(', ') : ''; })()";
        JSValue v = JS_Eval(ctx_, expr.c_str(), expr.size(), "<lambda-runtime>", JS_EVAL_TYPE_GLOBAL);
        std::string out = JS_IsException(v) ? std::string() : text_of(ctx_, v);
        JS_FreeValue(ctx_, v);
        return out;
    }

    const CodeFile* find_file(const std::string& path) const {
        for (const CodeFile& f : code_.files)
            if (f.path == path) return &f;
        return nullptr;
    }
    // TypeScript's ES module specifiers: "./order" is order.ts or order/index.ts, and "./order.js"
    // names order.ts (tsc's NodeNext convention: imports name the file the build will emit).
    const CodeFile* find_typescript(const std::string& name) const {
        for (const char* ext : {".ts", ".mts", "/index.ts"})
            if (const CodeFile* f = find_file(name + ext)) return f;
        return typescript_for_js(name);
    }
    const CodeFile* typescript_for_js(const std::string& name) const {
        for (const auto& [js, ts] : {std::pair{".js", ".ts"}, std::pair{".mjs", ".mts"}, std::pair{".cjs", ".cts"}})
            if (name.ends_with(js))
                if (const CodeFile* f = find_file(name.substr(0, name.size() - std::strlen(js)) + ts)) return f;
        return nullptr;
    }

    // ---- Running --------------------------------------------------------------------------------
    static int interrupt(JSRuntime*, void* opaque) {
        auto* self = static_cast<QuickJsEnvironment*>(opaque);
        if (++self->polls_ <= self->limits_.cpu_polls) return 0;
        self->timed_out_ = true;
        return 1;
    }

    JSValue call_driver(const char* method, int argc, JSValue* argv) {
        JSValue fn = JS_GetPropertyStr(ctx_, driver_, method);
        JSValue r = JS_Call(ctx_, fn, driver_, argc, argv);
        JS_FreeValue(ctx_, fn);
        return r;
    }

    // Runs promise jobs until none is left (the code now waits on the host, or is done).
    void run_jobs() {
        JSContext* job_ctx = nullptr;
        while (!timed_out_ && JS_IsJobPending(rt_)) {
            if (JS_ExecutePendingJob(rt_, &job_ctx) < 0) {
                // An exception escaped a job (the prelude catches the handler's): drop it.
                JS_FreeValue(ctx_, JS_GetException(ctx_));
            }
        }
    }

    RunResult progress() {
        run_jobs();
        if (timed_out_) return timed_out();
        JSValue s = call_driver("poll", 0, nullptr);
        if (JS_IsException(s)) return failure_from_exception("Error");
        if (!JS_IsString(s)) return RunResult{};  // still waiting on a call
        const Json st = Json::parse(text_of(ctx_, s), nullptr, false);
        JS_FreeValue(ctx_, s);
        RunResult r;
        const std::string state = st.value("state", "waiting");
        if (state == "returned") {
            r.state = RunState::Returned;
            r.value = st.value("value", Json());
        } else if (state == "failed") {
            r.state = RunState::Failed;
            const Json& e = st["error"];
            r.error_type = e.value("errorType", "Error");
            r.error_message = e.value("errorMessage", "");
            if (const auto t = e.find("trace"); t != e.end() && t->is_array())
                for (const Json& line : *t)
                    if (line.is_string()) r.trace.push_back(line.get<std::string>());
        }
        return r;
    }

    RunResult timed_out() {
        // The interrupt left an uncatchable exception pending; clear it and any queued jobs' work.
        JS_FreeValue(ctx_, JS_GetException(ctx_));
        RunResult r;
        r.state = RunState::TimedOut;
        return r;
    }

    RunResult failed(std::string type, std::string message) {
        RunResult r;
        r.state = RunState::Failed;
        r.error_type = std::move(type);
        r.error_message = std::move(message);
        return r;
    }

    RunResult failure_from_exception(const char* fallback_type) {
        if (timed_out_) return timed_out();
        JSValue e = JS_GetException(ctx_);
        RunResult r;
        r.state = RunState::Failed;
        r.error_type = fallback_type;
        if (JS_IsError(ctx_, e)) {
            JSValue name = JS_GetPropertyStr(ctx_, e, "name"), msg = JS_GetPropertyStr(ctx_, e, "message"),
                    stack = JS_GetPropertyStr(ctx_, e, "stack");
            const std::string n = text_of(ctx_, name);
            if (std::string_view(fallback_type).starts_with("Runtime.") && !n.starts_with("Runtime."))
                r.error_message = n + ": " + text_of(ctx_, msg);
            else
                r.error_type = n, r.error_message = text_of(ctx_, msg);
            const std::string st = JS_IsString(stack) ? text_of(ctx_, stack) : std::string();
            std::size_t start = 0;
            while (start < st.size()) {
                std::size_t nl = st.find('\n', start);
                if (nl == std::string::npos) nl = st.size();
                std::string line = st.substr(start, nl - start);
                line.erase(0, line.find_first_not_of(' '));
                if (!line.empty()) r.trace.push_back(line);
                start = nl + 1;
            }
            JS_FreeValue(ctx_, name);
            JS_FreeValue(ctx_, msg);
            JS_FreeValue(ctx_, stack);
        } else {
            r.error_message = text_of(ctx_, e);
        }
        JS_FreeValue(ctx_, e);
        return r;
    }

    CodeBundle code_;
    std::string env_;
    CodeLimits limits_;
    CodeHost& host_;
    JSRuntime* rt_ = nullptr;
    JSContext* ctx_ = nullptr;
    JSValue driver_ = JS_UNDEFINED;
    JSValue loading_ = JS_UNDEFINED;       // the entry module's evaluation while INIT waits on a call
    std::string file_path_, export_name_;  // the handler's file and export, for the driver's init
    std::uint64_t polls_ = 0;
    bool timed_out_ = false;
};

// "index.mjs:3:11" style position from a SyntaxError's stack ("at index.mjs:3:11").
void position_of(const std::string& stack, const std::string& file, int& line, int& column) {
    const std::size_t at = stack.find(file + ":");
    if (at == std::string::npos) return;
    std::size_t p = at + file.size() + 1;
    line = std::atoi(stack.c_str() + p);
    p = stack.find(':', p);
    if (p != std::string::npos) column = std::atoi(stack.c_str() + p + 1);
}

}  // namespace

std::unique_ptr<CodeEnvironment> create_code_environment(const CodeBundle& code, const Json& env_vars,
                                                         const CodeLimits& limits, CodeHost& host) {
    return std::make_unique<QuickJsEnvironment>(code, env_vars, limits, host);
}

bool code_runtime_ready() {
    return true;
}

std::vector<CodeProblem> check_code(const CodeBundle& code) {
    std::vector<CodeProblem> out;
    JSRuntime* rt = JS_NewRuntime();
    JS_SetMemoryLimit(rt, 64u << 20);
    JS_SetMaxStackSize(rt, kStackBytes);
    JSContext* ctx = JS_NewContext(rt);
    for (const CodeFile& file : code.files) {
        const bool typescript = is_typescript_path(file.path);
        if (!typescript && !(file.path.ends_with(".js") || file.path.ends_with(".mjs") || file.path.ends_with(".cjs")))
            continue;
        CodeFile f = file;
        if (typescript) {
            ErasedTypeScript e = erase_typescript(f.text);
            if (!e.error.empty()) {
                out.push_back({f.path, "SyntaxError: " + e.error, e.line, e.column});
                continue;
            }
            f.text = std::move(e.javascript);
        }
        const bool module = is_module_file(f);
        const std::string src =
            module ? f.text : "(function (exports, require, module, __filename, __dirname) {" + f.text + "\n})";
        JSValue v = JS_Eval(ctx, src.c_str(), src.size(), f.path.c_str(),
                            (module ? JS_EVAL_TYPE_MODULE : JS_EVAL_TYPE_GLOBAL) | JS_EVAL_FLAG_COMPILE_ONLY);
        if (JS_IsException(v)) {
            JSValue e = JS_GetException(ctx);
            // Compiling a module also loads its imports, which this check does not provide: only
            // syntax errors count here (a missing module is reported when the function loads).
            JSValue kind = JS_GetPropertyStr(ctx, e, "name");
            const char* k = JS_ToCString(ctx, kind);
            const bool syntax = k && std::string_view(k) == "SyntaxError";
            JS_FreeCString(ctx, k);
            JS_FreeValue(ctx, kind);
            if (!syntax) {
                JS_FreeValue(ctx, e);
                continue;
            }
            CodeProblem p;
            p.file = f.path;
            JSValue msg = JS_GetPropertyStr(ctx, e, "message"), stack = JS_GetPropertyStr(ctx, e, "stack"),
                    name = JS_GetPropertyStr(ctx, e, "name");
            const char* m = JS_ToCString(ctx, msg);
            const char* s = JS_ToCString(ctx, stack);
            const char* n = JS_ToCString(ctx, name);
            p.message = std::string(n ? n : "SyntaxError") + ": " + (m ? m : "");
            position_of(s ? s : "", f.path, p.line, p.column);
            JS_FreeCString(ctx, m);
            JS_FreeCString(ctx, s);
            JS_FreeCString(ctx, n);
            JS_FreeValue(ctx, msg);
            JS_FreeValue(ctx, stack);
            JS_FreeValue(ctx, name);
            JS_FreeValue(ctx, e);
            out.push_back(std::move(p));
        }
        JS_FreeValue(ctx, v);
    }
    JS_FreeContext(ctx);
    JS_FreeRuntime(rt);
    return out;
}

}  // namespace sim::js
