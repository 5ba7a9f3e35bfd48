// asl_parse.cpp — definition JSON -> StateMachineDef, with per-field checks and messages naming the
// state, the field and what was expected.
#include "stepfunctions/asl_parse.h"

#include "pattern/json_guard.h"
#include "stepfunctions/errors.h"
#include "stepfunctions/json_text.h"
#include "stepfunctions/timestamp.h"

#include <cmath>

namespace sim::sfn {

using nlohmann::json;

const char* state_type_name(StateType type) {
    switch (type) {
        case StateType::Pass:
            return "Pass";
        case StateType::Task:
            return "Task";
        case StateType::Choice:
            return "Choice";
        case StateType::Wait:
            return "Wait";
        case StateType::Succeed:
            return "Succeed";
        case StateType::Fail:
            return "Fail";
        case StateType::Parallel:
            return "Parallel";
        case StateType::Map:
            return "Map";
    }
    return "?";
}

namespace {

constexpr std::size_t kMaxStateNameLength = 80;  // AWS: state names are 1-80 characters

std::optional<StateType> parse_type(const std::string& t) {
    for (auto type : {StateType::Pass, StateType::Task, StateType::Choice, StateType::Wait, StateType::Succeed,
                      StateType::Fail, StateType::Parallel, StateType::Map})
        if (t == state_type_name(type)) return type;
    return std::nullopt;
}

bool is_whole(const json& v) {
    return v.is_number_integer() || v.is_number_unsigned() ||
           (v.is_number_float() && std::floor(v.get<double>()) == v.get<double>());
}

class Loader {
public:
    explicit Loader(std::vector<AslDiagnostic>& errors) : errors_(errors) {}

    std::shared_ptr<StateMachineDef> machine(const json& def, const std::string& ptr, const std::string& what) {
        auto m = std::make_shared<StateMachineDef>();
        struct Restore {  // nested machines must not change the enclosing state's name
            std::string& ref;
            std::string saved;
            ~Restore() { ref = saved; }
        } restore{state_, state_};
        if (!def.is_object()) {
            err(ptr, what + " must be a JSON object");
            return m;
        }
        if (def.contains("QueryLanguage") && def["QueryLanguage"] != "JSONPath")
            err(ptr + "/QueryLanguage", what + ": QueryLanguage " + compact_json(def["QueryLanguage"]) +
                                            " is not supported; only JSONPath is modelled");
        auto start = def.find("StartAt");
        if (start == def.end() || !start->is_string())
            err(ptr + "/StartAt", what + ": StartAt is required and must be a string");
        else
            m->start_at = start->get<std::string>();
        auto states = def.find("States");
        if (states == def.end() || !states->is_object() || states->empty()) {
            err(ptr + "/States", what + ": States is required and must be a non-empty object");
            return m;
        }
        if (def.contains("TimeoutSeconds")) {
            const json& t = def["TimeoutSeconds"];
            if (!is_whole(t) || t.get<double>() <= 0)
                err(ptr + "/TimeoutSeconds", what + ": TimeoutSeconds must be a positive integer");
            else
                m->timeout_seconds = t.get<double>();
        }
        for (auto it = states->begin(); it != states->end(); ++it) {
            StateDef s;
            s.name = it.key();
            state(s, it.value(), ptr + "/States/" + it.key());
            m->index[s.name] = m->states.size();
            m->states.push_back(std::move(s));
        }
        if (!m->start_at.empty() && !m->find(m->start_at))
            err(ptr + "/StartAt", what + ": StartAt '" + m->start_at + "' does not name a state");
        return m;
    }

private:
    std::vector<AslDiagnostic>& errors_;
    std::string state_;  // current state name, for messages

    void err(const std::string& path, const std::string& message) { errors_.push_back({path, message}); }
    void state_err(const std::string& path, const std::string& message) {
        err(path, "state '" + state_ + "': " + message);
    }

