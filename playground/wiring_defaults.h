// wiring_defaults.h — what a new link does before anyone configures it. A newcomer who wires
// client → API → Lambda → table and presses Play should see requests flow and items stored
// without typing JSON: wiring a function (or an EC2/Fargate application: any node whose port
// makes SDK calls) to a service it can call gives it a visible, editable default action, and wiring a traffic source
// that sends nothing gives it a small steady rate. Also: which links their source never uses, to mark them on the
// canvas.
#pragma once

#include "pattern/pattern.h"

#include <optional>
#include <vector>

namespace pg {

// The node holds code (InlineCode, Code.ZipFile or CodeFiles): a function whose handler is code
// calls what its code calls (any wired resource; one it does not call is idle, as on AWS).
bool has_code(const sim::NodeSpec& n);

// The action `from` gets when its SDK-calls port (PortReach::Operations: a function's, an instance
// group's or a task's "out") is wired to `to`: {"target": to.id, "operation": the first operation
// of to's contract} (PutItem for a table: the engine stores the event as the item). nullopt when
// the port makes no SDK calls, `to` accepts none, or an action already targets `to`.
std::optional<sim::Json> default_action(const sim::NodeSpec& from, const std::string& port, const sim::NodeSpec& to);

// A new traffic entry for source node `source`: 5 requests/s of {"id": "{{uuid}}"} (a fresh
// table's key is "id"). `index` numbers its id ("traffic-<index>").
sim::TrafficSpec default_traffic(const std::string& source, std::size_t index);

// True when `node` is a traffic source (client, IoT devices, ...) that no traffic entry drives.
bool source_without_traffic(const sim::Pattern& pattern, const sim::NodeSpec& node);

// Per edge of `pattern`: true when its source never sends over it. The rule is the engine's
// ("'fn' is wired to 'table' but no action uses it", lambda_config.cpp, ec2_group.cpp): an SDK-calls
// link whose target no entry of Actions names. A function with code is never flagged: its code
// says what it calls.
std::vector<bool> unused_links(const sim::Pattern& pattern);

}  // namespace pg
