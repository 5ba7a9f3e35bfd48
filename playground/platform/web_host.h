// web_host.h — the one App instance of the web build, shared by main_web.cpp (frame loop) and
// web_bridge.cpp (the window.playground JS API).
#pragma once

#include "app.h"

namespace pg {

App& web_app();

// The page's JavaScript runtime for Lambda code (code_runtime_bridge.cpp): "none", "loading",
// "ready" or "failed".
const char* code_runtime_state();

}  // namespace pg
