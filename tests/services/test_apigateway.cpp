// test_apigateway.cpp — throttling token bucket, integration timeout, routes, error mapping.
#include "support/test_support.h"

using namespace sim;
using namespace sim::test;

namespace {
std::string api(const std::string& api_config, const std::string& fn_config, double rps,
                const std::string& edge_config = "{}",
                const std::string& request = R"({"method": "GET", "path": "/items"})") {
    return R"({"format": "serverless-playground/1", "name": "t", "seed": 9,
      "nodes": [{"id": "u", "type": "client", "config": {}},
                {"id": "api", "type": "apigateway", "config": )" +
           api_config + R"(},
                {"id": "f", "type": "lambda", "config": )" +
           fn_config + R"(}],
      "edges": [{"from": "u", "to": "api"}, {"from": "api", "to": "f", "config": )" +
           edge_config + R"(}],
      "traffic": [{"id": "t", "source": "u", "arrival": "uniform", "request": )" +
           request + R"(, "profile": {"type": "constant", "rps": )" + std::to_string(rps) + "}}]}";
}
std::uint64_t status(const Simulation& s, const char* code) {
    const Json r = s.report();
    const Json& by = r["nodes"]["u"]["responses_by_status"];
    return by.contains(code) ? by[code].get<std::uint64_t>() : 0;
}
}  // namespace

TEST_SUITE("apigateway") {
    TEST_CASE("config validation names the limits") {
        auto d = build_errors(R"({"format": "serverless-playground/1", "nodes": [{"id": "a", "type": "apigateway",
            "config": {"ApiType": "SOAP", "TimeoutInMillis": 40000}}]})");
        CHECK(has_error(d, "/nodes/0/config/ApiType", "ApiType must be one of REST, HTTP, got \"SOAP\""));
        CHECK(has_error(d, "/nodes/0/config/TimeoutInMillis", "TimeoutInMillis must be 50..29000 ms, got 40000"));
    }

    TEST_CASE("requests beyond the token bucket get 429") {
        // 200 rps against a 50 rps limit with a 10-request burst: ~50 pass each second.
        auto s =
            build_ok(api(R"({"ThrottlingRateLimit": 50, "ThrottlingBurstLimit": 10})", R"({"DurationMs": 1})", 200));
        s->run_until(sec(20));
        CHECK(status(*s, "200") == doctest::Approx(20 * 50 + 10).epsilon(0.02));
        CHECK(status(*s, "429") == doctest::Approx(20 * 150 - 10).epsilon(0.02));
        CHECK(counter(*s, "api", Counter::Throttles) == status(*s, "429"));
    }

    TEST_CASE("an integration slower than the timeout gets 504 while the function still runs") {
        auto s = build_ok(api(R"({"TimeoutInMillis": 1000})", R"({"DurationMs": 3000, "Timeout": 10})", 1));
        s->run_until(sec(30));
        CHECK(status(*s, "504") >= 25);
        CHECK(status(*s, "200") == 0);
        CHECK(counter(*s, "f", Counter::Errors) == 0);  // Lambda itself succeeded
    }

    TEST_CASE("the 504 comes exactly when the integration timeout runs out, for every request") {
        // 1 s timeout, 3 s function, 4 requests per second: many timeouts open at once.
        auto s = build_ok(api(R"({"TimeoutInMillis": 1000})", R"({"DurationMs": 3000, "Timeout": 10})", 4));
        s->run_until(sec(20));
        CHECK(status(*s, "504") >= 4 * 18);
        const Json lat = s->report()["nodes"]["api"]["latency_ms"];
        // Latency = the gateway's overhead (a few ms) + the 1,000 ms timeout, never less.
        CHECK(lat["p50"].get<double>() >= 1000);
        CHECK(lat["p99"].get<double>() < 1100);
    }

    TEST_CASE("function errors map to 502 on REST and 500 on HTTP APIs") {
        auto rest = build_ok(api(R"({"ApiType": "REST"})", R"({"ErrorRate": 1})", 2));
        rest->run_until(sec(10));
        CHECK(status(*rest, "502") == 20);
        auto http = build_ok(api(R"({"ApiType": "HTTP"})", R"({"ErrorRate": 1})", 2));
        http->run_until(sec(10));
        CHECK(status(*http, "500") == 20);
    }

