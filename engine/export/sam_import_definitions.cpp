// sam_import_definitions.cpp — wiring that a state machine's Definition or an API's OpenAPI
// DefinitionBody names (see definition_edges in sam_import_state.h).
//  - Step Functions Task states: the Resource (a Lambda function) and the Parameters / Arguments
//    FunctionName, TableName, TopicArn, QueueUrl, StateMachineArn, Entries[].EventBusName of the
//    optimized integrations (https://docs.aws.amazon.com/step-functions/latest/dg/integrate-optimized.html)
//    name a node → an edge from the state machine, and the reference is rewritten to the node id,
//    which is how the Step Functions model finds a task's target (stepfunctions_tasks.h).
//  - OpenAPI x-amazon-apigateway-integration
//    (https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-swagger-extensions-integration.html):
//    a Lambda uri (arn:aws:apigateway:<region>:lambda:path/2015-03-31/functions/<function ARN>/invocations,
//    or the function ARN for HTTP APIs) or an AWS service uri (arn:aws:apigateway:<region>:<service>:action/<Action>,
//    an HTTP API's integrationSubtype) → an edge API → target with "Route": "METHOD /path", the
//    target named by the integration's request template / parameters.
//
// Index: references · state machines · OpenAPI · entry point
#include "export/sam_import_state.h"
#include "services/all_services.h"

#include <algorithm>
#include <cctype>

