// test_pattern_copies.cpp — N independent copies of a pattern side by side (slsim bench's scaling
// workloads): each copy is the original under new names, and copies share no resource.
#include "runtime/pattern_copies.h"
#include "runtime/simulation.h"
#include "services/all_services.h"
#include "support/test_support.h"

#include <doctest/doctest.h>

#include <set>

using namespace sim;

namespace {
Pattern load(const char* file) {
    ParseResult parsed = parse_pattern(test::repo_file(std::string("patterns/") + file));
    REQUIRE(parsed.ok());
    return std::move(parsed.pattern);
}
}  // namespace

TEST_CASE("pattern copies: every name is suffixed and every reference follows it") {
    const Pattern one = load("rest-api.json");
    const Pattern three = pattern_copies(one, 3, default_registry());
    CHECK(three.nodes.size() == 3 * one.nodes.size());
    CHECK(three.edges.size() == 3 * one.edges.size());
    CHECK(three.traffic.size() == 3 * one.traffic.size());

    std::set<std::string> ids, tables, buckets;
    for (const NodeSpec& n : three.nodes) {
        ids.insert(n.id);
        if (n.type == "dynamodb") tables.insert(n.config.at("TableName").get<std::string>());
        if (n.type == "s3") buckets.insert(n.config.at("BucketName").get<std::string>());
    }
    CHECK(ids.size() == three.nodes.size());  // ids stay unique
    // AWS: a table name is unique per account and Region, a bucket name globally.
    CHECK(tables == std::set<std::string>{"orders-1", "orders-2", "orders-3"});
    CHECK(buckets.size() == 3);

    const NodeSpec* fn = three.find_node("orders-fn-2");
    REQUIRE(fn != nullptr);
    CHECK(fn->config["Actions"][0]["target"] == "orders-table-2");  // the action names its own copy's table
    CHECK(three.edges[one.edges.size()].from == "web-clients-2");
    CHECK(three.traffic[1].source == "web-clients-2");
    CHECK(three.traffic[1].id != three.traffic[0].id);
    // The canvas places copies apart: copy 2 sits below copy 1.
    CHECK(three.layout["nodes"]["web-clients-2"]["y"].get<double>() >
          three.layout["nodes"]["orders-table-1"]["y"].get<double>());
}

TEST_CASE("pattern copies: each copy runs as the original does") {
    Pattern one = load("rest-api.json");
    const Pattern two = pattern_copies(one, 2, default_registry());
    auto a = Simulation::build(one);
    auto b = Simulation::build(two);
    REQUIRE(a.simulation);
    REQUIRE(b.simulation);
    a.simulation->run_until(minutes(2));
    b.simulation->run_until(minutes(2));
    // Both copies serve their own traffic: each copy's table gets its copy's writes (no function
    // writes to another copy's table or fails for a missing one), as many as the original's.
    const auto puts = [](const Simulation& s, const char* id) {
        return static_cast<double>(test::counter(s, id, Counter::Invocations));
    };
    const double original = puts(*a.simulation, "orders-table");
    CHECK(original > 1000);
    CHECK(puts(*b.simulation, "orders-table-1") == doctest::Approx(original).epsilon(0.1));
    CHECK(puts(*b.simulation, "orders-table-2") == doctest::Approx(original).epsilon(0.1));
    // The function fails only at its configured ErrorRate (0.2 %), not for a target it cannot reach.
    CHECK(static_cast<double>(test::counter(*b.simulation, "orders-fn-1", Counter::Errors)) <
          0.01 * puts(*b.simulation, "orders-fn-1"));
}

TEST_CASE("pattern copies: one copy is the pattern itself, zero copies nothing") {
    const Pattern one = load("fan-out.json");
    const Pattern same = pattern_copies(one, 1, default_registry());
    CHECK(write_pattern(same) == write_pattern(one));
    CHECK(pattern_copies(one, 0, default_registry()).nodes.empty());
}
