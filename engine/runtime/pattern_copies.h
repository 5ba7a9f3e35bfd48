// pattern_copies.h — N independent copies of a pattern side by side, the design of `slsim bench`'s
// scaling workloads (200 copies of rest-api: does the engine's cost grow with the design, not faster?).
#pragma once

#include "core/registry.h"
#include "pattern/pattern.h"

namespace sim {

// Copy k (1..copies) of every node, edge and traffic source, with "-k" after each node id, each
// resource name (a node's TableName, BucketName, QueueName… as the registry's contracts name it)
// and each traffic id. Every config string that equals an original id or name is renamed the same
// way, so a copy's actions, routes and payloads reach its own resources and copies share nothing:
// as AWS requires, no two tables in an account and Region, and no two buckets, share a name.
// On the canvas, copies are stacked below one another. One copy returns the pattern unchanged;
// references written inside longer strings (an ARN, a URL) are not renamed.
Pattern pattern_copies(const Pattern& pattern, int copies, const Registry& registry);

}  // namespace sim
