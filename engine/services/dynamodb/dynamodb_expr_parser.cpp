// dynamodb_expr_parser.cpp — tokenizer and recursive-descent parser for DynamoDB expressions
// (grammar: NOT binds tighter than AND, AND tighter than OR; see dynamodb_expressions.h).
#include "services/dynamodb/dynamodb_expr_parser.h"

#include <cctype>

namespace sim::svc::ddb {

// ---- Section: tokenizer ----------------------------------------------------------------------
std::vector<Token> tokenize(const std::string& s, std::string& error) {
    std::vector<Token> out;
    std::size_t i = 0;
    auto ident_char = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-'; };
    while (i < s.size()) {
        const char c = s[i];
        if (std::isspace(static_cast<unsigned char>(c))) {
            ++i;
            continue;
        }
        if (c == '#' || c == ':') {
            std::size_t j = i + 1;
            while (j < s.size() && ident_char(s[j])) ++j;
            if (j == i + 1) {
                error = std::string("Syntax error; token: \"") + c + "\", near: \"" + s.substr(i, 8) + "\"";
                return {};
            }
            out.push_back({c == '#' ? Token::Alias : Token::Value, s.substr(i, j - i)});
            i = j;
            continue;
        }
        if (std::isdigit(static_cast<unsigned char>(c))) {
            std::size_t j = i;
            while (j < s.size() && std::isdigit(static_cast<unsigned char>(s[j]))) ++j;
            out.push_back({Token::Number, s.substr(i, j - i)});
            i = j;
            continue;
        }
        if (std::isalpha(static_cast<unsigned char>(c)) || c == '_') {
            std::size_t j = i;
            while (j < s.size() && (std::isalnum(static_cast<unsigned char>(s[j])) || s[j] == '_')) ++j;
            out.push_back({Token::Name, s.substr(i, j - i)});
            i = j;
            continue;
        }
        if ((c == '<' || c == '>') && i + 1 < s.size() && (s[i + 1] == '=' || (c == '<' && s[i + 1] == '>'))) {
            out.push_back({Token::Punct, s.substr(i, 2)});
            i += 2;
            continue;
        }
        if (std::string("()[],.=<>+-").find(c) != std::string::npos) {
            out.push_back({Token::Punct, std::string(1, c)});
            ++i;
            continue;
        }
        error = std::string("Syntax error; token: \"") + c + "\", near: \"" + s.substr(i, 8) + "\"";
        return {};
    }
    out.push_back({Token::End, ""});
    return out;
}

std::string upper(std::string s) {
    for (char& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return s;
}

namespace {
CondPtr binary(CondNode::Kind k, CondPtr a, CondPtr b) {
    auto n = std::make_shared<CondNode>();
    n->kind = k;
    n->children = {std::move(a), std::move(b)};
    return n;
}
}  // namespace

// ---- Section: parser -------------------------------------------------------------------------
bool Parser::expect_punct(const char* p) {
    if (is_punct(p)) {
        ++i_;
        return true;
    }
    fail(std::string("expected '") + p + "'");
    return false;
}
void Parser::fail(const std::string& why) {
    if (!error.empty()) return;
    error = "Syntax error; " + why + (at_end() ? " at end of expression" : ", near: \"" + t_[i_].text + "\"");
}

CondPtr Parser::parse_or() {
    CondPtr left = parse_and();
    while (left && is_kw("OR")) {
        ++i_;
        CondPtr right = parse_and();
        if (!right) return nullptr;
        left = binary(CondNode::Or, left, right);
    }
    return left;
}

CondPtr Parser::parse_and() {
    CondPtr left = parse_not();
    while (left && is_kw("AND")) {
        ++i_;
        CondPtr right = parse_not();
        if (!right) return nullptr;
        left = binary(CondNode::And, left, right);
    }
    return left;
}

CondPtr Parser::parse_not() {
    if (is_kw("NOT")) {
        ++i_;
        CondPtr inner = parse_not();
        if (!inner) return nullptr;
        auto n = std::make_shared<CondNode>();
        n->kind = CondNode::Not;
        n->children.push_back(inner);
        return n;
    }
    return parse_primary();
}

CondPtr Parser::parse_primary() {
    if (is_punct("(")) {
        ++i_;
        CondPtr inner = parse_or();
        if (!inner || !expect_punct(")")) return nullptr;
        return inner;
    }
    static const char* kFuncs[] = {"attribute_exists", "attribute_not_exists", "attribute_type", "begins_with",
                                   "contains"};
    if (t_[i_].kind == Token::Name && i_ + 1 < t_.size() && t_[i_ + 1].text == "(") {
        for (const char* f : kFuncs)
            if (t_[i_].text == f) return parse_function(f);
    }
    Operand a;
    if (!parse_operand(a)) return nullptr;
    auto n = std::make_shared<CondNode>();
    n->operands.push_back(std::move(a));
    if (is_kw("BETWEEN")) {
        ++i_;
        n->kind = CondNode::Between;
        Operand lo, hi;
        if (!parse_operand(lo)) return nullptr;
        if (!is_kw("AND")) {
            fail("BETWEEN needs 'AND'");
            return nullptr;
        }
        ++i_;
        if (!parse_operand(hi)) return nullptr;
        n->operands.push_back(std::move(lo));
        n->operands.push_back(std::move(hi));
        return n;
    }
    if (is_kw("IN")) {
        ++i_;
        n->kind = CondNode::In;
        if (!expect_punct("(")) return nullptr;
        do {
            Operand v;
            if (!parse_operand(v)) return nullptr;
            n->operands.push_back(std::move(v));
        } while (is_punct(",") && ++i_);
        if (!expect_punct(")")) return nullptr;
        if (n->operands.size() > 101) {
            error = "Too many operands for IN: at most 100";
            return nullptr;
        }
        return n;
    }
    for (const char* op : {"=", "<>", "<", "<=", ">", ">="}) {
        if (is_punct(op)) {
            ++i_;
            n->kind = CondNode::Compare;
            n->op = op;
            Operand b;
            if (!parse_operand(b)) return nullptr;
            n->operands.push_back(std::move(b));
            return n;
        }
    }
    fail("expected a comparator, BETWEEN or IN");
    return nullptr;
}

CondPtr Parser::parse_function(const char* name) {
    i_ += 2;  // name and '('
    auto n = std::make_shared<CondNode>();
    n->kind = CondNode::Func;
    n->op = name;
    do {
        Operand v;
        if (!parse_operand(v)) return nullptr;
        n->operands.push_back(std::move(v));
    } while (is_punct(",") && ++i_);
    if (!expect_punct(")")) return nullptr;
    const std::size_t want = (n->op == "attribute_exists" || n->op == "attribute_not_exists") ? 1 : 2;
    if (n->operands.size() != want || n->operands[0].kind != Operand::Path) {
        error = "Invalid function name or arguments; function: " + n->op;
        return nullptr;
    }
    return n;
}

bool Parser::parse_operand(Operand& out) {
    const Token& t = t_[i_];
    if (t.kind == Token::Value) {
        if (!env_.values || !env_.values->is_object() || !env_.values->contains(t.text)) {
            error = "An expression attribute value used in expression is not defined; attribute value: " + t.text;
            return false;
        }
        out.kind = Operand::Value;
        out.value = (*env_.values)[t.text];
        ++i_;
        return true;
    }
    if (t.kind == Token::Name && t.text == "size" && t_[i_ + 1].text == "(") {
        i_ += 2;
        out.kind = Operand::Size;
        if (!parse_path(out.path) || !expect_punct(")")) return false;
        return true;
    }
    out.kind = Operand::Path;
    return parse_path(out.path);
}

bool Parser::parse_path(DocPath& path) {
    if (!parse_name(path)) return false;
    while (true) {
        if (is_punct(".")) {
            ++i_;
            if (!parse_name(path)) return false;
        } else if (is_punct("[")) {
            ++i_;
            if (t_[i_].kind != Token::Number) {
                fail("expected a list index");
                return false;
            }
            path.emplace_back(static_cast<std::size_t>(std::stoull(t_[i_].text)));
            ++i_;
            if (!expect_punct("]")) return false;
        } else {
            return true;
        }
    }
}

bool Parser::parse_name(DocPath& path) {
    const Token& t = t_[i_];
    if (t.kind == Token::Alias) {
        if (!env_.names || !env_.names->is_object() || !env_.names->contains(t.text) ||
            !(*env_.names)[t.text].is_string()) {
            error = "An expression attribute name used in the document path is not defined; attribute name: " + t.text;
            return false;
        }
        path.emplace_back((*env_.names)[t.text].get<std::string>());
        ++i_;
        return true;
    }
    if (t.kind == Token::Name) {
        static const char* kReserved[] = {"AND",       "OR",     "NOT",   "BETWEEN", "IN",   "SET",  "REMOVE",
                                          "ADD",       "DELETE", "SIZE",  "STATUS",  "NAME", "DATA", "TTL",
                                          "TIMESTAMP", "DATE",   "COUNT", "VALUE",   "KEY",  "TYPE", "USER"};
        for (const char* r : kReserved)
            if (upper(t.text) == r) {
                error = "Attribute name is a reserved keyword; reserved keyword: " + t.text;
                return false;
            }
        path.emplace_back(t.text);
        ++i_;
        return true;
    }
    fail("expected an attribute name");
    return false;
}

}  // namespace sim::svc::ddb
