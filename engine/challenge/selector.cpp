// selector.cpp — choosing the nodes of a solution that a check talks about (see selector.h).
#include "challenge/selector.h"

#include "challenge/json_fields.h"
#include "core/registry.h"
#include "services/all_services.h"

#include <cctype>

namespace sim::challenge {

std::optional<Selector> parse_selector(const Json& j, const std::string& path, Diagnostics& diags) {
    Selector s;
    if (j.is_string()) {
        s.node = j.get<std::string>();
        return s;
    }
    if (!j.is_object()) {
        diags.error(path,
                    "a node selector must be a node id or an object such as {\"type\": \"lambda\"}, got " + j.dump());
        return std::nullopt;
    }
    const std::size_t before = diags.error_count();
    Fields f(j, path, diags);
    s.node = f.text("node", false);
    if (f.has("type")) s.types = f.texts("type", true);
    for (std::size_t i = 0; i < s.types.size(); ++i) {
        if (default_registry().find(s.types[i])) continue;
        const std::string guess = default_registry().suggest(s.types[i]);
        const std::string p = j["type"].is_array() ? f.path_of("type") + "/" + std::to_string(i) : f.path_of("type");
        diags.error(
            p, "unknown service type '" + s.types[i] + "'" + (guess.empty() ? "" : " (did you mean '" + guess + "'?)"));
    }
    if (const Json* c = f.raw("config")) {
        if (!c->is_object())
            f.error("config", "config must be an object of config values the node must have, got " + c->dump());
        else
            s.config = *c;
    }
    s.wired_to = f.text("wired_to", false);
    s.wired_from = f.text("wired_from", false);
    if (s.node.empty() && s.types.empty() && f.diagnostics().error_count() == before)
        diags.error(path, "a node selector needs \"node\" (a node id) or \"type\" (a service type), got " + j.dump());
    f.finish();
    if (diags.error_count() != before) return std::nullopt;
    return s;
}

bool config_contains(const Json& have, const Json& want) {
    if (want.is_object()) {
        if (!have.is_object()) return false;
        for (auto it = want.begin(); it != want.end(); ++it) {
            auto h = have.find(it.key());
            if (h == have.end() || !config_contains(*h, it.value())) return false;
        }
        return true;
    }
    if (want.is_number() && have.is_number()) return want.get<double>() == have.get<double>();
    return have == want;
}

bool node_matches(const Pattern& p, std::size_t i, const Selector& s) {
    const NodeSpec& n = p.nodes[i];
    if (!s.node.empty() && n.id != s.node) return false;
    if (!s.types.empty()) {
        bool any = false;
        for (const auto& t : s.types) any = any || t == n.type;
        if (!any) return false;
    }
    if (!s.config.is_null() && !config_contains(n.config, s.config)) return false;
    auto wired = [&](const std::string& from, const std::string& to) {
        for (const auto& e : p.edges)
            if (e.from == from && e.to == to) return true;
        return false;
    };
    if (!s.wired_to.empty() && !wired(n.id, s.wired_to)) return false;
    if (!s.wired_from.empty() && !wired(s.wired_from, n.id)) return false;
    return true;
}

std::vector<std::size_t> select_nodes(const Pattern& p, const Selector& s) {
    std::vector<std::size_t> out;
    for (std::size_t i = 0; i < p.nodes.size(); ++i)
        if (node_matches(p, i, s)) out.push_back(i);
    return out;
}

std::string type_labels(const std::vector<std::string>& types) {
    std::string out;
    for (std::size_t i = 0; i < types.size(); ++i) {
        const ServiceKind* k = default_registry().find(types[i]);
        if (i) out += i + 1 == types.size() ? " or " : ", ";
        out += k && !k->label.empty() ? k->label : types[i];
    }
    return out;
}

std::string describe_selector(const Selector& s) {
    std::string out;
    if (!s.node.empty()) {
        out = "'" + s.node + "'";
        if (!s.types.empty()) out += " (" + type_labels(s.types) + ")";
    } else {
        const std::string labels = type_labels(s.types);
        // "an SQS", "an EC2", "an Aurora", "a Lambda": acronyms read letter by letter.
        const bool acronym = labels.size() > 1 && (std::isupper(static_cast<unsigned char>(labels[1])) ||
                                                   std::isdigit(static_cast<unsigned char>(labels[1])));
        const bool vowel =
            !labels.empty() && (std::string("AEIOU").find(labels[0]) != std::string::npos ||
                                (acronym && std::string("FHLMNRSX").find(labels[0]) != std::string::npos));
        out = std::string(vowel ? "an " : "a ") + labels + " node";
    }
    if (!s.wired_from.empty()) out += " wired from '" + s.wired_from + "'";
    if (!s.wired_to.empty()) out += " wired to '" + s.wired_to + "'";
    if (!s.config.is_null()) out += " with " + s.config.dump();
    return out;
}

}  // namespace sim::challenge
