// learn_panel.cpp — the card of the active learning mode, docked in the Learn tab (or floating
// over the canvas in embeds without the tab area), shared widgets (pills, wrapped option buttons,
// recorded button rects for automation) and the tour card and spotlight; the challenge and quiz cards live in
// challenge_panel.cpp / quiz_panel.cpp.
#include "learn/learn_panel_parts.h"

#include "canvas/node_layout.h"
#include "challenge/check_spec.h"

#include <cfloat>
#include <cmath>
#include <cstdio>

namespace pg {

// ---- Shared widgets --------------------------------------------------------------------------------------------
void record_rect(Learn& learn, const Theme& theme, const std::string& name) {
    const ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
    const float s = theme.scale() > 0 ? theme.scale() : 1;
    learn.ui_rects[name] = {a.x / s, a.y / s, b.x / s, b.y / s};
}

void pill_text(const Theme& theme, const char* text, ImU32 bg, ImU32 fg) {
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 ts = ImGui::CalcTextSize(text);
    const float pad = theme.px(6);
    const ImVec2 a = ImGui::GetCursorScreenPos();
    const ImVec2 b(a.x + ts.x + pad * 2, a.y + ts.y + theme.px(2));
    dl->AddRectFilled(a, b, bg, (b.y - a.y) * 0.5f);
    dl->AddText(ImVec2(a.x + pad, a.y + theme.px(1)), fg, text);
    ImGui::Dummy(ImVec2(b.x - a.x, b.y - a.y));
}

void section_label(const Theme& theme, const char* text) {
    ImGui::PushFont(theme.fonts().bold);
    ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(theme.colours().node_muted), "%s", text);
    ImGui::PopFont();
}

bool wrapped_button(const char* id, const std::string& label, const std::string& text, bool selected,
                    const Theme& theme) {
    const float w = ImGui::GetContentRegionAvail().x;
    const float pad = theme.px(8);
    const float label_w = theme.px(24);
    const ImVec2 ts = ImGui::CalcTextSize(text.c_str(), nullptr, false, w - label_w - pad * 2);
    const ImVec2 at = ImGui::GetCursorScreenPos();
    const ImVec2 size(w, ts.y + pad * 2);
    const bool pressed = ImGui::InvisibleButton(id, size);
    const bool hovered = ImGui::IsItemHovered();
    const Palette& c = theme.colours();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 b(at.x + size.x, at.y + size.y);
    dl->AddRectFilled(
        at, b,
        selected ? c.selection_fill
                 : (hovered ? ImGui::GetColorU32(ImGuiCol_FrameBgHovered) : ImGui::GetColorU32(ImGuiCol_FrameBg)),
        theme.px(5));
    dl->AddRect(at, b, selected ? c.selection : ImGui::GetColorU32(ImGuiCol_Border), theme.px(5), 0,
                selected ? theme.px(1.5f) : theme.px(1));
    dl->AddText(theme.fonts().bold, theme.fonts().bold->FontSize, ImVec2(at.x + pad, at.y + pad),
                selected ? c.selection : c.node_text, label.c_str());
    dl->AddText(theme.fonts().ui, theme.fonts().ui->FontSize, ImVec2(at.x + pad + label_w, at.y + pad), c.node_text,
                text.c_str(), nullptr, w - label_w - pad * 2);
    if (hovered) ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
    return pressed;
}

std::string metric_text(const std::string& metric, double v) {
    if (metric.find("cost") != std::string::npos) return sim::challenge::fmt_usd(v);
    if (metric.find("_ms") != std::string::npos) return sim::challenge::fmt_count(std::round(v)) + " ms";
    if (std::fabs(v - std::round(v)) < 1e-9) return sim::challenge::fmt_count(v);
    return sim::challenge::fmt_number(v);
}

