// sam_project.h — `slsim export sam P --out DIR`: the template and the code files it names by
// CodeUri (SamExport::files), written into DIR, so `slsim import DIR/template.yaml` reads the same
// code back (export/sam_code_uri.h). The engine never touches the file system; the CLI does it here.
#pragma once

#include "export/sam_export.h"
#include "export/sam_import.h"

#include <filesystem>
#include <string>
#include <vector>

namespace sim::cli {

// The template as `slsim export sam` prints it: block YAML, or JSON indented by two spaces.
std::string sam_template_text(const SamExport& out, bool yaml);

struct WrittenProject {
    std::vector<std::filesystem::path> written;  // every file written, the template first
    // What an import will not read back as written: code files already in a function's folder
    // that this export did not write (an import reads them too), files an import skips.
    std::vector<std::string> warnings;
    std::string error;  // the failure that stopped the writing; empty on success
};

// Writes DIR/template.yaml (template.json when `yaml` is false) and each file as
// DIR/<folder><path>, creating DIR and the folders. Files of those names are overwritten; no file
// is deleted. Writes nothing and sets `error` when out.errors is not empty (an unsafe path).
WrittenProject write_sam_project(const SamExport& out, const std::filesystem::path& dir, bool yaml);

// `options` read the files a template names from the folder `dir` that holds it: read_file by
// relative path, list_files for a CodeUri folder (node_modules left out).
void read_project_files(ImportOptions& options, const std::filesystem::path& dir);

}  // namespace sim::cli
