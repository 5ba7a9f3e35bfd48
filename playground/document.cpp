// document.cpp — edits, undo/redo (whole-pattern snapshots: patterns are small) and layout.
#include "document.h"

#include <algorithm>
#include <map>
#include <set>

namespace pg {
namespace {

constexpr std::size_t kMaxUndo = 200;

bool valid_id(const std::string& id) {
    if (id.empty() || id.size() > 64) return false;
    return std::all_of(id.begin(), id.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
    });
}

sim::Json& layout_nodes(sim::Pattern& p) {
    if (!p.layout.is_object()) p.layout = sim::Json::object();
    sim::Json& nodes = p.layout["nodes"];
    if (!nodes.is_object()) nodes = sim::Json::object();
    return nodes;
}

}  // namespace

Document::Document() {
    replace(sim::Pattern{}, "new");
    undo_.clear();
}

// ---- Undo machinery --------------------------------------------------------------------------------
void Document::checkpoint(const std::string& label, bool semantic, GestureId gesture) {
    redo_.clear();
    if (gesture != 0 && !undo_.empty() && undo_.back().gesture == gesture) {
        undo_.back().semantic = undo_.back().semantic || semantic;
        return;
    }
    undo_.push_back(Snapshot{pattern_, selection_, label, semantic, gesture});
    if (undo_.size() > kMaxUndo) undo_.erase(undo_.begin());
}

void Document::changed(bool semantic) {
    ++rev_;
    if (semantic) ++semantic_rev_;
}

void Document::restore(Snapshot& from, std::vector<Snapshot>& push_to) {
    push_to.push_back(Snapshot{pattern_, selection_, from.label, from.semantic, 0});
    const bool semantic = from.semantic;
    pattern_ = std::move(from.pattern);
    selection_ = std::move(from.selection);
    changed(semantic);
}

void Document::undo() {
    if (undo_.empty()) return;
    Snapshot s = std::move(undo_.back());
    undo_.pop_back();
    restore(s, redo_);
}

void Document::redo() {
    if (redo_.empty()) return;
    Snapshot s = std::move(redo_.back());
    redo_.pop_back();
    restore(s, undo_);
}

const std::string& Document::undo_label() const {
    static const std::string none;
    return undo_.empty() ? none : undo_.back().label;
}

const std::string& Document::redo_label() const {
    static const std::string none;
    return redo_.empty() ? none : redo_.back().label;
}

// ---- Whole-document changes ---------------------------------------------------------------------------
void Document::replace(sim::Pattern pattern, const std::string& label) {
    checkpoint(label, true);
    pattern_ = std::move(pattern);
    selection_ = {};
    place_unpositioned_nodes();
    changed(true);
}

// Nodes without a layout entry are placed in columns by their distance from a source (the first
// node without incoming edges), so a hand-written pattern still reads left to right.
void Document::place_unpositioned_nodes() {
    sim::Json& nodes = layout_nodes(pattern_);
    std::map<std::string, int> depth;
    for (const auto& n : pattern_.nodes) depth[n.id] = 0;
    for (std::size_t pass = 0; pass < pattern_.nodes.size(); ++pass) {
        bool moved = false;
        for (const auto& e : pattern_.edges) {
            if (!depth.count(e.from) || !depth.count(e.to) || e.from == e.to) continue;
            if (depth[e.to] < depth[e.from] + 1 && depth[e.from] + 1 < 64) {
                depth[e.to] = depth[e.from] + 1;
                moved = true;
            }
        }
        if (!moved) break;
    }
    std::map<int, int> rows;
    for (const auto& n : pattern_.nodes) {
        const sim::Json& at = nodes.contains(n.id) ? nodes[n.id] : sim::Json();
        if (at.is_object() && at.contains("x") && at["x"].is_number() && at.contains("y") && at["y"].is_number())
            continue;
        const int col = depth[n.id];
        const int row = rows[col]++;
        nodes[n.id] = {{"x", 40 + col * 240}, {"y", 60 + row * 130}};
    }
}

// ---- Node and edge edits ---------------------------------------------------------------------------------
std::string Document::unique_id(const std::string& type) const {
    std::string base = type.empty() ? "node" : type;
    if (!pattern_.find_node(base)) return base;
    for (int i = 2;; ++i) {
        std::string id = base + "-" + std::to_string(i);
        if (!pattern_.find_node(id)) return id;
    }
}

std::string Document::add_node(const std::string& type, Vec2f pos) {
    checkpoint("add " + type, true);
    sim::NodeSpec n;
    n.id = unique_id(type);
    n.type = type;
    pattern_.nodes.push_back(n);
    set_position(n.id, pos);
    selection_ = {};
    selection_.nodes.push_back(n.id);
    changed(true);
    return n.id;
}

void Document::move_nodes(const std::vector<std::string>& ids, Vec2f delta, GestureId gesture) {
    if (ids.empty() || (delta.x == 0 && delta.y == 0)) return;
    checkpoint(ids.size() == 1 ? "move " + ids[0] : "move " + std::to_string(ids.size()) + " nodes", false, gesture);
    for (const auto& id : ids) {
        Vec2f p = position(id);
        set_position(id, {p.x + delta.x, p.y + delta.y});
    }
    changed(false);
}

