// touch_scroll.cpp — see touch_scroll.h.
#include "touch_scroll.h"

#include "imgui.h"
#include "imgui_internal.h"  // the active item's window, windows' scroll limits

namespace pg {

namespace {

ImGuiID g_scrolling = 0;  // the window the finger on the screen is scrolling (0: none)

// The window itself or the nearest parent that can scroll; none inside the canvas or the page's
// root, which take the wheel and fingers for themselves (NoScrollWithMouse).
ImGuiWindow* scrollable_under(ImGuiWindow* w) {
    for (; w; w = w->ParentWindow) {
        if (w->Flags & ImGuiWindowFlags_NoScrollWithMouse) return nullptr;
        if (w->ScrollMax.y > 0 || w->ScrollMax.x > 0) return w;
        if (!(w->Flags & ImGuiWindowFlags_ChildWindow)) return nullptr;
    }
    return nullptr;
}

}  // namespace

void touch_scroll_panels(bool finger_dragging) {
    ImGuiContext& g = *GImGui;
    const ImGuiIO& io = g.IO;
    if (!finger_dragging || !io.MouseDown[ImGuiMouseButton_Left]) {
        g_scrolling = 0;
        return;
    }
    ImGuiWindow* w = g_scrolling ? ImGui::FindWindowByID(g_scrolling) : nullptr;
    if (!w) {
        // A touch press reaches ImGui only once the finger has moved (pointer_input.cpp: a finger
        // held still is a tap or a long press), so what it made active is where a drag started.
        if (g_scrolling || g.ActiveId == 0 || !g.ActiveIdWindow || io.WantTextInput) return;
        w = scrollable_under(g.ActiveIdWindow);
        if (!w) return;
        g_scrolling = w->ID;
        ImGui::ClearActiveID();  // the button under the finger is scrolled, not pressed
    }
    if (w->ScrollMax.y > 0) ImGui::SetScrollY(w, w->Scroll.y - io.MouseDelta.y);
    if (w->ScrollMax.x > 0) ImGui::SetScrollX(w, w->Scroll.x - io.MouseDelta.x);
}

}  // namespace pg
