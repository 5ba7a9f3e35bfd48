// sam_files.h — internal: files a template names beside itself, read through
// ImportOptions::read_file and put where the template would have them inline: a state machine's
// DefinitionUri (JSON or YAML, with DefinitionSubstitutions applied) becomes its Definition, an
// API's DefinitionUri or Fn::Transform AWS::Include Location becomes its DefinitionBody. A file that
// cannot be read is a warning that says which path was tried; the resource keeps what it has.
#pragma once

#include "export/sam_import.h"

namespace sim::sami {

Json load_template_files(const Json& root, const ImportOptions& options, Diagnostics& d, ImportSummary& summary);

// ${name} placeholders of `text` replaced from `vars` (DefinitionSubstitutions, Fn::Sub's map).
// A text value goes into the text; an intrinsic value ({"Ref": …}, {"Fn::GetAtt": …}) is the result
// itself when the text is only that placeholder, else the result is an {"Fn::Sub": …} keeping it.
// `implicit_refs` (Fn::Sub text): a placeholder without a value names a resource, parameter or pseudo
// parameter (${X} → Ref X, ${X.Attr} → GetAtt), and ${!x} is the text ${x}. Otherwise a placeholder
// without a value is left as written.
Json substitute_text(const std::string& text, const Json& vars, bool implicit_refs);
// The same in every string of a definition (intrinsic objects in it are left as they are).
Json substitute_definition(const Json& v, const Json& vars, bool implicit_refs);

}  // namespace sim::sami
