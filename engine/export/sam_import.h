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

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace sim {

struct ImportOptions {
    // Files beside the template (DefinitionUri, AWS::Include Location, …), by the path the template
    // writes, relative to the template's folder. The engine never touches a file system: the CLI reads
    // the disk, the page an opened folder or zip. Unset or nullopt: the file is not available.
    std::function<std::optional<std::string>(const std::string& relative_path)> read_file;
    // The files a function's CodeUri holds: for a folder, every file under it (node_modules left out);
    // for a file, that file. Paths relative to the template's folder. Unset: CodeUri is not read.
    std::function<std::vector<std::string>(const std::string& relative_path)> list_files;
    // Add a client at each entry point the template leaves open, sending its sample event (1/s).
    bool entry_traffic = true;
};

// What the import did, for a person (`slsim import` prints it on stderr, the page lists it).
struct ImportSummary {
    std::size_t resources = 0;         // resources in the template
    std::size_t simulated = 0;         // resources that became simulated nodes
    std::vector<std::string> kept;     // resources kept as "cloudformation" nodes, and why
    std::vector<std::string> assumed;  // values the import could not resolve and what it assumed
    std::vector<std::string> code;     // functions whose code will not run, and why
    std::vector<std::string> entries;  // clients added at entry points, and what they send
};

struct ImportResult {
    Pattern pattern;
    Diagnostics diagnostics;  // template problems: JSON pointers into the template ("/Resources/Q/Type");
                              // then the pattern's own diagnostics (pattern pointers)
    ImportSummary summary;
    bool ok() const { return !diagnostics.has_errors(); }
};

// Never throws. Syntax errors give line and column; nesting deeper than 256 levels is refused.
ImportResult import_template(std::string_view json_text, const ImportOptions& options = {});
ImportResult import_template_json(const Json& root, const ImportOptions& options = {});
// The summary as lines of text ("12 resources: 9 simulated nodes, …").
std::string import_summary_text(const ImportSummary& summary);
// The summary as the pattern's "import" key: {"resources", "simulated", "kept", "assumed", "code",
// "entries"} (empty lists left out).
Json import_summary_json(const ImportSummary& summary);

}  // namespace sim
