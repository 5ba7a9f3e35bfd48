// widgets.cpp — std::string-backed InputText (the resize callback pattern from imgui_stdlib), help
// markers, painted panels and handing the keyboard to a panel.
#include "widgets.h"

#include "canvas/draw_prims.h"
#include "imgui_internal.h"

namespace pg {
namespace {

int resize_callback(ImGuiInputTextCallbackData* data) {
    if (data->EventFlag == ImGuiInputTextFlags_CallbackResize) {
        auto* s = static_cast<std::string*>(data->UserData);
        s->resize(static_cast<std::size_t>(data->BufTextLen));
        data->Buf = s->data();
    }
    return 0;
}

}  // namespace

bool begin_painted_child(const char* id, ImVec2 size, bool border, ImGuiWindowFlags flags) {
    const bool open = ImGui::BeginChild(id, size, border, flags | ImGuiWindowFlags_NoBackground);
    // The parent's draw list is rendered before this child's, so its background goes under the
    // child's border and content.
    const ImGuiWindow* w = ImGui::GetCurrentWindow();
    if (w->ParentWindow)
        add_rounded_rect_filled(w->ParentWindow->DrawList, w->Pos, ImVec2(w->Pos.x + w->Size.x, w->Pos.y + w->Size.y),
                                ImGui::GetColorU32(ImGuiCol_WindowBg), ImGui::GetStyle().ChildRounding);
    return open;
}

bool input_text(const char* label, std::string& text, ImGuiInputTextFlags flags, const char* hint) {
    flags |= ImGuiInputTextFlags_CallbackResize;
    if (hint)
        return ImGui::InputTextWithHint(label, hint, text.data(), text.capacity() + 1, flags, resize_callback, &text);
    return ImGui::InputText(label, text.data(), text.capacity() + 1, flags, resize_callback, &text);
}

bool input_multiline(const char* label, std::string& text, ImVec2 size, ImGuiInputTextFlags flags) {
    flags |= ImGuiInputTextFlags_CallbackResize;
    return ImGui::InputTextMultiline(label, text.data(), text.capacity() + 1, size, flags, resize_callback, &text);
}

void help_marker(const char* text) {
    ImGui::TextDisabled("(?)");
    if (ImGui::BeginItemTooltip()) {
        ImGui::PushTextWrapPos(ImGui::GetFontSize() * 24.0f);
        ImGui::TextUnformatted(text);
        ImGui::PopTextWrapPos();
        ImGui::EndTooltip();
    }
}

bool invisible_button(const char* id, ImVec2 size, ImGuiButtonFlags flags) {
    const bool pressed = ImGui::InvisibleButton(id, size, flags);
    ImGui::RenderNavHighlight(ImRect(ImGui::GetItemRectMin(), ImGui::GetItemRectMax()), ImGui::GetItemID());
    return pressed;
}

void take_keyboard_here() {
    ImGuiWindow* here = ImGui::GetCurrentWindow();
    ImGui::FocusWindow(here);
    ImGui::NavInitWindow(here, true);
    GImGui->NavDisableHighlight = false;
}

void type_into_next_frame(const char* label) {
    // SetKeyboardFocusHere's request is only scored from the next frame on, when this frame's field
    // has gone by; activating the id with PreferInput makes it the field being typed in instead.
    ImGui::ActivateItemByID(ImGui::GetID(label));
    GImGui->NavNextActivateFlags = ImGuiActivateFlags_PreferInput;
}

}  // namespace pg
