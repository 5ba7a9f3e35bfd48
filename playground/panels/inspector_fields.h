// inspector_fields.h — editors for one config object: a typed widget per property the service
// reads (range, unit and default shown; the engine's diagnostic for that property inline), plus a
// JSON editor for whole objects. Shared by the node, link and pattern inspectors.
#pragma once

#include "panels/panels.h"
#include "pattern/config_reader.h"

#include <map>
#include <string>
#include <vector>

namespace pg {

struct FieldEditContext {
    Panels& state;
    const Theme& theme;
    const sim::Diagnostics& diagnostics;  // for inline messages
    std::string path;                     // JSON pointer of the config object ("/nodes/2/config")
    std::string service_type;             // the service whose fields these are ("dynamodb"); "" none
    const char* help_section = "fields";  // field meanings (field_help.h): a node's, or "links" leaving it
    // The fields read inside object-valued properties (NodeSchema::nested): those get rows of their own.
    const std::map<std::string, std::vector<sim::ConfigField>>* nested = nullptr;
    // Inside an object-valued property: "ProvisionedThroughput." (how its fields' meanings are keyed).
    std::string inside = {};
};

// Draws every field of `fields` (plus keys present in `config` that no read touched) as a table.
// Returns true when `config` was changed by the user this frame.
bool config_fields(FieldEditContext& ctx, const std::vector<sim::ConfigField>& fields, sim::Json& config);

// A multi-line JSON editor bound to `value`; returns true when the text parses and differs.
// `key` names the buffer in state.text. Shows the parse error under the editor.
bool json_editor(FieldEditContext& ctx, const std::string& key, sim::Json& value, float height_lines);

// The diagnostics whose path starts with `prefix`, listed in red/amber.
void diagnostics_under(const sim::Diagnostics& diags, const std::string& prefix, const Theme& theme);

// The undo gesture of the inspector edit in progress: one from the document for the first change
// made while a field is active (sync_buffers forgets it when no item is active), the same after.
GestureId edit_gesture(Document& doc, Panels& state);

}  // namespace pg
