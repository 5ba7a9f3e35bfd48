// diagnostics.cpp — every problem in the pattern (parse, wiring, config); clicking one selects
// the node or link its JSON path points at. Edits the app refused are listed first, newest on top.
#include "panels/panels.h"

#include "ui_marks.h"

#include <cstdio>

#include <cstdlib>

namespace pg {
namespace {

int index_after(const std::string& path, const char* prefix) {
    const std::string p(prefix);
    if (path.rfind(p, 0) != 0) return -1;
    char* end = nullptr;
    const long v = std::strtol(path.c_str() + p.size(), &end, 10);
    return end == path.c_str() + p.size() ? -1 : static_cast<int>(v);
}

// What a template import did and assumed: the pattern's "import" key (export/sam_import.h), one row
// per line, after the pattern's own problems.
void draw_import_notes(const sim::Json& notes) {
    static const char* const kSections[][2] = {
        {"kept", "not simulated"}, {"assumed", "value assumed"}, {"code", "code"}, {"entries", "client added"}};
    for (const auto& [key, label] : kSections) {
        const sim::Json* lines = sim::member(notes, key);
        if (!lines || !lines->is_array()) continue;
        for (std::size_t i = 0; i < lines->size(); ++i) {
            if (!(*lines)[i].is_string()) continue;
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::TextDisabled("import");
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(label);
            ImGui::TableNextColumn();
            ImGui::TextWrapped("%s", (*lines)[i].get_ref<const std::string&>().c_str());
            mark_last_item(std::string("problems.import.") + key + "." + std::to_string(i));
        }
    }
}

}  // namespace

void draw_diagnostics(PanelContext& ctx, Panels& state) {
    const auto& items = ctx.runner.diagnostics().items();
    const auto& refused = state.notices.log();
    const sim::Json* imported = sim::member(ctx.doc.pattern().extra, "import");
    if (imported && !imported->is_object()) imported = nullptr;
    if (items.empty() && refused.empty() && !imported) {
        ImGui::TextDisabled(ctx.doc.pattern().nodes.empty() ? "Empty pattern: drag services from the palette."
                                                            : "No problems: the pattern builds and runs.");
        return;
    }
    if (!ImGui::BeginTable("##diag", 3,
                           ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollY | ImGuiTableFlags_Resizable |
                               ImGuiTableFlags_BordersInnerV))
        return;
    mark_current_child("problems.list");
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn("", ImGuiTableColumnFlags_WidthFixed, ctx.theme.px(64));
    ImGui::TableSetupColumn("Where", ImGuiTableColumnFlags_WidthFixed, ctx.theme.px(220));
    ImGui::TableSetupColumn("Problem", ImGuiTableColumnFlags_WidthStretch);
    ImGui::TableHeadersRow();
    for (std::size_t k = 0; k < refused.size(); ++k) {
        const Notice& n = refused[refused.size() - 1 - k];
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::PushID(static_cast<int>(k) + 100000);
        ImGui::TextColored(ImVec4(0.85f, 0.62f, 0.15f, 1), "refused");
        ImGui::TableNextColumn();
        char at[48];
        std::snprintf(at, sizeof at, "edit at t = %.1f s", n.sim_time);
        ImGui::TextUnformatted(at);
        ImGui::TableNextColumn();
        ImGui::TextWrapped("%s: %s", n.title.c_str(), n.text.c_str());
        mark_last_item("problems.refused." + std::to_string(k));
        if (k == 0 && ImGui::SmallButton("Clear refused edits")) state.notices.clear_log();
        ImGui::PopID();
    }
    const auto& pattern = ctx.doc.pattern();
    for (std::size_t i = 0; i < items.size(); ++i) {
        const auto& d = items[i];
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::PushID(static_cast<int>(i));
        const bool err = d.severity == sim::Severity::Error;
        ImGui::TextColored(err ? ImVec4(0.95f, 0.33f, 0.30f, 1) : ImVec4(0.85f, 0.62f, 0.15f, 1),
                           err ? "error" : "warning");
        ImGui::TableNextColumn();
        const int n = index_after(d.path, "/nodes/"), e = index_after(d.path, "/edges/");
        std::string where = d.path.empty() ? "(pattern)" : d.path;
        if (n >= 0 && static_cast<std::size_t>(n) < pattern.nodes.size())
            where = pattern.nodes[static_cast<std::size_t>(n)].id + "  " + d.path;
        const bool picked = ImGui::Selectable(where.c_str(), false, ImGuiSelectableFlags_SpanAllColumns);
        mark_last_item("problems.item." + std::to_string(i));
        if (picked) {
            if (n >= 0 && static_cast<std::size_t>(n) < pattern.nodes.size())
                ctx.doc.select_only(pattern.nodes[static_cast<std::size_t>(n)].id);
            else if (e >= 0 && static_cast<std::size_t>(e) < pattern.edges.size()) {
                ctx.doc.clear_selection();
                ctx.doc.selection().edge = e;
            }
        }
        ImGui::TableNextColumn();
        ImGui::TextWrapped("%s", d.message.c_str());
        if (!d.hint.empty()) ImGui::TextDisabled("%s", d.hint.c_str());
        ImGui::PopID();
    }
    if (imported) draw_import_notes(*imported);
    ImGui::EndTable();
}

}  // namespace pg
