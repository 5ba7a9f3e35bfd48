// node_schema.cpp — runs one service factory against a recording ConfigReader.
#include "node_schema.h"

namespace pg {

namespace {
NodeSchema describe(const sim::Pattern& pattern, std::size_t index, const sim::Registry& registry,
                    sim::ConfigFieldObserver observer, bool probe = false) {
    NodeSchema out;
    out.diagnostics.observe_fields(std::move(observer));
    if (index >= pattern.nodes.size()) return out;
    const sim::NodeSpec& n = pattern.nodes[index];
    out.node_id = n.id;
    const std::string path = "/nodes/" + std::to_string(index);
    const sim::ServiceKind* kind = registry.find(n.type);
    if (!kind || !kind->create) {
        out.diagnostics.error(path + "/type", "unknown service type '" + n.type + "'");
        return out;
    }
    // The node's outgoing links, resolved the way Simulation::build does (refused ones left out).
    std::vector<sim::Link> links;
    for (std::size_t e = 0; e < pattern.edges.size(); ++e) {
        const sim::EdgeSpec& edge = pattern.edges[e];
        if (edge.from != n.id) continue;
        const int to = pattern.node_index(edge.to);
        if (to < 0) continue;
        const sim::NodeSpec& target = pattern.nodes[static_cast<std::size_t>(to)];
        if (!registry.can_connect(n.type, edge.port, target.type).ok) continue;
        links.push_back(sim::Link{static_cast<std::uint32_t>(to), target.id, target.type, registry.role_of(target.type),
                                  edge.port, edge.config, static_cast<std::uint32_t>(e)});
    }
    sim::ConfigReader reader(n.config, path + "/config", out.diagnostics);
    sim::BuildContext ctx{n, reader, links, out.diagnostics, path, pattern, registry, probe};
    auto service = kind->create(ctx);
    reader.finish();
    out.fields = reader.fields();
    out.diagnostics.observe_fields(nullptr);
    return out;
}
}  // namespace

NodeSchema describe_node(const sim::Pattern& pattern, std::size_t index, const sim::Registry& registry) {
    std::map<std::string, std::vector<sim::ConfigField>> nested;
    const std::string prefix = "/nodes/" + std::to_string(index) + "/config/";
    const auto record = [&](const std::string& object_path, const sim::ConfigField& f) {
        if (object_path.rfind(prefix, 0) != 0) return;
        const std::string key = object_path.substr(prefix.size());
        if (key.empty() || key.find('/') != std::string::npos) return;  // one level: a property's own object
        auto& fields = nested[key];
        for (const auto& have : fields)
            if (have.key == f.key) return;
        fields.push_back(f);
    };
    NodeSchema out = describe(pattern, index, registry, record);
    // A free-form property that is not set has no object to read inside: the service is shown one
    // empty object ({}) in its place, in a copy, so its fields are known before the first edit.
    if (index < pattern.nodes.size()) {
        sim::Pattern probe = pattern;
        sim::Json& config = probe.nodes[index].config;
        if (!config.is_object()) config = sim::Json::object();
        for (const auto& f : out.fields)
            if (f.kind == "raw" && !config.contains(f.key)) config[f.key] = sim::Json::object();
        if (config.size() != pattern.nodes[index].config.size()) describe(probe, index, registry, record, true);
    }
    out.nested = std::move(nested);
    return out;
}

EdgeSchema describe_edge(const sim::Pattern& pattern, std::size_t index, const sim::Registry& registry) {
    EdgeSchema out;
    if (index >= pattern.edges.size()) return out;
    const int from = pattern.node_index(pattern.edges[index].from);
    if (from < 0) return out;
    const std::string path = "/edges/" + std::to_string(index) + "/config";
    NodeSchema node = describe(pattern, static_cast<std::size_t>(from), registry,
                               [&](const std::string& object_path, const sim::ConfigField& f) {
                                   if (object_path != path) return;
                                   for (const auto& have : out.fields)
                                       if (have.key == f.key) return;
                                   out.fields.push_back(f);
                               });
    out.diagnostics = std::move(node.diagnostics);
    return out;
}

const NodeSchema& SchemaCache::get(const sim::Pattern& pattern, std::uint64_t revision, std::size_t index,
                                   const sim::Registry& registry) {
    if (revision != revision_ || index != index_ ||
        (index < pattern.nodes.size() && pattern.nodes[index].id != schema_.node_id)) {
        schema_ = describe_node(pattern, index, registry);
        revision_ = revision;
        index_ = index;
    }
    return schema_;
}

const EdgeSchema& EdgeSchemaCache::get(const sim::Pattern& pattern, std::uint64_t revision, std::size_t index,
                                       const sim::Registry& registry) {
    if (revision != revision_ || index != index_) {
        schema_ = describe_edge(pattern, index, registry);
        revision_ = revision;
        index_ = index;
    }
    return schema_;
}

}  // namespace pg
