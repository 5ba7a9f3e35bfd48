// charts.cpp — one node's metrics over simulated time (the engine's fixed-width buckets), as charts
// with a legend, a value axis (0 and the largest value, with its unit) and a time axis (run start,
// middle, end): traffic (requests, errors, throttles per bucket), work (in flight, queued), latency
// and cost. Hovering a chart reads out the bucket under the pointer.
#include "panels/panels.h"

#include "runtime/simulation.h"

#include <algorithm>
#include <cstdio>
#include <vector>

namespace pg {
namespace {

struct Line {
    const char* name;
    ImU32 colour;
    std::vector<float> values;
};

struct Chart {
    std::string title;
    const char* unit;  // "", "ms" or "$"
    std::vector<Line> lines;
};

std::string value_text(double v, const char* unit) {
    char buf[32];
    if (unit[0] == '$')
        std::snprintf(buf, sizeof buf, "$%.3g", v);
    else
        std::snprintf(buf, sizeof buf, unit[0] ? "%.4g %s" : "%.4g%s", v, unit);
    return buf;
}

// "0:00", "4:06", "1:02:00" (simulated time).
std::string time_text(double s) {
    const auto t = static_cast<long long>(s + 0.5);
    char buf[32];
    if (t >= 3600)
        std::snprintf(buf, sizeof buf, "%lld:%02lld:%02lld", t / 3600, t / 60 % 60, t % 60);
    else
        std::snprintf(buf, sizeof buf, "%lld:%02lld", t / 60, t % 60);
    return buf;
}

// Draws one chart in `size` and returns what its axes and legend say (for layout().charts).
sim::Json draw_chart(const Theme& t, const Chart& c, double bucket_s, ImVec2 size) {
    const Palette& p = t.colours();
    const ImVec2 a = ImGui::GetCursorScreenPos(), b(a.x + size.x, a.y + size.y);
    ImGui::InvisibleButton(c.title.c_str(), size);
    const bool hovered = ImGui::IsItemHovered();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(a, b, ImGui::GetColorU32(ImGuiCol_FrameBg), t.px(4));
    const float line_h = ImGui::GetTextLineHeight(), pad = t.px(6);
    std::size_t n = 0;
    float hi = 0;
    for (const Line& l : c.lines) {
        n = std::max(n, l.values.size());
        for (float v : l.values) hi = std::max(hi, v);
    }
    sim::Json j = sim::Json::object();
    j["title"] = c.title;

    // Title and legend on the first line.
    float x = a.x + pad;
    dl->AddText(ImVec2(x, a.y + pad * 0.5f), p.node_text, c.title.c_str());
    x += ImGui::CalcTextSize(c.title.c_str()).x + t.px(12);
    sim::Json& legend = j["legend"] = sim::Json::array();
    for (const Line& l : c.lines) {
        const float mid = a.y + pad * 0.5f + line_h * 0.5f;
        dl->AddLine(ImVec2(x, mid), ImVec2(x + t.px(12), mid), l.colour, t.px(2));
        x += t.px(16);
        dl->AddText(ImVec2(x, a.y + pad * 0.5f), p.node_muted, l.name);
        x += ImGui::CalcTextSize(l.name).x + t.px(10);
        legend.push_back(l.name);
    }

    // Value axis on the left (0 and the top), time axis under the plot.
    const std::string top = value_text(hi, c.unit), zero = value_text(0, c.unit);
    const float axis_w = std::max(ImGui::CalcTextSize(top.c_str()).x, ImGui::CalcTextSize(zero.c_str()).x) + pad;
    const ImVec2 pa(a.x + pad + axis_w, a.y + pad + line_h + t.px(4)), pb(b.x - pad, b.y - line_h - pad * 0.5f);
    if (pb.y - pa.y < t.px(16)) return j;
    dl->AddLine(ImVec2(pa.x, pb.y), pb, p.node_muted);
    dl->AddLine(ImVec2(pa.x, pa.y), ImVec2(pb.x, pa.y), p.grid_major);
    dl->AddText(ImVec2(pa.x - pad - ImGui::CalcTextSize(top.c_str()).x, pa.y - line_h * 0.5f), p.node_muted,
                top.c_str());
    dl->AddText(ImVec2(pa.x - pad - ImGui::CalcTextSize(zero.c_str()).x, pb.y - line_h * 0.5f), p.node_muted,
                zero.c_str());
    j["y"] = {zero, top};
    const double end_s = static_cast<double>(n) * bucket_s;
    sim::Json& xs = j["x"] = sim::Json::array();
    for (int k = 0; k <= 2; ++k) {
        const std::string label = time_text(end_s * k / 2);
        const float w = ImGui::CalcTextSize(label.c_str()).x;
        const float at = pa.x + (pb.x - pa.x) * static_cast<float>(k) / 2 - w * static_cast<float>(k) / 2;
        dl->AddText(ImVec2(at, pb.y + pad * 0.25f), p.node_muted, label.c_str());
        xs.push_back(label);
    }

    // The lines: bucket k at its middle; the top of the axis is the largest value.
    const float scale = hi > 0 ? (pb.y - pa.y) / hi : 0;
    const float step = n > 1 ? (pb.x - pa.x) / static_cast<float>(n - 1) : 0;
    std::vector<ImVec2> pts;
    for (const Line& l : c.lines) {
        pts.clear();
        for (std::size_t k = 0; k < l.values.size(); ++k)
            pts.emplace_back(pa.x + step * static_cast<float>(k), pb.y - l.values[k] * scale);
        if (pts.size() > 1) dl->AddPolyline(pts.data(), static_cast<int>(pts.size()), l.colour, 0, t.px(1.5f));
    }

    // The bucket under the pointer: a marker line and its values.
    if (hovered && n > 0 && step > 0) {
        const float mx = ImGui::GetIO().MousePos.x;
        const auto k = static_cast<std::size_t>(std::clamp((mx - pa.x) / step + 0.5f, 0.0f, static_cast<float>(n - 1)));
        const float kx = pa.x + step * static_cast<float>(k);
        dl->AddLine(ImVec2(kx, pa.y), ImVec2(kx, pb.y), p.node_muted);
        ImGui::BeginTooltip();
        ImGui::Text("%s – %s", time_text(static_cast<double>(k) * bucket_s).c_str(),
                    time_text(static_cast<double>(k + 1) * bucket_s).c_str());
        for (const Line& l : c.lines)
            if (k < l.values.size()) ImGui::Text("%s: %s", l.name, value_text(l.values[k], c.unit).c_str());
        ImGui::EndTooltip();
    }
    return j;
}

}  // namespace

void draw_charts(PanelContext& ctx, Panels& state) {
    state.charts = sim::Json::array();
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
    const double bucket_s = ts.width().seconds();
    ImGui::SameLine();
    ImGui::TextDisabled("per %.3g s of simulated time", bucket_s);

    const Palette& c = ctx.theme.colours();
    char per[32];
    std::snprintf(per, sizeof per, "per %.3g s", bucket_s);
    Chart traffic{std::string("Traffic ") + per,
                  "",
                  {{"requests", c.selection, {}}, {"errors", c.error, {}}, {"throttles", c.throttled, {}}}};
    Chart work{"Work (most at once)", "", {{"in flight", c.ok, {}}, {"queued", c.retry, {}}}};
    Chart latency{"Latency", "ms", {{"mean", c.selection, {}}}};
    Chart cost{std::string("Cost ") + per, "$", {{"cost", c.ok, {}}}};
    for (const auto& b : ts.buckets()) {
        traffic.lines[0].values.push_back(
            static_cast<float>(b.counters[static_cast<std::size_t>(sim::Counter::Invocations)]));
        traffic.lines[1].values.push_back(
            static_cast<float>(b.counters[static_cast<std::size_t>(sim::Counter::Errors)]));
        traffic.lines[2].values.push_back(
            static_cast<float>(b.counters[static_cast<std::size_t>(sim::Counter::Throttles)]));
        work.lines[0].values.push_back(static_cast<float>(b.max_concurrency));
        work.lines[1].values.push_back(static_cast<float>(b.max_queue_depth));
        latency.lines[0].values.push_back(
            b.latency_count
                ? static_cast<float>(static_cast<double>(b.latency_sum_us) / 1e3 / static_cast<double>(b.latency_count))
                : 0.0f);
        cost.lines[0].values.push_back(static_cast<float>(b.cost_usd));
    }
    const Chart* all[] = {&traffic, &work, &latency, &cost};
    const float avail = ImGui::GetContentRegionAvail().x;
    const int cols = avail > ctx.theme.px(1000) ? 4 : (avail > ctx.theme.px(520) ? 2 : 1);
    const float gap = ImGui::GetStyle().ItemSpacing.x;
    const float w = (avail - gap * static_cast<float>(cols - 1)) / static_cast<float>(cols);
    const float rows_h = ImGui::GetContentRegionAvail().y - ImGui::GetStyle().ItemSpacing.y;
    const float h = std::max(ctx.theme.px(96), cols == 4 ? rows_h : ctx.theme.px(110));
    ImGui::BeginChild("##plots");
    for (std::size_t k = 0; k < std::size(all); ++k) {
        state.charts.push_back(draw_chart(ctx.theme, *all[k], bucket_s, ImVec2(w, h)));
        if ((k + 1) % static_cast<std::size_t>(cols) != 0) ImGui::SameLine();
    }
    ImGui::EndChild();
}

}  // namespace pg
