// function_code_files.cpp — CodeUri folders into CodeFiles (see the header).
#include "cli/function_code_files.h"

#include <algorithm>
#include <fstream>
#include <iterator>
#include <vector>

namespace sim::cli {

bool is_function_code_file(const std::filesystem::path& p) {
    const std::string ext = p.extension().string();
    return ext == ".js" || ext == ".mjs" || ext == ".cjs" || ext == ".json";
}

void attach_function_code(Pattern& pattern, const std::filesystem::path& template_dir, Diagnostics& diagnostics) {
    namespace fs = std::filesystem;
    for (std::size_t i = 0; i < pattern.nodes.size(); ++i) {
        NodeSpec& n = pattern.nodes[i];
        if (n.type != "lambda") continue;
        Json& c = n.config;
        const auto uri = c.find("CodeUri");
        if (uri == c.end() || !uri->is_string() || c.contains("InlineCode") || c.contains("CodeFiles")) continue;
        const std::string path_text = "/nodes/" + std::to_string(i) + "/config/CodeUri";
        const fs::path root = template_dir / uri->get<std::string>();
        std::error_code ec;
        std::vector<fs::path> files;
        if (fs::is_regular_file(root, ec)) {
            files.push_back(root);
        } else if (fs::is_directory(root, ec)) {
            for (auto it = fs::recursive_directory_iterator(root, ec); !ec && it != fs::recursive_directory_iterator();
                 it.increment(ec)) {
                if (it->is_directory() && it->path().filename() == "node_modules") {
                    it.disable_recursion_pending();
                    continue;
                }
                if (it->is_regular_file() && is_function_code_file(it->path())) files.push_back(it->path());
            }
        } else {
            diagnostics.warning(path_text,
                                "CodeUri '" + uri->get<std::string>() + "' is not a file or folder beside the template",
                                "the function runs its DurationMs model");
            continue;
        }
        std::sort(files.begin(), files.end());
        Json code = Json::object();
        std::uintmax_t bytes = 0;
        for (const fs::path& f : files) {
            bytes += fs::file_size(f, ec);
            if (code.size() >= kMaxCodeFiles || bytes > kMaxCodeBytes) {
                diagnostics.warning(path_text,
                                    "CodeUri '" + uri->get<std::string>() + "' holds more than " +
                                        std::to_string(kMaxCodeFiles) + " code files or 2 MB; the rest are left out",
                                    "");
                break;
            }
            std::ifstream in(f, std::ios::binary);
            const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
            const fs::path rel = fs::is_directory(root, ec) ? fs::relative(f, root, ec) : f.filename();
            code[rel.generic_string()] = text;
        }
        if (!code.empty()) c["CodeFiles"] = std::move(code);
    }
}

}  // namespace sim::cli
