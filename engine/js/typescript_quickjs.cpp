// typescript_quickjs.cpp — type erasure for TypeScript handlers (see typescript.h).
//
// A tokenizer and a small recogniser of the places TypeScript puts types: annotations after `:`
// (parameters, return types, variables, class fields), `as`/`satisfies`, `!` assertions,
// generic parameters and arguments, `type`/`interface`/`declare` statements, `implements`,
// member modifiers, and type-only imports. What it recognises is replaced by spaces; everything
// else is left byte for byte. It is not a TypeScript parser: it relies on the code being valid
// TypeScript (tsc has checked it) and erases what plain JavaScript cannot contain.
// Named *_quickjs.cpp so it is built into the interpreter's side with QuickJS.
#include "js/typescript.h"

#include <algorithm>
#include <cctype>
#include <cstddef>
#include <set>
#include <vector>

namespace sim::js {

namespace {

enum class Kind { Ident, Punct, String, Template, Number, Regex, End };

struct Token {
    Kind kind = Kind::End;
    std::size_t begin = 0, end = 0;
    bool newline_before = false;
};

bool ident_start(unsigned char c) {
    return std::isalpha(c) || c == '_' || c == '$' || c == '#' || c >= 0x80;
}
bool ident_part(unsigned char c) {
    return std::isalnum(c) || c == '_' || c == '$' || c >= 0x80;
}

// Punctuators, longest first. `<` and `>` are always single characters so that nested type
// arguments (`Array<Array<T>>`) match; the erasure never needs to know a shift from a compare.
constexpr std::string_view kPuncts[] = {
    "...", "===", "!==", "**=", "&&=", "||=", "?\?=", "=>", "==", "!=", "&&", "||", "??",
    "?.",  "++",  "--",  "+=",  "-=",  "*=",  "/=",   "%=", "&=", "|=", "^=", "**"};

class Lexer {
public:
    explicit Lexer(std::string_view s) : s_(s) {}

