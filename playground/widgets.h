// widgets.h — small ImGui helpers our panels share (std::string text inputs, help markers).
#pragma once

#include "imgui.h"

#include <string>

namespace pg {

// ImGui::InputText bound to a std::string (grows as the user types).
bool input_text(const char* label, std::string& text, ImGuiInputTextFlags flags = 0, const char* hint = nullptr);
bool input_multiline(const char* label, std::string& text, ImVec2 size, ImGuiInputTextFlags flags = 0);
// A child window painted with the window colour (ImGuiCol_WindowBg), for top-level panels; panels
// nested in it stay transparent, so no pixel is filled twice (software WebGL is fill-rate bound).
// The background is drawn in the parent's draw list as cheap pieces (canvas/draw_prims.h).
bool begin_painted_child(const char* id, ImVec2 size, bool border, ImGuiWindowFlags flags = 0);
// A greyed "(?)" with a wrapped tooltip.
void help_marker(const char* text);

// ImGui::InvisibleButton with the keyboard's highlight drawn round it (ImGui draws none for it).
bool invisible_button(const char* id, ImVec2 size, ImGuiButtonFlags flags = 0);

// Keyboard shortcuts that hand the keyboard to a panel (A, I, B). A panel: the current window
// takes the focus and its first item the highlight, so Tab, arrows and Space act in it from now on.
void take_keyboard_here();
// A text field (by its label in the current window) is being typed in from next frame on.
void type_into_next_frame(const char* label);

}  // namespace pg
