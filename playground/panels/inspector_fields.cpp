// inspector_fields.cpp — typed property editors with ranges, defaults and inline diagnostics.
#include "panels/inspector_fields.h"

#include "ui_marks.h"
#include "widgets.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>

namespace pg {
namespace {

const ImVec4 kErrorColour(0.95f, 0.36f, 0.33f, 1);
const ImVec4 kWarnColour(0.88f, 0.64f, 0.16f, 1);

std::string num(double v) {
    char buf[48];
    std::snprintf(buf, sizeof buf, "%.10g", v);
    return buf;
}

// "1..10240 MB · default 128"
std::string field_summary(const sim::ConfigField& f) {
    std::string s;
    if (f.kind == "integer" || f.kind == "number") {
        const bool huge = f.hi >= 9e15;
        s = num(f.lo) + (huge ? "+" : ".." + num(f.hi));
        if (!f.unit.empty()) s += " " + f.unit;
    } else if (f.kind == "distribution") {
        s = "latency in ms";
    } else if (f.kind == "choice") {
        for (const auto& a : f.allowed) s += (s.empty() ? "" : " | ") + a;
    } else if (f.kind == "boolean") {
        s = "true | false";
    }
    if (!f.dflt.is_null()) {
        const std::string d = f.dflt.is_string() ? f.dflt.get<std::string>() : f.dflt.dump();
        if (!d.empty()) s += (s.empty() ? "" : " · ") + std::string("default ") + d;
    }
    return s;
}

// The first diagnostic at exactly `path` (or below it).
const sim::Diagnostic* diagnostic_at(const sim::Diagnostics& diags, const std::string& path) {
    for (const auto& d : diags.items())
        if (d.path == path || d.path.rfind(path + "/", 0) == 0) return &d;
    return nullptr;
}

bool single_line_json(FieldEditContext& ctx, const std::string& key, const sim::Json* current, sim::Json& config,
                      const sim::Json& dflt) {
    std::string& buf = ctx.state.text[key];
    if (buf.empty() && current) buf = current->dump();
    ImGui::PushFont(ctx.theme.fonts().mono);
    const std::string hint = dflt.is_null() ? std::string("JSON value") : dflt.dump();
    const bool edited = input_text("##v", buf, 0, hint.c_str());
    ImGui::PopFont();
    if (!edited) return false;
    if (buf.empty()) {
        ctx.state.errors.erase(key);
        if (config.contains(key)) {
            config.erase(key);
            return true;
        }
        return false;
    }
    sim::Json v = sim::Json::parse(buf, nullptr, false);
    if (v.is_discarded()) {
        ctx.state.errors[key] = "not valid JSON yet";
        return false;
    }
    ctx.state.errors.erase(key);
    if (current && *current == v) return false;
    config[key] = v;
    return true;
}

// Lambda's InlineCode: JavaScript, edited full width under the property table (code_editor).
bool is_code_field(const std::string& key) {
    return key == "InlineCode";
}

// The line a syntax error names: its message starts "<file>:<line>:<column>: ".
int error_line(const sim::Diagnostic* d) {
    if (!d) return 0;
    const std::size_t a = d->message.find(':');
    return a == std::string::npos ? 0 : std::atoi(d->message.c_str() + a + 1);
}

// A function's JavaScript: monospace, line numbers in a gutter, the line of a syntax error marked
// and the engine's message under it. The editor is as tall as the code, inside a scrolling child,
// so the gutter scrolls with the text.
bool code_editor(FieldEditContext& ctx, const std::string& key, sim::Json& config) {
    const sim::Json* cur = config.contains(key) ? &config[key] : nullptr;
    std::string& buf = ctx.state.text[key];
    if (buf.empty() && cur && cur->is_string()) buf = cur->get<std::string>();
    const sim::Diagnostic* problem = diagnostic_at(ctx.diagnostics, ctx.path + "/" + key);
    const int bad_line = problem && problem->severity == sim::Severity::Error ? error_line(problem) : 0;

    ImGui::TextUnformatted("Code");
    ImGui::SameLine();
    ImGui::TextDisabled("(%s, JavaScript: the handler runs in virtual time)", key.c_str());
    ImGui::PushFont(ctx.theme.fonts().mono);
    const ImGuiStyle& style = ImGui::GetStyle();
    const float line_h = ImGui::GetTextLineHeight();
    const int lines = 1 + static_cast<int>(std::count(buf.begin(), buf.end(), '\n'));
    const float text_h = static_cast<float>(lines + 1) * line_h + style.FramePadding.y * 2;
    const float shown_h = std::min(text_h, line_h * 16) + style.WindowPadding.y * 2;
    const float gutter = ImGui::CalcTextSize("000").x + style.ItemSpacing.x;
    bool changed = false;
    ImGui::BeginChild("##code", ImVec2(-1, shown_h), true, ImGuiWindowFlags_HorizontalScrollbar);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const float text_top = origin.y + style.FramePadding.y;
    if (bad_line > 0)
        dl->AddRectFilled(ImVec2(origin.x, text_top + static_cast<float>(bad_line - 1) * line_h),
                          ImVec2(origin.x + ImGui::GetContentRegionAvail().x + ImGui::GetScrollMaxX() + gutter,
                                 text_top + static_cast<float>(bad_line) * line_h),
                          IM_COL32(230, 80, 70, 60));
    const ImU32 number_colour = ImGui::GetColorU32(ImGuiCol_TextDisabled);
    char number[16];
    for (int i = 1; i <= lines; ++i) {
        const float y = text_top + static_cast<float>(i - 1) * line_h;
        if (!ImGui::IsRectVisible(ImVec2(origin.x, y), ImVec2(origin.x + gutter, y + line_h))) continue;
        std::snprintf(number, sizeof number, "%d", i);
        const float w = ImGui::CalcTextSize(number).x;
        dl->AddText(ImVec2(origin.x + gutter - style.ItemSpacing.x - w, y),
                    i == bad_line ? ImGui::GetColorU32(kErrorColour) : number_colour, number);
    }
    ImGui::SetCursorScreenPos(ImVec2(origin.x + gutter, origin.y));
    std::size_t longest = 0, start = 0;
    while (start <= buf.size()) {
        const std::size_t nl = std::min(buf.find('\n', start), buf.size());
        longest = std::max(longest, nl - start);
        start = nl + 1;
    }
    const float text_w =
        std::max(ImGui::GetContentRegionAvail().x, ImGui::CalcTextSize("M").x * static_cast<float>(longest + 2));
    if (input_multiline(("##" + key).c_str(), buf, ImVec2(text_w, text_h), ImGuiInputTextFlags_AllowTabInput)) {
        config[key] = buf;
        changed = true;
    }
    mark_last_item("inspector.code");
    ImGui::EndChild();
    ImGui::PopFont();
    if (problem) {
        ImGui::PushTextWrapPos(0);
        ImGui::TextColored(problem->severity == sim::Severity::Error ? kErrorColour : kWarnColour, "%s",
                           problem->message.c_str());
        if (!problem->hint.empty()) ImGui::TextDisabled("%s", problem->hint.c_str());
        ImGui::PopTextWrapPos();
    }
    return changed;
}

bool field_row(FieldEditContext& ctx, const sim::ConfigField& f, sim::Json& config) {
    const sim::Json* cur = config.contains(f.key) ? &config[f.key] : nullptr;
    bool changed = false;
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    ImGui::AlignTextToFramePadding();
    if (cur)
        ImGui::TextUnformatted(f.key.c_str());
    else
        ImGui::TextDisabled("%s", f.key.c_str());
    if (ImGui::IsItemHovered())
        ImGui::SetTooltip("%s (%s)\n%s%s", f.key.c_str(), f.kind.c_str(), field_summary(f).c_str(),
                          f.kind == "distribution"
                              ? "\nforms: 25 (fixed), {\"p50\": 20, \"p99\": 120} (lognormal),\n{\"min\": 5, \"max\": "
                                "15} (uniform), {\"mean\": 30} (exponential)"
                              : "");
    ImGui::TableNextColumn();
    ImGui::PushID(f.key.c_str());
    const float reset_w = cur ? ImGui::GetFrameHeight() + ImGui::GetStyle().ItemSpacing.x : 0;
    ImGui::SetNextItemWidth(ImGui::GetContentRegionAvail().x - reset_w);
    const bool typed_ok = !cur || (f.kind == "integer" || f.kind == "number" ? cur->is_number()
                                   : f.kind == "boolean"                     ? cur->is_boolean()
                                   : f.kind == "text" || f.kind == "choice"  ? cur->is_string()
                                                                             : true);
    if (is_code_field(f.key) && (!cur || cur->is_string())) {
        const std::string& code = cur ? cur->get_ref<const std::string&>() : std::string();
        const long lines = cur ? 1 + std::count(code.begin(), code.end(), '\n') : 0;
        ImGui::AlignTextToFramePadding();
        if (cur)
            ImGui::TextDisabled("%ld lines of JavaScript: above", lines);
        else
            ImGui::TextDisabled("none: the DurationMs model runs");
    } else if (!typed_ok || f.kind == "distribution" || f.kind == "raw") {
        changed = single_line_json(ctx, f.key, cur, config, f.dflt);
    } else if (f.kind == "integer") {
        long long v = cur ? static_cast<long long>(std::llround(cur->get<double>()))
                          : (f.dflt.is_number() ? f.dflt.get<long long>() : 0);
        if (!cur) ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
        if (ImGui::InputScalar("##v", ImGuiDataType_S64, &v)) {
            config[f.key] = v;
            changed = true;
        }
        if (!cur) ImGui::PopStyleColor();
    } else if (f.kind == "number") {
        double v = cur ? cur->get<double>() : (f.dflt.is_number() ? f.dflt.get<double>() : 0);
        if (!cur) ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
        if (ImGui::InputDouble("##v", &v, 0, 0, "%.6g")) {
            config[f.key] = v;
            changed = true;
        }
        if (!cur) ImGui::PopStyleColor();
    } else if (f.kind == "boolean") {
        bool v = cur ? cur->get<bool>() : (f.dflt.is_boolean() && f.dflt.get<bool>());
        if (ImGui::Checkbox(cur ? "##v" : "(default)##v", &v)) {
            config[f.key] = v;
            changed = true;
        }
    } else if (f.kind == "choice") {
        const std::string v = cur ? cur->get<std::string>() : (f.dflt.is_string() ? f.dflt.get<std::string>() : "");
        if (ImGui::BeginCombo("##v", cur ? v.c_str() : (v + " (default)").c_str())) {
            for (const auto& a : f.allowed)
                if (ImGui::Selectable(a.c_str(), a == v)) {
                    config[f.key] = a;
                    changed = true;
                }
            ImGui::EndCombo();
        }
    } else {  // text
        std::string& buf = ctx.state.text[f.key];
        if (buf.empty() && cur) buf = cur->get<std::string>();
        const std::string hint =
            f.dflt.is_string() && !f.dflt.get<std::string>().empty() ? f.dflt.get<std::string>() : "";
        if (input_text("##v", buf, 0, hint.empty() ? nullptr : hint.c_str())) {
            if (buf.empty())
                config.erase(f.key);
            else
                config[f.key] = buf;
            changed = true;
        }
    }
    if (cur) {
        ImGui::SameLine();
        if (ImGui::Button("×", ImVec2(ImGui::GetFrameHeight(), 0))) {
            config.erase(f.key);
            ctx.state.text.erase(f.key);
            ctx.state.errors.erase(f.key);
            changed = true;
        }
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("reset %s to its default", f.key.c_str());
    }
    const std::string summary = field_summary(f);
    if (!summary.empty()) {
        ImGui::PushTextWrapPos(0);
        ImGui::TextDisabled("%s", summary.c_str());
        ImGui::PopTextWrapPos();
    }
    if (auto it = ctx.state.errors.find(f.key); it != ctx.state.errors.end())
        ImGui::TextColored(kWarnColour, "%s", it->second.c_str());
    if (const sim::Diagnostic* d = diagnostic_at(ctx.diagnostics, ctx.path + "/" + f.key)) {
        ImGui::PushTextWrapPos(0);
        ImGui::TextColored(d->severity == sim::Severity::Error ? kErrorColour : kWarnColour, "%s", d->message.c_str());
        if (!d->hint.empty()) ImGui::TextDisabled("%s", d->hint.c_str());
        ImGui::PopTextWrapPos();
    }
    ImGui::PopID();
    return changed;
}

}  // namespace

GestureId edit_gesture(Document& doc, Panels& state) {
    if (state.edit_gesture == 0) state.edit_gesture = doc.begin_gesture();
    return state.edit_gesture;
}

bool config_fields(FieldEditContext& ctx, const std::vector<sim::ConfigField>& fields, sim::Json& config) {
    if (!config.is_object()) config = sim::Json::object();
    bool changed = false;
    // A function's code comes first: it is what the function does.
    for (const auto& f : fields)
        if (is_code_field(f.key) && config.contains(f.key) && config[f.key].is_string())
            changed = code_editor(ctx, f.key, config) || changed;
    if (!ImGui::BeginTable("##fields", 2,
                           ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingStretchProp))
        return false;
    ImGui::TableSetupColumn("Property", ImGuiTableColumnFlags_WidthStretch, 0.42f);
    ImGui::TableSetupColumn("Value", ImGuiTableColumnFlags_WidthStretch, 0.58f);
    for (const auto& f : fields) changed = field_row(ctx, f, config) || changed;
    // Keys the service never read: kept on save, flagged by the engine as not simulated.
    std::vector<std::string> extra;
    for (auto it = config.begin(); it != config.end(); ++it) {
        bool known = false;
        for (const auto& f : fields) known = known || f.key == it.key();
        if (!known) extra.push_back(it.key());
    }
    for (const auto& k : extra) {
        sim::ConfigField f;
        f.key = k;
        f.kind = "raw";
        changed = field_row(ctx, f, config) || changed;
    }
    ImGui::EndTable();
    return changed;
}

bool json_editor(FieldEditContext& ctx, const std::string& key, sim::Json& value, float height_lines) {
    std::string& buf = ctx.state.text[key];
    if (buf.empty()) buf = value.dump(2);
    ImGui::PushFont(ctx.theme.fonts().mono);
    const bool edited =
        input_multiline(("##" + key).c_str(), buf, ImVec2(-1, ImGui::GetTextLineHeight() * height_lines));
    ImGui::PopFont();
    bool changed = false;
    if (edited) {
        sim::Json v = sim::Json::parse(buf, nullptr, false);
        if (v.is_discarded()) {
            ctx.state.errors[key] = "not valid JSON (yet): the document keeps its last valid value";
        } else {
            ctx.state.errors.erase(key);
            if (v != value) {
                value = v;
                changed = true;
            }
        }
    }
    if (auto it = ctx.state.errors.find(key); it != ctx.state.errors.end())
        ImGui::TextColored(kWarnColour, "%s", it->second.c_str());
    return changed;
}

void diagnostics_under(const sim::Diagnostics& diags, const std::string& prefix, const Theme& theme) {
    (void)theme;
    ImGui::PushTextWrapPos(0);
    for (const auto& d : diags.items()) {
        if (!(d.path == prefix || d.path.rfind(prefix + "/", 0) == 0)) continue;
        ImGui::TextColored(d.severity == sim::Severity::Error ? kErrorColour : kWarnColour, "%s", d.message.c_str());
        if (!d.hint.empty()) ImGui::TextDisabled("%s", d.hint.c_str());
    }
    ImGui::PopTextWrapPos();
}

}  // namespace pg
