// node_schema.h — what the inspector shows for one node: every config property its service reads
// (name, type, default, range, unit; recorded by ConfigReader) and the diagnostics of building that
// node alone, so config problems show even when another part of the pattern is broken.
#pragma once

#include "core/registry.h"
#include "pattern/config_reader.h"
#include "pattern/pattern.h"

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace pg {

struct NodeSchema {
    std::string node_id;
    std::vector<sim::ConfigField> fields;
    // Per object-valued property, the fields the service read inside it (ProvisionedThroughput →
    // ReadCapacityUnits, WriteCapacityUnits), when the property is set: the inspector's sub-form.
    std::map<std::string, std::vector<sim::ConfigField>> nested;
    sim::Diagnostics diagnostics;  // paths are "/nodes/<i>/config/<key>" like the full build's
};

// Builds node `index` of `pattern` on its own (its outgoing links resolved) and records what it
// read. An unknown type gives no fields and one diagnostic.
NodeSchema describe_node(const sim::Pattern& pattern, std::size_t index, const sim::Registry& registry);

// What the link inspector shows for edge `index`: the settings the link's source service reads
// from the link's config (an event source mapping's BatchSize, a subscription's FilterPolicy, ...),
// found by building the source node and watching its readers. Diagnostics are the source node's.
struct EdgeSchema {
    std::vector<sim::ConfigField> fields;
    sim::Diagnostics diagnostics;
};
EdgeSchema describe_edge(const sim::Pattern& pattern, std::size_t index, const sim::Registry& registry);

// The same, cached per (document revision, node): the inspector asks every frame.
class SchemaCache {
public:
    const NodeSchema& get(const sim::Pattern& pattern, std::uint64_t revision, std::size_t index,
                          const sim::Registry& registry);

private:
    std::uint64_t revision_ = 0;
    std::size_t index_ = SIZE_MAX;
    NodeSchema schema_;
};

class EdgeSchemaCache {
public:
    const EdgeSchema& get(const sim::Pattern& pattern, std::uint64_t revision, std::size_t index,
                          const sim::Registry& registry);

private:
    std::uint64_t revision_ = 0;
    std::size_t index_ = SIZE_MAX;
    EdgeSchema schema_;
};

}  // namespace pg
