// json_reply.h — how our wasm C functions answer JavaScript: one JSON text per call, kept in a
// static buffer until the next call (ccall copies it at once). Shared by the page's bridge
// (web_bridge.cpp) and the on-demand tool modules (tools/).
#pragma once

#include "core/diagnostics.h"
#include "core/message.h"

#include <string>
#include <utility>

namespace pg {

// Text that is already JSON (or that JavaScript reads as text).
inline const char* text_reply(std::string text) {
    static std::string result;
    result = std::move(text);
    return result.c_str();
}

inline const char* json_reply(const sim::Json& j) {
    // replace: text echoed from untrusted input must never make dump() throw
    return text_reply(j.dump(-1, ' ', false, sim::Json::error_handler_t::replace));
}

// [{severity, path, message, hint}] in the order found.
inline sim::Json diagnostics_json(const sim::Diagnostics& d) {
    sim::Json a = sim::Json::array();
    for (const auto& x : d.items())
        a.push_back({{"severity", x.severity == sim::Severity::Error ? "error" : "warning"},
                     {"path", x.path},
                     {"message", x.message},
                     {"hint", x.hint}});
    return a;
}

}  // namespace pg
