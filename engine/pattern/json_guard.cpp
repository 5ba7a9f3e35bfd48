// json_guard.cpp — iterative UTF-8 and nesting-depth checks (see json_guard.h).
#include "pattern/json_guard.h"

namespace sim {

namespace {

std::string at(std::size_t offset, const char* what) {
    return "invalid UTF-8 at byte " + std::to_string(offset) + " (" + what + ")";
}

}  // namespace

TextCheck check_utf8(std::string_view text) {
    const auto* s = reinterpret_cast<const unsigned char*>(text.data());
    const std::size_t n = text.size();
    std::size_t i = 0;
    while (i < n) {
        const unsigned char c = s[i];
        if (c < 0x80) {
            ++i;
            continue;
        }
        std::size_t len = 0;
        unsigned cp = 0;
        if (c >= 0xC2 && c <= 0xDF) {
            len = 2;
            cp = c & 0x1Fu;
        } else if (c >= 0xE0 && c <= 0xEF) {
            len = 3;
            cp = c & 0x0Fu;
        } else if (c >= 0xF0 && c <= 0xF4) {
            len = 4;
            cp = c & 0x07u;
        } else if (c == 0xC0 || c == 0xC1) {
            return {false, at(i, "overlong encoding"), i};
        } else if (c >= 0x80 && c <= 0xBF) {
            return {false, at(i, "unexpected continuation byte"), i};
        } else {
            return {false, at(i, "byte out of range"), i};
        }
        if (i + len > n) return {false, at(i, "truncated sequence"), i};
        for (std::size_t k = 1; k < len; ++k) {
            const unsigned char cc = s[i + k];
            if ((cc & 0xC0u) != 0x80u) return {false, at(i, "truncated sequence"), i};
            cp = (cp << 6) | (cc & 0x3Fu);
        }
        if ((len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000))
            return {false, at(i, "overlong encoding"), i};
        if (cp >= 0xD800 && cp <= 0xDFFF) return {false, at(i, "UTF-16 surrogate"), i};
        if (cp > 0x10FFFF) return {false, at(i, "code point above U+10FFFF"), i};
        i += len;
    }
    return {};
}

TextCheck check_json_depth(std::string_view text, int max_depth) {
    int depth = 0;
    bool in_string = false;
    bool escaped = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (in_string) {
            if (escaped) escaped = false;
            else if (c == '\\') escaped = true;
            else if (c == '"') in_string = false;
            continue;
        }
        if (c == '"') {
            in_string = true;
        } else if (c == '[' || c == '{') {
            if (++depth > max_depth)
                return {false, "JSON nested deeper than " + std::to_string(max_depth) +
                                   " levels at byte " + std::to_string(i)};
        } else if ((c == ']' || c == '}') && depth > 0) {
            --depth;
        }
    }
    return {};
}

}  // namespace sim