    OptionalPath optional_path(const json& s, const char* field, const std::string& ptr) {
        OptionalPath out;
        auto it = s.find(field);
        if (it == s.end()) return out;
        if (it->is_null()) {
            out.kind = OptionalPath::Kind::Null;
            return out;
        }
        if (!it->is_string()) {
            state_err(ptr + "/" + field, std::string(field) + " must be a JSONPath string or null");
            return out;
        }
        std::string why;
        out.path = JsonPath::parse(it->get<std::string>(), &why);
        if (!out.path) {
            state_err(ptr + "/" + field,
                      std::string(field) + " '" + it->get<std::string>() + "' is not a valid JSONPath: " + why);
            return out;
        }
        out.kind = OptionalPath::Kind::Path;
        return out;
    }

    OptionalPath reference_path(const json& s, const char* field, const std::string& ptr) {
        OptionalPath out = optional_path(s, field, ptr);
        if (out.kind == OptionalPath::Kind::Path &&
            (!out.path->is_reference_path() || out.path->root() != JsonPath::Root::Document)) {
            state_err(ptr + "/" + field, std::string(field) + " '" + out.path->text() +
                                             "' must be a reference path (names and indexes only)");
            out.kind = OptionalPath::Kind::Default;
        }
        return out;
    }

    std::optional<PayloadTemplate> payload(const json& s, const char* field, const std::string& ptr) {
        auto it = s.find(field);
        if (it == s.end()) return std::nullopt;
        std::string why;
        auto compiled = PayloadTemplate::compile(*it, &why);
        if (!compiled)
            state_err(ptr + "/" + field + why.substr(0, why.find(':')), std::string(field) + why.substr(why.find(':')));
        return compiled;
    }

    std::optional<JsonPath> path_field(const json& s, const char* field, const std::string& ptr) {
        auto it = s.find(field);
        if (it == s.end()) return std::nullopt;
        std::string why;
        std::optional<JsonPath> p;
        if (it->is_string()) p = JsonPath::parse(it->get<std::string>(), &why);
        if (!p)
            state_err(ptr + "/" + field,
                      std::string(field) + " must be a valid JSONPath" + (why.empty() ? "" : ": " + why));
        return p;
    }

    std::optional<double> positive_int(const json& s, const char* field, const std::string& ptr, bool allow_zero) {
        auto it = s.find(field);
        if (it == s.end()) return std::nullopt;
        if (!is_whole(*it) || it->get<double>() < (allow_zero ? 0 : 1)) {
            state_err(ptr + "/" + field, std::string(field) + " must be a " +
                                             (allow_zero ? "non-negative" : "positive") + " integer, got " +
                                             compact_json(*it));
            return std::nullopt;
        }
        return it->get<double>();
    }

    std::vector<std::string> error_equals(const json& obj, const std::string& ptr, bool last,
                                          const std::string& label) {
        std::vector<std::string> out;
        auto it = obj.find("ErrorEquals");
        if (it == obj.end() || !it->is_array() || it->empty()) {
            state_err(ptr + "/ErrorEquals", label + ".ErrorEquals must be a non-empty array of strings");
            return out;
        }
        for (const auto& e : *it) {
            if (!e.is_string()) {
                state_err(ptr + "/ErrorEquals", label + ".ErrorEquals must contain only strings");
                continue;
            }
            out.push_back(e.get<std::string>());
        }
        bool has_all = false;
        for (const auto& e : out) has_all = has_all || e == kStatesAll;
        if (has_all && out.size() != 1)
            state_err(ptr + "/ErrorEquals", label + ": States.ALL must appear alone in ErrorEquals");
        if (has_all && !last) state_err(ptr + "/ErrorEquals", label + ": States.ALL must be in the last element");
        return out;
    }

