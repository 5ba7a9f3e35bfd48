// code_wire.h — CodeEnvironment's values as JSON, for the split across wasm instances
// (code_module.h): the page and its code module have separate memories, so what crosses between
// them is JSON text. JSON keeps every value a handler can produce (json_value_quickjs.cpp already
// writes NaN and Infinity as null), so a run through the bridge equals a run in one binary.
#pragma once

#include "js/code_environment.h"

namespace sim::js {

Json bundle_to_json(const CodeBundle& b);
CodeBundle bundle_from_json(const Json& j);

Json limits_to_json(const CodeLimits& l);
CodeLimits limits_from_json(const Json& j);

Json result_to_json(const RunResult& r);
RunResult result_from_json(const Json& j);

Json answer_to_json(const CallAnswer& a);
CallAnswer answer_from_json(const Json& j);

Json problems_to_json(const std::vector<CodeProblem>& problems);
std::vector<CodeProblem> problems_from_json(const Json& j);

}  // namespace sim::js
