// condition_parse.cpp — operator validation and compilation, following event-ruler's
// JsonRuleCompiler checks (and its reason texts, kept as MatchError::aws_reason).
#include "match/condition_parse.h"

#include <algorithm>
#include <cmath>

namespace sim::match {

namespace {

using json = nlohmann::json;
using Result = std::variant<Condition, MatchError>;

MatchError fail(const std::string& path, std::string message, std::string aws_reason) {
    return MatchError{path, std::move(message), std::move(aws_reason)};
}

std::string quote(const std::string& s) {
    return "\"" + s + "\"";
}

// What AWS's streaming parser prints for the token it choked on.
std::string token_text(const json& v) {
    if (v.is_string()) return v.get<std::string>();
    if (v.is_array()) return "[";
    if (v.is_object()) return "{";
    return v.dump();
}

// SNS documents -1e9..1e9 for numeric filters; EventBridge (event-ruler) accepts -5e9..5e9.
double numeric_limit(Dialect dialect) {
    return dialect == Dialect::Sns ? 1.0e9 : kNumericLimit;
}

std::string limit_text(Dialect dialect) {
    return dialect == Dialect::Sns ? "-1e9..1e9" : "-5e9..5e9";
}

std::string limit_reason(Dialect dialect) {
    return dialect == Dialect::Sns ? "" : "Value must be between -5.0E9 and 5.0E9, inclusive";
}

const char* operator_list(Dialect dialect) {
    return dialect == Dialect::Sns
               ? "prefix, suffix, equals-ignore-case, anything-but, numeric, exists, cidr"
               : "prefix, suffix, equals-ignore-case, wildcard, anything-but, numeric, exists, cidr";
}

Result literal(const json& v, const std::string& path) {
    Condition c;
    if (v.is_string()) {
        const auto& s = v.get_ref<const std::string&>();
        if (const auto ip = parse_ip(s)) {
            // event-ruler stores IP-literal values as address ranges (CIDR.ipToRangeIfPossible).
            c.op = Op::IpAddress;
            c.range = single_address_range(*ip);
        } else {
            c.op = Op::ExactString;
        }
        c.text = s;
        return c;
    }
    if (v.is_number()) {
        c.op = Op::ExactNumber;
        c.number = *leaf_from_json(v);
        return c;
    }
    if (v.is_boolean()) {
        c.op = Op::ExactBoolean;
        c.flag = v.get<bool>();
        return c;
    }
    if (v.is_null()) {
        c.op = Op::ExactNull;
        return c;
    }
    return fail(path, "match value must be a string, number, boolean, null or operator object, got " + describe_json(v),
                "Match value must be String, number, true, false, or null");
}

std::optional<MatchError> check_wildcard(const std::string& operand, const std::string& path, WildcardPattern& out) {
    auto parsed = parse_wildcard(operand);
    if (auto* error = std::get_if<WildcardError>(&parsed)) {
        const std::string pos = std::to_string(error->pos);
        if (error->consecutive) {
            return fail(path,
                        "wildcard " + quote(operand) + " has consecutive '*' at position " + pos + "; use a single '*'",
                        "Consecutive wildcard characters at pos " + pos);
        }
        return fail(path,
                    "wildcard " + quote(operand) + " has an invalid escape at position " + pos +
                        "; only \\* and \\\\ are allowed",
                    "Invalid escape character at pos " + pos);
    }
    out = std::move(std::get<WildcardPattern>(parsed));
    return std::nullopt;
}

Result parse_affix(bool is_prefix, const json& operand, Dialect dialect, const std::string& path) {
    const std::string name = is_prefix ? "prefix" : "suffix";
    Condition c;
    if (operand.is_string()) {
        c.op = is_prefix ? Op::Prefix : Op::Suffix;
        c.text = operand.get<std::string>();
        return c;
    }
    if (operand.is_object() && dialect == Dialect::EventBridge) {
        const std::string cap = is_prefix ? "Prefix" : "Suffix";
        if (operand.empty()) {
            return fail(path, name + " object is empty; expected {\"equals-ignore-case\": \"...\"}",
                        cap + " expression name not found");
        }
        const std::string key = operand.begin().key();
        if (key != "equals-ignore-case") {
            return fail(path, name + " accepts only {\"equals-ignore-case\": \"...\"} as an object, got " + quote(key),
                        "Unsupported " + name + " pattern: " + key);
        }
        const json& inner = operand.begin().value();
        if (!inner.is_string()) {
            return fail(path + ".equals-ignore-case", "equals-ignore-case needs a string, got " + describe_json(inner),
                        "equals-ignore-case match pattern must be a string");
        }
        if (operand.size() > 1) {
            return fail(
                path,
                name + " object has " + std::to_string(operand.size()) + " keys; expected only \"equals-ignore-case\"",
                "Only one key allowed in match expression");
        }
        c.op = is_prefix ? Op::PrefixIgnoreCase : Op::SuffixIgnoreCase;
        c.text = inner.get<std::string>();
        return c;
    }
    return fail(path, name + " needs a string, got " + describe_json(operand),
                name + " match pattern must be a string");
}

std::optional<MatchError> numeric_value(const json& v, const std::string& op, Dialect dialect, const std::string& path,
                                        std::int64_t& key) {
    const std::string aws_op = op == "=" ? "equals" : op;
    if (!v.is_number()) {
        return fail(path, "numeric operator " + quote(op) + " needs a number after it, got " + describe_json(v),
                    "Value of " + aws_op + " must be numeric");
    }
    const double d = v.get<double>();
    const auto k = comparable_key(d);
    if (!k || std::fabs(d) > numeric_limit(dialect)) {
        return fail(path, "numeric value " + v.dump() + " is outside the supported range " + limit_text(dialect),
                    limit_reason(dialect));
    }
    key = *k;
    return std::nullopt;
}

Result parse_numeric(const json& operand, Dialect dialect, const std::string& path) {
    if (!operand.is_array()) {
        return fail(path, "numeric needs an array such as [\">\", 0, \"<=\", 5], got " + describe_json(operand),
                    "Value of numeric must be an array.");
    }
    if (operand.empty()) {
        return fail(path, "numeric array is empty; expected an operator such as \">\" and a number",
                    "Invalid member in numeric match: ]");
    }
    const json& first = operand[0];
    if (!first.is_string()) {
        return fail(path + "[0]",
                    "numeric array must start with an operator (=, <, <=, >, >=), got " + describe_json(first),
                    "Invalid member in numeric match: " + token_text(first));
    }
    const std::string op = first.get<std::string>();
    if (op != "=" && op != "<" && op != "<=" && op != ">" && op != ">=") {
        return fail(path + "[0]", "unknown numeric operator " + quote(op) + "; expected =, <, <=, > or >=",
                    "Unrecognized numeric range operator: " + op);
    }
    Condition c;
    c.op = Op::Numeric;
    std::int64_t key = 0;
    if (operand.size() < 2) {
        return fail(path, "numeric operator " + quote(op) + " needs a number after it, got nothing",
                    "Value of " + std::string(op == "=" ? "equals" : op) + " must be numeric");
    }
    if (auto e = numeric_value(operand[1], op, dialect, path + "[1]", key)) return *e;
    if (op == "=") {
        c.low = {true, false, key};
        c.high = {true, false, key};
    } else if (op == "<" || op == "<=") {
        c.high = {true, op == "<", key};
    } else {
        c.low = {true, op == ">", key};
    }
    if (operand.size() == 2) return c;
    if (op == "=" || op == "<" || op == "<=") {
        return fail(
            path,
            "numeric operator " + quote(op) + " takes one number and nothing after it; a range starts with > or >=",
            "Too many elements in numeric expression");
    }
    const json& second = operand[2];
    if (!second.is_string()) {
        return fail(path + "[2]",
                    "numeric range needs \"<\" or \"<=\" after the lower bound, got " + describe_json(second),
                    "Bad value in numeric range: " + token_text(second));
    }
    const std::string op2 = second.get<std::string>();
    if (op2 != "<" && op2 != "<=") {
        return fail(path + "[2]", "numeric range needs \"<\" or \"<=\" after the lower bound, got " + quote(op2),
                    "Bad numeric range operator: " + op2);
    }
    if (operand.size() < 4) {
        return fail(path, "numeric operator " + quote(op2) + " needs a number after it, got nothing",
                    "Value of " + op2 + " must be numeric");
    }
    if (auto e = numeric_value(operand[3], op2, dialect, path + "[3]", key)) return *e;
    if (operand.size() > 4) {
        return fail(path,
                    "numeric range has " + std::to_string(operand.size()) +
                        " elements; expected at most 4, e.g. [\">\", 0, \"<=\", 5]",
                    "Too many terms in numeric range expression");
    }
    c.high = {true, op2 == "<", key};
    if (c.low.key >= c.high.key) {
        return fail(path,
                    "numeric range is empty: lower bound " + operand[1].dump() + " is not below upper bound " +
                        operand[3].dump(),
                    "Bottom must be less than top");
    }
    return c;
}

// anything-but {"prefix"|"suffix"|"equals-ignore-case"|"wildcard": value or list}
Result parse_anything_but_object(const json& operand, Dialect dialect, const std::string& path) {
    const std::string supported = dialect == Dialect::Sns ? "prefix" : "prefix, suffix, equals-ignore-case or wildcard";
    if (operand.empty()) {
        return fail(path, "anything-but object is empty; expected " + supported,
                    "Anything-But expression name not found");
    }
    const std::string key = operand.begin().key();
    const bool known = key == "prefix" || (dialect == Dialect::EventBridge &&
                                           (key == "suffix" || key == "equals-ignore-case" || key == "wildcard"));
    if (!known) {
        return fail(path, "anything-but does not support " + quote(key) + "; expected " + supported,
                    "Unsupported anything-but pattern: " + key);
    }
    if (operand.size() > 1) {
        return fail(path, "anything-but object has " + std::to_string(operand.size()) + " keys; expected exactly one",
                    "Too many elements in numeric expression");
    }
    const json& inner = operand.begin().value();
    const std::string inner_path = path + "." + key;
    const bool affix = key == "prefix" || key == "suffix";
    const std::string element_reason =
        key == "equals-ignore-case"
            ? "Inside anything-but/equals-ignore-case list, number|start|null|boolean is not supported."
            : (key == "wildcard" ? "wildcard match pattern must be a string"
                                 : "prefix/suffix match pattern must be a string");
    // SNS (an older event-ruler) takes exactly one prefix string here.
    const bool list_ok = dialect == Dialect::EventBridge;
    if (!(inner.is_string() || inner.is_number() || (inner.is_array() && list_ok))) {
        if (dialect == Dialect::Sns || inner.is_array()) {
            return fail(inner_path, "anything-but prefix needs a non-empty string, got " + describe_json(inner),
                        element_reason);
        }
        return fail(inner_path,
                    "anything-but " + key + " needs a string or a list of strings, got " + describe_json(inner),
                    "Value of anything-but must be an array or single string/number value.");
    }
    Condition c;
    c.op = key == "prefix"               ? Op::AnythingButPrefixes
           : key == "suffix"             ? Op::AnythingButSuffixes
           : key == "equals-ignore-case" ? Op::AnythingButIgnoreCase
                                         : Op::AnythingButWildcards;
    const json single = inner.is_array() ? json() : inner;
    const json& items = inner.is_array() ? inner : json::array({single});
    for (std::size_t i = 0; i < items.size(); ++i) {
        const json& item = items[i];
        const std::string item_path = inner.is_array() ? inner_path + "[" + std::to_string(i) + "]" : inner_path;
        if (!item.is_string()) {
            return fail(item_path, "anything-but " + key + " values must be strings, got " + describe_json(item),
                        element_reason);
        }
        const std::string text = item.get<std::string>();
        if (affix && text.empty()) {
            return fail(item_path, "anything-but " + key + " must not be empty (it would exclude every string)",
                        "Null prefix/suffix not allowed");
        }
        if (c.op == Op::AnythingButWildcards) {
            WildcardPattern w;
            if (auto e = check_wildcard(text, item_path, w)) return *e;
            c.wildcards.push_back(std::move(w));
        } else {
            c.texts.push_back(text);
        }
    }
    return c;
}

Result parse_anything_but(const json& operand, Dialect dialect, const std::string& path) {
    if (operand.is_object()) return parse_anything_but_object(operand, dialect, path);
    Condition c;
    if (operand.is_string()) {
        c.op = Op::AnythingButStrings;
        c.texts.push_back(operand.get<std::string>());
        return c;
    }
    if (operand.is_number()) {
        c.op = Op::AnythingButNumbers;
        std::int64_t key = 0;
        if (auto e = numeric_value(operand, "anything-but", dialect, path, key)) return *e;
        c.keys.push_back(key);
        return c;
    }
    if (!operand.is_array()) {
        return fail(path,
                    "anything-but needs a string, a number, a list of them, or an object such as "
                    "{\"prefix\": \"x\"}, got " +
                        describe_json(operand),
                    "Value of anything-but must be an array or single string/number value.");
    }
    bool strings = false;
    bool numbers = false;
    for (std::size_t i = 0; i < operand.size(); ++i) {
        const json& item = operand[i];
        const std::string item_path = path + "[" + std::to_string(i) + "]";
        if (item.is_string()) {
            strings = true;
            c.texts.push_back(item.get<std::string>());
        } else if (item.is_number()) {
            numbers = true;
            std::int64_t key = 0;
            if (auto e = numeric_value(item, "anything-but", dialect, item_path, key)) return *e;
            c.keys.push_back(key);
        } else {
            return fail(item_path,
                        "anything-but list may hold only strings or only numbers, got " + describe_json(item),
                        "Inside anything but list, start|null|boolean is not supported.");
        }
    }
    if (strings == numbers) {
        return fail(path,
                    strings ? "anything-but list mixes strings and numbers; use one type"
                            : "anything-but list is empty; expected at least one string or number",
                    "Inside anything but list, either all values are number or string, mixed type is not "
                    "supported");
    }
    c.op = strings ? Op::AnythingButStrings : Op::AnythingButNumbers;
    return c;
}

Result parse_operator(const std::string& name, const json& operand, Dialect dialect, const std::string& path) {
    const std::string op_path = path + "." + name;
    const bool eb = dialect == Dialect::EventBridge;
    Condition c;
    if (name == "prefix" || name == "suffix") return parse_affix(name == "prefix", operand, dialect, op_path);
    if (name == "numeric") return parse_numeric(operand, dialect, op_path);
    if (name == "anything-but") return parse_anything_but(operand, dialect, op_path);
    if (name == "equals-ignore-case") {
        if (!operand.is_string()) {
            return fail(op_path, "equals-ignore-case needs a string, got " + describe_json(operand),
                        "equals-ignore-case match pattern must be a string");
        }
        c.op = Op::EqualsIgnoreCase;
        c.text = operand.get<std::string>();
        return c;
    }
    if (name == "exists") {
        if (!operand.is_boolean()) {
            return fail(op_path, "exists needs true or false, got " + describe_json(operand),
                        "exists match pattern must be either true or false.");
        }
        c.op = Op::Exists;
        c.flag = operand.get<bool>();
        return c;
    }
    if (name == "cidr") {
        if (!operand.is_string()) {
            return fail(op_path, "cidr needs a string such as \"10.0.0.0/24\", got " + describe_json(operand),
                        "prefix match pattern must be a string");
        }
        auto parsed = parse_cidr(operand.get<std::string>());
        if (auto* e = std::get_if<CidrError>(&parsed)) return fail(op_path, e->message, e->aws_reason);
        c.op = Op::Cidr;
        c.range = std::get<CidrRange>(parsed);
        return c;
    }
    if (eb && name == "wildcard") {
        if (!operand.is_string()) {
            return fail(op_path, "wildcard needs a string, got " + describe_json(operand),
                        "wildcard match pattern must be a string");
        }
        WildcardPattern w;
        if (auto e = check_wildcard(operand.get<std::string>(), op_path, w)) return *e;
        c.op = Op::Wildcard;
        c.wildcards.push_back(std::move(w));
        return c;
    }
    if (eb && name == "exactly") {  // event-ruler's explicit spelling of an exact string match
        if (!operand.is_string()) {
            return fail(op_path, "exactly needs a string, got " + describe_json(operand),
                        "exact match pattern must be a string");
        }
        c.op = Op::ExactString;
        c.text = operand.get<std::string>();
        return c;
    }
    return fail(op_path,
                "unknown operator " + quote(name) + "; expected one of " + operator_list(dialect) +
                    " (names are case-sensitive)",
                "Unrecognized match type " + name);
}

}  // namespace

std::string describe_json(const json& value) {
    switch (value.type()) {
        case json::value_t::string: {
            std::string s = value.get<std::string>();
            if (s.size() > 40) s = s.substr(0, 40) + "...";
            return "string " + quote(s);
        }
        case json::value_t::array:
            return "an array";
        case json::value_t::object:
            return "an object";
        case json::value_t::null:
            return "null";
        case json::value_t::boolean:
            return value.get<bool>() ? "true" : "false";
        default:
            return "number " + value.dump();
    }
}

std::variant<Condition, MatchError> parse_condition(const json& element, Dialect dialect, const std::string& path) {
    if (!element.is_object()) return literal(element, path);
    if (element.empty()) {
        return fail(path, "operator object is empty; expected one operator such as {\"prefix\": \"abc\"}",
                    "Match expression name not found");
    }
    const std::string name = element.begin().key();
    if (element.size() > 1) {
        std::string keys;
        for (auto it = element.begin(); it != element.end(); ++it) {
            keys += (keys.empty() ? "" : ", ") + quote(it.key());
        }
        const bool numeric_guard = name == "numeric" || name == "anything-but";
        return fail(
            path,
            "operator object has " + std::to_string(element.size()) + " keys (" + keys +
                "); put each operator in its own object in the array",
            numeric_guard ? "Too many elements in numeric expression" : "Only one key allowed in match expression");
    }
    return parse_operator(name, element.begin().value(), dialect, path);
}

}  // namespace sim::match
