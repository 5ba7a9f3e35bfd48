// pointer_input.cpp — see pointer_input.h. The JS part only converts DOM events to canvas device
// pixels and calls the exported pg_pointer_* functions at once, in event order; the gestures are
// recognised here.
#include "platform/pointer_input.h"

#include "canvas/view_gesture.h"
#include "imgui.h"

#include <emscripten.h>
#include <emscripten/html5.h>

#include <cfloat>
#include <cmath>
#include <vector>

// Listeners on the canvas. Touch and wheel listeners are non-passive because they call
// preventDefault (no page scroll or browser zoom, no emulated mouse events after a tap); mouseup is
// on the window so a drag released outside the canvas still ends.
EM_JS(void, js_install_pointer_listeners, (), {
    var canvas = Module['canvas'];
    function at(e) {
        var r = canvas.getBoundingClientRect();
        return [ (e.clientX - r.left) * canvas.width / r.width, (e.clientY - r.top) * canvas.height / r.height ];
    }
    var kButton = [ 0, 2, 1 ];  // DOM: left, middle, right; ImGui: left, right, middle
    canvas.addEventListener(
        'mousemove', function(e) {
            var p = at(e);
            _pg_pointer_mouse_move(p[0], p[1]);
        });
    canvas.addEventListener(
        'mousedown', function(e) {
            if (e.button > 2) return;
            var p = at(e);
            _pg_pointer_mouse_button(p[0], p[1], kButton[e.button], 1);
        });
    window.addEventListener(
        'mouseup', function(e) {
            if (e.button > 2) return;
            var p = at(e);
            _pg_pointer_mouse_button(p[0], p[1], kButton[e.button], 0);
        });
    canvas.addEventListener(
        'mouseleave', function() { _pg_pointer_mouse_leave(); });
    canvas.addEventListener(
        'wheel',
        function(e) {
            e.preventDefault();
            var unit = e.deltaMode == 1 ? 1 / 3 : (e.deltaMode == 2 ? 80 : 1 / 100);  // wheel steps, as ImGui's backend
            var p = at(e);
            _pg_pointer_wheel(p[0], p[1], -e.deltaX * unit, -e.deltaY * unit, e.ctrlKey ? 1 : 0);
        },
        {passive : false});
    function touches(kind) {
        return function(e) {
            if (e.cancelable) e.preventDefault();
            for (var i = 0; i < e.changedTouches.length; ++i) {
                var t = e.changedTouches[i], p = at(t);
                _pg_pointer_touch(kind, t.identifier, p[0], p[1]);
            }
        };
    }
    canvas.addEventListener('touchstart', touches(0), {passive : false});
    canvas.addEventListener('touchmove', touches(1), {passive : false});
    canvas.addEventListener('touchend', touches(2), {passive : false});
    canvas.addEventListener('touchcancel', touches(3), {passive : false});
});

