// test_config_field_observer.cpp — Diagnostics' field observer sees every property any reader reads,
// including the link settings a service reads with readers of its own (the link inspector's source).
#include "core/registry.h"
#include "pattern/config_reader.h"
#include "pattern/pattern.h"
#include "services/all_services.h"
#include "support/test_support.h"

#include <doctest/doctest.h>

#include <fstream>
#include <sstream>

using namespace sim;

TEST_SUITE("pattern") {
    TEST_CASE("the field observer sees each property once, with the object's path") {
        Diagnostics diags;
        std::vector<std::pair<std::string, std::string>> seen;
        diags.observe_fields([&](const std::string& path, const ConfigField& f) { seen.emplace_back(path, f.key); });
        const Json config = {{"MemorySize", 256}};
        ConfigReader r(config, "/nodes/1/config", diags);
        CHECK(r.integer("MemorySize", 128, 128, 10240, "MB") == 256);
        CHECK(r.integer("MemorySize", 128, 128, 10240, "MB") == 256);  // a second read is not a second field
        CHECK(r.number("ErrorRate", 0, 0, 1) == 0);
        REQUIRE(seen.size() == 2);
        CHECK(seen[0] == std::make_pair(std::string("/nodes/1/config"), std::string("MemorySize")));
        CHECK(seen[1].second == "ErrorRate");
    }

    TEST_CASE("building an SQS queue reports its event source mapping's settings under the link's path") {
        std::ifstream in(std::string(SLSIM_SOURCE_DIR) + "/patterns/async-queue.json");
        std::stringstream text;
        text << in.rdbuf();
        ParseResult parsed = parse_pattern(text.str());
        REQUIRE(parsed.ok());
        const Pattern& p = parsed.pattern;
        const int q = p.node_index("orders-queue");
        REQUIRE(q >= 0);
        const NodeSpec& n = p.nodes[static_cast<std::size_t>(q)];
        std::vector<Link> links;
        std::size_t esm_edge = SIZE_MAX;
        for (std::size_t e = 0; e < p.edges.size(); ++e) {
            const EdgeSpec& edge = p.edges[e];
            if (edge.from != n.id) continue;
            const NodeSpec& t = p.nodes[static_cast<std::size_t>(p.node_index(edge.to))];
            if (t.type == "lambda") esm_edge = e;
            links.push_back(Link{static_cast<std::uint32_t>(p.node_index(edge.to)), t.id, t.type,
                                 default_registry().role_of(t.type), edge.port, edge.config,
                                 static_cast<std::uint32_t>(e)});
        }
        REQUIRE(esm_edge != SIZE_MAX);
        Diagnostics diags;
        std::vector<ConfigField> link_fields;
        const std::string want = "/edges/" + std::to_string(esm_edge) + "/config";
        diags.observe_fields([&](const std::string& path, const ConfigField& f) {
            if (path == want) link_fields.push_back(f);
        });
        ConfigReader reader(n.config, "/nodes/" + std::to_string(q) + "/config", diags);
        BuildContext ctx{n, reader, links, diags, "/nodes/" + std::to_string(q), p, default_registry()};
        auto service = default_registry().find("sqs")->create(ctx);
        REQUIRE(service != nullptr);
        CHECK_FALSE(diags.has_errors());
        const ConfigField* batch = nullptr;
        for (const auto& f : link_fields)
            if (f.key == "BatchSize") batch = &f;
        REQUIRE(batch != nullptr);
        CHECK(batch->kind == "integer");
        CHECK(batch->lo == 1);
        CHECK(batch->hi == 10000);
    }
}
