// canvas_draw.cpp — how the canvas looks: grid, links (curves, arrowheads, labels, rates), message
// dots, nodes (group accent, service icon, title, kind, ports) and their live badges. Titles never
// go below 11 CSS px; zoomed far out a node keeps only its title (shortened), and when even that
// does not fit, no text, so big diagrams stay fast.
#include "canvas/graph_canvas.h"

#include "canvas/draw_prims.h"
#include "service_icons.h"

#include "pattern/routes.h"
#include "runtime/simulation.h"

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <cstdio>

namespace pg {
namespace {

// CSS px: the smallest detail text (a node's kind, port names, link labels). Smaller would be
// unreadable, so such text is drawn at this size where it fits and left out where it does not.
constexpr float kSmallestText = 9.0f;
// Canvas units: the side of a node's service icon (beside its title and kind, at the top left).
constexpr float kIconSize = 28.0f;

Vec2f as_vec(ImVec2 p) {
    return {p.x, p.y};
}
ImVec2 as_im(Vec2f p) {
    return {p.x, p.y};
}

ImU32 with_alpha(ImU32 c, float a) {
    const auto alpha = static_cast<ImU32>(static_cast<float>((c >> IM_COL32_A_SHIFT) & 0xFF) * a);
    return (c & ~IM_COL32_A_MASK) | (alpha << IM_COL32_A_SHIFT);
}

// Text cut with an ellipsis to fit `max_w` device pixels.
std::string fit_text(ImFont* font, float size, const std::string& text, float max_w) {
    if (font->CalcTextSizeA(size, FLT_MAX, 0, text.c_str()).x <= max_w) return text;
    std::string s = text;
    while (!s.empty()) {
        s.pop_back();
        while (!s.empty() && (static_cast<unsigned char>(s.back()) & 0xC0) == 0x80) s.pop_back();  // UTF-8
        if (font->CalcTextSizeA(size, FLT_MAX, 0, (s + "…").c_str()).x <= max_w) return s + "…";
    }
    return "…";
}

std::string short_count(double v) {
    char buf[32];
    if (v >= 1e6)
        std::snprintf(buf, sizeof buf, "%.1fM", v / 1e6);
    else if (v >= 1e4)
        std::snprintf(buf, sizeof buf, "%.0fk", v / 1e3);
    else if (v >= 1e3)
        std::snprintf(buf, sizeof buf, "%.1fk", v / 1e3);
    else if (v >= 10 || v == std::floor(v))
        std::snprintf(buf, sizeof buf, "%.0f", v);
    else
        std::snprintf(buf, sizeof buf, "%.1f", v);
    return buf;
}

// A small rounded label; returns its width.
float pill(ImDrawList* dl, ImFont* font, float size, ImVec2 at, const std::string& text, ImU32 bg, ImU32 fg,
           float pad) {
    const ImVec2 ts = font->CalcTextSizeA(size, FLT_MAX, 0, text.c_str());
    const ImVec2 b(at.x + ts.x + pad * 2, at.y + ts.y + pad * 0.8f);
    dl->AddRectFilled(at, b, bg, (b.y - at.y) * 0.5f);
    dl->AddText(font, size, ImVec2(at.x + pad, at.y + pad * 0.4f), fg, text.c_str());
    return b.x - at.x;
}

}  // namespace

void GraphCanvas::draw_grid(ImDrawList* dl, const Theme& theme) const {
    const ImVec2 o = view_.origin(), s = view_.size();
    // No background fill: the frame is cleared to the canvas colour (see main_web.cpp).
    const float step = 24.0f * view_.scale();
    if (step < 6) return;
    const Vec2f w0 = view_.to_world(o);
    const float start_x = std::floor(w0.x / 24.0f) * 24.0f, start_y = std::floor(w0.y / 24.0f) * 24.0f;
    const float thick = std::max(1.0f, theme.px(1));
    for (float x = start_x;; x += 24.0f) {
        const float sx = view_.to_screen({x, 0}).x;
        if (sx > o.x + s.x) break;
        const bool major = std::fmod(std::fabs(x), 120.0f) < 0.5f;
        dl->AddLine(ImVec2(sx, o.y), ImVec2(sx, o.y + s.y), major ? theme.colours().grid_major : theme.colours().grid,
                    thick);
    }
    for (float y = start_y;; y += 24.0f) {
        const float sy = view_.to_screen({0, y}).y;
        if (sy > o.y + s.y) break;
        const bool major = std::fmod(std::fabs(y), 120.0f) < 0.5f;
        dl->AddLine(ImVec2(o.x, sy), ImVec2(o.x + s.x, sy), major ? theme.colours().grid_major : theme.colours().grid,
                    thick);
    }
}

void GraphCanvas::draw_edges(ImDrawList* dl, const Document& doc, const Theme& theme,
                             const CanvasOverlay& overlay) const {
    const Palette& c = theme.colours();
    const float z = view_.scale();
    for (const auto& e : edges_) {
        if (e.from < 0 || e.to < 0) continue;
        const auto ei = static_cast<std::size_t>(e.edge);
        const bool selected = doc.selection().edge == e.edge;
        const bool problem = ei < overlay.edge_problems.size() && !overlay.edge_problems[ei].empty();
        const bool hovered = hover_.edge == e.edge && mode_ == Mode::Idle;
        const bool unused = ei < overlay.edge_unused.size() && overlay.edge_unused[ei];
        ImU32 col = problem ? c.error : (selected ? c.selection : (unused ? c.throttled : c.link));
        if (hovered && !selected) col = c.port_hover;
        const float thickness = (selected ? 2.5f : 1.6f) * z;
        const float arrow = 9.0f * z;
        const ImVec2 p0 = view_.to_screen(e.p0), p3 = view_.to_screen(e.p3);
        const ImVec2 tip(p3.x - kPortRadius * z, p3.y);
        const ImVec2 end(tip.x - arrow, tip.y);
        const ImVec2 p1 = view_.to_screen(e.p1), p2 = view_.to_screen({e.p2.x - arrow / z, e.p2.y});
        dl->AddBezierCubic(p0, p1, p2, end, col, thickness);
        dl->AddTriangleFilled(tip, ImVec2(end.x, end.y - arrow * 0.5f), ImVec2(end.x, end.y + arrow * 0.5f), col);
    }
}

// Labels go on top of the nodes, at a readable size or not at all: each tries the curve's middle,
// then one and two lines above and below it and three above, and is left out where every spot
// would cover a node or an earlier label (the inspector still shows the link).
void GraphCanvas::draw_edge_labels(ImDrawList* dl, const Document& doc, const Theme& theme,
                                   const CanvasOverlay& overlay) const {
    labels_.clear();
    if (view_.zoom() < 0.45f) return;
    const Palette& c = theme.colours();
    const float z = view_.scale();
    ImFont* font = theme.fonts().ui;
    const float fsize = std::max(font->FontSize * 0.82f * view_.zoom(), kSmallestText * theme.scale());
    std::vector<Rect> taken;
    for (const auto& n : nodes_)
        taken.push_back({as_vec(view_.to_screen(n.box.min)), as_vec(view_.to_screen(n.box.max))});
    for (const auto& e : edges_) {
        if (e.from < 0 || e.to < 0) continue;
        const auto ei = static_cast<std::size_t>(e.edge);
        const auto& spec = doc.pattern().edges[ei];
        const bool selected = doc.selection().edge == e.edge;
        std::string label;
        if (ei < overlay.edge_unused.size() && overlay.edge_unused[ei]) label = "unused: no action";
        if (spec.port != "out") label += (label.empty() ? "" : " · ") + spec.port;
        if (spec.config.is_object()) {
            if (const std::string routes = sim::routes_label(spec.config); !routes.empty())
                label += (label.empty() ? "" : " · ") + routes;
        }
        if (ei < overlay.link_rate.size() && overlay.link_rate[ei] > 0)
            label += (label.empty() ? "" : " · ") + short_count(overlay.link_rate[ei]) + "/s";
        if (label.empty()) continue;
        const ImVec2 ts = font->CalcTextSizeA(fsize, FLT_MAX, 0, label.c_str());
        const ImVec2 m = view_.to_screen(bezier_at(e, 0.5f));
        const float half_w = ts.x * 0.5f + 4 * z, half_h = ts.y * 0.5f + 1 * z;
        const float step = half_h * 2 + 3 * z;
        for (const float dy : {0.0f, -step, step, -2 * step, 2 * step, -3 * step}) {
            const Rect r{{m.x - half_w, m.y + dy - half_h}, {m.x + half_w, m.y + dy + half_h}};
            if (std::any_of(taken.begin(), taken.end(), [&](const Rect& t) { return t.overlaps(r); })) continue;
            taken.push_back(r);
            labels_.push_back({e.edge, r});
            dl->AddRectFilled(as_im(r.min), as_im(r.max), c.link_label_bg, 3 * z);
            const bool unused = ei < overlay.edge_unused.size() && overlay.edge_unused[ei];
            dl->AddText(font, fsize, ImVec2(r.min.x + 4 * z, r.min.y + 1 * z),
                        selected ? c.selection : (unused ? c.throttled : c.node_muted), label.c_str());
            break;
        }
    }
}

void GraphCanvas::draw_dots(ImDrawList* dl, const Theme& theme, const CanvasOverlay& overlay) const {
    const float r = std::max(1.5f, 3.0f * view_.scale());
    const ImVec2 o = view_.origin(), s = view_.size();
    (void)theme;
    // A dot within a cell (3/4 of a radius) of a same-coloured dot already drawn would only cover
    // it: busy links zoomed out carry dozens of dots on a few pixels, so each cell and colour is
    // drawn once (an open-addressing set of keys, 0 = empty).
    const float cell = 0.75f * r;
    std::size_t slots = 64;
    while (slots < overlay.dots.size() * 2) slots *= 2;
    dot_cells_.assign(slots, 0);
    dots_drawn_ = 0;
    for (const auto& d : overlay.dots) {
        if (d.edge < 0 || static_cast<std::size_t>(d.edge) >= edges_.size()) continue;
        const EdgeShape& e = edges_[static_cast<std::size_t>(d.edge)];
        if (e.from < 0 || e.to < 0) continue;
        const ImVec2 p = view_.to_screen(bezier_at(e, d.t));
        if (p.x < o.x - r || p.y < o.y - r || p.x > o.x + s.x + r || p.y > o.y + s.y + r) continue;
        const auto qx =
            static_cast<std::uint64_t>(static_cast<std::uint16_t>(static_cast<int>(std::floor(p.x / cell))));
        const auto qy =
            static_cast<std::uint64_t>(static_cast<std::uint16_t>(static_cast<int>(std::floor(p.y / cell))));
        const std::uint64_t key = (qx | qy << 16 | static_cast<std::uint64_t>(d.colour) << 32) + 1;
        std::size_t i = static_cast<std::size_t>((key * 0x9E3779B97F4A7C15ull) >> 40) & (slots - 1);
        while (dot_cells_[i] != 0 && dot_cells_[i] != key) i = (i + 1) & (slots - 1);
        if (dot_cells_[i] == key) continue;
        dot_cells_[i] = key;
        ++dots_drawn_;
        add_disc(dl, p, r, d.colour);
    }
}

void GraphCanvas::draw_nodes(ImDrawList* dl, const Document& doc, const Theme& theme,
                             const CanvasOverlay& overlay) const {
    const Palette& c = theme.colours();
    const float z = view_.scale();
    const bool text = view_.zoom() >= 0.4f;
    const Fonts& f = theme.fonts();
    const float readable = 11.0f * theme.scale();  // the smallest title size (CSS px × scale)
    // A title never shrinks below readable: it is shortened to the box instead.
    const float title_size = std::max(f.bold->FontSize * view_.zoom(), readable);
    const float small_size = std::max(f.ui->FontSize * 0.85f * view_.zoom(), kSmallestText * theme.scale());
    // Port names need their row: zoomed out until they would touch, only the dots are drawn.
    const float port_size = std::max(small_size * 0.92f, kSmallestText * theme.scale());
    const bool port_names = text && kPortSpacing * z >= port_size + 2;
    // An icon smaller than 12 CSS px no longer reads: zoomed out, it stays at that size.
    const float icon_side = std::max(kIconSize * z, theme.px(12));
    // Zoomed out past the point where the node's other text would be unreadable, it keeps only its
    // title, at the smallest readable size and shortened to the box: the simplified rendering.
    const ImVec2 vo = view_.origin(), vs = view_.size();
    titles_.assign(nodes_.size(), {});
    for (std::size_t i = 0; i < nodes_.size(); ++i) {
        const NodeShape& n = nodes_[i];
        const ImVec2 a = view_.to_screen(n.box.min), b = view_.to_screen(n.box.max);
        if (b.x < vo.x - 60 * z || a.x > vo.x + vs.x || b.y < vo.y - 40 * z || a.y > vo.y + vs.y + 20 * z) continue;
        const bool selected = doc.is_selected(n.spec->id);
        const bool problem = i < overlay.node_problems.size() && !overlay.node_problems[i].empty();
        const bool hovered = hover_.node == static_cast<int>(i);
        const ImU32 accent = theme.group_colour(n.kind ? n.kind->group : "");
        const std::string& icon = n.kind ? n.kind->icon : n.spec->type;
        const float round = 6 * z;
        const ImU32 border = problem ? c.error : (selected ? c.selection : (hovered ? c.port : c.node_border));
        if (round >= 1.5f) {
            dl->AddRectFilled(ImVec2(a.x + 2 * z, a.y + 3 * z), ImVec2(b.x + 2 * z, b.y + 3 * z),
                              IM_COL32(0, 0, 0, theme.dark() ? 90 : 28), round);
            dl->AddRectFilled(a, b, c.node_bg, round);
            dl->AddRectFilled(a, ImVec2(a.x + 6 * z, b.y), accent, round, ImDrawFlags_RoundCornersLeft);
            dl->AddRect(a, b, border, round, 0, (selected || problem ? 2.0f : 1.0f) * z);
        } else {
            // Zoomed out (big diagrams): corners and the shadow would be under a pixel, so square
            // shapes: the box in the outline colour with the body inset by one pixel (two when
            // selected), and an accent at least two pixels wide — 6 triangles, not ~50.
            const float t = selected || problem ? 2.0f : 1.0f;
            dl->AddRectFilled(a, b, border);
            dl->AddRectFilled(ImVec2(a.x + t, a.y + t), ImVec2(b.x - t, b.y - t), c.node_bg);
            dl->AddRectFilled(a, ImVec2(a.x + std::max(2.0f, 6 * z), b.y), accent);
        }

        if (text) {
            // The service's icon left of the title and kind, never smaller than it still reads.
            const ImVec2 icon_at(a.x + 11 * z, a.y + 9 * z);
            draw_service_icon(dl, icon, icon_at, icon_side, accent, IM_COL32_WHITE);
            titles_[i].icon = {icon_at.x, icon_at.y, icon_side};
            const float pad = 11 * z + icon_side + 6 * z;
            const float max_w = (b.x - a.x) - pad - 10 * z;
            // The width left of the port names drawn beside a line of text from y0 to y1.
            auto room = [&](float y0, float y1) {
                float w = max_w;
                if (!port_names || n.outputs.size() < 2) return w;
                for (const auto& port : n.outputs) {
                    const float y = view_.to_screen(port.at).y;
                    if (y + port_size * 0.5f <= y0 || y - port_size * 0.5f >= y1) continue;
                    const float label = f.ui->CalcTextSizeA(port_size, FLT_MAX, 0, port.name.c_str()).x;
                    w = std::min(w, (b.x - a.x) - pad - label - kPortRadius * z - 10 * z);
                }
                return w;
            };
            const float title_y = a.y + 9 * z, kind_y = title_y + title_size + 2 * z;
            const std::string title = fit_text(f.bold, title_size, n.spec->id, room(title_y, title_y + title_size));
            dl->AddText(f.bold, title_size, ImVec2(a.x + pad, title_y), c.node_text, title.c_str());
            titles_[i].text = title;
            titles_[i].size = title_size;
            std::string kind = n.kind ? n.kind->label : "unknown type '" + n.spec->type + "'";
            if (n.kind && !n.kind->simulated) {  // a kept resource: its CloudFormation type says more
                auto t = n.spec->config.find("Type");
                if (t != n.spec->config.end() && t->is_string()) kind = t->get<std::string>();
            }
            dl->AddText(f.ui, small_size, ImVec2(a.x + pad, kind_y), n.kind ? c.node_muted : c.error,
                        fit_text(f.ui, small_size, kind, room(kind_y, kind_y + small_size)).c_str());
        } else {
            // The simplified rendering keeps the icon (the service's type) and as much of the title
            // as fits beside it.
            float left = a.x + std::max(2.0f, 6 * z) + 3;
            float max_w = b.x - left - 2;
            if (b.y - a.y >= icon_side + 4 && max_w >= icon_side) {
                const ImVec2 icon_at(left, (a.y + b.y - icon_side) * 0.5f);
                draw_service_icon(dl, icon, icon_at, icon_side, accent, IM_COL32_WHITE);
                titles_[i].icon = {icon_at.x, icon_at.y, icon_side};
                left += icon_side + 3;
                max_w -= icon_side + 3;
            }
            if (max_w >= readable * 1.5f && b.y - a.y >= readable) {
                const std::string title = fit_text(f.bold, readable, n.spec->id, max_w);
                dl->AddText(f.bold, readable, ImVec2(left, (a.y + b.y - readable) * 0.5f), c.node_text, title.c_str());
                titles_[i].text = title;
                titles_[i].size = readable;
            }
        }

        // Ports: input on the left, outputs on the right (labelled when there are several).
        const float pr = kPortRadius * z;
        if (n.has_input) {
            const ImVec2 p = view_.to_screen(n.input);
            const bool hot = hovered && hover_.in_port;
            add_ringed_disc(dl, p, pr, c.node_bg, hot ? c.port_hover : c.port, 1.5f * z);
        }
        for (std::size_t p = 0; p < n.outputs.size(); ++p) {
            const ImVec2 at = view_.to_screen(n.outputs[p].at);
            const bool hot = hovered && hover_.out_port == static_cast<int>(p);
            add_disc(dl, at, hot ? pr * 1.3f : pr, hot ? c.port_hover : accent);
            if (port_names && n.outputs.size() > 1) {
                const ImVec2 ts = f.ui->CalcTextSizeA(port_size, FLT_MAX, 0, n.outputs[p].name.c_str());
                dl->AddText(f.ui, port_size, ImVec2(at.x - pr - 4 * z - ts.x, at.y - ts.y * 0.5f), c.node_muted,
                            n.outputs[p].name.c_str());
            }
        }

        // Badges above the node: live numbers from the simulation.
        if (problem) {
            const ImVec2 bc(a.x, a.y);
            add_disc(dl, bc, 8 * z, c.error);
            if (text)
                dl->AddText(f.bold, title_size * 0.85f, ImVec2(bc.x - 2 * z, bc.y - title_size * 0.45f), IM_COL32_WHITE,
                            "!");
        }
        if (!text || i >= overlay.badges.size()) continue;
        const NodeBadges& bd = overlay.badges[i];
        float x = b.x;
        const float bsize = small_size * 0.9f, bpad = 5 * z;
        auto badge = [&](const std::string& s, ImU32 bg, ImU32 fg) {
            const float wdt = f.ui->CalcTextSizeA(bsize, FLT_MAX, 0, s.c_str()).x + bpad * 2;
            x -= wdt;
            pill(dl, f.ui, bsize, ImVec2(x, a.y - bsize - 7 * z), s, bg, fg, bpad);
            x -= 4 * z;
        };
        if (bd.errors > 0)
            badge(short_count(static_cast<double>(bd.errors)) + " err", with_alpha(c.error, 0.9f), IM_COL32_WHITE);
        if (bd.throttles > 0)
            badge(short_count(static_cast<double>(bd.throttles)) + " throttled", with_alpha(c.throttled, 0.9f),
                  IM_COL32_WHITE);
        if (bd.cold_starts > 0)
            badge(short_count(static_cast<double>(bd.cold_starts)) + " cold", c.badge_bg, c.badge_text);
        if (bd.queue > 0) badge("queue " + short_count(static_cast<double>(bd.queue)), c.badge_bg, c.badge_text);
        if (bd.concurrency > 0)
            badge(short_count(static_cast<double>(bd.concurrency)) + " " +
                      (n.kind ? n.kind->concurrency_label : std::string("busy")),
                  with_alpha(c.ok, 0.85f), IM_COL32_WHITE);
    }
}

void GraphCanvas::draw_wire_preview(ImDrawList* dl, const Theme& theme, const sim::Registry& registry) const {
    if (wire_node_ < 0 || wire_node_ >= static_cast<int>(nodes_.size())) return;
    const NodeShape& from = nodes_[static_cast<std::size_t>(wire_node_)];
    const PortShape& port = from.outputs[static_cast<std::size_t>(wire_port_)];
    const ImVec2 p0 = view_.to_screen(port.at);
    ImVec2 p3 = ImGui::GetIO().MousePos;
    ImU32 col = theme.colours().selection;
    std::string verdict;
    if (hover_.node >= 0 && hover_.node != wire_node_) {
        const NodeShape& to = nodes_[static_cast<std::size_t>(hover_.node)];
        if (to.has_input) p3 = view_.to_screen(to.input);
        const sim::ConnectVerdict v = registry.can_connect(from.spec->type, port.name, to.spec->type);
        col = v.ok ? theme.colours().ok : theme.colours().error;
        verdict = v.ok ? "connect to " + to.spec->id : v.reason;
    }
    const float dx = std::max(40.0f * view_.scale(), std::fabs(p3.x - p0.x) * 0.45f);
    dl->AddBezierCubic(p0, ImVec2(p0.x + dx, p0.y), ImVec2(p3.x - dx, p3.y), p3, col, 2.0f * view_.scale());
    if (!verdict.empty()) {
        const ImVec2 m = ImGui::GetIO().MousePos;
        const float wrap = theme.px(320);
        ImFont* font = theme.fonts().ui;
        const ImVec2 ts = font->CalcTextSizeA(font->FontSize, FLT_MAX, wrap, verdict.c_str());
        const ImVec2 a(m.x + theme.px(16), m.y + theme.px(12));
        const ImVec2 b(a.x + ts.x + theme.px(12), a.y + ts.y + theme.px(8));
        dl->AddRectFilled(a, b, col == theme.colours().ok ? theme.colours().badge_bg : theme.colours().refuse_bg,
                          theme.px(4));
        dl->AddText(font, font->FontSize, ImVec2(a.x + theme.px(6), a.y + theme.px(4)),
                    col == theme.colours().ok ? theme.colours().badge_text : theme.colours().refuse_text,
                    verdict.c_str(), nullptr, wrap);
    }
}

}  // namespace pg
