// sam_files.h — internal: files a template names beside itself, read through
// ImportOptions::read_file and put where the template would have them inline: a state machine's
// DefinitionUri (JSON or YAML, with DefinitionSubstitutions applied) becomes its Definition, an
// API's DefinitionUri or Fn::Transform AWS::Include Location becomes its DefinitionBody. A file that
// cannot be read is a warning that says which path was tried; the resource keeps what it has.
#pragma once

#include "export/sam_import.h"

namespace sim::sami {

Json load_template_files(const Json& root, const ImportOptions& options, Diagnostics& d, ImportSummary& summary);

}  // namespace sim::sami