    // Tokens of the whole source; false (with the offset) on an unterminated string or comment.
    bool run(std::vector<Token>& out, std::size_t& error_at) {
        std::vector<char> braces;  // '{' for a brace, '`' for a template's ${ }
        bool newline = false;
        while (true) {
            if (!skip_space(newline, error_at)) return false;
            Token t;
            t.begin = i_;
            t.newline_before = newline;
            newline = false;
            if (i_ >= s_.size()) {
                t.kind = Kind::End;
                t.end = i_;
                out.push_back(t);
                return true;
            }
            const unsigned char c = static_cast<unsigned char>(s_[i_]);
            if (c == '`' || (c == '}' && !braces.empty() && braces.back() == '`')) {
                if (c == '}') braces.pop_back();
                ++i_;
                if (!template_chunk(braces, error_at)) return false;
                t.kind = Kind::Template;
            } else if (c == '"' || c == '\'') {
                if (!string_literal(c, error_at)) return false;
                t.kind = Kind::String;
            } else if (std::isdigit(c) ||
                       (c == '.' && i_ + 1 < s_.size() && std::isdigit(static_cast<unsigned char>(s_[i_ + 1])))) {
                number();
                t.kind = Kind::Number;
            } else if (ident_start(c)) {
                ++i_;
                while (i_ < s_.size() && ident_part(static_cast<unsigned char>(s_[i_]))) ++i_;
                t.kind = Kind::Ident;
            } else if (c == '/' && regex_allowed(out)) {
                if (!regex(error_at)) return false;
                t.kind = Kind::Regex;
            } else {
                t.kind = Kind::Punct;
                std::size_t len = 1;
                for (std::string_view p : kPuncts)
                    if (s_.substr(i_, p.size()) == p &&
                        !(p == "?." && i_ + 2 < s_.size() && std::isdigit(static_cast<unsigned char>(s_[i_ + 2])))) {
                        len = p.size();
                        break;
                    }
                if (c == '{') braces.push_back('{');
                if (c == '}' && !braces.empty()) braces.pop_back();
                i_ += len;
            }
            t.end = i_;
            out.push_back(t);
        }
    }

private:
    bool skip_space(bool& newline, std::size_t& error_at) {
        while (i_ < s_.size()) {
            const char c = s_[i_];
            if (c == '\n') {
                newline = true;
                ++i_;
            } else if (std::isspace(static_cast<unsigned char>(c))) {
                ++i_;
            } else if (s_.substr(i_, 2) == "//") {
                while (i_ < s_.size() && s_[i_] != '\n') ++i_;
            } else if (s_.substr(i_, 2) == "/*") {
                const std::size_t close = s_.find("*/", i_ + 2);
                if (close == std::string_view::npos) {
                    error_at = i_;
                    return false;
                }
                if (s_.substr(i_, close - i_).find('\n') != std::string_view::npos) newline = true;
                i_ = close + 2;
            } else {
                break;
            }
        }
        return true;
    }
    bool string_literal(char quote, std::size_t& error_at) {
        const std::size_t start = i_++;
        while (i_ < s_.size() && s_[i_] != quote) {
            if (s_[i_] == '\\') {  // an escape, a line continuation included
                i_ += 2;
                continue;
            }
            if (s_[i_] == '\n') break;
            ++i_;
        }
        if (i_ >= s_.size() || s_[i_] != quote) {
            error_at = start;
            return false;
        }
        ++i_;
        return true;
    }
    // From just after ` or the } closing a ${ }: to the closing ` or the next ${.
    bool template_chunk(std::vector<char>& braces, std::size_t& error_at) {
        const std::size_t start = i_;
        while (i_ < s_.size()) {
            if (s_[i_] == '\\') {
                i_ += 2;
            } else if (s_[i_] == '`') {
                ++i_;
                return true;
            } else if (s_[i_] == '$' && i_ + 1 < s_.size() && s_[i_ + 1] == '{') {
                i_ += 2;
                braces.push_back('`');
                return true;
            } else {
                ++i_;
            }
        }
        error_at = start;
        return false;
    }
    void number() {
        const bool hex = s_.substr(i_, 2) == "0x" || s_.substr(i_, 2) == "0X";
        while (i_ < s_.size()) {
            const char c = s_[i_];
            if ((c == '+' || c == '-') && !hex && (s_[i_ - 1] == 'e' || s_[i_ - 1] == 'E')) {
                ++i_;
            } else if (std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '_') {
                ++i_;
            } else {
                break;
            }
        }
    }
    bool regex_allowed(const std::vector<Token>& out) const {
        if (out.empty()) return true;
        const Token& p = out.back();
        const std::string_view text = s_.substr(p.begin, p.end - p.begin);
        if (p.kind == Kind::Punct) return text != ")" && text != "]" && text != "}";
        if (p.kind == Kind::Ident)
            for (std::string_view kw : {"return", "typeof", "case", "do", "else", "in", "of", "new", "delete", "void",
                                        "throw", "instanceof", "yield", "await"})
                if (text == kw) return true;
        return false;
    }
    bool regex(std::size_t& error_at) {
        const std::size_t start = i_++;
        bool in_class = false;
        while (i_ < s_.size() && s_[i_] != '\n') {
            const char c = s_[i_];
            if (c == '\\') {
                i_ += 2;
                continue;
            }
            if (c == '[') in_class = true;
            if (c == ']') in_class = false;
            ++i_;
            if (c == '/' && !in_class) {
                while (i_ < s_.size() && ident_part(static_cast<unsigned char>(s_[i_]))) ++i_;
                return true;
            }
        }
        error_at = start;
        return false;
    }

    std::string_view s_;
    std::size_t i_ = 0;
};

// One open bracket while erasing: its kind and the ternaries / `case` waiting for their `:`.
struct Scope {
    char open = 0;  // '(', '[', '{', or 0 for the top level
    bool class_body = false;
    int ternaries = 0;
    bool pending_case = false;
};

struct ImportBinding {
    std::string local;
    std::size_t first = 0, last = 0;  // token range to erase when unused (a named specifier and its comma)
    bool named = false, type_only = false;
};
struct ImportDecl {
    std::size_t first = 0, last = 0;  // tokens of the whole declaration, [first, last)
    std::vector<ImportBinding> bindings;
};

class Eraser {
public:
    explicit Eraser(std::string_view source) : src_(source), out_(source) {}

