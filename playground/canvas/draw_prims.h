// draw_prims.h — shapes drawn more cheaply than ImGui's own, for the playground's WebGL renderer.
// Why: under software WebGL (SwiftShader) every triangle has a fixed setup cost, and ImGui draws an
// anti-aliased circle as a fan plus a fringe (16–100 triangles). A disc here is one quad (2
// triangles) whose UVs tell the fragment shader to cut an anti-aliased circle out of it; message
// dots and ports are thousands of discs per frame on a big diagram.
// Contract with platform/webgl_renderer.cpp's fragment shader:
//   UV.x >= 0        sample the font atlas (text, textured lines)
//   UV == (-1, -1)   solid colour (the atlas's white-pixel UV is moved there)
//   UV.x <  -2       a disc: (UV.x - kDiscUvCentre, UV.y) is the position in radii from its centre
#pragma once

#include "imgui.h"

namespace pg {

inline constexpr float kDiscUvCentre = -5.0f;

// A filled, anti-aliased circle of radius `r` device pixels (r ≥ 1) centred on `c`.
inline void add_disc(ImDrawList* dl, ImVec2 c, float r, ImU32 col) {
    if ((col & IM_COL32_A_MASK) == 0) return;
    r = r < 1.0f ? 1.0f : r;
    const float h = r + 1.0f;  // one pixel beyond the edge for its anti-aliasing
    const float u = h / r;     // ≤ 2, so disc UVs stay below -2
    dl->PrimReserve(6, 4);
    dl->PrimQuadUV(ImVec2(c.x - h, c.y - h), ImVec2(c.x + h, c.y - h), ImVec2(c.x + h, c.y + h),
                   ImVec2(c.x - h, c.y + h), ImVec2(kDiscUvCentre - u, -u), ImVec2(kDiscUvCentre + u, -u),
                   ImVec2(kDiscUvCentre + u, u), ImVec2(kDiscUvCentre - u, u), col);
}

// A filled circle with an outline of `thickness` pixels centred on its edge (as ImGui's
// AddCircleFilled + AddCircle): two discs.
inline void add_ringed_disc(ImDrawList* dl, ImVec2 c, float r, ImU32 fill, ImU32 outline, float thickness) {
    add_disc(dl, c, r + thickness * 0.5f, outline);
    add_disc(dl, c, r - thickness * 0.5f, fill);
}

// A filled rounded rectangle as three pieces: two thin bands with the rounded corners and one
// plain rectangle over the rest, drawn last over the seams. The renderer clears a big opaque
// plain rectangle instead of rasterising it (platform/webgl_renderer.cpp), so a panel
// background costs a few rows of triangles, not its whole area. Same pixels as AddRectFilled at
// whole-pixel coordinates.
inline void add_rounded_rect_filled(ImDrawList* dl, ImVec2 a, ImVec2 b, ImU32 col, float r) {
    if (r < 0.5f || b.y - a.y < 4 * r + 2) {
        dl->AddRectFilled(a, b, col, r);
        return;
    }
    dl->AddRectFilled(a, ImVec2(b.x, a.y + r + 1), col, r, ImDrawFlags_RoundCornersTop);
    dl->AddRectFilled(ImVec2(a.x, b.y - r - 1), b, col, r, ImDrawFlags_RoundCornersBottom);
    dl->AddRectFilled(ImVec2(a.x, a.y + r), ImVec2(b.x, b.y - r), col);
}

}  // namespace pg
