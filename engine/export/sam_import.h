// sam_import.h — a SAM / CloudFormation template (JSON or YAML) back into a pattern. Templates written by
// export_sam() come back equal (their Metadata.ServerlessPlayground carries what AWS has no
// place for; resource Properties win for the node's CloudFormation properties). Other templates
// are read best-effort: mapped resource types become nodes, function Events / subscriptions /
// event source mappings / rules / redrive policies / destinations / policy templates become
// edges, other resources become "cloudformation" nodes (drawn, never simulated, written back
// verbatim with their attributes), and the remaining sections (Parameters, Outputs, Conditions …)
// are kept under the pattern's "cloudformation" key and written back on export. Templates written
// from a pattern that kept unknown resources under "cloudformation"."Resources" (before those
// nodes existed) keep them there, so they still come back equal. Text not starting with '{' is read as
// YAML (export/yaml_parse.h: the subset templates use, short-form !Ref/!GetAtt/!Sub … tags).
#pragma once

#include "pattern/pattern.h"

#include <string_view>

namespace sim {

struct ImportResult {
    Pattern pattern;
    Diagnostics diagnostics;  // template problems: JSON pointers into the template ("/Resources/Q/Type");
                              // then the pattern's own diagnostics (pattern pointers)
    bool ok() const { return !diagnostics.has_errors(); }
};

// Never throws. Syntax errors give line and column; nesting deeper than 256 levels is refused.
ImportResult import_template(std::string_view json_text);
ImportResult import_template_json(const Json& root);

}  // namespace sim