namespace sim::sami {

namespace {

// ---- Section: references ------------------------------------------------------------------------

std::string escape(const std::string& key) {
    std::string out;
    for (char c : key) out += c == '/' ? std::string("~1") : c == '~' ? std::string("~0") : std::string(1, c);
    return out;
}

std::string lower(std::string v) {
    for (char& c : v) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return v;
}

std::string type_of(const ImportState& s, const std::string& id) {
    for (const auto& n : s.nodes)
        if (n.value("id", "") == id) return n.value("type", "");
    return {};
}

// Texts and the logical ids of intrinsics (Ref, GetAtt, Fn::Sub placeholders) inside a value.
struct Found {
    std::vector<std::string> refs;
    std::vector<std::string> texts;
};

void placeholders(const std::string& text, const Json& vars, Found& f, int depth);

void collect(const Json& v, Found& f, int depth = 0) {
    if (depth > 64) return;
    if (v.is_string()) {
        f.texts.push_back(v.get<std::string>());
        placeholders(v.get<std::string>(), Json::object(), f, depth);
        return;
    }
    if (v.is_array()) {
        for (const auto& x : v) collect(x, f, depth + 1);
        return;
    }
    if (!v.is_object()) return;
    if (const std::string r = ref_target(v); !r.empty()) {
        f.refs.push_back(r);
        return;
    }
    if (auto sub = v.find("Fn::Sub"); sub != v.end() && v.size() == 1) {
        if (sub->is_string()) {
            f.texts.push_back(sub->get<std::string>());
            placeholders(sub->get<std::string>(), Json::object(), f, depth);
        } else if (sub->is_array() && sub->size() == 2 && (*sub)[0].is_string()) {
            f.texts.push_back((*sub)[0].get<std::string>());
            placeholders((*sub)[0].get<std::string>(), (*sub)[1], f, depth);
        }
        return;
    }
    for (const auto& x : v) collect(x, f, depth + 1);
}

void placeholders(const std::string& text, const Json& vars, Found& f, int depth) {
    for (std::size_t open = text.find("${"); open != std::string::npos; open = text.find("${", open + 2)) {
        const std::size_t close = text.find('}', open);
        if (close == std::string::npos) return;
        const std::string name = text.substr(open + 2, close - open - 2);
        if (name.empty() || name[0] == '!') continue;
        if (vars.is_object() && vars.contains(name))
            collect(vars[name], f, depth + 1);
        else
            f.refs.push_back(name.substr(0, name.find('.')));
    }
}

// Node ids by the names a template may write for them in text: logical id, node id and the
// resource's own name (FunctionName, TableName, QueueName, TopicName, Name …).
std::map<std::string, std::string> names_of(const ImportState& s) {
    std::map<std::string, std::string> out;
    for (const auto& n : s.nodes) {
        const std::string id = n.value("id", "");
        const Json& c = n.contains("config") ? n["config"] : Json();
        if (c.is_object())
            for (const char* k : {"Name", "FunctionName", "TableName", "QueueName", "TopicName", "StateMachineName"})
                if (auto it = c.find(k); it != c.end() && it->is_string() && !it->get<std::string>().empty())
                    out.emplace(it->get<std::string>(), id);
    }
    for (const auto& [logical, id] : s.node_of) out[logical] = id;
    for (const auto& n : s.nodes) out[n.value("id", "")] = n.value("id", "");
    return out;
}

// The name an ARN, queue URL or plain name ends with ("…:function:fn:live" → "fn").
std::string name_in(const std::string& text) {
    if (auto f = text.find(":function:"); f != std::string::npos) {
        const std::string rest = text.substr(f + 10);
        return rest.substr(0, rest.find_first_of(":/"));
    }
    const auto cut = text.find_last_of(":/");
    return cut == std::string::npos ? text : text.substr(cut + 1);
}

// The node a value names: an intrinsic naming a resource, or a text ending with a node's name.
std::string value_node(const ImportState& s, const std::map<std::string, std::string>& names, const Json& v) {
    Found f;
    collect(v, f);
    for (const std::string& r : f.refs)
        if (auto it = s.node_of.find(r); it != s.node_of.end()) return it->second;
    if (v.is_string() && v.get<std::string>().find("${") == std::string::npos) {
        if (auto it = names.find(name_in(v.get<std::string>())); it != names.end()) return it->second;
    }
    return {};
}

bool word_char(char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-';
}

// Nodes of `type` a value names (by intrinsic, or by name as a whole word in its text), in order.
std::vector<std::string> nodes_in(const ImportState& s, const std::map<std::string, std::string>& names, const Json& v,
                                  const std::string& type) {
    Found f;
    collect(v, f);
    std::vector<std::string> out;
    auto add = [&](const std::string& id) {
        if (type_of(s, id) == type && std::find(out.begin(), out.end(), id) == out.end()) out.push_back(id);
    };
    for (const std::string& r : f.refs)
        if (auto it = s.node_of.find(r); it != s.node_of.end()) add(it->second);
    for (const std::string& text : f.texts)
        for (const auto& [name, id] : names) {
            if (type_of(s, id) != type) continue;
            for (std::size_t at = text.find(name); at != std::string::npos; at = text.find(name, at + 1)) {
                const std::size_t end = at + name.size();
                const bool before = at == 0 || text[at - 1] == ':' || text[at - 1] == '/' || text[at - 1] == '"';
                if (before && (end == text.size() || !word_char(text[end]))) {
                    add(id);
                    break;
                }
            }
        }
    return out;
}

// ---- Section: state machines --------------------------------------------------------------------

struct TaskKey {
    const char* key;
    ServiceRole role;
};
const TaskKey kTaskKeys[] = {{"FunctionName", ServiceRole::Function},
                             {"TableName", ServiceRole::Table},
                             {"TopicArn", ServiceRole::Topic},
                             {"QueueUrl", ServiceRole::Queue},
                             {"StateMachineArn", ServiceRole::StateMachine}};

// The node `v` names when it has the role; "" otherwise.
std::string node_with_role(const ImportState& s, const std::map<std::string, std::string>& names, const Json& v,
                           ServiceRole role) {
    const std::string id = value_node(s, names, v);
    if (id.empty() || default_registry().role_of(type_of(s, id)) != role) return {};
    return id;
}

void task_links(ImportState& s, const std::map<std::string, std::string>& names, const std::string& sm, Json& def,
                int depth) {
    if (depth > 32 || !def.is_object() || !def.contains("States") || !def["States"].is_object()) return;
    auto link = [&](Json& slot, ServiceRole role) {
        const std::string id = node_with_role(s, names, slot, role);
        if (id.empty() || id == sm) return;
        slot = id;
        s.add_edge(sm, "out", id, Json::object());
    };
    for (auto it = def["States"].begin(); it != def["States"].end(); ++it) {
        Json& st = it.value();
        if (!st.is_object()) continue;
        if (st.value("Type", Json()) == "Task" && st.contains("Resource")) {
            Json& res = st["Resource"];
            // A function named as the Resource (its ARN, or an intrinsic that gives it).
            if (!res.is_string() || res.get<std::string>().rfind("arn:aws:lambda:", 0) == 0 ||
                res.get<std::string>().find("${") != std::string::npos)
                link(res, ServiceRole::Function);
            for (const char* pk : {"Parameters", "Arguments"}) {
                if (!st.contains(pk) || !st[pk].is_object()) continue;
                Json& p = st[pk];
                for (const TaskKey& k : kTaskKeys)
                    if (p.contains(k.key)) link(p[k.key], k.role);
                if (p.contains("Entries") && p["Entries"].is_array())
                    for (Json& e : p["Entries"])
                        if (e.is_object() && e.contains("EventBusName")) link(e["EventBusName"], ServiceRole::EventBus);
            }
        }
        if (st.contains("Branches") && st["Branches"].is_array())
            for (Json& b : st["Branches"]) task_links(s, names, sm, b, depth + 1);
        for (const char* k : {"ItemProcessor", "Iterator"})
            if (st.contains(k)) task_links(s, names, sm, st[k], depth + 1);
    }
}

// ---- Section: OpenAPI ---------------------------------------------------------------------------

// The node type an API Gateway AWS service integration calls, by the uri's service name or the
// HTTP API integrationSubtype's prefix ("SQS-SendMessage").
std::string service_type(const std::string& service) {
    const std::string s = lower(service);
    if (s == "dynamodb") return "dynamodb";
    if (s == "sqs") return "sqs";
    if (s == "sns") return "sns";
    if (s == "states" || s == "stepfunctions") return "stepfunctions";
    if (s == "events" || s == "eventbridge") return "eventbridge";
    if (s == "kinesis") return "kinesis";
    if (s == "firehose") return "firehose";
    if (s == "s3") return "s3";
    return {};
}

void route(ImportState& s, const std::map<std::string, std::string>& names, const std::string& api,
           const std::string& method, const std::string& path, const Json& integ, const std::string& where) {
    const std::string route = method + " " + path;
    const std::string kind = lower(integ.value("type", std::string()));
    if (kind == "mock") {
        s.d.warning(where, "route '" + route + "' has a MOCK integration, which is not simulated; left out");
        return;
    }
    if (kind == "http" || kind == "http_proxy") {
        s.d.warning(where, "route '" + route + "' has an HTTP integration, which is not simulated; left out");
        return;
    }
    const Json uri = integ.value("uri", Json());
    Found uf;
    collect(uri, uf);
    std::string uri_text;
    for (const std::string& t : uf.texts) uri_text += t;
    const std::string subtype = integ.value("integrationSubtype", std::string());
    std::string target, action;
    std::string type;  // the node type the integration calls
    if (uri_text.find(":lambda:path/") != std::string::npos || uri_text.rfind("arn:aws:lambda:", 0) == 0 ||
        (uri_text.empty() && subtype.empty())) {
        type = "lambda";
        for (const std::string& r : uf.refs)
            if (auto it = s.node_of.find(r); it != s.node_of.end() && type_of(s, it->second) == "lambda") {
                target = it->second;
                break;
            }
        if (target.empty() && uri_text.find(":function:") != std::string::npos) {
            if (auto it = names.find(name_in(uri_text.substr(0, uri_text.find("/invocations")))); it != names.end())
                target = it->second;
        }
        if (target.empty()) {
            s.d.warning(where + "/uri",
                        "route '" + route + "' calls a Lambda function that is not in this template; left out");
            return;
        }
    } else {
        std::string service;
        if (!subtype.empty()) {
            service = subtype.substr(0, subtype.find('-'));
            action = subtype.find('-') == std::string::npos ? "" : subtype.substr(subtype.find('-') + 1);
        } else if (auto a = uri_text.find("arn:aws:apigateway:"); a != std::string::npos) {
            // arn:aws:apigateway:<region>:<service>:action/<Action> or :path/…
            std::size_t region = a + 19;  // the region may be written ${AWS::Region}
            if (uri_text.compare(region, 2, "${") == 0) region = uri_text.find('}', region);
            const std::size_t region_end = region == std::string::npos ? region : uri_text.find(':', region);
            const std::size_t service_end =
                region_end == std::string::npos ? region_end : uri_text.find(':', region_end + 1);
            if (service_end != std::string::npos)
                service = uri_text.substr(region_end + 1, service_end - region_end - 1);
            if (auto act = uri_text.find("action/"); act != std::string::npos) {
                action = uri_text.substr(act + 7);
                action = action.substr(0, action.find_first_of("&?/"));
            }
        }
        type = service_type(service);
        if (type.empty()) {
            s.d.warning(where, "route '" + route + "' integrates with '" + (service.empty() ? uri_text : service) +
                                   "', which the API Gateway model does not call; left out");
            return;
        }
        Json named = integ;
        named.erase("credentials");
        const std::vector<std::string> found = nodes_in(s, names, named, type);
        if (found.size() == 1) {
            target = found[0];
        } else if (found.empty() && type == "eventbridge" && named.dump().find("EventBusName") == std::string::npos) {
            target = default_bus(s);  // PutEvents without EventBusName: the default bus
        } else {
            s.d.warning(where, "route '" + route + "' calls " + type +
                                   " but its request template and parameters name " +
                                   (found.empty() ? "no simulated " : "several ") + type +
                                   " resource of this template; left out");
            return;
        }
    }
    // Several routes to one target become one link with "Routes" (ImportState::add_edge).
    // The API's OpenAPI body declares the route: export writes it there, not as a function event.
    Json link = {{"Route", route}, {"DeclaredBy", api}};
    // An HTTP API's first-class AWS integration maps the request onto the action's fields.
    if (auto rp = integ.find("requestParameters"); !subtype.empty() && rp != integ.end() && rp->is_object())
        link["RequestParameters"] = *rp;
    s.add_edge(api, "out", target, std::move(link));
    if (type == "stepfunctions" && action == "StartSyncExecution")
        if (Json* n = s.node(target); n && (*n)["config"].value("Type", Json()) == "EXPRESS")
            (*n)["config"]["ApiAction"] = "StartSyncExecution";
}

void openapi_routes(ImportState& s, const std::map<std::string, std::string>& names, const std::string& api,
                    const std::string& logical, const Json& body) {
    if (!body.is_object() || !body.contains("paths") || !body["paths"].is_object()) return;
    const std::string base = "/Resources/" + escape(logical) + "/Properties/DefinitionBody/paths/";
    for (auto p = body["paths"].begin(); p != body["paths"].end(); ++p) {
        if (!p->is_object() || p.key().empty() || p.key()[0] != '/') continue;
        for (auto m = p->begin(); m != p->end(); ++m) {
            std::string method = lower(m.key());
            if (method == "x-amazon-apigateway-any-method")
                method = "ANY";
            else if (method == "get" || method == "put" || method == "post" || method == "delete" ||
                     method == "patch" || method == "head" || method == "options")
                for (char& c : method) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
            else
                continue;
            if (!m->is_object()) continue;
            auto integ = m->find("x-amazon-apigateway-integration");
            if (integ == m->end() || !integ->is_object()) continue;
            route(s, names, api, method, p.key(), *integ,
                  base + escape(p.key()) + "/" + escape(m.key()) + "/x-amazon-apigateway-integration");
        }
    }
}

}  // namespace

// ---- Section: entry point -----------------------------------------------------------------------

void definition_edges(ImportState& s, const std::string& logical, Json& node) {
    const std::string type = node.value("type", "");
    Json& config = node["config"];
    if (!config.is_object()) return;
    const std::string id = node.value("id", "");
    if (type == "stepfunctions" && config.contains("Definition")) {
        const auto names = names_of(s);
        task_links(s, names, id, config["Definition"], 0);
    } else if (type == "apigateway" && config.contains("DefinitionBody")) {
        const auto names = names_of(s);
        // A copy: a route to the default event bus adds that node, which moves `node`.
        const Json body = config["DefinitionBody"];
        openapi_routes(s, names, id, logical, body);
    }
}

}  // namespace sim::sami
