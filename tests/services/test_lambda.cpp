// test_lambda.cpp — synchronous Lambda behaviour: cold and warm starts, concurrency, timeouts,
// errors, billing. (Async and event-source behaviour: test_lambda_async.cpp.)
#include "support/test_support.h"

using namespace sim;
using namespace sim::test;

namespace {
std::string api_lambda(const std::string& fn_config, double rps, const std::string& api_config = "{}") {
    return R"({"format": "serverless-playground/1", "name": "t", "seed": 5,
      "nodes": [{"id": "u", "type": "client", "config": {}},
                {"id": "api", "type": "apigateway", "config": )" +
           api_config + R"(},
                {"id": "f", "type": "lambda", "config": )" +
           fn_config + R"(}],
      "edges": [{"from": "u", "to": "api"}, {"from": "api", "to": "f"}],
      "traffic": [{"id": "t", "source": "u", "arrival": "uniform", "profile": {"type": "constant", "rps": )" +
           std::to_string(rps) + "}}]}";
}
}  // namespace

TEST_SUITE("lambda") {
    TEST_CASE("config validation names the AWS limits") {
        auto d = build_errors(R"({"format": "serverless-playground/1", "nodes": [{"id": "f", "type": "lambda",
            "config": {"MemorySize": 10241, "Timeout": 0, "Runtime": "cobol", "ReservedConcurrentExecutions": 950,
                       "Architectures": ["sparc"], "ErrorRate": 2}}]})");
        CHECK(has_error(d, "/nodes/0/config/MemorySize", "MemorySize must be 128..10240 MB, got 10241"));
        CHECK(has_error(d, "/nodes/0/config/Timeout", "Timeout must be 1..900 s, got 0"));
        CHECK(has_error(d, "/nodes/0/config/Runtime", "Runtime 'cobol' is not a Lambda runtime this simulator knows"));
        CHECK(has_error(d, "/nodes/0/config/ReservedConcurrentExecutions",
                        "ReservedConcurrentExecutions must be 0..900, got 950"));
        CHECK(has_error(d, "/nodes/0/config/Architectures",
                        "Architectures must be [\"x86_64\"] or [\"arm64\"], got [\"sparc\"]"));
        CHECK(has_error(d, "/nodes/0/config/ErrorRate", "ErrorRate must be 0..1, got 2"));
    }

