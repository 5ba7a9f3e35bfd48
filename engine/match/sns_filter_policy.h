// sns_filter_policy.h — SNS subscription filter policies, on message attributes or on the JSON
// message body. https://docs.aws.amazon.com/sns/latest/dg/sns-message-filtering.html
// Modelled:     [x] exact string/number, anything-but (value, list, {"prefix"}), prefix, suffix,
//               equals-ignore-case, numeric (+ranges, -1e9..1e9), exists, cidr, $or
//               [x] String / Number / String.Array attributes (Binary ignored)  [x] nested bodies,
//               dotted keys, arrays of objects  [x] 5-key, 150-combination, nesting, 256 KB limits
// Not modelled: [ ] policy propagation delay (up to 15 min)  [ ] wildcard (not an SNS operator)
#pragma once

#include "match/match_error.h"
#include "match/rule_set.h"

#include <nlohmann/json.hpp>

#include <variant>

namespace sim::match {

enum class FilterScope { MessageAttributes, MessageBody };

inline constexpr std::size_t kMaxPolicyKeys = 5;  // subscription-filter-policy-constraints
inline constexpr std::uint64_t kMaxPolicyCombinations = 150;
inline constexpr std::size_t kMaxPolicyBytes = 256 * 1024;

class SnsFilterPolicy {
public:
    // Validates as SetSubscriptionAttributes does. An empty object {} is accepted and matches
    // every message (no filtering). Never throws.
    static std::variant<SnsFilterPolicy, MatchError> compile(const nlohmann::json& policy, FilterScope scope);

    FilterScope scope() const { return scope_; }

    // `message_attributes` in SNS form {"Name": {"Type": "String"|"Number"|"String.Array",
    // "Value": "..."}} ("DataType"/"StringValue" spellings are accepted too); a non-object is
    // treated as "no attributes". Number values compare numerically; String.Array (and
    // Number.Array) match when any element matches. Never throws.
    bool matches_attributes(const nlohmann::json& message_attributes) const;

    // `body` is the published message parsed as JSON; a body that is not an object never
    // matches a non-empty policy (payload filtering needs a JSON object). Allocation-free.
    bool matches_body(const nlohmann::json& body) const;

    const RuleSet& rules() const { return rules_; }

private:
    SnsFilterPolicy(RuleSet rules, FilterScope scope) : rules_(std::move(rules)), scope_(scope) {}
    RuleSet rules_;
    FilterScope scope_;
};

}  // namespace sim::match
