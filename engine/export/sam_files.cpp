// sam_files.cpp — see sam_files.h. What AWS does, and what is done here:
//  - AWS::Include inserts the file at Location where the Fn::Transform stands
//    (https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/transform-aws-include.html);
//    a local path is read beside the template (as `sam deploy` uploads it), an s3:// one cannot be.
//  - AWS::Serverless::StateMachine DefinitionUri (a local file or an S3 location) is the
//    definition, DefinitionSubstitutions replace its ${name} placeholders
//    (https://docs.aws.amazon.com/serverless-application-model/latest/developerguide/sam-resource-statemachine.html);
//    AWS::StepFunctions::StateMachine has Definition / DefinitionString / DefinitionS3Location and
//    the same substitutions
//    (https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-stepfunctions-statemachine.html).
//  - AWS::Serverless::Api / HttpApi DefinitionUri is the OpenAPI document (DefinitionBody).
// A placeholder whose value is an intrinsic ({"Fn::GetAtt": …}, {"Ref": …}) keeps the intrinsic: the
// whole string becomes it when the string is only the placeholder, else an Fn::Sub; the resolver
// (sam_resolve.cpp) and the wiring (sam_import_definitions.cpp) read those later.
#include "export/sam_files.h"

#include "export/yaml_parse.h"
#include "pattern/json_guard.h"

#include <map>

namespace sim::sami {

namespace {

std::string escape_pointer(const std::string& key) {
    std::string out;
    for (char c : key) out += c == '/' ? std::string("~1") : c == '~' ? std::string("~0") : std::string(1, c);
    return out;
}

bool is_intrinsic(const Json& v) {
    return v.is_object() && v.size() == 1 && (v.contains("Ref") || v.begin().key().rfind("Fn::", 0) == 0);
}

// ---- Section: reading files ---------------------------------------------------------------------

struct Reader {
    const ImportOptions& options;
    Diagnostics& d;
    ImportSummary& summary;

    // The file's content parsed (JSON when it starts with '{' or '[', else YAML); nullopt with a
    // warning at `path` when it is not available or does not parse.
    std::optional<Json> read(const std::string& location, const std::string& path, const char* what) {
        std::string rel = location;
        while (rel.rfind("./", 0) == 0) rel = rel.substr(2);
        if (rel.rfind("s3://", 0) == 0 || rel.rfind("https://", 0) == 0) {
            d.warning(path, std::string(what) + " '" + location +
                                "' is in Amazon S3, which the import cannot read; put the file beside the template "
                                "and name it by a relative path");
            return std::nullopt;
        }
        std::optional<std::string> text = options.read_file ? options.read_file(rel) : std::nullopt;
        if (!text) {
            d.warning(path, std::string(what) + " '" + rel +
                                "' was not found beside the template (the path is relative to the template's "
                                "folder); the resource keeps what the template has inline");
            summary.assumed.push_back(std::string(what) + " '" + rel + "' not found: left out");
            return std::nullopt;
        }
        const std::size_t first = text->find_first_not_of(" \t\r\n");
        if (first != std::string::npos && ((*text)[first] == '{' || (*text)[first] == '[')) {
            JsonText json = parse_json_text(*text);
            if (json.ok) return std::move(json.value);
            d.warning(path, std::string(what) + " '" + rel + "' is not valid JSON (" + json.where() + "); left out");
            return std::nullopt;
        }
        YamlParseResult y = parse_yaml(*text);
        if (y.ok()) return std::move(y.value);
        d.warning(path, std::string(what) + " '" + rel + "' is not valid YAML (line " + std::to_string(y.line) +
                            ", column " + std::to_string(y.column) + ": " + y.error + "); left out");
        return std::nullopt;
    }

