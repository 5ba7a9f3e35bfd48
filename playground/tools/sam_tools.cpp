// sam_tools.cpp — SAM/CloudFormation export and import for the page, as a separate wasm module
// (site/tools/sam_tools.js) that web/sam.js loads only when the user asks for a template: the
// exporter and importer would not fit the page's 800 KB download budget, and most visits never
// need them. Same engine code as `slsim export sam` / `slsim import`; JSON in, JSON out.
#include "export/sam_export.h"
#include "export/sam_import.h"
#include "pattern/pattern.h"
#include "platform/json_reply.h"

#include <emscripten/emscripten.h>

#include <optional>
#include <string>
#include <vector>

namespace {

using pg::diagnostics_json;
const char* out(const sim::Json& j) {
    return pg::json_reply(j);
}

}  // namespace

extern "C" {

// {ok, text, filename, notes} for a pattern's JSON text; yaml != 0 writes YAML, else JSON.
// A pattern with errors still exports what it has (as the CLI does); unreadable JSON does not.
EMSCRIPTEN_KEEPALIVE const char* sam_export(const char* pattern_json, int yaml) {
    const sim::ParseResult parsed = sim::parse_pattern(pattern_json ? pattern_json : "");
    if (!parsed.ok() && parsed.pattern.nodes.empty())
        return out({{"ok", false},
                    {"error", "the pattern does not load"},
                    {"diagnostics", diagnostics_json(parsed.diagnostics)}});
    const sim::SamExport e = sim::export_sam(parsed.pattern);
    const std::string base = parsed.pattern.name.empty() ? "pattern" : parsed.pattern.name;
    return out({{"ok", true},
                {"filename", base + (yaml ? ".template.yaml" : ".template.json")},
                {"text", yaml ? sim::export_sam_yaml(parsed.pattern) : sim::export_sam_json(parsed.pattern)},
                {"notes", e.notes}});
}

// {ok, pattern, diagnostics, summary}: a SAM/CloudFormation template (JSON or YAML text) as a pattern
// object. `files_json`: the project's files beside the template (an opened folder or zip), as
// {"relative/path": "text"}, or empty: CodeUri, DefinitionUri and AWS::Include read them.
EMSCRIPTEN_KEEPALIVE const char* sam_import(const char* template_text, const char* files_json) {
    const sim::Json files = sim::Json::parse(files_json ? files_json : "", nullptr, false);
    sim::ImportOptions options;
    if (files.is_object()) {
        options.read_file = [&files](const std::string& path) -> std::optional<std::string> {
            const sim::Json* f = sim::member(files, path);
            return f && f->is_string() ? std::optional<std::string>(f->get<std::string>()) : std::nullopt;
        };
        options.list_files = [&files](const std::string& path) {
            std::vector<std::string> found;
            for (const auto& [name, text] : files.items())
                if (name == path || path.empty() || name.rfind(path + "/", 0) == 0) found.push_back(name);
            return found;
        };
    }
    const sim::ImportResult r = sim::import_template(template_text ? template_text : "", options);
    sim::Json res = {{"ok", r.ok()}, {"diagnostics", diagnostics_json(r.diagnostics)}};
    if (r.ok()) {
        res["pattern"] = sim::pattern_to_json(r.pattern);
        res["summary"] = sim::import_summary_text(r.summary);
    }
    return out(res);
}

}  // extern "C"