    TEST_CASE("unmatched routes get 403 on REST and 404 on HTTP APIs") {
        auto rest = build_ok(api(R"({})", R"({})", 1, R"({"Route": "POST /orders"})"));
        rest->run_until(sec(5));
        CHECK(status(*rest, "403") == counter(*rest, "u", Counter::Invocations));
        CHECK(counter(*rest, "f", Counter::Invocations) == 0);
        auto http = build_ok(api(R"({"ApiType": "HTTP"})", R"({})", 1, R"({"Route": "GET /items/{id}"})",
                                 R"({"method": "GET", "path": "/items/42"})"));
        http->run_until(sec(5));
        CHECK(status(*http, "200") >= 5);
        CHECK(status(*http, "404") == 0);
    }

    TEST_CASE("one link can serve several routes of the same target, and only those") {
        // AWS reuses one integration for many routes (e.g. GET and POST /items to one function);
        // a request on a route the API does not define still gets 404 on an HTTP API.
        const std::string routes = R"({"Routes": ["GET /items", "POST /items"]})";
        auto get = build_ok(api(R"({"ApiType": "HTTP"})", R"({})", 1, routes));
        get->run_until(sec(5));
        CHECK(status(*get, "200") >= 4);  // one a second; the last may still be in flight
        CHECK(status(*get, "404") == 0);
        auto del =
            build_ok(api(R"({"ApiType": "HTTP"})", R"({})", 1, routes, R"({"method": "DELETE", "path": "/items"})"));
        del->run_until(sec(5));
        CHECK(status(*del, "404") == counter(*del, "u", Counter::Invocations));
        CHECK(counter(*del, "f", Counter::Invocations) == 0);
        auto d = build_errors(api(R"({})", R"({})", 1, R"({"Routes": ["GET items"]})"));
        CHECK(has_error(d, "/edges/1/config/Routes",
                        "Route on api -> f must look like \"POST /orders\" or \"ANY /{proxy+}\", got \"GET items\""));
    }

