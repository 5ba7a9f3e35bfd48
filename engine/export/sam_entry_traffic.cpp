// sam_entry_traffic.cpp — clients at an imported template's open entry points (see
// sam_entry_traffic.h).
#include "export/sam_entry_traffic.h"

#include "export/sam_mapping.h"
#include "pattern/routes.h"
#include "pattern/sample_event.h"
#include "services/all_services.h"

#include <cctype>
#include <set>

namespace sim::sami {

namespace {

constexpr const char* kClientType = "client";
constexpr std::size_t kMaxRoutesPerApi = 20;  // one traffic entry per route; a huge API gets its first 20

// "POST /orders/{id}" → {"method": "POST", "path": "/orders/1"}. ANY routes are sent as POST, so they
// carry a body; path parameters get a sample value; "$default" (an HTTP API's catch-all) is "/".
Json request_for_route(const std::string& route) {
    const std::size_t space = route.find(' ');
    std::string method = space == std::string::npos ? "ANY" : route.substr(0, space);
    std::string path = space == std::string::npos ? route : route.substr(space + 1);
    if (method == "ANY" || method == "$default") method = "POST";
    if (path.empty() || path == "$default") path = "/";
    std::string filled;
    for (std::size_t i = 0; i < path.size(); ++i) {
        if (path[i] != '{') {
            filled += path[i];
            continue;
        }
        const std::size_t close = path.find('}', i);
        if (close == std::string::npos) {
            filled += path.substr(i);
            break;
        }
        const bool greedy = close > i + 1 && path[close - 1] == '+';  // {proxy+}
        filled += greedy ? "example" : "1";
        i = close;
    }
    return {{"method", method}, {"path", filled}};
}

bool has_body(const std::string& method) {
    return method == "POST" || method == "PUT" || method == "PATCH";
}

// A value that satisfies one EventBridge pattern condition: the first literal of a list, or a value
// an operator accepts ({"prefix": "a"} → "a…", {"numeric": [">", 5]} → 6, {"exists": true} → "x").
// nullopt: a condition this cannot satisfy (it is left out; the rule may then not match).
std::optional<Json> value_matching(const Json& condition) {
    if (!condition.is_array()) return std::nullopt;
    for (const auto& c : condition) {
        if (c.is_string() || c.is_number() || c.is_boolean()) return c;
        if (!c.is_object() || c.empty()) continue;
        const auto first = c.begin();
        const std::string& op = first.key();
        const Json& arg = first.value();
        if (op == "prefix" && arg.is_string()) return arg.get<std::string>() + "example";
        if (op == "suffix" && arg.is_string()) return "example" + arg.get<std::string>();
        if (op == "equals-ignore-case" && arg.is_string()) return arg;
        if (op == "wildcard" && arg.is_string()) {
            std::string v = arg.get<std::string>();
            for (char& ch : v)
                if (ch == '*') ch = 'x';
            return v;
        }
        if (op == "exists" && arg.is_boolean() && arg.get<bool>()) return "example";
        if (op == "anything-but") return "example-other";
        if (op == "numeric" && arg.is_array() && arg.size() >= 2 && arg[1].is_number()) {
            const double bound = arg[1].get<double>();
            const std::string rel = arg[0].is_string() ? arg[0].get<std::string>() : "=";
            return rel == ">" ? bound + 1 : rel == "<" ? bound - 1 : bound;
        }
    }
    return std::nullopt;
}

// An event that an EventBridge pattern matches (as far as value_matching can satisfy it).
Json event_matching(const Json& pattern) {
    Json out = Json::object();
    if (!pattern.is_object()) return out;
    for (auto it = pattern.begin(); it != pattern.end(); ++it) {
        if (it->is_object()) {
            out[it.key()] = event_matching(*it);
        } else if (auto v = value_matching(*it)) {
            out[it.key()] = *v;
        }
    }
    return out;
}

// The PutEvents entry a bus entry point sends: one its first rule with an EventPattern matches.
// nullopt when every rule is a schedule (the bus's own rules run it) or it has none.
std::optional<Json> bus_event(const Json& config) {
    const Json rules = config.value("Rules", Json::array());
    if (!rules.is_array()) return std::nullopt;
    for (const auto& r : rules) {
        if (!r.is_object() || !r.contains("EventPattern") || !r["EventPattern"].is_object()) continue;
        Json event = event_matching(r["EventPattern"]);
        if (!event.contains("source")) event["source"] = "app.example";
        if (!event.contains("detail-type")) event["detail-type"] = "Example";
        if (!event.contains("detail") || !event["detail"].is_object()) event["detail"] = Json::object();
        return event;
    }
    return std::nullopt;
}

// What the bucket's first notification listens to: a key that passes its filter (Prefix/Suffix) and
// whether only deletions are notified ("s3:ObjectRemoved:*").
struct Notified {
    std::string key = "uploads/object-{{seq}}.json";
    bool removals_only = false;
};
Notified notified(const ImportState& s, const std::string& bucket) {
    Notified n;
    std::string prefix = "uploads/", suffix = ".json";
    for (const auto& e : s.edges) {
        if (e.value("from", "") != bucket || !e.contains("config")) continue;
        const Json& c = e["config"];
        if (c.contains("Prefix") && c["Prefix"].is_string()) prefix = c["Prefix"];
        if (c.contains("Suffix") && c["Suffix"].is_string()) suffix = c["Suffix"];
        if (auto ev = c.find("Events"); ev != c.end() && ev->is_array() && !ev->empty()) {
            n.removals_only = true;
            for (const auto& x : *ev)
                if (!x.is_string() || x.get<std::string>().find("ObjectRemoved") == std::string::npos)
                    n.removals_only = false;
        }
        break;
    }
    n.key = prefix + "object-{{seq}}" + suffix;
    return n;
}

// PutItem of an item with the table's key attributes (numbers for N keys), a new key per request.
Json item_put(const Json& config) {
    Json item = Json::object();
    const Json keys = config.value("KeySchema", Json::array());
    const Json defs = config.value("AttributeDefinitions", Json::array());
    if (keys.is_array())
        for (const auto& k : keys) {
            if (!k.is_object() || !k.contains("AttributeName") || !k["AttributeName"].is_string()) continue;
            const std::string name = k["AttributeName"];
            bool number = false;
            if (defs.is_array())
                for (const auto& d : defs)
                    if (d.is_object() && d.value("AttributeName", Json()) == name)
                        number = d.value("AttributeType", Json()) == "N";
            item[name] = number ? Json("{{seq}}") : Json(name + "-{{seq}}");
        }
    if (item.empty()) item["id"] = "id-{{seq}}";
    return {{"operation", "PutItem"}, {"Item", item}};
}

// Sets `value` at a JSONPath such as "$.order.items" inside `input` (plain member steps only); an
// existing value stays.
void put_at_path(Json& input, const std::string& path, const Json& value) {
    if (path.rfind("$.", 0) != 0) return;
    Json* at = &input;
    std::size_t i = 2;
    while (i < path.size()) {
        std::size_t end = path.find_first_of(".[", i);
        const std::string step = path.substr(i, end == std::string::npos ? std::string::npos : end - i);
        if (step.empty() || (end != std::string::npos && path[end] == '[')) return;  // indexes, filters: left alone
        if (!at->is_object()) return;
        const bool last = end == std::string::npos;
        if (last) {
            if (!at->contains(step)) (*at)[step] = value;
            return;
        }
        Json& next = (*at)[step];
        if (next.is_null()) next = Json::object();
        at = &next;
        i = end + 1;
    }
}

// An execution input the definition's first states can read: every "$.x" its top-level states read
// (InputPath, ItemsPath, "k.$" parameters, Choice variables) gets a value — an array of three items
// for ItemsPath, the compared value for a Choice rule, "example" otherwise. The contract's sample
// fills in the rest.
Json execution_input(const Json& config, const Json& sample) {
    Json input = sample.is_object() ? sample : Json::object();
    const Json* definition = member(config, "Definition");
    const Json* states = definition ? member(*definition, "States") : nullptr;
    if (!states || !states->is_object()) return input;
    for (const auto& [name, st] : states->items()) {
        if (!st.is_object()) continue;
        if (auto items = st.find("ItemsPath"); items != st.end() && items->is_string())
            put_at_path(input, *items, Json::array({{{"id", "item-1"}}, {{"id", "item-2"}}, {{"id", "item-3"}}}));
        if (auto ip = st.find("InputPath"); ip != st.end() && ip->is_string() && *ip != "$")
            put_at_path(input, *ip, Json::object());
        for (const char* key : {"Parameters", "Arguments"}) {
            const Json* params = member(st, key);
            if (!params || !params->is_object()) continue;
            std::vector<const Json*> todo = {params};
            while (!todo.empty()) {
                const Json* o = todo.back();
                todo.pop_back();
                for (const auto& [k, v] : o->items()) {
                    if (k.size() > 2 && k.ends_with(".$") && v.is_string()) put_at_path(input, v, "example");
                    if (v.is_object()) todo.push_back(&v);
                }
            }
        }
        if (const Json* choices = member(st, "Choices"); choices && choices->is_array() && !choices->empty()) {
            const Json& rule = (*choices)[0];
            if (!rule.is_object() || !rule.contains("Variable") || !rule["Variable"].is_string()) continue;
            Json value = "example";
            for (const auto& [op, v] : rule.items())
                if (op.ends_with("Equals") && !op.ends_with("Path")) value = v;
            put_at_path(input, rule["Variable"], value);
        }
    }
    return input;
}

// FifoQueue true (or "true", as CloudFormation also accepts).
bool fifo_queue(const Json& config) {
    const Json fifo = config.value("FifoQueue", Json(false));
    return fifo == Json(true) || fifo == Json("true");
}

// What an open queue's client sends: its sample message; to a FIFO queue a SendMessage in one message
// group with a new MessageDeduplicationId each time, as SQS refuses a FIFO send without a group and
// ContentBasedDeduplication would count equal sample bodies once in 5 minutes
// (https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/API_SendMessage.html).
Json queue_message(const Json& config, const Json& sample) {
    if (!fifo_queue(config)) return sample;
    return {{"operation", "SendMessage"},
            {"MessageBody", sample},
            {"MessageGroupId", "group-1"},
            {"MessageDeduplicationId", "message-{{seq}}"}};
}

struct Entry {
    std::string target;  // node id
    Json request;        // {} unless HTTP
    Json payload;
    std::string what;          // for the summary
    bool aws_service = false;  // an AWS service's own event (TrafficSpec::sender)
    std::string start = {};    // a later start ("500ms"): deletes follow the puts of the same keys
};

// The entries a node offers when nothing in the template feeds it.
std::vector<Entry> entries_for(const ImportState& s, const Json& node, ServiceRole role, bool feeds_something) {
    const std::string id = node.value("id", "");
    const Json config = node.value("config", Json::object());
    const ServiceKind* kind = default_registry().find(node.value("type", ""));
    const Json sample = kind && !kind->sample.is_null() ? kind->sample : Json::object();
    std::vector<Entry> out;
    switch (role) {
        case ServiceRole::Api: {
            const Json body = sample.value("body", Json::object());
            std::set<std::string> seen;
            for (const auto& e : s.edges) {
                if (e.value("from", "") != id || !e.contains("config")) continue;
                for (const std::string& route : routes_of(e["config"])) {
                    if (!seen.insert(route).second || out.size() == kMaxRoutesPerApi) continue;
                    Json request = request_for_route(route);
                    const bool with_body = has_body(request["method"].get<std::string>());
                    out.push_back({id, request, with_body ? body : Json(), route});
                }
            }
            break;
        }
        case ServiceRole::Function:  // invoked from outside the stack (a function URL, `aws lambda invoke`)
            out.push_back({id, Json::object(), sample, "Invoke"});
            break;
        case ServiceRole::StateMachine:
            out.push_back({id, Json::object(), execution_input(config, sample), "StartExecution"});
            break;
        case ServiceRole::Queue:
            if (feeds_something)
                out.push_back(
                    {id, Json::object(), queue_message(config, sample),
                     fifo_queue(config) ? "its sample message in message group group-1" : "its sample message"});
            break;
        case ServiceRole::Topic:
        case ServiceRole::Stream:
        case ServiceRole::DeliveryStream:
            if (feeds_something) out.push_back({id, Json::object(), sample, "its sample message"});
            break;
        case ServiceRole::EventBus:
            if (auto ev = bus_event(config)) {
                // A rule on "aws.ec2" events gets what EC2 itself would put on the bus.
                const bool aws = ev->value("source", "").rfind("aws.", 0) == 0;
                out.push_back({id, Json::object(), *ev,
                               aws ? "the AWS service event its first rule matches" : "an event its first rule matches",
                               aws});
            }
            break;
        case ServiceRole::ObjectStore:
            if (feeds_something) {
                // Uniform arrivals number the keys alike, so each delete finds the object put half a second before.
                const Notified n = notified(s, id);
                out.push_back({id,
                               Json::object(),
                               {{"operation", "PutObject"}, {"Key", n.key}, {"SizeBytes", 1024}},
                               "PutObject"});
                if (n.removals_only)
                    out.push_back({id,
                                   Json::object(),
                                   {{"operation", "DeleteObject"}, {"Key", n.key}},
                                   "DeleteObject of the object put before",
                                   false,
                                   "500ms"});
            }
            break;
        case ServiceRole::Table:
            if (feeds_something) out.push_back({id, Json::object(), item_put(config), "PutItem"});
            break;
        default:
            break;
    }
    return out;
}

}  // namespace

void add_entry_traffic(ImportState& s, Json& pj, ImportSummary& summary) {
    const Registry& registry = default_registry();
    std::set<std::string> feeding;
    for (const auto& e : s.edges) feeding.insert(e.value("from", ""));
    // Fed: something outside the node's own downstream sends to it. A function that reads back the
    // bucket that notifies it does not make the bucket fed.
    auto fed_from_outside = [&s](const std::string& id) {
        std::set<std::string> down = {id};
        std::vector<std::string> todo = {id};
        while (!todo.empty()) {
            const std::string at = todo.back();
            todo.pop_back();
            for (const auto& e : s.edges)
                if (e.value("from", "") == at && down.insert(e.value("to", "")).second)
                    todo.push_back(e.value("to", ""));
        }
        for (const auto& e : s.edges)
            if (e.value("to", "") == id && !down.count(e.value("from", ""))) return true;
        return false;
    };
    // Nodes a bus's schedule rule or a stream's consumer already drives count as fed too: the edges say so.
    Json traffic = pj.value("traffic", Json::array());
    const Json nodes = s.nodes;  // the loop adds client nodes
    for (const auto& node : nodes) {
        const std::string id = node.value("id", "");
        if (id.empty() || fed_from_outside(id)) continue;
        const ServiceRole role = registry.role_of(node.value("type", ""));
        const std::vector<Entry> entries = entries_for(s, node, role, feeding.count(id) > 0);
        const ServiceRole role_of_target = role;
        if (entries.empty()) continue;
        const std::string client = s.unique_id(node_id_for(id + "Client"));
        s.nodes.push_back({{"id", client}, {"type", kClientType}, {"config", Json::object()}});
        s.add_edge(client, "out", id, Json::object());
        for (std::size_t i = 0; i < entries.size(); ++i) {
            const Entry& en = entries[i];
            Json t = {{"id", client + "-" + std::to_string(i + 1)},
                      {"source", client},
                      {"profile", {{"type", "constant"}, {"rps", 1}}}};
            if (!en.request.empty()) t["request"] = en.request;
            if (!en.payload.is_null()) t["payload"] = en.payload;
            if (en.aws_service) t["sender"] = "aws-service";
            if (role_of_target == ServiceRole::ObjectStore) t["arrival"] = "uniform";
            if (!en.start.empty()) t["start"] = en.start;
            traffic.push_back(std::move(t));
            summary.entries.push_back(client + " → " + id + ": " + en.what + ", 1 request/s");
        }
    }
    if (!traffic.empty()) pj["traffic"] = std::move(traffic);
}

void complete_entry_payloads(Pattern& pattern, const ImportSummary& summary) {
    (void)summary;
    const Registry& registry = default_registry();
    for (auto& t : pattern.traffic) {
        const NodeSpec* client = pattern.find_node(t.source);
        if (!client || client->type != kClientType || t.payload.is_null() || !t.payload.is_object()) continue;
        // Keys the functions' actions need downstream (sample_event fills "<name>-1"); a fresh value per
        // request instead, so writes do not all land on one item.
        Json event = sample_event(registry, pattern, t.source);
        if (!event.contains("body") || !event["body"].is_object()) continue;
        for (auto it = event["body"].begin(); it != event["body"].end(); ++it) {
            if (t.payload.contains(it.key())) continue;
            t.payload[it.key()] = it->is_number() ? Json("{{seq}}") : Json(it.key() + "-{{seq}}");
        }
    }
}

}  // namespace sim::sami
