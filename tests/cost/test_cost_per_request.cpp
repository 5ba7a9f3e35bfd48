// test_cost_per_request.cpp — "cost per million requests": the run's total over the end-to-end
// requests the traffic sources got answers to, checked against the price table by hand.
#include "prices/price_table.h"
#include "support/test_support.h"

using namespace sim;
using namespace sim::test;

TEST_SUITE("cost") {
    TEST_CASE("cost per million requests is the total over answered end-to-end requests, to the price table") {
        auto s = build_ok(R"({"format": "serverless-playground/1", "name": "http", "seed": 5,
          "nodes": [{"id": "u", "type": "client", "config": {}}, {"id": "api", "type": "apigateway", "config": {"ApiType": "HTTP"}},
                    {"id": "f", "type": "lambda", "config": {"MemorySize": 256, "DurationReferenceMemoryMB": 256, "DurationMs": 50}}],
          "edges": [{"from": "u", "to": "api"}, {"from": "api", "to": "f"}],
          "traffic": [{"id": "t", "source": "u", "duration": "4m", "profile": {"type": "constant", "rps": 5}}]})");
        s->run_until(minutes(5));  // traffic stops at 4 min: every request has its answer
        const Json r = s->report();
        const std::uint64_t answered = s->requests_answered();
        CHECK(answered ==
              r["sources"]["t"]["ok"].get<std::uint64_t>() + r["sources"]["t"]["failed"].get<std::uint64_t>());
        CHECK(answered == doctest::Approx(1200).epsilon(0.05));
        CHECK(answered == r["nodes"]["f"]["invocations"].get<std::uint64_t>());
        // $1.00 per 1M HTTP API requests + $0.20 per 1M invocations + billed GB-s at $0.0000166667.
        const double gbs = r["nodes"]["f"]["billed_gb_seconds"].get<double>();
        const double expected =
            static_cast<double>(answered) * (price_table::kApiHttpRequest + price_table::kLambdaRequest) +
            gbs * price_table::kLambdaGbSecondX86;
        CHECK(s->total_cost_usd() == doctest::Approx(expected).epsilon(1e-9));
        const double per_million = s->total_cost_usd() / static_cast<double>(answered) * 1e6;
        // 50 ms at 0.25 GB ≈ 0.0125 GB-s ≈ $0.21 per million, plus $1.20 of requests (INIT adds a little).
        CHECK(per_million > 1.40);
        CHECK(per_million < 1.50);
    }
}
