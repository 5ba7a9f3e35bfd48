// registry.cpp — lookups and wiring verdicts.
#include "core/registry.h"

#include <algorithm>

namespace sim {

void Registry::add(ServiceKind kind) {
    if (kind.icon.empty()) kind.icon = kind.type;
    kinds_.push_back(std::move(kind));
    fill_derived_ports();
}

// Every kind is added before any lookup, so refilling on each add keeps derived ports current
// whichever order kinds arrive in (a few dozen kinds: the cost is nothing).
void Registry::fill_derived_ports() {
    std::vector<std::string> callable, integrable, requested, rule_actions;
    for (const ServiceKind& k : kinds_) {
        if (!k.operations.empty()) callable.push_back(k.type);
        if (k.api.kind != ApiIntegration::Kind::None) integrable.push_back(k.type);
        if (k.public_endpoint || !k.operations.empty()) requested.push_back(k.type);
        if (!k.iot_rule_action.empty()) rule_actions.push_back(k.type);
    }
    for (ServiceKind& k : kinds_)
        for (PortSpec& p : k.ports) {
            if (p.reach == PortReach::Operations) p.targets = callable;
            if (p.reach == PortReach::ApiIntegrations) p.targets = integrable;
            if (p.reach == PortReach::ClientRequests) p.targets = requested;
            if (p.reach == PortReach::IotRuleActions) p.targets = rule_actions;
            if (p.reach == PortReach::Roles) {
                p.targets.clear();
                for (const ServiceKind& t : kinds_)
                    if (std::find(p.roles.begin(), p.roles.end(), t.role) != p.roles.end()) p.targets.push_back(t.type);
            }
        }
}

const OperationSpec* ServiceKind::operation(std::string_view name) const {
    for (const OperationSpec& op : operations)
        if (op.name == name) return &op;
    return nullptr;
}

const ErrorSpec* ServiceKind::error(std::string_view code) const {
    for (const ErrorSpec& e : errors)
        if (e.code == code) return &e;
    return nullptr;
}

const ServiceKind* Registry::find(std::string_view type) const {
    for (const auto& k : kinds_)
        if (k.type == type) return &k;
    return nullptr;
}

ServiceRole Registry::role_of(std::string_view type) const {
    const ServiceKind* k = find(type);
    return k ? k->role : ServiceRole::Other;
}

namespace {
std::string join_labels(const Registry& reg, const std::vector<std::string>& types) {
    std::string out;
    for (std::size_t i = 0; i < types.size(); ++i) {
        const ServiceKind* k = reg.find(types[i]);
        if (i > 0) out += i + 1 == types.size() ? " or " : ", ";
        out += k ? k->label : types[i];
    }
    return out;
}

std::size_t edit_distance(std::string_view a, std::string_view b) {
    std::vector<std::size_t> row(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        std::size_t prev = row[0];
        row[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            std::size_t cur = row[j];
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, prev + (a[i - 1] == b[j - 1] ? 0 : 1)});
            prev = cur;
        }
    }
    return row[b.size()];
}
}  // namespace

ConnectVerdict Registry::can_connect(std::string_view from_type, std::string_view port,
                                     std::string_view to_type) const {
    const ServiceKind* from = find(from_type);
    const ServiceKind* to = find(to_type);
    if (!from) return {false, "unknown service type '" + std::string(from_type) + "'"};
    if (!to) return {false, "unknown service type '" + std::string(to_type) + "'"};
    for (const ServiceKind* k : {from, to})
        if (!k->simulated) return {false, k->label + " is not simulated; it is kept for export only"};
    const PortSpec* p = nullptr;
    for (const auto& ps : from->ports)
        if (ps.name == port) p = &ps;
    if (!p) {
        if (from->ports.empty()) return {false, from->label + " has no outputs: it only receives"};
        std::string names;
        for (const auto& ps : from->ports) names += (names.empty() ? "" : ", ") + ps.name;
        return {false, from->label + " has no port '" + std::string(port) + "' (ports: " + names + ")"};
    }
    if (!to->accepts_input) return {false, to->label + " cannot receive: it is only a source"};
    if (std::find(p->targets.begin(), p->targets.end(), to_type) != p->targets.end()) return {true, {}};
    std::string reason =
        from->label + " " + p->label + " can target " + join_labels(*this, p->targets) + ", not " + to->label;
    if (!p->hint.empty()) reason += "; " + p->hint;
    return {false, reason};
}

std::string Registry::suggest(std::string_view unknown) const {
    std::string best;
    std::size_t best_d = 3;
    for (const auto& k : kinds_) {
        std::size_t d = edit_distance(unknown, k.type);
        if (d < best_d) {
            best_d = d;
            best = k.type;
        }
    }
    return best;
}

}  // namespace sim
