// selector.h — which nodes of a solution a check talks about. A learner names their own nodes,
// so checks select by node id only for nodes the starting canvas provides, and otherwise by
// service type, config values and wiring: {"type": ["sns", "eventbridge"]},
// {"type": "lambda", "wired_to": "sessions"}, {"node": "orders-db", "config": {"BillingMode": "PROVISIONED"}}.
#pragma once

#include "core/diagnostics.h"
#include "core/message.h"
#include "pattern/pattern.h"

#include <optional>
#include <string>
#include <vector>

namespace sim::challenge {

struct Selector {
    std::string node;                // exact node id (from the starting canvas)
    std::vector<std::string> types;  // any of these service types
    Json config;                     // null, or an object the node's config must contain (subset)
    std::string wired_to;            // the node has an edge to this node id
    std::string wired_from;          // the node has an edge from this node id
};

// A selector object, or a string as shorthand for {"node": id}. Unknown service types and keys
// are diagnostics at `path`.
std::optional<Selector> parse_selector(const Json& j, const std::string& path, Diagnostics& diags);

// Node indices of `p` matching `s`, in pattern order.
std::vector<std::size_t> select_nodes(const Pattern& p, const Selector& s);
bool node_matches(const Pattern& p, std::size_t node, const Selector& s);

// Plain words: "'orders-db'", "an SNS or EventBridge node", "a Lambda node wired to 'sessions'".
std::string describe_selector(const Selector& s);
// "SNS or EventBridge" from registry labels.
std::string type_labels(const std::vector<std::string>& types);

// True when every key of `want` is in `have` with an equal value (objects compared recursively,
// other values exactly).
bool config_contains(const Json& have, const Json& want);

}  // namespace sim::challenge
