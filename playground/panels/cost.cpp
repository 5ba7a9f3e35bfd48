// cost.cpp — what the run cost: running total, per node (largest first), and the projection to a
// 30-day month at the simulated rate (the same arithmetic as the CLI report).
#include "panels/panels.h"

#include "runtime/simulation.h"

#include <algorithm>
#include <cstdio>
#include <vector>

namespace pg {

void draw_cost(PanelContext& ctx) {
    const sim::Simulation* s = ctx.runner.simulation();
    if (!s) {
        ImGui::TextDisabled("Nothing has run yet.");
        return;
    }
    const double secs = s->now().seconds();
    const double total = s->total_cost_usd();
    constexpr double kMonth = 30.0 * 86400.0;
    char line[200];
    const bool free_tier = s->pattern().settings.free_tier;
    if (secs > 0 && free_tier)  // allowances are monthly: scaling this run to a month would be wrong
        std::snprintf(line, sizeof line, "$%.6f for %.1f s simulated, always-free allowances applied", total, secs);
    else if (secs > 0)
        std::snprintf(line, sizeof line, "$%.6f for %.1f s simulated  ·  about $%.2f per 30-day month at this rate",
                      total, secs, total / secs * kMonth);
    else
        std::snprintf(line, sizeof line, "$0 so far: play the simulation to see costs");
    ImGui::PushFont(ctx.theme.fonts().bold);
    ImGui::TextUnformatted(line);
    ImGui::PopFont();
    if (const std::uint64_t requests = s->requests_answered(); requests > 0)
        ImGui::TextDisabled("$%.2f per million requests (%llu end-to-end requests answered)",
                            total / static_cast<double>(requests) * 1e6, static_cast<unsigned long long>(requests));

    std::vector<std::size_t> order(s->node_count());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return s->node_cost_usd(a) > s->node_cost_usd(b); });
    if (!ImGui::BeginTable("##cost", 5,
                           ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollY | ImGuiTableFlags_BordersInnerV |
                               ImGuiTableFlags_SizingStretchProp))
        return;
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn("node");
    ImGui::TableSetupColumn("type");
    ImGui::TableSetupColumn("cost $");
    ImGui::TableSetupColumn("share");
    ImGui::TableSetupColumn("per month $");
    ImGui::TableHeadersRow();
    for (std::size_t i : order) {
        const double c = s->node_cost_usd(i);
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        if (ImGui::Selectable(s->node_id(i).c_str(), ctx.doc.is_selected(s->node_id(i)),
                              ImGuiSelectableFlags_SpanAllColumns))
            ctx.doc.select_only(s->node_id(i));
        ImGui::TableNextColumn();
        ImGui::TextDisabled("%s", s->node_type(i).c_str());
        ImGui::TableNextColumn();
        ImGui::Text("%.6f", c);
        ImGui::TableNextColumn();
        const float share = total > 0 ? static_cast<float>(c / total) : 0.0f;
        char pct[16];
        std::snprintf(pct, sizeof pct, "%.0f%%", share * 100);
        ImGui::ProgressBar(share, ImVec2(-1, 0), pct);
        ImGui::TableNextColumn();
        if (free_tier)
            ImGui::TextDisabled("n/a");
        else
            ImGui::Text("%.2f", secs > 0 ? c / secs * kMonth : 0.0);
    }
    ImGui::EndTable();
}

}  // namespace pg
