// theme.cpp — Inter/JetBrains Mono from the embedded assets, ImGui style, light and dark palettes.
#include "theme.h"

#include "assets.h"

namespace pg {
namespace {

ImFont* add_font(const char* asset, float size_px, const ImWchar* ranges) {
    const Asset* a = find_asset(asset);
    if (!a) return nullptr;
    ImFontConfig cfg;
    cfg.FontDataOwnedByAtlas = false;  // the bytes live in the binary
    cfg.OversampleH = 2;
    cfg.OversampleV = 1;
    cfg.PixelSnapH = false;
    return ImGui::GetIO().Fonts->AddFontFromMemoryTTF(const_cast<unsigned char*>(a->data), static_cast<int>(a->size),
                                                      size_px, &cfg, ranges);
}

// Latin-1, general punctuation, arrows and the math signs service texts use (→ ↔ ≤ ≥ ≈ ∝ ✓ ⚠); the build subsets
// the fonts to the same set (PG_FONT_UNICODES in CMakeLists.txt).
const ImWchar kRanges[] = {0x0020, 0x00FF, 0x2010, 0x2027, 0x2030, 0x203A, 0x2190, 0x2199,
                           0x21D2, 0x21D4, 0x2212, 0x2212, 0x221D, 0x221E, 0x2248, 0x2248,
                           0x2260, 0x2265, 0x2713, 0x2713, 0x26A0, 0x26A0, 0};

ImU32 rgb(unsigned hex, int alpha = 255) {
    return IM_COL32((hex >> 16) & 0xFF, (hex >> 8) & 0xFF, hex & 0xFF, alpha);
}

}  // namespace

void Theme::load_fonts() {
    ImGuiIO& io = ImGui::GetIO();
    io.Fonts->Clear();
    const float size = kFontSize * scale_;
    fonts_.ui = add_font("fonts/Inter-Regular.otf", size, kRanges);
    fonts_.bold = add_font("fonts/Inter-SemiBold.otf", size, kRanges);
    fonts_.mono = add_font("fonts/JetBrainsMono-Regular.ttf", size * 0.93f, kRanges);
    if (!fonts_.ui) fonts_.ui = io.Fonts->AddFontDefault();
    if (!fonts_.bold) fonts_.bold = fonts_.ui;
    if (!fonts_.mono) fonts_.mono = fonts_.ui;
    io.FontDefault = fonts_.ui;
    io.Fonts->Build();
}

bool Theme::apply(float ui_scale, bool dark) {
    const bool rescale = ui_scale != scale_;
    scale_ = ui_scale;
    dark_ = dark;
    if (rescale) load_fonts();

    ImGuiStyle style;
    if (dark)
        ImGui::StyleColorsDark(&style);
    else
        ImGui::StyleColorsLight(&style);
    style.WindowRounding = 6;
    style.ChildRounding = 4;
    style.FrameRounding = 4;
    style.PopupRounding = 4;
    style.GrabRounding = 4;
    style.TabRounding = 4;
    style.ScrollbarRounding = 6;
    style.WindowBorderSize = 1;
    style.FrameBorderSize = dark ? 0 : 1;
    style.WindowPadding = ImVec2(10, 8);
    style.FramePadding = ImVec2(7, 4);
    style.ItemSpacing = ImVec2(8, 5);
    ImVec4* c = style.Colors;
    if (dark) {
        c[ImGuiCol_WindowBg] = ImVec4(0.11f, 0.12f, 0.14f, 1);
        c[ImGuiCol_ChildBg] = ImVec4(0, 0, 0, 0);  // only top-level panels paint (begin_painted_child)
        c[ImGuiCol_PopupBg] = ImVec4(0.13f, 0.14f, 0.17f, 0.98f);
        c[ImGuiCol_Border] = ImVec4(0.24f, 0.26f, 0.30f, 1);
        c[ImGuiCol_FrameBg] = ImVec4(0.17f, 0.18f, 0.22f, 1);
        c[ImGuiCol_TitleBg] = c[ImGuiCol_TitleBgActive] = ImVec4(0.09f, 0.10f, 0.12f, 1);
        c[ImGuiCol_Header] = ImVec4(0.20f, 0.30f, 0.45f, 0.7f);
        c[ImGuiCol_Button] = ImVec4(0.20f, 0.22f, 0.27f, 1);
        c[ImGuiCol_ButtonHovered] = ImVec4(0.26f, 0.36f, 0.52f, 1);
        c[ImGuiCol_Tab] = ImVec4(0.15f, 0.16f, 0.19f, 1);
        c[ImGuiCol_TabActive] = ImVec4(0.22f, 0.30f, 0.44f, 1);
        palette_ = {rgb(0x14161A), rgb(0x20232A), rgb(0x2A2E37),      rgb(0x1F2229), rgb(0x3A3F4B),     rgb(0xE8EAED),
                    rgb(0x9AA0AA), rgb(0x7E8796), rgb(0x14161A, 230), rgb(0x4C9AFF), rgb(0x4C9AFF, 40), rgb(0xAEB4BE),
                    rgb(0xFFFFFF), rgb(0x3FB950), rgb(0xD29922),      rgb(0xDB6D28), rgb(0xF85149),     rgb(0xA371F7),
                    rgb(0x2D333B), rgb(0xE8EAED), rgb(0x5A1E1E, 240), rgb(0xFFD7D5)};
    } else {
        c[ImGuiCol_WindowBg] = ImVec4(0.97f, 0.97f, 0.98f, 1);
        c[ImGuiCol_ChildBg] = ImVec4(0, 0, 0, 0);
        c[ImGuiCol_PopupBg] = ImVec4(1, 1, 1, 0.98f);
        c[ImGuiCol_Border] = ImVec4(0.82f, 0.84f, 0.87f, 1);
        c[ImGuiCol_TitleBg] = c[ImGuiCol_TitleBgActive] = ImVec4(0.93f, 0.94f, 0.95f, 1);
        c[ImGuiCol_Tab] = ImVec4(0.90f, 0.91f, 0.93f, 1);
        palette_ = {rgb(0xF6F7F9), rgb(0xE6E8EC), rgb(0xD9DCE2),      rgb(0xFFFFFF), rgb(0xC9CED6),     rgb(0x1F2328),
                    rgb(0x656D76), rgb(0x8C959F), rgb(0xF6F7F9, 230), rgb(0x0969DA), rgb(0x0969DA, 30), rgb(0x6E7781),
                    rgb(0x0969DA), rgb(0x1A7F37), rgb(0x9A6700),      rgb(0xBC4C00), rgb(0xCF222E),     rgb(0x8250DF),
                    rgb(0xEAEEF2), rgb(0x1F2328), rgb(0xFFEBE9, 245), rgb(0x82071E)};
    }
    style.ScaleAllSizes(scale_);
    ImGui::GetStyle() = style;
    return rescale;
}

ImU32 Theme::group_colour(std::string_view group) const {
    // AWS Architecture Icons category colours, nudged apart so groups stay distinguishable.
    if (group == "compute") return rgb(0xED7100);
    if (group == "api") return rgb(0x8C4FFF);
    if (group == "messaging") return rgb(0xE7157B);
    if (group == "data") return rgb(0x2E86DE);
    if (group == "orchestration") return rgb(0xC925D1);
    if (group == "edge") return rgb(0x01A88D);
    if (group == "sources") return rgb(0x7D8998);
    return rgb(0x8B949E);
}

}  // namespace pg
