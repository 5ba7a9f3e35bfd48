// app_canvas_keys.cpp — the canvas without a mouse: N / Shift+N select the next / previous service
// in flow order (columns left to right) and pan it into view; the arrow keys move the selection one
// grid square (Shift: five), a held arrow being one undo step. The arrows are the canvas's while its
// window has the focus (a click on it, N, or Esc from a panel); in a panel they walk its items.
#include "app.h"
#include "canvas/keyboard_moves.h"

#include <imgui_internal.h>  // NavWindow, FocusWindow: which window the keyboard is in

namespace pg {

void App::give_keyboard_to_canvas() {
    if (canvas_window_) ImGui::FocusWindow(canvas_window_);
    GImGui->NavDisableHighlight = true;  // no item highlight: the selection is what the keys act on
}

bool App::handle_canvas_keys() {
    const ImGuiIO& io = ImGui::GetIO();
    if (ImGui::IsKeyPressed(ImGuiKey_N, false)) {
        std::vector<NodeAt> nodes;
        for (const auto& n : doc_.pattern().nodes) nodes.push_back({n.id, doc_.position(n.id)});
        const std::string& current = doc_.selection().nodes.empty() ? std::string() : doc_.selection().nodes.back();
        const std::string next = next_in_flow_order(nodes, current, io.KeyShift);
        if (next.empty()) return true;
        proposals_.push_back(SelectProposal{{next}});
        canvas_.reveal(next);
        give_keyboard_to_canvas();
        return true;
    }
    const ImGuiWindow* focus = GImGui->NavWindow;
    if (focus && focus != canvas_window_ && !(canvas_window_ && focus == canvas_window_->ParentWindow))
        return false;  // a panel has the keyboard: the arrows walk its items
    const auto pressed = [](ImGuiKey k, bool repeat) { return ImGui::IsKeyPressed(k, repeat) ? 1 : 0; };
    const int dx = pressed(ImGuiKey_RightArrow, true) - pressed(ImGuiKey_LeftArrow, true);
    const int dy = pressed(ImGuiKey_DownArrow, true) - pressed(ImGuiKey_UpArrow, true);
    if ((dx == 0 && dy == 0) || doc_.selection().nodes.empty()) return false;
    // A new press starts an undo step; the repeats of a held key join it.
    const bool fresh = pressed(ImGuiKey_RightArrow, false) + pressed(ImGuiKey_LeftArrow, false) +
                       pressed(ImGuiKey_DownArrow, false) + pressed(ImGuiKey_UpArrow, false);
    proposals_.push_back(MoveProposal{doc_.selection().nodes, arrow_step(dx, dy, io.KeyShift), fresh});
    return true;
}

}  // namespace pg
