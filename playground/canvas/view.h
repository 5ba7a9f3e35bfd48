// view.h — the canvas camera: world (layout units, 1 = one CSS pixel at 100%) ⇄ screen (device
// pixels). Zoom is about a screen point so the spot under the cursor stays put.
#pragma once

#include "document.h"
#include "imgui.h"

namespace pg {

struct Rect {
    Vec2f min, max;
    bool contains(Vec2f p) const { return p.x >= min.x && p.x <= max.x && p.y >= min.y && p.y <= max.y; }
    bool overlaps(const Rect& o) const {
        return min.x <= o.max.x && o.min.x <= max.x && min.y <= o.max.y && o.min.y <= max.y;
    }
};

class CanvasView {
public:
    static constexpr float kMinZoom = 0.15f, kMaxZoom = 3.0f;

    // Called each frame before drawing: where the canvas is on screen and the device pixel ratio.
    void set_frame(ImVec2 origin, ImVec2 size, float ui_scale) {
        origin_ = origin;
        size_ = size;
        ui_scale_ = ui_scale;
    }
    // A view at 100% with the world origin at the canvas's top-left.
    static CanvasView at(ImVec2 origin, ImVec2 size, float ui_scale) {
        CanvasView v;
        v.set_frame(origin, size, ui_scale);
        return v;
    }
    float scale() const { return zoom_ * ui_scale_; }
    float ui_scale() const { return ui_scale_; }
    float zoom() const { return zoom_; }
    ImVec2 origin() const { return origin_; }
    ImVec2 size() const { return size_; }
    ImVec2 to_screen(Vec2f w) const {
        return ImVec2(origin_.x + (w.x + pan_.x) * scale(), origin_.y + (w.y + pan_.y) * scale());
    }
    Vec2f to_world(ImVec2 s) const {
        return {(s.x - origin_.x) / scale() - pan_.x, (s.y - origin_.y) / scale() - pan_.y};
    }
    // Pans by a screen-space delta (device pixels).
    void pan_by(ImVec2 d) {
        pan_.x += d.x / scale();
        pan_.y += d.y / scale();
    }
    void zoom_at(ImVec2 screen, float factor) {
        const Vec2f before = to_world(screen);
        zoom_ = zoom_ * factor < kMinZoom ? kMinZoom : (zoom_ * factor > kMaxZoom ? kMaxZoom : zoom_ * factor);
        const Vec2f after = to_world(screen);
        pan_.x += after.x - before.x;
        pan_.y += after.y - before.y;
    }
    // Frames `bounds` (world) with a margin; zoom never exceeds 100% so small diagrams stay readable.
    void fit(const Rect& bounds, float margin_css = 40) {
        const float w = bounds.max.x - bounds.min.x, h = bounds.max.y - bounds.min.y;
        if (w <= 0 || h <= 0 || size_.x <= 0 || size_.y <= 0) return;
        const float avail_w = size_.x / ui_scale_ - 2 * margin_css, avail_h = size_.y / ui_scale_ - 2 * margin_css;
        float z = avail_w / w < avail_h / h ? avail_w / w : avail_h / h;
        zoom_ = z > 1 ? 1 : (z < kMinZoom ? kMinZoom : z);
        pan_.x = (size_.x / scale() - w) * 0.5f - bounds.min.x;
        pan_.y = (size_.y / scale() - h) * 0.5f - bounds.min.y;
    }

private:
    ImVec2 origin_, size_;
    Vec2f pan_;
    float zoom_ = 1, ui_scale_ = 1;
};

}  // namespace pg
