// json_guard.h — cheap checks on untrusted JSON text that run BEFORE nlohmann parses it: strict
// UTF-8 and nesting depth. nlohmann's parser recurses per nesting level, so a hostile
// "[[[[…" of a million levels would overflow the stack; this scan is iterative.
// parse_json_text is THE way untrusted JSON text becomes a Json: it never throws and says where.
#pragma once

#include <nlohmann/json.hpp>

#include <cstddef>
#include <string>
#include <string_view>

namespace sim {

struct TextCheck {
    bool ok = true;
    std::string error;       // "invalid UTF-8 at byte 17 (overlong encoding)"
    std::size_t offset = 0;  // byte offset of the problem (when !ok)
};

// Strict UTF-8 (RFC 3629): no overlong forms, no surrogates (U+D800..DFFF), nothing above U+10FFFF.
TextCheck check_utf8(std::string_view text);

// Nesting depth of arrays/objects outside strings (escapes honoured). Fails at the first bracket
// that goes deeper than `max_depth`, naming its byte offset. Does not otherwise validate JSON.
TextCheck check_json_depth(std::string_view text, int max_depth);

struct JsonText {
    nlohmann::json value;  // the document (null when !ok)
    bool ok = false;
    std::string reason;    // "number overflow parsing '1e+400'", "syntax error while parsing value - …"
    std::size_t line = 0;  // 1-based position of the problem (when !ok)
    std::size_t column = 0;
    // "line 3, column 18: number overflow parsing '1e+400'"
    std::string where() const;
};

// Parses untrusted JSON text without ever throwing: syntax errors, numbers too large for a double
// (nlohmann's out_of_range 406, which parse() throws even with exceptions off in some versions,
// and which carries no position) and nesting deeper than `max_depth` all come back as !ok with
// the line and column of the offending token.
JsonText parse_json_text(std::string_view text, int max_depth = 256);

}  // namespace sim
