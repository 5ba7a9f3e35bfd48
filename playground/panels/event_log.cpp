// event_log.cpp — what happened, newest first: every recent service hop (span) and every notable
// engine event (drops, dead-lettering, retries), filterable by text and by problems only.
// Clicking a row opens its trace in the trace view.
#include "panels/panels.h"

#include "runtime/simulation.h"
#include "ui_marks.h"
#include "widgets.h"

#include <algorithm>
#include <cstdio>

namespace pg {
namespace {

constexpr std::size_t kMaxRows = 600;

struct Row {
    sim::SimTime at;
    std::uint32_t node = 0;
    std::uint64_t trace = 0;
    sim::Outcome outcome = sim::Outcome::Ok;
    std::string text;
};

ImVec4 outcome_colour(sim::Outcome o) {
    switch (o) {
        case sim::Outcome::Ok:
            return ImVec4(0.30f, 0.72f, 0.38f, 1);
        case sim::Outcome::Retry:
            return ImVec4(0.85f, 0.62f, 0.15f, 1);
        case sim::Outcome::Throttled:
            return ImVec4(0.88f, 0.45f, 0.18f, 1);
        case sim::Outcome::DeadLettered:
            return ImVec4(0.64f, 0.45f, 0.97f, 1);
        default:
            return ImVec4(0.95f, 0.36f, 0.33f, 1);
    }
}

bool contains_ci(const std::string& hay, const std::string& needle) {
    if (needle.empty()) return true;
    auto it = std::search(hay.begin(), hay.end(), needle.begin(), needle.end(), [](char a, char b) {
        return std::tolower(static_cast<unsigned char>(a)) == std::tolower(static_cast<unsigned char>(b));
    });
    return it != hay.end();
}

}  // namespace

void draw_event_log(PanelContext& ctx, Panels& state) {
    const sim::Simulation* s = ctx.runner.simulation();
    ImGui::SetNextItemWidth(ctx.theme.px(220));
    input_text("##logfilter", state.log_filter, 0, "filter: node, operation, text");
    ImGui::SameLine();
    ImGui::Checkbox("problems only", &state.log_problems_only);
    if (!s) {
        ImGui::TextDisabled("The pattern has errors: nothing runs until they are fixed (see Problems).");
        return;
    }
    ImGui::SameLine();
    // Errors, throttles and retries are notable too, not only drops and dead letters (issue 20).
    ImGui::TextDisabled("%llu notable events in total (%llu failed, throttled or retried calls)",
                        static_cast<unsigned long long>(s->trace().notable_total()),
                        static_cast<unsigned long long>(s->trace().problem_spans()));

    // Merge the newest spans and log entries, newest first.
    std::vector<Row> rows;
    const auto& recent = s->trace().recent_spans();
    const auto& kept = s->trace().kept_spans();
    const auto& log = s->trace().entries();
    auto add_span = [&](const sim::Span& sp) {
        std::string t = sp.operation;
        if (!sp.detail.empty()) t += " — " + sp.detail;
        rows.push_back({sp.end, sp.node, sp.trace, sp.outcome, std::move(t)});
    };
    for (std::size_t i = recent.size(); i-- > 0 && rows.size() < kMaxRows * 2;) add_span(recent[i]);
    for (std::size_t i = kept.size(); i-- > 0 && rows.size() < kMaxRows * 3;) add_span(kept[i]);
    for (std::size_t i = log.size(); i-- > 0 && rows.size() < kMaxRows * 4;)
        rows.push_back({log[i].at, log[i].node, log[i].trace, log[i].outcome, log[i].text});
    std::stable_sort(rows.begin(), rows.end(), [](const Row& a, const Row& b) { return a.at > b.at; });

    if (!ImGui::BeginTable("##log", 5,
                           ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollY | ImGuiTableFlags_Resizable |
                               ImGuiTableFlags_BordersInnerV | ImGuiTableFlags_SizingFixedFit))
        return;
    mark_current_child("events.list");
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn("time (s)", ImGuiTableColumnFlags_WidthFixed, ctx.theme.px(90));
    ImGui::TableSetupColumn("node", ImGuiTableColumnFlags_WidthFixed, ctx.theme.px(130));
    ImGui::TableSetupColumn("outcome", ImGuiTableColumnFlags_WidthFixed, ctx.theme.px(90));
    ImGui::TableSetupColumn("what", ImGuiTableColumnFlags_WidthStretch);
    ImGui::TableSetupColumn("trace", ImGuiTableColumnFlags_WidthFixed, ctx.theme.px(60));
    ImGui::TableHeadersRow();
    std::size_t shown = 0;
    for (std::size_t r = 0; r < rows.size() && shown < kMaxRows; ++r) {
        const Row& row = rows[r];
        if (state.log_problems_only && row.outcome == sim::Outcome::Ok) continue;
        const std::string& node = row.node < s->node_count() ? s->node_id(row.node) : std::string("?");
        if (!state.log_filter.empty() && !contains_ci(node, state.log_filter) &&
            !contains_ci(row.text, state.log_filter) && !contains_ci(sim::outcome_name(row.outcome), state.log_filter))
            continue;
        ++shown;
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::PushID(static_cast<int>(r));
        char t[32];
        std::snprintf(t, sizeof t, "%.3f", row.at.seconds());
        const bool picked =
            ImGui::Selectable(t, state.trace_id == row.trace && row.trace != 0, ImGuiSelectableFlags_SpanAllColumns);
        if (shown == 1) mark_last_item("events.row0");
        if (picked) {
            state.trace_id = row.trace;
            state.bottom_tab_request = 3;  // Trace
            if (row.node < s->node_count()) ctx.doc.select_only(node);
        }
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(node.c_str());
        ImGui::TableNextColumn();
        ImGui::TextColored(outcome_colour(row.outcome), "%s", sim::outcome_name(row.outcome));
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(row.text.c_str());
        ImGui::TableNextColumn();
        if (row.trace) ImGui::TextDisabled("%llu", static_cast<unsigned long long>(row.trace));
        ImGui::PopID();
    }
    ImGui::EndTable();
}

}  // namespace pg
