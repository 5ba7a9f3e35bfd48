// node_layout.cpp — node boxes, port positions and link curves.
#include "canvas/node_layout.h"

#include <algorithm>
#include <cmath>
#include <string_view>
#include <unordered_map>

namespace pg {

float node_height(const sim::ServiceKind* kind) {
    const std::size_t outputs = kind ? kind->ports.size() : 1;
    return std::max(kNodeMinHeight, 30.0f + kPortSpacing * static_cast<float>(outputs));
}

std::vector<NodeShape> layout_nodes(const Document& doc, const sim::Registry& registry) {
    std::vector<NodeShape> out;
    out.reserve(doc.pattern().nodes.size());
    for (const auto& n : doc.pattern().nodes) {
        NodeShape s;
        s.spec = &n;
        s.kind = registry.find(n.type);
        s.has_input = !s.kind || s.kind->accepts_input;
        if (s.kind)
            for (const auto& p : s.kind->ports) s.outputs.push_back({p.name, p.label, {}});
        else
            s.outputs.push_back({"out", "out", {}});
        const float h = node_height(s.kind);
        const Vec2f pos = doc.position(n.id);
        s.box = {pos, {pos.x + kNodeWidth, pos.y + h}};
        s.input = {pos.x, pos.y + h * 0.5f};
        const float first = pos.y + h * 0.5f - kPortSpacing * 0.5f * static_cast<float>(s.outputs.size() - 1);
        for (std::size_t i = 0; i < s.outputs.size(); ++i)
            s.outputs[i].at = {pos.x + kNodeWidth, first + kPortSpacing * static_cast<float>(i)};
        out.push_back(std::move(s));
    }
    return out;
}

std::vector<EdgeShape> layout_edges(const Document& doc, const std::vector<NodeShape>& nodes) {
    std::vector<EdgeShape> out;
    const auto& p = doc.pattern();
    out.reserve(p.edges.size());
    std::unordered_map<std::string_view, int> index;  // ids are unique in a valid pattern; first wins
    for (std::size_t i = 0; i < nodes.size(); ++i) index.emplace(nodes[i].spec->id, static_cast<int>(i));
    auto find = [&](const std::string& id) {
        auto it = index.find(id);
        return it == index.end() ? -1 : it->second;
    };
    for (std::size_t i = 0; i < p.edges.size(); ++i) {
        const auto& e = p.edges[i];
        EdgeShape s;
        s.edge = static_cast<int>(i);
        s.from = find(e.from);
        s.to = find(e.to);
        if (s.from < 0 || s.to < 0) {
            out.push_back(s);
            continue;
        }
        const NodeShape& a = nodes[static_cast<std::size_t>(s.from)];
        const NodeShape& b = nodes[static_cast<std::size_t>(s.to)];
        s.p0 = a.outputs.empty() ? Vec2f{a.box.max.x, (a.box.min.y + a.box.max.y) * 0.5f} : a.outputs[0].at;
        for (const auto& port : a.outputs)
            if (port.name == e.port) s.p0 = port.at;
        s.p3 = b.input;
        // Horizontal tangents; backward links loop out further so they do not cut through nodes.
        const float dx = s.p3.x - s.p0.x;
        const float reach = dx > 0 ? std::max(40.0f, dx * 0.45f) : std::min(240.0f, 60.0f + std::fabs(dx) * 0.35f);
        s.p1 = {s.p0.x + reach, s.p0.y};
        s.p2 = {s.p3.x - reach, s.p3.y};
        out.push_back(s);
    }
    return out;
}

Vec2f bezier_at(const EdgeShape& e, float t) {
    const float u = 1 - t;
    const float a = u * u * u, b = 3 * u * u * t, c = 3 * u * t * t, d = t * t * t;
    return {a * e.p0.x + b * e.p1.x + c * e.p2.x + d * e.p3.x, a * e.p0.y + b * e.p1.y + c * e.p2.y + d * e.p3.y};
}

float bezier_distance_sq(const EdgeShape& e, Vec2f p) {
    float best = 1e30f;
    constexpr int kSamples = 24;
    Vec2f prev = e.p0;
    for (int i = 1; i <= kSamples; ++i) {
        const Vec2f cur = bezier_at(e, static_cast<float>(i) / kSamples);
        // distance to the segment prev-cur
        const float vx = cur.x - prev.x, vy = cur.y - prev.y;
        const float len = vx * vx + vy * vy;
        float t = len > 0 ? ((p.x - prev.x) * vx + (p.y - prev.y) * vy) / len : 0;
        t = std::clamp(t, 0.0f, 1.0f);
        const float qx = prev.x + vx * t - p.x, qy = prev.y + vy * t - p.y;
        best = std::min(best, qx * qx + qy * qy);
        prev = cur;
    }
    return best;
}

Rect diagram_bounds(const std::vector<NodeShape>& nodes) {
    if (nodes.empty()) return {};
    Rect r = nodes[0].box;
    for (const auto& n : nodes) {
        r.min.x = std::min(r.min.x, n.box.min.x);
        r.min.y = std::min(r.min.y, n.box.min.y);
        r.max.x = std::max(r.max.x, n.box.max.x);
        r.max.y = std::max(r.max.y, n.box.max.y);
    }
    return r;
}

}  // namespace pg
