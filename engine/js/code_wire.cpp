// code_wire.cpp — CodeEnvironment's values as JSON (see code_wire.h).
#include "js/code_wire.h"

namespace sim::js {

namespace {

std::string text(const Json& j, const char* key) {
    auto it = j.find(key);
    return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

}  // namespace

Json bundle_to_json(const CodeBundle& b) {
    Json files = Json::array();
    for (const CodeFile& f : b.files) files.push_back({f.path, f.text});
    return {{"files", std::move(files)}, {"handler", b.handler}};
}

CodeBundle bundle_from_json(const Json& j) {
    CodeBundle b;
    b.handler = text(j, "handler");
    if (auto f = j.find("files"); f != j.end() && f->is_array())
        for (const Json& pair : *f)
            if (pair.is_array() && pair.size() == 2 && pair[0].is_string() && pair[1].is_string())
                b.files.push_back({pair[0].get<std::string>(), pair[1].get<std::string>()});
    return b;
}

Json limits_to_json(const CodeLimits& l) {
    return {{"heap_bytes", l.heap_bytes}, {"cpu_polls", l.cpu_polls}};
}

CodeLimits limits_from_json(const Json& j) {
    CodeLimits l;
    l.heap_bytes = j.value("heap_bytes", l.heap_bytes);
    l.cpu_polls = j.value("cpu_polls", l.cpu_polls);
    return l;
}

namespace {
constexpr const char* kStates[] = {"waiting", "returned", "failed", "timed_out"};
}

Json result_to_json(const RunResult& r) {
    Json j = {{"state", kStates[static_cast<int>(r.state)]}, {"value", r.value}};
    if (r.state == RunState::Failed)
        j.update({{"error_type", r.error_type}, {"error_message", r.error_message}, {"trace", r.trace}});
    return j;
}

RunResult result_from_json(const Json& j) {
    RunResult r;
    const std::string state = text(j, "state");
    for (int i = 0; i < 4; ++i)
        if (state == kStates[i]) r.state = static_cast<RunState>(i);
    if (auto v = j.find("value"); v != j.end()) r.value = *v;
    r.error_type = text(j, "error_type");
    r.error_message = text(j, "error_message");
    if (auto t = j.find("trace"); t != j.end() && t->is_array())
        for (const Json& line : *t)
            if (line.is_string()) r.trace.push_back(line.get<std::string>());
    return r;
}

Json answer_to_json(const CallAnswer& a) {
    if (a.ok) return {{"ok", true}, {"body", a.body}};
    return {{"ok", false}, {"name", a.error_name}, {"message", a.error_message}, {"status", a.status}};
}

CallAnswer answer_from_json(const Json& j) {
    CallAnswer a;
    a.ok = j.value("ok", false);
    if (auto b = j.find("body"); b != j.end()) a.body = *b;
    a.error_name = text(j, "name");
    a.error_message = text(j, "message");
    a.status = j.value("status", a.ok ? 200 : 500);
    return a;
}

Json problems_to_json(const std::vector<CodeProblem>& problems) {
    Json out = Json::array();
    for (const CodeProblem& p : problems)
        out.push_back({{"file", p.file}, {"message", p.message}, {"line", p.line}, {"column", p.column}});
    return out;
}

std::vector<CodeProblem> problems_from_json(const Json& j) {
    std::vector<CodeProblem> out;
    if (!j.is_array()) return out;
    for (const Json& p : j)
        if (p.is_object())
            out.push_back({text(p, "file"), text(p, "message"), p.value("line", 0), p.value("column", 0)});
    return out;
}

}  // namespace sim::js
