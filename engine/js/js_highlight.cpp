// js_highlight.cpp — a small JavaScript lexer for the code editor's colours (see the header).
#include "js/js_highlight.h"

#include <algorithm>
#include <array>

namespace sim::js {
namespace {

// Reserved words and the literals learners expect coloured with them, sorted for binary search.
constexpr std::array<std::string_view, 43> kKeywords = {
    "async",   "await",     "break",  "case",   "catch",  "class",      "const", "continue", "debugger",
    "default", "delete",    "do",     "else",   "export", "extends",    "false", "finally",  "for",
    "from",    "function",  "if",     "import", "in",     "instanceof", "let",   "new",      "null",
    "of",      "return",    "static", "super",  "switch", "this",       "throw", "true",     "try",
    "typeof",  "undefined", "var",    "void",   "while",  "with",       "yield"};

bool is_keyword(std::string_view word) {
    static const auto sorted = [] {
        auto k = kKeywords;
        std::sort(k.begin(), k.end());
        return k;
    }();
    return std::binary_search(sorted.begin(), sorted.end(), word);
}

bool ident_start(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == '$' ||
           static_cast<unsigned char>(c) >= 0x80;
}
bool ident_part(char c) {
    return ident_start(c) || (c >= '0' && c <= '9');
}
bool digit(char c) {
    return c >= '0' && c <= '9';
}

// After these a `/` starts a regular expression: an expression may begin there.
bool expression_may_start(char prev) {
    return prev == 0 || std::string_view("(,=:[!&|?{};+-*%<>~^").find(prev) != std::string_view::npos;
}

}  // namespace

std::vector<TokenSpan> highlight_js(std::string_view s) {
    std::vector<TokenSpan> out;
    const std::size_t n = s.size();
    std::size_t i = 0;
    char prev = 0;                     // the last significant character outside comments
    bool prev_word_ends_expr = false;  // the last token was a name or literal (a `/` after it divides)
    bool after_dot = false;            // `obj.default`: a property name, not a keyword
    while (i < n) {
        const char c = s[i];
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
            ++i;
            continue;
        }
        const std::size_t start = i;
        if (c == '/' && i + 1 < n && s[i + 1] == '/') {
            while (i < n && s[i] != '\n') ++i;
            out.push_back({start, i, TokenKind::Comment});
            continue;
        }
        if (c == '/' && i + 1 < n && s[i + 1] == '*') {
            const std::size_t close = s.find("*/", i + 2);
            i = close == std::string_view::npos ? n : close + 2;
            out.push_back({start, i, TokenKind::Comment});
            continue;
        }
        if (c == '\'' || c == '"' || c == '`') {
            ++i;
            while (i < n && s[i] != c) {
                if (s[i] == '\\')
                    ++i;
                else if (s[i] == '\n' && c != '`')
                    break;  // an unterminated string ends at its line
                ++i;
            }
            if (i < n && s[i] == c) ++i;
            i = std::min(i, n);
            out.push_back({start, i, TokenKind::String});
            prev = c;
            prev_word_ends_expr = true;
            after_dot = false;
            continue;
        }
        if (c == '/' && !prev_word_ends_expr && expression_may_start(prev)) {
            bool in_class = false;
            ++i;
            while (i < n && s[i] != '\n' && (in_class || s[i] != '/')) {
                if (s[i] == '\\')
                    ++i;
                else if (s[i] == '[')
                    in_class = true;
                else if (s[i] == ']')
                    in_class = false;
                ++i;
            }
            if (i < n && s[i] == '/') {
                ++i;
                while (i < n && ident_part(s[i])) ++i;  // flags
                out.push_back({start, i, TokenKind::Regex});
                prev = '/';
                prev_word_ends_expr = true;
                after_dot = false;
                continue;
            }
            i = start + 1;  // no closing slash on the line: a division after all
        }
        if (digit(c) || (c == '.' && i + 1 < n && digit(s[i + 1]))) {
            ++i;
            while (i < n && (ident_part(s[i]) || s[i] == '.' ||
                             ((s[i] == '+' || s[i] == '-') && (s[i - 1] == 'e' || s[i - 1] == 'E') &&
                              !(s[start] == '0' && start + 1 < n && (s[start + 1] == 'x' || s[start + 1] == 'X')))))
                ++i;
            out.push_back({start, i, TokenKind::Number});
            prev = '0';
            prev_word_ends_expr = true;
            after_dot = false;
            continue;
        }
        if (ident_start(c)) {
            while (i < n && ident_part(s[i])) ++i;
            const std::string_view word = s.substr(start, i - start);
            const bool keyword = !after_dot && is_keyword(word);
            if (keyword) out.push_back({start, i, TokenKind::Keyword});
            prev = 'a';
            // `return /x/` and `typeof /x/`: after these keywords an expression starts.
            prev_word_ends_expr =
                !(keyword && (word == "return" || word == "typeof" || word == "case" || word == "in" || word == "of" ||
                              word == "delete" || word == "void" || word == "throw" || word == "new" ||
                              word == "await" || word == "yield" || word == "else"));
            if (!prev_word_ends_expr) prev = 0;
            after_dot = false;
            continue;
        }
        // Punctuation.
        after_dot = c == '.' && !(i + 2 < n && s[i + 1] == '.' && s[i + 2] == '.');
        prev_word_ends_expr = c == ')' || c == ']' || c == '}';
        prev = c;
        ++i;
    }
    return out;
}

}  // namespace sim::js
