// main_web.cpp — browser entry point: the WebGL2 context (Emscripten's html5 API) + Dear ImGui, the
// frame loop, canvas size and device-pixel-ratio handling, the mouse cursor, and the browser services
// the App needs (download, file picker, localStorage autosave, clipboard). Input comes from
// keyboard_input.cpp and pointer_input.cpp. The page shell is web/index.html.
#include "canvas/view_gesture.h"
#include "imgui.h"
#include "imgui_internal.h"  // ImGuiContext::InputEventsQueue, for pg_input_pending
#include "platform/keyboard_input.h"
#include "platform/pointer_input.h"
#include "platform/web_host.h"
#include "platform/webgl_renderer.h"
#include "touch_scroll.h"
#include "ui_marks.h"

#include <emscripten.h>
#include <emscripten/html5.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <memory>
#include <string>

// ---- Browser services (JS) ----------------------------------------------------------------------------
EM_JS(void, js_download, (const char* name, const char* text), {
    var blob = new Blob([UTF8ToString(text)], {
        type:
            'application/json'
    });
    var a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = UTF8ToString(name);
    document.body.appendChild(a);
    a.click();
    setTimeout(
        function() {
            URL.revokeObjectURL(a.href);
            a.remove();
        },
        0);
});
EM_JS(void, js_open_file, (), {
    if (window.playgroundHost) window.playgroundHost.openFile();
});
EM_JS(void, js_autosave, (const char* text), {
    if (window.playgroundHost) window.playgroundHost.autosave(UTF8ToString(text));
});
EM_JS(char*, js_autosave_load, (), {
    var s = window.playgroundHost ? window.playgroundHost.loadAutosave() : null;
    if (!s) return 0;
    var len = lengthBytesUTF8(s) + 1;
    var p = _malloc(len);
    stringToUTF8(s, p, len);
    return p;
});
EM_JS(void, js_host_command, (const char* command), {
    if (window.playgroundHost && window.playgroundHost.command) window.playgroundHost.command(UTF8ToString(command));
});
EM_JS(void, js_ready, (), {
    if (window.playgroundHost) window.playgroundHost.onReady();
});
EM_JS(void, js_set_clipboard, (const char* text), {
    var s = UTF8ToString(text);
    if (window.playgroundHost) window.playgroundHost.clipboard = s;
    try {
        navigator.clipboard.writeText(s);
    } catch (e) {
    }
});
EM_JS(char*, js_get_clipboard, (), {
    var s = (window.playgroundHost && window.playgroundHost.clipboard) || "";
    var len = lengthBytesUTF8(s) + 1;
    var p = _malloc(len);
    stringToUTF8(s, p, len);
    return p;
});

EM_JS(void, js_set_cursor, (const char* css), { Module['canvas'].style.cursor = UTF8ToString(css); });

namespace {

std::unique_ptr<pg::App> g_app;
int g_canvas_w = 0, g_canvas_h = 0;  // the drawing buffer, device px
double g_last_frame_ms = 0;
int g_frames = 0;
ImGuiMouseCursor g_cursor = ImGuiMouseCursor_COUNT;
std::string g_clipboard;

void set_clipboard(void*, const char* text) {
    js_set_clipboard(text);
}
const char* get_clipboard(void*) {
    char* s = js_get_clipboard();
    g_clipboard = s ? s : "";
    std::free(s);
    return g_clipboard.c_str();
}

// The canvas's CSS cursor follows ImGui's (set only when it changes).
void sync_cursor() {
    const ImGuiMouseCursor c = ImGui::GetMouseCursor();
    if (c == g_cursor) return;
    g_cursor = c;
    static const char* const kCss[] = {"default",     "text",        "move",    "ns-resize",  "ew-resize",
                                       "nesw-resize", "nwse-resize", "pointer", "not-allowed"};
    js_set_cursor(c >= 0 && c < ImGuiMouseCursor_COUNT ? kCss[c] : "none");
}

// The canvas is sized by CSS; its drawing buffer follows in device pixels, and the UI scales by
// the device pixel ratio (fonts rasterised at that size) so text stays crisp.
void sync_canvas_size() {
    double css_w = 0, css_h = 0;
    emscripten_get_element_css_size("#canvas", &css_w, &css_h);
    const double dpr = emscripten_get_device_pixel_ratio();
    const int w = std::max(1, static_cast<int>(std::lround(css_w * dpr)));
    const int h = std::max(1, static_cast<int>(std::lround(css_h * dpr)));
    if (w != g_canvas_w || h != g_canvas_h) {
        emscripten_set_canvas_element_size("#canvas", w, h);
        g_canvas_w = w;
        g_canvas_h = h;
    }
    if (g_app->set_ui_scale(static_cast<float>(dpr))) pg::webgl_renderer_upload_fonts();
}

// Pixels covered by all triangles of a frame (overdraw included): software WebGL's cost driver.
double covered_pixels(const ImDrawData* dd) {
    double area = 0;
    for (int l = 0; l < dd->CmdListsCount; ++l) {
        const ImDrawList* list = dd->CmdLists[l];
        const ImDrawVert* v = list->VtxBuffer.Data;
        const ImDrawIdx* idx = list->IdxBuffer.Data;
        for (int i = 0; i + 2 < list->IdxBuffer.Size; i += 3) {
            const ImVec2 a = v[idx[i]].pos, b = v[idx[i + 1]].pos, c = v[idx[i + 2]].pos;
            const double t = 0.5 * ((b.x - a.x) * (c.y - a.y) - (c.x - a.x) * (b.y - a.y));
            area += t < 0 ? -t : t;
        }
    }
    return area;
}

void frame() {
    const double start = emscripten_get_now();
    sync_canvas_size();
    pg::pointer_input_new_frame();
    ImGuiIO& io = ImGui::GetIO();
    // ImGui works in drawing-buffer pixels (FramebufferScale 1): the UI scale is the ratio instead.
    io.DisplaySize = ImVec2(static_cast<float>(g_canvas_w), static_cast<float>(g_canvas_h));
    io.DeltaTime = g_frames > 0 ? static_cast<float>(std::max(start - g_last_frame_ms, 0.01) / 1000) : 1.0f / 60;
    pg::ui_marks_begin_frame(g_app->theme().scale());
    ImGui::NewFrame();
    pg::touch_scroll_panels(pg::pointer_input_finger_dragging());
    g_app->frame(io.DeltaTime);
    ImGui::Render();
    sync_cursor();
    const int fb_w = g_canvas_w, fb_h = g_canvas_h;
    // The clear colour is the canvas background: the root window draws no background of its own,
    // so the largest area costs no fill (software WebGL is fill-rate bound).
    const double redrawn =
        pg::webgl_renderer_draw(ImGui::GetDrawData(), fb_w, fb_h, g_app->theme().colours().canvas_bg);
    const double end = emscripten_get_now();
    if (g_frames > 0)
        g_app->record_frame_time(start - g_last_frame_ms, end - start,
                                 redrawn / std::max(1.0, static_cast<double>(fb_w) * fb_h));
    if (g_frames % 30 == 0)
        g_app->record_fill(covered_pixels(ImGui::GetDrawData()), ImGui::GetDrawData()->TotalVtxCount);
    g_last_frame_ms = start;
    // Ready after the second frame: the first one lays out windows, the second shows them.
    if (++g_frames == 2) js_ready();
}

}  // namespace

