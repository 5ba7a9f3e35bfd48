// rule_compile.h — the structural half of compiling a pattern or filter policy: objects become
// dotted field paths, `$or` expands into branches, value arrays become condition lists.
#pragma once

#include "match/condition_parse.h"
#include "match/match_error.h"
#include "match/rule_set.h"

#include <nlohmann/json.hpp>

#include <variant>

namespace sim::match {

// `$or` multiplies branches (a cross product); past this many the pattern is refused rather
// than compiled into something slow. Not an AWS limit: the 2,048-character pattern cap keeps
// real patterns far below it.
inline constexpr std::size_t kMaxBranches = 1024;

// Walks a pattern exactly as event-ruler's JsonRuleCompiler does (same structural errors);
// `dialect` picks the operator set. Never throws.
std::variant<RuleSet, MatchError> compile_rules(const nlohmann::json& pattern, Dialect dialect);

}  // namespace sim::match
