// design_actions.h — changes to a design as data, shared by tours ("set" on a step), quiz options
// ("set") and challenge hints ("edits"): set a node's or an edge's config, add a node, connect two
// nodes, change traffic, faults or settings. Format: patterns/challenges/README.md.
#pragma once

#include "core/message.h"
#include "pattern/pattern.h"

#include <string>

namespace sim::challenge {

// Applies `actions` (an array, or one action object) to `p`, in order, so a later action may set
// or connect a node an earlier one added. Actions:
//   {"node": id, "config": {...}}            merge the values into the node's config (null removes)
//   {"edge": "from->to", "config": {...}}    merge into that edge's config
//   {"add": {"id", "type", "config"}}        add a node (placed to the right of the others)
//   {"connect": "from->to", "port", "config"} add an edge (port "out" unless given)
//   {"traffic": {"id", ...}}                 merge into the traffic entry with that id, or add it
//   {"faults": [...]} / {"settings": {...}}  AZ outages / settings merged over the pattern's
// Problems (unknown node, edge or traffic id, bad values) are diagnostics under `path`
// ("/steps/2/set"); the result also carries the changed pattern's own parse diagnostics.
ParseResult apply_actions(const Pattern& p, const Json& actions, const std::string& path);

// "from->to" → from, to; false unless both are non-empty (edge names in actions and tour highlights).
bool split_edge(const std::string& s, std::string& from, std::string& to);

}  // namespace sim::challenge
