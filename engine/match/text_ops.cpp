// text_ops.cpp — case folding over UTF-8 and wildcard glob matching.
#include "match/text_ops.h"

namespace sim::match {

namespace {

// Decodes one code point at `i` and advances; malformed bytes decode as themselves (offset past
// the Unicode range) so they only ever equal identical bytes.
char32_t decode_forward(std::string_view s, std::size_t& i) {
    const auto b0 = static_cast<unsigned char>(s[i]);
    std::size_t len = 1;
    char32_t cp = b0;
    if (b0 >= 0xC0 && b0 < 0xE0) {
        len = 2;
        cp = b0 & 0x1Fu;
    } else if (b0 >= 0xE0 && b0 < 0xF0) {
        len = 3;
        cp = b0 & 0x0Fu;
    } else if (b0 >= 0xF0 && b0 < 0xF8) {
        len = 4;
        cp = b0 & 0x07u;
    } else if (b0 >= 0x80) {
        ++i;
        return 0x110000u + b0;
    }
    if (i + len > s.size()) {
        ++i;
        return 0x110000u + b0;
    }
    for (std::size_t k = 1; k < len; ++k) {
        const auto b = static_cast<unsigned char>(s[i + k]);
        if ((b & 0xC0u) != 0x80u) {
            ++i;
            return 0x110000u + b0;
        }
        cp = (cp << 6) | (b & 0x3Fu);
    }
    i += len;
    return cp;
}

// Decodes the code point that ends just before `end` and moves `end` to its first byte.
char32_t decode_backward(std::string_view s, std::size_t& end) {
    std::size_t start = end - 1;
    std::size_t steps = 0;
    while (start > 0 && steps < 3 && (static_cast<unsigned char>(s[start]) & 0xC0u) == 0x80u) {
        --start;
        ++steps;
    }
    std::size_t probe = start;
    const char32_t cp = decode_forward(s, probe);
    if (probe == end) {
        end = start;
        return cp;
    }
    --end;  // not a well-formed sequence ending here: take the last byte alone
    return 0x110000u + static_cast<unsigned char>(s[end]);
}

char32_t fold(char32_t c) {
    if (c < 0x80) return (c >= 'A' && c <= 'Z') ? c + 32 : c;
    if (c >= 0xC0 && c <= 0xDE && c != 0xD7) return c + 32;
    if (c >= 0x100 && c <= 0x17F) {
        if (c == 0x178) return 0xFF;
        const bool odd_upper = (c >= 0x139 && c <= 0x148) || (c >= 0x179 && c <= 0x17E);
        if (c == 0x130 || c == 0x131 || c == 0x138 || c == 0x149 || c == 0x17F) return c;
        if (odd_upper) return (c % 2 == 1) ? c + 1 : c;
        return (c % 2 == 0) ? c + 1 : c;
    }
    if (c >= 0x391 && c <= 0x3A9 && c != 0x3A2) return c + 32;
    if (c == 0x386) return 0x3AC;
    if (c >= 0x388 && c <= 0x38A) return c + 37;
    if (c == 0x38C) return 0x3CC;
    if (c == 0x38E || c == 0x38F) return c + 63;
    if (c >= 0x410 && c <= 0x42F) return c + 32;
    if (c >= 0x400 && c <= 0x40F) return c + 80;
    if (c >= 0x531 && c <= 0x556) return c + 48;
    if (c >= 0xFF21 && c <= 0xFF3A) return c + 32;
    return c;
}

}  // namespace

bool equals_ignore_case(std::string_view a, std::string_view b) {
    std::size_t i = 0;
    std::size_t j = 0;
    while (i < a.size() && j < b.size()) {
        if (fold(decode_forward(a, i)) != fold(decode_forward(b, j))) return false;
    }
    return i == a.size() && j == b.size();
}

bool starts_with_ignore_case(std::string_view text, std::string_view prefix) {
    std::size_t i = 0;
    std::size_t j = 0;
    while (j < prefix.size()) {
        if (i >= text.size()) return false;
        if (fold(decode_forward(text, i)) != fold(decode_forward(prefix, j))) return false;
    }
    return true;
}

bool ends_with_ignore_case(std::string_view text, std::string_view suffix) {
    std::size_t i = text.size();
    std::size_t j = suffix.size();
    while (j > 0) {
        if (i == 0) return false;
        if (fold(decode_backward(text, i)) != fold(decode_backward(suffix, j))) return false;
    }
    return true;
}

std::variant<WildcardPattern, WildcardError> parse_wildcard(std::string_view operand) {
    WildcardPattern pattern;
    pattern.source = std::string(operand);
    pattern.parts.emplace_back();
    for (std::size_t i = 0; i < operand.size(); ++i) {
        const char c = operand[i];
        if (c == '*') {
            if (i + 1 < operand.size() && operand[i + 1] == '*') return WildcardError{i + 1, true};
            pattern.parts.emplace_back();
        } else if (c == '\\') {
            // A trailing backslash would escape the closing quote in AWS's quoted form.
            if (i + 1 < operand.size() && (operand[i + 1] == '*' || operand[i + 1] == '\\')) {
                pattern.parts.back().push_back(operand[i + 1]);
                ++i;
            } else {
                return WildcardError{i + 1, false};
            }
        } else {
            pattern.parts.back().push_back(c);
        }
    }
    return pattern;
}

bool wildcard_matches(const WildcardPattern& pattern, std::string_view text) {
    const auto& parts = pattern.parts;
    if (parts.size() == 1) return text == parts.front();
    const std::string& first = parts.front();
    const std::string& last = parts.back();
    if (text.size() < first.size() + last.size()) return false;
    if (text.substr(0, first.size()) != first) return false;
    if (text.substr(text.size() - last.size()) != last) return false;
    // Middle parts: leftmost-first placement is optimal for `*`-only globs.
    std::size_t pos = first.size();
    const std::size_t limit = text.size() - last.size();
    for (std::size_t k = 1; k + 1 < parts.size(); ++k) {
        const std::string& part = parts[k];
        if (part.empty()) continue;
        const std::size_t found = text.substr(0, limit).find(part, pos);
        if (found == std::string_view::npos) return false;
        pos = found + part.size();
    }
    return true;
}

}  // namespace sim::match
