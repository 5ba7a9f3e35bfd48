// dynamodb_update.cpp — UpdateExpression: SET (with + / -, if_not_exists, list_append), REMOVE,
// ADD (numbers, sets as arrays) and DELETE (from sets). Right-hand sides read the item as it was
// before the update, as DynamoDB does.
// https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Expressions.UpdateExpressions.html
#include "services/dynamodb/dynamodb_expr_parser.h"

#include <algorithm>

namespace sim::svc::ddb {
namespace {

struct SetValue {  // term (('+'|'-') term)?
    struct Term {
        enum Kind { Plain, IfNotExists, ListAppend } kind = Plain;
        Operand a, b;  // IfNotExists: path a, fallback b; ListAppend: a, b
    };
    Term left, right;
    char op = 0;
};

struct UpdateAction {
    enum Kind { Set, Remove, Add, Delete } kind = Set;
    DocPath path;
    SetValue value;
};

bool parse_term(Parser& p, SetValue::Term& t) {
    const Token& tok = p.tok();
    if (tok.kind == Token::Name && (tok.text == "if_not_exists" || tok.text == "list_append")) {
        t.kind = tok.text == "if_not_exists" ? SetValue::Term::IfNotExists : SetValue::Term::ListAppend;
        p.advance();
        if (!p.expect_punct("(") || !p.parse_operand(t.a) || !p.expect_punct(",") || !p.parse_operand(t.b) ||
            !p.expect_punct(")"))
            return false;
        if (t.kind == SetValue::Term::IfNotExists && t.a.kind != Operand::Path) {
            p.error = "Invalid UpdateExpression: The first parameter of if_not_exists must be a document path";
            return false;
        }
        return true;
    }
    return p.parse_operand(t.a);
}

std::optional<std::vector<UpdateAction>> parse_update(const std::string& text, const ExprEnv& env, std::string& error) {
    std::string tok_error;
    auto tokens = tokenize(text, tok_error);
    if (!tok_error.empty()) {
        error = "Invalid UpdateExpression: " + tok_error;
        return std::nullopt;
    }
    Parser p(std::move(tokens), env);
    std::vector<UpdateAction> out;
    std::vector<std::string> seen;
    while (!p.at_end() && p.error.empty()) {
        const std::string clause = p.tok().kind == Token::Name ? upper(p.tok().text) : "";
        UpdateAction::Kind kind;
        if (clause == "SET")
            kind = UpdateAction::Set;
        else if (clause == "REMOVE")
            kind = UpdateAction::Remove;
        else if (clause == "ADD")
            kind = UpdateAction::Add;
        else if (clause == "DELETE")
            kind = UpdateAction::Delete;
        else {
            p.fail("expected SET, REMOVE, ADD or DELETE");
            break;
        }
        for (const std::string& s : seen)
            if (s == clause) p.error = "The \"" + clause + "\" section can only be used once in an update expression";
        seen.push_back(clause);
        p.advance();
        do {
            UpdateAction a;
            a.kind = kind;
            if (!p.parse_path(a.path)) break;
            if (kind == UpdateAction::Set) {
                if (!p.expect_punct("=") || !parse_term(p, a.value.left)) break;
                if (p.is_punct("+") || p.is_punct("-")) {
                    a.value.op = p.tok().text[0];
                    p.advance();
                    if (!parse_term(p, a.value.right)) break;
                }
            } else if (kind != UpdateAction::Remove) {
                if (!p.parse_operand(a.value.left.a)) break;
            }
            out.push_back(std::move(a));
        } while (p.error.empty() && p.is_punct(",") && (p.advance(), true));
    }
    if (out.empty() && p.error.empty()) p.error = "The expression can not be empty";
    if (!p.error.empty()) {
        error = p.error.rfind("Invalid", 0) == 0 ? p.error : "Invalid UpdateExpression: " + p.error;
        return std::nullopt;
    }
    return out;
}

std::optional<Json> term_value(const SetValue::Term& t, const Json& original, std::string& error) {
    if (t.kind == SetValue::Term::IfNotExists) {
        if (const Json* v = resolve(&original, t.a.path)) return *v;
        return operand_value(t.b, &original);
    }
    if (t.kind == SetValue::Term::ListAppend) {
        auto a = operand_value(t.a, &original), b = operand_value(t.b, &original);
        if (!a || !b || !a->is_array() || !b->is_array()) {
            error =
                "Invalid UpdateExpression: Incorrect operand type for operator or function; operator or function: "
                "list_append";
            return std::nullopt;
        }
        Json r = *a;
        for (const Json& e : *b) r.push_back(e);
        return r;
    }
    auto v = operand_value(t.a, &original);
    if (!v) error = "The provided expression refers to an attribute that does not exist in the item";
    return v;
}

// Parent container of a path inside `item` (created for top-level only), or nullptr.
Json* parent_of(Json& item, const DocPath& path) {
    Json* cur = &item;
    for (std::size_t k = 0; k + 1 < path.size(); ++k) {
        if (const auto* key = std::get_if<std::string>(&path[k])) {
            if (!cur->is_object() || !cur->contains(*key)) return nullptr;
            cur = &(*cur)[*key];
        } else {
            const std::size_t idx = std::get<std::size_t>(path[k]);
            if (!cur->is_array() || idx >= cur->size()) return nullptr;
            cur = &(*cur)[idx];
        }
    }
    return cur;
}

bool assign(Json& item, const DocPath& path, Json value) {
    Json* parent = parent_of(item, path);
    if (!parent) return false;
    if (const auto* key = std::get_if<std::string>(&path.back())) {
        if (!parent->is_object()) return false;
        (*parent)[*key] = std::move(value);
        return true;
    }
    const std::size_t idx = std::get<std::size_t>(path.back());
    if (!parent->is_array()) return false;
    if (idx < parent->size())
        (*parent)[idx] = std::move(value);
    else
        parent->push_back(std::move(value));  // past the end appends (DynamoDB behaviour)
    return true;
}

void erase(Json& item, const DocPath& path) {
    Json* parent = parent_of(item, path);
    if (!parent) return;
    if (const auto* key = std::get_if<std::string>(&path.back())) {
        if (parent->is_object()) parent->erase(*key);
    } else if (parent->is_array() && std::get<std::size_t>(path.back()) < parent->size()) {
        parent->erase(std::get<std::size_t>(path.back()));
    }
}

}  // namespace

std::string apply_update(const std::string& text, const ExprEnv& env, Json& item) {
    std::string error;
    auto actions = parse_update(text, env, error);
    if (!actions) return error;
    const Json original = item;  // every right-hand side reads the item as it was
    const char* bad_path = "The document path provided in the update expression is invalid for update";
    for (const UpdateAction& a : *actions) {
        switch (a.kind) {
            case UpdateAction::Set: {
                auto left = term_value(a.value.left, original, error);
                if (!left) return error;
                Json v = *left;
                if (a.value.op) {
                    auto right = term_value(a.value.right, original, error);
                    if (!right) return error;
                    if (!v.is_number() || !right->is_number())
                        return std::string(
                                   "Invalid UpdateExpression: Incorrect operand type for operator or function; "
                                   "operator: ") +
                               a.value.op;
                    if (v.is_number_integer() && right->is_number_integer())
                        v = a.value.op == '+' ? v.get<std::int64_t>() + right->get<std::int64_t>()
                                              : v.get<std::int64_t>() - right->get<std::int64_t>();
                    else
                        v = a.value.op == '+' ? v.get<double>() + right->get<double>()
                                              : v.get<double>() - right->get<double>();
                }
                if (!assign(item, a.path, std::move(v))) return bad_path;
                break;
            }
            case UpdateAction::Remove:
                erase(item, a.path);
                break;
            case UpdateAction::Add:
            case UpdateAction::Delete: {
                auto arg = operand_value(a.value.left.a, &original);
                const Json* cur = resolve(&original, a.path);
                const char* name = a.kind == UpdateAction::Add ? "ADD" : "DELETE";
                if (!arg || (!arg->is_number() && !arg->is_array()) ||
                    (a.kind == UpdateAction::Delete && !arg->is_array()))
                    return std::string(
                               "Invalid UpdateExpression: Incorrect operand type for operator or function; "
                               "operator: ") +
                           name;
                Json v;
                if (arg->is_number()) {  // ADD to a number (missing counts as 0)
                    if (cur && !cur->is_number())
                        return "An operand in the update expression has an incorrect data type";
                    const Json base = cur ? *cur : Json(0);
                    if (base.is_number_integer() && arg->is_number_integer())
                        v = base.get<std::int64_t>() + arg->get<std::int64_t>();
                    else
                        v = base.get<double>() + arg->get<double>();
                } else {  // sets as JSON arrays: union (ADD) or difference (DELETE)
                    if (cur && !cur->is_array())
                        return "An operand in the update expression has an incorrect data type";
                    v = cur ? *cur : Json::array();
                    for (const Json& e : *arg) {
                        auto pos = std::find(v.begin(), v.end(), e);
                        if (a.kind == UpdateAction::Add && pos == v.end()) v.push_back(e);
                        if (a.kind == UpdateAction::Delete && pos != v.end()) v.erase(pos);
                    }
                }
                if (!assign(item, a.path, std::move(v))) return bad_path;
                break;
            }
        }
    }
    return {};
}

std::vector<std::string> updated_attributes(const std::string& text, const ExprEnv& env) {
    std::string error;
    std::vector<std::string> out;
    if (auto actions = parse_update(text, env, error))
        for (const UpdateAction& a : *actions)
            if (!a.path.empty() && std::holds_alternative<std::string>(a.path[0]))
                out.push_back(std::get<std::string>(a.path[0]));
    return out;
}

}  // namespace sim::svc::ddb
