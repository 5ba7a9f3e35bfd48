// json_guard.cpp — iterative UTF-8 and nesting-depth checks (see json_guard.h).
#include "pattern/json_guard.h"

#include "core/text_position.h"

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
        if ((len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000)) return {false, at(i, "overlong encoding"), i};
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
            if (escaped)
                escaped = false;
            else if (c == '\\')
                escaped = true;
            else if (c == '"')
                in_string = false;
            continue;
        }
        if (c == '"') {
            in_string = true;
        } else if (c == '[' || c == '{') {
            if (++depth > max_depth)
                return {false,
                        "JSON nested deeper than " + std::to_string(max_depth) + " levels at byte " + std::to_string(i),
                        i};
        } else if ((c == ']' || c == '}') && depth > 0) {
            --depth;
        }
    }
    return {};
}

}  // namespace sim

namespace sim {

std::string JsonText::where() const {
    return "line " + std::to_string(line) + ", column " + std::to_string(column) + ": " + reason;
}

namespace {

using Json = nlohmann::json;

// nlohmann's DOM builder, with exceptions off, plus the one thing it forgets: where parsing failed.
class PositionedSax {
public:
    explicit PositionedSax(Json& root) : dom_(root, /*allow_exceptions=*/false) {}
    bool null() { return dom_.null(); }
    bool boolean(bool v) { return dom_.boolean(v); }
    bool number_integer(Json::number_integer_t v) { return dom_.number_integer(v); }
    bool number_unsigned(Json::number_unsigned_t v) { return dom_.number_unsigned(v); }
    bool number_float(Json::number_float_t v, const Json::string_t& s) { return dom_.number_float(v, s); }
    bool string(Json::string_t& v) { return dom_.string(v); }
    bool binary(Json::binary_t& v) { return dom_.binary(v); }
    bool start_object(std::size_t n) { return dom_.start_object(n); }
    bool key(Json::string_t& v) { return dom_.key(v); }
    bool end_object() { return dom_.end_object(); }
    bool start_array(std::size_t n) { return dom_.start_array(n); }
    bool end_array() { return dom_.end_array(); }
    bool parse_error(std::size_t position, const std::string& token, const Json::exception& e) {
        if (failed) return false;
        failed = true;
        // A syntax error's position is one past the offending byte; an overflow's is the end of
        // the number, so step back over the token to point at its first digit.
        offset = e.id == 406 && position >= token.size() ? position - token.size() : (position > 0 ? position - 1 : 0);
        reason = e.what();
        if (auto p = reason.find("] "); p != std::string::npos) reason.erase(0, p + 2);
        if (reason.rfind("parse error", 0) == 0)  // "parse error at line 1, column 5: <reason>"
            if (auto p = reason.find(": "); p != std::string::npos) reason.erase(0, p + 2);
        return false;
    }

    bool failed = false;
    std::size_t offset = 0;
    std::string reason;

private:
    nlohmann::detail::json_sax_dom_parser<Json> dom_;
};

}  // namespace

JsonText parse_json_text(std::string_view text, int max_depth) {
    JsonText out;
    // nlohmann recurses once per nesting level when the value is copied, compared or destroyed.
    if (TextCheck c = check_json_depth(text, max_depth); !c.ok) {
        line_column(text, c.offset, out.line, out.column);
        out.reason = "nested deeper than " + std::to_string(max_depth) + " levels";
        return out;
    }
    Json root;
    PositionedSax sax(root);
    const bool ok = Json::sax_parse(text.begin(), text.end(), &sax) && !sax.failed;
    if (!ok) {
        line_column(text, sax.offset, out.line, out.column);
        out.reason = sax.failed ? sax.reason : "not valid JSON";
        return out;
    }
    out.ok = true;
    out.value = std::move(root);
    return out;
}

}  // namespace sim