    void retriers(StateDef& st, const json& list, const std::string& ptr) {
        if (!list.is_array()) return state_err(ptr, "Retry must be an array");
        for (std::size_t k = 0; k < list.size(); ++k) {
            std::string at = ptr + "/" + std::to_string(k), label = "Retry[" + std::to_string(k) + "]";
            const json& r = list[k];
            if (!r.is_object()) {
                state_err(at, label + " must be an object");
                continue;
            }
            Retrier out;
            out.error_equals = error_equals(r, at, k + 1 == list.size(), label);
            if (auto v = positive_int(r, "IntervalSeconds", at, false)) out.interval_seconds = *v;
            if (auto v = positive_int(r, "MaxAttempts", at, true)) out.max_attempts = static_cast<int>(*v);
            if (auto v = positive_int(r, "MaxDelaySeconds", at, false)) out.max_delay_seconds = *v;
            if (r.contains("BackoffRate")) {
                if (!r["BackoffRate"].is_number() || r["BackoffRate"].get<double>() < 1.0)
                    state_err(at + "/BackoffRate", label + ".BackoffRate must be a number >= 1.0");
                else
                    out.backoff_rate = r["BackoffRate"].get<double>();
            }
            if (r.contains("JitterStrategy")) {
                const json& j = r["JitterStrategy"];
                if (j != "FULL" && j != "NONE")
                    state_err(at + "/JitterStrategy", label + ".JitterStrategy must be FULL or NONE");
                out.full_jitter = j == "FULL";
            }
            st.retry.push_back(std::move(out));
        }
    }

    void catchers(StateDef& st, const json& list, const std::string& ptr) {
        if (!list.is_array()) return state_err(ptr, "Catch must be an array");
        for (std::size_t k = 0; k < list.size(); ++k) {
            std::string at = ptr + "/" + std::to_string(k), label = "Catch[" + std::to_string(k) + "]";
            const json& c = list[k];
            if (!c.is_object()) {
                state_err(at, label + " must be an object");
                continue;
            }
            Catcher out;
            out.error_equals = error_equals(c, at, k + 1 == list.size(), label);
            if (!c.contains("Next") || !c["Next"].is_string())
                state_err(at + "/Next", label + ".Next is required and must be a string");
            else
                out.next = c["Next"].get<std::string>();
            out.result_path = reference_path(c, "ResultPath", at);
            st.catches.push_back(std::move(out));
        }
    }

    void fail_fields(StateDef& st, const json& s, const std::string& ptr) {
        for (const char* f : {"Error", "Cause"}) {
            if (!s.contains(f)) continue;
            if (!s[f].is_string())
                state_err(ptr + "/" + f, std::string(f) + " must be a string");
            else
                (std::string(f) == "Error" ? st.error : st.cause) = s[f].get<std::string>();
        }
        for (const char* f : {"ErrorPath", "CausePath"}) {
            if (!s.contains(f)) continue;
            std::string base = std::string(f).substr(0, 5);  // "Error" / "Cause"
            if (s.contains(base)) state_err(ptr + "/" + f, std::string(f) + " and " + base + " cannot both be set");
            std::string why;
            std::optional<ValueExpr> e;
            if (s[f].is_string()) e = ValueExpr::parse(s[f].get<std::string>(), &why);
            if (!e)
                state_err(ptr + "/" + f, std::string(f) + " must be a valid JSONPath or intrinsic function" +
                                             (why.empty() ? "" : ": " + why));
            (f[0] == 'E' ? st.error_path : st.cause_path) = std::move(e);
        }
    }

    void wait_fields(StateDef& st, const json& s, const std::string& ptr) {
        int count = 0;
        if (s.contains("Seconds")) {
            ++count;
            if (auto v = positive_int(s, "Seconds", ptr, true)) st.wait_seconds = static_cast<std::int64_t>(*v);
        }
        if (s.contains("Timestamp")) {
            ++count;
            const json& t = s["Timestamp"];
            auto us = t.is_string() ? parse_timestamp_us(t.get<std::string>()) : std::nullopt;
            if (!us) state_err(ptr + "/Timestamp", "Timestamp must be an RFC 3339 timestamp, got " + compact_json(t));
            st.wait_timestamp_us = us;
        }
        if (s.contains("SecondsPath")) ++count, st.seconds_path = path_field(s, "SecondsPath", ptr);
        if (s.contains("TimestampPath")) ++count, st.timestamp_path = path_field(s, "TimestampPath", ptr);
        if (count != 1)
            state_err(ptr,
                      "a Wait state needs exactly one of Seconds, Timestamp, SecondsPath or "
                      "TimestampPath");
    }

