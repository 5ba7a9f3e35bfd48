// view_gesture.h — pan and zoom that do not come as ImGui mouse input: a pinch on a touch screen,
// and Ctrl+wheel (a mouse with Ctrl held, or a trackpad pinch, which browsers send as a
// wheel event with ctrlKey set). The platform layer accumulates them between frames; the canvas
// applies them once per frame when the pointer (the gesture's centre) is over it, and drops them
// otherwise. Device pixels, like ImGui's coordinates.
#pragma once

#include "imgui.h"

namespace pg {

struct ViewGesture {
    ImVec2 pan{0, 0};  // move the diagram by this much
    float zoom = 1;    // then scale it by this factor about `centre`
    ImVec2 centre{0, 0};
    bool pending() const { return pan.x != 0 || pan.y != 0 || zoom != 1; }
};

inline ViewGesture& pending_view_gesture() {
    static ViewGesture g;
    return g;
}

}  // namespace pg
