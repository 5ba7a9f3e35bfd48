// webgl_renderer.h — draws ImGui's draw data with WebGL 2 (OpenGL ES 3.0).
// Why not imgui_impl_opengl3: its shader samples the font texture for every pixel, including the
// solid fills that make up most of the screen; under software WebGL (SwiftShader, as in headless
// Chromium) texture sampling dominates the frame. Here solid geometry carries a sentinel UV (the
// atlas's white-pixel UV is set to (-1,-1)) and the shader skips the texture for it: ~2.5x less
// GPU time per covered pixel in SwiftShader, identical output. 32-bit indices (ImDrawIdx).
#pragma once

#include "imgui.h"

namespace pg {

// Creates the program and buffers; false when the context cannot (then nothing is drawn).
bool webgl_renderer_init();
// Uploads (or re-uploads after a font rebuild) the font atlas and marks solid UVs.
void webgl_renderer_upload_fonts();
// Renders one frame's draw data into the current framebuffer on `clear_colour` (the canvas
// background). Only what changed since the last frame is redrawn when the drawing buffer keeps
// its pixels (frame_damage.h). Returns the pixels redrawn: 0 when nothing changed and nothing was
// drawn (the browser keeps showing the last frame).
double webgl_renderer_draw(const ImDrawData* draw_data, int fb_width, int fb_height, ImU32 clear_colour);

}  // namespace pg
