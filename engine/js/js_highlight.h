// js_highlight.h — the spans of JavaScript source the code editor colours: keywords, strings
// (template literals included), comments, numbers and regular-expression literals. A lexer, not a
// parser: it reads the text as a JavaScript engine tokenises it (a `/` starts a regular expression
// where an expression may start, else it divides), and never fails on broken code.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

namespace sim::js {

enum class TokenKind { Keyword, String, Comment, Number, Regex };

struct TokenSpan {
    std::size_t begin = 0, end = 0;  // byte offsets into the source, end exclusive
    TokenKind kind = TokenKind::Keyword;
};

// The coloured spans in source order; everything between them is plain text.
std::vector<TokenSpan> highlight_js(std::string_view src);

}  // namespace sim::js
