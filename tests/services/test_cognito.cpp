// test_cognito.cpp — Cognito user pools as API Gateway authorizers: 401 before any Lambda runs,
// token expiry, refreshes, MAU pricing, config validation, determinism.
#include "support/test_support.h"

using namespace sim;
using namespace sim::test;

namespace {
std::string api_with_pool(const std::string& pool_config, const std::string& payload,
                          const std::string& extra_edge = "") {
    return R"({"format": "serverless-playground/1", "name": "t", "seed": 6, "nodes": [
        {"id": "u", "type": "client", "config": {}},
        {"id": "api", "type": "apigateway", "config": {}},
        {"id": "pool", "type": "cognito", "config": )" +
           pool_config + R"(},
        {"id": "fn", "type": "lambda", "config": {"DurationMs": 5}}],
      "edges": [{"from": "u", "to": "api"}, {"from": "api", "to": "fn")" +
           extra_edge + R"(}, {"from": "api", "port": "authorizer", "to": "pool"}],
      "traffic": [{"id": "t", "source": "u", "arrival": "uniform", "duration": "10s", "profile": {"type": "constant", "rps": 2},
                   "request": {"method": "GET", "path": "/items"}, "payload": )" +
           payload + "}]}";
}
}  // namespace

TEST_SUITE("cognito") {
    TEST_CASE("config validation names the field and the AWS range") {
        auto d = build_errors(api_with_pool(
            R"({"IdTokenValidity": 2, "TokenValidityUnits": {"IdToken": "days"}, "UserPoolTier": "GOLD"})", "{}"));
        CHECK(has_error(d, "/nodes/2/config/IdTokenValidity", "IdTokenValidity must be 1..1 days, got 2"));
        CHECK(has_error(d, "/nodes/2/config/UserPoolTier",
                        "UserPoolTier must be one of LITE, ESSENTIALS, PLUS, got \"GOLD\""));
        auto wiring = build_errors(
            R"({"format": "serverless-playground/1", "nodes": [{"id": "api", "type": "apigateway", "config": {}},
            {"id": "fn", "type": "lambda", "config": {}}], "edges": [{"from": "api", "port": "authorizer", "to": "fn"}]})");
        CHECK(wiring.has_errors());
    }

    TEST_CASE("requests without a token get 401 before any Lambda runs") {
        auto s = build_ok(api_with_pool("{}", R"({"q": 1})"));
        s->run_until(sec(20));
        CHECK(s->report()["nodes"]["u"]["responses_by_status"]["401"] == 20);
        CHECK(counter(*s, "fn", Counter::Invocations) == 0);
    }

    TEST_CASE("requests with a user's token reach the function; invalid tokens do not") {
        auto s = build_ok(api_with_pool("{}", R"({"token": "{{pick:user-1|user-2|invalid-token}}"})"));
        s->run_until(sec(20));
        const Json r = s->report();
        const auto ok = r["nodes"]["u"]["responses_by_status"].value("200", 0);
        const auto denied = r["nodes"]["u"]["responses_by_status"].value("401", 0);
        CHECK(ok + denied == 20);
        CHECK(denied > 0);
        CHECK(counter(*s, "fn", Counter::Invocations) == static_cast<std::uint64_t>(ok));
        CHECK(r["nodes"]["pool"]["mau_this_month"] == 2);
    }

    TEST_CASE("a token past its lifetime gets 401 unless the client refreshes it") {
        // Tokens issued at t=0 (1767225600) with a 5-minute lifetime, sent again after 6 minutes.
        auto s = build_ok(R"({"format": "serverless-playground/1", "name": "t", "seed": 6, "nodes": [
            {"id": "api", "type": "apigateway", "config": {}},
            {"id": "pool", "type": "cognito", "config": {"IdTokenValidity": 5, "TokenValidityUnits": {"IdToken": "minutes"}}},
            {"id": "fn", "type": "lambda", "config": {"DurationMs": 5}}],
          "edges": [{"from": "api", "to": "fn"}, {"from": "api", "port": "authorizer", "to": "pool"}]})");
        s->run_until(minutes(6));
        s->fire("api", {{"method", "GET"}, {"path", "/"}, {"headers", {{"Authorization", "Bearer ann@1767225600"}}}});
        s->fire("api", {{"method", "GET"}, {"path", "/"}, {"headers", {{"Authorization", "Bearer bob@1767225900"}}}});
        s->run_until(minutes(7));
        CHECK(counter(*s, "fn", Counter::Invocations) == 1);  // bob's token is 1 minute old
        CHECK(s->report()["nodes"]["pool"]["tokens_rejected"] == 1);
    }

    TEST_CASE("clients that refresh keep going after expiry, and each refresh is counted") {
        auto s = build_ok(api_with_pool(R"({"IdTokenValidity": 5, "TokenValidityUnits": {"IdToken": "minutes"}})",
                                        R"({"token": "user-1"})"));
        s->run_until(sec(20));
        s->fire("api", {{"method", "GET"}, {"path", "/items"}, {"body", {{"token", "user-1"}}}});
        s->run_until(minutes(6));
        s->fire("api", {{"method", "GET"}, {"path", "/items"}, {"body", {{"token", "user-1"}}}});
        s->run_until(minutes(7));
        CHECK(counter(*s, "fn", Counter::Invocations) == 22);
        CHECK(s->report()["nodes"]["pool"]["token_refreshes"] == 1);
    }

    TEST_CASE("an open route skips the authorizer") {
        auto s = build_ok(api_with_pool("{}", "{}", R"(, "config": {"AuthorizationType": "NONE"})"));
        s->run_until(sec(20));
        CHECK(counter(*s, "fn", Counter::Invocations) == 20);
    }

    TEST_CASE("the same seed gives the same trace fingerprint") {
        const std::string p = api_with_pool("{}", R"({"token": "{{pick:a|b|invalid}}"})");
        auto a = build_ok(p), b = build_ok(p);
        a->run_until(sec(20));
        b->run_until(sec(20));
        CHECK(a->trace().fingerprint() == b->trace().fingerprint());
    }
}
