// choice.h — Choice state rules (JSONPath query language): parsing with load-time checks and
// evaluation against the state's effective input.
// https://docs.aws.amazon.com/step-functions/latest/dg/state-choice.html
// Modelled:     [x] String*/Numeric*/Boolean*/Timestamp* and their *Path forms  [x] StringMatches
//               [x] And/Or/Not  [x] IsNull/IsPresent/IsNumeric/IsString/IsBoolean/IsTimestamp
//               [x] a type mismatch is false; a missing Variable is a States.Runtime error
// Not modelled: [ ] JSONata Condition  [ ] Assign on choice rules
#pragma once

#include <nlohmann/json.hpp>

#include "stepfunctions/jsonpath.h"

#include <optional>
#include <string>
#include <vector>

namespace sim::sfn {

struct ChoiceRule {
    enum class Kind { And, Or, Not, Compare };
    Kind kind = Kind::Compare;
    std::vector<ChoiceRule> children;    // And/Or: >= 1, Not: exactly 1
    std::optional<JsonPath> variable;    // Compare
    std::string op;                      // "StringEquals", "NumericLessThanPath", "IsPresent"...
    nlohmann::json value;                // literal operand
    std::optional<JsonPath> value_path;  // operand of a *Path operator
    std::string next;                    // top-level rules only
};

// Parses one rule. `where` is the JSON pointer of the rule (for messages), `top_level` says whether
// it needs `Next`. On failure returns nullopt and sets *error ("/States/C/Choices/0: ...").
std::optional<ChoiceRule> parse_choice_rule(const nlohmann::json& rule, const std::string& where, bool top_level,
                                            std::string* error);

struct ChoiceOutcome {
    bool ok = false;
    bool matched = false;
    std::string error;  // States.Runtime cause detail when a Variable/operand path is missing
};

ChoiceOutcome evaluate_choice_rule(const ChoiceRule& rule, const nlohmann::json& input, const nlohmann::json& context);

// StringMatches: `*` matches any run of characters; `\*` and `\\` are literal.
bool string_matches(const std::string& text, const std::string& pattern);

}  // namespace sim::sfn
