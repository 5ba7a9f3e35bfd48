// function_code_files.h — reads the JavaScript files a template's functions name by CodeUri (a
// folder or a file, relative to the template) into each function's CodeFiles, so an imported
// project's handlers run. The engine never touches the file system; the CLI does it here.
#pragma once

#include "core/diagnostics.h"
#include "pattern/pattern.h"

#include <cstddef>
#include <cstdint>
#include <filesystem>

namespace sim::cli {

inline constexpr std::size_t kMaxCodeFiles = 200;                 // per function
inline constexpr std::uintmax_t kMaxCodeBytes = 2 * 1024 * 1024;  // per function

// For each Lambda node with a string CodeUri and no InlineCode/CodeFiles: the code files under it
// (node_modules skipped; at most kMaxCodeFiles files and kMaxCodeBytes), keyed by their path
// relative to CodeUri. What cannot be read becomes a warning; the function keeps its model then.
void attach_function_code(Pattern& pattern, const std::filesystem::path& template_dir, Diagnostics& diagnostics);

// A file attach_function_code() reads: .js, .mjs, .cjs or .json.
bool is_function_code_file(const std::filesystem::path& p);

}  // namespace sim::cli
