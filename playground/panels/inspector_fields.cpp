// inspector_fields.cpp — typed property editors with ranges, defaults and inline diagnostics.
#include "panels/inspector_fields.h"

#include "field_help.h"
#include "js/js_highlight.h"
#include "panels/inspector_structured.h"
#include "ui_marks.h"
#include "widgets.h"

#include <imgui_internal.h>  // the text cursor of the active editor (code_editor draws its own)

#include <algorithm>
#include <cctype>
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

// A property name in the width its column has: broken into lines between its words (CamelCase humps,
// '-', '_', '.') rather than cut off, the name itself unchanged (it is what a template spells).
void property_name(const std::string& key, bool set) {
    std::vector<std::string> words(1);
    for (std::size_t i = 0; i < key.size(); ++i) {
        const char c = key[i], prev = i ? key[i - 1] : 0;
        const bool hump =
            std::isupper(static_cast<unsigned char>(c)) &&
            (std::islower(static_cast<unsigned char>(prev)) || std::isdigit(static_cast<unsigned char>(prev)));
        if (hump && !words.back().empty()) words.emplace_back();
        words.back() += c;
        if (c == '-' || c == '_' || c == '.') words.emplace_back();
    }
    const float w = ImGui::GetContentRegionAvail().x;
    if (!set) ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    ImGui::BeginGroup();
    std::string line;
    for (const std::string& word : words) {
        if (!line.empty() && ImGui::CalcTextSize((line + word).c_str()).x > w) {
            ImGui::TextUnformatted(line.c_str());
            line.clear();
        }
        line += word;
    }
    ImGui::TextUnformatted(line.c_str());
    ImGui::EndGroup();
    if (!set) ImGui::PopStyleColor();
}