    TEST_CASE("an HTTP API's EventBridge-PutEvents integration maps request parameters onto the event") {
        // HTTP API first-class integrations: EventBridge-PutEvents takes Source, DetailType and Detail,
        // literal or mapped from the request ("$request.body.x")
        // (https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-develop-integrations-aws-services-reference.html).
        auto s = build_ok(R"({"format": "serverless-playground/1", "name": "t", "seed": 3,
          "nodes": [{"id": "u", "type": "client", "config": {}},
                    {"id": "api", "type": "apigateway", "config": {"ApiType": "HTTP"}},
                    {"id": "bus", "type": "eventbridge", "config": {"Rules": [
                       {"Name": "big", "EventPattern": {"source": ["WebApp"], "detail": {"total": [{"numeric": [">", 100]}]}},
                        "Targets": [{"Id": "f", "Arn": "f"}]}]}},
                    {"id": "f", "type": "lambda", "config": {}}],
          "edges": [{"from": "u", "to": "api"},
                    {"from": "api", "to": "bus", "config": {"Route": "POST /orders", "RequestParameters":
                       {"Source": "WebApp", "DetailType": "Order", "Detail": "$request.body.order"}}},
                    {"from": "bus", "to": "f"}],
          "traffic": [{"id": "t", "source": "u", "arrival": "uniform", "request": {"method": "POST", "path": "/orders"},
                       "payload": {"order": {"total": "{{int:1:200}}"}}, "profile": {"type": "constant", "rps": 10}}]})");
        s->run_until(sec(60));
        const auto events = counter(*s, "bus", Counter::Invocations);
        const auto matched = counter(*s, "f", Counter::Invocations);
        CHECK(events >= 590);
        // Totals 1..200 uniformly: the rule matches those above 100, about half.
        CHECK(matched > events * 0.4);
        CHECK(matched < events * 0.6);
    }

    TEST_CASE("HTTP APIs cost less per request than REST APIs") {
        auto rest = build_ok(api(R"({})", R"({})", 10));
        auto http = build_ok(api(R"({"ApiType": "HTTP"})", R"({})", 10));
        rest->run_until(sec(100));
        http->run_until(sec(100));
        CHECK(rest->report()["cost_usd"]["api"].get<double>() == doctest::Approx(1000 * 3.5e-6));
        CHECK(http->report()["cost_usd"]["api"].get<double>() == doctest::Approx(1000 * 1.0e-6));
    }

    TEST_CASE("a REST stage cache answers GETs for the TTL without calling the function, and bills by the hour") {
        // 10 GET /items per second for 10 minutes, TTL 60 s: one integration call per minute
        // (the first request after each expiry), every other request from the cache.
        auto s =
            build_ok(api(R"({"CacheClusterEnabled": true, "CacheTtlInSeconds": 60})", R"({"DurationMs": 30})", 10));
        s->run_until(minutes(10));
        const Json r = s->report();
        const auto misses = r["nodes"]["api"]["cache_misses"].get<std::uint64_t>();
        const auto hits = r["nodes"]["api"]["cache_hits"].get<std::uint64_t>();
        CHECK(misses >= 10);
        CHECK(misses <= 12);  // a request arriving while the refill is in flight also misses
        const auto requests = hits + misses;
        CHECK(requests >= 6000);  // uniform arrivals at t = 0, 0.1 s, ... 600 s
        CHECK(requests <= 6001);
        CHECK(r["nodes"]["f"]["invocations"].get<std::uint64_t>() == misses);
        CHECK(status(*s, "200") + 1 >= requests);  // the request at exactly 600 s is still in flight
        // Every request at $3.50 per 1M (hits too) plus 10 minutes of the 0.5 GB cache at $0.020 per hour.
        CHECK(r["cost_usd"]["api"].get<double>() ==
              doctest::Approx(static_cast<double>(requests) * 3.5e-6 + 0.020 / 6).epsilon(1e-9));
        // Hits are answered by the gateway alone: the end-to-end median drops below the function's 30 ms.
        CHECK(r["sources"]["t"]["latency_ms"]["p50"].get<double>() < 30);
    }

    TEST_CASE("only GETs are cached; TTL 0 disables the cache; an idle cache still costs money") {
        auto post = build_ok(api(R"({"CacheClusterEnabled": true})", R"({"DurationMs": 1})", 5, "{}",
                                 R"({"method": "POST", "path": "/items"})"));
        post->run_until(sec(60));
        CHECK(post->report()["nodes"]["api"]["cache_hits"] == 0);
        CHECK(counter(*post, "f", Counter::Invocations) == 300);
        auto off = build_ok(api(R"({"CacheClusterEnabled": true, "CacheTtlInSeconds": 0})", R"({"DurationMs": 1})", 5));
        off->run_until(sec(60));
        CHECK(counter(*off, "f", Counter::Invocations) == 300);
        auto idle = build_ok(api(R"({"CacheClusterEnabled": true, "CacheClusterSize": "6.1"})", R"({})", 0));
        idle->run_until(hours(1));
        CHECK(idle->report()["cost_usd"]["api"].get<double>() ==
              doctest::Approx(0.200));  // $0.200 per hour, no requests
    }

    TEST_CASE("the cache is refused on HTTP APIs and checks its size and TTL") {
        auto d = build_errors(R"({"format": "serverless-playground/1", "nodes": [{"id": "a", "type": "apigateway",
            "config": {"ApiType": "HTTP", "CacheClusterEnabled": true, "CacheClusterSize": "2", "CacheTtlInSeconds": 7200}}]})");
        CHECK(has_error(d, "/nodes/0/config/CacheClusterEnabled",
                        "HTTP APIs have no stage cache; use ApiType REST to cache responses"));
        CHECK(has_error(d, "/nodes/0/config/CacheClusterSize",
                        "CacheClusterSize must be one of 0.5, 1.6, 6.1, 13.5, 28.4, 58.2, 118, 237, got \"2\""));
        CHECK(has_error(d, "/nodes/0/config/CacheTtlInSeconds", "CacheTtlInSeconds must be 0..3600 s, got 7200"));
    }
}
