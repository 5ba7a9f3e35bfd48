// trace_view.cpp — one request followed across services (like an X-Ray trace): a bar per span on
// a shared time axis, coloured by outcome, with operation and detail. Shows the chosen trace or,
// when none is chosen, the newest one.
#include "panels/panels.h"

#include "core/registry.h"
#include "runtime/simulation.h"
#include "services/all_services.h"

#include <algorithm>
#include <cfloat>
#include <cstdio>

namespace pg {
namespace {

ImU32 outcome_colour(sim::Outcome o, const Palette& c) {
    switch (o) {
        case sim::Outcome::Ok:
            return c.ok;
        case sim::Outcome::Retry:
            return c.retry;
        case sim::Outcome::Throttled:
            return c.throttled;
        case sim::Outcome::DeadLettered:
            return c.dead_letter;
        default:
            return c.error;
    }
}

// A span is recorded when its hop ends, so the caller's span comes after its callees'. A trace is
// complete once the span of its entry node (no incoming links, or fed only by sources) is in.
std::uint64_t newest_complete_trace(const sim::Simulation& s, const sim::Pattern& p) {
    std::vector<bool> entry(p.nodes.size(), true);
    for (const auto& e : p.edges) {
        const int from = p.node_index(e.from), to = p.node_index(e.to);
        if (from < 0 || to < 0) continue;
        const sim::ServiceKind* k = sim::default_registry().find(p.nodes[static_cast<std::size_t>(from)].type);
        if (!k || k->group != "sources") entry[static_cast<std::size_t>(to)] = false;
    }
    auto pick = [&](const auto& spans) -> std::uint64_t {
        for (auto it = spans.rbegin(); it != spans.rend(); ++it)
            if (it->node < entry.size() && entry[it->node]) return it->trace;
        return 0;
    };
    if (std::uint64_t t = pick(s.trace().recent_spans())) return t;
    if (std::uint64_t t = pick(s.trace().kept_spans())) return t;
    const auto& recent = s.trace().recent_spans();
    return recent.empty() ? (s.trace().kept_spans().empty() ? 0 : s.trace().kept_spans().back().trace)
                          : recent.back().trace;
}

}  // namespace

void draw_trace_view(PanelContext& ctx, Panels& state) {
    const sim::Simulation* s = ctx.runner.simulation();
    if (!s) {
        ImGui::TextDisabled("Nothing has run yet.");
        return;
    }
    std::uint64_t id = state.trace_id;
    if (id == 0) id = newest_complete_trace(*s, ctx.doc.pattern());
    long long shown_id = static_cast<long long>(id);
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted("trace");
    ImGui::SameLine();
    ImGui::SetNextItemWidth(ctx.theme.px(120));
    if (ImGui::InputScalar("##trace", ImGuiDataType_S64, &shown_id, nullptr, nullptr, "%lld") && shown_id >= 0)
        state.trace_id = static_cast<std::uint64_t>(shown_id);
    ImGui::SameLine();
    if (ImGui::Button("Latest")) state.trace_id = 0;
    ImGui::SameLine();
    ImGui::TextDisabled(state.trace_id == 0 ? "(following the newest trace; pick one in Events)" : "");
    if (id == 0) {
        ImGui::TextDisabled("No spans yet: play the simulation or fire an event.");
        return;
    }
    const std::vector<sim::Span> spans = s->trace().spans_of(id);
    if (spans.empty()) {
        ImGui::TextDisabled("Trace %llu is no longer kept (only the first %llu traces and the most recent spans are).",
                            static_cast<unsigned long long>(id),
                            static_cast<unsigned long long>(sim::Trace::kKeptTraces));
        return;
    }
    sim::SimTime t0 = spans.front().start, t1 = spans.front().end;
    for (const auto& sp : spans) {
        t0 = std::min(t0, sp.start);
        t1 = std::max(t1, sp.end);
    }
    const double total_ms = std::max(0.001, (t1 - t0).millis());
    char head[96];
    std::snprintf(head, sizeof head, "%zu spans over %.3f ms, starting at t = %.6f s", spans.size(), total_ms,
                  t0.seconds());
    ImGui::TextDisabled("%s", head);

    ImGui::BeginChild("##gantt", ImVec2(0, 0), false);
    const Palette& c = ctx.theme.colours();
    const float label_w = ctx.theme.px(260);
    const float row_h = ImGui::GetFrameHeight();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    for (std::size_t i = 0; i < spans.size(); ++i) {
        const sim::Span& sp = spans[i];
        const ImVec2 p = ImGui::GetCursorScreenPos();
        const float avail = std::max(ctx.theme.px(80), ImGui::GetContentRegionAvail().x - label_w - ctx.theme.px(8));
        const std::string& node = sp.node < s->node_count() ? s->node_id(sp.node) : std::string("?");
        std::string label = node + "  " + sp.operation;
        ImGui::PushID(static_cast<int>(i));
        ImGui::Selectable("##row", false, 0, ImVec2(0, row_h));
        if (ImGui::IsItemHovered())
            ImGui::SetTooltip("%s\n%s%s%s\n%.3f ms (%s)", node.c_str(), sp.operation.c_str(),
                              sp.detail.empty() ? "" : "\n", sp.detail.c_str(), (sp.end - sp.start).millis(),
                              sim::outcome_name(sp.outcome));
        if (ImGui::IsItemClicked()) ctx.doc.select_only(node);
        ImGui::PopID();
        dl->AddText(ImVec2(p.x + ctx.theme.px(4), p.y + (row_h - ImGui::GetFontSize()) * 0.5f),
                    ImGui::GetColorU32(ImGuiCol_Text), label.c_str());
        const float x0 = p.x + label_w + static_cast<float>((sp.start - t0).millis() / total_ms) * avail;
        const float x1 = std::max(x0 + ctx.theme.px(2),
                                  p.x + label_w + static_cast<float>((sp.end - t0).millis() / total_ms) * avail);
        dl->AddRectFilled(ImVec2(x0, p.y + row_h * 0.2f), ImVec2(x1, p.y + row_h * 0.8f), outcome_colour(sp.outcome, c),
                          ctx.theme.px(2));
        char dur[48];
        std::snprintf(dur, sizeof dur, "%.2f ms%s%s", (sp.end - sp.start).millis(), sp.detail.empty() ? "" : "  ",
                      sp.detail.c_str());
        const ImVec2 ts = ImGui::CalcTextSize(dur);
        const float tx = x1 + ctx.theme.px(6) + ts.x < p.x + label_w + avail + ctx.theme.px(8)
                             ? x1 + ctx.theme.px(6)
                             : x0 - ts.x - ctx.theme.px(6);
        dl->AddText(ImVec2(tx, p.y + (row_h - ImGui::GetFontSize()) * 0.5f), ImGui::GetColorU32(ImGuiCol_TextDisabled),
                    dur);
    }
    ImGui::EndChild();
}

}  // namespace pg
