// code_module.cpp — the two halves of a CodeEnvironment split across wasm instances (code_module.h).
#include "js/code_module.h"

#include "js/code_wire.h"

#include <unordered_map>

namespace sim::js {

namespace {

Json parse(std::string_view text) {
    return Json::parse(text.begin(), text.end(), nullptr, false);
}

std::string dump(const Json& j) {
    return j.dump(-1, ' ', false, Json::error_handler_t::replace);
}

}  // namespace

// ---- The module's side ----------------------------------------------------------------------

// One environment and the host that sends its calls back to the page under its handle.
struct CodeModule::Slot final : CodeHost {
    Slot(HostCalls& to_page, int env_handle) : calls(to_page), handle(env_handle) {}
    void request(std::uint64_t call, const Json& request, std::size_t json_bytes) override {
        calls.request(handle, call, dump(request), json_bytes);
    }
    void log(std::string_view level, std::string_view text) override { calls.log(handle, level, text); }
    double now_unix_ms() override { return calls.now_unix_ms(handle); }
    double random() override { return calls.random(handle); }

    HostCalls& calls;
    int handle;
    std::unique_ptr<CodeEnvironment> env;
};

CodeModule::CodeModule(HostCalls& host) : host_(host) {}
CodeModule::~CodeModule() = default;

int CodeModule::create(std::string_view spec_json) {
    const Json spec = parse(spec_json);
    if (!spec.is_object()) return 0;
    const int handle = next_++;
    auto slot = std::make_unique<Slot>(host_, handle);
    slot->env = create_code_environment(bundle_from_json(spec.value("bundle", Json::object())),
                                        spec.value("env", Json::object()),
                                        limits_from_json(spec.value("limits", Json::object())), *slot);
    envs_.emplace(handle, std::move(slot));
    return handle;
}

namespace {
std::string gone() {
    RunResult r;
    r.state = RunState::Failed;
    r.error_type = "Runtime.Unknown";
    r.error_message = "the execution environment is gone";
    return dump(result_to_json(r));
}
}  // namespace

std::string CodeModule::init(int env) {
    auto it = envs_.find(env);
    return it == envs_.end() ? gone() : dump(result_to_json(it->second->env->init()));
}

std::string CodeModule::invoke(int env, std::string_view event_json, std::string_view context_json) {
    auto it = envs_.find(env);
    if (it == envs_.end()) return gone();
    return dump(result_to_json(it->second->env->invoke(parse(event_json), parse(context_json))));
}

std::string CodeModule::resume(int env, std::uint64_t call, std::string_view answer_json) {
    auto it = envs_.find(env);
    if (it == envs_.end()) return gone();
    return dump(result_to_json(it->second->env->resume(call, answer_from_json(parse(answer_json)))));
}

double CodeModule::heap_used(int env) const {
    auto it = envs_.find(env);
    return it == envs_.end() ? 0 : static_cast<double>(it->second->env->heap_used());
}

void CodeModule::destroy(int env) {
    envs_.erase(env);
}

std::string CodeModule::check(std::string_view bundle_json) {
    return dump(problems_to_json(check_code(bundle_from_json(parse(bundle_json)))));
}

// ---- The page's side ------------------------------------------------------------------------

namespace {

// The hosts of the live remote environments, by the module's handle.
std::unordered_map<int, CodeHost*>& hosts() {
    static std::unordered_map<int, CodeHost*> h;
    return h;
}

CodeHost* host_of(int env) {
    auto it = hosts().find(env);
    return it == hosts().end() ? nullptr : it->second;
}

class RemoteCodeEnvironment final : public CodeEnvironment {
public:
    RemoteCodeEnvironment(ModuleCalls& module, int handle, CodeHost& host) : module_(module), handle_(handle) {
        hosts()[handle] = &host;
    }
    ~RemoteCodeEnvironment() override {
        hosts().erase(handle_);
        module_.destroy(handle_);
    }
    RunResult init() override { return result_from_json(parse(module_.init(handle_))); }
    RunResult invoke(const Json& event, const Json& context) override {
        return result_from_json(parse(module_.invoke(handle_, dump(event), dump(context))));
    }
    RunResult resume(std::uint64_t call, const CallAnswer& answer) override {
        return result_from_json(parse(module_.resume(handle_, call, dump(answer_to_json(answer)))));
    }
    std::size_t heap_used() const override { return static_cast<std::size_t>(module_.heap_used(handle_)); }

private:
    ModuleCalls& module_;
    int handle_;
};

// An environment the module could not make: every run fails as a runtime error.
class BrokenEnvironment final : public CodeEnvironment {
public:
    RunResult init() override { return failed(); }
    RunResult invoke(const Json&, const Json&) override { return failed(); }
    RunResult resume(std::uint64_t, const CallAnswer&) override { return failed(); }
    std::size_t heap_used() const override { return 0; }

private:
    static RunResult failed() {
        RunResult r;
        r.state = RunState::Failed;
        r.error_type = "Runtime.Unknown";
        r.error_message = "the JavaScript runtime could not create an execution environment";
        return r;
    }
};

}  // namespace

std::unique_ptr<CodeEnvironment> remote_code_environment(ModuleCalls& module, const CodeBundle& code,
                                                         const Json& env_vars, const CodeLimits& limits,
                                                         CodeHost& host) {
    const Json spec = {{"bundle", bundle_to_json(code)}, {"env", env_vars}, {"limits", limits_to_json(limits)}};
    const int handle = module.create(dump(spec));
    if (handle <= 0) return std::make_unique<BrokenEnvironment>();
    return std::make_unique<RemoteCodeEnvironment>(module, handle, host);
}

std::vector<CodeProblem> remote_check_code(ModuleCalls& module, const CodeBundle& code) {
    return problems_from_json(parse(module.check(dump(bundle_to_json(code)))));
}

void deliver_host_request(int env, std::uint64_t call, std::string_view request_json, std::size_t json_bytes) {
    if (CodeHost* h = host_of(env)) h->request(call, parse(request_json), json_bytes);
}
void deliver_host_log(int env, std::string_view level, std::string_view text) {
    if (CodeHost* h = host_of(env)) h->log(level, text);
}
double deliver_host_now(int env) {
    CodeHost* h = host_of(env);
    return h ? h->now_unix_ms() : 0;
}
double deliver_host_random(int env) {
    CodeHost* h = host_of(env);
    return h ? h->random() : 0;
}

}  // namespace sim::js
