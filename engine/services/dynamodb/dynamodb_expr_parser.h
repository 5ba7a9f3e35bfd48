// dynamodb_expr_parser.h — internal to the DynamoDB expression files: tokens, the AST and the
// recursive-descent parser shared by condition (dynamodb_expressions.cpp) and update
// (dynamodb_update.cpp) expressions. Not a public API.
#pragma once

#include "services/dynamodb/dynamodb_expressions.h"

namespace sim::svc::ddb {

// ---- Section: AST ----------------------------------------------------------------------------
struct Operand {
    enum Kind { Path, Value, Size } kind = Value;
    DocPath path;
    Json value;
};

struct CondNode {
    enum Kind { Compare, Between, In, Func, And, Or, Not } kind = Compare;
    std::string op;  // comparator or function name
    std::vector<Operand> operands;
    std::vector<CondPtr> children;
};

struct Token {
    enum Kind { Name, Alias, Value, Number, Punct, End } kind = End;
    std::string text;
};

// Splits an expression into tokens; on a bad character sets `error` and returns {}.
std::vector<Token> tokenize(const std::string& s, std::string& error);
std::string upper(std::string s);

// Recursive descent over a token list; the first problem is kept in `error` (DynamoDB's text).
class Parser {
public:
    Parser(std::vector<Token> t, const ExprEnv& env) : t_(std::move(t)), env_(env) {}
    std::string error;

    bool at_end() const { return t_[i_].kind == Token::End; }
    bool is_kw(const char* kw) const { return t_[i_].kind == Token::Name && upper(t_[i_].text) == kw; }
    bool is_punct(const char* p) const { return t_[i_].kind == Token::Punct && t_[i_].text == p; }
    bool expect_punct(const char* p);
    void fail(const std::string& why);
    CondPtr parse_or();
    CondPtr parse_and();
    CondPtr parse_not();
    CondPtr parse_primary();
    CondPtr parse_function(const char* name);
    bool parse_operand(Operand& out);  // path | :value | size(path)
    bool parse_path(DocPath& path);
    bool parse_name(DocPath& path);
    void advance() { ++i_; }
    const Token& tok() const { return t_[i_]; }

private:
    std::vector<Token> t_;
    std::size_t i_ = 0;
    const ExprEnv& env_;
};

// The value an operand denotes for `item`; nullopt when its path is absent.
std::optional<Json> operand_value(const Operand& o, const Json* item);

}  // namespace sim::svc::ddb
