// keyboard_input.cpp — see keyboard_input.h. Emscripten's html5 layer copies each DOM event into a
// struct and calls these functions at once, in event order; returning true calls preventDefault.
#include "platform/keyboard_input.h"

#include "imgui.h"
#include "platform/pointer_input.h"

#include <emscripten.h>
#include <emscripten/html5.h>

#include <bitset>
#include <cstdlib>
#include <cstring>

namespace {

struct NamedKey {
    const char* name;
    ImGuiKey key;
};
// KeyboardEvent.code names but letters, digits, F-keys and keypad digits (computed below); the
// navigation and editing names are also KeyboardEvent.key values.
constexpr NamedKey kNamedKeys[] = {
    {"Tab", ImGuiKey_Tab},
    {"ArrowLeft", ImGuiKey_LeftArrow},
    {"ArrowRight", ImGuiKey_RightArrow},
    {"ArrowUp", ImGuiKey_UpArrow},
    {"ArrowDown", ImGuiKey_DownArrow},
    {"PageUp", ImGuiKey_PageUp},
    {"PageDown", ImGuiKey_PageDown},
    {"Home", ImGuiKey_Home},
    {"End", ImGuiKey_End},
    {"Insert", ImGuiKey_Insert},
    {"Delete", ImGuiKey_Delete},
    {"Backspace", ImGuiKey_Backspace},
    {"Space", ImGuiKey_Space},
    {"Enter", ImGuiKey_Enter},
    {"Escape", ImGuiKey_Escape},
    {"Quote", ImGuiKey_Apostrophe},
    {"Comma", ImGuiKey_Comma},
    {"Minus", ImGuiKey_Minus},
    {"Period", ImGuiKey_Period},
    {"Slash", ImGuiKey_Slash},
    {"Semicolon", ImGuiKey_Semicolon},
    {"Equal", ImGuiKey_Equal},
    {"BracketLeft", ImGuiKey_LeftBracket},
    {"Backslash", ImGuiKey_Backslash},
    {"BracketRight", ImGuiKey_RightBracket},
    {"Backquote", ImGuiKey_GraveAccent},
    {"CapsLock", ImGuiKey_CapsLock},
    {"ScrollLock", ImGuiKey_ScrollLock},
    {"NumLock", ImGuiKey_NumLock},
    {"PrintScreen", ImGuiKey_PrintScreen},
    {"Pause", ImGuiKey_Pause},
    {"NumpadDecimal", ImGuiKey_KeypadDecimal},
    {"NumpadDivide", ImGuiKey_KeypadDivide},
    {"NumpadMultiply", ImGuiKey_KeypadMultiply},
    {"NumpadSubtract", ImGuiKey_KeypadSubtract},
    {"NumpadAdd", ImGuiKey_KeypadAdd},
    {"NumpadEnter", ImGuiKey_KeypadEnter},
    {"NumpadEqual", ImGuiKey_KeypadEqual},
    {"ShiftLeft", ImGuiKey_LeftShift},
    {"ControlLeft", ImGuiKey_LeftCtrl},
    {"AltLeft", ImGuiKey_LeftAlt},
    {"MetaLeft", ImGuiKey_LeftSuper},
    {"OSLeft", ImGuiKey_LeftSuper},  // older Firefox
    {"ShiftRight", ImGuiKey_RightShift},
    {"ControlRight", ImGuiKey_RightCtrl},
    {"AltRight", ImGuiKey_RightAlt},
    {"MetaRight", ImGuiKey_RightSuper},
    {"OSRight", ImGuiKey_RightSuper},
    {"ContextMenu", ImGuiKey_Menu},
};

std::bitset<ImGuiKey_NamedKey_COUNT> g_down;  // keys ImGui was told are held

bool is_digit(char c) {
    return c >= '0' && c <= '9';
}

ImGuiKey nth(ImGuiKey first, int n) {
    return static_cast<ImGuiKey>(first + n);
}

ImGuiKey named_key(const char* name) {
    for (const NamedKey& k : kNamedKeys)
        if (std::strcmp(name, k.name) == 0) return k.key;
    return ImGuiKey_None;
}

ImGuiKey imgui_key(const EmscriptenKeyboardEvent& e) {
    const char* key = e.key;
    const char* code = e.code;
    // What the key does, wherever the layout puts it (a keypad arrow with NumLock off, a remapped
    // Backspace); a letter as labelled. Anything else by position; a Cyrillic or Greek letter too,
    // so shortcuts still work there.
    if (const ImGuiKey k = named_key(key)) return k;
    if (key[0] && !key[1]) {
        const char c = static_cast<char>(key[0] | 0x20);
        if (c >= 'a' && c <= 'z') return nth(ImGuiKey_A, c - 'a');
    }
    if (!std::strncmp(code, "Key", 3) && code[3] >= 'A' && code[3] <= 'Z' && !code[4])
        return nth(ImGuiKey_A, code[3] - 'A');
    if (!std::strncmp(code, "Digit", 5) && is_digit(code[5]) && !code[6]) return nth(ImGuiKey_0, code[5] - '0');
    if (!std::strncmp(code, "Numpad", 6) && is_digit(code[6]) && !code[7]) return nth(ImGuiKey_Keypad0, code[6] - '0');
    if (code[0] == 'F' && is_digit(code[1])) {
        const int n = std::atoi(code + 1);
        if (n >= 1 && n <= 24) return nth(ImGuiKey_F1, n - 1);
    }
    return named_key(code);
}

void set_key(ImGuiIO& io, ImGuiKey k, bool down) {
    io.AddKeyEvent(k, down);
    g_down[static_cast<std::size_t>(k - ImGuiKey_NamedKey_BEGIN)] = down;
}

void release_all(ImGuiIO& io) {
    for (int i = 0; i < ImGuiKey_NamedKey_COUNT; ++i)
        if (g_down[static_cast<std::size_t>(i)]) set_key(io, nth(ImGuiKey_NamedKey_BEGIN, i), false);
}

void modifiers(ImGuiIO& io, const EmscriptenKeyboardEvent& e) {
    io.AddKeyEvent(ImGuiMod_Ctrl, e.ctrlKey != 0);
    io.AddKeyEvent(ImGuiMod_Shift, e.shiftKey != 0);
    io.AddKeyEvent(ImGuiMod_Alt, e.altKey != 0);
    io.AddKeyEvent(ImGuiMod_Super, e.metaKey != 0);
}

bool tab_is_ours() {
    const ImGuiIO& io = ImGui::GetIO();
    return io.WantTextInput || io.NavVisible;
}

// Keys typed while the page's outline (web/outline.js) has the focus are its own: Enter on one of
// its buttons must not also press what ImGui's keyboard highlight is on.
EM_JS(int, focus_in_outline, (), {
    var a = document.activeElement;
    return a && a.closest && a.closest('#pg-outline') ? 1 : 0;
});

// Whether the browser's own action for this key is stopped (see keyboard_input.h).
bool app_key(ImGuiKey k, const EmscriptenKeyboardEvent& e) {
    if (k == ImGuiKey_Backspace) return true;  // "back"
    // Tab moves between the fields of the form being typed in or walked with the keyboard (shortcut
    // I); elsewhere it is the browser's, so the keyboard leaves the canvas for the page's accessible
    // outline (web/outline.js) and comes back.
    if (k == ImGuiKey_Tab) return tab_is_ours();
    if ((e.ctrlKey || e.metaKey) && !e.altKey)  // the shortcuts of app_toolbar.cpp, select-all in a field
        return k == ImGuiKey_S || k == ImGuiKey_O || k == ImGuiKey_Z || k == ImGuiKey_Y || k == ImGuiKey_D ||
               k == ImGuiKey_A;
    // Arrows, PageUp/Down, Home, End: they move a text cursor, or ImGui's view, not the page. With
    // Alt or Cmd outside a text field they stay the browser's (back, forward).
    const ImGuiIO& io = ImGui::GetIO();
    const bool moves = (k >= ImGuiKey_LeftArrow && k <= ImGuiKey_End);
    return moves && (io.WantTextInput || (io.WantCaptureKeyboard && !e.altKey && !e.metaKey));
}

EM_BOOL on_key_down(int, const EmscriptenKeyboardEvent* e, void*) {
    ImGuiIO& io = ImGui::GetIO();
    modifiers(io, *e);
    const ImGuiKey k = imgui_key(*e);
    if (k == ImGuiKey_None || focus_in_outline()) return false;
    if (k == ImGuiKey_Tab && !tab_is_ours()) return false;  // the browser's: ImGui must not tab too
    // A new press of a key ImGui still holds: its release went unreported (macOS sends no keyup for
    // a key released while Cmd is down), so Cmd+Z twice undoes twice.
    if (!e->repeat && g_down[static_cast<std::size_t>(k - ImGuiKey_NamedKey_BEGIN)]) set_key(io, k, false);
    set_key(io, k, true);
    return app_key(k, *e);
}

EM_BOOL on_key_up(int, const EmscriptenKeyboardEvent* e, void*) {
    ImGuiIO& io = ImGui::GetIO();
    modifiers(io, *e);
    const ImGuiKey k = imgui_key(*e);
    if (k == ImGuiKey_None) return false;
    set_key(io, k, false);
    if (k == ImGuiKey_LeftSuper || k == ImGuiKey_RightSuper) release_all(io);  // see on_key_down
    return false;
}

// Text: keypress carries the character a key (or a dead key before it, or AltGr, which Windows
// reports as Ctrl+Alt) typed. Firefox also sends it for Ctrl+letter: not text.
EM_BOOL on_key_press(int, const EmscriptenKeyboardEvent* e, void*) {
    if ((e->ctrlKey && !e->altKey) || e->metaKey || e->charCode < 0x20 || focus_in_outline()) return false;
    ImGuiIO& io = ImGui::GetIO();
    io.AddInputCharacter(static_cast<unsigned int>(e->charCode));
    // Its default is what the character would do to the page: a space scrolls it, '/' opens
    // Firefox's quick find. (Not stopped on keydown, whose default is this keypress.)
    return io.WantCaptureKeyboard || e->charCode == ' ';
}

EM_BOOL on_focus(int, const EmscriptenFocusEvent*, void*) {
    ImGui::GetIO().AddFocusEvent(true);
    return false;
}

// Keys held when the window lost focus (Alt+Tab, a dialog) never report their release here.
EM_BOOL on_blur(int, const EmscriptenFocusEvent*, void*) {
    ImGuiIO& io = ImGui::GetIO();
    release_all(io);
    io.AddFocusEvent(false);  // ImGui also releases the mouse buttons
    pg::pointer_input_focus_lost();
    return false;
}

}  // namespace

namespace pg {

void keyboard_input_install() {
    // On the window, capturing: keys reach the app wherever the DOM focus is (the canvas, a notice's
    // button), as they did through Emscripten's GLFW layer.
    const char* window = EMSCRIPTEN_EVENT_TARGET_WINDOW;
    emscripten_set_keydown_callback(window, nullptr, true, on_key_down);
    emscripten_set_keyup_callback(window, nullptr, true, on_key_up);
    emscripten_set_keypress_callback(window, nullptr, true, on_key_press);
    emscripten_set_focus_callback(window, nullptr, false, on_focus);
    emscripten_set_blur_callback(window, nullptr, false, on_blur);
}

}  // namespace pg
