// sns_filter_policy.cpp — SNS policy limits (keys, combinations, nesting) and attribute matching.
#include "match/sns_filter_policy.h"

#include "match/rule_compile.h"

#include <set>
#include <string>

namespace sim::match {

namespace {

using json = nlohmann::json;

const json* member(const json& object, const char* a, const char* b) {
    auto it = object.find(a);
    if (it == object.end()) it = object.find(b);
    return it == object.end() ? nullptr : &*it;
}

bool any_condition(const FieldTest& field, const LeafValue& leaf) {
    for (const Condition& c : field.conditions) {
        if (condition_matches(c, leaf)) return true;
    }
    return false;
}

bool has_exists_true(const FieldTest& field) {
    for (const Condition& c : field.conditions) {
        if (c.op == Op::Exists && c.flag) return true;
    }
    return false;
}

// Array attribute elements; nested arrays are flattened, objects ignored.
bool any_array_element(const FieldTest& field, const json& array) {
    for (const json& element : array) {
        if (element.is_array()) {
            if (any_array_element(field, element)) return true;
        } else if (const auto leaf = leaf_from_json(element); leaf && any_condition(field, *leaf)) {
            return true;
        }
    }
    return false;
}

// One policy key against one message attribute (nullptr = not sent). SNS compares String,
// Number and String.Array attributes and ignores Binary ones.
bool attribute_matches(const FieldTest& field, const json* attribute) {
    const json* type = attribute && attribute->is_object() ? member(*attribute, "Type", "DataType") : nullptr;
    const json* value = attribute && attribute->is_object() ? member(*attribute, "Value", "StringValue") : nullptr;
    const std::string type_name = type && type->is_string() ? type->get<std::string>() : "String";
    const bool present = attribute && type_name.rfind("Binary", 0) != 0;
    if (!present) return field.absent_ok;
    if (has_exists_true(field)) return true;
    if (!value || !value->is_string()) return false;
    const std::string& text = value->get_ref<const std::string&>();
    if (type_name.rfind("String.Array", 0) == 0 || type_name.rfind("Number.Array", 0) == 0) {
        const json parsed = json::parse(text, nullptr, /*allow_exceptions=*/false);
        return parsed.is_array() && any_array_element(field, parsed);
    }
    if (type_name.rfind("Number", 0) == 0) {
        if (const auto number = parse_json_number(text)) return any_condition(field, number_leaf(*number));
    }
    return any_condition(field, string_leaf(text));
}

std::optional<MatchError> check_limits(const RuleSet& rules, FilterScope scope) {
    std::set<std::string> keys;
    bool nested = false;
    for (const Branch& branch : rules.branches()) {
        for (const FieldTest& field : branch.fields) {
            keys.insert(field.top_key);
            nested = nested || field.depth > 1;
        }
    }
    if (scope == FilterScope::MessageAttributes && nested) {
        return MatchError{"",
                          "policy nests objects, but FilterPolicyScope MessageAttributes only allows "
                          "top-level attribute names; use MessageBody to filter on nested fields",
                          "Filter policy scope MessageAttributes does not support nested filter policy"};
    }
    if (keys.size() > kMaxPolicyKeys) {
        std::string names;
        for (const auto& k : keys) names += (names.empty() ? "\"" : ", \"") + k + "\"";
        return MatchError{"",
                          "policy has " + std::to_string(keys.size()) + " top-level keys (" + names +
                              "); SNS allows at most " + std::to_string(kMaxPolicyKeys),
                          "Filter policy can not have more than 5 keys"};
    }
    // Combinations: per $or branch, multiply each key's value count by its nesting depth
    // (AWS's example: 4 values at depth 3 and 3 at depth 2 give 3*4*2*3 = 72); sum branches.
    std::uint64_t total = 0;
    for (const Branch& branch : rules.branches()) {
        std::uint64_t product = 1;
        for (const FieldTest& field : branch.fields) {
            product *= static_cast<std::uint64_t>(field.value_count) * static_cast<std::uint64_t>(field.depth);
            if (product > kMaxPolicyCombinations) break;
        }
        total += product;
        if (total > kMaxPolicyCombinations) {
            return MatchError{"",
                              "policy allows more than " + std::to_string(kMaxPolicyCombinations) +
                                  " value combinations (values per key multiplied together, times nesting "
                                  "depth, summed over $or branches); use fewer values",
                              "Filter policy is too complex"};
        }
    }
    return std::nullopt;
}

}  // namespace

std::variant<SnsFilterPolicy, MatchError> SnsFilterPolicy::compile(const json& policy, FilterScope scope) {
    if (policy.is_object() && policy.empty()) return SnsFilterPolicy(RuleSet(), scope);
    if (policy.is_object()) {
        const std::size_t bytes = policy.dump(-1, ' ', false, json::error_handler_t::replace).size();
        if (bytes > kMaxPolicyBytes) {
            return MatchError{"", "policy is " + std::to_string(bytes) + " bytes; SNS allows at most 256 KB", ""};
        }
    }
    auto compiled = compile_rules(policy, Dialect::Sns);
    if (auto* e = std::get_if<MatchError>(&compiled)) return std::move(*e);
    RuleSet rules = std::move(std::get<RuleSet>(compiled));
    if (auto e = check_limits(rules, scope)) return *e;
    return SnsFilterPolicy(std::move(rules), scope);
}

bool SnsFilterPolicy::matches_attributes(const json& message_attributes) const {
    if (rules_.branches().empty()) return true;
    for (const Branch& branch : rules_.branches()) {
        bool all = true;
        for (const FieldTest& field : branch.fields) {
            const json* attribute = nullptr;
            if (message_attributes.is_object()) {
                const auto it = message_attributes.find(field.path);
                if (it != message_attributes.end()) attribute = &*it;
            }
            if (!attribute_matches(field, attribute)) {
                all = false;
                break;
            }
        }
        if (all) return true;
    }
    return false;
}

bool SnsFilterPolicy::matches_body(const json& body) const {
    if (rules_.branches().empty()) return true;  // {} = no filtering
    return body.is_object() && rules_.matches(body);
}

}  // namespace sim::match
