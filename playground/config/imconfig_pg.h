// imconfig_pg.h — our Dear ImGui build configuration (IMGUI_USER_CONFIG), seen by every TU that
// includes imgui.h, so the library and the app agree on layouts.
#pragma once

// 32-bit draw indices: a big diagram (hundreds of nodes, curves, badges, thousands of dots) easily
// exceeds the 65,536 vertices a 16-bit index can address in one draw list.
#define ImDrawIdx unsigned int

// We never use the demo window, ini files or the default font; keep the binary small.
#define IMGUI_DISABLE_DEMO_WINDOWS
#define IMGUI_DISABLE_DEBUG_TOOLS
#define IMGUI_DISABLE_FILE_FUNCTIONS
