// charts.cpp — one node's metrics over simulated time (the engine's fixed-width buckets): requests
// and errors, throttles, in-flight work, queue depth, mean latency and cost per bucket.
#include "panels/panels.h"

#include "runtime/simulation.h"

#include <algorithm>
#include <cstdio>
#include <vector>

namespace pg {
namespace {

struct Series {
    const char* title;
    std::vector<float> values;
    const char* unit;
};

void plot(const Theme& t, const Series& s, ImVec2 size) {
    float hi = 0;
    for (float v : s.values) hi = std::max(hi, v);
    char overlay[96];
    const float last = s.values.empty() ? 0 : s.values.back();
    std::snprintf(overlay, sizeof overlay, "%s  now %.4g%s · max %.4g%s", s.title, last, s.unit, hi, s.unit);
    ImGui::PushStyleColor(ImGuiCol_PlotLines, ImGui::ColorConvertU32ToFloat4(t.colours().selection));
    ImGui::PlotLines("##plot", s.values.empty() ? nullptr : s.values.data(), static_cast<int>(s.values.size()), 0,
                     overlay, 0, hi > 0 ? hi * 1.1f : 1.0f, size);
    ImGui::PopStyleColor();
}

}  // namespace

void draw_charts(PanelContext& ctx, Panels& state) {
    const sim::Simulation* s = ctx.runner.simulation();
    if (!s || s->node_count() == 0) {
        ImGui::TextDisabled("Nothing has run yet.");
        return;
    }
    if (!ctx.doc.selection().nodes.empty()) state.chart_node = ctx.doc.selection().nodes.front();
    int index = ctx.doc.pattern().node_index(state.chart_node);
    if (index < 0 || static_cast<std::size_t>(index) >= s->node_count()) index = 0;
    const auto i = static_cast<std::size_t>(index);
    ImGui::SetNextItemWidth(ctx.theme.px(200));
    if (ImGui::BeginCombo("##chartnode", s->node_id(i).c_str())) {
        for (std::size_t n = 0; n < s->node_count(); ++n)
            if (ImGui::Selectable(s->node_id(n).c_str(), n == i)) state.chart_node = s->node_id(n);
        ImGui::EndCombo();
    }
    const sim::TimeSeries& ts = s->node_metrics(i).series();
    ImGui::SameLine();
    ImGui::TextDisabled("bucket %.3g s · %zu buckets", ts.width().seconds(), ts.buckets().size());

    Series req{"requests", {}, ""}, err{"errors", {}, ""}, thr{"throttles", {}, ""}, conc{"in flight (max)", {}, ""},
        queue{"queue depth (max)", {}, ""}, lat{"latency (mean)", {}, " ms"}, cost{"cost", {}, " $"};
    for (const auto& b : ts.buckets()) {
        req.values.push_back(static_cast<float>(b.counters[static_cast<std::size_t>(sim::Counter::Invocations)]));
        err.values.push_back(static_cast<float>(b.counters[static_cast<std::size_t>(sim::Counter::Errors)]));
        thr.values.push_back(static_cast<float>(b.counters[static_cast<std::size_t>(sim::Counter::Throttles)]));
        conc.values.push_back(static_cast<float>(b.max_concurrency));
        queue.values.push_back(static_cast<float>(b.max_queue_depth));
        lat.values.push_back(b.latency_count ? static_cast<float>(static_cast<double>(b.latency_sum_us) / 1e3 /
                                                                  static_cast<double>(b.latency_count))
                                             : 0.0f);
        cost.values.push_back(static_cast<float>(b.cost_usd));
    }
    const Series* all[] = {&req, &err, &thr, &conc, &queue, &lat, &cost};
    const float avail = ImGui::GetContentRegionAvail().x;
    const int cols = avail > ctx.theme.px(900) ? 3 : (avail > ctx.theme.px(520) ? 2 : 1);
    const float w = (avail - ImGui::GetStyle().ItemSpacing.x * static_cast<float>(cols - 1)) / static_cast<float>(cols);
    const ImVec2 size(w, ctx.theme.px(64));
    ImGui::BeginChild("##plots");
    for (std::size_t k = 0; k < std::size(all); ++k) {
        ImGui::PushID(static_cast<int>(k));
        plot(ctx.theme, *all[k], size);
        ImGui::PopID();
        if ((k + 1) % static_cast<std::size_t>(cols) != 0) ImGui::SameLine();
    }
    ImGui::EndChild();
}

}  // namespace pg
