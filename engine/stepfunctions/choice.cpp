// choice.cpp — Choice rule parsing and evaluation.
#include "stepfunctions/choice.h"

#include "stepfunctions/json_text.h"
#include "stepfunctions/timestamp.h"

#include <array>

namespace sim::sfn {

using nlohmann::json;

namespace {

enum class OperandType { String, Number, Boolean, Timestamp, IsTest };

struct OperatorInfo {
    const char* name;
    OperandType type;
};

// Comparison operators without the "Path" suffix; every one except StringMatches and the Is*
// tests also has a *Path form.
constexpr std::array<OperatorInfo, 23> kOperators = {{
    {"StringEquals", OperandType::String},
    {"StringLessThan", OperandType::String},
    {"StringGreaterThan", OperandType::String},
    {"StringLessThanEquals", OperandType::String},
    {"StringGreaterThanEquals", OperandType::String},
    {"StringMatches", OperandType::String},
    {"NumericEquals", OperandType::Number},
    {"NumericLessThan", OperandType::Number},
    {"NumericGreaterThan", OperandType::Number},
    {"NumericLessThanEquals", OperandType::Number},
    {"NumericGreaterThanEquals", OperandType::Number},
    {"BooleanEquals", OperandType::Boolean},
    {"TimestampEquals", OperandType::Timestamp},
    {"TimestampLessThan", OperandType::Timestamp},
    {"TimestampGreaterThan", OperandType::Timestamp},
    {"TimestampLessThanEquals", OperandType::Timestamp},
    {"TimestampGreaterThanEquals", OperandType::Timestamp},
    {"IsNull", OperandType::IsTest},
    {"IsPresent", OperandType::IsTest},
    {"IsNumeric", OperandType::IsTest},
    {"IsString", OperandType::IsTest},
    {"IsBoolean", OperandType::IsTest},
    {"IsTimestamp", OperandType::IsTest},
}};

const OperatorInfo* find_operator(const std::string& key, bool& is_path) {
    for (const auto& info : kOperators) {
        std::string name = info.name;
        if (key == name) {
            is_path = false;
            return &info;
        }
        if (key == name + "Path" && info.type != OperandType::IsTest && name != "StringMatches") {
            is_path = true;
            return &info;
        }
    }
    return nullptr;
}

bool fail(std::string* error, const std::string& where, const std::string& what) {
    if (error) *error = where + ": " + what;
    return false;
}

std::optional<JsonPath> parse_path_field(const json& v, const std::string& where, const std::string& field,
                                         std::string* error) {
    if (!v.is_string()) {
        fail(error, where + "/" + field, field + " must be a JSONPath string");
        return std::nullopt;
    }
    std::string why;
    auto p = JsonPath::parse(v.get<std::string>(), &why);
    if (!p) fail(error, where + "/" + field, "invalid JSONPath '" + v.get<std::string>() + "': " + why);
    return p;
}

int compare_strings(const std::string& a, const std::string& b) {
    int c = a.compare(b);
    return c < 0 ? -1 : c > 0 ? 1 : 0;
}

bool ordered(const std::string& op, int cmp) {
    if (op.find("LessThanEquals") != std::string::npos) return cmp <= 0;
    if (op.find("GreaterThanEquals") != std::string::npos) return cmp >= 0;
    if (op.find("LessThan") != std::string::npos) return cmp < 0;
    if (op.find("GreaterThan") != std::string::npos) return cmp > 0;
    return cmp == 0;  // *Equals
}

std::string strip_path(const std::string& op) {
    return op.size() > 4 && op.compare(op.size() - 4, 4, "Path") == 0 ? op.substr(0, op.size() - 4) : op;
}

}  // namespace

bool string_matches(const std::string& text, const std::string& pattern) {
    // Tokenise the pattern: literal chars and '*' wildcards (escapes resolved).
    std::vector<int> toks;  // -1 = wildcard, else the character
    for (std::size_t k = 0; k < pattern.size(); ++k) {
        char c = pattern[k];
        if (c == '\\' && k + 1 < pattern.size())
            toks.push_back(static_cast<unsigned char>(pattern[++k]));
        else if (c == '*')
            toks.push_back(-1);
        else
            toks.push_back(static_cast<unsigned char>(c));
    }
    // Greedy matching with backtracking to the last wildcard.
    std::size_t t = 0, p = 0, star_p = std::string::npos, star_t = 0;
    while (t < text.size()) {
        if (p < toks.size() && toks[p] != -1 && toks[p] == static_cast<unsigned char>(text[t])) {
            ++t;
            ++p;
        } else if (p < toks.size() && toks[p] == -1) {
            star_p = p++;
            star_t = t;
        } else if (star_p != std::string::npos) {
            p = star_p + 1;
            t = ++star_t;
        } else {
            return false;
        }
    }
    while (p < toks.size() && toks[p] == -1) ++p;
    return p == toks.size();
}

std::optional<ChoiceRule> parse_choice_rule(const json& rule, const std::string& where, bool top_level,
                                            std::string* error) {
    if (!rule.is_object()) {
        fail(error, where, "a choice rule must be a JSON object");
        return std::nullopt;
    }
    ChoiceRule out;
    if (top_level) {
        auto next = rule.find("Next");
        if (next == rule.end() || !next->is_string()) {
            fail(error, where, "a top-level choice rule needs a Next string");
            return std::nullopt;
        }
        out.next = next->get<std::string>();
    } else if (rule.contains("Next")) {
        fail(error, where + "/Next", "only top-level choice rules may have Next");
        return std::nullopt;
    }
    for (const char* logic : {"And", "Or"}) {
        if (!rule.contains(logic)) continue;
        const json& list = rule[logic];
        if (!list.is_array() || list.empty()) {
            fail(error, where + "/" + logic, std::string(logic) + " must be a non-empty array of rules");
            return std::nullopt;
        }
        out.kind = std::string(logic) == "And" ? ChoiceRule::Kind::And : ChoiceRule::Kind::Or;
        for (std::size_t k = 0; k < list.size(); ++k) {
            auto child = parse_choice_rule(list[k], where + "/" + logic + "/" + std::to_string(k), false, error);
            if (!child) return std::nullopt;
            out.children.push_back(std::move(*child));
        }
        return out;
    }
    if (rule.contains("Not")) {
        out.kind = ChoiceRule::Kind::Not;
        auto child = parse_choice_rule(rule["Not"], where + "/Not", false, error);
        if (!child) return std::nullopt;
        out.children.push_back(std::move(*child));
        return out;
    }
    if (!rule.contains("Variable")) {
        fail(error, where, "a choice rule needs Variable (or And, Or, Not)");
        return std::nullopt;
    }
    out.variable = parse_path_field(rule["Variable"], where, "Variable", error);
    if (!out.variable) return std::nullopt;
    const OperatorInfo* info = nullptr;
    bool is_path = false;
    for (auto it = rule.begin(); it != rule.end(); ++it) {
        bool p = false;
        const OperatorInfo* found = find_operator(it.key(), p);
        if (!found) continue;
        if (info) {
            fail(error, where, "a choice rule must have exactly one comparison operator");
            return std::nullopt;
        }
        info = found;
        is_path = p;
        out.op = it.key();
    }
    if (!info) {
        fail(error, where, "a choice rule needs a comparison operator");
        return std::nullopt;
    }
    const json& operand = rule[out.op];
    std::string at = where + "/" + out.op;
    if (is_path) {
        out.value_path = parse_path_field(operand, where, out.op, error);
        if (!out.value_path) return std::nullopt;
        return out;
    }
    bool good = true;
    std::string expected;
    switch (info->type) {
        case OperandType::String:
            good = operand.is_string();
            expected = "a string";
            break;
        case OperandType::Number:
            good = operand.is_number();
            expected = "a number";
            break;
        case OperandType::Boolean:
        case OperandType::IsTest:
            good = operand.is_boolean();
            expected = "a boolean";
            break;
        case OperandType::Timestamp:
            good = operand.is_string() && parse_timestamp_us(operand.get<std::string>()).has_value();
            expected = "an RFC 3339 timestamp string";
            break;
    }
    if (!good) {
        fail(error, at, out.op + " must be " + expected + ", got " + compact_json(operand));
        return std::nullopt;
    }
    out.value = operand;
    return out;
}

ChoiceOutcome evaluate_choice_rule(const ChoiceRule& rule, const json& input, const json& context) {
    ChoiceOutcome r;
    switch (rule.kind) {
        case ChoiceRule::Kind::And:
        case ChoiceRule::Kind::Or: {
            bool is_and = rule.kind == ChoiceRule::Kind::And;
            for (const auto& child : rule.children) {
                auto c = evaluate_choice_rule(child, input, context);
                if (!c.ok) return c;
                if (c.matched != is_and) return {true, !is_and, {}};  // short-circuit
            }
            return {true, is_and, {}};
        }
        case ChoiceRule::Kind::Not: {
            auto c = evaluate_choice_rule(rule.children[0], input, context);
            c.matched = !c.matched;
            return c;
        }
        case ChoiceRule::Kind::Compare:
            break;
    }
    const JsonPath& var = *rule.variable;
    auto found = var.find(var.root() == JsonPath::Root::Context ? context : input);
    bool present = found.found && (var.is_definite() || !found.value.empty());
    if (rule.op == "IsPresent") return {true, present == rule.value.get<bool>(), {}};
    if (!present) {
        r.error = "Invalid path '" + var.text() + "': The choice state's condition path references an invalid value.";
        return r;
    }
    const json& v = found.value;
    if (rule.op.rfind("Is", 0) == 0) {
        bool is = false;
        if (rule.op == "IsNull")
            is = v.is_null();
        else if (rule.op == "IsNumeric")
            is = v.is_number();
        else if (rule.op == "IsString")
            is = v.is_string();
        else if (rule.op == "IsBoolean")
            is = v.is_boolean();
        else if (rule.op == "IsTimestamp")
            is = v.is_string() && parse_timestamp_us(v.get<std::string>()).has_value();
        return {true, is == rule.value.get<bool>(), {}};
    }
    json operand = rule.value;
    if (rule.value_path) {
        const JsonPath& vp = *rule.value_path;
        auto other = vp.find(vp.root() == JsonPath::Root::Context ? context : input);
        if (!other.found) {
            r.error =
                "Invalid path '" + vp.text() + "': The choice state's condition path references an invalid value.";
            return r;
        }
        operand = std::move(other.value);
    }
    std::string op = strip_path(rule.op);
    r.ok = true;
    if (op == "StringMatches") {
        r.matched =
            v.is_string() && operand.is_string() && string_matches(v.get<std::string>(), operand.get<std::string>());
    } else if (op.rfind("String", 0) == 0) {
        r.matched = v.is_string() && operand.is_string() &&
                    ordered(op, compare_strings(v.get<std::string>(), operand.get<std::string>()));
    } else if (op.rfind("Numeric", 0) == 0) {
        if (v.is_number() && operand.is_number()) {
            double a = v.get<double>(), b = operand.get<double>();
            r.matched = ordered(op, a < b ? -1 : a > b ? 1 : 0);
        }
    } else if (op == "BooleanEquals") {
        r.matched = v.is_boolean() && operand.is_boolean() && v == operand;
    } else if (op.rfind("Timestamp", 0) == 0) {
        if (v.is_string() && operand.is_string()) {
            auto a = parse_timestamp_us(v.get<std::string>());
            auto b = parse_timestamp_us(operand.get<std::string>());
            if (a && b) r.matched = ordered(op, *a < *b ? -1 : *a > *b ? 1 : 0);
        }
    }
    return r;
}

}  // namespace sim::sfn
