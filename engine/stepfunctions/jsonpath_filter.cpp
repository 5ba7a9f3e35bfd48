// jsonpath_filter.cpp — `[?(...)]` filter expressions: comparisons (== != < <= > >= =~ in nin),
// existence tests, && || ! and parentheses, with Jayway's typing (a number never equals a string).
// Bounded for untrusted definitions: at most kMaxFilterNodes operators/tests (evaluation recurses
// once per node), and `=~` runs on BoundedRegex (no recursion per input character).
#include "stepfunctions/bounded_regex.h"
#include "stepfunctions/jsonpath.h"

#include <cctype>

namespace sim::sfn {

using nlohmann::json;

struct FilterOperand {
    enum class Kind { Path, Literal, Regex } kind = Kind::Literal;
    std::optional<JsonPath> path;
    json literal;
    std::optional<BoundedRegex> regex;  // compiled once at parse time
};

struct FilterExpr {
    enum class Kind { Or, And, Not, Compare, Exists };
    Kind kind = Kind::Exists;
    std::string op;
    std::shared_ptr<const FilterExpr> lhs, rhs;
    FilterOperand a, b;
};

namespace {

constexpr int kMaxFilterNodes = 256;

struct FilterParser {
    std::string_view s;
    std::size_t i;
    std::string error;
    int nodes = 0;  // tests and operators made so far (kMaxFilterNodes)

    std::shared_ptr<FilterExpr> node() {
        if (++nodes > kMaxFilterNodes) {
            if (error.empty())
                error = "bad filter: more than " + std::to_string(kMaxFilterNodes) + " tests and operators";
            return nullptr;
        }
        return std::make_shared<FilterExpr>();
    }

    void ws() {
        while (i < s.size() && std::isspace(static_cast<unsigned char>(s[i]))) ++i;
    }
    bool starts(std::string_view t) const { return s.substr(i, t.size()) == t; }
    std::shared_ptr<const FilterExpr> fail(const std::string& what) {
        if (error.empty()) error = "bad filter: " + what + " at position " + std::to_string(i);
        return nullptr;
    }

    bool operand(FilterOperand& out) {
        ws();
        if (i >= s.size()) return false;
        char c = s[i];
        if (c == '@' || c == '$') {
            std::size_t end = i;
            std::string err;
            auto p = JsonPath::parse_prefix(s, i, &end, &err, true);
            if (!p) {
                error = "bad filter: " + err;
                return false;
            }
            out.kind = FilterOperand::Kind::Path;
            out.path = std::move(p);
            i = end;
            return true;
        }
        if (c == '\'' || c == '"') {
            std::string v;
            ++i;
            while (i < s.size() && s[i] != c) {
                if (s[i] == '\\' && i + 1 < s.size()) ++i;
                v.push_back(s[i++]);
            }
            if (i >= s.size()) return false;
            ++i;
            out.literal = v;
            return true;
        }
        if (c == '/') {
            std::string v;
            ++i;
            while (i < s.size() && s[i] != '/') {
                if (s[i] == '\\' && i + 1 < s.size()) v.push_back(s[i++]);
                v.push_back(s[i++]);
            }
            if (i >= s.size()) return false;
            ++i;
            const bool icase = i < s.size() && s[i] == 'i';
            if (icase) ++i;
            out.kind = FilterOperand::Kind::Regex;
            auto compiled = BoundedRegex::compile(v, icase);
            if (auto* why = std::get_if<std::string>(&compiled)) {
                error = "bad filter: invalid regular expression /" + v + "/: " + *why;
                return false;
            }
            out.regex = std::get<BoundedRegex>(std::move(compiled));
            return true;
        }
        if (c == '[') {
            // A JSON array literal (for `in` / `nin`): find the matching bracket.
            std::size_t depth = 0, j = i;
            for (; j < s.size(); ++j) {
                if (s[j] == '[') ++depth;
                if (s[j] == ']' && --depth == 0) break;
            }
            if (j >= s.size()) return false;
            std::string text(s.substr(i, j - i + 1));
            for (auto& ch : text)
                if (ch == '\'') ch = '"';
            out.literal = json::parse(text, nullptr, false);
            if (out.literal.is_discarded()) return false;
            i = j + 1;
            return true;
        }
        for (std::string_view word : {"true", "false", "null"}) {
            if (starts(word)) {
                i += word.size();
                out.literal = word == "true" ? json(true) : word == "false" ? json(false) : json(nullptr);
                return true;
            }
        }
        std::size_t start = i;
        if (s[i] == '-' || s[i] == '+') ++i;
        while (i < s.size() && (std::isdigit(static_cast<unsigned char>(s[i])) || s[i] == '.' || s[i] == 'e' ||
                                s[i] == 'E' || ((s[i] == '-' || s[i] == '+') && (s[i - 1] == 'e' || s[i - 1] == 'E'))))
            ++i;
        if (i == start) return false;
        out.literal = json::parse(s.substr(start, i - start), nullptr, false);
        return !out.literal.is_discarded() && out.literal.is_number();
    }