    void map_fields(StateDef& st, const json& s, const std::string& ptr) {
        const char* proc = s.contains("ItemProcessor") ? "ItemProcessor" : "Iterator";
        if (!s.contains(proc)) {
            state_err(ptr, "a Map state needs ItemProcessor (or the legacy Iterator)");
        } else {
            const json& p = s[proc];
            st.iterator = machine(p, ptr + "/" + proc, "state '" + state_ + "': " + proc);
            if (p.is_object() && p.contains("ProcessorConfig") && p["ProcessorConfig"].is_object() &&
                p["ProcessorConfig"].contains("Mode"))
                st.distributed = p["ProcessorConfig"]["Mode"] == "DISTRIBUTED";
        }
        if (s.contains("ItemSelector") && s.contains("Parameters"))
            state_err(ptr, "ItemSelector and Parameters cannot both be set");
        st.item_selector = payload(s, s.contains("ItemSelector") ? "ItemSelector" : "Parameters", ptr);
        st.items_path = reference_path(s, "ItemsPath", ptr);
        if (auto v = positive_int(s, "MaxConcurrency", ptr, true)) st.max_concurrency = static_cast<int>(*v);
        st.max_concurrency_path = path_field(s, "MaxConcurrencyPath", ptr);
        st.has_item_reader = s.contains("ItemReader");
        if (s.contains("ItemBatcher") && s["ItemBatcher"].is_object()) {
            const json& b = s["ItemBatcher"];
            if (auto v = positive_int(b, "MaxItemsPerBatch", ptr + "/ItemBatcher", false))
                st.max_items_per_batch = static_cast<int>(*v);
            if (b.contains("BatchInput")) st.batch_input = b["BatchInput"];
        }
        if (auto v = positive_int(s, "ToleratedFailureCount", ptr, true))
            st.tolerated_failure_count = static_cast<int>(*v);
        if (s.contains("ToleratedFailurePercentage")) {
            const json& p = s["ToleratedFailurePercentage"];
            if (!p.is_number() || p.get<double>() < 0 || p.get<double>() > 100)
                state_err(ptr + "/ToleratedFailurePercentage",
                          "ToleratedFailurePercentage must be a number from 0 to 100");
            else
                st.tolerated_failure_percentage = p.get<double>();
        }
    }

