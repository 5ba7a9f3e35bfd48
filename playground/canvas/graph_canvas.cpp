// graph_canvas.cpp — canvas input: hit testing, selection, dragging, box-select, wiring, pan/zoom.
// Input becomes proposals (canvas_edit.h) for the app; only the view (pan/zoom) is the canvas's own.
// Drawing is in canvas_draw.cpp.
#include "canvas/graph_canvas.h"
#include "canvas/view_gesture.h"
#include "services/all_services.h"

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <cstdio>
#include <set>

namespace pg {
namespace {

float dist_sq(Vec2f a, Vec2f b) {
    return (a.x - b.x) * (a.x - b.x) + (a.y - b.y) * (a.y - b.y);
}

// Two-finger pan / pinch and Ctrl+wheel (view_gesture.h), applied when their centre is on the canvas.
void apply_view_gesture(CanvasView& view) {
    ViewGesture& g = pending_view_gesture();
    if (!g.pending()) return;
    const ImVec2 o = view.origin(), s = view.size();
    if (ImGui::IsWindowHovered() && ImGui::IsMouseHoveringRect(o, ImVec2(o.x + s.x, o.y + s.y), false)) {
        view.pan_by(g.pan);
        view.zoom_at(g.centre, g.zoom);
    }
    g = {};
}

}  // namespace

// Shapes point into the pattern: they are laid out again after any edit (every edit bumps the
// document's revision), not every frame.
void GraphCanvas::relayout_if_edited(const Document& doc, const sim::Registry& registry) const {
    if (&doc == laid_out_doc_ && doc.revision() == laid_out_rev_ && &registry == laid_out_registry_) return;
    nodes_ = layout_nodes(doc, registry);
    edges_ = layout_edges(doc, nodes_);
    laid_out_doc_ = &doc;
    laid_out_rev_ = doc.revision();
    laid_out_registry_ = &registry;
}

const std::vector<NodeShape>& GraphCanvas::shapes(const Document& doc) const {
    relayout_if_edited(doc, laid_out_registry_ ? *laid_out_registry_ : sim::default_registry());
    return nodes_;
}

CanvasEdits GraphCanvas::interact(const Document& doc, const Theme& theme, const sim::Registry& registry) {
    CanvasEdits edits;
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    ImVec2 size = ImGui::GetContentRegionAvail();
    size.x = std::max(size.x, 1.0f);
    size.y = std::max(size.y, 1.0f);
    view_.set_frame(origin, size, theme.scale());
    relayout_if_edited(doc, registry);
    if (fit_pending_ && size.x > 8 && size.y > 8) {
        if (!nodes_.empty())
            view_.fit(diagram_bounds(nodes_));
        else
            view_ = CanvasView::at(view_.origin(), view_.size(), view_.ui_scale());  // an empty canvas starts at 100%
        fit_pending_ = false;
    }
    if (!reveal_.empty()) {
        reveal_node(reveal_);
        reveal_.clear();
    }

    ImGui::SetNextItemAllowOverlap();  // the zoom buttons and narrow-layout "Add" sit on top
    ImGui::InvisibleButton(
        "##canvas", size,
        ImGuiButtonFlags_MouseButtonLeft | ImGuiButtonFlags_MouseButtonRight | ImGuiButtonFlags_MouseButtonMiddle);
    hovered_ = ImGui::IsItemHovered();
    if (editable_ && ImGui::BeginDragDropTarget()) {
        if (const ImGuiPayload* p = ImGui::AcceptDragDropPayload("PG_KIND")) {
            const std::string type(static_cast<const char*>(p->Data), static_cast<std::size_t>(p->DataSize));
            Vec2f at = view_.to_world(ImGui::GetIO().MousePos);
            at.x -= kNodeWidth * 0.5f;
            at.y -= node_height(registry.find(type)) * 0.5f;
            edits.push_back(AddNodeProposal{type, at});
        }
        ImGui::EndDragDropTarget();
    }
    handle_input(doc, hovered_, edits);
    return edits;
}

void GraphCanvas::reveal_node(const std::string& id) {
    for (const auto& n : nodes_) {
        if (n.spec->id != id) continue;
        const ImVec2 a = view_.to_screen(n.box.min), b = view_.to_screen(n.box.max);
        const ImVec2 o = view_.origin(), s = view_.size();
        if (a.x >= o.x && a.y >= o.y && b.x <= o.x + s.x && b.y <= o.y + s.y) return;
        view_.pan_by(ImVec2(o.x + s.x * 0.5f - (a.x + b.x) * 0.5f, o.y + s.y * 0.5f - (a.y + b.y) * 0.5f));
        return;
    }
}

void GraphCanvas::draw(const Document& doc, const Theme& theme, const sim::Registry& registry,
                       const CanvasOverlay& overlay) {
    relayout_if_edited(doc, registry);
    const bool hovered = hovered_;
    const ImVec2 origin = view_.origin(), size = view_.size();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->PushClipRect(origin, ImVec2(origin.x + size.x, origin.y + size.y), true);
    draw_grid(dl, theme);
    draw_edges(dl, doc, theme, overlay);
    draw_dots(dl, theme, overlay);
    draw_nodes(dl, doc, theme, overlay);
    draw_edge_labels(dl, doc, theme, overlay);
    if (mode_ == Mode::Wire) draw_wire_preview(dl, theme, registry);
    if (mode_ == Mode::BoxSelect) {
        const ImVec2 m = ImGui::GetIO().MousePos;
        const ImVec2 a(std::min(press_pos_.x, m.x), std::min(press_pos_.y, m.y));
        const ImVec2 b(std::max(press_pos_.x, m.x), std::max(press_pos_.y, m.y));
        dl->AddRectFilled(a, b, theme.colours().selection_fill);
        dl->AddRect(a, b, theme.colours().selection, 0, 0, theme.px(1));
    }
    if (nodes_.empty()) {
        const char* hint = "Drag services here from the palette, or open a pattern from the Gallery";
        const ImVec2 ts = ImGui::CalcTextSize(hint);
        dl->AddText(ImVec2(origin.x + (size.x - ts.x) * 0.5f, origin.y + size.y * 0.45f), theme.colours().node_muted,
                    hint);
    }
    dl->PopClipRect();
    draw_zoom_controls(theme);

    // Tooltips for what is under the cursor.
    if (hovered && mode_ == Mode::Idle && hover_.node >= 0) {
        const auto i = static_cast<std::size_t>(hover_.node);
        if (hover_.out_port >= 0 && editable_)
            ImGui::SetTooltip("%s — drag to a node to connect",
                              nodes_[i].outputs[static_cast<std::size_t>(hover_.out_port)].label.c_str());
        else if (i < overlay.node_problems.size() && !overlay.node_problems[i].empty())
            ImGui::SetTooltip("%s", overlay.node_problems[i].c_str());
        else if (nodes_[i].kind && hover_.in_port)
            ImGui::SetTooltip("input of %s", nodes_[i].kind->label.c_str());
    } else if (hovered && mode_ == Mode::Idle && hover_.edge >= 0) {
        const auto& e = doc.pattern().edges[static_cast<std::size_t>(hover_.edge)];
        const auto ei = static_cast<std::size_t>(hover_.edge);
        if (ei < overlay.edge_problems.size() && !overlay.edge_problems[ei].empty())
            ImGui::SetTooltip("%s", overlay.edge_problems[ei].c_str());
        else if (ei < overlay.edge_unused.size() && overlay.edge_unused[ei])
            ImGui::SetTooltip(
                "%s never calls %s: no entry of its Actions targets it.\n"
                "Select %s and add an action, e.g. {\"target\": \"%s\", ...}.",
                e.from.c_str(), e.to.c_str(), e.from.c_str(), e.to.c_str());
        else
            ImGui::SetTooltip("%s.%s → %s", e.from.c_str(), e.port.c_str(), e.to.c_str());
    }
}

// Bottom-right corner: zoom out, zoom level (click: 100%), zoom in, fit.
void GraphCanvas::draw_zoom_controls(const Theme& theme) {
    const ImVec2 o = view_.origin(), s = view_.size();
    const float w = theme.px(176);
    ImGui::SetCursorScreenPos(ImVec2(o.x + s.x - w - theme.px(10), o.y + s.y - ImGui::GetFrameHeight() - theme.px(10)));
    const ImVec2 centre(o.x + s.x * 0.5f, o.y + s.y * 0.5f);
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(theme.px(2), 0));
    if (ImGui::Button("-", ImVec2(ImGui::GetFrameHeight(), 0))) view_.zoom_at(centre, 1 / 1.25f);
    ImGui::SameLine();
    char pct[16];
    std::snprintf(pct, sizeof pct, "%d%%", static_cast<int>(view_.zoom() * 100 + 0.5f));
    if (ImGui::Button(pct, ImVec2(theme.px(56), 0))) view_.zoom_at(centre, 1 / view_.zoom());
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("zoom (click for 100%%)");
    ImGui::SameLine();
    if (ImGui::Button("+", ImVec2(ImGui::GetFrameHeight(), 0))) view_.zoom_at(centre, 1.25f);
    ImGui::SameLine();
    if (ImGui::Button("Fit")) fit_pending_ = true;
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("fit the diagram (F)");
    ImGui::PopStyleVar();
}

