// main_web.cpp — browser entry point: GLFW (Emscripten) + WebGL2 + Dear ImGui, the frame loop,
// device-pixel-ratio handling, and the browser services the App needs (download, file picker,
// localStorage autosave, clipboard). The page shell is web/index.html.
#include "canvas/view_gesture.h"
#include "imgui.h"
#include "imgui_impl_glfw.h"
#include "imgui_internal.h"  // ImGuiContext::InputEventsQueue, for pg_input_pending
#include "platform/pointer_input.h"
#include "platform/web_host.h"
#include "platform/webgl_renderer.h"
#include "ui_marks.h"

#include <GLFW/glfw3.h>
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

// Emscripten's glfwSetWindowSize asks for fullscreen when the size equals the screen's (it does in
// a maximised or headless window), so the canvas is resized through Browser, whose resize
// listener updates GLFW's window size and calls the size callbacks.
EM_JS(void, js_resize_canvas, (int w, int h), { Browser.setCanvasSize(w, h); });
EM_JS(void, js_set_cursor, (const char* css), { Module['canvas'].style.cursor = UTF8ToString(css); });

namespace {

GLFWwindow* g_window = nullptr;
std::unique_ptr<pg::App> g_app;
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

// Emscripten's GLFW cursor modes go through the pointer-lock API (errors on every frame), so the
// backend's cursor handling is off and the CSS cursor follows ImGui's instead.
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
    int cur_w = 0, cur_h = 0;
    glfwGetWindowSize(g_window, &cur_w, &cur_h);
    if (w != cur_w || h != cur_h) js_resize_canvas(w, h);
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
    ImGui_ImplGlfw_NewFrame();
    pg::ui_marks_begin_frame(g_app->theme().scale());
    ImGui::NewFrame();
    g_app->frame(ImGui::GetIO().DeltaTime);
    ImGui::Render();
    sync_cursor();
    int fb_w = 0, fb_h = 0;
    glfwGetFramebufferSize(g_window, &fb_w, &fb_h);
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
    if (!glfwInit()) return 1;
    glfwWindowHint(GLFW_CLIENT_API, GLFW_OPENGL_ES_API);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 0);
    // ImGui needs neither depth, stencil, alpha nor MSAA; without them software WebGL (and mobile
    // GPUs) do less work per pixel.
    glfwWindowHint(GLFW_DEPTH_BITS, 0);
    glfwWindowHint(GLFW_STENCIL_BITS, 0);
    glfwWindowHint(GLFW_ALPHA_BITS, 0);
    glfwWindowHint(GLFW_SAMPLES, 0);
    g_window = glfwCreateWindow(1280, 720, "Serverless Playground", nullptr, nullptr);
    if (!g_window) return 1;
    glfwMakeContextCurrent(g_window);

    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;  // layout is fixed; the document autosaves through localStorage
    io.ConfigFlags |= ImGuiConfigFlags_NoMouseCursorChange;
    ImGui_ImplGlfw_InitForOpenGL(g_window, true);
    pg::pointer_input_install(g_window);  // mouse, touch and wheel: our listeners, not GLFW's
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
