// export_command.cpp — `slsim export sam FILE [--yaml|--json] [--out DIR]`, `slsim export mermaid
// FILE` and `slsim import TEMPLATE` (JSON or YAML). Output on stdout (with --out: the template and
// the functions' code files written into DIR, their names on stdout); diagnostics and export notes
// on stderr. Exit 0 on success, 1 when the input has errors, 2 on bad arguments, unreadable or
// unwritable files.
#include "cli/cli.h"
#include "cli/sam_project.h"
#include "export/mermaid.h"
#include "export/sam_export.h"
#include "export/sam_import.h"

#include <cstdio>
#include <filesystem>
#include <map>
#include <optional>
#include <vector>

namespace sim::cli {

namespace {

void print_diagnostics(const Diagnostics& d, const std::string& file) {
    for (const auto& item : d.items()) std::fprintf(stderr, "%s: %s\n", file.c_str(), format_diagnostic(item).c_str());
}

int usage_error(const char* what) {
    std::fprintf(stderr,
                 "slsim: %s\nusage: slsim export sam FILE [--yaml|--json] [--out DIR]\n"
                 "       slsim export mermaid FILE\n       slsim import TEMPLATE [--no-traffic]  (JSON or YAML)\n",
                 what);
    return 2;
}

}  // namespace

int export_command(const Args& args) {
    if (args.size() < 2) return usage_error("export needs a format (sam, mermaid) and a pattern file");
    const std::string& format = args[0];
    const std::string& file = args[1];
    bool yaml = true;
    std::string out_dir;
    for (std::size_t i = 2; i < args.size(); ++i) {
        if (args[i] == "--yaml") {
            yaml = true;
        } else if (args[i] == "--json") {
            yaml = false;
        } else if (args[i] == "--out") {
            if (i + 1 >= args.size() || args[i + 1].empty()) return usage_error("--out needs a folder");
            out_dir = args[++i];
        } else {
            return usage_error(("unknown option '" + args[i] + "'").c_str());
        }
    }
    if (format != "sam" && format != "mermaid") return usage_error(("unknown export format '" + format + "'").c_str());
    if (format == "mermaid" && !out_dir.empty()) return usage_error("--out is for export sam");
    std::string text, error;
    if (!read_file(file, text, error)) {
        std::fprintf(stderr, "slsim export: %s\n", error.c_str());
        return 2;
    }
    ParseResult parsed = parse_pattern(text);
    print_diagnostics(parsed.diagnostics, file);
    if (!parsed.ok()) return 1;
    if (format == "mermaid") {
        std::fputs(export_mermaid(parsed.pattern).c_str(), stdout);
        return 0;
    }
    SamExport out = export_sam(parsed.pattern);
    for (const std::string& note : out.notes) std::fprintf(stderr, "note: %s\n", note.c_str());
    if (!out.errors.empty()) {
        for (const std::string& e : out.errors) std::fprintf(stderr, "%s: error: %s\n", file.c_str(), e.c_str());
        return 1;
    }
    if (!out_dir.empty()) {
        const WrittenProject w = write_sam_project(out, out_dir, yaml);
        for (const auto& path : w.written) std::printf("wrote %s\n", path.generic_string().c_str());
        for (const std::string& warning : w.warnings) std::fprintf(stderr, "warning: %s\n", warning.c_str());
        if (!w.error.empty()) {
            std::fprintf(stderr, "slsim export: %s\n", w.error.c_str());
            return 2;
        }
        return 0;
    }
    // A template on stdout cannot carry files: say which functions' code is missing from it.
    std::map<std::string, std::pair<std::string, std::size_t>> files;  // node → folder, file count
    for (const SamFile& f : out.files) {
        files[f.node].first = f.folder;
        ++files[f.node].second;
    }
    for (const auto& [node, where] : files)
        std::fprintf(stderr,
                     "note: function '%s' has its code in %zu file%s (CodeFiles), which a template on stdout cannot "
                     "carry: its CodeUri %s is not written; use --out DIR to write the template and the code\n",
                     node.c_str(), where.second, where.second == 1 ? "" : "s", where.first.c_str());
    std::fputs(sam_template_text(out, yaml).c_str(), stdout);
    return 0;
}

int import_command(const Args& args) {
    std::vector<std::string> files;
    ImportOptions options;
    for (const auto& a : args) {
        if (a == "--no-traffic")
            options.entry_traffic = false;
        else if (!a.empty() && a[0] == '-')
            return usage_error(("unknown option " + a).c_str());
        else
            files.push_back(a);
    }
    if (files.size() != 1) return usage_error("import needs one template file");
    const std::string& file = files[0];
    std::string text, error;
    if (!read_file(file, text, error)) {
        std::fprintf(stderr, "slsim import: %s\n", error.c_str());
        return 2;
    }
    // Files the template names (CodeUri, DefinitionUri, AWS::Include …) are relative to its folder,
    // as the SAM CLI reads them.
    read_project_files(options, std::filesystem::path(file).parent_path());
    ImportResult r = import_template(text, options);
    print_diagnostics(r.diagnostics, file);
    if (!r.ok()) return 1;
    std::fputs(import_summary_text(r.summary).c_str(), stderr);
    std::fputs(write_pattern(r.pattern).c_str(), stdout);
    return 0;
}

}  // namespace sim::cli
