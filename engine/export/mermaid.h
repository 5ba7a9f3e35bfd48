// mermaid.h — a pattern as Mermaid `flowchart LR` text for docs and READMEs: one node per
// service (label: id and type), one arrow per edge (label: port, route, filters). Mermaid ids
// are generated (n0, n1 …) and every label is quoted with Mermaid's entity escapes, so no node id
// or config text can break the diagram or inject markup.
#pragma once

#include "pattern/pattern.h"

#include <string>
#include <string_view>

namespace sim {

std::string export_mermaid(const Pattern& pattern);
// Text for inside a quoted Mermaid label: " # < > & ` | and line breaks as entities.
std::string mermaid_escape(std::string_view text);

}  // namespace sim