    ErasedTypeScript run() {
        std::size_t error_at = 0;
        if (!Lexer(src_).run(t_, error_at)) {
            fail(error_at, "unterminated string, template, comment or regular expression");
            return result();
        }
        erased_.assign(t_.size(), false);
        match_brackets();
        scopes_.push_back(Scope{});
        std::size_t i = 0;
        while (i < t_.size() && t_[i].kind != Kind::End && error_.empty()) i = erased_[i] ? i + 1 : step(i);
        if (error_.empty()) elide_type_only_imports();
        return result();
    }

private:
    // ---- tokens -------------------------------------------------------------------------------
    std::string_view text(std::size_t i) const { return src_.substr(t_[i].begin, t_[i].end - t_[i].begin); }
    bool is(std::size_t i, std::string_view s) const {
        return i < t_.size() && t_[i].kind != Kind::End && t_[i].kind != Kind::String && t_[i].kind != Kind::Template &&
               text(i) == s;
    }
    bool ident(std::size_t i) const { return i < t_.size() && t_[i].kind == Kind::Ident; }
    bool end(std::size_t i) const { return i >= t_.size() || t_[i].kind == Kind::End; }
    // The last token before i that is still code.
    std::size_t prev(std::size_t i) const {
        while (i > 0) {
            --i;
            if (!erased_[i]) return i;
        }
        return t_.size();
    }
    // Does token i end an expression (so `as`, `!` and `<` after it are TypeScript's)?
    bool ends_expression(std::size_t i) const {
        if (i >= t_.size()) return false;
        if (t_[i].kind == Kind::Ident) {
            for (std::string_view kw : {"return", "typeof", "case",  "do",    "else",       "in",      "of",
                                        "new",    "delete", "void",  "throw", "instanceof", "yield",   "await",
                                        "export", "import", "const", "let",   "var",        "extends", "async"})
                if (text(i) == kw) return false;
            return true;
        }
        if (t_[i].kind == Kind::Punct) return is(i, ")") || is(i, "]") || is(i, "}");
        return t_[i].kind != Kind::End;
    }
    bool statement_start(std::size_t i) const {
        const std::size_t p = prev(i);
        if (p >= t_.size()) return true;
        if (is(p, ";") || is(p, "{") || is(p, "}")) return true;
        return t_[i].newline_before && (ends_expression(p) || is(p, ")"));
    }

    // After the bracket opening at i (`(`, `[`, `{`, `<`): the token after its match, t_.size()
    // when it has none. Brackets are matched once, in run(); a `<` is scanned, over at most
    // kAngleScan tokens (no real type parameter list is longer), so hostile input stays linear.
    std::size_t skip_group(std::size_t i) const {
        if (!is(i, "<")) return match_[i] == kNone ? t_.size() : match_[i] + 1;
        int depth = 0;
        for (std::size_t j = i, steps = 0; !end(j) && steps < kAngleScan; ++steps) {
            if (is(j, "(") || is(j, "[") || is(j, "{")) {
                if (match_[j] == kNone) return t_.size();
                j = match_[j] + 1;
                continue;
            }
            if (is(j, "<")) ++depth;
            if (is(j, ">") && --depth == 0) return j + 1;
            ++j;
        }
        return t_.size();
    }
    // `<…>` at i that can only be type parameters or arguments: its end, or 0 when it reads as a
    // comparison (a token no type contains, a stray bracket, the end of a statement).
    std::size_t type_arguments_end(std::size_t i) const {
        int depth = 0;
        for (std::size_t j = i, steps = 0; !end(j) && steps < kAngleScan; ++j, ++steps) {
            if (is(j, "<")) {
                ++depth;
            } else if (is(j, ">")) {
                if (--depth == 0) return j + 1;
            } else if (is(j, "(") || is(j, "[") || is(j, "{")) {
                if (match_[j] == kNone) return 0;
                j = match_[j];
            } else if (t_[j].kind == Kind::Punct) {
                static const std::set<std::string_view> kTypePuncts = {".", ",", "|", "&", "=>", ":", "?", "=", "-"};
                if (!kTypePuncts.contains(text(j))) return 0;
            }
        }
        return 0;
    }
    // Each bracket's partner, in one pass (a closer that matches no opener is left alone).
    void match_brackets() {
        match_.assign(t_.size(), kNone);
        std::vector<std::size_t> open;
        for (std::size_t k = 0; k < t_.size(); ++k) {
            if (t_[k].kind != Kind::Punct) continue;
            const std::string_view x = text(k);
            if (x == "(" || x == "[" || x == "{") {
                open.push_back(k);
            } else if ((x == ")" || x == "]" || x == "}") && !open.empty()) {
                const std::string_view o = text(open.back());
                if ((o == "(" && x == ")") || (o == "[" && x == "]") || (o == "{" && x == "}")) {
                    match_[open.back()] = k;
                    open.pop_back();
                }
            }
        }
    }