namespace {

using pg::pending_view_gesture;
using pg::ViewGesture;

constexpr double kLongPressMs = 500;
constexpr float kTapSlopCss = 8;         // finger jitter that still counts as holding still
constexpr float kWheelZoomBase = 1.15f;  // zoom per wheel step, as the canvas's - / + buttons feel

enum class TouchMode { None, Pending, Dragging, LongPressed, TwoFinger, Ignoring };
struct Finger {
    int id;
    float x, y;
};

struct TouchState {
    TouchMode mode = TouchMode::None;
    std::vector<Finger> fingers;
    float start_x = 0, start_y = 0;
    double start_ms = 0;
    ImVec2 centre{0, 0};
    float spread = 0;  // distance between the two fingers
} g_touch;

int g_mouse_buttons = 0;  // bit per ImGui button held with the mouse
int g_long_presses = 0;   // for scripts: a long press has no other sign until context menus exist

float device_px(float css) {
    return css * static_cast<float>(emscripten_get_device_pixel_ratio());
}

void pointer_at(float x, float y, ImGuiMouseSource source) {
    ImGuiIO& io = ImGui::GetIO();
    io.AddMouseSourceEvent(source);
    io.AddMousePosEvent(x, y);
}

// A button change tagged as touch input: ImGui then hands a preceding pointer move to one frame and
// the button to the next (ImGui #2702), so the widget under the new position is hovered when the press
// arrives (the canvas, an overlappable item, needs that) and a press + release in one frame both count.
void button(int b, bool down) {
    ImGuiIO& io = ImGui::GetIO();
    io.AddMouseSourceEvent(ImGuiMouseSource_TouchScreen);
    io.AddMouseButtonEvent(b, down);
}

Finger* find_finger(int id) {
    for (auto& f : g_touch.fingers)
        if (f.id == id) return &f;
    return nullptr;
}

void measure_two_fingers(ImVec2& centre, float& spread) {
    const Finger &a = g_touch.fingers[0], &b = g_touch.fingers[1];
    centre = ImVec2((a.x + b.x) * 0.5f, (a.y + b.y) * 0.5f);
    spread = std::hypot(a.x - b.x, a.y - b.y);
}

void touch_start(int id, float x, float y) {
    g_touch.fingers.push_back({id, x, y});
    if (g_touch.fingers.size() == 1) {
        g_touch.mode = TouchMode::Pending;
        g_touch.start_x = x;
        g_touch.start_y = y;
        g_touch.start_ms = emscripten_get_now();
        pointer_at(x, y, ImGuiMouseSource_TouchScreen);
    } else if (g_touch.fingers.size() == 2 &&
               (g_touch.mode == TouchMode::Pending || g_touch.mode == TouchMode::Dragging)) {
        if (g_touch.mode == TouchMode::Dragging) button(ImGuiMouseButton_Left, false);  // the drag ends here
        g_touch.mode = TouchMode::TwoFinger;
        measure_two_fingers(g_touch.centre, g_touch.spread);
        pointer_at(g_touch.centre.x, g_touch.centre.y, ImGuiMouseSource_TouchScreen);
    }
}

void touch_move(int id, float x, float y) {
    Finger* f = find_finger(id);
    if (!f) return;
    f->x = x;
    f->y = y;
    switch (g_touch.mode) {
        case TouchMode::Pending:
            if (std::hypot(x - g_touch.start_x, y - g_touch.start_y) <= device_px(kTapSlopCss)) break;
            // A drag: press where the finger went down, then follow it.
            button(ImGuiMouseButton_Left, true);
            pointer_at(x, y, ImGuiMouseSource_TouchScreen);
            g_touch.mode = TouchMode::Dragging;
            break;
        case TouchMode::Dragging:
            pointer_at(x, y, ImGuiMouseSource_TouchScreen);
            break;
        case TouchMode::TwoFinger: {
            if (f != &g_touch.fingers[0] && f != &g_touch.fingers[1]) break;
            ImVec2 c;
            float spread = 0;
            measure_two_fingers(c, spread);
            // The pan goes as wheel steps (100 CSS px each, as the canvas counts them), so two fingers
            // also scroll a panel or a popup list; the pinch goes to the canvas only.
            pointer_at(c.x, c.y, ImGuiMouseSource_TouchScreen);
            const float step = device_px(100);
            ImGui::GetIO().AddMouseWheelEvent((c.x - g_touch.centre.x) / step, (c.y - g_touch.centre.y) / step);
            if (g_touch.spread > 1 && spread > 1 && spread != g_touch.spread) {
                ViewGesture& g = pending_view_gesture();
                g.zoom *= spread / g_touch.spread;
                g.centre = c;
            }
            g_touch.centre = c;
            g_touch.spread = spread;
            break;
        }
        default:
            break;
    }
}

void touch_end(int id, bool cancelled) {
    Finger* f = find_finger(id);
    if (!f) return;
    g_touch.fingers.erase(g_touch.fingers.begin() + (f - g_touch.fingers.data()));
    switch (g_touch.mode) {
        case TouchMode::Pending:  // a tap: click where the finger is
            if (!cancelled) {
                button(ImGuiMouseButton_Left, true);
                button(ImGuiMouseButton_Left, false);
            }
            g_touch.mode = TouchMode::None;
            break;
        case TouchMode::Dragging:
            button(ImGuiMouseButton_Left, false);
            g_touch.mode = TouchMode::None;
            break;
        default:
            // After a long press or a two-finger gesture the remaining fingers do nothing until lifted.
            g_touch.mode = g_touch.fingers.empty() ? TouchMode::None : TouchMode::Ignoring;
            break;
    }
    if (g_touch.mode == TouchMode::None && !g_touch.fingers.empty()) g_touch.mode = TouchMode::Ignoring;
}

}  // namespace