    TEST_CASE("an action must target a wired node with an operation it supports") {
        auto d = build_errors(R"({"format": "serverless-playground/1", "nodes": [
            {"id": "f", "type": "lambda", "config": {"Actions": [{"target": "t", "operation": "PutItem"},
                                                                 {"target": "b", "operation": "PutItem"}]}},
            {"id": "t", "type": "dynamodb", "config": {}}, {"id": "b", "type": "s3", "config": {}}],
          "edges": [{"from": "f", "to": "b"}]})");
        CHECK(has_error(d, "/nodes/0/config/Actions/0/target", "'f' is not wired to 't'"));
        CHECK(has_error(
            d, "/nodes/0/config/Actions/1/operation",
            "operation 'PutItem' is not one s3 supports here; expected one of: PutObject GetObject DeleteObject"));
    }

    TEST_CASE("the first request cold-starts and later ones reuse the warm environment") {
        auto s = build_ok(api_lambda(R"({"DurationMs": 10})", 1));
        s->run_until(sec(30));
        CHECK(counter(*s, "f", Counter::Invocations) == 30);
        CHECK(counter(*s, "f", Counter::ColdStarts) == 1);
    }

    TEST_CASE("a function idle for longer than the reclaim time cold-starts again") {
        auto s = build_ok(R"({"format": "serverless-playground/1", "nodes": [
            {"id": "f", "type": "lambda", "config": {"DurationMs": 10, "EnvironmentIdleSeconds": 300}}]})");
        s->fire("f", Json::object());
        s->run_until(sec(100));
        s->fire("f", Json::object());  // 100 s idle: warm
        s->run_until(sec(600));
        s->fire("f", Json::object());  // 500 s idle: reclaimed, cold again
        s->run_until(sec(700));
        CHECK(counter(*s, "f", Counter::Invocations) == 3);
        CHECK(counter(*s, "f", Counter::ColdStarts) == 2);
    }

    TEST_CASE("reserved concurrency caps in-flight invocations and throttles the rest as 500 through a REST API") {
        // 1 s function at 100 rps needs ~100 environments; 10 are allowed.
        auto s = build_ok(api_lambda(R"({"DurationMs": 1000, "ReservedConcurrentExecutions": 10, "Timeout": 5})", 100));
        s->run_until(sec(60));
        const auto inv = counter(*s, "f", Counter::Invocations);
        const auto thr = counter(*s, "f", Counter::Throttles);
        CHECK(s->node_metrics(node_index(*s, "f")).peak_concurrency() == 10);
        // Steady state: 10 environments × 1 invocation/s each; the other ~90 requests/s throttle.
        CHECK(inv == doctest::Approx(600).epsilon(0.05));
        CHECK(thr == doctest::Approx(5400).epsilon(0.05));
        CHECK(s->report()["nodes"]["u"]["responses_by_status"]["500"].get<std::uint64_t>() == thr);
    }

    TEST_CASE("reserved concurrency 0 throttles every invocation") {
        auto s = build_ok(api_lambda(R"({"ReservedConcurrentExecutions": 0})", 5));
        s->run_until(sec(10));
        CHECK(counter(*s, "f", Counter::Invocations) == 0);
        CHECK(counter(*s, "f", Counter::Throttles) == 50);
    }

    TEST_CASE("a function slower than its timeout is cut and reported as a 502") {
        auto s = build_ok(api_lambda(R"({"DurationMs": 5000, "Timeout": 2})", 1));
        s->run_until(sec(20));
        // Every invocation that has had 2 s to run timed out (one may still be running at the end).
        CHECK(counter(*s, "f", Counter::Timeouts) >= counter(*s, "f", Counter::Invocations) - 2);
        CHECK(s->report()["nodes"]["u"]["responses_by_status"]["502"].get<std::uint64_t>() >= 15);
        // Billed for the 2 s it ran (plus INIT on cold starts), not for 5 s.
        const double gbs = s->report()["nodes"]["f"]["billed_gb_seconds"].get<double>();
        const double n = static_cast<double>(counter(*s, "f", Counter::Timeouts));
        CHECK(gbs < n * 2.5 * 0.125);
        CHECK(gbs >= n * 2.0 * 0.125);
    }

    TEST_CASE("a handler that ends in the very microsecond of its timeout has timed out") {
        // 1,000 ms of work against Timeout 1 s: the end and the deadline coincide exactly.
        auto s = build_ok(api_lambda(R"({"DurationMs": 1000, "Timeout": 1})", 5));
        s->run_until(sec(20));
        const auto invocations = counter(*s, "f", Counter::Invocations);
        CHECK(invocations >= 90);
        CHECK(counter(*s, "f", Counter::Timeouts) >= invocations - 6);  // the last second's are still running
        CHECK(s->report()["nodes"]["u"]["responses_by_status"].value("200", 0) == 0);
    }

    TEST_CASE("timeouts stay exact when many invocations of different lengths overlap") {
        // Durations spread around the 3 s Timeout: those longer time out at exactly 3 s, so billed
        // time never exceeds 3 s (+ INIT) per invocation.
        auto s = build_ok(api_lambda(R"({"DurationMs": {"p50": 2500, "p99": 9000}, "Timeout": 3})", 40));
        s->run_until(sec(60));
        const auto timeouts = counter(*s, "f", Counter::Timeouts);
        CHECK(timeouts > 100);
        CHECK(counter(*s, "f", Counter::Invocations) > timeouts + 100);
        const Json lat = s->report()["nodes"]["f"]["latency_ms"];
        CHECK(lat["p99"].get<double>() <= 3000 + 1000);  // + INIT for cold starts
    }

    TEST_CASE("billing rounds each invocation up to the millisecond at the configured memory") {
        auto s = build_ok(R"({"format": "serverless-playground/1", "nodes": [
            {"id": "f", "type": "lambda", "config": {"DurationMs": 10.2, "MemorySize": 1024, "DurationReferenceMemoryMB": 1024, "InitDurationMs": 100}}]})");
        s->fire("f", Json::object());
        s->run_until(sec(1));
        s->fire("f", Json::object());
        s->run_until(sec(2));
        // cold: 100 + 10.2 → 111 ms; warm: 10.2 → 11 ms; at 1 GB.
        CHECK(s->report()["nodes"]["f"]["billed_gb_seconds"].get<double>() == doctest::Approx(0.122));
        CHECK(s->total_cost_usd() == doctest::Approx(2 * 0.2e-6 + 0.122 * 0.0000166667));
    }
}
