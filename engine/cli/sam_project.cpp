// sam_project.cpp — a SAM template and its functions' code files into a folder (see the header).
#include "cli/sam_project.h"

#include "export/sam_code_uri.h"
#include "export/yaml_emit.h"

#include <fstream>
#include <iterator>
#include <map>
#include <optional>
#include <set>

namespace sim::cli {

namespace fs = std::filesystem;

namespace {

bool write_text(const fs::path& file, const std::string& text, std::string& error) {
    std::error_code ec;
    fs::create_directories(file.parent_path(), ec);
    if (ec) {
        error = "cannot create folder " + file.parent_path().string() + ": " + ec.message();
        return false;
    }
    std::ofstream out(file, std::ios::binary | std::ios::trunc);
    out.write(text.data(), static_cast<std::streamsize>(text.size()));
    out.close();
    if (!out) {
        error = "cannot write " + file.string();
        return false;
    }
    return true;
}

// Code files under `folder` that an import of the template would read besides `written`.
void find_stray_code(const fs::path& folder, const std::set<fs::path>& written, const std::string& node,
                     std::vector<std::string>& warnings) {
    std::error_code ec;
    for (auto it = fs::recursive_directory_iterator(folder, ec); !ec && it != fs::recursive_directory_iterator();
         it.increment(ec)) {
        if (it->is_directory() && it->path().filename() == "node_modules") {
            it.disable_recursion_pending();
            continue;
        }
        if (it->is_regular_file() && is_function_code_file(it->path().string()) &&
            !written.count(it->path().lexically_normal()))
            warnings.push_back(it->path().generic_string() + " is not part of the code of node '" + node +
                               "', but `slsim import` reads every code file under its CodeUri: delete it");
    }
}

}  // namespace

std::string sam_template_text(const SamExport& out, bool yaml) {
    return yaml ? to_yaml(out.tmpl)
                : out.tmpl.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n";
}

WrittenProject write_sam_project(const SamExport& out, const fs::path& dir, bool yaml) {
    WrittenProject r;
    if (!out.errors.empty()) {
        r.error = out.errors.front();
        return r;
    }
    std::error_code ec;
    if (fs::exists(dir, ec) && !fs::is_directory(dir, ec)) {
        r.error = dir.string() + " exists and is not a folder";
        return r;
    }
    const fs::path tmpl = dir / (yaml ? "template.yaml" : "template.json");
    if (!write_text(tmpl, sam_template_text(out, yaml), r.error)) return r;
    r.written.push_back(tmpl);

    std::map<std::string, std::string> folders;  // folder → node
    std::map<std::string, std::uintmax_t> bytes;
    std::map<std::string, std::size_t> counts;
    std::set<fs::path> written;
    for (const SamFile& f : out.files) {
        const fs::path file = dir / fs::path(f.folder + f.path);
        if (!write_text(file, f.text, r.error)) return r;
        r.written.push_back(file);
        written.insert(file.lexically_normal());
        folders[f.folder] = f.node;
        if (!is_function_code_file(file.string()))
            r.warnings.push_back(file.generic_string() +
                                 " is written, but `slsim import` reads only .js, .mjs, .cjs and .json files: it will "
                                 "not come back with the function's code");
        else {
            bytes[f.folder] += f.text.size();
            ++counts[f.folder];
        }
    }
    for (const auto& [folder, node] : folders) {
        if (counts[folder] > kMaxCodeFiles || bytes[folder] > kMaxCodeBytes)
            r.warnings.push_back("node '" + node + "' has more than " + std::to_string(kMaxCodeFiles) +
                                 " code files or 2 MB: `slsim import` reads only that much back");
        find_stray_code(dir / fs::path(folder), written, node, r.warnings);
    }
    return r;
}

namespace {

// The files under `relative` (a folder or a file) beside the template, relative to the template's
// folder; node_modules is left out, as the page's project reader leaves it out.
std::vector<std::string> project_files(const std::filesystem::path& dir, const std::string& relative) {
    namespace fs = std::filesystem;
    std::vector<std::string> out;
    std::error_code ec;
    const fs::path root = (dir / relative).lexically_normal();
    if (fs::is_regular_file(root, ec)) {
        out.push_back(fs::relative(root, dir.empty() ? fs::path(".") : dir, ec).generic_string());
        return out;
    }
    if (!fs::is_directory(root, ec)) return out;
    for (auto it = fs::recursive_directory_iterator(root, ec); !ec && it != fs::recursive_directory_iterator();
         it.increment(ec)) {
        if (it->is_directory() && it->path().filename() == "node_modules") {
            it.disable_recursion_pending();
            continue;
        }
        if (it->is_regular_file() && out.size() < 10000)
            out.push_back(fs::relative(it->path(), dir.empty() ? fs::path(".") : dir, ec).generic_string());
    }
    return out;
}

}  // namespace

void read_project_files(ImportOptions& options, const std::filesystem::path& dir) {
    options.read_file = [dir](const std::string& relative) -> std::optional<std::string> {
        std::error_code ec;
        if (!std::filesystem::is_regular_file(dir / relative, ec)) return std::nullopt;
        std::ifstream in(dir / relative, std::ios::binary);
        if (!in) return std::nullopt;
        return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    };
    options.list_files = [dir](const std::string& relative) { return project_files(dir, relative); };
}

}  // namespace sim::cli
