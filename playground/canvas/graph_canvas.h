// graph_canvas.h — our node canvas on ImGui draw lists: nodes with ports, links as curves with
// arrowheads and labels, live badges and message dots. Interaction: drag to move, box-select,
// delete/duplicate (via the app's shortcuts), pan (middle/right drag, Space+drag, trackpad),
// zoom (wheel, pinch), fit, and port-to-port wiring.
// The canvas reads the Document and proposes edits (canvas_edit.h); the app applies or refuses
// them. It never changes the Document or touches the simulation.
#pragma once

#include "canvas/canvas_edit.h"
#include "canvas/node_layout.h"
#include "canvas/view.h"
#include "document.h"
#include "theme.h"

#include <array>
#include <cstdint>
#include <string>
#include <vector>

namespace pg {

// Live numbers for one node, from the simulation snapshot (all zero when not running).
struct NodeBadges {
    std::int64_t concurrency = 0, queue = 0;
    std::uint64_t errors = 0, throttles = 0, cold_starts = 0, invocations = 0;
};

// One message travelling along link `edge`, `t` in [0,1] from source to target.
struct LinkDot {
    int edge = 0;
    float t = 0;
    ImU32 colour = 0;
};

struct CanvasOverlay {
    std::vector<NodeBadges> badges;          // parallel to pattern.nodes; may be empty
    std::vector<std::string> node_problems;  // parallel to pattern.nodes: first diagnostic, or ""
    std::vector<std::string> edge_problems;  // parallel to pattern.edges
    std::vector<bool> edge_unused;           // parallel to pattern.edges: its source never sends over it
    std::vector<LinkDot> dots;
    std::vector<double> link_rate;           // parallel to pattern.edges: deliveries per sim second
    std::vector<std::uint32_t> link_hidden;  // per edge: dots not drawn (aggregated), for the label
};

// The last wiring attempt the app refused (the app shows it in a banner, notices.h), for the API.
struct Refusal {
    std::string text;
};

class GraphCanvas {
public:
    // Handles this frame's input over the canvas, which fills the current ImGui window's content
    // region, and returns the edits it proposes. The app applies them before calling draw().
    CanvasEdits interact(const Document& doc, const Theme& theme, const sim::Registry& registry);
    // Draws the canvas as the document now is (after the app applied or refused the proposals).
    void draw(const Document& doc, const Theme& theme, const sim::Registry& registry, const CanvasOverlay& overlay);
    // Off: the canvas offers only looking (select, pan, zoom): a port or node drag starts nothing.
    void set_editable(bool editable) { editable_ = editable; }
    // The gesture in progress: "none", "move", "box", "wire" or "pan" (for the automation API).
    const char* gesture_name() const;
    // Records that a proposal was refused and why (the app shows it: notices.h).
    void refuse(std::string why);
    void request_fit() { fit_pending_ = true; }
    // Pans the view next frame so the node is in it (centred) when any of it is outside.
    void reveal(std::string node_id) { reveal_ = std::move(node_id); }
    bool fit_pending() const { return fit_pending_; }
    // Message dots drawn last frame: dense links draw one dot where several would cover each other.
    std::size_t dots_drawn() const { return dots_drawn_; }
    // Each node's title as the last frame drew it (parallel to shapes(); empty text: not drawn).
    struct DrawnTitle {
        std::string text;
        float size = 0;               // font size, screen px
        std::array<float, 3> icon{};  // the service icon's top-left x, y and side, screen px (side 0: none)
    };
    const std::vector<DrawnTitle>& drawn_titles() const { return titles_; }
    // The link labels the last frame drew (screen px); a label with no free spot is left out.
    struct DrawnLabel {
        int edge = 0;  // index into pattern.edges
        Rect rect;
    };
    const std::vector<DrawnLabel>& drawn_labels() const { return labels_; }
    // The link curves as last laid out (world units; parallel to nothing: EdgeShape::edge).
    const std::vector<EdgeShape>& edge_shapes() const { return edges_; }
    CanvasView& view() { return view_; }
    const CanvasView& view() const { return view_; }
    const Refusal& last_refusal() const { return refusal_; }
    std::uint64_t refusals() const { return refusal_count_; }
    // The node shapes of `doc` as it is now (world units). Shapes point into the pattern, so a call
    // after an edit or a load that no frame has drawn yet lays them out again first: the API and the
    // panels drawn after the canvas never read a node that is gone.
    const std::vector<NodeShape>& shapes(const Document& doc) const;
    // Where a palette item clicked (not dragged) goes: the free spot nearest the view centre, in view
    // where there is room (nodes never stack).
    Vec2f free_spot(const Document& doc, const std::string& type) const;

private:
    enum class Mode { Idle, DragNodes, BoxSelect, Wire, Pan };
    struct Hit {
        int node = -1;      // index into nodes_
        int out_port = -1;  // index into nodes_[node].outputs when over an output port
        bool in_port = false;
        int edge = -1;  // index into pattern.edges when over a link
    };

