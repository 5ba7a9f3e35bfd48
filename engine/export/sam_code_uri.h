// sam_code_uri.h — a function's code from the files beside its template: each Lambda node with a
// CodeUri (a folder or a file, relative to the template) and no InlineCode or CodeFiles gets the
// JavaScript files under it as CodeFiles, keyed by their path relative to CodeUri, so an imported
// project's handlers run. Files come through ImportOptions (the CLI reads the disk, the page an
// opened folder or zip). Functions whose code will not run are listed in the summary with the reason.
#pragma once

#include "export/sam_import.h"

#include <cstddef>
#include <string_view>

namespace sim {

inline constexpr std::size_t kMaxCodeFiles = 200;              // per function
inline constexpr std::size_t kMaxCodeBytes = 2 * 1024 * 1024;  // per function

// A file the import reads as function code: .js, .mjs, .cjs or .json.
bool is_function_code_file(std::string_view path);

void attach_function_code(Pattern& pattern, const ImportOptions& options, Diagnostics& d, ImportSummary& summary);

}  // namespace sim