extern "C" {
EMSCRIPTEN_KEEPALIVE void pg_pointer_mouse_move(float x, float y) {
    pointer_at(x, y, ImGuiMouseSource_Mouse);
}
EMSCRIPTEN_KEEPALIVE void pg_pointer_mouse_button(float x, float y, int b, int down) {
    const int bit = 1 << b;
    if (down ? (g_mouse_buttons & bit) : !(g_mouse_buttons & bit)) return;  // e.g. a release after a press elsewhere
    g_mouse_buttons = down ? (g_mouse_buttons | bit) : (g_mouse_buttons & ~bit);
    pointer_at(x, y, ImGuiMouseSource_Mouse);
    button(b, down != 0);
    ImGui::GetIO().AddMouseSourceEvent(ImGuiMouseSource_Mouse);
}
EMSCRIPTEN_KEEPALIVE void pg_pointer_mouse_leave() {
    if (g_mouse_buttons == 0 && g_touch.mode == TouchMode::None) pointer_at(-FLT_MAX, -FLT_MAX, ImGuiMouseSource_Mouse);
}
EMSCRIPTEN_KEEPALIVE void pg_pointer_wheel(float x, float y, float steps_x, float steps_y, int ctrl) {
    if (ctrl) {  // zoom at the pointer
        pointer_at(x, y, ImGuiMouseSource_Mouse);
        ViewGesture& g = pending_view_gesture();
        g.zoom *= std::pow(kWheelZoomBase, steps_y);
        g.centre = ImVec2(x, y);
        return;
    }
    ImGuiIO& io = ImGui::GetIO();
    io.AddMouseSourceEvent(ImGuiMouseSource_Mouse);
    io.AddMouseWheelEvent(steps_x, steps_y);
}
EMSCRIPTEN_KEEPALIVE int pg_pointer_long_presses() {
    return g_long_presses;
}
// kind: 0 start, 1 move, 2 end, 3 cancel.
EMSCRIPTEN_KEEPALIVE void pg_pointer_touch(int kind, int id, float x, float y) {
    if (kind == 0)
        touch_start(id, x, y);
    else if (kind == 1)
        touch_move(id, x, y);
    else
        touch_end(id, kind == 3);
}
}

namespace pg {

void pointer_input_install() {
    ImGui::GetIO().AddMousePosEvent(-FLT_MAX, -FLT_MAX);  // no pointer until the first event
    js_install_pointer_listeners();
}

void pointer_input_focus_lost() {
    g_mouse_buttons = 0;
}

bool pointer_input_finger_dragging() {
    return g_touch.mode == TouchMode::Dragging;
}

void pointer_input_new_frame() {
    if (g_touch.mode != TouchMode::Pending || emscripten_get_now() - g_touch.start_ms < kLongPressMs) return;
    button(ImGuiMouseButton_Right, true);
    button(ImGuiMouseButton_Right, false);
    g_touch.mode = TouchMode::LongPressed;
    ++g_long_presses;
}

}  // namespace pg