    // ---- types --------------------------------------------------------------------------------
    // The token after a type starting at i (0 on a token no type can start with).
    std::size_t type_end(std::size_t i) {
        // Types nest through function types and conditionals: bounded, so hostile input cannot
        // exhaust the stack.
        struct Depth {
            int& d;
            explicit Depth(int& x) : d(++x) {}
            ~Depth() { --d; }
        } depth(type_depth_);
        if (type_depth_ > kMaxTypeDepth) {
            fail(t_[std::min(i, t_.size() - 1)].begin, "types nested more than 100 deep");
            return 0;
        }
        if (is(i, "|") || is(i, "&")) ++i;
        i = type_operand(i);
        while (i && (is(i, "|") || is(i, "&"))) i = type_operand(i + 1);
        if (i && is(i, "extends") && !t_[i].newline_before) {  // T extends U ? X : Y
            i = type_operand(i + 1);
            if (i && is(i, "?")) i = type_end(i + 1);
            if (i && is(i, ":")) i = type_end(i + 1);
        }
        return i;
    }
    std::size_t type_operand(std::size_t i) {
        while (ident(i) &&
               (is(i, "keyof") || is(i, "readonly") || is(i, "unique") || is(i, "infer") || is(i, "asserts")) &&
               !end(i + 1) && !is(i + 1, ",") && !is(i + 1, ")"))
            ++i;
        if (is(i, "typeof")) {
            i += 2;
            while (is(i, ".") && ident(i + 1)) i += 2;
            return postfix(i);
        }
        if (is(i, "new")) ++i;
        if (is(i, "<")) {  // <T>(x: T) => T
            i = skip_group(i);
            if (i >= t_.size()) return 0;
        }
        if (is(i, "(")) {
            i = skip_group(i);
            if (i >= t_.size()) return 0;
            if (is(i, "=>")) return type_end(i + 1);
            return postfix(i);
        }
        if (is(i, "{") || is(i, "[")) {
            i = skip_group(i);
            return i >= t_.size() ? 0 : postfix(i);
        }
        if (is(i, "-") && !end(i + 1) && t_[i + 1].kind == Kind::Number) return postfix(i + 2);
        if (!end(i) && (t_[i].kind == Kind::String || t_[i].kind == Kind::Number || t_[i].kind == Kind::Template))
            return postfix(i + 1);
        if (!ident(i)) return 0;
        ++i;
        while (is(i, ".") && ident(i + 1)) i += 2;
        if (is(i, "<")) {
            i = skip_group(i);
            if (i >= t_.size()) return 0;
        }
        if (is(i, "is") && !t_[i].newline_before) return type_end(i + 1);  // x is T
        return postfix(i);
    }
    std::size_t postfix(std::size_t i) {
        while (is(i, "[") && !t_[i].newline_before) {
            i = skip_group(i);
            if (i >= t_.size()) return 0;
        }
        return i;
    }

