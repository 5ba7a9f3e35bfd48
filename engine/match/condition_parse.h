// condition_parse.h — turns one element of a pattern's value array (a literal or an operator
// object such as {"numeric": [">", 0]}) into a Condition, validating it the way AWS does.
#pragma once

#include "match/condition.h"
#include "match/match_error.h"

#include <nlohmann/json.hpp>

#include <string>
#include <variant>

namespace sim::match {

// Which service's operator set applies. EventBridge has the full event-ruler set; SNS lacks
// `wildcard`, `exactly`, prefix/suffix with equals-ignore-case, and anything-but other than a
// value, a list or {"prefix": ...} (SNS answers "Unsupported anything-but pattern" otherwise).
enum class Dialect : std::uint8_t { EventBridge, Sns };

// `path` names the element for error messages, e.g. "detail.state[1]". Never throws.
std::variant<Condition, MatchError> parse_condition(const nlohmann::json& element, Dialect dialect,
                                                    const std::string& path);

// "string \"abc\"", "number 42", "true", "null", "an array", "an object": used in messages.
std::string describe_json(const nlohmann::json& value);

}  // namespace sim::match
