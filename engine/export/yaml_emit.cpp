// yaml_emit.cpp — block-style YAML for JSON values (see yaml_emit.h).
#include "export/yaml_emit.h"

#include <algorithm>
#include <array>
#include <cctype>

namespace sim {

namespace {

using OJson = nlohmann::ordered_json;

std::string lower(std::string_view s) {
    std::string out(s);
    for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

// JSON's escapes are valid in YAML double-quoted scalars; YAML also wants DEL and the C1 controls
// (not printable in YAML) escaped, which JSON leaves raw.
std::string quoted(const OJson& v) {
    const std::string json = v.dump(-1, ' ', false, OJson::error_handler_t::replace);
    std::string out;
    for (std::size_t i = 0; i < json.size(); ++i) {
        const auto u = static_cast<unsigned char>(json[i]);
        if (u == 0x7F) {
            out += "\\x7f";
        } else if (u == 0xC2 && i + 1 < json.size() && static_cast<unsigned char>(json[i + 1]) < 0xA0) {
            static constexpr char kHex[] = "0123456789abcdef";
            const auto c1 = static_cast<unsigned char>(json[++i]);
            out += "\\x";
            out += kHex[c1 >> 4];
            out += kHex[c1 & 0xF];
        } else {
            out += json[i];
        }
    }
    return out;
}

std::string scalar(const OJson& v) {
    if (v.is_string()) {
        const auto& s = v.get_ref<const std::string&>();
        return yaml_plain_safe(s) ? s : quoted(v);
    }
    return v.dump();  // null, booleans and numbers are spelled the same in YAML
}

bool is_collection(const OJson& v) {
    return (v.is_object() || v.is_array()) && !v.empty();
}

void emit(const OJson& v, int indent, std::string& out);

void emit_object(const OJson& v, int indent, std::string& out, bool first_inline) {
    bool first = true;
    for (auto it = v.begin(); it != v.end(); ++it) {
        if (!(first && first_inline)) out.append(static_cast<std::size_t>(indent), ' ');
        first = false;
        out += scalar(OJson(it.key()));
        out += ':';
        if (is_collection(it.value())) {
            out += '\n';
            emit(it.value(), indent + 2, out);
        } else {
            out += ' ';
            out += it.value().is_object() ? "{}" : it.value().is_array() ? "[]" : scalar(it.value());
            out += '\n';
        }
    }
}

void emit_array(const OJson& v, int indent, std::string& out) {
    for (const auto& item : v) {
        out.append(static_cast<std::size_t>(indent), ' ');
        out += '-';
        if (item.is_object() && !item.empty()) {
            out += ' ';
            emit_object(item, indent + 2, out, true);
        } else if (item.is_array() && !item.empty()) {
            out += '\n';
            emit_array(item, indent + 2, out);
        } else {
            out += ' ';
            out += item.is_object() ? "{}" : item.is_array() ? "[]" : scalar(item);
            out += '\n';
        }
    }
}

void emit(const OJson& v, int indent, std::string& out) {
    if (v.is_object())
        emit_object(v, indent, out, false);
    else
        emit_array(v, indent, out);
}

bool looks_numeric(std::string_view s) {
    // Anything starting like a number (ints, floats, 0x/0o, 1_000, dates, times, 1e3) is quoted.
    const char c = s[0];
    if (std::isdigit(static_cast<unsigned char>(c))) return true;
    if ((c == '+' || c == '-' || c == '.') && s.size() > 1 &&
        (std::isdigit(static_cast<unsigned char>(s[1])) || s[1] == '.' || s[1] == 'i' || s[1] == 'I' || s[1] == 'n' ||
         s[1] == 'N'))
        return true;
    return false;
}

}  // namespace

bool yaml_plain_safe(std::string_view s) {
    if (s.empty() || s.front() == ' ' || s.back() == ' ' || s.back() == ':') return false;
    static constexpr std::string_view kIndicators = "-?:,[]{}#&*!|>'\"%@`";
    if (kIndicators.find(s.front()) != std::string_view::npos) return false;
    if (looks_numeric(s)) return false;
    static constexpr std::array<std::string_view, 14> kWords = {"true", "false", "yes", "no",   "on",   "off", "y",
                                                                "n",    "null",  "~",   ".inf", ".nan", "<<",  "="};
    const std::string l = lower(s);
    if (std::find(kWords.begin(), kWords.end(), l) != kWords.end()) return false;
    for (std::size_t i = 0; i < s.size(); ++i) {
        const auto u = static_cast<unsigned char>(s[i]);
        if (u < 0x20 || u == 0x7F) return false;                               // control characters, tabs, newlines
        if (s[i] == ':' && i + 1 < s.size() && s[i + 1] == ' ') return false;  // "key: value" inside
        if (s[i] == '#' && i > 0 && s[i - 1] == ' ') return false;             // comment start
        if (s[i] == ',' || s[i] == '[' || s[i] == ']' || s[i] == '{' || s[i] == '}') return false;  // flow indicators
    }
    // Non-ASCII and the BOM are fine in YAML plain scalars, except U+FEFF, U+0085, U+2028/9 (line breaks).
    return s.find("\xEF\xBB\xBF") == std::string_view::npos && s.find("\xC2\x85") == std::string_view::npos &&
           s.find("\xE2\x80\xA8") == std::string_view::npos && s.find("\xE2\x80\xA9") == std::string_view::npos;
}

std::string to_yaml(const OJson& value) {
    std::string out;
    if (is_collection(value))
        emit(value, 0, out);
    else
        out = (value.is_object() ? "{}" : value.is_array() ? "[]" : scalar(value)) + "\n";
    return out;
}

}  // namespace sim
