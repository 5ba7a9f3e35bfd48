// test_compare.cpp — serverless vs EC2: measured cost per request, idle hour, crossover rate,
// capacity verdict and the comparison table rows.
#include "cost/compare.h"
#include "support/test_support.h"

using namespace sim;
using namespace sim::test;

namespace {
std::string api(double rps,
                const std::string& fn = R"({"MemorySize": 512, "DurationReferenceMemoryMB": 512, "DurationMs": 40})") {
    return R"({"format": "serverless-playground/1", "name": "api", "seed": 4, "settings": {"duration": "10m"},
      "nodes": [{"id": "u", "type": "client", "config": {}}, {"id": "api", "type": "apigateway", "config": {}},
                {"id": "f", "type": "lambda", "config": )" +
           fn + R"(}],
      "edges": [{"from": "u", "to": "api"}, {"from": "api", "to": "f"}],
      "traffic": [{"id": "t", "source": "u", "profile": {"type": "constant", "rps": )" +
           std::to_string(rps) + "}}]}";
}
}  // namespace

TEST_SUITE("cost") {
    TEST_CASE("bad options are refused with the allowed values") {
        CompareOptions o;
        o.instance_type = "m9.huge";
        CHECK(compare_pattern(api(1), o).error.rfind("unknown instance type 'm9.huge'; use one of t3.micro, t3.small",
                                                     0) == 0);
        o.instance_type = "m5.large";
        o.count = 0;
        CHECK(compare_pattern(api(1), o).error == "--count must be 1..1000, got 0");
    }

    TEST_CASE("the crossover is where the fleet's fixed cost equals the measured serverless cost per request") {
        CompareOptions o;  // 2 x m5.large + ALB = $0.2145/h
        CompareRun run = compare_pattern(api(20), o);
        REQUIRE(run.result);
        const CompareResult& r = *run.result;
        CHECK(r.requests == doctest::Approx(20 * 600).epsilon(0.05));
        CHECK(r.fleet_hourly == doctest::Approx(0.2145));
        // API Gateway REST $3.50/1M + Lambda $0.20/1M + 40 ms x 0.5 GB x $0.0000166667 per request.
        CHECK(r.cost_per_request == doctest::Approx(3.5e-6 + 0.2e-6 + 0.040 * 0.5 * 0.0000166667).epsilon(0.02));
        CHECK(r.crossover_rps == doctest::Approx(0.2145 / (r.cost_per_request * 3600)));
        CHECK(r.crossover_rps > 10);
        CHECK(r.crossover_rps < 20);  // 20 req/s steady: EC2 is cheaper
        CHECK(r.serverless_hourly > r.fleet_hourly);
        CompareRun low = compare_pattern(api(2), o);  // 2 req/s: serverless is cheaper
        REQUIRE(low.result);
        CHECK(low.result->serverless_hourly < low.result->fleet_hourly);
        CHECK(low.result->crossover_rps == doctest::Approx(r.crossover_rps).epsilon(0.05));
    }

    TEST_CASE("fixed hourly costs (an API cache) move the crossover by their rate, not with the traffic") {
        // A 0.5 GB REST stage cache bills $0.020/h whatever the traffic; POSTs are never cached, so
        // each request costs REST $3.50/1M + Lambda $0.20/1M + 40 ms × 0.5 GB × $0.0000166667.
        // Crossover = (fleet $0.2145/h − $0.020/h) ÷ (that × 3,600 s) ≈ 13.4 req/s at any traffic.
        const double per_request = 3.5e-6 + 0.2e-6 + 0.040 * 0.5 * 0.0000166667;
        const double expected = (0.2145 - 0.020) / (per_request * 3600);
        for (const double rps : {10.0, 1.0}) {
            std::string p = api(rps);
            p.replace(p.find(R"("type": "apigateway", "config": {})"), 34,
                      R"("type": "apigateway", "config": {"CacheClusterEnabled": true})");
            p.replace(p.find(R"("profile")"), 9, R"("request": {"method": "POST", "path": "/orders"}, "profile")");
            CompareRun run = compare_pattern(p, CompareOptions{});
            REQUIRE(run.result);
            const CompareResult& r = *run.result;
            CHECK(r.serverless_fixed_hourly == doctest::Approx(0.020));
            CHECK(r.variable_cost_per_request == doctest::Approx(per_request).epsilon(0.02));
            CHECK(r.crossover_rps == doctest::Approx(expected).epsilon(0.02));
            CHECK(format_compare_text(r).find("fixed $0.0200/h") != std::string::npos);
        }
    }

    TEST_CASE("idle costs nothing serverless and the fleet's hourly price on EC2") {
        CompareOptions o;
        o.alb = false;
        CompareRun run = compare_pattern(api(5), o);
        REQUIRE(run.result);
        CHECK(run.result->idle_hour_serverless == 0);
        CHECK(run.result->fleet_hourly == doctest::Approx(0.192));
        CHECK(run.result->rows[2].aspect == "idle cost (1 h, no traffic)");
        CHECK(run.result->rows[2].serverless == "$0.0000");
        CHECK(run.result->rows[2].ec2 == "$0.1920");
    }

    TEST_CASE("the capacity verdict uses the CPU time per request") {
        CompareOptions o;
        o.instance_type = "t3.micro";
        o.count = 1;
        o.request_cpu_ms = 100;  // 2 vCPUs → 20 req/s at 100%
        CompareRun run = compare_pattern(api(30), o);
        REQUIRE(run.result);
        CHECK(run.result->capacity_rps == doctest::Approx(20));
        CHECK(!run.result->carries_peak);
        CHECK(run.result->peak_utilization > 1);
        CHECK(run.result->rows[1].ec2.find("overloaded: 503s") != std::string::npos);
    }

    TEST_CASE("the table reproduces the seed's rows with numbers from the run") {
        CompareRun run = compare_pattern(api(10), CompareOptions{});
        REQUIRE(run.result);
        const auto& rows = run.result->rows;
        REQUIRE(rows.size() == 7);
        const char* aspects[] = {"operational management", "scaling", "idle cost (1 h, no traffic)", "cold starts",
                                 "max duration"};
        for (int i = 0; i < 5; ++i) CHECK(rows[static_cast<std::size_t>(i)].aspect == aspects[i]);
        CHECK(rows[3].serverless.find("cold starts") == std::string::npos);  // "N in this run, mean INIT ..."
        CHECK(run.result->cold_starts > 0);
        CHECK(rows[4].serverless == "900 s per invocation (longest Timeout here 3 s)");
        CHECK(rows[4].ec2 == "unlimited");
        CHECK(format_compare_text(*run.result).find("crossover  EC2 is cheaper above") != std::string::npos);
        CHECK(compare_to_json(*run.result)["crossover_rps"].get<double>() ==
              doctest::Approx(run.result->crossover_rps));
    }
}