// The printf format of a number field: the value and its unit ("%lld MB"); ImGui parses the number
// back and ignores the unit.
std::string number_format(const char* value, const std::string& unit) {
    std::string f = value;
    if (unit.empty()) return f;
    f += ' ';
    for (const char c : unit) f += c == '%' ? std::string("%%") : std::string(1, c);
    return f;
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

ImU32 token_colour(sim::js::TokenKind k, bool dark) {
    switch (k) {
        case sim::js::TokenKind::Keyword:
            return dark ? IM_COL32(197, 134, 192, 255) : IM_COL32(150, 40, 150, 255);
        case sim::js::TokenKind::String:
        case sim::js::TokenKind::Regex:
            return dark ? IM_COL32(206, 145, 120, 255) : IM_COL32(163, 21, 21, 255);
        case sim::js::TokenKind::Comment:
            return dark ? IM_COL32(106, 153, 85, 255) : IM_COL32(0, 128, 0, 255);
        case sim::js::TokenKind::Number:
            return dark ? IM_COL32(181, 206, 168, 255) : IM_COL32(9, 134, 88, 255);
    }
    return 0;
}

// Draws `text` with its JavaScript coloured, each line at `origin` + (its advance, line × line_h):
// where InputTextMultiline lays out the same text (the same font, no wrapping). Lines out of view
// are skipped.
void draw_coloured_code(ImDrawList* dl, std::string_view text, ImVec2 origin, float line_h, bool dark) {
    ImFont* font = ImGui::GetFont();
    const float size = ImGui::GetFontSize();
    const ImU32 plain = ImGui::GetColorU32(ImGuiCol_Text);
    const std::vector<sim::js::TokenSpan> spans = sim::js::highlight_js(text);
    std::size_t next_span = 0, line_start = 0;
    float y = origin.y;
    while (line_start <= text.size()) {
        const std::size_t line_end = std::min(text.find('\n', line_start), text.size());
        if (ImGui::IsRectVisible(ImVec2(origin.x, y), ImVec2(origin.x + 1e5f, y + line_h))) {
            float x = origin.x;
            std::size_t at = line_start;
            while (at < line_end) {
                while (next_span < spans.size() && spans[next_span].end <= at) ++next_span;
                const bool in_span = next_span < spans.size() && spans[next_span].begin <= at;
                const std::size_t to =
                    in_span ? std::min(spans[next_span].end, line_end)
                            : std::min(next_span < spans.size() ? spans[next_span].begin : line_end, line_end);
                const char* b = text.data() + at;
                const char* e = text.data() + to;
                dl->AddText(font, size, ImVec2(x, y), in_span ? token_colour(spans[next_span].kind, dark) : plain, b,
                            e);
                x += font->CalcTextSizeA(size, 1e9f, 0, b, e).x;
                at = to;
            }
        } else {
            while (next_span < spans.size() && spans[next_span].end <= line_end) ++next_span;
        }
        line_start = line_end + 1;
        y += line_h;
    }
}

// The text cursor of the active editor `id` (its text is drawn transparent, so ImGui's own cursor
// is too): a bar before the cursor's character, blinking as ImGui's does.
void draw_code_cursor(ImDrawList* dl, ImGuiID id, std::string_view text, ImVec2 origin, float line_h) {
    const ImGuiInputTextState* st = ImGui::GetInputTextState(id);
    if (!st || (st->CursorAnim > 0 && ImFmod(st->CursorAnim, 1.20f) > 0.80f)) return;
    // The cursor counts characters (UTF-16 units); find its byte in the UTF-8 text.
    int chars = st->GetCursorPos();
    std::size_t byte = 0;
    while (byte < text.size() && chars > 0) {
        unsigned int c = 0;
        byte += static_cast<std::size_t>(ImTextCharFromUtf8(&c, text.data() + byte, text.data() + text.size()));
        --chars;
    }
    const std::size_t line_start = byte == 0 ? 0 : text.rfind('\n', byte - 1) + 1;
    const auto line = static_cast<float>(std::count(text.begin(), text.begin() + static_cast<long>(byte), '\n'));
    const float x =
        origin.x +
        ImGui::GetFont()->CalcTextSizeA(ImGui::GetFontSize(), 1e9f, 0, text.data() + line_start, text.data() + byte).x;
    const float y = origin.y + line * line_h;
    dl->AddLine(ImVec2(x + 0.5f, y), ImVec2(x + 0.5f, y + line_h - 1), ImGui::GetColorU32(ImGuiCol_Text));
}

// A function's JavaScript: monospace, coloured, line numbers in a gutter, the line of a syntax
// error marked and the engine's message under it. The editor is as tall as the code, inside a scrolling child,
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
    // ImGui edits the text; the colours are ours. Its text and background are transparent, and
    // the coloured text (and the cursor) are drawn beneath its window, where it lays the text out.
    const ImVec2 input_at = ImGui::GetCursorScreenPos();
    const ImVec2 text_at(input_at.x + style.FramePadding.x, input_at.y + style.FramePadding.y);
    dl->AddRectFilled(input_at, ImVec2(input_at.x + text_w, input_at.y + text_h), ImGui::GetColorU32(ImGuiCol_FrameBg),
                      style.FrameRounding);
    if (bad_line > 0)
        dl->AddRectFilled(ImVec2(input_at.x, text_top + static_cast<float>(bad_line - 1) * line_h),
                          ImVec2(input_at.x + text_w, text_top + static_cast<float>(bad_line) * line_h),
                          IM_COL32(230, 80, 70, 60));
    ImGui::PushStyleColor(ImGuiCol_Text, IM_COL32(0, 0, 0, 0));
    ImGui::PushStyleColor(ImGuiCol_FrameBg, IM_COL32(0, 0, 0, 0));
    if (input_multiline(("##" + key).c_str(), buf, ImVec2(text_w, text_h), ImGuiInputTextFlags_AllowTabInput)) {
        config[key] = buf;
        changed = true;
    }
    ImGui::PopStyleColor(2);
    // After the edit, so the colours show this frame's text (the parent's draw list is under the
    // input's own window whatever the order).
    const bool dark = ImGui::GetStyle().Colors[ImGuiCol_WindowBg].x < 0.5f;
    draw_coloured_code(dl, buf, text_at, line_h, dark);
    draw_code_cursor(dl, ImGui::GetItemID(), buf, text_at, line_h);
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

// The fields the service read inside object-valued property `key`, or nullptr.
const std::vector<sim::ConfigField>* nested_fields(const FieldEditContext& ctx, const std::string& key) {
    if (!ctx.nested) return nullptr;
    const auto it = ctx.nested->find(key);
    return it == ctx.nested->end() || it->second.empty() ? nullptr : &it->second;
}

bool field_row(FieldEditContext& ctx, const sim::ConfigField& f, sim::Json& config);

// An object-valued property (ProvisionedThroughput, ScalingConfig, ...) as rows of the fields the
// service reads inside it, indented under the property's name (the same table, so their names have
// the whole name column), each typed with range, unit and default like a top-level one.
bool nested_rows(FieldEditContext& ctx, const std::string& key, const std::vector<sim::ConfigField>& fields,
                 sim::Json& config) {
    FieldEditContext inner{ctx.state,        ctx.theme, ctx.diagnostics, ctx.path + "/" + key,
                           ctx.service_type, "fields",  nullptr,         key + "."};
    const bool unset = !config.contains(key);
    sim::Json value = unset ? sim::Json::object() : config[key];  // unset: the fields show their defaults
    ImGui::PushID(key.c_str());
    ImGui::Indent(ctx.theme.px(12));  // a table indents its first column only
    bool changed = false;
    for (const auto& f : fields) changed = field_row(inner, f, value) || changed;
    ImGui::Unindent(ctx.theme.px(12));
    ImGui::PopID();
    if (!changed) return false;
    // The first edit of an unset property writes the object whole: the other fields with the
    // defaults the service was using (AWS wants ReadCapacityUnits and WriteCapacityUnits together).
    if (unset)
        for (const auto& f : fields)
            if (!value.contains(f.key) && !f.dflt.is_null()) value[f.key] = f.dflt;
    config[key] = std::move(value);
    return true;
}

// The field's name, kind and range, then what it means: AWS's meaning or the simulator's (fetched
// on the first hover of the service's fields, field_help.h).
void field_tooltip(FieldEditContext& ctx, const sim::ConfigField& f) {
    ImGui::BeginTooltip();
    ImGui::PushTextWrapPos(ImGui::GetFontSize() * 24);
    ImGui::Text("%s (%s)", f.key.c_str(), f.kind.c_str());
    if (const std::string summary = field_summary(f); !summary.empty()) ImGui::TextDisabled("%s", summary.c_str());
    if (f.kind == "distribution")
        ImGui::TextDisabled(
            "forms: 25 (fixed), {\"p50\": 20, \"p99\": 120} (lognormal), {\"min\": 5, \"max\": 15} "
            "(uniform), {\"mean\": 30} (exponential)");
    if (!ctx.service_type.empty()) {
        const FieldMeaning m = field_meaning(ctx.service_type, ctx.help_section, ctx.inside + f.key);
        ImGui::Separator();
        if (m.state == FieldMeaning::State::Loading)
            ImGui::TextDisabled("Looking up what it means...");
        else if (m.state == FieldMeaning::State::Ready) {
            ImGui::TextUnformatted(m.text.c_str());
            ImGui::TextDisabled(m.aws ? "An AWS setting." : "A simulator setting: AWS has no such property.");
        } else if (!m.text.empty())
            ImGui::TextDisabled("%s", m.text.c_str());
        static const char* const kStates[] = {"loading", "ready", "missing"};
        ctx.state.field_help_drawn = {
            {"key", f.key}, {"state", kStates[static_cast<int>(m.state)]}, {"text", m.text}, {"aws", m.aws}};
    }
    ImGui::PopTextWrapPos();
    ImGui::EndTooltip();
}

bool field_row(FieldEditContext& ctx, const sim::ConfigField& f, sim::Json& config) {
    const sim::Json* cur = config.contains(f.key) ? &config[f.key] : nullptr;
    bool changed = false;
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    ImGui::AlignTextToFramePadding();
    property_name(f.key, cur != nullptr);
    mark_last_item("inspector.key." + f.key);
    if (ImGui::IsItemHovered()) field_tooltip(ctx, f);
    ImGui::TableNextColumn();
    ImGui::PushID(f.key.c_str());
    const float reset_w = cur ? ImGui::GetFrameHeight() + ImGui::GetStyle().ItemSpacing.x : 0;
    ImGui::SetNextItemWidth(ImGui::GetContentRegionAvail().x - reset_w);
    const std::vector<sim::ConfigField>* rows_below = nullptr;  // an object's fields, drawn after this row
    const bool typed_ok = !cur || (f.kind == "integer" || f.kind == "number" ? cur->is_number()
                                   : f.kind == "boolean"                     ? cur->is_boolean()
                                   : f.kind == "text" || f.kind == "choice"  ? cur->is_string()
                                                                             : true);
    if (structured_field(ctx, f, config, changed)) {
        // a form: the table's primary key, the function's architecture
    } else if (is_code_field(f.key) && (!cur || cur->is_string())) {
        const std::string& code = cur ? cur->get_ref<const std::string&>() : std::string();
        const long lines = cur ? 1 + std::count(code.begin(), code.end(), '\n') : 0;
        ImGui::AlignTextToFramePadding();
        if (cur)
            ImGui::TextDisabled("%ld lines of JavaScript: above", lines);
        else
            ImGui::TextDisabled("none: the DurationMs model runs");
    } else if (const auto* inner = nested_fields(ctx, f.key); inner && (!cur || cur->is_object())) {
        rows_below = inner;
        ImGui::AlignTextToFramePadding();
        ImGui::TextDisabled(cur ? "fields below" : "fields below (defaults)");
    } else if (!typed_ok || f.kind == "distribution" || f.kind == "raw") {
        changed = single_line_json(ctx, f.key, cur, config, f.dflt);
    } else if (f.kind == "integer") {
        long long v = cur ? static_cast<long long>(std::llround(cur->get<double>()))
                          : (f.dflt.is_number() ? f.dflt.get<long long>() : 0);
        if (!cur) ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
        if (ImGui::InputScalar("##v", ImGuiDataType_S64, &v, nullptr, nullptr, number_format("%lld", f.unit).c_str())) {
            config[f.key] = v;
            changed = true;
        }
        if (!cur) ImGui::PopStyleColor();
    } else if (f.kind == "number") {
        double v = cur ? cur->get<double>() : (f.dflt.is_number() ? f.dflt.get<double>() : 0);
        if (!cur) ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
        if (ImGui::InputDouble("##v", &v, 0, 0, number_format("%.6g", f.unit).c_str())) {
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
    mark_last_item("inspector.value." + f.key);
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
    if (rows_below) changed = nested_rows(ctx, f.key, *rows_below, config) || changed;
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