    // ---- erasing ------------------------------------------------------------------------------
    void erase(std::size_t first, std::size_t last) {
        for (std::size_t k = first; k < last && !end(k); ++k) {
            erased_[k] = true;
            for (std::size_t c = t_[k].begin; c < t_[k].end; ++c)
                if (out_[c] != '\n' && out_[c] != '\r') out_[c] = ' ';
        }
        // Comments inside an erased range go too (line breaks stay).
        if (last > first + 1)
            for (std::size_t c = t_[first].begin; c < t_[std::min(last, t_.size()) - 1].end; ++c)
                if (out_[c] != '\n' && out_[c] != '\r') out_[c] = ' ';
    }
    // Erases `:` at i and the type after it; returns the token after the type.
    std::size_t erase_annotation(std::size_t i) {
        const std::size_t e = type_end(i + 1);
        if (!e) {
            fail(t_[i].begin, "a type annotation this playground cannot read");
            return t_.size();
        }
        erase(i, e);
        return e;
    }
    // Erases a whole statement from `first`: through the matching `}` of its first `{` when
    // `braced`, else through its `;` (or the end of its line).
    std::size_t erase_statement(std::size_t first, std::size_t from, bool braced) {
        std::size_t j = from;
        if (braced) {
            while (!end(j) && !is(j, "{")) ++j;
            j = end(j) ? j : skip_group(j);
        } else {
            while (!end(j) && !is(j, ";") && !(j > from && t_[j].newline_before && ends_expression(j - 1))) {
                if (is(j, "(") || is(j, "[") || is(j, "{") || is(j, "<"))
                    j = is(j, "<") ? std::max(type_arguments_end(j), j + 1) : skip_group(j);
                else
                    ++j;
            }
            if (is(j, ";")) ++j;
        }
        j = std::min(j, t_.size() - 1);
        erase(first, j);
        return j;
    }
    void fail(std::size_t offset, const std::string& what) {
        if (!error_.empty()) return;
        error_ = what;
        error_at_ = offset;
    }
    void unsupported(std::size_t i, const std::string& what) {
        fail(t_[i].begin, "TypeScript " + what +
                              " cannot be run without compiling (the playground erases types only): "
                              "rewrite it as plain JavaScript");
    }
    ErasedTypeScript result() const {
        ErasedTypeScript r;
        if (error_.empty()) {
            r.javascript = out_;
            return r;
        }
        r.error = error_;
        r.line = 1;
        r.column = 1;
        for (std::size_t c = 0; c < error_at_ && c < src_.size(); ++c) {
            if (src_[c] == '\n') {
                ++r.line;
                r.column = 1;
            } else {
                ++r.column;
            }
        }
        return r;
    }

    // Declarations that are types only: `type`, `interface`, `declare`, `export type {…}`.
    // Returns the next token, or 0 when i starts no such declaration.
    std::size_t type_declaration(std::size_t i) {
        std::size_t k = i;
        if (is(k, "export")) ++k;
        if (is(k, "default") && is(k + 1, "interface")) ++k;
        if (is(k, "declare") && !is(k + 1, "=") && !is(k + 1, ".") && !is(k + 1, "(")) {
            const bool braced = is(k + 1, "module") || is(k + 1, "namespace") || is(k + 1, "global") ||
                                is(k + 1, "class") || is(k + 1, "enum") || is(k + 1, "interface");
            return erase_statement(i, k + 1, braced);
        }
        if (is(k, "interface") && ident(k + 1)) return erase_statement(i, k + 1, true);
        if (is(k, "type") && ident(k + 1) && (is(k + 2, "=") || is(k + 2, "<"))) {
            std::size_t j = k + 2;
            if (is(j, "<")) j = skip_group(j);
            if (!is(j, "=")) return 0;
            const std::size_t e = type_end(j + 1);
            if (!e) {
                fail(t_[j].begin, "a type alias this playground cannot read");
                return t_.size();
            }
            const std::size_t stop = is(e, ";") ? e + 1 : e;
            erase(i, stop);
            return stop;
        }
        if (is(k, "type") && k > i && (is(k + 1, "{") || is(k + 1, "*")))  // export type { A } [from "m"]
            return erase_statement(i, k + 1, false);
        if (is(k, "abstract") && is(k + 1, "class")) {
            erase(k, k + 1);
            return k + 1;
        }
        if (is(k, "enum") || (is(k, "const") && is(k + 1, "enum"))) {
            unsupported(k, "enums");
            return t_.size();
        }
        if ((is(k, "namespace") || is(k, "module")) && ident(k + 1) && !t_[k + 1].newline_before &&
            (is(k + 2, "{") || is(k + 2, "."))) {
            unsupported(k, "namespaces");
            return t_.size();
        }
        if (is(k, "=") && k > i) {  // export = x
            unsupported(i, "`export =`");
            return t_.size();
        }
        return 0;
    }

