// keyboard_input.h — keys, typed text and window focus from the page's DOM events into ImGui's input
// queue (Emscripten's html5 listeners on the window, where Emscripten's GLFW layer used to listen).
//
// Keys: letters follow the keyboard layout (KeyboardEvent.key), so Ctrl+Z is the key labelled Z on
// AZERTY too; other keys come from KeyboardEvent.code (the key's position). Text: every typed
// character (keypress), dead-key and AltGr characters included; none while Ctrl or Cmd is held.
// The browser's default action is stopped only for keys the app uses: Tab in a text field (elsewhere
// it moves the page's focus, to the accessible outline), Backspace, the arrows and
// Home/End/PageUp/PageDown while ImGui has the keyboard (with Alt or Cmd only in a text field), a
// typed character, and Ctrl/Cmd + S, O, Z, Y, D, A. Ctrl+C/X/V keep theirs, so the page's copy and
// paste listeners (web/loader.js) still run; F5, Ctrl+R, Ctrl+L, F12, Alt+Left and the like stay
// the browser's. Focus: when the window loses it, held keys are released.
#pragma once

namespace pg {

// Registers the listeners. Call once, after ImGui::CreateContext.
void keyboard_input_install();

}  // namespace pg
