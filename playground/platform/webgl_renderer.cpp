// webgl_renderer.cpp — a small ImGui renderer for WebGL 2 (see webgl_renderer.h for why).
#include "platform/webgl_renderer.h"

#include "canvas/draw_prims.h"
#include "platform/frame_damage.h"

#include <emscripten/html5.h>

#include <GLES3/gl3.h>

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <vector>

namespace pg {
namespace {

GLuint g_program = 0, g_vao = 0, g_vbo = 0, g_ibo = 0, g_font = 0;
GLint g_proj = -1, g_tex = -1;
// Partial redraws (frame_damage.h) need the drawing buffer to keep its pixels between frames.
bool g_preserved = false, g_full_redraw = true;
ImU32 g_clear_colour = 0;
FrameDamage g_damage;

const char* const kVertex = R"(#version 300 es
precision highp float;
layout (location = 0) in vec2 Position;
layout (location = 1) in vec2 UV;
layout (location = 2) in vec4 Color;
uniform mat4 ProjMtx;
out vec2 Frag_UV;
out vec4 Frag_Color;
void main() {
    Frag_UV = UV;
    Frag_Color = Color;
    gl_Position = ProjMtx * vec4(Position.xy, 0, 1);
})";

// Solid geometry has UV (-1,-1): no texture fetch. Text and textured lines sample the atlas's
// alpha (an R8 texture). UV.x below -2 is a disc quad (canvas/draw_prims.h): coverage from the
// distance to its centre, anti-aliased over one pixel (fwidth).
static_assert(kDiscUvCentre == -5.0f, "the fragment shader's disc centre");
const char* const kFragment = R"(#version 300 es
precision mediump float;
uniform sampler2D Texture;
in vec2 Frag_UV;
in vec4 Frag_Color;
layout (location = 0) out vec4 Out_Color;
void main() {
    if (Frag_UV.x >= 0.0) {
        Out_Color = vec4(Frag_Color.rgb, Frag_Color.a * texture(Texture, Frag_UV).r);
    } else if (Frag_UV.x > -2.0) {
        Out_Color = Frag_Color;
    } else {
        float d = length(vec2(Frag_UV.x + 5.0, Frag_UV.y));
        Out_Color = vec4(Frag_Color.rgb, Frag_Color.a * clamp((1.0 - d) / fwidth(d) + 0.5, 0.0, 1.0));
    }
})";

GLuint compile(GLenum type, const char* src) {
    const GLuint s = glCreateShader(type);
    glShaderSource(s, 1, &src, nullptr);
    glCompileShader(s);
    GLint ok = 0;
    glGetShaderiv(s, GL_COMPILE_STATUS, &ok);
    if (!ok) {
        char log[1024];
        glGetShaderInfoLog(s, sizeof log, nullptr, log);
        std::fprintf(stderr, "webgl_renderer: shader: %s\n", log);
    }
    return s;
}

// Big opaque solid rectangles (window and panel backgrounds) are cleared instead of drawn:
// software WebGL clears a scissored rectangle ~100× faster than it rasterises two triangles over
// it, and the pixels are the same (an opaque source replaces the destination). Smaller ones are
// not worth breaking the draw call for.
constexpr int kMinClearPixels = 4096;

// The pixels whose centres a triangle-drawn rectangle [a, b) covers (GL's sampling rule).
int first_covered(float edge) {
    return static_cast<int>(std::ceil(edge - 0.5f));
}

// True when the 6 indices at `idx` are an ImGui PrimRect (a, (b.x,a.y), b, (a.x,b.y)) of one
// opaque solid colour; `box` gets its pixels.
bool opaque_rect_at(const ImDrawIdx* idx, const ImDrawVert* vtx, ImVec2 off, ImVec2 scale, PixelBox& box, ImU32& col) {
    const ImDrawIdx i0 = idx[0];
    if (idx[1] != i0 + 1 || idx[2] != i0 + 2 || idx[3] != i0 || idx[4] != i0 + 2 || idx[5] != i0 + 3) return false;
    const ImDrawVert* v = vtx + i0;
    col = v[0].col;
    if ((col & IM_COL32_A_MASK) != IM_COL32_A_MASK || v[1].col != col || v[2].col != col || v[3].col != col)
        return false;
    if (v[0].uv.x != -1.0f || v[0].uv.y != -1.0f || v[2].uv.x != -1.0f || v[2].uv.y != -1.0f) return false;
    if (v[1].pos.x != v[2].pos.x || v[1].pos.y != v[0].pos.y || v[3].pos.x != v[0].pos.x || v[3].pos.y != v[2].pos.y)
        return false;
    if (!(v[0].pos.x < v[2].pos.x && v[0].pos.y < v[2].pos.y)) return false;
    box = {first_covered((v[0].pos.x - off.x) * scale.x), first_covered((v[0].pos.y - off.y) * scale.y),
           first_covered((v[2].pos.x - off.x) * scale.x), first_covered((v[2].pos.y - off.y) * scale.y)};
    return (box.x1 - box.x0) * (box.y1 - box.y0) >= kMinClearPixels;
}

