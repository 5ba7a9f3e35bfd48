// sam_resolve.cpp — see sam_resolve.h. The stages: SAM Globals, resources whose Condition is false,
// intrinsics in the Properties of resources that become nodes or edges, then the settings that
// need plain values. Resources drawn as "cloudformation" nodes keep their intrinsics as written
// (they are written back on export, where a real deployment resolves them).
//
// Index: Globals · settings that need plain values · entry point
#include "export/sam_resolve.h"

#include "export/sam_import_state.h"
#include "export/sam_mapping.h"
#include "pattern/json_guard.h"

namespace sim::sami {

namespace {

using resolve::Intrinsics;

std::string escape_pointer(const std::string& key) {
    std::string out;
    for (char c : key) out += c == '~' ? std::string("~0") : c == '/' ? std::string("~1") : std::string(1, c);
    return out;
}

std::string type_text(const Json& res) {
    auto t = res.is_object() ? res.find("Type") : res.end();
    return res.is_object() && t != res.end() && t->is_string() ? t->get<std::string>() : std::string();
}

std::string shown(const Json& v) {
    std::string s = v.dump();
    return s.size() > 200 ? s.substr(0, 197) + "..." : s;
}

// ---- Section: Globals ---------------------------------------------------------------------------

// https://docs.aws.amazon.com/serverless-application-model/latest/developerguide/sam-specification-template-anatomy-globals.html
// "Overridable properties": primitives (and intrinsic functions) — the resource's value wins;
// maps — merged key by key, the resource winning; lists — Globals' items, then the resource's.
Json merge_global(const Json& global, const Json& local) {
    if (global.is_object() && local.is_object() && !resolve::is_intrinsic(global) && !resolve::is_intrinsic(local)) {
        Json out = global;
        for (auto it = local.begin(); it != local.end(); ++it) {
            auto g = out.find(it.key());
            out[it.key()] = g == out.end() ? it.value() : merge_global(*g, it.value());
        }
        return out;
    }
    if (global.is_array() && local.is_array()) {
        Json out = global;
        for (const auto& x : local) out.push_back(x);
        return out;
    }
    return local;
}

void merge_globals(Json& t, Diagnostics& d) {
    auto g = t.find("Globals");
    if (g == t.end() || !g->is_object()) return;
    const Json globals = *g;
    static const std::pair<const char*, const char*> sections[] = {
        {"Function", "AWS::Serverless::Function"},
        {"Api", "AWS::Serverless::Api"},
        {"HttpApi", "AWS::Serverless::HttpApi"},
        {"SimpleTable", "AWS::Serverless::SimpleTable"},
        {"StateMachine", "AWS::Serverless::StateMachine"},
        {"LayerVersion", "AWS::Serverless::LayerVersion"},
        {"CapacityProvider", "AWS::Serverless::CapacityProvider"}};
    long long budget = 32'000'000;  // characters copied into resources
    for (const auto& [section, type] : sections) {
        auto sec = globals.find(section);
        if (sec == globals.end() || !sec->is_object() || sec->empty()) continue;
        const auto size = static_cast<long long>(sec->dump().size());
        for (auto it = t["Resources"].begin(); it != t["Resources"].end(); ++it) {
            Json& res = it.value();
            if (type_text(res) != type) continue;
            if ((budget -= size) < 0) {
                d.warning("/Globals", "Globals are too large to copy into every resource; the rest are not merged");
                return;
            }
            Json& props = res["Properties"];
            if (props.is_null()) props = Json::object();
            if (props.is_object()) props = merge_global(*sec, props);
        }
    }
}

// ---- Section: settings that need plain values ---------------------------------------------------

// A resource's own name, or another resource's name it refers to. Not plain after resolution: the
// name the resource would be given (a Ref to a resource: its physical name), said in the summary.
void plain_names(Intrinsics& ix, const std::string& logical, const std::string& type, Json& props,
                 const std::string& ptr) {
    static const char* keys[] = {"BucketName", "TableName",          "QueueName",        "Name",        "TopicName",
                                 "StreamName", "DeliveryStreamName", "StateMachineName", "FunctionName"};
    for (const char* key : keys) {
        auto it = props.find(key);
        if (it == props.end() || it->is_string()) continue;
        const bool own = Intrinsics::name_property(type) == key;
        const std::string target = ref_target(*it);
        if (!own && !target.empty() && ix.is_resource(target)) continue;  // wiring: an event source mapping's function
        if (auto t = ix.text_of(*it)) {
            *it = *t;
            continue;
        }
        const std::string name = own ? ix.physical_name(logical) : ix.assumed_name(logical);
        ix.assume(ptr + "/" + key + ": assumed '" + name + "' for " + shown(*it));
        *it = name;
    }
}

// A number setting: numeric text becomes the number (CloudFormation accepts both); anything not
// plain becomes AWS's default, said in the summary.
void plain_number(Intrinsics& ix, Json& parent, const char* key, int fallback, const char* why,
                  const std::string& ptr) {
    if (!parent.is_object()) return;
    auto it = parent.find(key);
    if (it == parent.end() || it->is_number()) return;
    if (it->is_string() && it->get<std::string>().size() < 32) {
        Json n = Json::parse(it->get<std::string>(), nullptr, false);
        if (!n.is_discarded() && n.is_number()) *it = n;
        return;
    }
    if (resolve::is_plain(*it)) return;  // the template's own mistake: validation says so
    ix.assume(ptr + "/" + key + ": assumed " + std::to_string(fallback) + " (" + why + ") for " + shown(*it));
    *it = fallback;
}

// An EventBridge pattern: a JSON string (often a whole Fn::Sub) is parsed; a value still not plain
// becomes the text its Ref / GetAtt gives, else an assumed name.
void plain_pattern_values(Intrinsics& ix, Json& v, const std::string& ptr) {
    if (resolve::is_intrinsic(v)) {
        std::optional<std::string> t = ix.text_of(v);
        if (!t) {
            const std::string target = ref_target(v);
            t = !target.empty() && ix.is_resource(target) ? ix.physical_name(target) : std::string(resolve::kStackName);
            ix.assume(ptr + ": assumed '" + *t + "' for " + shown(v));
        }
        v = *t;
        return;
    }
    if (v.is_object()) {
        for (auto it = v.begin(); it != v.end(); ++it)
            plain_pattern_values(ix, it.value(), ptr + "/" + escape_pointer(it.key()));
    } else if (v.is_array()) {
        for (std::size_t i = 0; i < v.size(); ++i) plain_pattern_values(ix, v[i], ptr + "/" + std::to_string(i));
    }
}

void plain_pattern(Intrinsics& ix, Json& parent, const char* key, const std::string& ptr) {
    auto it = parent.find(key);
    if (it == parent.end()) return;
    if (it->is_string() && check_json_depth(it->get<std::string>(), 64).ok) {
        Json parsed = Json::parse(it->get<std::string>(), nullptr, false);
        if (!parsed.is_discarded() && parsed.is_object()) *it = std::move(parsed);
    }
    plain_pattern_values(ix, *it, ptr + "/" + key);
}

void plain_settings(Intrinsics& ix, const std::string& logical, const std::string& type, Json& props,
                    const std::string& ptr) {
    plain_names(ix, logical, type, props, ptr);
    if (type == "AWS::Serverless::Function" || type == "AWS::Lambda::Function") {
        // https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-lambda-function.html
        plain_number(ix, props, "MemorySize", 128, "Lambda's default", ptr);
        plain_number(ix, props, "Timeout", 3, "Lambda's default", ptr);
    }
    if (type == "AWS::DynamoDB::Table" || type == "AWS::Serverless::SimpleTable") {
        if (auto pt = props.find("ProvisionedThroughput"); pt != props.end())
            for (const char* k : {"ReadCapacityUnits", "WriteCapacityUnits"})
                plain_number(ix, *pt, k, 5, "the DynamoDB console's default", ptr + "/ProvisionedThroughput");
    }
    if (type == "AWS::Events::Rule") plain_pattern(ix, props, "EventPattern", ptr);
    auto events = props.find("Events");
    if (events == props.end() || !events->is_object()) return;
    for (auto ev = events->begin(); ev != events->end(); ++ev) {
        if (!ev->is_object()) continue;
        auto p = ev->find("Properties");
        if (p == ev->end() || !p->is_object()) continue;
        const std::string ev_ptr = ptr + "/Events/" + escape_pointer(ev.key()) + "/Properties";
        const std::string ev_type =
            ev->contains("Type") && (*ev)["Type"].is_string() ? (*ev)["Type"].get<std::string>() : "";
        if (ev_type == "S3") {
            // SAM's S3 event: "Events: String | List" (sam-property-function-s3.html).
            if (auto e = p->find("Events"); e != p->end() && e->is_string()) *e = Json::array({*e});
        } else if (ev_type == "EventBridgeRule" || ev_type == "CloudWatchEvent") {
            plain_pattern(ix, *p, "Pattern", ev_ptr);
        }
    }
}

// ---- Section: entry point -----------------------------------------------------------------------

// Resources whose Properties the import reads: those that become nodes, and those that become edges.
bool read_by_import(const std::string& type) {
    return !sim_type_for_cfn(type).empty() || type == "AWS::SNS::Subscription" ||
           type == "AWS::Lambda::EventSourceMapping" || type == "AWS::Events::Rule";
}

// Whether `v` names resource `logical` (Ref, Fn::GetAtt, or a variable of Fn::Sub).
bool names_resource(const Json& v, const std::string& logical, int depth = 0) {
    if (depth > 300) return false;
    if (v.is_object()) {
        if (ref_target(v) == logical) return true;
        if (auto s = v.find("Fn::Sub"); s != v.end() && v.size() == 1) {
            const Json& text = s->is_array() && !s->empty() ? (*s)[0] : *s;
            if (text.is_string()) {
                const std::string& t = text.get_ref<const std::string&>();
                if (t.find("${" + logical + "}") != std::string::npos ||
                    t.find("${" + logical + ".") != std::string::npos)
                    return true;
            }
        }
    }
    if (v.is_structured())
        for (const auto& x : v)
            if (names_resource(x, logical, depth + 1)) return true;
    return false;
}

Json resolve_checked(const Json& root, Diagnostics& d, ImportSummary& summary) {
    Json merged = root;
    auto rs = merged.find("Resources");
    if (rs == merged.end() || !rs->is_object()) return merged;
    merge_globals(merged, d);
    Intrinsics ix(merged, d, summary);
    Json out = merged;
    Json& resources = out["Resources"];

    // Resources whose Condition is false with the parameters' defaults
    // (https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/conditions-section-structure.html).
    std::map<std::string, std::string> dropped;  // logical id → condition
    for (auto it = resources.begin(); it != resources.end(); ++it) {
        auto c = it->is_object() ? it->find("Condition") : it->end();
        if (!it->is_object() || c == it->end() || !c->is_string()) continue;
        if (const auto v = ix.condition(c->get<std::string>()); v && !*v) dropped[it.key()] = c->get<std::string>();
    }
    // Properties resolved where the import reads them. The others are resolved only to see whether
    // they name a left-out resource, with their own summary (nothing of it is kept).
    Diagnostics scratch_d;
    ImportSummary scratch_summary;
    Intrinsics scratch(merged, scratch_d, scratch_summary);
    std::map<std::string, Json> resolved;
    for (auto it = resources.begin(); it != resources.end(); ++it) {
        if (!it->is_object()) continue;
        auto p = it->find("Properties");
        if (p == it->end() || !p->is_object()) continue;
        const std::string ptr = "/Resources/" + escape_pointer(it.key()) + "/Properties";
        const bool read = read_by_import(type_text(*it));
        if (!read && dropped.empty()) continue;
        const auto r = (read ? ix : scratch).resolve(*p, ptr);
        resolved[it.key()] = r ? *r : Json::object();
        if (!read) continue;
        *p = resolved[it.key()];
        plain_settings(ix, it.key(), type_text(*it), *p, ptr);
    }
    // A left-out resource that a resource still there names stays: leaving it out would break that one.
    for (bool changed = true; changed;) {
        changed = false;
        for (auto drop = dropped.begin(); drop != dropped.end(); ++drop) {
            std::string user;
            for (const auto& [logical, props] : resolved)
                if (!dropped.count(logical) && names_resource(props, drop->first)) user = logical;
            if (user.empty()) continue;
            ix.assume("/Resources/" + escape_pointer(drop->first) + ": condition " + drop->second +
                      " is false with the parameters' defaults, but " + user + " names it; kept");
            dropped.erase(drop);
            changed = true;
            break;
        }
    }
    for (const auto& [logical, cond] : dropped) {
        resources.erase(logical);
        ix.assume("/Resources/" + escape_pointer(logical) + ": condition " + cond +
                  " is false with the parameters' defaults; the resource is left out");
    }
    if (!dropped.empty())
        for (auto it = resources.begin(); it != resources.end(); ++it) {
            auto dep = it->is_object() ? it->find("DependsOn") : it->end();
            if (!it->is_object() || dep == it->end()) continue;
            if (dep->is_string() && dropped.count(dep->get<std::string>())) {
                it->erase("DependsOn");
            } else if (dep->is_array()) {
                Json kept = Json::array();
                for (const auto& x : *dep)
                    if (!x.is_string() || !dropped.count(x.get<std::string>())) kept.push_back(x);
                *dep = std::move(kept);
            }
        }
    return out;
}

}  // namespace

Json resolve_template(const Json& root, Diagnostics& d, ImportSummary& summary) {
    // Untrusted input: a shape not foreseen leaves the template as written, never an exception.
    try {
        return resolve_checked(root, d, summary);
    } catch (const std::exception& e) {
        d.warning("",
                  std::string("the template's Globals and intrinsic functions are left as written (") + e.what() + ")");
        return root;
    }
}

}  // namespace sim::sami
