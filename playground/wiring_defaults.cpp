// wiring_defaults.cpp — see wiring_defaults.h.
#include "wiring_defaults.h"

#include "core/registry.h"
#include "services/all_services.h"
#include "services/lambda/lambda_actions.h"

#include <string_view>
#include <unordered_map>

namespace pg {
namespace {

bool action_targets(const sim::NodeSpec& fn, const std::string& target) {
    const auto it = fn.config.find("Actions");
    if (it == fn.config.end() || !it->is_array()) return false;
    for (const auto& a : *it)
        if (a.is_object() && a.value("target", std::string()) == target) return true;
    return false;
}

// The node's `port` makes SDK calls (a function's, an instance group's or a task's "out"): what it
// calls is said by its Actions.
bool makes_sdk_calls(const sim::NodeSpec& n, const std::string& port) {
    if (has_code(n)) return false;  // its code, not Actions, says what it calls
    const sim::ServiceKind* k = sim::default_registry().find(n.type);
    if (!k) return false;
    for (const sim::PortSpec& p : k->ports)
        if (p.name == port) return p.reach == sim::PortReach::Operations;
    return false;
}

}  // namespace

bool has_code(const sim::NodeSpec& n) {
    return n.config.contains("InlineCode") || n.config.contains("Code") || n.config.contains("CodeFiles");
}

std::optional<sim::Json> default_action(const sim::NodeSpec& from, const std::string& port, const sim::NodeSpec& to) {
    if (!makes_sdk_calls(from, port) || action_targets(from, to.id)) return std::nullopt;
    const std::string ops = sim::svc::lambda_operations_for(to.type);
    if (ops.empty()) return std::nullopt;
    return sim::Json{{"target", to.id}, {"operation", ops.substr(0, ops.find(' '))}};
}

sim::TrafficSpec default_traffic(const std::string& source, std::size_t index) {
    sim::TrafficSpec t;
    t.id = "traffic-" + std::to_string(index);
    t.source = source;
    t.profile = {{"type", "constant"}, {"rps", 5}};
    t.payload = {{"id", "{{uuid}}"}};
    return t;
}

bool source_without_traffic(const sim::Pattern& pattern, const sim::NodeSpec& node) {
    const sim::ServiceKind* k = sim::default_registry().find(node.type);
    if (!k || k->group != "sources") return false;
    for (const auto& t : pattern.traffic)
        if (t.source == node.id) return false;
    return true;
}

std::vector<bool> unused_links(const sim::Pattern& pattern) {
    std::vector<bool> out(pattern.edges.size(), false);
    // Called every frame: one id lookup table rather than a linear search per edge end.
    std::unordered_map<std::string_view, const sim::NodeSpec*> by_id;
    for (const auto& n : pattern.nodes) by_id.emplace(n.id, &n);
    for (std::size_t i = 0; i < pattern.edges.size(); ++i) {
        const sim::EdgeSpec& e = pattern.edges[i];
        if (e.port != "out") continue;
        const auto f = by_id.find(e.from), t = by_id.find(e.to);
        if (f == by_id.end() || t == by_id.end() || !makes_sdk_calls(*f->second, e.port)) continue;
        const sim::NodeSpec* from = f->second;
        const sim::NodeSpec* to = t->second;
        out[i] = !sim::svc::lambda_operations_for(to->type).empty() && !action_targets(*from, to->id);
    }
    return out;
}

}  // namespace pg
