// inspector_structured.h — forms for the properties whose AWS shape is a small structure, where a
// JSON box would make a learner type AWS's syntax: a DynamoDB table's primary key (KeySchema with
// the AttributeDefinitions it needs) and a function's instruction set (Architectures).
#pragma once

#include "panels/inspector_fields.h"

namespace pg {

// Draws the form for `f` in the value column when it has one, setting `changed` when `config` was
// edited. Returns false, drawing nothing, when `f` is edited as plain JSON instead.
bool structured_field(FieldEditContext& ctx, const sim::ConfigField& f, sim::Json& config, bool& changed);

}  // namespace pg
