// touch_scroll.h — one finger scrolls panels and lists on a touch screen, as in any phone app. A
// finger dragged from a panel's empty space, or from a button, card or row in it, scrolls the
// nearest scrollable panel under it (a list, the inspector, a popup), and the button it started on
// is not pressed. The canvas keeps its own one-finger gestures (move a node, draw a link, pan),
// and so does a text field being edited.
#pragma once

namespace pg {

// Call once per frame after ImGui::NewFrame(), before the frame's widgets, with whether one finger
// is dragging on the screen (the platform knows; ImGui's mouse source flips for mouse presses too):
// it reads what the finger pressed in the last frame (ImGui's active item) and its movement since.
void touch_scroll_panels(bool finger_dragging);

}  // namespace pg