pg::App& pg::web_app() {
    return *g_app;
}

// For scripts that send real input (window.playground.inputState()). Browser events reach ImGui's
// queue at once (platform/pointer_input.cpp calls ImGui from the DOM listener) and a frame hands them
// to the UI a few at a time: a press and its release, or a click's down and up, are spread over
// separate frames so none is lost, however slow the frames. How many frames that takes depends on
// what was sent, so a script waits for "queue empty, one more frame drawn", not for a frame count.
extern "C" {
EMSCRIPTEN_KEEPALIVE int pg_input_pending() {
    const ImGuiContext* ctx = ImGui::GetCurrentContext();
    return (ctx ? ctx->InputEventsQueue.Size : 0) + (pg::pending_view_gesture().pending() ? 1 : 0);
}
EMSCRIPTEN_KEEPALIVE double pg_frame_count() {
    return g_frames;
}
}

int main() {
    EmscriptenWebGLContextAttributes attrs;
    emscripten_webgl_init_context_attributes(&attrs);
    attrs.majorVersion = 2;
    // ImGui needs neither depth, stencil, alpha nor MSAA; without them software WebGL (and mobile
    // GPUs) do less work per pixel. The renderer redraws only what changed since the last frame
    // (frame_damage.h), so the drawing buffer keeps its pixels between frames.
    attrs.alpha = attrs.depth = attrs.stencil = attrs.antialias = false;
    attrs.preserveDrawingBuffer = true;
    const EMSCRIPTEN_WEBGL_CONTEXT_HANDLE gl = emscripten_webgl_create_context("#canvas", &attrs);
    if (gl <= 0 || emscripten_webgl_make_context_current(gl) != EMSCRIPTEN_RESULT_SUCCESS) return 1;

    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;  // layout is fixed; the document autosaves through localStorage
    io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;  // Tab, arrows, Space inside panels (shortcut I)
    io.BackendFlags |= ImGuiBackendFlags_HasMouseCursors;  // sync_cursor (ImGui then resizes from edges)
    pg::keyboard_input_install();
    pg::pointer_input_install();
    pg::webgl_renderer_init();
    io.SetClipboardTextFn = set_clipboard;
    io.GetClipboardTextFn = get_clipboard;

    pg::PlatformHooks hooks;
    hooks.download = [](const std::string& name, const std::string& text) { js_download(name.c_str(), text.c_str()); };
    hooks.open_file = [] { js_open_file(); };
    hooks.autosave = [](const std::string& text) { js_autosave(text.c_str()); };
    hooks.host_command = [](const std::string& command) { js_host_command(command.c_str()); };
    g_app = std::make_unique<pg::App>(std::move(hooks));
    if (char* saved = js_autosave_load()) {
        g_app->restore_autosave(saved);
        std::free(saved);
    }
    sync_canvas_size();
    emscripten_set_main_loop(frame, 0, false);
    return 0;
}
