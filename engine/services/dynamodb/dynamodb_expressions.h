// dynamodb_expressions.h — DynamoDB expression language over plain-JSON items (the
// DocumentClient view): condition / filter / key-condition expressions and update expressions.
// https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Expressions.OperatorsAndFunctions.html
// Modelled:     [x] = <> < <= > >=, BETWEEN, IN (≤100), AND / OR / NOT, parentheses (NOT > AND > OR)
//               [x] attribute_exists, attribute_not_exists, attribute_type, begins_with, contains, size
//               [x] #name / :value substitution, unknown ones → ValidationException text
//               [x] UpdateExpression SET (+, -, if_not_exists, list_append), REMOVE, ADD, DELETE
//               [x] comparisons across types are false; `<>` on a missing attribute is true
// Not modelled: [ ] binary and set types beyond JSON arrays  [ ] 4 KB expression size check
#pragma once

#include "core/message.h"

#include <memory>
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace sim::svc::ddb {

// ExpressionAttributeNames / ExpressionAttributeValues of a request (either may be null).
struct ExprEnv {
    const Json* names = nullptr;
    const Json* values = nullptr;
};

// A document path: "a.b[2].c" as elements (string = map key, size_t = list index).
using PathElem = std::variant<std::string, std::size_t>;
using DocPath = std::vector<PathElem>;

struct CondNode;
using CondPtr = std::shared_ptr<const CondNode>;

// A parsed condition (ConditionExpression, FilterExpression or KeyConditionExpression).
struct Condition {
    CondPtr root;
    std::string text;
};

// Parses `text`; on bad syntax or an undefined #name / :value returns nullopt and sets `error`
// to DynamoDB's ValidationException message style ("Invalid ConditionExpression: ...").
std::optional<Condition> parse_condition(const std::string& text, const ExprEnv& env, const char* what,
                                         std::string& error);

// True when the condition holds for `item` (nullptr: the item does not exist).
bool evaluate(const Condition& cond, const Json* item);

// The attribute the condition tests with `=` at top level (or under top-level AND): used by
// Query to find the partition key value. nullptr when there is none.
const Json* equality_value(const Condition& cond, const std::string& attribute);
// True when every comparison in the condition names only `allowed` attributes at top level.
bool only_attributes(const Condition& cond, const std::vector<std::string>& allowed);

// Applies an UpdateExpression to `item` in place. Returns an error text (empty on success):
// bad syntax, undefined names/values, or a type mismatch such as ADD on a string.
std::string apply_update(const std::string& text, const ExprEnv& env, Json& item);
// The top-level attribute names an UpdateExpression writes (to refuse key updates).
std::vector<std::string> updated_attributes(const std::string& text, const ExprEnv& env);

// Value at a path, or nullptr.
const Json* resolve(const Json* item, const DocPath& path);

}  // namespace sim::svc::ddb