    // `import …` at i: records its bindings for elide_type_only_imports(); erases `import type`
    // and `type` specifiers now.
    std::size_t import_declaration(std::size_t i) {
        std::size_t j = i + 1;
        if (t_[j].kind == Kind::String) {  // import "side-effect"
            return j + 1;
        }
        if (is(j, "type") && !is(j + 1, ",") && !is(j + 1, "from")) return erase_statement(i, j, false);
        ImportDecl decl;
        decl.first = i;
        if (ident(j) && !is(j, "from")) {
            if (is(j + 1, "=")) {
                unsupported(i, "`import … = require()`");
                return t_.size();
            }
            decl.bindings.push_back({std::string(text(j)), j, j + 1, false, false});
            ++j;
            if (is(j, ",")) ++j;
        }
        if (is(j, "*") && is(j + 1, "as") && ident(j + 2)) {
            decl.bindings.push_back({std::string(text(j + 2)), j, j + 3, false, false});
            j += 3;
        } else if (is(j, "{")) {
            ++j;
            while (!end(j) && !is(j, "}")) {
                ImportBinding b;
                b.first = j;
                b.named = true;
                if (is(j, "type") && !is(j + 1, ",") && !is(j + 1, "}") && !is(j + 1, "as")) {
                    b.type_only = true;
                    ++j;
                }
                if (end(j)) break;
                std::size_t local = j;
                ++j;
                if (is(j, "as")) {
                    local = j + 1;
                    j += 2;
                }
                if (is(j, ",")) ++j;
                b.last = j;
                b.local = std::string(text(local));
                decl.bindings.push_back(b);
            }
            ++j;
        }
        if (is(j, "from") && !end(j + 1)) j += 2;
        if (is(j, "assert") || is(j, "with")) j = skip_group(j + 1);
        if (is(j, ";")) ++j;
        decl.last = j;
        imports_.push_back(decl);
        return j;
    }

    // Imports whose bindings are never used as values are dropped, as esbuild and tsc drop them
    // (`import { SQSEvent } from "aws-lambda"` names a package that has no code).
    void elide_type_only_imports() {
        std::set<std::string> used;
        std::size_t next_import = 0;
        for (std::size_t k = 0; k < t_.size() && !end(k); ++k) {
            if (next_import < imports_.size() && k == imports_[next_import].first) {
                k = imports_[next_import++].last - 1;
                continue;
            }
            if (erased_[k] || !ident(k)) continue;
            const std::size_t p = prev(k);
            if (p < t_.size() && (is(p, ".") || is(p, "?."))) continue;
            used.insert(std::string(text(k)));
        }
        for (const ImportDecl& d : imports_) {
            if (d.bindings.empty()) continue;
            std::vector<const ImportBinding*> unused;
            for (const ImportBinding& b : d.bindings)
                if (b.type_only || !used.contains(b.local)) unused.push_back(&b);
            if (unused.size() == d.bindings.size()) {
                erase(d.first, d.last);
                continue;
            }
            for (const ImportBinding* b : unused) {
                if (!b->named) continue;
                // The last specifier takes the comma before it: `{ a, type B }` → `{ a }`.
                const bool last_in_list = !is(b->last - 1, ",");
                erase(last_in_list && b->first > 0 && is(b->first - 1, ",") ? b->first - 1 : b->first, b->last);
            }
        }
    }