    std::shared_ptr<const FilterExpr> primary() {
        ws();
        if (i < s.size() && s[i] == '!') {
            ++i;
            auto e = node();  // counted before recursing, so "!!!!…" stops at the bound
            if (!e) return nullptr;
            auto inner = primary();
            if (!inner) return nullptr;
            e->kind = FilterExpr::Kind::Not;
            e->lhs = inner;
            return e;
        }
        if (i < s.size() && s[i] == '(') {
            ++i;
            if (!node()) return nullptr;  // a parenthesis costs a node: it recurses while parsing
            auto inner = disjunction();
            if (!inner) return nullptr;
            ws();
            if (i >= s.size() || s[i] != ')') return fail("expected ')'");
            ++i;
            return inner;
        }
        auto e = node();
        if (!e) return nullptr;
        if (!operand(e->a)) return fail("expected an operand");
        ws();
        for (std::string_view op : {"==", "!=", "<=", ">=", "=~", "<", ">", " in ", " nin "}) {
            std::string_view trimmed = op;
            while (!trimmed.empty() && trimmed.front() == ' ') trimmed.remove_prefix(1);
            while (!trimmed.empty() && trimmed.back() == ' ') trimmed.remove_suffix(1);
            bool word = op.front() == ' ';
            if (starts(trimmed) && (!word || (i + trimmed.size() < s.size() &&
                                              std::isspace(static_cast<unsigned char>(s[i + trimmed.size()]))))) {
                i += trimmed.size();
                e->kind = FilterExpr::Kind::Compare;
                e->op = std::string(trimmed);
                if (!operand(e->b)) return fail("expected an operand after '" + e->op + "'");
                return e;
            }
        }
        if (e->a.kind != FilterOperand::Kind::Path) return fail("expected a comparison");
        e->kind = FilterExpr::Kind::Exists;
        return e;
    }

    std::shared_ptr<const FilterExpr> conjunction() {
        auto left = primary();
        for (;;) {
            if (!left) return nullptr;
            ws();
            if (!starts("&&")) return left;
            i += 2;
            auto right = primary();
            if (!right) return nullptr;
            auto e = node();
            if (!e) return nullptr;
            e->kind = FilterExpr::Kind::And;
            e->lhs = left;
            e->rhs = right;
            left = e;
        }
    }

    std::shared_ptr<const FilterExpr> disjunction() {
        auto left = conjunction();
        for (;;) {
            if (!left) return nullptr;
            ws();
            if (!starts("||")) return left;
            i += 2;
            auto right = conjunction();
            if (!right) return nullptr;
            auto e = node();
            if (!e) return nullptr;
            e->kind = FilterExpr::Kind::Or;
            e->lhs = left;
            e->rhs = right;
            left = e;
        }
    }
};

// The operand's value; nullopt when a path selects nothing.
std::optional<json> operand_value(const FilterOperand& op, const json& current, const json& root) {
    if (op.kind != FilterOperand::Kind::Path) return op.literal;
    std::vector<const json*> nodes;
    const json& start = op.path->root() == JsonPath::Root::Current ? current : root;
    select_nodes(op.path->segments(), start, root, nodes);
    if (nodes.empty()) return std::nullopt;
    if (op.path->is_definite()) return *nodes.front();
    json arr = json::array();
    for (const json* n : nodes) arr.push_back(*n);
    return arr;
}

bool values_equal(const json& a, const json& b) {
    if (a.is_number() && b.is_number()) return a.get<double>() == b.get<double>();
    return a == b;
}

}  // namespace

std::shared_ptr<const FilterExpr> parse_filter(std::string_view text, std::size_t* pos, std::string* error) {
    FilterParser p{text, *pos, {}};
    auto e = p.disjunction();
    if (!e) {
        if (error) *error = p.error.empty() ? "bad filter expression" : p.error;
        return nullptr;
    }
    *pos = p.i;
    return e;
}

bool filter_matches(const FilterExpr& expr, const json& current, const json& root_doc) {
    switch (expr.kind) {
        case FilterExpr::Kind::Or:
            return filter_matches(*expr.lhs, current, root_doc) || filter_matches(*expr.rhs, current, root_doc);
        case FilterExpr::Kind::And:
            return filter_matches(*expr.lhs, current, root_doc) && filter_matches(*expr.rhs, current, root_doc);
        case FilterExpr::Kind::Not:
            return !filter_matches(*expr.lhs, current, root_doc);
        case FilterExpr::Kind::Exists:
            return operand_value(expr.a, current, root_doc).has_value();
        case FilterExpr::Kind::Compare:
            break;
    }
    auto a = operand_value(expr.a, current, root_doc);
    if (expr.op == "=~") {
        if (!a || !a->is_string() || expr.b.kind != FilterOperand::Kind::Regex) return false;
        return expr.b.regex->full_match(a->get<std::string>());
    }
    auto b = operand_value(expr.b, current, root_doc);
    if (expr.op == "!=") return !a || !b || !values_equal(*a, *b);
    if (!a || !b) return false;
    if (expr.op == "==") return values_equal(*a, *b);
    if (expr.op == "in" || expr.op == "nin") {
        bool in = false;
        if (b->is_array())
            for (const auto& v : *b) in = in || values_equal(*a, v);
        return expr.op == "in" ? in : !in;
    }
    int cmp = 0;
    if (a->is_number() && b->is_number()) {
        double x = a->get<double>(), y = b->get<double>();
        cmp = x < y ? -1 : x > y ? 1 : 0;
    } else if (a->is_string() && b->is_string()) {
        int c = a->get<std::string>().compare(b->get<std::string>());
        cmp = c < 0 ? -1 : c > 0 ? 1 : 0;
    } else {
        return false;
    }
    if (expr.op == "<") return cmp < 0;
    if (expr.op == "<=") return cmp <= 0;
    if (expr.op == ">") return cmp > 0;
    return cmp >= 0;  // ">="
}

}  // namespace sim::sfn
