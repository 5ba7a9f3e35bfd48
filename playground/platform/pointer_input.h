// pointer_input.h — mouse, touch and wheel from the page's own DOM listeners on the canvas into
// ImGui's input queue (Emscripten 3.1.6's GLFW layer, which the page used before, reported a touch as a
// mouse press at the previous pointer position and never moved the pointer with a finger).
//
// Mouse: moves and buttons are queued in order with their positions, so a press and release that
// arrive in one frame both count. Wheel: pans the canvas; with Ctrl (or a trackpad pinch, which
// browsers send as Ctrl+wheel) it zooms at the pointer. Touch: a tap clicks where the finger is; one
// finger dragging past a few pixels is a left-button drag; holding still for 500 ms is a right click;
// two fingers scroll like a wheel (pan the canvas, scroll a panel) and a pinch zooms the canvas
// (canvas/view_gesture.h).
#pragma once

namespace pg {

// Registers the DOM listeners on the page's canvas. Call once, after ImGui::CreateContext.
void pointer_input_install();
// Once per frame before ImGui::NewFrame: turns a finger held still long enough into a right click.
void pointer_input_new_frame();
// Whether one finger is dragging on the screen now (a drag, not a tap, long press or two fingers).
bool pointer_input_finger_dragging();
// The window lost focus and ImGui released every button: a release that never comes (the button
// let go outside the browser) must not swallow the next press.
void pointer_input_focus_lost();

}  // namespace pg