    Hit hit_test(Vec2f world) const;
    void handle_input(const Document& doc, bool hovered, CanvasEdits& out);
    void press(const Document& doc, CanvasEdits& out);
    void finish_wire(const Hit& hit, CanvasEdits& out) const;
    void handle_wheel();
    void reveal_node(const std::string& id);
    void draw_zoom_controls(const Theme& theme);

    void relayout_if_edited(const Document& doc, const sim::Registry& registry) const;
    // drawing (canvas_draw.cpp)
    void draw_grid(ImDrawList* dl, const Theme& theme) const;
    void draw_edges(ImDrawList* dl, const Document& doc, const Theme& theme, const CanvasOverlay& overlay) const;
    void draw_edge_labels(ImDrawList* dl, const Document& doc, const Theme& theme, const CanvasOverlay& overlay) const;
    void draw_dots(ImDrawList* dl, const Theme& theme, const CanvasOverlay& overlay) const;
    void draw_nodes(ImDrawList* dl, const Document& doc, const Theme& theme, const CanvasOverlay& overlay) const;
    void draw_wire_preview(ImDrawList* dl, const Theme& theme, const sim::Registry& registry) const;

    CanvasView view_;
    mutable std::vector<NodeShape> nodes_;  // a cache of the layout of laid_out_doc_ (relayout_if_edited)
    mutable std::vector<EdgeShape> edges_;
    Mode mode_ = Mode::Idle;
    Hit hover_;
    ImVec2 press_pos_;
    Vec2f drag_carry_;         // sub-unit drag remainder (positions are whole units)
    bool drag_moved_ = false;  // this drag has proposed a move (later moves join its undo step)
    bool editable_ = true;
    bool hovered_ = false;  // the canvas item was hovered this frame (interact → draw)
    int wire_node_ = -1, wire_port_ = -1;
    Refusal refusal_;
    std::uint64_t refusal_count_ = 0;
    bool fit_pending_ = true;
    std::string reveal_;                              // a node to pan into view next frame (reveal)
    mutable const Document* laid_out_doc_ = nullptr;  // nodes_/edges_ are of this document at this revision
    mutable std::uint64_t laid_out_rev_ = 0;
    mutable const sim::Registry* laid_out_registry_ = nullptr;
    mutable std::vector<std::uint64_t> dot_cells_;  // draw_dots: occupied (cell, colour) keys
    mutable std::size_t dots_drawn_ = 0;
    mutable std::vector<DrawnTitle> titles_;  // draw_nodes: what each node's title showed
    mutable std::vector<DrawnLabel> labels_;  // draw_edge_labels: where each drawn label went
    bool box_additive_ = false;
    bool right_press_ = false;  // the pan in progress began with a right press (a click opens a menu)
    Hit right_hit_;             // what that press was over
};

}  // namespace pg
