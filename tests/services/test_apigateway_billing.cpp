// test_apigateway_billing.cpp — what API Gateway charges for, and its account-wide throttle.
// AWS: requests are charged when API Gateway accepts them and calls the integration; throttled
// (429), unmatched (403/404) and unauthorized (401) requests are not charged (API Gateway pricing;
// AWS experts on re:Post: "You do not pay for requests which are not authorized, did not match a
// route in your API or throttled"; a request that reaches a Lambda integration which is throttled
// is charged). The throttle quota — 10,000 requests/s refill, burst 5,000 — is per account and
// Region, shared by all REST and HTTP APIs (developerguide/limits.html, api-gateway-request-throttling).
#include "support/test_support.h"

using namespace sim;
using namespace sim::test;

namespace {
constexpr double kRestPerRequest = 3.50 / 1e6;  // REST API, first 333M requests a month

std::string api_node(const std::string& id, const std::string& config) {
    return R"({"id": ")" + id + R"(", "type": "apigateway", "config": )" + config + "}";
}
std::string source(const std::string& id, const std::string& client, double rps, const std::string& path = "/items",
                   const std::string& arrival = "uniform") {
    return R"({"id": ")" + id + R"(", "source": ")" + client + R"(", "arrival": ")" + arrival + R"(", "duration": "10s",
               "request": {"method": "GET", "path": ")" +
           path + R"("}, "profile": {"type": "constant", "rps": )" + std::to_string(rps) + "}}";
}
double node_cost(const Simulation& s, const char* id) {
    return s.report()["cost_usd"][id].get<double>();
}
// Client u → API Gateway `api` → Lambda f, one uniform source at `rps` for 10 s; `extra_nodes`
// and `extra_edges` (each starting with ", ") wire more, `settings` is the pattern's.
std::string client_api_fn(const std::string& api_config, const std::string& fn_config, double rps,
                          const std::string& fn_edge_config = "{}", const std::string& extra_nodes = "",
                          const std::string& extra_edges = "", const std::string& settings = "{}") {
    return R"({"format": "serverless-playground/1", "name": "t", "seed": 3, "settings": )" + settings + R"(,
      "nodes": [{"id": "u", "type": "client", "config": {}}, )" +
           api_node("api", api_config) + R"(, {"id": "f", "type": "lambda", "config": )" + fn_config + "}" +
           extra_nodes + R"(],
      "edges": [{"from": "u", "to": "api"}, {"from": "api", "to": "f", "config": )" +
           fn_edge_config + "}" + extra_edges + R"(],
      "traffic": [)" +
           source("t", "u", rps) + "]}";
}

std::uint64_t answered(const Simulation& s, const char* client, const char* code) {
    return s.report()["nodes"][client]["responses_by_status"].value(code, std::uint64_t{0});
}
}  // namespace

