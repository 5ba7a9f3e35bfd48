// web_host.h — the one App instance of the web build, shared by main_web.cpp (frame loop) and
// web_bridge.cpp (the window.playground JS API).
#pragma once

#include "app.h"

namespace pg {

App& web_app();

}  // namespace pg
