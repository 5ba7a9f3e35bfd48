// no_default_font.cpp — keeps Dear ImGui's built-in font (ProggyClean: 12 KB of base85 text, about
// 9 KB of the page's gzip budget) out of the page. ImFontAtlas::Build() adds it only when no font
// was given, and theme.cpp always gives ours, but the call keeps the font linked. The linker
// (--wrap, playground/CMakeLists.txt) sends that call here instead.
#include "imgui.h"

extern "C" ImFont* __wrap__ZN11ImFontAtlas14AddFontDefaultEPK12ImFontConfig(ImFontAtlas*, const ImFontConfig*) {
    IM_ASSERT(false && "the playground loads its own fonts before the atlas is built (theme.cpp)");
    return nullptr;
}
