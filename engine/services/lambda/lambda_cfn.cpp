// lambda_cfn.cpp — what CloudFormation requires of a SAM function that a design may leave out
// (Runtime, Handler, CodeUri), its code as SAM holds it, and its environment's references by
// logical id. Export-only: this file is not part of the services layer but of
// slsim_cfn_completion, which the CLI, the tests and the SAM tools module link and the page does
// not (the page never exports, and its download has a budget). The hook is declared weak in
// lambda.h, so in the page the contract's CfnResource::complete is null.
#include "services/lambda/lambda.h"

#include "core/contract.h"
#include "core/message.h"

#include <string>

namespace sim::svc {

namespace {

// The sim-only CodeFiles (path → JavaScript text) as SAM has it: CodeUri naming a folder beside
// the template, src/<node id>/, that the files are written into. CodeFiles itself is not SAM and
// never reaches the template.
void export_code_files(CfnDraft& d, const Json& files) {
    d.leave_out("CodeFiles");
    for (const char* other : {"InlineCode", "Code", "ImageUri"})
        if (d.config().contains(other)) {
            d.error(std::string("has both CodeFiles and ") + other +
                    "; a SAM function's code is one of them: " + "move the code into CodeFiles, or remove CodeFiles");
            return;
        }
    if (!files.is_object()) {
        d.error("CodeFiles must be an object of file path → JavaScript text, got " + std::string(files.type_name()));
        return;
    }
    const std::string folder = "src/" + d.node_id() + "/";
    for (const auto& [path, text] : files.items()) {
        if (!text.is_string()) {
            d.error("CodeFiles file '" + path + "' must be text (a string), got " + std::string(text.type_name()));
            continue;
        }
        d.add_file("CodeFiles", folder, path, text.get<std::string>());
    }
    d.set("CodeUri", folder);
}

// Environment.Variables name resources by node id ({"Ref": "orders-table"}), as the simulation
// resolves them (lambda_code.cpp); the template names them by logical id, and an import renames
// them back (sam_import.cpp). Not kept in Metadata: CloudFormation resolves a Ref there too.
void export_environment(CfnDraft& d) {
    const Json& config = d.config();
    const auto env = config.find("Environment");
    if (env == config.end() || !env->is_object()) return;
    const auto vars = env->find("Variables");
    if (vars == env->end() || !vars->is_object()) return;
    Json rewritten = *env;
    bool changed = false;
    auto logical = [&](const Json& id) {
        const std::string l = id.is_string() ? d.logical_id_of(id.get<std::string>()) : std::string();
        changed |= !l.empty() && l != id;
        return l.empty() ? id : Json(l);
    };
    Json& variables = rewritten["Variables"];
    for (auto it = variables.begin(); it != variables.end(); ++it) {
        Json& value = it.value();
        if (!value.is_object() || value.size() != 1) continue;
        if (auto r = value.find("Ref"); r != value.end()) {
            *r = logical(*r);
        } else if (auto g = value.find("Fn::GetAtt"); g != value.end()) {
            if (g->is_array() && g->size() == 2) {
                (*g)[0] = logical((*g)[0]);
            } else if (g->is_string()) {
                const std::string s = g->get<std::string>();
                const std::size_t dot = s.find('.');
                if (dot != std::string::npos) {
                    const Json l = logical(Json(s.substr(0, dot)));
                    *g = l.get<std::string>() + s.substr(dot);
                }
            }
        }
    }
    if (changed) d.set("Environment", CfnDraft::ordered(rewritten));
}

}  // namespace

void complete_sam_function(CfnDraft& d) {
    const Json& config = d.config();
    const auto runtime = config.find("Runtime");
    const bool python = runtime != config.end() && runtime->is_string() &&
                        runtime->get_ref<const std::string&>().rfind("python", 0) == 0;
    // A container image brings its own runtime and entry point: SAM refuses Runtime, Handler and
    // Layers beside PackageType Image.
    const bool image = config.value("PackageType", Json("Zip")) == "Image" || config.contains("ImageUri");
    if (!image) {
        d.generate("Runtime", "nodejs22.x");  // nodejs20.x: new functions refused since 2026-06-01
        d.generate("Handler", python ? "app.handler" : "index.handler");
    }
    export_environment(d);
    if (const auto files = config.find("CodeFiles"); files != config.end()) {
        export_code_files(d, *files);
        return;
    }
    // AWS::Lambda::Function's Code.ZipFile (one file, as an import reads it) is SAM's InlineCode;
    // Code itself stays in Metadata, so an import gives back the same config.
    if (const auto code = config.find("Code");
        code != config.end() && code->is_object() && !config.contains("InlineCode"))
        if (const auto zip = code->find("ZipFile"); zip != code->end() && zip->is_string()) {
            d.generate("InlineCode", *zip);
            return;
        }
    if (!config.contains("InlineCode") && !config.contains("ImageUri"))
        d.generate("CodeUri", "src/" + d.node_id() + "/");
}

}  // namespace sim::svc