void clear_to(ImU32 col) {
    glClearColor(static_cast<float>((col >> IM_COL32_R_SHIFT) & 0xFF) / 255.0f,
                 static_cast<float>((col >> IM_COL32_G_SHIFT) & 0xFF) / 255.0f,
                 static_cast<float>((col >> IM_COL32_B_SHIFT) & 0xFF) / 255.0f, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
}

void draw_range(unsigned offset, unsigned count) {
    if (count == 0) return;
    glDrawElements(GL_TRIANGLES, static_cast<GLsizei>(count),
                   sizeof(ImDrawIdx) == 2 ? GL_UNSIGNED_SHORT : GL_UNSIGNED_INT,
                   reinterpret_cast<void*>(static_cast<std::size_t>(offset) * sizeof(ImDrawIdx)));
}

void set_scissor(const PixelBox& b, int fb_height) {
    glScissor(b.x0, fb_height - b.y1, b.x1 - b.x0, b.y1 - b.y0);
}

// One draw command (its scissor already set to `clip`): the runs of triangles between big opaque
// rectangles are drawn, the rectangles themselves cleared, in the original order.
void draw_cmd(const ImDrawList* list, const ImDrawCmd& cmd, const PixelBox& clip, ImVec2 off, ImVec2 scale,
              int fb_height) {
    const ImDrawIdx* idx = list->IdxBuffer.Data + cmd.IdxOffset;
    const ImDrawVert* vtx = list->VtxBuffer.Data;
    unsigned start = 0;
    for (unsigned i = 0; i + 6 <= cmd.ElemCount; i += 3) {
        PixelBox box{};
        ImU32 col = 0;
        if (!opaque_rect_at(idx + i, vtx, off, scale, box, col)) continue;
        box = intersect(box, clip);
        draw_range(cmd.IdxOffset + start, i - start);
        start = i + 6;
        i += 3;
        if (box.empty()) continue;
        set_scissor(box, fb_height);
        clear_to(col);
        set_scissor(clip, fb_height);
    }
    draw_range(cmd.IdxOffset + start, cmd.ElemCount - start);
}

}  // namespace

bool webgl_renderer_init() {
    const GLuint vs = compile(GL_VERTEX_SHADER, kVertex), fs = compile(GL_FRAGMENT_SHADER, kFragment);
    g_program = glCreateProgram();
    glAttachShader(g_program, vs);
    glAttachShader(g_program, fs);
    glLinkProgram(g_program);
    glDeleteShader(vs);
    glDeleteShader(fs);
    GLint ok = 0;
    glGetProgramiv(g_program, GL_LINK_STATUS, &ok);
    if (!ok) return false;
    g_proj = glGetUniformLocation(g_program, "ProjMtx");
    g_tex = glGetUniformLocation(g_program, "Texture");
    glGenVertexArrays(1, &g_vao);
    glGenBuffers(1, &g_vbo);
    glGenBuffers(1, &g_ibo);
    glBindVertexArray(g_vao);
    glBindBuffer(GL_ARRAY_BUFFER, g_vbo);
    glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, g_ibo);  // recorded in the VAO
    glEnableVertexAttribArray(0);
    glEnableVertexAttribArray(1);
    glEnableVertexAttribArray(2);
    glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, sizeof(ImDrawVert),
                          reinterpret_cast<void*>(offsetof(ImDrawVert, pos)));
    glVertexAttribPointer(1, 2, GL_FLOAT, GL_FALSE, sizeof(ImDrawVert),
                          reinterpret_cast<void*>(offsetof(ImDrawVert, uv)));
    glVertexAttribPointer(2, 4, GL_UNSIGNED_BYTE, GL_TRUE, sizeof(ImDrawVert),
                          reinterpret_cast<void*>(offsetof(ImDrawVert, col)));
    glBindVertexArray(0);
    // 32-bit indices: draw lists never need vertex offsets (so no ImGuiBackendFlags_RendererHasVtxOffset).
    ImGui::GetIO().BackendRendererName = "pg_webgl2";
    EmscriptenWebGLContextAttributes attrs;
    g_preserved = emscripten_webgl_get_context_attributes(emscripten_webgl_get_current_context(), &attrs) ==
                      EMSCRIPTEN_RESULT_SUCCESS &&
                  attrs.preserveDrawingBuffer;
    return true;
}

