// export_command.cpp — `slsim export sam FILE [--yaml|--json]`, `slsim export mermaid FILE`
// and `slsim import TEMPLATE` (JSON or YAML). Output on stdout; diagnostics and export notes on stderr.
// Exit 0 on success, 1 when the input has errors, 2 on bad arguments or unreadable files.
#include "cli/cli.h"
#include "cli/function_code_files.h"
#include "export/mermaid.h"
#include "export/sam_export.h"
#include "export/sam_import.h"
#include "export/yaml_emit.h"

#include <cstdio>

namespace sim::cli {

namespace {

void print_diagnostics(const Diagnostics& d, const std::string& file) {
    for (const auto& item : d.items()) std::fprintf(stderr, "%s: %s\n", file.c_str(), format_diagnostic(item).c_str());
}

int usage_error(const char* what) {
    std::fprintf(stderr,
                 "slsim: %s\nusage: slsim export sam FILE [--yaml|--json]\n"
                 "       slsim export mermaid FILE\n       slsim import TEMPLATE  (JSON or YAML)\n",
                 what);
    return 2;
}

}  // namespace

int export_command(const Args& args) {
    if (args.size() < 2) return usage_error("export needs a format (sam, mermaid) and a pattern file");
    const std::string& format = args[0];
    const std::string& file = args[1];
    bool yaml = true;
    for (std::size_t i = 2; i < args.size(); ++i) {
        if (args[i] == "--yaml")
            yaml = true;
        else if (args[i] == "--json")
            yaml = false;
        else
            return usage_error(("unknown option '" + args[i] + "'").c_str());
    }
    if (format != "sam" && format != "mermaid") return usage_error(("unknown export format '" + format + "'").c_str());
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
    const std::string body =
        yaml ? to_yaml(out.tmpl)
             : out.tmpl.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n";
    std::fputs(body.c_str(), stdout);
    return 0;
}

int import_command(const Args& args) {
    if (args.size() != 1) return usage_error("import needs one template file");
    std::string text, error;
    if (!read_file(args[0], text, error)) {
        std::fprintf(stderr, "slsim import: %s\n", error.c_str());
        return 2;
    }
    ImportResult r = import_template(text);
    // Functions' JavaScript under CodeUri, relative to the template, so imported handlers run.
    if (r.ok()) attach_function_code(r.pattern, std::filesystem::path(args[0]).parent_path(), r.diagnostics);
    print_diagnostics(r.diagnostics, args[0]);
    if (!r.ok()) return 1;
    std::fputs(write_pattern(r.pattern).c_str(), stdout);
    return 0;
}

}  // namespace sim::cli
