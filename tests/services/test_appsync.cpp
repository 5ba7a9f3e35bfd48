// test_appsync.cpp — AppSync GraphQL APIs: resolver config, DynamoDB and Lambda resolvers,
// subscriptions billed per delivery, Cognito auth, errors as GraphQL errors, determinism.
#include "support/test_support.h"

using namespace sim;
using namespace sim::test;

namespace {
std::string graphql(const std::string& api_config, const std::string& payload, bool auth = false) {
    return R"({"format": "serverless-playground/1", "name": "t", "seed": 5, "nodes": [
        {"id": "u", "type": "client", "config": {}},
        {"id": "gql", "type": "appsync", "config": )" +
           api_config + R"(},
        {"id": "posts", "type": "dynamodb", "config": {"KeySchema": [{"AttributeName": "id", "KeyType": "HASH"}]}},
        {"id": "fn", "type": "lambda", "config": {"DurationMs": 5}},
        {"id": "pool", "type": "cognito", "config": {}}],
      "edges": [{"from": "u", "to": "gql"},
        {"from": "gql", "to": "posts", "config": {"TypeName": "Mutation", "FieldName": "addPost", "Operation": "PutItem",
                                                 "Item": {"id": "$.arguments.id", "title": "$.arguments.title"}}},
        {"from": "gql", "to": "fn", "config": {"TypeName": "Query", "FieldName": "feed"}})" +
           std::string(auth ? R"(, {"from": "gql", "port": "authorizer", "to": "pool"})" : "") + R"(],
      "traffic": [{"id": "t", "source": "u", "arrival": "uniform", "duration": "10s", "profile": {"type": "constant", "rps": 1},
                   "payload": )" +
           payload + "}]}";
}
}  // namespace

TEST_SUITE("appsync") {
    TEST_CASE("resolver edges need a FieldName and a known operation") {
        auto d = build_errors(
            R"({"format": "serverless-playground/1", "nodes": [{"id": "g", "type": "appsync", "config": {"Subscriptions": [{"Field": "onX"}]}},
            {"id": "t", "type": "dynamodb", "config": {}}], "edges": [{"from": "g", "to": "t", "config": {"Operation": "Scan"}}]})");
        CHECK(has_error(d, "/edges/0/config/FieldName",
                        "a resolver edge needs FieldName (the GraphQL field it resolves)"));
        CHECK(has_error(d, "/edges/0/config/Operation",
                        "Operation must be one of PutItem, GetItem, DeleteItem, UpdateItem, Query, got \"Scan\""));
        CHECK(has_error(d, "/nodes/0/config/Subscriptions/0/Mutations",
                        "a subscription needs Mutations: the mutation fields that trigger it"));
    }

    TEST_CASE("a mutation writes through its DynamoDB resolver and is pushed to every subscribed client") {
        auto s = build_ok(
            graphql(R"({"Subscriptions": [{"Field": "onAddPost", "Mutations": ["addPost"], "ConnectedClients": 50}]})",
                    R"({"type": "Mutation", "field": "addPost", "arguments": {"id": "{{seq}}", "title": "hello"}})"));
        s->run_until(sec(15));
        const Json r = s->report();
        CHECK(s->node_inspect(node_index(*s, "posts"))["item_count"] == 10);
        CHECK(r["nodes"]["gql"]["subscription_messages"] == 500);
        CHECK(r["nodes"]["u"]["responses_by_status"]["200"] == 10);
        // 10 operations × $4/1M + 500 messages × $2/1M (+ connection minutes).
        CHECK(r["cost_usd"]["gql"].get<double>() >= 10 * 4e-6 + 500 * 2e-6);
    }

    TEST_CASE("a query runs its Lambda resolver, and an unknown field is a GraphQL error") {
        auto s = build_ok(graphql("{}", R"({"type": "Query", "field": "{{pick:feed|nope}}"})"));
        s->run_until(sec(15));
        const Json r = s->report()["nodes"]["gql"];
        CHECK(counter(*s, "fn", Counter::Invocations) + r["graphql_errors"].get<std::uint64_t>() == 10);
        CHECK(r["graphql_errors"].get<int>() > 0);
    }

    TEST_CASE("with a Cognito authorizer, requests without a token get 401 and no resolver runs") {
        auto s = build_ok(graphql("{}", R"({"type": "Query", "field": "feed"})", true));
        s->run_until(sec(15));
        CHECK(s->report()["nodes"]["u"]["responses_by_status"]["401"] == 10);
        CHECK(counter(*s, "fn", Counter::Invocations) == 0);
    }

    TEST_CASE("a resolver slower than 30 s ends with ExecutionTimeout") {
        auto s = build_ok(R"({"format": "serverless-playground/1", "name": "t", "nodes": [
            {"id": "gql", "type": "appsync", "config": {}},
            {"id": "fn", "type": "lambda", "config": {"DurationMs": 40000, "Timeout": 60}}],
          "edges": [{"from": "gql", "to": "fn", "config": {"TypeName": "Query", "FieldName": "slow"}}]})");
        s->fire("gql", {{"type", "Query"}, {"field", "slow"}});
        s->run_until(sec(60));
        CHECK(counter(*s, "gql", Counter::Timeouts) == 1);
        CHECK(s->report()["nodes"]["gql"]["graphql_errors"] == 1);
    }

    TEST_CASE("the same seed gives the same trace fingerprint") {
        const std::string p =
            graphql(R"({"Subscriptions": [{"Field": "s", "Mutations": ["addPost"], "ConnectedClients": 3}]})",
                    R"({"type": "Mutation", "field": "addPost", "arguments": {"id": "{{uuid}}", "title": "x"}})");
        auto a = build_ok(p), b = build_ok(p);
        a->run_until(sec(15));
        b->run_until(sec(15));
        CHECK(a->trace().fingerprint() == b->trace().fingerprint());
    }
}