    void state(StateDef& st, const json& s, const std::string& ptr) {
        state_ = st.name;
        if (st.name.empty() || st.name.size() > kMaxStateNameLength)
            state_err(ptr, "state names must be 1 to 80 characters");
        if (!s.is_object()) return state_err(ptr, "the state must be a JSON object");
        auto type_it = s.find("Type");
        if (type_it == s.end() || !type_it->is_string()) return state_err(ptr + "/Type", "Type is required");
        auto type = parse_type(type_it->get<std::string>());
        if (!type)
            return state_err(ptr + "/Type", "unknown Type '" + type_it->get<std::string>() +
                                                "'; expected Pass, Task, Choice, Wait, Succeed, "
                                                "Fail, Parallel or Map");
        st.type = *type;
        const std::string tname = state_type_name(st.type);
        bool terminal = st.type == StateType::Choice || st.type == StateType::Succeed || st.type == StateType::Fail;
        bool has_next = s.contains("Next"), has_end = s.contains("End");
        if (terminal) {
            if (has_next || has_end) state_err(ptr, "a " + tname + " state cannot have Next or End");
        } else if (has_next && has_end) {
            state_err(ptr, "Next and End cannot both be set");
        } else if (has_next) {
            if (!s["Next"].is_string())
                state_err(ptr + "/Next", "Next must be a string");
            else
                st.next = s["Next"].get<std::string>();
        } else if (has_end && s["End"] == true) {
            st.end = true;
        } else {
            state_err(ptr, "a " + tname + " state needs Next or \"End\": true");
        }
        auto allowed = [&](const char* field, bool ok) {
            if (s.contains(field) && !ok)
                state_err(ptr + "/" + field, std::string(field) + " is not allowed in a " + tname + " state");
            return s.contains(field) && ok;
        };
        bool io = st.type != StateType::Fail;
        bool has_result = st.type == StateType::Pass || st.type == StateType::Task || st.type == StateType::Parallel ||
                          st.type == StateType::Map;
        bool task_like = st.type == StateType::Task || st.type == StateType::Parallel || st.type == StateType::Map;
        if (allowed("InputPath", io)) st.input_path = optional_path(s, "InputPath", ptr);
        if (allowed("OutputPath", io)) st.output_path = optional_path(s, "OutputPath", ptr);
        if (allowed("ResultPath", has_result)) st.result_path = reference_path(s, "ResultPath", ptr);
        if (allowed("Parameters", has_result) && st.type != StateType::Map)
            st.parameters = payload(s, "Parameters", ptr);
        if (allowed("ResultSelector", task_like)) st.result_selector = payload(s, "ResultSelector", ptr);
        if (allowed("Retry", task_like)) retriers(st, s["Retry"], ptr + "/Retry");
        if (allowed("Catch", task_like)) catchers(st, s["Catch"], ptr + "/Catch");
        switch (st.type) {
            case StateType::Pass:
                if (s.contains("Result")) st.result = s["Result"];
                break;
            case StateType::Task:
                if (!s.contains("Resource") || !s["Resource"].is_string())
                    state_err(ptr + "/Resource", "a Task state needs a Resource string");
                else
                    st.resource = s["Resource"].get<std::string>();
                st.timeout_seconds = positive_int(s, "TimeoutSeconds", ptr, false);
                st.heartbeat_seconds = positive_int(s, "HeartbeatSeconds", ptr, false);
                st.timeout_seconds_path = path_field(s, "TimeoutSecondsPath", ptr);
                st.heartbeat_seconds_path = path_field(s, "HeartbeatSecondsPath", ptr);
                if (st.timeout_seconds && st.heartbeat_seconds && *st.heartbeat_seconds >= *st.timeout_seconds)
                    state_err(ptr + "/HeartbeatSeconds", "HeartbeatSeconds must be smaller than TimeoutSeconds");
                break;
            case StateType::Choice: {
                auto it = s.find("Choices");
                if (it == s.end() || !it->is_array() || it->empty()) {
                    state_err(ptr + "/Choices", "a Choice state needs a non-empty Choices array");
                    break;
                }
                for (std::size_t k = 0; k < it->size(); ++k) {
                    std::string why;
                    auto rule = parse_choice_rule((*it)[k], ptr + "/Choices/" + std::to_string(k), true, &why);
                    if (!rule) {
                        auto colon = why.find(": ");
                        state_err(why.substr(0, colon), "Choices[" + std::to_string(k) + "]: " + why.substr(colon + 2));
                    } else {
                        st.choices.push_back(std::move(*rule));
                    }
                }
                if (s.contains("Default")) {
                    if (!s["Default"].is_string())
                        state_err(ptr + "/Default", "Default must be a string");
                    else
                        st.default_next = s["Default"].get<std::string>();
                }
                break;
            }
            case StateType::Wait:
                wait_fields(st, s, ptr);
                break;
            case StateType::Fail:
                fail_fields(st, s, ptr);
                break;
            case StateType::Succeed:
                break;
            case StateType::Parallel: {
                auto it = s.find("Branches");
                if (it == s.end() || !it->is_array() || it->empty()) {
                    state_err(ptr + "/Branches", "a Parallel state needs a non-empty Branches array");
                    break;
                }
                std::string self = st.name;
                for (std::size_t k = 0; k < it->size(); ++k)
                    st.branches.push_back(machine((*it)[k], ptr + "/Branches/" + std::to_string(k),
                                                  "state '" + self + "': Branches[" + std::to_string(k) + "]"));
                break;
            }
            case StateType::Map:
                map_fields(st, s, ptr);
                break;
        }
        state_ = st.name;
    }
};

}  // namespace

LoadResult load_state_machine(const json& definition) {
    LoadResult out;
    Loader loader(out.errors);
    auto machine = loader.machine(definition, "", "the definition");
    if (out.errors.empty()) validate_transitions(*machine, "", out.errors);
    if (out.errors.empty()) out.machine = machine;
    return out;
}

LoadResult load_state_machine_text(std::string_view text) {
    const sim::JsonText def = sim::parse_json_text(text);
    if (!def.ok) {
        LoadResult out;
        out.errors.push_back({"", "the definition is not valid JSON at " + def.where()});
        return out;
    }
    return load_state_machine(def.value);
}

}  // namespace sim::sfn
