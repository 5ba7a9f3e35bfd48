// ui_marks.cpp — see ui_marks.h.
#include "ui_marks.h"

#include "imgui.h"
#include "imgui_internal.h"  // GImGui->NavId: the item the keyboard is on

#include <map>

namespace pg {
namespace {

struct Mark {
    float rect[4];
    unsigned frame;
    ImGuiID id;  // the last item's id (0 for a rect)
};
std::map<std::string, Mark> g_marks;
unsigned g_frame = 0;
float g_scale = 1;

}  // namespace

void ui_marks_begin_frame(float ui_scale) {
    ++g_frame;
    g_scale = ui_scale > 0 ? ui_scale : 1;
}

void mark_rect(const std::string& name, ImVec2 a, ImVec2 b) {
    g_marks[name] = {{a.x / g_scale, a.y / g_scale, b.x / g_scale, b.y / g_scale}, g_frame, 0};
}

void mark_last_item(const std::string& name) {
    mark_rect(name, ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
    g_marks[name].id = ImGui::GetItemID();
}

void mark_current_child(const std::string& name) {
    const ImGuiWindow* w = GImGui->CurrentWindow;
    mark_rect(name, w->Pos, ImVec2(w->Pos.x + w->Size.x, w->Pos.y + w->Size.y));
    g_marks[name].id = w->ChildId;
}

std::string keyboard_focus_mark() {
    const ImGuiContext& g = *GImGui;
    const ImGuiID on = g.ActiveId && g.IO.WantTextInput ? g.ActiveId : g.IO.NavVisible ? g.NavId : 0;
    if (on)
        for (const auto& [name, m] : g_marks)
            if (m.frame == g_frame && m.id == on) return name;
    return {};
}

sim::Json ui_marks_json() {
    sim::Json out = sim::Json::object();
    for (const auto& [name, m] : g_marks)
        if (m.frame == g_frame) out[name] = {m.rect[0], m.rect[1], m.rect[2], m.rect[3]};
    return out;
}

}  // namespace pg