void webgl_renderer_upload_fonts() {
    ImFontAtlas* atlas = ImGui::GetIO().Fonts;
    unsigned char* pixels = nullptr;
    int w = 0, h = 0;
    atlas->GetTexDataAsAlpha8(&pixels, &w, &h);
    if (!g_font) glGenTextures(1, &g_font);
    glBindTexture(GL_TEXTURE_2D, g_font);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
    glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_R8, w, h, 0, GL_RED, GL_UNSIGNED_BYTE, pixels);
    atlas->SetTexID(reinterpret_cast<ImTextureID>(static_cast<std::intptr_t>(g_font)));
    // Solid fills use the white-pixel UV: make it the sentinel the shader tests for.
    atlas->TexUvWhitePixel = ImVec2(-1.0f, -1.0f);
    g_full_redraw = true;
}

double webgl_renderer_draw(const ImDrawData* dd, int fb_width, int fb_height, ImU32 clear_colour) {
    if (!g_program || fb_width <= 0 || fb_height <= 0) return 0;
    // Without a preserved drawing buffer every frame starts blank: redraw it all, every frame.
    const bool full = g_full_redraw || !g_preserved || clear_colour != g_clear_colour;
    g_full_redraw = false;
    g_clear_colour = clear_colour;
    const std::vector<PixelBox> boxes = g_damage.update(dd, fb_width, fb_height, full);
    if (boxes.empty()) return 0;  // nothing changed: the browser keeps showing last frame
    double redrawn = 0;

    glViewport(0, 0, fb_width, fb_height);
    glEnable(GL_SCISSOR_TEST);
    for (const PixelBox& box : boxes) {
        set_scissor(box, fb_height);
        clear_to(clear_colour);
        redrawn += box.area();
    }
    glEnable(GL_BLEND);
    glBlendEquation(GL_FUNC_ADD);
    glBlendFuncSeparate(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
    glDisable(GL_CULL_FACE);
    glDisable(GL_DEPTH_TEST);
    glUseProgram(g_program);
    const float l = dd->DisplayPos.x, r = dd->DisplayPos.x + dd->DisplaySize.x;
    const float t = dd->DisplayPos.y, b = dd->DisplayPos.y + dd->DisplaySize.y;
    const float proj[16] = {2.0f / (r - l),    0, 0, 0, 0, 2.0f / (t - b), 0, 0, 0, 0, -1, 0, (r + l) / (l - r),
                            (t + b) / (b - t), 0, 1};
    glUniformMatrix4fv(g_proj, 1, GL_FALSE, proj);
    glUniform1i(g_tex, 0);
    glActiveTexture(GL_TEXTURE0);
    glBindVertexArray(g_vao);
    const ImVec2 clip_off = dd->DisplayPos, clip_scale = dd->FramebufferScale;
    GLuint bound = 0;
    for (int n = 0; n < dd->CmdListsCount; ++n) {
        const ImDrawList* list = dd->CmdLists[n];
        bool uploaded = false;
        for (const ImDrawCmd& cmd : list->CmdBuffer) {
            if (cmd.UserCallback) {
                if (cmd.UserCallback != ImDrawCallback_ResetRenderState) cmd.UserCallback(list, &cmd);
                continue;
            }
            const float x0 = (cmd.ClipRect.x - clip_off.x) * clip_scale.x,
                        y0 = (cmd.ClipRect.y - clip_off.y) * clip_scale.y;
            const float x1 = (cmd.ClipRect.z - clip_off.x) * clip_scale.x,
                        y1 = (cmd.ClipRect.w - clip_off.y) * clip_scale.y;
            if (x1 <= x0 || y1 <= y0) continue;
            // The scissor box in GL's integer terms, kept top-down for clipping to damage.
            const int gx = static_cast<int>(x0), gy = static_cast<int>(static_cast<float>(fb_height) - y1);
            const int gw = static_cast<int>(x1 - x0), gh = static_cast<int>(y1 - y0);
            const PixelBox cmd_clip{gx, fb_height - gy - gh, gx + gw, fb_height - gy};
            for (const PixelBox& box : boxes) {
                const PixelBox clip = intersect(cmd_clip, box);
                if (clip.empty()) continue;
                if (!uploaded) {  // lists outside the damage are not even uploaded
                    glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(list->VtxBuffer.Size * sizeof(ImDrawVert)),
                                 list->VtxBuffer.Data, GL_STREAM_DRAW);
                    glBufferData(GL_ELEMENT_ARRAY_BUFFER,
                                 static_cast<GLsizeiptr>(list->IdxBuffer.Size * sizeof(ImDrawIdx)),
                                 list->IdxBuffer.Data, GL_STREAM_DRAW);
                    uploaded = true;
                }
                const auto tex = static_cast<GLuint>(reinterpret_cast<std::intptr_t>(cmd.GetTexID()));
                if (tex != bound) {
                    glBindTexture(GL_TEXTURE_2D, tex);
                    bound = tex;
                }
                set_scissor(clip, fb_height);
                draw_cmd(list, cmd, clip, clip_off, clip_scale, fb_height);
            }
        }
    }
    glBindVertexArray(0);
    glDisable(GL_SCISSOR_TEST);
    return redrawn;
}

}  // namespace pg
