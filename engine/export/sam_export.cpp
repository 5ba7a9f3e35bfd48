// sam_export.cpp — pattern → SAM template: resources and their properties, "cloudformation"
// nodes verbatim, template Metadata, sections kept from an earlier import. Wiring is in sam_edges.cpp.
#include "export/sam_builder.h"
#include "export/sam_metadata_text.h"
#include "export/yaml_emit.h"
#include "services/all_services.h"

#include <algorithm>
#include <cctype>

namespace sim {
namespace samx {

OJson to_ordered(const Json& j) {
    return OJson::parse(j.dump(-1, ' ', false, Json::error_handler_t::replace));
}
OJson cfn_ref(const std::string& logical) {
    return OJson{{"Ref", logical}};
}
OJson get_att(const std::string& logical, const std::string& attribute) {
    return OJson{{"Fn::GetAtt", OJson::array({logical, attribute})}};
}

std::string kept_logical_id(const Json& holder) {
    auto it = holder.is_object() ? holder.find(kCfnLogicalIdKey) : holder.end();
    if (!holder.is_object() || it == holder.end() || !it->is_string()) return {};
    const std::string& l = it->get_ref<const std::string&>();
    const bool alnum =
        std::all_of(l.begin(), l.end(), [](char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; });
    return alnum && !l.empty() && l.size() <= 255 ? l : std::string();
}

std::string Builder::fresh(const std::string& base) {
    std::string id = base;
    for (int n = 2; taken.count(id); ++n) id = base + std::to_string(n);
    taken.insert(id);
    return id;
}

std::string Builder::derived_id(const std::string& kind, const std::string& node_id, const std::string& base,
                                bool& created) {
    const std::string key = kind + ":" + node_id;
    auto it = derived_ids.find(key);
    created = it == derived_ids.end();
    if (!created) return it->second;
    return derived_ids[key] = fresh(base);
}

OJson& Builder::props(const std::string& id) {
    return resources[logical.at(id)]["Properties"];
}

OJson& Builder::generate(const std::string& id, const std::string& key, OJson value) {
    OJson& pr = props(id);
    if (!pr.contains(key)) {
        pr[key] = std::move(value);
        generated[id].push_back(key);
    }
    return pr[key];
}

OJson Builder::arn(const std::string& id) const {
    const NodeSpec* n = node(id);
    auto it = logical.find(id);
    if (!n || it == logical.end()) return OJson(id);
    const std::string& l = it->second;
    const CfnResource* map = sam_map_for(n->type, n->config);
    return map && map->ref_is_arn ? cfn_ref(l) : get_att(l, "Arn");
}

void Builder::add_derived(const std::string& logical_id, const char* type, OJson properties, const std::string& by) {
    OJson r;
    r["Type"] = type;
    r["Properties"] = std::move(properties);
    r["Metadata"][kSamMetadataKey]["generatedBy"] = by;
    resources[logical_id] = std::move(r);
}

void Builder::note(std::size_t edge, const std::string& text) {
    const EdgeSpec& e = p.edges[edge];
    notes.push_back("edge " + std::to_string(edge) + " (" + e.from + (e.port == "out" ? "" : "." + e.port) + " → " +
                    e.to + "): " + text);
}

namespace {

// A file's path below its folder: relative, '/'-separated, every segment a plain name (not empty,
// '.' or '..'), no '\\' or ':' (a Windows separator or drive) and no control characters, so it can
// neither leave the folder nor come back from an import under another name.
bool safe_relative_path(const std::string& path) {
    if (path.empty() || path.size() > 1024) return false;
    for (char c : path)
        if (c == '\\' || c == ':' || static_cast<unsigned char>(c) < 0x20) return false;
    for (std::size_t start = 0;;) {
        const std::size_t slash = path.find('/', start);
        const std::string segment = path.substr(start, slash - start);
        if (segment.empty() || segment == "." || segment == "..") return false;
        if (slash == std::string::npos) return true;
        start = slash + 1;
    }
}

// The builder as a service's CfnResource::complete hook sees one resource.
class Draft final : public CfnDraft {
public:
    Draft(Builder& b, const NodeSpec& n) : b_(b), n_(n) {}
    const std::string& node_id() const override { return n_.id; }
    const std::string& logical_id() const override { return b_.logical.at(n_.id); }
    const Json& config() const override { return n_.config; }
    OJson& generate(const std::string& key, OJson value) override { return b_.generate(n_.id, key, std::move(value)); }
    void rewrite(const std::string& key, OJson value) override {
        b_.props(n_.id)[key] = std::move(value);
        b_.generated[n_.id].push_back(key);
    }
    OJson arn_of(const std::string& node_id) const override {
        return b_.has_resource(node_id) ? b_.arn(node_id) : OJson();
    }
    std::string logical_id_of(const std::string& node_id) const override {
        auto it = b_.logical.find(node_id);
        return it == b_.logical.end() ? std::string() : it->second;
    }
    void set(const std::string& key, OJson value) override {
        OJson& pr = b_.props(n_.id);
        pr.erase(key);  // last, wherever the config had it: the same order on every export
        pr[key] = std::move(value);
        auto& gen = b_.generated[n_.id];
        gen.erase(std::remove(gen.begin(), gen.end(), key), gen.end());
    }
    void add_file(const std::string& key, const std::string& folder, const std::string& path,
                  std::string text) override {
        if (folder.empty() || folder.back() != '/' || !safe_relative_path(folder.substr(0, folder.size() - 1))) {
            error("folder '" + folder + "' for " + key + " is not a relative folder name");
            return;
        }
        if (!safe_relative_path(path)) {
            error(key + " path '" + path +
                  "' is unsafe: a code file's path must be relative and stay inside the function's folder "
                  "(no leading '/', no '.' or '..' segments, no '\\' or ':'); rename it, e.g. to 'lib/util.js'");
            return;
        }
        b_.files.push_back({n_.id, folder, path, std::move(text)});
    }
    void leave_out(const std::string& key) override { b_.left_out[n_.id].insert(key); }
    void error(std::string message) override { b_.errors.push_back("node '" + n_.id + "': " + message); }
    std::string add_resource(const std::string& suffix, const char* type, OJson properties) override {
        const std::string id = b_.fresh(logical_id() + suffix);
        b_.add_derived(id, type, std::move(properties), n_.id);
        return id;
    }

private:
    Builder& b_;
    const NodeSpec& n_;
};

// The node's logical id: an imported one it kept, else derived from the node id.
std::string logical_id_of(const NodeSpec& n) {
    const std::string kept = kept_logical_id(n.extra);
    return kept.empty() ? logical_id_for(n.id) : kept;
}

// A "cloudformation" node's resource: its config as written, Type first and Properties second
// (CloudFormation's usual order), then the resource attributes.
OJson verbatim_resource(const NodeSpec& n) {
    OJson r = OJson::object();
    if (!n.config.is_object()) return r;
    for (const char* key : {"Type", "Properties"})
        if (auto it = n.config.find(key); it != n.config.end()) r[key] = to_ordered(*it);
    for (auto it = n.config.begin(); it != n.config.end(); ++it)
        if (it.key() != "Type" && it.key() != "Properties") r[it.key()] = to_ordered(it.value());
    return r;
}

bool default_bus(const NodeSpec& n) {
    auto it = n.config.find("Name");
    return default_registry().role_of(n.type) == ServiceRole::EventBus && (it == n.config.end() || *it == "default");
}

}  // namespace
}  // namespace samx

SamExport export_sam(const Pattern& p) {
    using namespace samx;
    Builder b(p);
    const Json* kept = nullptr;  // sections kept from an imported template
    if (auto it = p.extra.find("cloudformation"); it != p.extra.end() && it->is_object()) kept = &*it;
    if (kept && kept->contains("Resources") && (*kept)["Resources"].is_object())
        for (auto it = (*kept)["Resources"].begin(); it != (*kept)["Resources"].end(); ++it) b.taken.insert(it.key());

    // Primary resources, in node order.
    std::map<std::string, const CfnResource*> maps;
    for (const NodeSpec& n : p.nodes) {
        if (n.type == kCfnNodeType) {  // kept verbatim: no mapping, no generated properties
            b.logical[n.id] = b.fresh(logical_id_of(n));
            continue;
        }
        const CfnResource* map = sam_map_for(n.type, n.config);
        if (!map || default_bus(n)) continue;
        maps[n.id] = map;
        b.logical[n.id] = b.fresh(logical_id_of(n));
    }
    reserve_rule_ids(b);
    for (const NodeSpec& n : p.nodes) {
        if (n.type == kCfnNodeType) {
            b.resources[b.logical[n.id]] = verbatim_resource(n);
            continue;
        }
        auto m = maps.find(n.id);
        if (m == maps.end()) {
            if (!default_registry().find(n.type))
                b.notes.push_back("node " + n.id + ": type '" + n.type +
                                  "' has no CloudFormation mapping; kept in Metadata");
            continue;
        }
        OJson r;
        r["Type"] = m->second->type;
        r["Properties"] = OJson::object();
        b.resources[b.logical[n.id]] = std::move(r);
        for (auto it = n.config.begin(); it != n.config.end(); ++it)
            if (is_cfn_property(*m->second, it.key())) b.props(n.id)[it.key()] = to_ordered(it.value());
        if (m->second->complete) {
            Draft draft(b, n);
            m->second->complete(draft);
        }
    }
    add_edges(b);
    add_eventbridge_rules(b);

    // Per-resource Metadata: node identity, simulation-only config, generated keys, unknown keys.
    for (const NodeSpec& n : p.nodes) {
        auto l = b.logical.find(n.id);
        if (l == b.logical.end()) continue;
        if (n.type == kCfnNodeType) {
            OJson meta;
            meta["node"] = n.id;
            meta["type"] = n.type;
            OJson& res = b.resources[l->second];
            if (!res.contains("Metadata") || !res["Metadata"].is_object()) {
                res["Metadata"] = OJson::object();
                meta["generated"] = OJson::array({"Metadata"});
            }
            if (!n.extra.empty()) meta["extra"] = to_ordered(n.extra);
            res["Metadata"][kSamMetadataKey] = meta;
            continue;
        }
        const CfnResource& map = *maps[n.id];
        const auto& gen = b.generated[n.id];
        const auto& left_out = b.left_out[n.id];
        OJson meta;
        meta["node"] = n.id;
        meta["type"] = n.type;
        OJson sim_config = OJson::object();
        for (auto it = n.config.begin(); it != n.config.end(); ++it)
            if ((!is_cfn_property(map, it.key()) || std::find(gen.begin(), gen.end(), it.key()) != gen.end()) &&
                !left_out.count(it.key()))
                sim_config[it.key()] = to_ordered(it.value());
        if (!sim_config.empty()) meta["config"] = sim_config;
        if (!gen.empty()) meta["generated"] = gen;
        if (!n.extra.empty()) meta["extra"] = to_ordered(n.extra);
        OJson& res = b.resources[l->second];
        if (res["Properties"].empty()) res.erase("Properties");
        res["Metadata"][kSamMetadataKey] = meta;
    }

    // Template-level Metadata: the written pattern, with resource nodes reduced to a reference.
    OJson whole = OJson::parse(write_pattern(p));  // the pattern file's own key order
    whole.erase("cloudformation");
    OJson nodes = OJson::array();
    for (std::size_t i = 0; i < p.nodes.size(); ++i) {
        auto l = b.logical.find(p.nodes[i].id);
        if (l != b.logical.end())
            nodes.push_back({{"id", p.nodes[i].id}, {"type", p.nodes[i].type}, {"resource", l->second}});
        else
            nodes.push_back(whole["nodes"][i]);
    }
    whole["nodes"] = nodes;

    SamExport out;
    OJson& t = out.tmpl;
    t["AWSTemplateFormatVersion"] = "2010-09-09";
    t["Transform"] = "AWS::Serverless-2016-10-31";
    t["Description"] =
        p.description.empty() ? (p.name.empty() ? "Serverless Playground pattern" : p.name) : p.description;
    t["Metadata"][kSamMetadataKey] = whole;
    if (kept) {
        for (auto it = kept->begin(); it != kept->end(); ++it) {
            if (it.key() == "Resources" || it.key() == "Metadata") continue;
            t[it.key()] = to_ordered(it.value());
        }
        if (auto md = kept->find("Metadata"); md != kept->end() && md->is_object())
            for (auto it = md->begin(); it != md->end(); ++it) t["Metadata"][it.key()] = to_ordered(it.value());
        if (auto rs = kept->find("Resources"); rs != kept->end() && rs->is_object())
            for (auto it = rs->begin(); it != rs->end(); ++it) b.resources[it.key()] = to_ordered(it.value());
    }
    t["Resources"] = b.resources;
    if (kept && kept->contains("Outputs")) {  // CloudFormation's usual order: Outputs last
        OJson outputs = t["Outputs"];
        t.erase("Outputs");
        t["Outputs"] = outputs;
    }
    escape_metadata_text(t);
    out.notes = std::move(b.notes);
    out.files = std::move(b.files);
    out.errors = std::move(b.errors);
    return out;
}

std::string export_sam_json(const Pattern& p) {
    return export_sam(p).tmpl.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n";
}

std::string export_sam_yaml(const Pattern& p) {
    return to_yaml(export_sam(p).tmpl);
}

}  // namespace sim
