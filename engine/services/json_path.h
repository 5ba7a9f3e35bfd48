// json_path.h — the small JSONPath subset pattern authors use to pick values out of events in
// service actions: "$", "$.a.b", "$.items[0].id", "$['key with space']". Anything else in a
// string is a literal. Used by Lambda actions; Step Functions has its own full implementation.
#pragma once

#include "core/message.h"

#include <string>
#include <string_view>

namespace sim {

// True when `path` is a well-formed selector of the subset above.
bool is_simple_path(const std::string& path);
// The value at `path` in `doc`, or nullptr when absent.
const Json* select_path(const Json& doc, const std::string& path);
// Same for a path without its leading "$" (".a.b", "[0].id"; "" selects `doc`).
const Json* select_steps(const Json& doc, std::string_view steps);
// Deep-copies `tmpl`, replacing every string that is a simple path ("$.x") by the selected value
// (null when absent). Strings that do not start with "$" stay literal.
Json resolve_paths(const Json& tmpl, const Json& doc);

}  // namespace sim
