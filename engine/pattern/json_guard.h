// json_guard.h — cheap checks on untrusted JSON text that run BEFORE nlohmann parses it: strict
// UTF-8 and nesting depth. nlohmann's parser recurses per nesting level, so a hostile
// "[[[[…" of a million levels would overflow the stack; this scan is iterative.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace sim {

struct TextCheck {
    bool ok = true;
    std::string error;  // "invalid UTF-8 at byte 17 (overlong encoding)"
    std::size_t offset = 0;  // byte offset of the problem (when !ok)
};

// Strict UTF-8 (RFC 3629): no overlong forms, no surrogates (U+D800..DFFF), nothing above U+10FFFF.
TextCheck check_utf8(std::string_view text);

// Nesting depth of arrays/objects outside strings (escapes honoured). Fails at the first bracket
// that goes deeper than `max_depth`, naming its byte offset. Does not otherwise validate JSON.
TextCheck check_json_depth(std::string_view text, int max_depth);

}  // namespace sim