Vec2f GraphCanvas::free_spot(const Document& doc, const std::string& type) const {
    const float h = node_height(sim::default_registry().find(type));
    const ImVec2 o = view_.origin(), s = view_.size();
    const Vec2f centre = view_.to_world(ImVec2(o.x + s.x * 0.5f, o.y + s.y * 0.5f));
    const Vec2f view_min = view_.to_world(o), view_max = view_.to_world(ImVec2(o.x + s.x, o.y + s.y));
    const std::vector<NodeShape>& nodes = shapes(doc);
    // Grid spots around the view's centre, one node plus a gap apart. The wanted spot is the view's
    // left on an empty canvas, right of the selected node (the one just added: a chain grows left to
    // right), or else the centre; the free spot (its box and a margin touch no node) nearest to it
    // wins, wholly in view when there is one.
    constexpr float kGap = 44, kMargin = 12;
    const float step_x = kNodeWidth + kGap, step_y = h + kGap * 0.75f;
    Vec2f want{centre.x - kNodeWidth * 0.5f, centre.y - h * 0.5f};
    if (nodes.empty()) {
        want.x = view_min.x + kGap;  // the first node starts the chain at the left, leaving room to its right
    } else if (!doc.selection().nodes.empty() && doc.pattern().find_node(doc.selection().nodes.back())) {
        const Vec2f at = doc.position(doc.selection().nodes.back());
        want = {at.x + step_x, at.y};
    }
    Vec2f best{centre.x - kNodeWidth * 0.5f, centre.y - h * 0.5f};
    float best_score = FLT_MAX;
    for (int j = -6; j <= 6; ++j)
        for (int i = -6; i <= 6; ++i) {
            const Vec2f p{centre.x - kNodeWidth * 0.5f + static_cast<float>(i) * step_x,
                          centre.y - h * 0.5f + static_cast<float>(j) * step_y};
            const Rect box{{p.x - kMargin, p.y - kMargin}, {p.x + kNodeWidth + kMargin, p.y + h + kMargin}};
            if (std::any_of(nodes.begin(), nodes.end(), [&](const NodeShape& n) { return n.box.overlaps(box); }))
                continue;
            const bool in_view =
                p.x >= view_min.x && p.y >= view_min.y && p.x + kNodeWidth <= view_max.x && p.y + h <= view_max.y;
            const float score =
                std::hypot(p.x - want.x, p.y - want.y) + (in_view ? 0 : 1e6f) + (i < 0 ? 1 : 0) + (j < 0 ? 0.5f : 0);
            if (score < best_score) {
                best_score = score;
                best = p;
            }
        }
    return best;
}