void Document::delete_selection() {
    if (selection_.empty()) return;
    const std::set<std::string> gone(selection_.nodes.begin(), selection_.nodes.end());
    checkpoint(gone.empty() ? "delete link" : "delete " + std::to_string(gone.size()) + " node(s)", true);
    std::vector<sim::EdgeSpec> edges;
    for (std::size_t i = 0; i < pattern_.edges.size(); ++i) {
        const auto& e = pattern_.edges[i];
        if (static_cast<int>(i) == selection_.edge) continue;
        if (gone.count(e.from) || gone.count(e.to)) continue;
        edges.push_back(e);
    }
    pattern_.edges = std::move(edges);
    std::erase_if(pattern_.nodes, [&](const sim::NodeSpec& n) { return gone.count(n.id) > 0; });
    std::erase_if(pattern_.traffic, [&](const sim::TrafficSpec& t) { return gone.count(t.source) > 0; });
    sim::Json& nodes = layout_nodes(pattern_);
    for (const auto& id : gone) nodes.erase(id);
    selection_ = {};
    changed(true);
}

void Document::duplicate_selection() {
    if (selection_.nodes.empty()) return;
    checkpoint("duplicate", true);
    std::map<std::string, std::string> renamed;
    for (const auto& id : selection_.nodes) {
        const sim::NodeSpec* src = pattern_.find_node(id);
        if (!src) continue;
        sim::NodeSpec copy = *src;
        copy.id = unique_id(src->type);
        renamed[id] = copy.id;
        const Vec2f p = position(id);
        pattern_.nodes.push_back(copy);
        set_position(copy.id, {p.x + 32, p.y + 32});
    }
    // Links between copied nodes are copied too, so a duplicated sub-graph stays wired.
    const std::size_t edge_count = pattern_.edges.size();
    for (std::size_t i = 0; i < edge_count; ++i) {
        const sim::EdgeSpec e = pattern_.edges[i];
        if (renamed.count(e.from) && renamed.count(e.to)) {
            sim::EdgeSpec c = e;
            c.from = renamed[e.from];
            c.to = renamed[e.to];
            pattern_.edges.push_back(c);
        }
    }
    selection_ = {};
    for (const auto& [from, to] : renamed) selection_.nodes.push_back(to);
    changed(true);
}

bool Document::connect(const std::string& from, const std::string& port, const std::string& to, GestureId gesture) {
    for (const auto& e : pattern_.edges)
        if (e.from == from && e.port == port && e.to == to) return false;
    checkpoint("connect " + from + " → " + to, true, gesture);
    sim::EdgeSpec e;
    e.from = from;
    e.port = port;
    e.to = to;
    pattern_.edges.push_back(e);
    selection_ = {};
    selection_.edge = static_cast<int>(pattern_.edges.size() - 1);
    changed(true);
    return true;
}

void Document::set_node_config(const std::string& id, const sim::Json& config, GestureId gesture) {
    const int i = pattern_.node_index(id);
    if (i < 0 || pattern_.nodes[static_cast<std::size_t>(i)].config == config) return;
    checkpoint("edit " + id, true, gesture);
    pattern_.nodes[static_cast<std::size_t>(i)].config = config;
    changed(true);
}

void Document::set_edge_config(int edge, const sim::Json& config, GestureId gesture) {
    if (edge < 0 || edge >= static_cast<int>(pattern_.edges.size())) return;
    auto& e = pattern_.edges[static_cast<std::size_t>(edge)];
    if (e.config == config) return;
    checkpoint("edit link", true, gesture);
    e.config = config;
    changed(true);
}

bool Document::rename_node(const std::string& from, const std::string& to) {
    if (from == to) return true;
    if (!valid_id(to) || pattern_.find_node(to) || !pattern_.find_node(from)) return false;
    checkpoint("rename " + from, true);
    for (auto& n : pattern_.nodes)
        if (n.id == from) n.id = to;
    for (auto& e : pattern_.edges) {
        if (e.from == from) e.from = to;
        if (e.to == from) e.to = to;
    }
    for (auto& t : pattern_.traffic)
        if (t.source == from) t.source = to;
    sim::Json& nodes = layout_nodes(pattern_);
    if (nodes.contains(from)) {
        nodes[to] = nodes[from];
        nodes.erase(from);
    }
    for (auto& id : selection_.nodes)
        if (id == from) id = to;
    changed(true);
    return true;
}

// ---- Selection and positions ----------------------------------------------------------------------------
bool Document::is_selected(const std::string& id) const {
    return std::find(selection_.nodes.begin(), selection_.nodes.end(), id) != selection_.nodes.end();
}

void Document::select_only(const std::string& id) {
    selection_ = {};
    if (pattern_.find_node(id)) selection_.nodes.push_back(id);
}

Vec2f Document::position(const std::string& id) const {
    const sim::Json& layout = pattern_.layout;
    if (!layout.is_object()) return {};
    auto nodes = layout.find("nodes");
    if (nodes == layout.end() || !nodes->is_object()) return {};
    auto at = nodes->find(id);
    if (at == nodes->end() || !at->is_object()) return {};
    Vec2f p;
    if (auto x = at->find("x"); x != at->end() && x->is_number()) p.x = x->get<float>();
    if (auto y = at->find("y"); y != at->end() && y->is_number()) p.y = y->get<float>();
    return p;
}

void Document::set_position(const std::string& id, Vec2f pos) {
    // Whole canvas units keep saved files tidy and diffs small.
    layout_nodes(pattern_)[id] = {{"x", static_cast<int>(pos.x + (pos.x >= 0 ? 0.5f : -0.5f))},
                                  {"y", static_cast<int>(pos.y + (pos.y >= 0 ? 0.5f : -0.5f))}};
}

}  // namespace pg
