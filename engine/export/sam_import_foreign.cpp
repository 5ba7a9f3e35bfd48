// sam_import_foreign.cpp — resources a template names without our Metadata: mapped types become
// nodes; function Events, subscriptions, event source mappings, rules, redrive policies,
// destinations and policy templates become edges; other resources become "cloudformation" nodes
// (passive, written back verbatim on export).
//
// Index: nodes · function events · wiring resources · properties that wire · entry point
#include "export/sam_import_state.h"
#include "export/sam_mapping.h"
#include "services/all_services.h"

#include <cctype>

namespace sim::sami {

namespace {

std::string text_of(const Json& obj, const char* key) {
    if (!obj.is_object()) return {};
    auto it = obj.find(key);
    return it != obj.end() && it->is_string() ? it->get<std::string>() : std::string();
}

std::string pointer(const std::string& logical) {
    std::string out = "/Resources/";
    for (char c : logical) out += c == '/' ? std::string("~1") : c == '~' ? std::string("~0") : std::string(1, c);
    return out;
}

// ---- Section: nodes -----------------------------------------------------------------------------

void add_node(ImportState& s, const std::string& logical, const Json& res, std::string_view type) {
    Json config = res.value("Properties", Json::object());
    // A service's other resource type (an HTTP API) is its config's variant.
    const CfnResource* matched = nullptr;
    sim_type_for_cfn(res["Type"].get<std::string>(), &matched);
    const ServiceKind* kind = default_registry().find(type);
    if (matched && kind && matched != &kind->cfn.front() && !matched->variant_key.empty())
        config[matched->variant_key] = matched->variant;
    const std::string id = s.unique_id(node_id_for(logical));
    s.nodes.push_back({{"id", id}, {"type", std::string(type)}, {"config", config}});
    if (logical_id_for(id) != logical) s.nodes.back()[kCfnLogicalIdKey] = logical;  // keeps Refs valid on export
    s.node_of[logical] = id;
    s.consumed.insert(logical);
}

// A node the template implies but does not declare (SAM's implicit APIs, the default event bus,
// e-mail and HTTP subscription endpoints).
std::string implicit_node(ImportState& s, const std::string& base, const char* type, Json config) {
    for (const auto& n : s.nodes)
        if (n.value("id", "") == base && n.value("type", "") == type) return base;
    const std::string id = s.unique_id(base);
    s.nodes.push_back({{"id", id}, {"type", type}, {"config", std::move(config)}});
    return id;
}

Json* rules_of(ImportState& s, const std::string& bus) {
    Json* n = s.node(bus);
    if (!n) return nullptr;
    Json& rules = (*n)["config"]["Rules"];
    if (!rules.is_array()) rules = Json::array();
    return &rules;
}

std::string bus_for(ImportState& s, const Json& bus_name) {
    const std::string named = ref_node(s, bus_name);
    if (!named.empty()) return named;
    return implicit_node(s, "default-bus", "eventbridge", {{"Name", "default"}});
}

// ---- Section: function events -------------------------------------------------------------------

std::string upper(std::string v) {
    for (char& c : v) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return v;
}

void add_rule(ImportState& s, const std::string& bus, Json rule, const std::string& target, Json target_spec) {
    target_spec["Arn"] = target;
    if (!target_spec.contains("Id")) target_spec["Id"] = target;
    rule["Targets"] = Json::array({target_spec});
    if (Json* rules = rules_of(s, bus)) rules->push_back(std::move(rule));
    s.add_edge(bus, "out", target, Json::object());
}

void function_event(ImportState& s, const std::string& fn, const std::string& name, const Json& ev,
                    const std::string& path) {
    if (!ev.is_object()) {
        s.d.warning(path, std::string("event must be an object with Type and Properties, got ") + json_type_name(ev) +
                              "; left out");
        return;
    }
    const std::string type = text_of(ev, "Type");
    Json props = ev.value("Properties", Json::object());
    if (!props.is_object()) props = Json::object();
    auto source = [&](const char* key) {
        std::string id = ref_node(s, props.value(key, Json()));
        props.erase(key);
        return id;
    };
    std::string from;
    std::string port = "out";
    if (type == "SQS") {
        from = source("Queue");
    } else if (type == "Kinesis" || type == "DynamoDB") {
        from = source("Stream");
        if (type == "DynamoDB") port = "stream";
        if (auto dc = props.find("DestinationConfig"); dc != props.end() && dc->is_object()) {
            for (const char* side : {"OnFailure", "OnSuccess"}) {
                if (!dc->contains(side) || !(*dc)[side].is_object()) continue;
                const std::string dest = ref_node(s, (*dc)[side].value("Destination", Json()));
                if (dest.empty()) continue;
                (*dc)[side]["Destination"] = dest;
                (*dc)[side].erase("Type");
                if (type == "Kinesis" && !from.empty()) s.add_edge(from, "on_failure", dest, Json::object());
            }
        }
    } else if (type == "S3") {
        from = source("Bucket");
        if (auto f = props.find("Filter"); f != props.end()) {
            const Json key = f->is_object() ? f->value("S3Key", Json::object()) : Json::object();
            const Json rules = key.is_object() ? key.value("Rules", Json::array()) : Json::array();
            for (const auto& r : rules)
                if (r.is_object())
                    props[text_of(r, "Name") == "suffix" ? "Suffix" : "Prefix"] = r.value("Value", Json());
            props.erase("Filter");
        }
    } else if (type == "SNS") {
        from = source("Topic");
    } else if (type == "Api" || type == "HttpApi") {
        const bool http = type == "HttpApi";
        from = source(http ? "ApiId" : "RestApiId");
        if (from.empty())
            from = http ? implicit_node(s, "ServerlessHttpApi", "apigateway", {{"ApiType", "HTTP"}})
                        : implicit_node(s, "ServerlessRestApi", "apigateway", {{"StageName", "Prod"}});
        const std::string method = upper(text_of(props, "Method"));
        props["Route"] = (method.empty() ? "ANY" : method) + " " + text_of(props, "Path");
        props.erase("Method");
        props.erase("Path");
    } else if (type == "Schedule" || type == "ScheduleV2" || type == "EventBridgeRule" || type == "CloudWatchEvent") {
        const std::string bus = bus_for(s, props.value("EventBusName", Json()));
        Json rule = {{"Name", name}};
        if (props.contains("Schedule")) rule["ScheduleExpression"] = props["Schedule"];
        if (props.contains("ScheduleExpression")) rule["ScheduleExpression"] = props["ScheduleExpression"];
        if (props.contains("Pattern")) rule["EventPattern"] = props["Pattern"];
        Json target = Json::object();
        for (const char* k : {"Input", "InputPath", "InputTransformer", "RetryPolicy"})
            if (props.contains(k)) target[k] = props[k];
        add_rule(s, bus, std::move(rule), fn, std::move(target));
        return;
    } else {
        s.d.warning(path, "event type '" + type + "' is not simulated; the event is kept in the function's config");
        return;
    }
    if (from.empty()) {
        s.d.warning(path, "event '" + name + "' names no resource of this template; kept in the function's config");
        return;
    }
    s.add_edge(from, port, fn, props);
}

// ---- Section: wiring resources ------------------------------------------------------------------

bool wiring_resource(ImportState& s, const std::string& logical, const Json& res) {
    const std::string type = res["Type"].get<std::string>();
    const Json props = res.value("Properties", Json::object());
    const std::string path = pointer(logical);
    if (type == "AWS::SNS::Subscription") {
        const std::string topic = ref_node(s, props.value("TopicArn", Json()));
        const std::string protocol = text_of(props, "Protocol");
        std::string to = ref_node(s, props.value("Endpoint", Json()));
        if (to.empty() && (protocol == "email" || protocol == "email-json"))
            to = implicit_node(s, node_id_for(logical), "email", {{"Endpoint", props.value("Endpoint", Json(""))}});
        if (to.empty() && (protocol == "http" || protocol == "https"))
            to = implicit_node(s, node_id_for(logical), "http", {{"Endpoint", props.value("Endpoint", Json(""))}});
        if (topic.empty() || to.empty()) return false;
        Json config = Json::object();
        for (const char* k :
             {"FilterPolicy", "FilterPolicyScope", "RawMessageDelivery", "DeliveryPolicy", "RedrivePolicy"})
            if (props.contains(k)) config[k] = props[k];
        if (config.contains("RedrivePolicy") && config["RedrivePolicy"].is_object()) {
            const std::string dlq = ref_node(s, config["RedrivePolicy"].value("deadLetterTargetArn", Json()));
            if (!dlq.empty()) {
                config["RedrivePolicy"]["deadLetterTargetArn"] = dlq;
                s.add_edge(topic, "dlq", dlq, Json::object());
            }
        }
        s.add_edge(topic, "out", to, config);
        return true;
    }
    if (type == "AWS::Lambda::EventSourceMapping") {
        const std::string from = ref_node(s, props.value("EventSourceArn", Json()));
        const std::string fn = ref_node(s, props.value("FunctionName", Json()));
        if (from.empty() || fn.empty()) return false;
        Json config = props;
        config.erase("EventSourceArn");
        config.erase("FunctionName");
        const Json* src = s.node(from);
        s.add_edge(from, src && (*src)["type"] == "dynamodb" ? "stream" : "out", fn, config);
        return true;
    }
    if (type == "AWS::Events::Rule") {
        const std::string bus = bus_for(s, props.value("EventBusName", Json()));
        Json rule = {{"Name", props.value("Name", Json(logical))}};
        for (const char* k : {"EventPattern", "ScheduleExpression", "State", "Description"})
            if (props.contains(k)) rule[k] = props[k];
        Json targets = Json::array();
        for (const auto& t : props.value("Targets", Json::array())) {
            const std::string target = ref_node(s, t.value("Arn", Json()));
            if (target.empty()) {
                s.d.warning(path + "/Properties/Targets", "a rule target names no node of this template; left out");
                continue;
            }
            Json spec = t;
            spec["Arn"] = target;
            if (spec.contains("DeadLetterConfig")) {
                const std::string dlq = ref_node(s, spec["DeadLetterConfig"].value("Arn", Json()));
                if (!dlq.empty()) {
                    spec["DeadLetterConfig"]["Arn"] = dlq;
                    s.add_edge(bus, "dlq", dlq, Json::object());
                }
            }
            targets.push_back(spec);
            s.add_edge(bus, "out", target, Json::object());
        }
        rule["Targets"] = targets;
        if (Json* rules = rules_of(s, bus)) rules->push_back(std::move(rule));
        return true;
    }
    return false;
}

// ---- Section: properties that wire --------------------------------------------------------------

// Policy templates that name a table, bucket, queue … of this template: the function calls it.
void policy_edges(ImportState& s, const std::string& fn, const Json& policies) {
    if (!policies.is_array()) return;
    for (const auto& p : policies) {
        if (!p.is_object()) continue;
        for (auto it = p.begin(); it != p.end(); ++it) {
            if (!it->is_object()) continue;
            for (auto arg = it->begin(); arg != it->end(); ++arg) {
                const std::string target = ref_node(s, arg.value());
                if (!target.empty() && target != fn) s.add_edge(fn, "out", target, Json::object());
            }
        }
    }
}

void property_edges(ImportState& s, const std::string& logical, Json& node) {
    const std::string id = node["id"].get<std::string>();
    const ServiceRole role = default_registry().role_of(node["type"].get<std::string>());
    Json& config = node["config"];
    if (role == ServiceRole::Queue && config.contains("RedrivePolicy") && config["RedrivePolicy"].is_object()) {
        const std::string dlq = ref_node(s, config["RedrivePolicy"].value("deadLetterTargetArn", Json()));
        if (!dlq.empty()) {
            config["RedrivePolicy"]["deadLetterTargetArn"] = dlq;
            s.add_edge(id, "dlq", dlq, Json::object());
        }
    }
    if (role != ServiceRole::Function && role != ServiceRole::StateMachine) {
        definition_edges(s, logical, node);  // an API's OpenAPI routes; may add nodes, so last
        return;
    }
    if (auto dlq = config.find("DeadLetterQueue"); dlq != config.end() && dlq->is_object()) {
        const std::string q = ref_node(s, dlq->value("TargetArn", Json()));
        if (!q.empty()) s.add_edge(id, "dlq", q, Json::object());
    }
    if (auto eic = config.find("EventInvokeConfig"); eic != config.end() && eic->is_object()) {
        Json& dc = (*eic)["DestinationConfig"];
        for (const auto& [side, port] : {std::pair{"OnSuccess", "on_success"}, std::pair{"OnFailure", "on_failure"}}) {
            if (!dc.is_object() || !dc.contains(side) || !dc[side].is_object()) continue;
            const std::string dest = ref_node(s, dc[side].value("Destination", Json()));
            if (!dest.empty()) {
                dc[side]["Destination"] = dest;
                s.add_edge(id, port, dest, Json::object());
            }
        }
        if (dc.is_null()) eic->erase("DestinationConfig");
    }
    if (config.contains("Policies")) policy_edges(s, id, config["Policies"]);
    if (auto ev = config.find("Events"); ev != config.end() && ev->is_object()) {
        const Json events = *ev;
        config.erase("Events");
        for (auto it = events.begin(); it != events.end(); ++it)
            function_event(s, id, it.key(), it.value(), pointer(logical) + "/Properties/Events/" + it.key());
    }
    if (role == ServiceRole::StateMachine) definition_edges(s, logical, *s.node(id));  // Task states' targets
}

}  // namespace

// ---- Section: entry point -----------------------------------------------------------------------

void import_foreign(ImportState& s, const std::set<std::string>& skip) {
    const Json& resources = s.tmpl["Resources"];
    std::vector<std::string> fresh;
    for (auto it = resources.begin(); it != resources.end(); ++it) {
        if (skip.count(it.key())) continue;
        const std::string_view type = sim_type_for_cfn(it.value()["Type"].get<std::string>());
        if (type.empty()) continue;
        add_node(s, it.key(), it.value(), type);
        fresh.push_back(it.key());
    }
    for (const std::string& logical : fresh) {
        Json* node = s.node(s.node_of[logical]);
        if (node) property_edges(s, logical, *node);
    }
    for (auto it = resources.begin(); it != resources.end(); ++it) {
        if (skip.count(it.key()) || s.consumed.count(it.key())) continue;
        if (wiring_resource(s, it.key(), it.value())) continue;
        const std::string type = it.value()["Type"].get<std::string>();
        if (s.ours) {  // an earlier export wrote it from the pattern's kept "cloudformation" resources
            s.kept_resources[it.key()] = it.value();
            s.d.warning(pointer(it.key()),
                        "resource type '" + type + "' is not simulated; it is kept and written back on export");
            continue;
        }
        // Shown as a passive node, written back verbatim under the same logical id.
        Json config = resource_config(it.value(), true);
        const std::string id = s.unique_id(node_id_for(it.key()));
        s.nodes.push_back({{"id", id}, {"type", kCfnNodeType}, {"config", std::move(config)}});
        if (logical_id_for(id) != it.key()) s.nodes.back()[kCfnLogicalIdKey] = it.key();
        s.node_of[it.key()] = id;
        s.consumed.insert(it.key());
        s.d.warning(pointer(it.key()),
                    "resource type '" + type +
                        "' is not simulated; it becomes a CloudFormation resource node, written back on export");
    }
}

}  // namespace sim::sami
