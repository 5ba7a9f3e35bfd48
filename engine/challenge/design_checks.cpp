// design_checks.cpp — checks measured from the solution's design alone: node types and config,
// wiring, paths through the graph, fan-out, and nodes kept from the starting canvas.
#include "challenge/check_eval.h"
#include "challenge/check_spec.h"
#include "challenge/selector.h"
#include "services/all_services.h"

#include <algorithm>
#include <deque>

namespace sim::challenge {

namespace {

std::string node_label(const Pattern& p, std::size_t i) {
    return "'" + p.nodes[i].id + "' (" + type_labels({p.nodes[i].type}) + ")";
}

std::string join_ids(const Pattern& p, const std::vector<std::size_t>& nodes) {
    std::string out;
    for (std::size_t k = 0; k < nodes.size(); ++k) out += (k ? ", '" : "'") + p.nodes[nodes[k]].id + "'";
    return out;
}

// Breadth-first search over edges from `from`; parent[i] is the predecessor (SIZE_MAX: unreached).
std::vector<std::size_t> reach(const Pattern& p, std::size_t from) {
    std::vector<std::size_t> parent(p.nodes.size(), SIZE_MAX);
    parent[from] = from;
    std::deque<std::size_t> todo{from};
    while (!todo.empty()) {
        const std::size_t at = todo.front();
        todo.pop_front();
        for (const auto& e : p.edges) {
            if (e.from != p.nodes[at].id) continue;
            const int to = p.node_index(e.to);
            if (to < 0 || parent[static_cast<std::size_t>(to)] != SIZE_MAX) continue;
            parent[static_cast<std::size_t>(to)] = at;
            todo.push_back(static_cast<std::size_t>(to));
        }
    }
    return parent;
}

std::vector<std::size_t> path_to(const std::vector<std::size_t>& parent, std::size_t to) {
    std::vector<std::size_t> out;
    if (parent[to] == SIZE_MAX) return out;
    for (std::size_t at = to;; at = parent[at]) {
        out.insert(out.begin(), at);
        if (parent[at] == at) break;
    }
    return out;
}

std::string path_text(const Pattern& p, const std::vector<std::size_t>& path) {
    std::string out;
    for (std::size_t k = 0; k < path.size(); ++k) out += (k ? " → '" : "'") + p.nodes[path[k]].id + "'";
    return out;
}

// A path from a `from` node to a `to` node (through a `via` node when given); empty when none.
std::vector<std::size_t> find_path(const Pattern& p, const Selector& from, const Selector& to, const Selector* via) {
    for (std::size_t f : select_nodes(p, from)) {
        const auto parent = reach(p, f);
        if (!via) {
            for (std::size_t t : select_nodes(p, to))
                if (t != f && parent[t] != SIZE_MAX) return path_to(parent, t);
            continue;
        }
        for (std::size_t v : select_nodes(p, *via)) {
            if (parent[v] == SIZE_MAX || v == f) continue;
            const auto parent2 = reach(p, v);
            for (std::size_t t : select_nodes(p, to)) {
                if (t == v || parent2[t] == SIZE_MAX) continue;
                auto first = path_to(parent, v);
                auto second = path_to(parent2, t);
                first.insert(first.end(), second.begin() + 1, second.end());
                return first;
            }
        }
    }
    return {};
}

// Which config keys differ between two config objects (top level), for "changed: ErrorRate".
std::string changed_keys(const Json& a, const Json& b) {
    std::string out;
    auto add = [&](const std::string& k) { out += (out.empty() ? "" : ", ") + k; };
    for (auto it = a.begin(); it != a.end(); ++it)
        if (!b.contains(it.key()) || b[it.key()] != it.value()) add(it.key());
    for (auto it = b.begin(); it != b.end(); ++it)
        if (!a.contains(it.key())) add(it.key());
    return out;
}

}  // namespace

CheckResult evaluate_design_check(const Challenge& ch, const Check& c, const Pattern& p) {
    CheckResult r{c.id, c.kind, c.run, c.description, false, ""};
    const Json& s = c.spec;
    if (c.kind == "no_always_on") {
        std::string found;
        for (std::size_t i = 0; i < p.nodes.size(); ++i) {
            const NodeSpec& n = p.nodes[i];
            std::string why;
            if (default_registry().role_of(n.type) == ServiceRole::Server)
                why = node_label(p, i) + " runs all the time";
            if (n.type == "aurora") {
                // Aurora Serverless v2 pauses only with MinCapacity 0 (auto-pause); otherwise it bills ≥ MinCapacity
                // ACUs.
                double min_acu = 0.5;
                const Json* sc = n.config.contains("ServerlessV2ScalingConfiguration")
                                     ? &n.config["ServerlessV2ScalingConfiguration"]
                                     : nullptr;
                if (sc && sc->is_object() && sc->contains("MinCapacity") && (*sc)["MinCapacity"].is_number())
                    min_acu = (*sc)["MinCapacity"].get<double>();
                if (min_acu > 0)
                    why = node_label(p, i) + " has MinCapacity " + fmt_number(min_acu) + " ACU, so it never pauses";
            }
            if (!why.empty()) found += (found.empty() ? "" : "; ") + why;
        }
        r.passed = found.empty();
        r.measured = r.passed ? "none: everything scales to zero" : found;
    } else if (c.kind == "no_node_type") {
        Selector sel;
        sel.types = s["types"].is_array() ? s["types"].get<std::vector<std::string>>()
                                          : std::vector<std::string>{s["types"].get<std::string>()};
        const auto nodes = select_nodes(p, sel);
        r.passed = nodes.empty();
        r.measured = r.passed ? "none used" : "uses " + join_ids(p, nodes);
    } else if (c.kind == "node_exists") {
        const auto nodes = select_nodes(p, spec_selector(s, "select"));
        const std::size_t min = static_cast<std::size_t>(s.value("min", 1.0));
        r.passed = nodes.size() >= min;
        r.measured = nodes.empty() ? "none found" : "found " + join_ids(p, nodes);
    } else if (c.kind == "wired") {
        const Selector from = spec_selector(s, "from"), to = spec_selector(s, "to");
        const std::string port = s.value("port", "");
        const std::size_t need = static_cast<std::size_t>(s.value("min_targets", 1.0));
        std::size_t best_from = SIZE_MAX;
        std::vector<std::size_t> best;
        for (std::size_t f : select_nodes(p, from)) {
            std::vector<std::size_t> targets;
            for (const auto& e : p.edges) {
                const int t = p.node_index(e.to);
                if (e.from != p.nodes[f].id || t < 0 || (!port.empty() && e.port != port)) continue;
                if (!node_matches(p, static_cast<std::size_t>(t), to)) continue;
                if (std::find(targets.begin(), targets.end(), static_cast<std::size_t>(t)) == targets.end())
                    targets.push_back(static_cast<std::size_t>(t));
            }
            if (best_from == SIZE_MAX || targets.size() > best.size()) best_from = f, best = targets;
        }
        r.passed = best_from != SIZE_MAX && best.size() >= need;
        if (best_from == SIZE_MAX)
            r.measured = "no " + describe_selector(from).substr(describe_selector(from).find(' ') + 1) + " found";
        else if (best.empty())
            r.measured = "'" + p.nodes[best_from].id + "' is not wired to " + describe_selector(to);
        else
            r.measured = "'" + p.nodes[best_from].id + "' → " + join_ids(p, best);
        if (best_from != SIZE_MAX && need > 1)
            r.measured += " (" + std::to_string(best.size()) + " of " + std::to_string(need) + ")";
    } else if (c.kind == "path") {
        const Selector from = spec_selector(s, "from"), to = spec_selector(s, "to");
        Selector via;
        if (s.contains("via")) via = spec_selector(s, "via");
        const auto path = find_path(p, from, to, s.contains("via") ? &via : nullptr);
        r.passed = !path.empty();
        r.measured = r.passed ? path_text(p, path) : "no such path";
    } else if (c.kind == "fan_out") {
        const Selector via = spec_selector(s, "via");
        std::vector<Selector> to;
        for (const auto& t : s["to"]) {
            Diagnostics ignored;
            to.push_back(*parse_selector(t, "", ignored));
        }
        std::size_t best_hits = 0;
        std::string best_text = "no " + describe_selector(via).substr(describe_selector(via).find(' ') + 1) + " found";
        for (std::size_t v : select_nodes(p, via)) {
            const auto parent = reach(p, v);
            std::string reached, missed;
            std::size_t hits = 0;
            for (const auto& sel : to) {
                bool hit = false;
                for (std::size_t t : select_nodes(p, sel)) hit = hit || (t != v && parent[t] != SIZE_MAX);
                (hit ? reached : missed) +=
                    std::string((hit ? reached : missed).empty() ? "" : ", ") + describe_selector(sel);
                hits += hit;
            }
            if (hits == to.size()) {
                r.passed = true;
                best_text = "'" + p.nodes[v].id + "' reaches all " + std::to_string(to.size());
                break;
            }
            if (best_hits == 0 || hits > best_hits) {
                best_hits = hits;
                best_text = "'" + p.nodes[v].id + "' reaches " + (reached.empty() ? "none of them" : reached) +
                            " but not " + missed;
            }
        }
        r.measured = best_text;
    } else if (c.kind == "keeps_start") {
        std::vector<std::string> ids;
        if (s.contains("nodes"))
            ids = s["nodes"].is_array() ? s["nodes"].get<std::vector<std::string>>()
                                        : std::vector<std::string>{s["nodes"].get<std::string>()};
        else
            for (const auto& n : ch.start.nodes) ids.push_back(n.id);
        std::string problems;
        for (const auto& id : ids) {
            const NodeSpec* want = ch.start.find_node(id);
            const NodeSpec* have = p.find_node(id);
            std::string why;
            if (!have)
                why = "'" + id + "' is missing";
            else if (want && have->type != want->type)
                why = "'" + id + "' became " + have->type;
            else if (want && have->config != want->config)
                why = "'" + id + "' changed " + changed_keys(want->config, have->config);
            if (!why.empty()) problems += (problems.empty() ? "" : "; ") + why;
        }
        r.passed = problems.empty();
        r.measured = r.passed ? "all " + std::to_string(ids.size()) + " kept" : problems;
    }
    return r;
}

}  // namespace sim::challenge