namespace {

// ---- Tour card -------------------------------------------------------------------------------------------------
// The step's title, text and the watched metric (baseline, with this step, live).
void draw_step_body(Learn& learn, const Theme& theme, const TourEntry& t, const sim::challenge::TourStep& s) {
    const Palette& c = theme.colours();
    ImGui::Spacing();
    ImGui::PushFont(theme.fonts().bold);
    ImGui::PushTextWrapPos(0);
    ImGui::TextUnformatted(s.title.c_str());
    ImGui::PopTextWrapPos();
    ImGui::PopFont();
    ImGui::PushTextWrapPos(0);
    ImGui::TextUnformatted(s.text.c_str());
    ImGui::PopTextWrapPos();

    column_break();
    if (s.watch) {
        const WatchJob& w = learn.watch();
        ImGui::Spacing();
        ImGui::PushStyleColor(ImGuiCol_ChildBg, ImGui::GetColorU32(ImGuiCol_FrameBg));
        const float line = ImGui::GetTextLineHeightWithSpacing();
        ImGui::BeginChild("##watch", ImVec2(0, line * 4.6f + theme.px(12)), true, ImGuiWindowFlags_NoScrollbar);
        ImGui::PopStyleColor();
        const char* dir = s.watch->direction == "up"     ? "go up"
                          : s.watch->direction == "down" ? "go down"
                                                         : "stay the same";
        ImGui::PushFont(theme.fonts().bold);
        ImGui::Text("Watch %s on %s %s", s.watch->metric.c_str(), s.watch->node.c_str(), dir);
        ImGui::PopFont();
        const std::string span = sim::challenge::fmt_span(t.tour.duration.value_or(sim::minutes(5)));
        auto row = [&](const char* label, const std::optional<double>& v, bool pending) {
            ImGui::TextDisabled("%s", label);
            ImGui::SameLine(theme.px(222));
            ImGui::PushFont(theme.fonts().mono);
            if (v)
                ImGui::TextUnformatted(metric_text(s.watch->metric, *v).c_str());
            else
                ImGui::TextDisabled("%s", pending ? "measuring…" : "—");
            ImGui::PopFont();
        };
        row(("Unchanged pattern, " + span).c_str(), w.base_value, !w.done());
        row(("With this step, " + span).c_str(), w.changed_value, !w.done());
        if (w.base_value && w.changed_value) {
            const double a = *w.base_value, b = *w.changed_value;
            const char* moved = b > a ? "went up" : (b < a ? "went down" : "stayed the same");
            const bool as_said = (s.watch->direction == "up" && b > a) || (s.watch->direction == "down" && b < a) ||
                                 (s.watch->direction == "same" && b == a);
            ImGui::SameLine();
            ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(as_said ? c.ok : c.retry), "%s %s", as_said ? "✓" : "⚠",
                               moved);
        }
        row("Live on the canvas now", learn.live_value(), false);
        ImGui::EndChild();
    }
}

void draw_tour(Learn& learn, const Theme& theme) {
    const TourEntry& t = *learn.tour();
    const auto& steps = t.tour.steps;
    const int k = learn.step(), n = static_cast<int>(steps.size());
    const auto& s = steps[static_cast<std::size_t>(k)];
    const Palette& c = theme.colours();

    section_label(theme, "GUIDED TOUR");
    ImGui::PushTextWrapPos(ImGui::GetContentRegionMax().x - theme.px(50));
    ImGui::TextUnformatted(t.tour.title.c_str());
    ImGui::PopTextWrapPos();
    // Step dots.
    {
        ImDrawList* dl = ImGui::GetWindowDrawList();
        const ImVec2 at = ImGui::GetCursorScreenPos();
        const float r = theme.px(4), gap = theme.px(13);
        for (int i = 0; i < n; ++i) {
            const ImVec2 p(at.x + r + static_cast<float>(i) * gap, at.y + theme.px(8));
            if (i == k)
                dl->AddCircleFilled(p, r * 1.25f, c.selection);
            else if (i < k)
                dl->AddCircleFilled(p, r, c.node_muted);
            else
                dl->AddCircle(p, r, c.node_muted, 0, theme.px(1.2f));
        }
        ImGui::Dummy(ImVec2(static_cast<float>(n) * gap, theme.px(16)));
        ImGui::SameLine();
        ImGui::TextDisabled("Step %d of %d", k + 1, n);
    }
    if (learn.minimized) {
        ImGui::PushFont(theme.fonts().bold);
        ImGui::TextUnformatted(s.title.c_str());
        ImGui::PopFont();
    } else {
        draw_step_body(learn, theme, t, s);
    }
    ImGui::Spacing();
    ImGui::BeginDisabled(k == 0);
    if (ImGui::Button("← Back")) learn.go_to_step(k - 1);
    record_rect(learn, theme, "back");
    ImGui::EndDisabled();
    ImGui::SameLine();
    if (k + 1 < n) {
        if (ImGui::Button("Next →")) learn.go_to_step(k + 1);
    } else if (ImGui::Button("Finish tour")) {
        learn.close();
        return;
    }
    record_rect(learn, theme, "next");
}

}  // namespace