const char* GraphCanvas::gesture_name() const {
    switch (mode_) {
        case Mode::DragNodes:
            return "move";
        case Mode::BoxSelect:
            return "box";
        case Mode::Wire:
            return "wire";
        case Mode::Pan:
            return "pan";
        case Mode::Idle:
            break;
    }
    return "none";
}

void GraphCanvas::refuse(std::string why) {
    refusal_ = {std::move(why)};
    ++refusal_count_;
}

GraphCanvas::Hit GraphCanvas::hit_test(Vec2f w) const {
    Hit h;
    const float tol = 9.0f / view_.zoom();  // ~9 CSS px whatever the zoom
    for (int i = static_cast<int>(nodes_.size()) - 1; i >= 0; --i) {
        const NodeShape& n = nodes_[static_cast<std::size_t>(i)];
        for (std::size_t p = 0; p < n.outputs.size(); ++p)
            if (dist_sq(w, n.outputs[p].at) <= tol * tol) {
                h.node = i;
                h.out_port = static_cast<int>(p);
                return h;
            }
        if (n.has_input && dist_sq(w, n.input) <= tol * tol) {
            h.node = i;
            h.in_port = true;
            return h;
        }
        if (n.box.contains(w)) {
            h.node = i;
            return h;
        }
    }
    const float etol = 6.0f / view_.zoom();
    float best = etol * etol;
    for (const auto& e : edges_) {
        if (e.from < 0 || e.to < 0) continue;
        const float d = bezier_distance_sq(e, w);
        if (d <= best) {
            best = d;
            h.edge = e.edge;
        }
    }
    return h;
}

