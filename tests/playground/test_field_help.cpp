// test_field_help.cpp — every setting the inspector shows has a meaning to show on hover.
// The inspector's fields are what each service reads (node_schema.h). playground/help/<type>.json
// says what each one means: AWS's meaning for a CloudFormation property ("aws": true), or what the
// simulator does with a knob AWS does not have ("aws": false). Each file is
// {"fields": {KEY: {"text", "aws"}}, "links": {...}};
// "links" are the settings of a link leaving that service (an event source mapping's BatchSize).
// Fields are collected from a default node of every registered type and from every node and link
// of every shipped pattern, so settings read only in some configurations are covered too.
#include "playground/node_schema.h"
#include "services/all_services.h"
#include "support/test_support.h"

#include <doctest/doctest.h>

#include <filesystem>
#include <set>

using namespace sim;
using sim::test::repo_file;
using sim::test::repo_json_files;

namespace {

// Every playground/help/<type>.json, by type.
Json field_help() {
    Json help = Json::object();
    for (const auto& file : repo_json_files("playground/help"))
        help[std::filesystem::path(file).stem().string()] = Json::parse(repo_file(file));
    return help;
}

struct Seen {
    std::set<std::pair<std::string, std::string>> node_fields;  // (type, key)
    std::set<std::pair<std::string, std::string>> link_fields;  // (source type, key)
};

void collect(const Pattern& p, Seen& seen) {
    const Registry& r = default_registry();
    for (std::size_t i = 0; i < p.nodes.size(); ++i) {
        const pg::NodeSchema schema = pg::describe_node(p, i, r);
        for (const auto& f : schema.fields) seen.node_fields.insert({p.nodes[i].type, f.key});
        // The fields read inside an object-valued property, as "Property.Field".
        for (const auto& [key, fields] : schema.nested)
            for (const auto& f : fields) seen.node_fields.insert({p.nodes[i].type, key + "." + f.key});
    }
    for (std::size_t e = 0; e < p.edges.size(); ++e) {
        const std::string* from_type = nullptr;
        for (const auto& n : p.nodes)
            if (n.id == p.edges[e].from) from_type = &n.type;
        if (!from_type) continue;
        for (const auto& f : pg::describe_edge(p, e, r).fields) seen.link_fields.insert({*from_type, f.key});
    }
}

Seen everything_the_inspector_shows() {
    Seen seen;
    // A node of every type, with its defaults and then with each choice and switch turned, so
    // that settings read only in one mode (provisioned capacity, FIFO queues) are seen too.
    for (const auto& kind : default_registry().kinds()) {
        auto one_node = [&](const Json& config) {
            Json p = {{"name", "one"}, {"nodes", {{{"id", "n"}, {"type", kind.type}, {"config", config}}}}};
            auto parsed = parse_pattern_json(p);
            REQUIRE_MESSAGE(parsed.ok(), kind.type);
            collect(parsed.pattern, seen);
            return pg::describe_node(parsed.pattern, 0, default_registry()).fields;
        };
        for (const auto& f : one_node(Json::object())) {
            if (f.kind == "choice")
                for (const auto& v : f.allowed) one_node({{f.key, v}});
            if (f.kind == "boolean" && f.dflt.is_boolean()) one_node({{f.key, !f.dflt.get<bool>()}});
        }
    }
    for (const std::string& dir : {"patterns", "patterns/code"})
        for (const auto& file : repo_json_files(dir)) {
            auto parsed = parse_pattern(repo_file(file));
            REQUIRE_MESSAGE(parsed.ok(), file);
            collect(parsed.pattern, seen);
        }
    return seen;
}

bool described(const Json& entry) {
    return entry.is_object() && entry.contains("text") && entry["text"].is_string() &&
           entry["text"].get<std::string>().size() >= 20 && entry.contains("aws") && entry["aws"].is_boolean();
}

}  // namespace

TEST_CASE("every inspector field of every service has a meaning to show on hover") {
    const Json help = field_help();
    const Seen seen = everything_the_inspector_shows();
    CHECK(seen.node_fields.size() > 150);  // the collection itself works
    CHECK(seen.link_fields.size() > 10);
    std::vector<std::string> missing;
    for (const auto& [type, key] : seen.node_fields)
        if (!described(help.value(type, Json::object()).value("fields", Json::object()).value(key, Json())))
            missing.push_back(type + ".fields." + key);
    for (const auto& [type, key] : seen.link_fields)
        if (!described(help.value(type, Json::object()).value("links", Json::object()).value(key, Json())))
            missing.push_back(type + ".links." + key);
    std::string list;
    for (const auto& m : missing) list += m + "\n";
    CHECK_MESSAGE(missing.empty(), "no meaning for:\n" << list);
}

TEST_CASE("field help says only what is there: no entry for a field no service reads") {
    const Json help = field_help();
    const Seen seen = everything_the_inspector_shows();
    std::vector<std::string> stale;
    for (const auto& [type, entry] : help.items()) {
        const Json fields = entry.value("fields", Json::object()), links = entry.value("links", Json::object());
        for (const auto& [key, _] : fields.items())
            if (!seen.node_fields.count({type, key})) stale.push_back(type + ".fields." + key);
        for (const auto& [key, _] : links.items())
            if (!seen.link_fields.count({type, key})) stale.push_back(type + ".links." + key);
    }
    std::string list;
    for (const auto& s : stale) list += s + "\n";
    CHECK_MESSAGE(stale.empty(), "described but never shown:\n" << list);
}