    // Fn::Transform AWS::Include anywhere: the object holding it becomes the file's content (merged
    // with its other keys when the content is an object too).
    void includes(Json& v, const std::string& path, int depth = 0) {
        if (depth > 64) return;
        if (v.is_array()) {
            for (std::size_t i = 0; i < v.size(); ++i) includes(v[i], path + "/" + std::to_string(i), depth + 1);
            return;
        }
        if (!v.is_object()) return;
        if (auto t = v.find("Fn::Transform");
            t != v.end() && t->is_object() && t->value("Name", Json()) == "AWS::Include") {
            const Json params = t->value("Parameters", Json::object());
            const Json loc = params.is_object() ? params.value("Location", Json()) : Json();
            const std::string here = path + "/Fn::Transform";
            if (!loc.is_string()) {
                d.warning(here + "/Parameters/Location", "AWS::Include needs Location as a text path; left out");
                return;
            }
            std::optional<Json> content = read(loc.get<std::string>(), here, "AWS::Include Location");
            if (!content) return;
            if (depth < 8) includes(*content, path, depth + 8);  // an included file may include others
            Json rest = v;
            rest.erase("Fn::Transform");
            if (rest.empty() || !content->is_object()) {
                v = std::move(*content);
            } else {
                for (auto it = content->begin(); it != content->end(); ++it) rest[it.key()] = it.value();
                v = std::move(rest);
            }
            return;
        }
        for (auto it = v.begin(); it != v.end(); ++it)
            includes(it.value(), path + "/" + escape_pointer(it.key()), depth + 1);
    }
};

// ---- Section: substitutions ---------------------------------------------------------------------

bool has_placeholder(const Json& v) {
    if (v.is_string()) return v.get<std::string>().find("${") != std::string::npos;
    if (v.is_array() || v.is_object())
        for (const auto& x : v)
            if (has_placeholder(x)) return true;
    return false;
}

}  // namespace

Json substitute_text(const std::string& text, const Json& vars, bool implicit_refs) {
    struct Piece {
        std::string literal;  // text, or the placeholder's name when is_var
        bool is_var = false;
        Json value;  // the placeholder's value when it has one
    };
    std::vector<Piece> pieces;
    bool intrinsic = false;
    std::size_t pos = 0;
    while (pos < text.size()) {
        const std::size_t open = text.find("${", pos);
        const std::size_t close = open == std::string::npos ? std::string::npos : text.find('}', open);
        if (close == std::string::npos) {
            pieces.push_back({text.substr(pos), false, Json()});
            break;
        }
        if (open > pos) pieces.push_back({text.substr(pos, open - pos), false, Json()});
        const std::string name = text.substr(open + 2, close - open - 2);
        pos = close + 1;
        Piece p{name, true, Json()};
        if (implicit_refs && !name.empty() && name[0] == '!') {  // Fn::Sub's escape: ${!x} is the text ${x}
            pieces.push_back({"${" + name.substr(1) + "}", false, Json()});
            continue;
        }
        if (vars.is_object() && vars.contains(name)) {
            p.value = vars[name];
        } else if (implicit_refs && !name.empty()) {
            const auto dot = name.find('.');
            p.value = dot == std::string::npos
                          ? Json{{"Ref", name}}
                          : Json{{"Fn::GetAtt", Json::array({name.substr(0, dot), name.substr(dot + 1)})}};
        } else {
            pieces.push_back({"${" + name + "}", false, Json()});  // no value: left as written
            continue;
        }
        if (p.value.is_number() || p.value.is_boolean()) p.value = p.value.dump();
        if (!p.value.is_string()) intrinsic = true;
        pieces.push_back(std::move(p));
    }
    if (pieces.size() == 1 && pieces[0].is_var && !pieces[0].value.is_string()) return pieces[0].value;
    std::string out;
    Json sub_vars = Json::object();
    for (const Piece& p : pieces) {
        if (!p.is_var) {
            // In an Fn::Sub a literal "${x}" must be written "${!x}".
            out += intrinsic && p.literal.rfind("${", 0) == 0 ? "${!" + p.literal.substr(2) : p.literal;
        } else if (p.value.is_string()) {
            out += p.value.get<std::string>();
        } else {
            out += "${" + p.literal + "}";
            if (vars.is_object() && vars.contains(p.literal)) sub_vars[p.literal] = p.value;
        }
    }
    if (!intrinsic) return out;
    if (sub_vars.empty()) return Json{{"Fn::Sub", out}};
    return Json{{"Fn::Sub", Json::array({out, sub_vars})}};
}

Json substitute_definition(const Json& v, const Json& vars, bool implicit_refs) {
    if (v.is_string()) return substitute_text(v.get<std::string>(), vars, implicit_refs);
    if (v.is_array()) {
        Json out = Json::array();
        for (const auto& x : v) out.push_back(substitute_definition(x, vars, implicit_refs));
        return out;
    }
    if (v.is_object()) {
        if (is_intrinsic(v)) return v;
        Json out = Json::object();
        for (auto it = v.begin(); it != v.end(); ++it)
            out[it.key()] = substitute_definition(it.value(), vars, implicit_refs);
        return out;
    }
    return v;
}

namespace {

// DefinitionString as text with placeholders: a string, an Fn::Sub (its own ${X} name resources,
// parameters and pseudo parameters), an Fn::Join of those. False when it is something else.
bool definition_text(const Json& v, std::string& text, Json& vars, bool& implicit_refs) {
    if (v.is_string()) {
        text += v.get<std::string>();
        return true;
    }
    if (!v.is_object() || v.size() != 1) return false;
    if (auto s = v.find("Fn::Sub"); s != v.end()) {
        implicit_refs = true;
        if (s->is_string()) {
            text += s->get<std::string>();
            return true;
        }
        if (s->is_array() && s->size() == 2 && (*s)[0].is_string() && (*s)[1].is_object()) {
            text += (*s)[0].get<std::string>();
            for (auto it = (*s)[1].begin(); it != (*s)[1].end(); ++it) vars[it.key()] = it.value();
            return true;
        }
        return false;
    }
    if (auto j = v.find("Fn::Join");
        j != v.end() && j->is_array() && j->size() == 2 && (*j)[0].is_string() && (*j)[1].is_array()) {
        const std::string sep = (*j)[0].get<std::string>();
        for (std::size_t i = 0; i < (*j)[1].size(); ++i) {
            if (i) text += sep;
            const Json& part = (*j)[1][i];
            if (definition_text(part, text, vars, implicit_refs)) continue;
            if (!is_intrinsic(part)) return false;
            const std::string name = "join" + std::to_string(i);
            vars[name] = part;
            text += "${" + name + "}";
        }
        return true;
    }
    return false;
}

void state_machine(Reader& r, const std::string& logical, Json& props) {
    const std::string path = "/Resources/" + escape_pointer(logical) + "/Properties";
    Json subs = props.value("DefinitionSubstitutions", Json::object());
    if (!subs.is_object()) subs = Json::object();
    bool implicit_refs = false;
    if (!props.contains("Definition")) {
        if (auto uri = props.find("DefinitionUri"); uri != props.end()) {
            if (uri->is_string()) {
                if (auto def = r.read(uri->get<std::string>(), path + "/DefinitionUri", "DefinitionUri")) {
                    props["Definition"] = std::move(*def);
                    props.erase("DefinitionUri");
                }
            } else {
                r.d.warning(path + "/DefinitionUri",
                            "DefinitionUri names an Amazon S3 object, which the import cannot read; give the "
                            "definition as a file beside the template or inline as Definition");
            }
        } else if (props.contains("DefinitionS3Location")) {
            r.d.warning(path + "/DefinitionS3Location",
                        "DefinitionS3Location names an Amazon S3 object, which the import cannot read; give the "
                        "definition inline as Definition or DefinitionString");
        } else if (auto ds = props.find("DefinitionString"); ds != props.end()) {
            std::string text;
            Json vars = subs;
            if (!definition_text(*ds, text, vars, implicit_refs)) return;
            // Placeholders with a text value go into the JSON text; those with an intrinsic stay
            // in their strings and are put back after parsing.
            Json plain = Json::object(), rest = Json::object();
            for (auto it = vars.begin(); it != vars.end(); ++it)
                (is_intrinsic(it.value()) ? rest : plain)[it.key()] = it.value();
            const Json pre = substitute_text(text, plain, false);
            if (!pre.is_string()) return;
            JsonText json = parse_json_text(pre.get<std::string>());
            if (!json.ok) {
                // An Fn::Sub may still hide placeholders outside strings; the state machine reports it.
                if (!implicit_refs)
                    r.d.warning(path + "/DefinitionString",
                                "DefinitionString is not valid JSON (" + json.where() + ")");
                return;
            }
            props["Definition"] = substitute_definition(json.value, rest, implicit_refs);
            props.erase("DefinitionString");
            props.erase("DefinitionSubstitutions");
            return;
        }
    }
    if (props.contains("Definition") && !subs.empty() && has_placeholder(props["Definition"])) {
        props["Definition"] = substitute_definition(props["Definition"], subs, false);
        props.erase("DefinitionSubstitutions");
    }
}

void api_definition(Reader& r, const std::string& logical, Json& props) {
    auto uri = props.find("DefinitionUri");
    if (uri == props.end() || props.contains("DefinitionBody")) return;
    const std::string path = "/Resources/" + escape_pointer(logical) + "/Properties/DefinitionUri";
    if (!uri->is_string()) {
        r.d.warning(path,
                    "DefinitionUri names an Amazon S3 object, which the import cannot read; its routes are left out");
        return;
    }
    if (auto body = r.read(uri->get<std::string>(), path, "DefinitionUri")) {
        props["DefinitionBody"] = std::move(*body);
        props.erase("DefinitionUri");
    }
}

}  // namespace

Json load_template_files(const Json& root, const ImportOptions& options, Diagnostics& d, ImportSummary& summary) {
    Reader r{options, d, summary};
    Json out = root;
    // AWS::Include is processed first, as CloudFormation does (Parameters may not hold one).
    for (auto it = out.begin(); it != out.end(); ++it)
        if (it.key() != "Parameters") r.includes(it.value(), "/" + escape_pointer(it.key()));
    if (!out.contains("Resources") || !out["Resources"].is_object()) return out;
    for (auto it = out["Resources"].begin(); it != out["Resources"].end(); ++it) {
        Json& res = it.value();
        if (!res.is_object() || !res.contains("Properties") || !res["Properties"].is_object()) continue;
        const std::string type = res.value("Type", std::string());
        if (type == "AWS::Serverless::StateMachine" || type == "AWS::StepFunctions::StateMachine")
            state_machine(r, it.key(), res["Properties"]);
        else if (type == "AWS::Serverless::Api" || type == "AWS::Serverless::HttpApi")
            api_definition(r, it.key(), res["Properties"]);
    }
    return out;
}

}  // namespace sim::sami
