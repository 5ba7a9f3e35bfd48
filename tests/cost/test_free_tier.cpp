// test_free_tier.cpp — always-free monthly allowances (settings.freeTier): shared per account,
// reset each UTC calendar month, off by default.
#include "core/free_tier.h"
#include "prices/price_table.h"
#include "support/test_support.h"

using namespace sim;
using namespace sim::test;

namespace {
constexpr std::int64_t kJan15 = 1768435200;  // 2026-01-15T00:00:00Z
constexpr std::int64_t kFeb1 = 1769904000;   // 2026-02-01T00:00:00Z

std::string queue_worker(
    bool free_tier,
    const std::string& fn = R"({"MemorySize": 512, "DurationReferenceMemoryMB": 512, "DurationMs": 40})",
    const std::string& queue = "{}") {
    return R"({"format": "serverless-playground/1", "name": "q", "seed": 3,
      "settings": {"duration": "10m")" +
           std::string(free_tier ? R"(, "freeTier": true)" : "") + R"(},
      "nodes": [{"id": "u", "type": "client", "config": {}}, {"id": "q", "type": "sqs", "config": )" +
           queue + R"(},
                {"id": "f", "type": "lambda", "config": )" +
           fn + R"(}],
      "edges": [{"from": "u", "to": "q"}, {"from": "q", "to": "f"}],
      "traffic": [{"id": "t", "source": "u", "duration": "8m", "profile": {"type": "constant", "rps": 2}}]})";
}
}  // namespace

TEST_SUITE("cost") {
    TEST_CASE("an allowance is used first, then list price; it starts again each calendar month") {
        FreeTier ft;
        CHECK(ft.billable(FreeMeter::LambdaRequests, 5, kJan15) == 5);  // off: everything is billed
        ft.enable(true);
        CHECK(ft.billable(FreeMeter::LambdaRequests, 999'999, kJan15) == 0);
        CHECK(ft.billable(FreeMeter::LambdaRequests, 3, kJan15 + 3600) == 2);  // 1 left this month
        CHECK(ft.billable(FreeMeter::LambdaRequests, 3, kFeb1 - 1) == 3);
        CHECK(ft.billable(FreeMeter::SqsRequests, 10, kFeb1 - 1) == 0);  // meters are separate
        CHECK(ft.billable(FreeMeter::LambdaRequests, 3, kFeb1) == 0);    // February: a new 1M
        CHECK(ft.free_units(FreeMeter::LambdaRequests) == 1'000'003);
        CHECK(ft.billable(FreeMeter::StepFunctionsTransitions, 4'500, kFeb1) == 500);
        CHECK(ft.billable(FreeMeter::LambdaGbSeconds, 400'000.5, kFeb1) == doctest::Approx(0.5));
        const Json r = ft.report();
        CHECK(r["meters"]["sns_publishes"]["allowance_per_month"] == 1e6);
        CHECK(r["meters"]["stepfunctions_transitions"]["free_units"] == 4000);
    }

    TEST_CASE("with the free tier a small queue worker costs nothing; without it every request is billed") {
        auto paid = build_ok(queue_worker(false));
        paid->run_until(minutes(10));
        auto free = build_ok(queue_worker(true));
        free->run_until(minutes(10));
        const Json p = paid->report(), f = free->report();
        CHECK(p["nodes"]["f"]["invocations"] == f["nodes"]["f"]["invocations"]);  // same run, only prices differ
        CHECK(p["cost_usd"]["f"].get<double>() > 0);
        CHECK(p["cost_usd"]["q"].get<double>() > 0);
        CHECK(f["cost_usd"]["f"] == 0);
        CHECK(f["cost_usd"]["q"] == 0);
        CHECK_FALSE(p.contains("free_tier"));
        CHECK(f["free_tier"]["meters"]["lambda_requests"]["free_units"] == f["nodes"]["f"]["invocations"]);
        CHECK(f["free_tier"]["meters"]["sqs_requests"]["free_units"].get<double>() >=
              960);  // sends + receives + deletes
    }

    TEST_CASE("beyond 400,000 GB-s Lambda bills the rest at list price, to the cent") {
        // 10 GB x 60 s = 600 GB-s per invocation (plus INIT on cold starts): ~960 invocations far exceed the
        // allowance. Traffic stops at 8 min, so every invocation has finished (and been billed) by 10 min.
        const std::string fn =
            R"({"MemorySize": 10240, "DurationReferenceMemoryMB": 10240, "DurationMs": 60000, "Timeout": 120})";
        auto s = build_ok(queue_worker(true, fn, R"({"VisibilityTimeout": 720})"));
        s->run_until(minutes(10));
        const Json r = s->report();
        const double gbs = r["nodes"]["f"]["billed_gb_seconds"].get<double>();
        REQUIRE(gbs > 400'000);
        CHECK(r["free_tier"]["meters"]["lambda_gb_seconds"]["free_units"] == doctest::Approx(400'000));
        CHECK(r["free_tier"]["meters"]["lambda_requests"]["free_units"] == r["nodes"]["f"]["invocations"]);
        const double expected = (gbs - 400'000) * price_table::kLambdaGbSecondX86;  // requests are all free
        CHECK(r["cost_usd"]["f"].get<double>() == doctest::Approx(expected).epsilon(1e-9));
    }

    TEST_CASE("freeTier must be a boolean, named where it is") {
        std::string bad = queue_worker(false);
        bad.replace(bad.find(R"("duration": "10m")"), 17, R"("duration": "10m", "freeTier": "yes")");
        CHECK(has_error(build_errors(bad), "/settings/freeTier", R"(freeTier must be true or false, got "yes")"));
    }
}
