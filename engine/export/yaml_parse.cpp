// yaml_parse.cpp — a line-oriented recursive-descent reader for template YAML (see yaml_parse.h).
// Block structure is read line by line by indentation; flow collections, quoted scalars and tags
// by a small character parser. Errors are thrown inside (YamlError) and returned at the top.
#include "export/yaml_parse.h"

#include "pattern/json_guard.h"

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <vector>

namespace sim {
namespace {

using Json = nlohmann::json;
constexpr int kMaxDepth = 256;

struct YamlError {
    std::size_t line, column;  // 1-based
    std::string message;
};

struct Line {
    std::size_t number = 0;  // 1-based
    int indent = 0;          // leading spaces
    std::string_view text;   // after the indent, without trailing spaces or CR
    std::string_view raw;    // the whole line without CR (block scalars read it)
};

bool is_space(char c) {
    return c == ' ' || c == '\t';
}

std::string_view trim(std::string_view s) {
    while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
    while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
    return s;
}

// A plain scalar's text without a trailing " # comment".
std::string_view strip_comment(std::string_view s) {
    if (!s.empty() && s.front() == '#') return {};
    for (std::size_t i = 1; i < s.size(); ++i)
        if (s[i] == '#' && is_space(s[i - 1])) return trim(s.substr(0, i));
    return trim(s);
}

bool starts_sequence_item(std::string_view t) {
    return !t.empty() && t[0] == '-' && (t.size() == 1 || is_space(t[1]));
}

// Appends the UTF-8 encoding of code point cp.
void append_utf8(std::string& out, unsigned long cp) {
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

// YAML 1.2 core schema for plain scalars.
Json resolve_plain(std::string_view s) {
    if (s.empty() || s == "~" || s == "null" || s == "Null" || s == "NULL") return nullptr;
    if (s == "true" || s == "True" || s == "TRUE") return true;
    if (s == "false" || s == "False" || s == "FALSE") return false;
    const std::string text(s);
    std::size_t i = (s[0] == '-' || s[0] == '+') ? 1 : 0;
    if (i < s.size()) {
        bool digits = true;
        for (std::size_t k = i; k < s.size(); ++k) digits = digits && s[k] >= '0' && s[k] <= '9';
        if (digits) {
            errno = 0;
            char* end = nullptr;
            const long long v = std::strtoll(text.c_str(), &end, 10);
            if (errno == 0 && end == text.c_str() + text.size()) return v;
            return text;  // too large for an integer: kept as written
        }
        if (s.size() > 2 && s[0] == '0' && (s[1] == 'x' || s[1] == 'o')) {
            bool ok = s.size() > 2;
            for (std::size_t k = 2; k < s.size(); ++k) {
                const char c = s[k];
                ok = ok && (s[1] == 'x' ? std::isxdigit(static_cast<unsigned char>(c)) != 0 : (c >= '0' && c <= '7'));
            }
            if (ok) return static_cast<long long>(std::strtoll(text.c_str() + 2, nullptr, s[1] == 'x' ? 16 : 8));
        }
        // [-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?
        std::size_t k = i, int_digits = 0, frac_digits = 0;
        while (k < s.size() && s[k] >= '0' && s[k] <= '9') ++k, ++int_digits;
        if (k < s.size() && s[k] == '.') {
            ++k;
            while (k < s.size() && s[k] >= '0' && s[k] <= '9') ++k, ++frac_digits;
        }
        bool number = int_digits + frac_digits > 0 && (int_digits > 0 || frac_digits > 0);
        if (number && k < s.size() && (s[k] == 'e' || s[k] == 'E')) {
            ++k;
            if (k < s.size() && (s[k] == '+' || s[k] == '-')) ++k;
            std::size_t exp_digits = 0;
            while (k < s.size() && s[k] >= '0' && s[k] <= '9') ++k, ++exp_digits;
            number = exp_digits > 0;
        }
        if (number && k == s.size()) return std::strtod(text.c_str(), nullptr);
    }
    return text;
}

// A float that overflowed to infinity (1e400): refused where it stands, as JSON input is.
bool too_large(const Json& v) {
    return v.is_number_float() && !std::isfinite(v.get<double>());
}

// CloudFormation's short-form intrinsic functions.
Json apply_tag(const std::string& tag, Json value, const Line& at, std::size_t column) {
    if (tag == "Ref") return Json{{"Ref", std::move(value)}};
    if (tag == "Condition") return Json{{"Condition", std::move(value)}};
    if (tag == "GetAtt" && value.is_string()) {
        const std::string s = value.get<std::string>();
        const auto dot = s.find('.');
        if (dot == std::string::npos || dot == 0 || dot + 1 == s.size())
            throw YamlError{at.number, column, "!GetAtt needs LogicalId.Attribute, got \"" + s + "\""};
        return Json{{"Fn::GetAtt", Json::array({s.substr(0, dot), s.substr(dot + 1)})}};
    }
    if (tag == "!str") return value.is_string() ? value : Json(value.dump());
    if (tag.empty() || tag[0] == '!' || tag.find_first_of("<>") != std::string::npos)
        throw YamlError{at.number, column, "unsupported tag '!" + tag + "'"};
    return Json{{"Fn::" + tag, std::move(value)}};
}

// Flow collections, quoted scalars and tags within one logical piece of text (a flow collection
// may span lines; the caller joins them). Positions in errors are columns of `at`.
class FlowParser {
public:
    FlowParser(std::string_view text, const Line& at, std::size_t base_column, int depth)
        : s_(text), at_(at), base_(base_column), depth_(depth) {}

    Json value(bool in_flow) {
        ws();
        if (++depth_ > kMaxDepth) fail("nesting deeper than 256 levels");
        Json v = value_inner(in_flow);
        --depth_;
        return v;
    }
    // Only spaces or a comment may follow.
    void finish() {
        ws();
        if (p_ < s_.size() && s_[p_] != '#')
            fail("unexpected text after the value: '" + std::string(s_.substr(p_, 20)) + "'");
    }
    std::size_t pos() const { return p_; }

    [[noreturn]] void fail(const std::string& message) const { throw YamlError{at_.number, base_ + p_ + 1, message}; }

    std::string quoted() {
        const std::size_t open = p_;
        const char q = s_[p_++];
        std::string out;
        while (true) {
            if (p_ >= s_.size()) {
                p_ = open;
                fail(std::string("unterminated ") + (q == '"' ? "double" : "single") + "-quoted string");
            }
            const char c = s_[p_++];
            if (q == '\'' && c == '\'') {
                if (p_ < s_.size() && s_[p_] == '\'') {
                    out += '\'';
                    ++p_;
                    continue;
                }
                return out;
            }
            if (q == '"' && c == '"') return out;
            if (q == '"' && c == '\\') {
                if (p_ >= s_.size()) fail("unterminated escape in a double-quoted string");
                const char e = s_[p_++];
                switch (e) {
                    case 'n':
                        out += '\n';
                        break;
                    case 't':
                    case '\t':
                        out += '\t';
                        break;
                    case 'r':
                        out += '\r';
                        break;
                    case '0':
                        out += '\0';
                        break;
                    case 'a':
                        out += '\a';
                        break;
                    case 'b':
                        out += '\b';
                        break;
                    case 'e':
                        out += '\x1b';
                        break;
                    case 'f':
                        out += '\f';
                        break;
                    case 'v':
                        out += '\v';
                        break;
                    case ' ':
                        out += ' ';
                        break;
                    case '"':
                        out += '"';
                        break;
                    case '/':
                        out += '/';
                        break;
                    case '\\':
                        out += '\\';
                        break;
                    case 'N':
                        append_utf8(out, 0x85);
                        break;
                    case '_':
                        append_utf8(out, 0xA0);
                        break;
                    case 'x':
                    case 'u':
                    case 'U': {
                        const std::size_t n = e == 'x' ? 2 : e == 'u' ? 4 : 8;
                        if (p_ + n > s_.size()) fail("short \\" + std::string(1, e) + " escape");
                        unsigned long cp = 0;
                        for (std::size_t k = 0; k < n; ++k) {
                            const char h = s_[p_ + k];
                            if (!std::isxdigit(static_cast<unsigned char>(h)))
                                fail("bad hex digit in \\" + std::string(1, e) + " escape");
                            cp = cp * 16 + static_cast<unsigned long>(std::isdigit(static_cast<unsigned char>(h))
                                                                          ? h - '0'
                                                                          : (std::tolower(h) - 'a' + 10));
                        }
                        if (cp > 0x10FFFF) fail("escape beyond U+10FFFF");
                        p_ += n;
                        append_utf8(out, cp);
                        break;
                    }
                    default:
                        fail(std::string("unknown escape \\") + e);
                }
                continue;
            }
            out += c;
        }
    }

private:
    void ws() {
        while (p_ < s_.size() && is_space(s_[p_])) ++p_;
    }

    Json value_inner(bool in_flow) {
        if (p_ >= s_.size()) return nullptr;
        const char c = s_[p_];
        if (c == '&' || c == '*') fail("anchors and aliases (& and *) are not supported; write the value out");
        if (c == '[') return sequence();
        if (c == '{') return mapping();
        if (c == '"' || c == '\'') return quoted();
        if (c == '!') {
            ++p_;
            const std::size_t start = p_;
            while (p_ < s_.size() && !is_space(s_[p_]) &&
                   (!in_flow || std::string_view(",[]{}").find(s_[p_]) == std::string_view::npos))
                ++p_;
            const std::string tag(s_.substr(start, p_ - start));
            const std::size_t column = base_ + start;
            ws();
            Json v = (p_ >= s_.size() || (in_flow && (s_[p_] == ',' || s_[p_] == ']' || s_[p_] == '}')))
                         ? Json("")
                         : value(in_flow);
            return apply_tag(tag, std::move(v), at_, column);
        }
        return plain(in_flow);
    }

    Json plain(bool in_flow) {
        const std::size_t start = p_;
        while (p_ < s_.size()) {
            const char c = s_[p_];
            if (in_flow && (c == ',' || c == '[' || c == ']' || c == '{' || c == '}')) break;
            if (c == ':' && (p_ + 1 == s_.size() || is_space(s_[p_ + 1]) ||
                             (in_flow && std::string_view(",[]{}").find(s_[p_ + 1]) != std::string_view::npos)))
                break;
            if (c == '#' && p_ > start && is_space(s_[p_ - 1])) break;
            ++p_;
        }
        const std::string_view scalar = trim(s_.substr(start, p_ - start));
        Json v = resolve_plain(scalar);
        if (too_large(v)) {
            p_ = start;
            fail("number too large for a double: '" + std::string(scalar.substr(0, 40)) + "'");
        }
        return v;
    }

    Json sequence() {
        const std::size_t open = p_++;  // [
        Json a = Json::array();
        while (true) {
            ws();
            if (p_ >= s_.size()) {
                p_ = open;
                fail("unterminated flow sequence: missing ']'");
            }
            if (s_[p_] == ']') {
                ++p_;
                return a;
            }
            a.push_back(value(true));
            ws();
            if (p_ < s_.size() && s_[p_] == ',')
                ++p_;
            else if (p_ < s_.size() && s_[p_] != ']')
                fail("expected ',' or ']' in a flow sequence");
        }
    }

    Json mapping() {
        const std::size_t open = p_++;  // {
        Json o = Json::object();
        while (true) {
            ws();
            if (p_ >= s_.size()) {
                p_ = open;
                fail("unterminated flow mapping: missing '}'");
            }
            if (s_[p_] == '}') {
                ++p_;
                return o;
            }
            const std::size_t key_at = p_;
            Json key = (s_[p_] == '"' || s_[p_] == '\'') ? Json(quoted()) : plain(true);
            if (!key.is_string()) key = key.dump();
            ws();
            Json v;
            if (p_ < s_.size() && s_[p_] == ':') {
                ++p_;
                v = value(true);
            }
            const std::string k = key.get<std::string>();
            if (o.contains(k)) {
                p_ = key_at;
                fail("duplicate key '" + k + "'");
            }
            o[k] = std::move(v);
            ws();
            if (p_ < s_.size() && s_[p_] == ',')
                ++p_;
            else if (p_ < s_.size() && s_[p_] != '}')
                fail("expected ',' or '}' in a flow mapping");
        }
    }

    std::string_view s_;
    const Line& at_;
    std::size_t base_;  // 0-based column of s_[0] on its line
    std::size_t p_ = 0;
    int depth_;
};

class Parser {
public:
    explicit Parser(std::string_view text) {
        if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
        std::size_t number = 1;
        while (true) {
            const std::size_t nl = text.find('\n');
            std::string_view raw = text.substr(0, nl);
            if (!raw.empty() && raw.back() == '\r') raw.remove_suffix(1);
            Line l;
            l.number = number++;
            l.raw = raw;
            std::size_t k = 0;
            while (k < raw.size() && raw[k] == ' ') ++k;
            l.indent = static_cast<int>(k);
            std::string_view t = raw.substr(k);
            while (!t.empty() && is_space(t.back())) t.remove_suffix(1);
            l.text = t;
            lines_.push_back(l);
            if (nl == std::string_view::npos) break;
            text.remove_prefix(nl + 1);
        }
    }

    Json document() {
        skip_blank();
        while (!eof() && cur().indent == 0 && !cur().text.empty() && cur().text[0] == '%') {  // %YAML directives
            ++i_;
            skip_blank();
        }
        if (!eof() && cur().indent == 0 && (cur().text == "---" || cur().text.substr(0, 4) == "--- ")) {
            std::string_view rest = trim(cur().text.substr(3));
            if (!rest.empty() && rest[0] != '#') {
                // "--- value": the document's content starts on the marker line.
                cur().indent = static_cast<int>(cur().raw.find(rest));
                cur().text = rest;
            } else {
                ++i_;
            }
        }
        skip_blank();
        Json root;
        if (!eof()) root = block(cur().indent);
        skip_blank();
        if (!eof() && cur().indent == 0 && cur().text == "...") {
            ++i_;
            skip_blank();
        }
        if (!eof()) {
            if (cur().text == "---" || cur().text.substr(0, 4) == "--- ")
                fail(cur(), 0, "several YAML documents in one file; a template is one document");
            fail(cur(), 0, "unexpected text here (check the indentation of this line)");
        }
        return root;
    }

private:
    bool eof() const { return i_ >= lines_.size(); }
    Line& cur() { return lines_[i_]; }

    [[noreturn]] static void fail(const Line& l, std::size_t column0, const std::string& message) {
        throw YamlError{l.number, static_cast<std::size_t>(l.indent) + column0 + 1, message};
    }

    // Skips blank and comment-only lines; refuses tabs used for indentation.
    void skip_blank() {
        while (!eof()) {
            const Line& l = cur();
            if (l.text.empty() || l.text[0] == '#') {
                ++i_;
                continue;
            }
            if (l.text[0] == '\t') fail(l, 0, "tab character in indentation (YAML indents with spaces)");
            return;
        }
    }

    // Position of the ':' that ends a mapping key on this text, or npos when it is not a key line.
    static std::size_t key_colon(std::string_view t) {
        if (t.empty()) return std::string_view::npos;
        const char c0 = t[0];
        if (c0 == '[' || c0 == '{' || c0 == '!' || c0 == '|' || c0 == '>' || c0 == '&' || c0 == '*' || c0 == '#' ||
            starts_sequence_item(t))
            return std::string_view::npos;
        std::size_t k = 0;
        if (c0 == '"' || c0 == '\'') {  // quoted key: skip to its closing quote
            for (k = 1; k < t.size(); ++k) {
                if (c0 == '"' && t[k] == '\\') {
                    ++k;
                    continue;
                }
                if (t[k] == c0) {
                    if (c0 == '\'' && k + 1 < t.size() && t[k + 1] == '\'') {
                        ++k;
                        continue;
                    }
                    break;
                }
            }
            if (k >= t.size()) return std::string_view::npos;
            ++k;
            while (k < t.size() && is_space(t[k])) ++k;
            return k < t.size() && t[k] == ':' && (k + 1 == t.size() || is_space(t[k + 1])) ? k
                                                                                            : std::string_view::npos;
        }
        for (; k < t.size(); ++k) {
            if (t[k] == '#' && k > 0 && is_space(t[k - 1])) return std::string_view::npos;
            if (t[k] == ':' && (k + 1 == t.size() || is_space(t[k + 1]))) return k;
        }
        return std::string_view::npos;
    }

    Json block(int indent) {
        if (++depth_ > kMaxDepth) fail(cur(), 0, "nesting deeper than 256 levels");
        Json v;
        const Line& l = cur();
        if (l.text[0] == '?') fail(l, 0, "complex mapping keys ('? ') are not supported");
        if (starts_sequence_item(l.text))
            v = sequence(indent);
        else if (key_colon(l.text) != std::string_view::npos)
            v = mapping(indent);
        else {
            Line& line = cur();
            ++i_;
            v = inline_value(line.text, line, 0, indent - 1, false);
        }
        --depth_;
        return v;
    }

    // "---" and "..." at column 1 end the document's content.
    bool at_document_marker() {
        const Line& l = cur();
        return l.indent == 0 && (l.text == "..." || l.text == "---" || l.text.substr(0, 4) == "--- ");
    }

    Json mapping(int indent) {
        Json obj = Json::object();
        while (true) {
            skip_blank();
            if (eof() || cur().indent < indent || at_document_marker()) break;
            Line& l = cur();
            if (l.indent > indent)
                fail(l, 0, "bad indentation: expected a key at column " + std::to_string(indent + 1));
            if (starts_sequence_item(l.text)) break;  // "key:\n- item" is read by the key's value
            const std::size_t colon = key_colon(l.text);
            if (colon == std::string_view::npos) {
                if (l.text[0] == '&' || l.text[0] == '*')
                    fail(l, 0, "anchors and aliases (& and *) are not supported; write the value out");
                fail(l, 0, "expected 'key: value'");
            }
            std::string_view key_text = trim(l.text.substr(0, colon));
            std::string key;
            if (key_text[0] == '"' || key_text[0] == '\'') {
                FlowParser fp(key_text, l, static_cast<std::size_t>(l.indent), depth_);
                key = fp.quoted();
            } else {
                key = std::string(key_text);
            }
            if (key == "<<") fail(l, 0, "merge keys (<<) are not supported; write the keys out");
            if (obj.contains(key)) fail(l, 0, "duplicate key '" + key + "'");
            std::size_t rest_at = colon + 1;
            while (rest_at < l.text.size() && is_space(l.text[rest_at])) ++rest_at;
            ++i_;
            obj[key] = inline_value(l.text.substr(rest_at), l, rest_at, indent, true);
        }
        return obj;
    }

    Json sequence(int indent) {
        Json arr = Json::array();
        while (true) {
            skip_blank();
            if (eof() || cur().indent < indent || at_document_marker()) break;
            Line& l = cur();
            if (l.indent > indent) fail(l, 0, "bad indentation: expected '- ' at column " + std::to_string(indent + 1));
            if (!starts_sequence_item(l.text)) break;
            std::size_t rest_at = 1;
            while (rest_at < l.text.size() && is_space(l.text[rest_at])) ++rest_at;
            const std::string_view rest = l.text.substr(rest_at);
            if (!rest.empty() && rest[0] != '#' &&
                (starts_sequence_item(rest) || key_colon(rest) != std::string_view::npos)) {
                // "- key: value" / "- - x": a nested block that starts on this line, at rest's column.
                l.indent += static_cast<int>(rest_at);
                l.text = rest;
                arr.push_back(block(l.indent));
                continue;
            }
            ++i_;
            arr.push_back(inline_value(rest, l, rest_at, indent, false));
        }
        return arr;
    }

    // The value after "key:" or "- " (text may be empty: the value is the block below).
    // parent_indent: the key's or item's indentation; in_mapping: "key:\n- a" allowed.
    Json inline_value(std::string_view text, const Line& l, std::size_t column0, int parent_indent, bool in_mapping) {
        if (text.empty() || text[0] == '#') {
            skip_blank();
            if (!eof() && cur().indent > parent_indent) return block(cur().indent);
            if (in_mapping && !eof() && cur().indent == parent_indent && starts_sequence_item(cur().text))
                return block(parent_indent);
            return nullptr;
        }
        const char c = text[0];
        if (c == '&' || c == '*')
            fail(l, column0, "anchors and aliases (& and *) are not supported; write the value out");
        if (c == '|' || c == '>') return block_scalar(text, l, column0, parent_indent);
        if (c == '!') {
            std::size_t k = 1;
            while (k < text.size() && !is_space(text[k])) ++k;
            const std::string tag(text.substr(1, k - 1));
            while (k < text.size() && is_space(text[k])) ++k;
            const std::string_view rest = text.substr(k);
            Json v = inline_value(rest, l, column0 + k, parent_indent, in_mapping);  // empty or "# …": the block below
            return apply_tag(tag, std::move(v), l, static_cast<std::size_t>(l.indent) + column0 + 1);
        }
        if (c == '[' || c == '{' || c == '"' || c == '\'') {
            // Flow collections and quoted strings may continue on the following lines.
            std::string joined(text);
            while (!complete(joined)) {
                if (eof()) break;
                const Line& next = cur();
                joined += next.text.empty() ? std::string("\n") : " " + std::string(trim(next.text));
                ++i_;
            }
            FlowParser fp(joined, l, static_cast<std::size_t>(l.indent) + column0, depth_);
            Json v = fp.value(c == '[' || c == '{');
            fp.finish();
            return v;
        }
        // Plain scalar, maybe folded over more-indented lines.
        std::string value(strip_comment(text));
        if (value.find(": ") != std::string::npos && in_mapping)
            fail(l, column0, "a value cannot hold ': ' unquoted (nested mappings go on the next lines, indented)");
        while (true) {
            skip_blank();
            if (eof() || cur().indent <= parent_indent) break;
            const std::string_view more = strip_comment(cur().text);
            if (key_colon(cur().text) != std::string_view::npos || starts_sequence_item(cur().text))
                fail(cur(), 0, "bad indentation: this line is deeper than the value above it");
            value += " ";
            value += more;
            ++i_;
        }
        Json v = resolve_plain(value);
        if (too_large(v)) fail(l, column0, "number too large for a double: '" + value.substr(0, 40) + "'");
        return v;
    }

    // True when quotes and brackets in `s` are closed.
    static bool complete(const std::string& s) {
        int depth = 0;
        char quote = 0;
        for (std::size_t k = 0; k < s.size(); ++k) {
            const char c = s[k];
            if (quote) {
                if (quote == '"' && c == '\\')
                    ++k;
                else if (c == quote) {
                    if (quote == '\'' && k + 1 < s.size() && s[k + 1] == '\'')
                        ++k;
                    else
                        quote = 0;
                }
                continue;
            }
            if (c == '"' || c == '\'') {
                // A quote opens a string only where a scalar may start.
                if (k == 0 || std::string_view(" \t[{,:").find(s[k - 1]) != std::string_view::npos) quote = c;
            } else if (c == '[' || c == '{') {
                ++depth;
            } else if (c == ']' || c == '}') {
                --depth;
            } else if (c == '#' && k > 0 && is_space(s[k - 1]) && depth == 0) {
                break;
            }
            if (depth == 0 && !quote && (c == ']' || c == '}')) return true;
        }
        return depth <= 0 && !quote;
    }

    // "|", "|-", ">+", "|2" …: the more-indented lines below, literal or folded.
    Json block_scalar(std::string_view header, const Line& l, std::size_t column0, int parent_indent) {
        const bool literal = header[0] == '|';
        char chomp = 'c';  // clip
        int explicit_indent = 0;
        std::size_t k = 1;
        for (; k < header.size() && !is_space(header[k]); ++k) {
            const char c = header[k];
            if ((c == '-' || c == '+') && chomp == 'c')
                chomp = c;
            else if (c >= '1' && c <= '9' && explicit_indent == 0)
                explicit_indent = c - '0';
            else
                fail(l, column0 + k, std::string("bad block scalar header '") + std::string(header) + "'");
        }
        const std::string_view after = trim(header.substr(k));
        if (!after.empty() && after[0] != '#') fail(l, column0 + k, "text after a block scalar header");
        // Content indentation: explicit, or that of the first non-blank line.
        int content = explicit_indent ? std::max(parent_indent, 0) + explicit_indent : -1;
        std::vector<std::string_view> body;
        while (!eof()) {
            const Line& next = cur();
            const bool blank = trim(next.raw).empty();
            if (!blank) {
                if (content < 0) {
                    if (next.indent <= parent_indent) break;
                    content = next.indent;
                }
                if (next.indent < content) break;
                body.push_back(next.raw.substr(static_cast<std::size_t>(content)));
            } else {
                body.push_back(content >= 0 && next.raw.size() > static_cast<std::size_t>(content)
                                   ? next.raw.substr(static_cast<std::size_t>(content))
                                   : std::string_view());
            }
            ++i_;
        }
        // Trailing blank lines belong to chomping, not to the content.
        std::size_t last = body.size();
        while (last > 0 && trim(body[last - 1]).empty()) --last;
        const std::size_t trailing = body.size() - last;
        std::string out;
        if (literal) {
            for (std::size_t n = 0; n < last; ++n) {
                if (n) out += '\n';
                out += body[n];
            }
        } else {
            std::size_t breaks = 0;
            bool first = true, prev_more = false;
            for (std::size_t n = 0; n < last; ++n) {
                const std::string_view line = body[n];
                if (line.empty()) {
                    ++breaks;
                    continue;
                }
                const bool more = is_space(line[0]);
                if (first)
                    out += std::string(breaks, '\n');
                else if (more || prev_more)
                    out += std::string(breaks + 1, '\n');
                else
                    out += breaks ? std::string(breaks, '\n') : std::string(" ");
                out += line;
                first = false;
                prev_more = more;
                breaks = 0;
            }
        }
        if (last > 0 && chomp != '-') out += '\n';
        if (chomp == '+') out += std::string(trailing, '\n');
        return out;
    }

    std::vector<Line> lines_;
    std::size_t i_ = 0;
    int depth_ = 0;
};

}  // namespace

YamlParseResult parse_yaml(std::string_view text) {
    YamlParseResult r;
    // YAML is Unicode text; strings in the result must be valid UTF-8 (JSON dumps them).
    if (const TextCheck c = check_utf8(text); !c.ok) {
        r.error = "invalid UTF-8 (" + c.error.substr(c.error.find('(') + 1);
        r.error.pop_back();
        r.error += ")";
        r.line = 1;
        std::size_t line_start = 0;
        for (std::size_t k = 0; k < c.offset; ++k)
            if (text[k] == '\n') {
                ++r.line;
                line_start = k + 1;
            }
        r.column = c.offset - line_start + 1;
        return r;
    }
    try {
        Parser p(text);
        r.value = p.document();
    } catch (const YamlError& e) {
        r.error = e.message;
        r.line = e.line;
        r.column = e.column;
        r.value = nullptr;
    }
    return r;
}

}  // namespace sim