void GraphCanvas::handle_wheel() {
    const ImGuiIO& io = ImGui::GetIO();
    if (io.MouseWheel == 0 && io.MouseWheelH == 0) return;
    // The wheel pans (a trackpad's two-finger scroll, a mouse wheel; Shift+wheel sideways); Ctrl+wheel
    // and pinch zoom, and reach the canvas as a view gesture (view_gesture.h), not as ImGui wheel.
    const bool pan = !io.KeyCtrl;
    if (pan) {
        const float step = 100.0f * view_.scale() / view_.zoom();  // a wheel unit is 100 CSS px
        float dx = io.MouseWheelH * step, dy = io.MouseWheel * step;
        if (io.KeyShift && io.MouseWheelH == 0) std::swap(dx, dy);
        view_.pan_by(ImVec2(dx, dy));
    } else {
        view_.zoom_at(io.MousePos, std::pow(1.15f, io.MouseWheel));
    }
}

void GraphCanvas::handle_input(const Document& doc, bool hovered, CanvasEdits& out) {
    const ImGuiIO& io = ImGui::GetIO();
    const Vec2f w = view_.to_world(io.MousePos);
    hover_ = (hovered || mode_ != Mode::Idle) ? hit_test(w) : Hit{};
    if (hovered) handle_wheel();
    apply_view_gesture(view_);

    switch (mode_) {
        case Mode::Idle: {
            if (!hovered) break;
            if (ImGui::IsMouseClicked(ImGuiMouseButton_Middle) || ImGui::IsMouseClicked(ImGuiMouseButton_Right)) {
                mode_ = Mode::Pan;
                right_press_ = ImGui::IsMouseClicked(ImGuiMouseButton_Right);
                right_hit_ = hover_;
                press_pos_ = io.MousePos;
                break;
            }
            if (ImGui::IsMouseClicked(ImGuiMouseButton_Left)) press(doc, out);
            break;
        }
        case Mode::DragNodes: {
            if (!ImGui::IsMouseDown(ImGuiMouseButton_Left)) {
                mode_ = Mode::Idle;
                break;
            }
            drag_carry_.x += io.MouseDelta.x / view_.scale();
            drag_carry_.y += io.MouseDelta.y / view_.scale();
            const float dx = std::trunc(drag_carry_.x), dy = std::trunc(drag_carry_.y);
            if (dx != 0 || dy != 0) {
                out.push_back(MoveProposal{doc.selection().nodes, {dx, dy}, !drag_moved_});
                drag_moved_ = true;
                drag_carry_.x -= dx;
                drag_carry_.y -= dy;
            }
            break;
        }
        case Mode::BoxSelect: {
            if (ImGui::IsMouseDown(ImGuiMouseButton_Left)) break;
            const Vec2f a = view_.to_world(press_pos_);
            const Rect r{{std::min(a.x, w.x), std::min(a.y, w.y)}, {std::max(a.x, w.x), std::max(a.y, w.y)}};
            SelectProposal sel{{}, -1, box_additive_};
            for (const auto& n : nodes_)
                if (r.overlaps(n.box)) sel.nodes.push_back(n.spec->id);
            out.push_back(std::move(sel));
            mode_ = Mode::Idle;
            break;
        }
        case Mode::Wire: {
            if (ImGui::IsMouseDown(ImGuiMouseButton_Left)) break;
            finish_wire(hover_, out);
            mode_ = Mode::Idle;
            break;
        }
        case Mode::Pan: {
            const bool down = ImGui::IsMouseDown(ImGuiMouseButton_Left) ||
                              ImGui::IsMouseDown(ImGuiMouseButton_Middle) || ImGui::IsMouseDown(ImGuiMouseButton_Right);
            if (down) {
                view_.pan_by(io.MouseDelta);
                break;
            }
            mode_ = Mode::Idle;
            // A right click that did not drag: a context menu for what it was over.
            const float moved = std::hypot(io.MousePos.x - press_pos_.x, io.MousePos.y - press_pos_.y);
            if (right_press_ && moved < 6.0f) {
                // The selection stays: a right click (or a long press) is no left click.
                ContextMenuProposal menu{{}, right_hit_.node < 0 ? right_hit_.edge : -1, press_pos_};
                if (right_hit_.node >= 0) menu.node = nodes_[static_cast<std::size_t>(right_hit_.node)].spec->id;
                out.push_back(std::move(menu));
            }
            right_press_ = false;
            break;
        }
    }
}

