// theme.h — fonts, colours and the UI scale. Everything is sized in CSS pixels times ui_scale
// (= devicePixelRatio), and fonts are rasterised at that size, so text is crisp at any DPR.
#pragma once

#include "imgui.h"

#include <string_view>

namespace pg {

struct Fonts {
    ImFont* ui = nullptr;    // Inter Regular
    ImFont* bold = nullptr;  // Inter SemiBold: node titles, headings
    ImFont* mono = nullptr;  // JetBrains Mono: JSON, ids, numbers in tables
};

struct Palette {
    ImU32 canvas_bg, grid, grid_major;
    ImU32 node_bg, node_border, node_text, node_muted;
    ImU32 link, link_label_bg, selection, selection_fill, port, port_hover;
    ImU32 ok, retry, throttled, error, dead_letter;
    ImU32 badge_bg, badge_text, refuse_bg, refuse_text;
};

class Theme {
public:
    // (Re)builds fonts and styles for a scale and colour scheme; call between frames.
    // Returns true when the font atlas was rebuilt (the renderer must re-upload its texture).
    bool apply(float ui_scale, bool dark);
    float scale() const { return scale_; }
    bool dark() const { return dark_; }
    const Fonts& fonts() const { return fonts_; }
    const Palette& colours() const { return palette_; }
    // The accent colour of a registry group ("compute", "api", ...); grey for unknown groups.
    ImU32 group_colour(std::string_view group) const;
    // CSS pixels → device pixels.
    float px(float css) const { return css * scale_; }

private:
    void load_fonts();
    float scale_ = 0;
    bool dark_ = true;
    Fonts fonts_;
    Palette palette_{};
};

// Base font size in CSS pixels.
inline constexpr float kFontSize = 15.0f;

}  // namespace pg
