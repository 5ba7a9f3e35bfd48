// dynamodb_expressions.cpp — evaluation of DynamoDB condition, filter and key-condition
// expressions over plain-JSON items (see dynamodb_expressions.h for what is modelled).
#include "services/dynamodb/dynamodb_expr_parser.h"

namespace sim::svc::ddb {

std::optional<Json> operand_value(const Operand& o, const Json* item) {
    if (o.kind == Operand::Value) return o.value;
    const Json* v = resolve(item, o.path);
    if (!v) return std::nullopt;
    if (o.kind == Operand::Path) return *v;
    if (v->is_string()) return Json(v->get<std::string>().size());
    if (v->is_array() || v->is_object()) return Json(v->size());
    return std::nullopt;  // size() of a number or boolean is an error in DynamoDB; false here
}

namespace {

// -1 / 0 / 1, or 2 when the types cannot be ordered.
int order(const Json& a, const Json& b) {
    if (a.is_number() && b.is_number()) {
        const double x = a.get<double>(), y = b.get<double>();
        return x < y ? -1 : x > y ? 1 : 0;
    }
    if (a.is_string() && b.is_string()) {
        const int c = a.get<std::string>().compare(b.get<std::string>());
        return c < 0 ? -1 : c > 0 ? 1 : 0;
    }
    return 2;
}

bool equal(const Json& a, const Json& b) {
    if (a.is_number() && b.is_number()) return a.get<double>() == b.get<double>();
    return a == b;
}

bool eval(const CondNode& n, const Json* item) {
    switch (n.kind) {
        case CondNode::And:
            return eval(*n.children[0], item) && eval(*n.children[1], item);
        case CondNode::Or:
            return eval(*n.children[0], item) || eval(*n.children[1], item);
        case CondNode::Not:
            return !eval(*n.children[0], item);
        case CondNode::Compare: {
            auto a = operand_value(n.operands[0], item), b = operand_value(n.operands[1], item);
            if (!a || !b) return n.op == "<>";
            if (n.op == "=") return equal(*a, *b);
            if (n.op == "<>") return !equal(*a, *b);
            const int c = order(*a, *b);
            if (c == 2) return false;
            if (n.op == "<") return c < 0;
            if (n.op == "<=") return c <= 0;
            if (n.op == ">") return c > 0;
            return c >= 0;
        }
        case CondNode::Between: {
            auto a = operand_value(n.operands[0], item), lo = operand_value(n.operands[1], item),
                 hi = operand_value(n.operands[2], item);
            if (!a || !lo || !hi) return false;
            const int c1 = order(*a, *lo), c2 = order(*a, *hi);
            return c1 != 2 && c2 != 2 && c1 >= 0 && c2 <= 0;
        }
        case CondNode::In: {
            auto a = operand_value(n.operands[0], item);
            if (!a) return false;
            for (std::size_t k = 1; k < n.operands.size(); ++k)
                if (auto v = operand_value(n.operands[k], item); v && equal(*a, *v)) return true;
            return false;
        }
        case CondNode::Func: {
            const Json* v = resolve(item, n.operands[0].path);
            if (n.op == "attribute_exists") return v != nullptr;
            if (n.op == "attribute_not_exists") return v == nullptr;
            auto arg = operand_value(n.operands[1], item);
            if (!v || !arg) return false;
            if (n.op == "attribute_type") {
                if (!arg->is_string()) return false;
                const std::string t = *arg;
                if (t == "S") return v->is_string();
                if (t == "N") return v->is_number();
                if (t == "BOOL") return v->is_boolean();
                if (t == "NULL") return v->is_null();
                if (t == "L" || t == "SS" || t == "NS") return v->is_array();
                if (t == "M") return v->is_object();
                return false;
            }
            if (n.op == "begins_with")
                return v->is_string() && arg->is_string() &&
                       v->get<std::string>().rfind(arg->get<std::string>(), 0) == 0;
            // contains: substring of a string, or element of a list / set
            if (v->is_string() && arg->is_string())
                return v->get<std::string>().find(arg->get<std::string>()) != std::string::npos;
            if (v->is_array())
                for (const Json& e : *v)
                    if (equal(e, *arg)) return true;
            return false;
        }
    }
    return false;
}

void collect_paths(const CondNode& n, std::vector<std::string>& out) {
    for (const Operand& o : n.operands)
        if (o.kind != Operand::Value && !o.path.empty() && std::holds_alternative<std::string>(o.path[0]))
            out.push_back(std::get<std::string>(o.path[0]));
    for (const CondPtr& c : n.children) collect_paths(*c, out);
}

}  // namespace

const Json* resolve(const Json* item, const DocPath& path) {
    const Json* cur = item;
    for (const PathElem& e : path) {
        if (!cur) return nullptr;
        if (const auto* key = std::get_if<std::string>(&e)) {
            if (!cur->is_object()) return nullptr;
            auto it = cur->find(*key);
            cur = it == cur->end() ? nullptr : &*it;
        } else {
            const std::size_t idx = std::get<std::size_t>(e);
            if (!cur->is_array() || idx >= cur->size()) return nullptr;
            cur = &(*cur)[idx];
        }
    }
    return cur;
}

std::optional<Condition> parse_condition(const std::string& text, const ExprEnv& env, const char* what,
                                         std::string& error) {
    std::string tok_error;
    auto tokens = tokenize(text, tok_error);
    if (!tok_error.empty()) {
        error = std::string("Invalid ") + what + ": " + tok_error;
        return std::nullopt;
    }
    Parser p(std::move(tokens), env);
    CondPtr root = p.at_end() ? nullptr : p.parse_or();
    if (root && !p.at_end()) p.fail("unexpected token");
    if (!root && p.error.empty()) p.error = "The expression can not be empty";
    if (!p.error.empty()) {
        error = std::string("Invalid ") + what + ": " + p.error;
        return std::nullopt;
    }
    return Condition{root, text};
}

bool evaluate(const Condition& cond, const Json* item) {
    return cond.root && eval(*cond.root, item);
}

const Json* equality_value(const Condition& cond, const std::string& attribute) {
    std::vector<const CondNode*> stack{cond.root.get()};
    while (!stack.empty()) {
        const CondNode* n = stack.back();
        stack.pop_back();
        if (!n) continue;
        if (n->kind == CondNode::And) {
            for (const CondPtr& c : n->children) stack.push_back(c.get());
            continue;
        }
        if (n->kind == CondNode::Compare && n->op == "=" && n->operands[0].kind == Operand::Path &&
            n->operands[0].path.size() == 1 && n->operands[1].kind == Operand::Value &&
            std::get_if<std::string>(&n->operands[0].path[0]) &&
            std::get<std::string>(n->operands[0].path[0]) == attribute)
            return &n->operands[1].value;
    }
    return nullptr;
}

bool only_attributes(const Condition& cond, const std::vector<std::string>& allowed) {
    std::vector<std::string> used;
    if (cond.root) collect_paths(*cond.root, used);
    for (const std::string& u : used) {
        bool ok = false;
        for (const std::string& a : allowed) ok = ok || a == u;
        if (!ok) return false;
    }
    return true;
}

}  // namespace sim::svc::ddb
