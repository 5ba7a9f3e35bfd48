// inspector_links.h — a node's links in its inspector: what each output port reaches now, and a
// "link to" list per port of the services AWS lets it reach. Wiring without dragging between
// ports: the keyboard's way (shortcut I, Tab, Space) and an easier target on a phone.
#pragma once

#include "panels/panels.h"

namespace pg {

// Draws the rows of the "Links" section for `node`, under the caller's heading; a read-only embed
// gets the links only. Edits go to ctx.proposals as ConnectProposal, checked and applied like a
// drag between ports.
void node_links(PanelContext& ctx, const sim::NodeSpec& node);

}  // namespace pg
