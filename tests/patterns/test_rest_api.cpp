// test_rest_api.cpp — seed Pattern 1 end to end: Client → API Gateway → Lambda → DynamoDB + S3.
#include "support/test_support.h"

#include <set>

using namespace sim;
using namespace sim::test;

TEST_SUITE("pattern_rest_api") {
    TEST_CASE("requests flow through every node and each successful request writes one item and one object") {
        auto s = build_ok(repo_file("patterns/rest-api.json"));
        REQUIRE(s->run_until(minutes(10)) == StopReason::TimeLimit);
        const std::uint64_t sent = counter(*s, "web-clients", Counter::Invocations);
        const std::uint64_t api = counter(*s, "orders-api", Counter::Invocations);
        const std::uint64_t fn = counter(*s, "orders-fn", Counter::Invocations);
        const std::uint64_t fn_errors = counter(*s, "orders-fn", Counter::Errors);
        // 20 rps Poisson for 600 s: about 12,000 requests.
        CHECK(sent == doctest::Approx(12000).epsilon(0.05));
        CHECK(api == sent);
        CHECK(fn == api);
        CHECK(fn_errors > 0);  // ErrorRate 0.2 %
        const Json r = s->report();
        CHECK(r["nodes"]["orders-table"]["items_written"].get<std::uint64_t>() == fn - fn_errors);
        CHECK(r["nodes"]["orders-table"]["items"].get<std::uint64_t>() == fn - fn_errors);
        CHECK(r["nodes"]["receipts-bucket"]["objects_put"].get<std::uint64_t>() == fn - fn_errors);
        CHECK(r["sources"]["checkout"]["failed"].get<std::uint64_t>() == fn_errors);
        CHECK(r["nodes"]["web-clients"]["responses_by_status"]["502"].get<std::uint64_t>() == fn_errors);
        // Scale from zero: the first requests cold-start, later ones reuse warm environments.
        const std::uint64_t cold = counter(*s, "orders-fn", Counter::ColdStarts);
        CHECK(cold >= 1);
        CHECK(cold < fn / 100);
    }

    TEST_CASE("cost equals the price table applied to the counted requests") {
        auto s = build_ok(repo_file("patterns/rest-api.json"));
        s->run_until(minutes(10));
        const Json r = s->report();
        const double api_requests = static_cast<double>(counter(*s, "orders-api", Counter::Invocations));
        CHECK(r["cost_usd"]["orders-api"].get<double>() == doctest::Approx(api_requests * 3.50 / 1e6));
        const double puts = static_cast<double>(r["nodes"]["receipts-bucket"]["objects_put"].get<std::uint64_t>());
        CHECK(r["cost_usd"]["receipts-bucket"].get<double>() == doctest::Approx(puts * 0.005 / 1000));
        const double wru = r["nodes"]["orders-table"]["write_units"].get<double>();
        CHECK(r["cost_usd"]["orders-table"].get<double>() == doctest::Approx(wru * 0.625 / 1e6));
        const double gbs = r["nodes"]["orders-fn"]["billed_gb_seconds"].get<double>();
        const double inv = static_cast<double>(counter(*s, "orders-fn", Counter::Invocations));
        CHECK(r["cost_usd"]["orders-fn"].get<double>() ==
              doctest::Approx(inv * 0.20 / 1e6 + gbs * 0.0000166667).epsilon(1e-6));
    }

    TEST_CASE("the same pattern and seed give a byte-identical report; another seed a different trace") {
        const std::string text = repo_file("patterns/rest-api.json");
        auto a = build_ok(text), b = build_ok(text);
        a->run_until(minutes(2));
        b->run_until(minutes(2));
        CHECK(a->report().dump() == b->report().dump());
        BuildOptions other;
        other.seed = 43;
        auto c = build_ok(text, other);
        c->run_until(minutes(2));
        CHECK(c->report()["trace_fingerprint"] != a->report()["trace_fingerprint"]);
    }

    TEST_CASE("the trace keeps the spans of one request across its hops") {
        auto s = build_ok(repo_file("patterns/rest-api.json"));
        s->run_until(sec(5));
        const auto spans = s->trace().spans_of(1);
        REQUIRE(spans.size() >= 4);  // API, Lambda, PutItem, PutObject
        std::set<std::string> nodes;
        for (const auto& sp : spans) nodes.insert(s->node_id(sp.node));
        CHECK(nodes.count("orders-api"));
        CHECK(nodes.count("orders-fn"));
        CHECK(nodes.count("orders-table"));
        CHECK(nodes.count("receipts-bucket"));
    }
}
