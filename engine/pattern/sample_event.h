// sample_event.h — the event the playground's "Fire an event" dialog starts from: shaped for the
// service it is fired into and filled so it fits the design it goes into. Every DynamoDB table the
// event can reach downstream gets the key attributes it needs (a fresh table's key is 'id', not the
// 'orderId' a generic order sample carries), read from the writing function's Actions.
#pragma once

#include "core/message.h"
#include "core/registry.h"
#include "pattern/pattern.h"

#include <string>

namespace sim {

// A sample event for `node_id` in `p`: the node's traffic payload when it is a traffic source, else
// the sample its service's contract in `registry` gives (ServiceKind::sample); in both, the fields
// the tables downstream need as keys are added. {} for an unknown node id.
Json sample_event(const Registry& registry, const Pattern& p, const std::string& node_id);

}  // namespace sim