    // One token (or construct) at i; returns where to continue.
    std::size_t step(std::size_t i) {
        Scope& scope = scopes_.back();
        const std::string_view tx = text(i);
        const std::size_t p = prev(i);

        if (t_[i].kind == Kind::Ident) {
            if (statement_start(i) || (p < t_.size() && is(p, "export"))) {
                if (const std::size_t n = type_declaration(i)) return n;
                if (tx == "import" && !is(i + 1, "(") && !is(i + 1, ".")) return import_declaration(i);
                if (tx == "export" && is(i + 1, "{")) return skip_export_clause(i + 1);
            }
            if (tx == "case") scope.pending_case = true;
            if (tx == "class") return class_head(i + 1);
            if ((tx == "function") && !end(i + 1)) {
                std::size_t j = i + 1;
                if (is(j, "*")) ++j;
                if (ident(j)) ++j;
                if (is(j, "<") && skip_group(j) < t_.size()) erase(j, skip_group(j));
                return i + 1;
            }
            if ((tx == "const" || tx == "let" || tx == "var") && !(p < t_.size() && is(p, "."))) {
                std::size_t j = i + 1;
                if (is(j, "{") || is(j, "[")) {
                    j = skip_group(j);
                    if (j >= t_.size()) return i + 1;
                } else if (ident(j)) {
                    ++j;
                } else {
                    return i + 1;
                }
                if (is(j, "!") && is(j + 1, ":")) erase(j, j + 1), ++j;
                if (is(j, ":")) {
                    // Destructuring patterns are walked as code; a plain name is skipped.
                    const std::size_t after = erase_annotation(j);
                    if (ident(i + 1)) return after;
                }
                return i + 1;
            }
            if ((tx == "as" || tx == "satisfies") && ends_expression(p) && !t_[i].newline_before) {
                const std::size_t e = type_end(i + 1);
                if (e) {
                    erase(i, e);
                    return e;
                }
            }
            if (scope.class_body && class_member_start(i)) return class_member(i);
            if (scope.open == '(' && !end(i + 1) && ident(i + 1) &&
                (tx == "public" || tx == "private" || tx == "protected" || tx == "readonly" || tx == "override")) {
                unsupported(i, "constructor parameter properties");
                return t_.size();
            }
            // Generic arguments of a call or `new`: f<T>(x), new Map<K, V>().
            if (is(i + 1, "<") && !t_[i + 1].newline_before && ends_expression(i)) {
                const std::size_t e = type_arguments_end(i + 1);
                if (e && is(e, "(")) {
                    erase(i + 1, e);
                    return e;
                }
            }
            return i + 1;
        }

        if (t_[i].kind != Kind::Punct) return i + 1;

        if (tx == "(" || tx == "[" || tx == "{") {
            Scope s;
            s.open = tx[0];
            if (tx == "{" && class_body_next_) {
                s.class_body = true;
                class_body_next_ = false;
            }
            scopes_.push_back(s);
            return i + 1;
        }
        if (tx == ")" || tx == "]" || tx == "}") {
            if (scopes_.size() > 1) scopes_.pop_back();
            // A return type: `): T {`, `): T =>`.
            if (tx == ")" && is(i + 1, ":") && scopes_.back().ternaries == 0 && !scopes_.back().pending_case)
                return erase_annotation(i + 1);
            return i + 1;
        }
        if (tx == "<" && (p >= t_.size() || !ends_expression(p))) {
            // <T>(x: T) => x, a generic arrow function (or an old-style `<T>x` cast before a paren).
            const std::size_t e = type_arguments_end(i);
            if (e && is(e, "(")) {
                erase(i, e);
                return e;
            }
        }
        if (tx == "?") {
            // An optional parameter or member: `a?: T`, `a?,`, `a?)`.
            if (scope.open == '(' && (is(i + 1, ":") || is(i + 1, ",") || is(i + 1, ")") || is(i + 1, "="))) {
                erase(i, i + 1);
                return i + 1;
            }
            ++scope.ternaries;
            return i + 1;
        }
        if (tx == ":") {
            if (scope.ternaries > 0) {
                --scope.ternaries;
                return i + 1;
            }
            if (scope.pending_case) {
                scope.pending_case = false;
                return i + 1;
            }
            // Directly inside parentheses a `:` that closes no ternary is a parameter's type.
            if (scope.open == '(') return erase_annotation(i);
            return i + 1;
        }
        if (tx == "!" && p < t_.size() && t_[p].end == t_[i].begin && ends_expression(p)) {
            erase(i, i + 1);  // x!.y, x!
            return i + 1;
        }
        if (tx == "=>" || tx == ";") scope.pending_case = false;
        return i + 1;
    }

