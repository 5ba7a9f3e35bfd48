// rule_compile.cpp — pattern structure: nesting, dotted paths, `$or` expansion, value arrays.
#include "match/rule_compile.h"

#include <algorithm>
#include <array>
#include <optional>
#include <string_view>

namespace sim::match {

namespace {

using json = nlohmann::json;

// event-ruler Constants.RESERVED_FIELD_NAMES_IN_OR_RELATIONSHIP.
constexpr std::array<std::string_view, 24> kReservedInOr = {"exactly",
                                                            "equals-ignore-case",
                                                            "prefix",
                                                            "suffix",
                                                            "anything-but",
                                                            "exists",
                                                            "wildcard",
                                                            "numeric",
                                                            "cidr",
                                                            "=",
                                                            "<",
                                                            "<=",
                                                            ">",
                                                            ">=",
                                                            "regex",
                                                            "not-wildcard",
                                                            "not-equals-ignore-case",
                                                            "date-after",
                                                            "date-on-or-after",
                                                            "date-before",
                                                            "date-on-or-before",
                                                            "in-date-range",
                                                            "ip-address-in-range",
                                                            "ip-address-not-in-range"};

bool reserved_in_or(const std::string& key) {
    return std::find(kReservedInOr.begin(), kReservedInOr.end(), key) != kReservedInOr.end();
}

std::string join(const std::string& where, const std::string& key) {
    return where.empty() ? key : where + "." + key;
}

class Walker {
public:
    explicit Walker(Dialect dialect) : dialect_(dialect) {}

    std::optional<MatchError> error;

    bool walk_object(const json& object, const std::string& prefix, const std::string& where,
                     std::vector<Branch>& rules, bool in_or, int depth, const std::string& top_key) {
        if (object.empty()) {
            return fail(where, "object is empty; give each field an array of values or a nested object",
                        "Empty objects are not allowed");
        }
        for (auto it = object.begin(); it != object.end(); ++it) {
            const std::string& key = it.key();
            const json& value = it.value();
            const std::string here = join(where, key);
            // `$or` followed by an array is the OR primitive; anything else is an ordinary field
            // name, as event-ruler keeps it for backward compatibility.
            if (key == "$or" && value.is_array()) {
                if (!parse_or(value, prefix, here, rules, depth, top_key)) return false;
                continue;
            }
            if (in_or && reserved_in_or(key)) {
                return fail(here, "\"" + key + "\" is an operator name and cannot be a field name inside $or",
                            key + " is Ruler reserved fieldName which cannot be used inside $or.");
            }
            const std::string top = prefix.empty() ? key : top_key;
            if (value.is_object()) {
                if (!walk_object(value, prefix + key + ".", here, rules, in_or, depth + 1, top)) return false;
            } else if (value.is_array()) {
                if (!write_rules(value, prefix + key, here, rules, depth, top)) return false;
            } else {
                return fail(
                    here, "\"" + key + "\" must be an array of values or a nested object, got " + describe_json(value),
                    "\"" + key + "\" must be an object or an array");
            }
        }
        return true;
    }

private:
    Dialect dialect_;

    bool fail(const std::string& where, std::string message, std::string aws_reason) {
        error = MatchError{where, std::move(message), std::move(aws_reason)};
        return false;
    }

    bool parse_or(const json& alternatives, const std::string& prefix, const std::string& where,
                  std::vector<Branch>& rules, int depth, const std::string& top_key) {
        const std::vector<Branch> current = rules;
        rules.clear();
        for (std::size_t i = 0; i < alternatives.size(); ++i) {
            const json& alternative = alternatives[i];
            const std::string here = where + "[" + std::to_string(i) + "]";
            if (!alternative.is_object()) {
                return fail(here, "$or entries must be objects, got " + describe_json(alternative),
                            "Only JSON object is allowed in array of $or relationship.");
            }
            std::vector<Branch> forked = current;
            if (forked.empty()) forked.emplace_back();
            if (!walk_object(alternative, prefix, here, forked, true, depth, top_key)) return false;
            rules.insert(rules.end(), forked.begin(), forked.end());
            if (rules.size() > kMaxBranches) {
                return fail(where,
                            "$or alternatives expand to more than " + std::to_string(kMaxBranches) +
                                " combinations; simplify the pattern",
                            "");
            }
        }
        if (alternatives.size() < 2) {
            return fail(where, "$or needs at least 2 objects, got " + std::to_string(alternatives.size()),
                        "There must have at least 2 Objects in $or relationship.");
        }
        return true;
    }

    bool write_rules(const json& values, const std::string& path, const std::string& where, std::vector<Branch>& rules,
                     int depth, const std::string& top_key) {
        if (values.empty()) {
            return fail(where, "array is empty; give at least one value to match", "Empty arrays are not allowed");
        }
        FieldTest field;
        field.path = path;
        field.top_key = top_key;
        field.depth = depth;
        field.value_count = values.size();
        for (std::size_t i = 0; i < values.size(); ++i) {
            auto parsed = parse_condition(values[i], dialect_, where + "[" + std::to_string(i) + "]");
            if (auto* e = std::get_if<MatchError>(&parsed)) {
                error = std::move(*e);
                return false;
            }
            Condition c = std::move(std::get<Condition>(parsed));
            if (c.op == Op::Exists && !c.flag) {
                field.absent_ok = true;
            } else {
                field.conditions.push_back(std::move(c));
            }
        }
        if (rules.empty()) rules.emplace_back();
        for (Branch& branch : rules) {
            // A path given twice in one branch keeps the later value (event-ruler "overriding").
            auto same = std::find_if(branch.fields.begin(), branch.fields.end(),
                                     [&](const FieldTest& f) { return f.path == path; });
            if (same != branch.fields.end()) {
                *same = field;
            } else {
                branch.fields.push_back(field);
            }
        }
        return true;
    }
};

}  // namespace

std::variant<RuleSet, MatchError> compile_rules(const json& pattern, Dialect dialect) {
    if (!pattern.is_object()) {
        return MatchError{"", "pattern must be a JSON object, got " + describe_json(pattern),
                          "Filter is not an object"};
    }
    Walker walker(dialect);
    std::vector<Branch> rules;
    if (!walker.walk_object(pattern, "", "", rules, false, 1, "")) return std::move(*walker.error);
    return RuleSet(std::move(rules));
}

}  // namespace sim::match
