// node_layout.h — where each node, port and link is in world units. Derived every frame from the
// document and the registry (ports come from the service kind, so new services need no UI code).
#pragma once

#include "canvas/view.h"
#include "core/registry.h"
#include "document.h"

#include <string>
#include <vector>

namespace pg {

inline constexpr float kNodeWidth = 156;
inline constexpr float kNodeMinHeight = 62;
inline constexpr float kPortSpacing = 20;
inline constexpr float kPortRadius = 5.5f;

struct PortShape {
    std::string name;   // "out", "dlq", ...
    std::string label;  // "dead-letter queue"
    Vec2f at;
};

struct NodeShape {
    const sim::NodeSpec* spec = nullptr;
    const sim::ServiceKind* kind = nullptr;  // null: unknown type (drawn with an error badge)
    Rect box;
    bool has_input = true;
    Vec2f input;
    std::vector<PortShape> outputs;
};

struct EdgeShape {
    int edge = 0;            // index into pattern.edges
    int from = -1, to = -1;  // indices into the shapes vector; -1 when an end is missing
    Vec2f p0, p1, p2, p3;    // cubic bezier control points
};

// Height of a node of this kind (null: unknown type) in canvas units.
float node_height(const sim::ServiceKind* kind);
std::vector<NodeShape> layout_nodes(const Document& doc, const sim::Registry& registry);
std::vector<EdgeShape> layout_edges(const Document& doc, const std::vector<NodeShape>& nodes);
// Point on a cubic bezier at t in [0,1].
Vec2f bezier_at(const EdgeShape& e, float t);
// Squared distance from p to the curve (sampled); used for picking links.
float bezier_distance_sq(const EdgeShape& e, Vec2f p);
// The bounding box of all nodes; an empty rect when there are none.
Rect diagram_bounds(const std::vector<NodeShape>& nodes);

}  // namespace pg
