// sam_code_uri.cpp — CodeUri files into CodeFiles (see sam_code_uri.h).
#include "export/sam_code_uri.h"
#include "js/typescript.h"

#include <algorithm>

namespace sim {

namespace {

bool ends_with(std::string_view s, std::string_view tail) {
    return s.size() >= tail.size() && s.substr(s.size() - tail.size()) == tail;
}

bool has_code(const Json& c) {
    return c.contains("InlineCode") || c.contains("CodeFiles") ||
           (c.contains("Code") && c["Code"].is_object() && c["Code"].contains("ZipFile"));
}

// "src/" and "./src" name the same folder as "src".
std::string folder_key(std::string path) {
    while (path.starts_with("./")) path.erase(0, 2);
    while (!path.empty() && path.back() == '/') path.pop_back();
    return path == "." ? std::string() : path;
}

}  // namespace

bool is_function_code_file(std::string_view path) {
    return ends_with(path, ".js") || ends_with(path, ".mjs") || ends_with(path, ".cjs") || ends_with(path, ".json") ||
           js::is_typescript_path(path);
}

void attach_function_code(Pattern& pattern, const ImportOptions& options, Diagnostics& d, ImportSummary& summary) {
    for (std::size_t i = 0; i < pattern.nodes.size(); ++i) {
        NodeSpec& n = pattern.nodes[i];
        if (n.type != "lambda") continue;
        Json& c = n.config;
        const std::string runtime = c.value("Runtime", Json("nodejs22.x")).is_string() ? c.value("Runtime", "") : "";
        const bool node_js = runtime.empty() || runtime.starts_with("nodejs");
        const auto uri = c.find("CodeUri");
        const bool code_uri = uri != c.end() && uri->is_string();
        if (!node_js) {
            if (code_uri || has_code(c) || c.contains("ImageUri") || c.value("PackageType", "") == "Image")
                summary.code.push_back(n.id + " (" + (runtime.empty() ? std::string("container image") : runtime) +
                                       "): only Node.js code runs in the playground; its latency model runs instead");
            continue;
        }
        if (has_code(c)) continue;
        if (!code_uri) {
            if (c.value("PackageType", "") == "Image" || c.contains("ImageUri"))
                summary.code.push_back(n.id + ": a container image; its latency model runs instead");
            continue;
        }
        const std::string path_text = "/nodes/" + std::to_string(i) + "/config/CodeUri";
        const std::string root = folder_key(uri->get<std::string>());
        if (!options.list_files || !options.read_file) {
            summary.code.push_back(n.id + ": CodeUri '" + root +
                                   "' was not read (no files were given with the template)");
            continue;
        }
        std::vector<std::string> files = options.list_files(root);
        std::erase_if(files, [](const std::string& f) { return !is_function_code_file(f); });
        std::sort(files.begin(), files.end());
        if (files.empty()) {
            d.warning(path_text, "CodeUri '" + root + "' holds no JavaScript beside the template",
                      "the function runs its DurationMs model");
            summary.code.push_back(n.id + ": no JavaScript at CodeUri '" + root + "'; its latency model runs instead");
            continue;
        }
        Json code = Json::object();
        std::size_t bytes = 0;
        for (const std::string& f : files) {
            std::optional<std::string> text = options.read_file(f);
            if (!text) continue;
            bytes += text->size();
            if (code.size() >= kMaxCodeFiles || bytes > kMaxCodeBytes) {
                d.warning(path_text, "CodeUri '" + root + "' holds more than " + std::to_string(kMaxCodeFiles) +
                                         " code files or 2 MB; the rest are left out");
                break;
            }
            // Keyed relative to CodeUri: a single file by its name.
            const bool inside =
                root.empty() || (f.size() > root.size() && f.compare(0, root.size() + 1, root + "/") == 0);
            const std::string key = !inside ? f.substr(f.rfind('/') + 1) : root.empty() ? f : f.substr(root.size() + 1);
            code[key] = std::move(*text);
        }
        if (!code.empty()) c["CodeFiles"] = std::move(code);
    }
}

}  // namespace sim
