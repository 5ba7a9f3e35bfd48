// wiring_defaults.h — what a new link does before anyone configures it. A newcomer who wires
// client → API → Lambda → table and presses Play should see requests flow and items stored
// without typing JSON: wiring a Lambda function to a service it can call gives the function a
// visible, editable default action, and wiring a traffic source that sends nothing gives it a
// small steady rate. Also: which links their source never uses, to mark them on the canvas.
#pragma once

#include "pattern/pattern.h"

#include <optional>
#include <vector>

namespace pg {

// The action a Lambda function `from` gets when its "out" port is wired to `to`:
// {"target": to.id, "operation": the first operation lambda_operations_for(to.type) lists}
// (PutItem for a table: the engine stores the event as the item). nullopt when `from` is no Lambda
// function, the port is not "out", `to` accepts no SDK call, or an action already targets `to`.
std::optional<sim::Json> default_lambda_action(const sim::NodeSpec& from, const std::string& port,
                                               const sim::NodeSpec& to);

// A new traffic entry for source node `source`: 5 requests/s of {"id": "{{uuid}}"} (a fresh
// table's key is "id"). `index` numbers its id ("traffic-<index>").
sim::TrafficSpec default_traffic(const std::string& source, std::size_t index);

// True when `node` is a traffic source (client, IoT devices, ...) that no traffic entry drives.
bool source_without_traffic(const sim::Pattern& pattern, const sim::NodeSpec& node);

// Per edge of `pattern`: true when its source never sends over it. The rule is the engine's
// ("'fn' is wired to 'table' but no action uses it", lambda_config.cpp): a Lambda "out" link whose
// target no entry of Actions names.
std::vector<bool> unused_links(const sim::Pattern& pattern);

}  // namespace pg
