// palette.cpp — every service kind the registry knows, grouped and coloured like the canvas.
// Drag an item onto the canvas (ImGui drag-and-drop, payload "PG_KIND") or click it to add it
// at the centre of the view. Driven entirely by the registry: new services appear by themselves
// (kinds that are not simulated, like imported "cloudformation" resources, are left out).
#include "panels/panels.h"
#include "service_icons.h"
#include "ui_marks.h"

#include "core/registry.h"
#include "services/all_services.h"
#include "widgets.h"

#include <algorithm>
#include <cctype>

namespace pg {
namespace {

const char* const kGroupOrder[] = {"sources", "api", "compute", "messaging", "orchestration", "data", "edge"};

std::string title_case(std::string s) {
    if (!s.empty()) s[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(s[0])));
    if (s == "Api") s = "API";
    return s;
}

bool matches(const sim::ServiceKind& k, const std::string& filter) {
    if (!k.simulated) return false;  // kept-for-export resources come from a template import only
    if (filter.empty()) return true;
    auto lower = [](std::string s) {
        for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        return s;
    };
    const std::string f = lower(filter);
    return lower(k.label).find(f) != std::string::npos || lower(k.type).find(f) != std::string::npos ||
           lower(k.group).find(f) != std::string::npos;
}

// The first service the palette lists for `filter`, in its group order; "" when none matches.
std::string first_match(const std::string& filter) {
    const auto& kinds = sim::default_registry().kinds();
    for (const char* g : kGroupOrder)
        for (const auto& k : kinds)
            if (k.group == g && matches(k, filter)) return k.type;
    for (const auto& k : kinds)
        if (matches(k, filter)) return k.type;
    return {};
}

void palette_item(PanelContext& ctx, Panels& state, const sim::ServiceKind& k) {
    const Theme& t = ctx.theme;
    ImGui::PushID(k.type.c_str());
    const ImVec2 p = ImGui::GetCursorScreenPos();
    const float h = ImGui::GetFrameHeight();
    const bool clicked = ImGui::Selectable("##item", false, 0, ImVec2(0, h));
    const ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
    state.palette_items[k.type] = {a.x / t.scale(), a.y / t.scale(), b.x / t.scale(), b.y / t.scale()};
    if (ImGui::BeginDragDropSource(ImGuiDragDropFlags_SourceAllowNullID)) {
        ImGui::SetDragDropPayload("PG_KIND", k.type.data(), k.type.size());
        ImGui::TextUnformatted(k.label.c_str());
        ImGui::EndDragDropSource();
    } else if (ImGui::IsItemHovered(ImGuiHoveredFlags_DelayShort)) {
        ImGui::BeginTooltip();
        ImGui::PushFont(t.fonts().bold);
        ImGui::TextUnformatted(k.label.c_str());
        ImGui::PopFont();
        ImGui::PushTextWrapPos(t.px(320));
        if (!k.description.empty()) ImGui::TextUnformatted(k.description.c_str());
        // A kind whose resource must be selected (an HTTP endpoint as an API destination) is none by default.
        const char* cfn = k.cfn.empty() || k.cfn.front().selected_only ? "" : k.cfn.front().type.c_str();
        ImGui::TextDisabled("type \"%s\"%s%s", k.type.c_str(), *cfn ? " · " : "", cfn);
        ImGui::TextDisabled("Drag onto the canvas, or click to add.");
        ImGui::PopTextWrapPos();
        ImGui::EndTooltip();
    }
    if (clicked) ctx.proposals.push_back(AddNodeProposal{k.type, ctx.canvas.free_spot(ctx.doc, k.type)});
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float sw = t.px(19);  // in a 23 px row: whole pixels, so the icon's edges stay crisp
    const ImVec2 sq(p.x + t.px(2), p.y + (h - sw) * 0.5f);
    draw_service_icon(dl, k.icon, sq, sw, t.group_colour(k.group), IM_COL32_WHITE);
    dl->AddText(ImVec2(sq.x + sw + t.px(7), p.y + (h - ImGui::GetFontSize()) * 0.5f), ImGui::GetColorU32(ImGuiCol_Text),
                k.label.c_str());
    ImGui::PopID();
}

void palette_list(PanelContext& ctx, Panels& state) {
    const auto& kinds = sim::default_registry().kinds();
    if (state.focus_palette) {  // shortcut A: type to filter, Enter adds the first match
        state.focus_palette = false;
        state.palette_filter.clear();  // a new search
        type_into_next_frame("##filter");
    }
    ImGui::SetNextItemWidth(-1);
    if (input_text("##filter", state.palette_filter, ImGuiInputTextFlags_EnterReturnsTrue, "Filter services")) {
        const std::string first = first_match(state.palette_filter);
        if (!first.empty()) {
            ctx.proposals.push_back(AddNodeProposal{first, ctx.canvas.free_spot(ctx.doc, first)});
            state.palette_filter.clear();  // added: the whole list again
        }
    }
    mark_last_item("palette.filter");
    std::vector<std::string> groups(std::begin(kGroupOrder), std::end(kGroupOrder));
    for (const auto& k : kinds)
        if (std::find(groups.begin(), groups.end(), k.group) == groups.end()) groups.push_back(k.group);
    for (const auto& g : groups) {
        bool any = false;
        for (const auto& k : kinds) any = any || (k.group == g && matches(k, state.palette_filter));
        if (!any) continue;
        ImGui::Spacing();
        ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
        ImGui::TextUnformatted(title_case(g).c_str());
        ImGui::PopStyleColor();
        for (const auto& k : kinds)
            if (k.group == g && matches(k, state.palette_filter)) palette_item(ctx, state, k);
    }
}

}  // namespace

void draw_palette(PanelContext& ctx, Panels& state) {
    state.palette_items = sim::Json::object();
    ImGui::PushFont(ctx.theme.fonts().bold);
    ImGui::TextUnformatted("Services");
    ImGui::PopFont();
    palette_list(ctx, state);
}

void draw_palette_button(PanelContext& ctx, Panels& state) {
    state.palette_items = sim::Json::object();
    const ImVec2 o = ctx.canvas.view().origin();
    ImGui::SetCursorScreenPos(ImVec2(o.x + ctx.theme.px(8), o.y + ctx.theme.px(8)));
    if (ImGui::Button("+ Add service") || state.focus_palette) ImGui::OpenPopup("##palette_popup");
    mark_last_item("add-service");
    if (ImGui::BeginPopup("##palette_popup")) {
        const std::size_t proposed = ctx.proposals.size();
        ImGui::BeginChild("##pl", ImVec2(ctx.theme.px(220), ctx.theme.px(320)));
        palette_list(ctx, state);
        ImGui::EndChild();
        mark_last_item("add-service.list");  // the list's visible part (two fingers scroll it)
        // One tap, one service, as a menu item does (the list is a child, so ImGui keeps it open).
        if (ctx.proposals.size() != proposed) ImGui::CloseCurrentPopup();
        ImGui::EndPopup();
    }
}

}  // namespace pg