    // `export { a, type B }` — `type` specifiers erased; the rest is code.
    std::size_t skip_export_clause(std::size_t i) {
        const std::size_t e = skip_group(i);
        for (std::size_t j = i + 1; j + 1 < e && j < t_.size(); ++j)
            if (is(j, "type") && ident(j + 1) && !is(j + 1, "as")) {
                std::size_t k = j + 2;
                if (is(k, "as")) k += 2;
                if (is(k, ",")) ++k;
                erase(j, k);
                j = k - 1;
            }
        return e >= t_.size() ? t_.size() - 1 : e;
    }

    // After `class`: name, type parameters, `extends Base<T>`, `implements A, B`, then the body.
    std::size_t class_head(std::size_t i) {
        std::size_t j = i;
        if (ident(j) && !is(j, "extends") && !is(j, "implements")) ++j;
        if (is(j, "<") && skip_group(j) < t_.size()) {
            const std::size_t e = skip_group(j);
            erase(j, e);
            j = e;
        }
        if (is(j, "extends")) {
            ++j;
            while (!end(j) && !is(j, "{") && !is(j, "<") && !is(j, "implements")) {
                j = is(j, "(") || is(j, "[") ? skip_group(j) : j + 1;
            }
            if (is(j, "<") && skip_group(j) < t_.size()) {
                const std::size_t e = skip_group(j);
                erase(j, e);
                j = e;
            }
        }
        if (is(j, "implements")) {
            std::size_t e = j;
            while (!end(e) && !is(e, "{")) e = is(e, "<") ? skip_group(e) : e + 1;
            erase(j, e);
            j = e;
        }
        if (is(j, "{")) class_body_next_ = true;
        return std::min(j, t_.size() - 1);
    }

    bool class_member_start(std::size_t i) const {
        const std::size_t p = prev(i);
        return p < t_.size() && (is(p, "{") || is(p, ";") || is(p, "}") || t_[i].newline_before);
    }
    // A class member at i: modifiers TypeScript adds are erased, a field's type too; methods are
    // left to the general rules (their parameters and return type).
    std::size_t class_member(std::size_t i) {
        std::size_t j = i;
        static const std::set<std::string_view> kModifiers = {"public",   "private",  "protected", "readonly",
                                                              "abstract", "override", "declare"};
        while (ident(j) && (kModifiers.contains(text(j)) || is(j, "static")) &&
               (ident(j + 1) || is(j + 1, "[") || is(j + 1, "*"))) {
            if (is(j, "declare") || is(j, "abstract")) return erase_statement(i, j, false);
            if (!is(j, "static")) erase(j, j + 1);
            ++j;
        }
        if (!ident(j)) return j;
        std::size_t k = j + 1;
        if ((is(k, "?") || is(k, "!")) && is(k + 1, ":")) {
            erase(k, k + 1);
            ++k;
        }
        if (is(k, ":")) return erase_annotation(k);
        if (is(k, "?") && is(k + 1, "(")) erase(k, k + 1);  // optional method
        return j + 1;
    }

    static constexpr std::size_t kNone = static_cast<std::size_t>(-1);
    static constexpr std::size_t kAngleScan = 4096;
    static constexpr int kMaxTypeDepth = 100;

    std::string_view src_;
    std::string out_;
    std::vector<Token> t_;
    std::vector<std::size_t> match_;  // the partner of each (, [ and {; kNone elsewhere
    int type_depth_ = 0;
    std::vector<bool> erased_;
    std::vector<Scope> scopes_;
    std::vector<ImportDecl> imports_;
    bool class_body_next_ = false;
    std::string error_;
    std::size_t error_at_ = 0;
};

}  // namespace

ErasedTypeScript erase_typescript(std::string_view source) {
    return Eraser(source).run();
}

}  // namespace sim::js