// A left press on the canvas: start wiring (output port), select and start a drag (node), select a
// link, or start a box selection (empty canvas). When not editable a port or node is only selected.
void GraphCanvas::press(const Document& doc, CanvasEdits& out) {
    const ImGuiIO& io = ImGui::GetIO();
    press_pos_ = io.MousePos;
    const bool toggle = io.KeyCtrl || io.KeyShift || io.KeySuper;
    if (ImGui::IsKeyDown(ImGuiKey_Space)) {
        mode_ = Mode::Pan;
    } else if (editable_ && hover_.node >= 0 && hover_.out_port >= 0) {
        mode_ = Mode::Wire;
        wire_node_ = hover_.node;
        wire_port_ = hover_.out_port;
    } else if (hover_.node >= 0) {
        const std::string& id = nodes_[static_cast<std::size_t>(hover_.node)].spec->id;
        if (toggle && doc.is_selected(id)) {
            out.push_back(DeselectProposal{id});
            return;
        }
        if (toggle)
            out.push_back(SelectProposal{{id}, -1, true});
        else if (!doc.is_selected(id))
            out.push_back(SelectProposal{{id}});
        if (!editable_) return;
        mode_ = Mode::DragNodes;
        drag_moved_ = false;
        drag_carry_ = {};
    } else if (hover_.edge >= 0) {
        out.push_back(SelectProposal{{}, hover_.edge});
    } else {
        mode_ = Mode::BoxSelect;
        box_additive_ = toggle;
        if (!toggle) out.push_back(SelectProposal{});
    }
}

void GraphCanvas::finish_wire(const Hit& hit, CanvasEdits& out) const {
    if (wire_node_ < 0 || wire_node_ >= static_cast<int>(nodes_.size())) return;
    if (hit.node < 0) return;  // released on empty canvas: no link, nothing to explain
    const NodeShape& from = nodes_[static_cast<std::size_t>(wire_node_)];
    const NodeShape& to = nodes_[static_cast<std::size_t>(hit.node)];
    out.push_back(ConnectProposal{from.spec->id, from.outputs[static_cast<std::size_t>(wire_port_)].name, to.spec->id,
                                  ImGui::GetIO().MousePos});
}

}  // namespace pg
