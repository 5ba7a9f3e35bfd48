// pointer_input.h — mouse, touch and wheel from the page's own DOM listeners into ImGui's input queue,
// in place of Emscripten 3.1.6's GLFW layer, which reports a touch as a mouse press at the previous
// pointer position, never moves the pointer with a finger and logs a console error per wheel tick.
//
// Mouse: moves and buttons are queued in order with their positions, so a press and release that
// arrive in one frame both count. Wheel: pans the canvas; with Ctrl (or a trackpad pinch, which
// browsers send as Ctrl+wheel) it zooms at the pointer. Touch: a tap clicks where the finger is; one
// finger dragging past a few pixels is a left-button drag; holding still for 500 ms is a right click;
// two fingers scroll like a wheel (pan the canvas, scroll a panel) and a pinch zooms the canvas
// (canvas/view_gesture.h).
#pragma once

namespace pg {

// Registers the DOM listeners on the page's canvas. Call once, after ImGui_ImplGlfw_InitForOpenGL
// (it also detaches GLFW's mouse, scroll and wheel callbacks so nothing reaches ImGui twice).
void pointer_input_install(void* glfw_window);
// Once per frame before ImGui::NewFrame: turns a finger held still long enough into a right click.
void pointer_input_new_frame();

}  // namespace pg
