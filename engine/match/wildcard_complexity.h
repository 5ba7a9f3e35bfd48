// wildcard_complexity.h — EventBridge's "Rule is too complex" check for `wildcard` patterns.
#pragma once

#include "match/text_ops.h"

#include <vector>

namespace sim::match {

// The largest number of wildcard-pattern prefixes that one input value can be matching at the
// same time, over the wildcard patterns of one field (event-ruler MachineComplexityEvaluator:
// states of the byte machine active together, counting a state before a `*` and the `*` loop
// separately). Patterns are matched in AWS's quoted form ("\"" + value + "\""). Duplicates
// count once. Evaluation stops as soon as the result exceeds `cap` (and then returns > cap).
int wildcard_complexity(const std::vector<const WildcardPattern*>& patterns, int cap);

// EventBridge rejects a field whose wildcard complexity exceeds this. The exact service limit
// is not documented; 10 accepts AWS's own examples and rejects "*:*:*:*:*:event-bus/*", which
// AWS rejects (recorded in the shared conformance suite).
inline constexpr int kMaxWildcardComplexity = 10;

}  // namespace sim::match