// ---- Spotlight -------------------------------------------------------------------------------------------------
void draw_learn_highlight(const Learn& learn, const GraphCanvas& canvas, const Document& doc, const Theme& theme) {
    const std::string h = learn.highlight();
    if (h.empty()) return;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const CanvasView& v = canvas.view();
    const float z = v.scale();
    const float pulse = 0.55f + 0.45f * static_cast<float>(std::sin(ImGui::GetTime() * 3.0));
    const ImU32 colour = theme.colours().retry;
    const auto alpha = [&](float a) {
        return (colour & ~IM_COL32_A_MASK) | (static_cast<ImU32>(255 * a) << IM_COL32_A_SHIFT);
    };
    const auto arrow = h.find("->");
    if (arrow == std::string::npos) {
        for (const auto& n : canvas.shapes(doc)) {
            if (n.spec->id != h) continue;
            const float m = 7 * z;
            const ImVec2 a = v.to_screen(n.box.min), b = v.to_screen(n.box.max);
            dl->AddRect(ImVec2(a.x - m, a.y - m), ImVec2(b.x + m, b.y + m), alpha(0.35f * pulse), 10 * z, 0, 8 * z);
            dl->AddRect(ImVec2(a.x - m * 0.5f, a.y - m * 0.5f), ImVec2(b.x + m * 0.5f, b.y + m * 0.5f), alpha(0.95f),
                        8 * z, 0, 2.5f * z);
        }
        return;
    }
    const std::string from = h.substr(0, arrow), to = h.substr(arrow + 2);
    for (const auto& e : layout_edges(doc, canvas.shapes(doc))) {
        if (e.from < 0 || e.to < 0) continue;
        const auto& spec = doc.pattern().edges[static_cast<std::size_t>(e.edge)];
        if (spec.from != from || spec.to != to) continue;
        const ImVec2 p0 = v.to_screen(e.p0), p1 = v.to_screen(e.p1), p2 = v.to_screen(e.p2), p3 = v.to_screen(e.p3);
        dl->AddBezierCubic(p0, p1, p2, p3, alpha(0.3f * pulse), 12 * z);
        dl->AddBezierCubic(p0, p1, p2, p3, alpha(0.9f), 3 * z);
    }
}

// ---- Keeping the diagram beside the card ------------------------------------------------------------------------
namespace {

constexpr float kMinReadableZoom = 0.55f;  // smaller and ports are hard to hit (titles vanish below 40%)

// Fits the diagram into the canvas left of `card_left` (screen x); at least readable zoom.
void fit_beside(CanvasView& v, const std::vector<NodeShape>& shapes, float card_left, const Theme& theme) {
    const Rect bounds = diagram_bounds(shapes);
    const ImVec2 o = v.origin(), size = v.size();
    const float free_w = card_left - o.x - theme.px(8);
    if (bounds.max.x <= bounds.min.x || free_w < theme.px(120)) return;
    v.set_frame(o, ImVec2(free_w, size.y), theme.scale());
    v.fit(bounds, 24);
    if (v.zoom() < kMinReadableZoom) {
        // Too wide for the free area: readable zoom, left edge in view (pan to see the rest).
        v.zoom_at(o, kMinReadableZoom / v.zoom());
        const ImVec2 left = v.to_screen(bounds.min);
        v.pan_by(ImVec2(o.x + theme.px(24) - left.x, 0));
    }
    v.set_frame(o, size, theme.scale());
}

// Pans so the highlighted node is in the canvas and left of `right` (the card's left edge when it
// floats over the canvas), moving the view as little as needed.
void reveal(CanvasView& v, const std::vector<NodeShape>& shapes, const std::string& node, float right,
            const Theme& theme) {
    const float m = theme.px(16);
    const ImVec2 o = v.origin(), size = v.size();
    for (const auto& n : shapes) {
        if (n.spec->id != node) continue;
        const ImVec2 a = v.to_screen(n.box.min), b = v.to_screen(n.box.max);
        const float dx = b.x + m > right ? right - (b.x + m) : (a.x - m < o.x ? o.x - (a.x - m) : 0);
        const float dy = b.y + m > o.y + size.y ? o.y + size.y - (b.y + m) : (a.y - m < o.y ? o.y - (a.y - m) : 0);
        v.pan_by(ImVec2(dx, dy));
    }
}

}  // namespace

// ---- The docked card --------------------------------------------------------------------------------------------
namespace {

// The docked card's left column is open and waits for column_break() to move on to the right one.
// (One card is drawn per frame, so a flag beside the drawing code is enough.)
bool g_left_column_open = false;
float g_column_h = 0;

void draw_card(Learn& learn, const Theme& theme) {
    switch (learn.mode()) {
        case LearnMode::Tour:
            draw_tour(learn, theme);
            break;
        case LearnMode::Challenge:
            draw_challenge_card(learn, theme);
            break;
        case LearnMode::Quiz:
            draw_quiz_card(learn, theme);
            break;
        case LearnMode::None:
            break;
    }
}

}  // namespace

