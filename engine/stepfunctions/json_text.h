// json_text.h — text forms of JSON values that Step Functions produces (Java-style numbers and
// the toString form States.Format uses for non-string arguments).
#pragma once

#include <nlohmann/json.hpp>

#include <string>

namespace sim::sfn {

// Java Double.toString form: "1.0", "1.1", "1.0E7", "1.0E-4"; integers print without ".0".
std::string java_number_text(const nlohmann::json& number);

// The text States.Format substitutes for `value`: strings raw, null as "null", numbers as above,
// objects as "{a=1, b=[]}" and arrays as "[1, 2]" (Java Map/List toString).
std::string format_arg_text(const nlohmann::json& value);

// Compact JSON ({"a":1}) as Step Functions serialises values into strings and causes.
std::string compact_json(const nlohmann::json& value);

// True when the value is a JSON number with an integral value (1 or 1.0).
bool is_integral_number(const nlohmann::json& value);

}  // namespace sim::sfn
