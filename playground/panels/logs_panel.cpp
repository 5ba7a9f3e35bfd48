// logs_panel.cpp — the Logs tab: each function's log stream as Lambda writes it to CloudWatch Logs
// (START, the handler's console lines, END, REPORT), read from the engine's inspect()["logs"].
// Filterable by function and by text; clicking a line narrows the view to its request id, so one
// invocation's lines read together.
#include "panels/panels.h"

#include "runtime/simulation.h"
#include "ui_marks.h"
#include "widgets.h"

#include <algorithm>

namespace pg {
namespace {

// "START RequestId: <id> …", "END RequestId: <id>", "REPORT RequestId: <id>\t…" or a console
// line "<time>\t<id>\t<LEVEL>\t<text>": the request id, empty when the line has none.
std::string request_id_of(const std::string& line) {
    const std::size_t tag = line.find("RequestId: ");
    if (tag != std::string::npos && tag < 8) {
        const std::size_t start = tag + 11;
        return line.substr(start, line.find_first_of(" \t", start) - start);
    }
    const std::size_t t1 = line.find('\t');
    if (t1 == std::string::npos) return {};
    const std::size_t t2 = line.find('\t', t1 + 1);
    return t2 == std::string::npos ? std::string() : line.substr(t1 + 1, t2 - t1 - 1);
}

ImVec4 line_colour(const std::string& line) {
    if (line.find("\tERROR\t") != std::string::npos) return ImVec4(0.95f, 0.36f, 0.33f, 1);
    if (line.find("\tWARN\t") != std::string::npos) return ImVec4(0.85f, 0.62f, 0.15f, 1);
    return ImGui::GetStyleColorVec4(ImGuiCol_Text);
}

bool is_frame_line(const std::string& line) {
    return line.starts_with("START ") || line.starts_with("END ") || line.starts_with("REPORT ");
}

}  // namespace

std::vector<FunctionLogs> function_logs(const sim::Simulation& s) {
    std::vector<FunctionLogs> out;
    for (std::size_t i = 0; i < s.node_count(); ++i) {
        if (s.node_type(i) != "lambda") continue;
        const sim::Json inspect = s.node_inspect(i);
        auto logs = inspect.find("logs");
        if (logs == inspect.end() || !logs->is_array()) continue;
        FunctionLogs f{s.node_id(i), {}};
        for (const sim::Json& line : *logs)
            if (line.is_string()) f.lines.push_back(line.get<std::string>());
        out.push_back(std::move(f));
    }
    return out;
}

void refresh_logs(PanelContext& ctx, Panels& state, bool reading) {
    const sim::Simulation* s = ctx.runner.simulation();
    if (!s) {
        state.logs.clear();
        return;
    }
    // After each build (which functions run code: the tab shows when any does), and while the tab
    // is read, whenever the run has moved (inspecting copies every function's lines).
    const std::pair<std::uint64_t, std::uint64_t> at{ctx.runner.builds(), s->events_processed()};
    if (at.first != state.logs_read_at.first || (reading && at != state.logs_read_at)) {
        state.logs = function_logs(*s);
        state.logs_read_at = at;
    }
}

void draw_logs(PanelContext& ctx, Panels& state) {
    refresh_logs(ctx, state, true);
    ImGui::SetNextItemWidth(ctx.theme.px(160));
    const char* shown = state.logs_function.empty() ? "all functions" : state.logs_function.c_str();
    if (ImGui::BeginCombo("##logsfn", shown)) {
        if (ImGui::Selectable("all functions", state.logs_function.empty())) state.logs_function.clear();
        for (const FunctionLogs& f : state.logs)
            if (ImGui::Selectable(f.function.c_str(), f.function == state.logs_function))
                state.logs_function = f.function;
        ImGui::EndCombo();
    }
    ImGui::SameLine();
    ImGui::SetNextItemWidth(ctx.theme.px(240));
    input_text("##logstext", state.logs_filter, 0, "filter: request id or text");
    if (!state.logs_filter.empty()) {
        ImGui::SameLine();
        if (ImGui::SmallButton("clear")) state.logs_filter.clear();
    }
    ImGui::SameLine();
    ImGui::TextDisabled("click a line to show its request only");

    struct Shown {
        const std::string* function;
        const std::string* line;
    };
    std::vector<Shown> rows;
    for (const FunctionLogs& f : state.logs) {
        if (!state.logs_function.empty() && f.function != state.logs_function) continue;
        for (const std::string& line : f.lines)
            if (state.logs_filter.empty() || line.find(state.logs_filter) != std::string::npos)
                rows.push_back({&f.function, &line});
    }
    state.logs_shown = rows.size();
    const bool several = state.logs_function.empty() && state.logs.size() > 1;
    ImGui::BeginChild("##logs_lines", ImVec2(0, 0), false, ImGuiWindowFlags_HorizontalScrollbar);
    ImGui::PushFont(ctx.theme.fonts().mono);
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(rows.size()));
    while (clipper.Step())
        for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
            const std::string& line = *rows[static_cast<std::size_t>(i)].line;
            ImGui::PushID(i);
            if (several) {
                ImGui::TextDisabled("%s", rows[static_cast<std::size_t>(i)].function->c_str());
                ImGui::SameLine();
            }
            if (is_frame_line(line))
                ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
            else
                ImGui::PushStyleColor(ImGuiCol_Text, line_colour(line));
            if (ImGui::Selectable(line.c_str(), false)) {
                const std::string id = request_id_of(line);
                if (!id.empty()) state.logs_filter = id;
            }
            if (i == 0) mark_last_item("logs.line0");
            ImGui::PopStyleColor();
            ImGui::PopID();
        }
    ImGui::PopFont();
    ImGui::EndChild();
}

}  // namespace pg
