// frame_damage.h — which parts of the screen changed since the last frame, from ImGui's draw data.
// Why: under software WebGL (SwiftShader, as in headless Chromium) rasterising the whole UI every
// frame costs more than a frame; most of it (palette, inspector, gallery) is the same as last
// frame. The renderer redraws only the damaged rectangles of a drawing buffer that keeps its
// pixels (preserveDrawingBuffer), and draws nothing at all when nothing changed, so an idle
// page costs the browser no frame.
// A draw list is damaged when its vertices, indices or commands differ from last frame's; the
// damage is the area its commands may touch (their clip rectangles), before and after. A new
// order of draw lists (a window brought to front), a resize or a new font texture damages all.
#pragma once

#include "imgui.h"

#include <vector>

namespace pg {

// A rectangle of framebuffer pixels, rows top-down: [x0, x1) × [y0, y1).
struct PixelBox {
    int x0 = 0, y0 = 0, x1 = 0, y1 = 0;
    bool empty() const { return x1 <= x0 || y1 <= y0; }
    int area() const { return empty() ? 0 : (x1 - x0) * (y1 - y0); }
};

PixelBox intersect(const PixelBox& a, const PixelBox& b);

class FrameDamage {
public:
    // The rectangles to redraw this frame (none: nothing changed). `full` forces the whole
    // framebuffer (first frame, lost contents, new font texture, new clear colour).
    std::vector<PixelBox> update(const ImDrawData* dd, int fb_width, int fb_height, bool full);

private:
    struct ListCopy {
        const ImDrawList* list = nullptr;
        ImVector<ImDrawVert> vtx;
        ImVector<ImDrawIdx> idx;
        ImVector<ImDrawCmd> cmd;
        PixelBox bounds;
    };
    std::vector<ListCopy> last_;
    int fb_width_ = 0, fb_height_ = 0;
};

}  // namespace pg
