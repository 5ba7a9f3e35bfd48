// sam_import.cpp — template → pattern: structural checks with JSON pointers, our own Metadata
// (exact round trip, "cloudformation" nodes included), then foreign resources
// (sam_import_foreign.cpp), kept sections.
#include "export/sam_code_uri.h"
#include "export/sam_entry_traffic.h"
#include "export/sam_export.h"
#include "export/sam_files.h"
#include "export/sam_import_state.h"
#include "export/sam_mapping.h"
#include "export/sam_metadata_text.h"
#include "export/sam_resolve.h"
#include "export/yaml_parse.h"
#include "pattern/json_guard.h"
#include "pattern/routes.h"

#include <algorithm>

namespace sim {
namespace sami {

std::string ImportState::unique_id(const std::string& base) {
    std::string id = base.substr(0, 64);
    for (int n = 2; ids.count(id); ++n) {
        const std::string suffix = std::to_string(n);
        id = base.substr(0, 64 - suffix.size()) + suffix;
    }
    ids.insert(id);
    return id;
}

Json* ImportState::node(const std::string& id) {
    for (auto& n : nodes)
        if (n.value("id", "") == id) return &n;
    return nullptr;
}

void ImportState::add_edge(const std::string& from, const std::string& port, const std::string& to, Json config) {
    Json e = {{"from", from}, {"to", to}};
    if (port != "out") e["port"] = port;
    if (config.is_object() && !config.empty()) e["config"] = std::move(config);
    for (auto& old : edges) {
        if (old == e) return;
        // One target on several routes (a function behind GET and POST): one link with "Routes".
        if (old["from"] == e["from"] && old["to"] == e["to"] && old.value("port", "out") == port &&
            old.contains("config") && e.contains("config")) {
            std::vector<std::string> routes = routes_of(old["config"]);
            const std::vector<std::string> more = routes_of(e["config"]);
            if (routes.empty() || more.empty()) continue;
            for (const auto& r : more)
                if (std::find(routes.begin(), routes.end(), r) == routes.end()) routes.push_back(r);
            old["config"].erase("Route");
            old["config"]["Routes"] = routes;
            return;
        }
    }
    edges.push_back(std::move(e));
}

std::string ref_target(const Json& v) {
    if (!v.is_object() || v.size() != 1) return {};
    if (auto r = v.find("Ref"); r != v.end() && r->is_string()) return r->get<std::string>();
    if (auto g = v.find("Fn::GetAtt"); g != v.end()) {
        if (g->is_array() && !g->empty() && (*g)[0].is_string()) return (*g)[0].get<std::string>();
        if (g->is_string()) return g->get<std::string>().substr(0, g->get<std::string>().find('.'));
    }
    return {};
}

std::string ref_node(const ImportState& s, const Json& v) {
    auto it = s.node_of.find(ref_target(v));
    return it == s.node_of.end() ? std::string() : it->second;
}

Json resource_config(const Json& res, bool metadata_added) {
    Json config = res;
    auto md = config.find("Metadata");
    if (md != config.end() && md->is_object() && md->erase(kSamMetadataKey) && md->empty() && metadata_added)
        config.erase("Metadata");
    return config;
}

namespace {

// Environment.Variables name resources by logical id ({"Ref": "OrdersTable"}); the simulation
// resolves them by node id (lambda_code.cpp). Renamed where the two differ.
void environment_by_node_id(ImportState& s) {
    for (Json& n : s.nodes) {
        auto c = n.find("config");
        if (c == n.end() || !c->is_object()) continue;
        auto env = c->find("Environment");
        if (env == c->end() || !env->is_object()) continue;
        auto vars = env->find("Variables");
        if (vars == env->end() || !vars->is_object()) continue;
        for (auto it = vars->begin(); it != vars->end(); ++it) {
            Json& v = it.value();
            const std::string node = ref_node(s, v);
            const std::string logical = ref_target(v);
            if (node.empty() || node == logical) continue;
            if (auto r = v.find("Ref"); r != v.end())
                *r = node;
            else if (Json& g = v["Fn::GetAtt"]; g.is_array())
                g[0] = node;
            else
                g = node + g.get<std::string>().substr(logical.size());
        }
    }
}

std::string escape_pointer(const std::string& key) {
    std::string out;
    for (char c : key) {
        if (c == '~')
            out += "~0";
        else if (c == '/')
            out += "~1";
        else
            out += c;
    }
    return out;
}

// Every resource an object with a string Type; Properties and Metadata objects when present.
bool check_resources(const Json& root, Diagnostics& d) {
    auto rs = root.find("Resources");
    if (rs == root.end()) {
        d.error("", "missing \"Resources\": a template needs at least one resource");
        return false;
    }
    if (!rs->is_object()) {
        d.error("/Resources", std::string("Resources must be an object, got ") + json_type_name(*rs));
        return false;
    }
    bool ok = true;
    for (auto it = rs->begin(); it != rs->end(); ++it) {
        const std::string path = "/Resources/" + escape_pointer(it.key());
        const Json& r = it.value();
        if (!r.is_object()) {
            d.error(path, std::string("resource must be an object, got ") + json_type_name(r));
            ok = false;
            continue;
        }
        auto t = r.find("Type");
        if (t == r.end()) {
            d.error(path, "missing \"Type\": expected a resource type such as \"AWS::SQS::Queue\"");
            ok = false;
        } else if (!t->is_string() || t->get<std::string>().empty()) {
            d.error(path + "/Type", "Type must be a resource type string, got " + t->dump());
            ok = false;
        }
        for (const char* key : {"Properties", "Metadata"}) {
            auto p = r.find(key);
            if (p != r.end() && !p->is_object()) {
                d.error(path + "/" + key, std::string(key) + " must be an object, got " + json_type_name(*p));
                ok = false;
            }
        }
    }
    return ok;
}

const Json* our_metadata(const Json& obj) {
    auto md = obj.find("Metadata");
    if (md == obj.end() || !md->is_object()) return nullptr;
    auto sp = md->find(kSamMetadataKey);
    return sp != md->end() && sp->is_object() ? &*sp : nullptr;
}

// A node from its resource: Properties minus generated keys, plus the simulation-only config.
Json node_from_resource(const Json& entry, const Json& res, const Json& meta) {
    Json node = {{"id", entry["id"]}, {"type", meta.value("type", entry.value("type", ""))}};
    Json config = res.value("Properties", Json::object());
    if (auto g = meta.find("generated"); g != meta.end() && g->is_array())
        for (const auto& k : *g)
            if (k.is_string()) config.erase(k.get<std::string>());
    if (auto c = meta.find("config"); c != meta.end() && c->is_object())
        for (auto it = c->begin(); it != c->end(); ++it) config[it.key()] = it.value();
    if (node["type"] == kCfnNodeType) {  // the resource itself, as written
        const Json generated = meta.value("generated", Json::array());
        config =
            resource_config(res, std::find(generated.begin(), generated.end(), Json("Metadata")) != generated.end());
    }
    node["config"] = config;
    if (auto x = meta.find("extra"); x != meta.end() && x->is_object())
        for (auto it = x->begin(); it != x->end(); ++it)
            if (!node.contains(it.key())) node[it.key()] = it.value();
    return node;
}

// Pattern-level data and resource nodes from a template that export_sam() wrote.
Json import_ours(ImportState& s, const Json& sp, std::set<std::string>& skip) {
    Json pj = sp;
    pj.erase("nodes");
    const Json& resources = s.tmpl["Resources"];
    for (auto it = resources.begin(); it != resources.end(); ++it) {
        const Json* meta = our_metadata(it.value());
        if (meta && meta->contains("generatedBy")) skip.insert(it.key());  // regenerated on export
    }
    const Json entries = sp.value("nodes", Json::array());
    if (!entries.is_array()) {
        s.d.error("/Metadata/ServerlessPlayground/nodes",
                  std::string("nodes must be an array, got ") + json_type_name(entries));
        return pj;
    }
    for (std::size_t i = 0; i < entries.size(); ++i) {
        const Json& entry = entries[i];
        const std::string path = "/Metadata/ServerlessPlayground/nodes/" + std::to_string(i);
        if (!entry.is_object() || !entry.contains("id") || !entry["id"].is_string()) {
            s.d.error(path, "node entry must be an object with a string \"id\"");
            continue;
        }
        const std::string id = entry["id"].get<std::string>();
        s.ids.insert(id);
        auto r = entry.find("resource");
        if (r == entry.end()) {
            s.nodes.push_back(entry);
            continue;
        }
        const std::string logical = r->is_string() ? r->get<std::string>() : "";
        auto res = resources.find(logical);
        if (res == resources.end()) {
            s.d.warning(path + "/resource", "node '" + id + "' names resource '" + logical +
                                                "', which is not in Resources; the node is left out");
            continue;
        }
        const Json* meta = our_metadata(*res);
        s.nodes.push_back(node_from_resource(entry, *res, meta ? *meta : Json::object()));
        s.node_of[logical] = id;
        skip.insert(logical);
    }
    if (auto e = sp.find("edges"); e != sp.end() && e->is_array()) s.edges = *e;
    return pj;
}

}  // namespace

// Counts and lists for the summary: resources that became simulated nodes, and those kept.
void summarize_nodes(const ImportState& s, ImportSummary& summary) {
    const Json& resources = s.tmpl["Resources"];
    for (const auto& [logical, id] : s.node_of) {
        const Json* n = nullptr;
        for (const auto& node : s.nodes)
            if (node.value("id", "") == id) n = &node;
        if (!n || !resources.contains(logical)) continue;
        if (n->value("type", "") != kCfnNodeType) {
            ++summary.simulated;
            continue;
        }
        const std::string type = resources[logical].value("Type", "");
        const auto why = s.unsimulated.find(logical);
        summary.kept.push_back(logical + " (" + type +
                               "): " + (why != s.unsimulated.end() ? why->second + ", drawn" : "not simulated; drawn") +
                               " and written back on export");
    }
}

}  // namespace sami

Json import_summary_json(const ImportSummary& s) {
    Json j = {{"resources", s.resources}, {"simulated", s.simulated}};
    auto list = [&j](const char* key, const std::vector<std::string>& lines) {
        if (!lines.empty()) j[key] = lines;
    };
    list("kept", s.kept);
    list("assumed", s.assumed);
    list("code", s.code);
    list("entries", s.entries);
    return j;
}

std::string import_summary_text(const ImportSummary& summary) {
    std::string out = std::to_string(summary.resources) + " resource" + (summary.resources == 1 ? "" : "s") + ": " +
                      std::to_string(summary.simulated) + " simulated, " + std::to_string(summary.kept.size()) +
                      " kept as CloudFormation nodes\n";
    auto section = [&out](const char* title, const std::vector<std::string>& lines) {
        if (lines.empty()) return;
        out += title;
        out += " (" + std::to_string(lines.size()) + "):\n";
        for (const auto& l : lines) out += "  " + l + "\n";
    };
    section("kept, not simulated", summary.kept);
    section("values assumed", summary.assumed);
    section("code that will not run", summary.code);
    section("entry points given a client", summary.entries);
    return out;
}

namespace {
ImportResult import_checked(const Json& root, const ImportOptions& options);
}  // namespace

ImportResult import_template_json(const Json& root, const ImportOptions& options) {
    // Templates are untrusted: a shape the importer did not foresee must end in a diagnostic,
    // never in an exception that would take the page down.
    try {
        return import_checked(root, options);
    } catch (const Json::exception& e) {
        ImportResult res;
        res.diagnostics.error("", std::string("template rejected: a value has an unexpected type (") + e.what() + ")");
        return res;
    }
}

namespace {
ImportResult import_checked(const Json& original, const ImportOptions& options) {
    using namespace sami;
    ImportResult res;
    Diagnostics& d = res.diagnostics;
    if (!original.is_object()) {
        d.error("", std::string("a template must be a JSON object, got ") + json_type_name(original));
        return res;
    }
    if (!check_resources(original, d)) return res;
    // A template we wrote comes back exactly; any other is completed first: its files read, its
    // Globals merged, its intrinsics resolved where they can be.
    const bool written_by_us = our_metadata(original) != nullptr;
    Json prepared;
    if (written_by_us) {
        prepared = original;
        unescape_metadata_text(prepared);
    } else {
        prepared = resolve_template(load_template_files(original, options, d, res.summary), d, res.summary);
    }
    const Json& root = prepared;
    res.summary.resources = root["Resources"].size();
    ImportState s{root, d};
    if (!written_by_us) s.as_written = &original;
    std::set<std::string> skip;
    const Json* sp = our_metadata(root);
    s.ours = sp != nullptr;
    Json pj;
    if (sp) {
        pj = import_ours(s, *sp, skip);
    } else {
        pj = {{"format", kPatternFormat}, {"name", "imported template"}};
        if (auto desc = root.find("Description"); desc != root.end() && desc->is_string()) pj["description"] = *desc;
    }
    import_foreign(s, skip);
    if (!written_by_us) {
        import_declared_routes(s);
        summarize_calls(s, res.summary);
    }
    environment_by_node_id(s);
    if (options.entry_traffic && !written_by_us) add_entry_traffic(s, pj, res.summary);
    summarize_nodes(s, res.summary);
    pj["nodes"] = s.nodes;
    pj["edges"] = s.edges;

    // Everything else is kept for export.
    Json kept = Json::object();
    for (auto it = root.begin(); it != root.end(); ++it) {
        const std::string& k = it.key();
        if (k == "Resources" || (k == "Description" && (sp || it->is_string()))) continue;
        if (k == "AWSTemplateFormatVersion" && *it == "2010-09-09") continue;
        if (k == "Transform" && *it == "AWS::Serverless-2016-10-31") continue;
        // A foreign template's Globals are merged into its resources (sam_resolve.h): written back as
        // well, SAM would merge them a second time (lists twice: cfn-lint E3037).
        if (k == "Globals" && !written_by_us) continue;
        if (k == "Metadata" && it->is_object()) {
            Json md = *it;
            md.erase(kSamMetadataKey);
            if (!md.empty()) kept["Metadata"] = md;
            continue;
        }
        kept[k] = *it;
        if (k != "Parameters" && k != "Outputs" && k != "Conditions" && k != "Mappings" && k != "Globals" &&
            k != "Rules" && k != "Transform" && k != "AWSTemplateFormatVersion")
            d.warning("/" + escape_pointer(k), "unknown template section '" + k + "' is kept for export");
    }
    if (!s.kept_resources.empty()) kept["Resources"] = s.kept_resources;
    if (!kept.empty())
        pj["cloudformation"] = kept;
    else if (pj.contains("cloudformation"))
        pj.erase("cloudformation");

    ParseResult parsed = parse_pattern_json(pj);
    res.pattern = std::move(parsed.pattern);
    if (!res.summary.entries.empty()) complete_entry_payloads(res.pattern, res.summary);
    attach_function_code(res.pattern, options, d, res.summary);
    // The summary travels with the design (its Problems tab lists it, share links carry it).
    if (!written_by_us) res.pattern.extra["import"] = import_summary_json(res.summary);
    for (const Diagnostic& item : parsed.diagnostics.items()) {
        if (item.severity == Severity::Error)
            d.error(item.path, item.message, item.hint);
        else
            d.warning(item.path, item.message, item.hint);
    }
    return res;
}

}  // namespace

ImportResult import_template(std::string_view text, const ImportOptions& options) {
    ImportResult res;
    // JSON text starts with '{' or '['; anything else is read as YAML (most SAM templates are).
    const std::size_t first = text.find_first_not_of(" \t\r\n");
    if (first == std::string_view::npos || (text[first] != '{' && text[first] != '[')) {
        const YamlParseResult y = parse_yaml(text);
        if (!y.ok()) {
            res.diagnostics.error("", "invalid YAML at line " + std::to_string(y.line) + ", column " +
                                          std::to_string(y.column) + ": " + y.error);
            return res;
        }
        if (!y.value.is_object()) {
            res.diagnostics.error("", "a template must be a mapping with a Resources section");
            return res;
        }
        return import_template_json(y.value, options);
    }
    if (TextCheck c = check_json_depth(text, 256); !c.ok) {
        res.diagnostics.error("", "template rejected: " + c.error);
        return res;
    }
    JsonText json = parse_json_text(text);
    if (!json.ok) {
        res.diagnostics.error("", "invalid JSON at " + json.where());
        return res;
    }
    return import_template_json(json.value, options);
}

}  // namespace sim
