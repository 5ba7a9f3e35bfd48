// sample_event.cpp — building a fire sample that fits the design (see sample_event.h).
#include "pattern/sample_event.h"

#include <deque>
#include <set>

namespace sim {

namespace {

// The sample the service's contract gives for its input (its payload at ServiceKind::sample_payload);
// a function behind an API starts from the pattern's own request payload when it has one.
Json generic_sample(const ServiceKind* kind, const Pattern& p) {
    if (!kind || kind->sample.is_null()) return {{"id", "event-1"}};
    Json event = kind->sample;
    if (kind->sample_from_traffic && !kind->sample_payload.empty())
        for (const auto& t : p.traffic)
            if (!t.payload.is_null()) {
                event[Json::json_pointer(kind->sample_payload)] = t.payload;
                break;
            }
    return event;
}

struct KeyAttr {
    std::string name;
    bool number = false;
};

// A table's key attributes as the engine reads them: KeySchema, or a HASH key named 'id'.
std::vector<KeyAttr> table_keys(const NodeSpec& table) {
    std::vector<KeyAttr> keys;
    const Json& c = table.config;
    if (c.contains("KeySchema") && c["KeySchema"].is_array())
        for (const auto& k : c["KeySchema"])
            if (k.is_object() && k.contains("AttributeName") && k["AttributeName"].is_string())
                keys.push_back({k["AttributeName"], false});
    if (keys.empty()) keys.push_back({"id", false});
    if (c.contains("AttributeDefinitions") && c["AttributeDefinitions"].is_array())
        for (auto& k : keys)
            for (const auto& d : c["AttributeDefinitions"])
                if (d.is_object() && d.value("AttributeName", "") == k.name)
                    k.number = d.value("AttributeType", "") == "N";
    return keys;
}

// The payload path a selector reads ("$.body.order.id" → "/order/id"); nullopt for anything else
// (literals, metadata such as "$.messageId").
std::optional<std::string> payload_path(const Json& selector) {
    if (!selector.is_string()) return std::nullopt;
    const std::string& s = selector.get_ref<const std::string&>();
    if (s == "$") return std::string();
    for (const char* prefix : {"$.body", "$.detail", "$.kinesis.data", "$.data"}) {
        const std::string pre = prefix;
        if (s.compare(0, pre.size(), pre) != 0) continue;
        std::string rest = s.substr(pre.size());
        if (!rest.empty() && rest[0] != '.') continue;
        for (char& ch : rest)
            if (ch == '.') ch = '/';
        return rest;
    }
    return std::nullopt;
}

struct Need {
    std::string path;  // JSON pointer inside the payload (or the event, when `event_root`)
    bool number = false;
    bool event_root = false;  // the action writes the whole event: the key goes at its root
};

// What a function's actions need from the payload to write `table` without a missing key. `fired`:
// the event is fired into the function itself, so an action without an Item writes the event as
// fired (its root, not its payload, must hold the key).
void needs_of_action(const Json& action, const NodeSpec& table, bool fired, std::vector<Need>& out) {
    const std::string op = action.value("operation", "");
    const char* key_field = op == "PutItem"                                                 ? "Item"
                            : (op == "GetItem" || op == "DeleteItem" || op == "UpdateItem") ? "Key"
                                                                                            : nullptr;
    if (!key_field) return;
    const auto keys = table_keys(table);
    const Json* tmpl = action.contains(key_field) ? &action[key_field] : nullptr;
    for (const auto& k : keys) {
        if (!tmpl || tmpl->is_string()) {
            // No Item: the event itself is written; "$.body": the payload is. Either way it needs the key.
            const auto whole = tmpl ? payload_path(*tmpl) : std::optional<std::string>("");
            if (whole) out.push_back({*whole + "/" + k.name, k.number, !tmpl && fired});
        } else if (tmpl->is_object() && tmpl->contains(k.name)) {
            if (auto path = payload_path((*tmpl)[k.name]); path && !path->empty()) out.push_back({*path, k.number});
        }
    }
}

std::vector<const NodeSpec*> reachable(const Pattern& p, const std::string& from) {
    std::vector<const NodeSpec*> out;
    std::set<std::string> seen = {from};
    std::deque<std::string> todo = {from};
    while (!todo.empty()) {
        const std::string id = todo.front();
        todo.pop_front();
        if (const NodeSpec* n = p.find_node(id)) out.push_back(n);
        for (const auto& e : p.edges)
            if (e.from == id && seen.insert(e.to).second) todo.push_back(e.to);
    }
    return out;
}

Json sample_value(const Need& n) {
    if (n.number) return 1;
    const std::string leaf = n.path.substr(n.path.rfind('/') + 1);
    return leaf + "-1";
}

}  // namespace

Json sample_event(const Registry& registry, const Pattern& p, const std::string& node_id) {
    const NodeSpec* node = p.find_node(node_id);
    if (!node) return Json::object();
    Json event;
    bool from_traffic = false;
    for (const auto& t : p.traffic)
        if (t.source == node_id) {
            event = t.request.is_object() ? t.request : Json::object();
            if (!t.payload.is_null()) event["body"] = t.payload;
            from_traffic = true;
            break;
        }
    const ServiceKind* kind = registry.find(node->type);
    if (!from_traffic) event = generic_sample(kind, p);

    std::vector<Need> needs;
    for (const NodeSpec* n : reachable(p, node_id)) {
        const ServiceRole role = registry.role_of(n->type);
        if (role == ServiceRole::Table && n == node)
            for (const auto& k : table_keys(*n)) needs.push_back({"/" + k.name, k.number});
        if (role != ServiceRole::Function || !n->config.contains("Actions") || !n->config["Actions"].is_array())
            continue;
        for (const auto& a : n->config["Actions"]) {
            if (!a.is_object() || !a.contains("target") || !a["target"].is_string()) continue;
            const NodeSpec* target = p.find_node(a["target"].get<std::string>());
            if (target && registry.role_of(target->type) == ServiceRole::Table)
                needs_of_action(a, *target, n == node && !from_traffic, needs);
        }
    }
    if (needs.empty()) return event;

    const std::string at = from_traffic ? "/body" : kind ? kind->sample_payload : "";
    const Json::json_pointer base(at);
    if (!event.contains(base) || !event[base].is_object()) event[base] = Json::object();  // e.g. SNS's "hello"
    for (const Need& n : needs) {
        const Json::json_pointer ptr((n.event_root ? "" : at) + n.path);
        if (!event.contains(ptr)) event[ptr] = sample_value(n);
    }
    return event;
}

}  // namespace sim
