// function_code_files.h — reads the JavaScript files a template's functions name by CodeUri (a
// folder or a file, relative to the template) into each function's CodeFiles, so an imported
// project's handlers run. The engine never touches the file system; the CLI does it here.
#pragma once

#include "core/diagnostics.h"
#include "pattern/pattern.h"

#include <filesystem>

namespace sim::cli {

// For each Lambda node with a string CodeUri and no InlineCode/CodeFiles: the .js/.mjs/.cjs/.json
// files under it (node_modules skipped; at most 200 files and 2 MB), keyed by their path
// relative to CodeUri. What cannot be read becomes a warning; the function keeps its model then.
void attach_function_code(Pattern& pattern, const std::filesystem::path& template_dir, Diagnostics& diagnostics);

}  // namespace sim::cli