void column_break() {
    if (!g_left_column_open) return;
    g_left_column_open = false;
    ImGui::EndChild();
    ImGui::SameLine();
    ImGui::BeginChild("##card_right", ImVec2(0, g_column_h));
}

void draw_learn_dock(Learn& learn, const Theme& theme) {
    learn.minimized = false;  // the dock has room for the whole card
    const ImVec2 avail = ImGui::GetContentRegionAvail();
    {
        const ImVec2 a = ImGui::GetCursorScreenPos();
        const float sc = theme.scale() > 0 ? theme.scale() : 1;
        learn.ui_rects["card"] = {a.x / sc, a.y / sc, (a.x + avail.x) / sc, (a.y + avail.y) / sc};
    }
    // Wide: the story on the left, what to do and what was measured on the right, each scrolling on
    // its own; narrow (a phone): one column.
    const bool two = avail.x >= theme.px(640);
    g_column_h = avail.y;
    ImGui::BeginChild("##card_left", ImVec2(two ? std::round(avail.x * 0.5f) : 0, avail.y));
    g_left_column_open = two;
    draw_card(learn, theme);
    if (g_left_column_open) column_break();  // the card ended before its break: an empty right column
    ImGui::EndChild();
}

// ---- The floating card (embeds without the bottom panels) ------------------------------------------------------
void draw_learn_panel(Learn& learn, GraphCanvas& canvas, const Document& doc, const Theme& theme, bool docked) {
    if (learn.mode() == LearnMode::None) return;
    CanvasView& v = canvas.view();
    if (docked) {  // nothing covers the canvas: bring a highlighted node that is out of view into it
        learn.refit_frames = 0;
        if (learn.reveal_highlight) {
            learn.reveal_highlight = false;
            const std::string h = learn.highlight();
            reveal(v, canvas.shapes(doc), h.substr(0, h.find("->")), v.origin().x + v.size().x, theme);
        }
        return;
    }
    const float full_w = learn.minimized ? 300 : (learn.mode() == LearnMode::Tour ? 380 : 440);
    const float w = std::min(theme.px(full_w), v.size().x - theme.px(24));
    if (w < theme.px(200)) return;
    const float card_left = v.origin().x + v.size().x - w - theme.px(12);
    if (learn.refit_frames > 0 && --learn.refit_frames == 0) fit_beside(v, canvas.shapes(doc), card_left, theme);
    if (learn.reveal_highlight && learn.refit_frames == 0) {
        learn.reveal_highlight = false;
        const std::string h = learn.highlight();
        reveal(v, canvas.shapes(doc), h.substr(0, h.find("->")), card_left, theme);
    }
    ImGui::SetNextWindowPos(ImVec2(card_left, v.origin().y + theme.px(12)));
    ImGui::SetNextWindowSizeConstraints(ImVec2(w, 0), ImVec2(w, std::max(theme.px(160), v.size().y - theme.px(24))));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(theme.px(14), theme.px(12)));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowRounding, theme.px(8));
    const ImGuiWindowFlags flags = ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoMove |
                                   ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoSavedSettings |
                                   ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoFocusOnAppearing;
    if (ImGui::Begin("##learn_card", nullptr, flags)) {
        // Minimise and close buttons in the corner.
        const ImVec2 start = ImGui::GetCursorPos();
        ImGui::SetCursorPos(ImVec2(ImGui::GetWindowContentRegionMax().x - theme.px(44), start.y - theme.px(2)));
        if (ImGui::SmallButton(learn.minimized ? "+##min_learn" : "–##min_learn")) {
            learn.minimized = !learn.minimized;
            learn.refit_frames = 2;  // re-fit the diagram to the new free width
        }
        record_rect(learn, theme, "minimize");
        if (ImGui::IsItemHovered())
            ImGui::SetTooltip("%s", learn.minimized ? "show the whole card" : "shrink the card to see more canvas");
        ImGui::SameLine();
        if (ImGui::SmallButton("×##close_learn")) learn.close();
        record_rect(learn, theme, "close");
        if (ImGui::IsItemHovered())
            ImGui::SetTooltip("leave the %s", learn.mode() == LearnMode::Tour   ? "tour"
                                              : learn.mode() == LearnMode::Quiz ? "quiz"
                                                                                : "challenge");
        ImGui::SetCursorPos(start);
        {
            const ImVec2 a = ImGui::GetWindowPos(), sz = ImGui::GetWindowSize();
            const float sc = theme.scale() > 0 ? theme.scale() : 1;
            learn.ui_rects["card"] = {a.x / sc, a.y / sc, (a.x + sz.x) / sc, (a.y + sz.y) / sc};
        }
        draw_card(learn, theme);
    }
    ImGui::End();
    ImGui::PopStyleVar(2);
}

}  // namespace pg