TEST_SUITE("apigateway billing") {
    TEST_CASE("a 15,000 rps burst for 10 s bills exactly the requests the account throttle accepts") {
        // 15,000 rps × 10 s = 150,000 requests. The bucket starts full (5,000) and refills
        // 10,000/s: 5,000 + 10,000 × 10 = 105,000 accepted, 45,000 throttled (429).
        auto s = build_ok(client_api_fn("{}", R"({"DurationMs": 1, "ReservedConcurrentExecutions": 900})", 15000));
        s->run_until(sec(12));
        const std::uint64_t sent = counter(*s, "u", Counter::Invocations);
        const std::uint64_t throttled = counter(*s, "api", Counter::Throttles);
        CHECK(sent == 150000);
        CHECK(answered(*s, "u", "429") == throttled);
        CHECK(static_cast<double>(sent - throttled) == doctest::Approx(105000).epsilon(0.0001));
        // Every accepted request reaches the function (200) and is billed; no 429 is.
        CHECK(node_cost(*s, "api") ==
              doctest::Approx(static_cast<double>(sent - throttled) * kRestPerRequest).epsilon(1e-9));
    }

    TEST_CASE("two APIs share the account's 10,000 rps: 8,000 rps each throttles ~55,000 of 160,000") {
        // 2 × 8,000 × 10 s = 160,000 requests; the shared bucket admits 5,000 + 10,000 × 10 =
        // 105,000 of them whichever API they hit, so about 55,000 get 429. Poisson arrivals: two
        // uniform sources in lockstep would always hand the refilled token to the same API.
        auto s = build_ok(R"({"format": "serverless-playground/1", "name": "t", "seed": 3,
          "nodes": [{"id": "u1", "type": "client", "config": {}}, {"id": "u2", "type": "client", "config": {}},
                    )" + api_node("a1", "{}") +
                          ", " + api_node("a2", R"({"ApiType": "HTTP"})") + R"(,
                    {"id": "f", "type": "lambda", "config": {"DurationMs": 1}}],
          "edges": [{"from": "u1", "to": "a1"}, {"from": "u2", "to": "a2"}, {"from": "a1", "to": "f"}, {"from": "a2", "to": "f"}],
          "traffic": [)" + source("t1", "u1", 8000, "/items", "poisson") +
                          ", " + source("t2", "u2", 8000, "/items", "poisson") + "]}");
        s->run_until(sec(12));
        const std::uint64_t sent = counter(*s, "u1", Counter::Invocations) + counter(*s, "u2", Counter::Invocations);
        const std::uint64_t throttled = counter(*s, "a1", Counter::Throttles) + counter(*s, "a2", Counter::Throttles);
        CHECK(static_cast<double>(sent) == doctest::Approx(160000).epsilon(0.01));
        CHECK(static_cast<double>(sent - throttled) == doctest::Approx(105000).epsilon(0.001));
        CHECK(static_cast<double>(throttled) == doctest::Approx(55000).epsilon(0.03));
        // Each API alone (8,000 rps) is under the quota: both are throttled, not just one.
        CHECK(counter(*s, "a1", Counter::Throttles) > 20000);
        CHECK(counter(*s, "a2", Counter::Throttles) > 20000);
    }

    TEST_CASE("a stage limit set on the node applies before the account's") {
        // Stage 50 rps with burst 10 at 200 rps for 10 s: 10 + 50 × 10 = 510 accepted.
        auto s = build_ok(
            client_api_fn(R"({"ThrottlingRateLimit": 50, "ThrottlingBurstLimit": 10})", R"({"DurationMs": 1})", 200));
        s->run_until(sec(12));
        CHECK(answered(*s, "u", "200") == doctest::Approx(510).epsilon(0.005));
        CHECK(node_cost(*s, "api") == doctest::Approx(static_cast<double>(answered(*s, "u", "200")) * kRestPerRequest));
    }

    TEST_CASE("unmatched routes are answered 403 and not charged") {
        auto s = build_ok(client_api_fn("{}", "{}", 5, R"({"Route": "POST /orders"})"));
        s->run_until(sec(12));
        CHECK(answered(*s, "u", "403") == 50);
        CHECK(node_cost(*s, "api") == 0);
    }

    TEST_CASE("requests the Cognito authorizer rejects get 401 and are not charged") {
        auto s = build_ok(client_api_fn("{}", "{}", 5, "{}", R"(, {"id": "pool", "type": "cognito", "config": {}})",
                                        R"(, {"from": "api", "port": "authorizer", "to": "pool"})"));
        s->run_until(sec(12));
        CHECK(answered(*s, "u", "401") == 50);
        CHECK(node_cost(*s, "api") == 0);
    }

    TEST_CASE("a request whose Lambda integration is throttled (500) is charged") {
        // Reserved concurrency 0: every invocation is throttled; API Gateway answers 500 and bills.
        auto s = build_ok(client_api_fn("{}", R"({"ReservedConcurrentExecutions": 0})", 5));
        s->run_until(sec(12));
        CHECK(answered(*s, "u", "500") == 50);
        CHECK(node_cost(*s, "api") == doctest::Approx(50 * kRestPerRequest));
    }

    TEST_CASE("the account quota is a setting; its burst is half the rate as AWS derives it") {
        // 2,500 rps (newer Regions) → burst 1,250: at 5,000 rps for 10 s, 1,250 + 25,000 accepted.
        auto s = build_ok(
            client_api_fn("{}", R"({"DurationMs": 1})", 5000, "{}", "", "", R"({"apiGatewayAccountRps": 2500})"));
        s->run_until(sec(12));
        CHECK(static_cast<double>(counter(*s, "u", Counter::Invocations) - counter(*s, "api", Counter::Throttles)) ==
              doctest::Approx(26250).epsilon(0.0002));
        CHECK(build_errors(
                  R"({"format": "serverless-playground/1", "settings": {"apiGatewayAccountRps": 0}, "nodes": []})")
                  .has_errors());
    }
}

TEST_SUITE("client") {
    TEST_CASE("uniform arrivals send exactly R × N requests in N seconds, whatever the gap's fraction of a µs") {
        // 1e6 / 15,000 = 66.67 µs and 1e6 / 300,000 = 3.33 µs: rounding each gap to whole µs would
        // send 14,925 or 333,333/s; carrying the remainder keeps the average gap exact.
        for (const int rps : {15000, 300000, 7}) {
            auto s = build_ok(R"({"format": "serverless-playground/1", "name": "t", "seed": 3,
              "nodes": [{"id": "u", "type": "client", "config": {}}, {"id": "q", "type": "sqs", "config": {}}],
              "edges": [{"from": "u", "to": "q"}],
              "traffic": [{"id": "t", "source": "u", "arrival": "uniform", "duration": "3s", "profile": {"type": "constant", "rps": )" +
                              std::to_string(rps) + "}}]}");
            s->run_until(sec(5));
            CHECK(counter(*s, "u", Counter::Invocations) == static_cast<std::uint64_t>(rps) * 3);
        }
    }
}
