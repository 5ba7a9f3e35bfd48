// test_cloudfront.cpp — CloudFront distributions, CloudFront Functions and Lambda@Edge: limits by
// trigger, cache hits vs origin fetches, latency and cost differences, error mapping, determinism.
#include "support/test_support.h"

using namespace sim;
using namespace sim::test;

namespace {
// viewer → cdn → S3 bucket filled by a "deploy" source with pages/1..20.html, plus optional functions.
// (Request paths are not templated, so viewers ask for one page.)
std::string site(const std::string& cdn_config, const std::string& fn_nodes = "", const std::string& fn_edges = "",
                 double rps = 50, const std::string& path = "/pages/7.html") {
    return R"({"format": "serverless-playground/1", "name": "t", "seed": 11,
      "nodes": [{"id": "viewers", "type": "client", "config": {}}, {"id": "deploy", "type": "client", "config": {}},
                {"id": "cdn", "type": "cloudfront", "config": )" +
           cdn_config + R"(},
                {"id": "site", "type": "s3", "config": {}})" +
           fn_nodes + R"(],
      "edges": [{"from": "viewers", "to": "cdn"}, {"from": "deploy", "to": "site"}, {"from": "cdn", "to": "site"})" +
           fn_edges + R"(],
      "traffic": [{"id": "put", "source": "deploy", "arrival": "uniform", "duration": "2s", "profile": {"type": "constant", "rps": 10},
                   "payload": {"operation": "PutObject", "Key": "pages/{{seq}}.html"}},
                  {"id": "get", "source": "viewers", "start": "5s", "request": {"method": "GET", "path": ")" +
           path + R"("},
                   "profile": {"type": "constant", "rps": )" +
           std::to_string(rps) + "}}]}";
}
double cost(const Simulation& s, const char* node) {
    return s.report()["cost_usd"][node].get<double>();
}
std::uint64_t failed(const Simulation& s) {
    return s.report()["sources"]["get"]["failed"].get<std::uint64_t>();
}
std::uint64_t ok(const Simulation& s) {
    return s.report()["sources"]["get"]["ok"].get<std::uint64_t>();
}
}  // namespace

TEST_SUITE("cloudfront") {
    TEST_CASE("edge function limits are checked per trigger, naming the limit") {
        auto d = build_errors(site(
            "{}",
            R"(, {"id": "cff", "type": "cloudfront_function", "config": {"CodeSizeBytes": 20000, "MemorySize": 128, "DurationMs": 5}},
                 {"id": "view", "type": "lambda_edge", "config": {"MemorySize": 512, "Timeout": 10, "CodeSizeBytes": 2000000, "Runtime": "java21"}},
                 {"id": "orig", "type": "lambda_edge", "config": {"MemorySize": 2048, "Timeout": 31}})",
            R"(, {"from": "cdn", "port": "viewer_request", "to": "cff"}, {"from": "cdn", "port": "viewer_response", "to": "view"},
                 {"from": "cdn", "port": "origin_request", "to": "orig"}, {"from": "cdn", "port": "origin_response", "to": "cff"})"));
        CHECK(has_error(d, "/nodes/4/config/CodeSizeBytes", "CodeSizeBytes must be 1..10240 bytes, got 20000"));
        CHECK(has_error(d, "/nodes/4/config/MemorySize",
                        "MemorySize of a CloudFront Function is fixed at 2 MB, got 128"));
        CHECK(has_error(
            d, "/nodes/4/config/DurationMs",
            "a CloudFront Function must finish in under about 1 ms of compute, but DurationMs has a median of 5.0 ms"));
        CHECK(has_error(d, "/nodes/5/config/MemorySize",
                        "MemorySize must be at most 128 MB for a Lambda@Edge function on a viewer trigger "
                        "(viewer_response from 'cdn'), got 512"));
        CHECK(has_error(d, "/nodes/5/config/Timeout",
                        "Timeout must be at most 5 s for a Lambda@Edge function on a viewer trigger (viewer_response "
                        "from 'cdn'), got 10"));
        CHECK(has_error(d, "/nodes/5/config/CodeSizeBytes",
                        "CodeSizeBytes must be at most 1 MB (1048576) for a Lambda@Edge function on a viewer trigger "
                        "(viewer_response from 'cdn'), got 2000000"));
        CHECK(has_error(d, "/nodes/5/config/Runtime",
                        "Lambda@Edge supports Node.js and Python runtimes only, got 'java21'"));
        CHECK(has_error(d, "/nodes/6/config/Timeout", "Timeout must be 1..30 s, got 31"));
        CHECK(has_error(
            d, "/edges/6",
            "cannot connect cdn to cff: CloudFront origin response can target Lambda@Edge, not CloudFront Function; "
            "CloudFront Functions run only on viewer-request and viewer-response; use Lambda@Edge for origin events"));
    }

    TEST_CASE("a distribution needs exactly one origin and one function per trigger") {
        auto d = build_errors(
            R"({"format": "serverless-playground/1", "nodes": [{"id": "cdn", "type": "cloudfront", "config": {}},
            {"id": "a", "type": "cloudfront_function", "config": {}}, {"id": "b", "type": "cloudfront_function", "config": {}}],
            "edges": [{"from": "cdn", "port": "viewer_request", "to": "a"}, {"from": "cdn", "port": "viewer_request", "to": "b"}]})");
        CHECK(has_error(d, "/nodes/0", "'cdn' has no origin"));
        CHECK(has_error(d, "/edges/1", "'cdn' already runs 'a' on viewer_request"));
    }

    TEST_CASE("cache hits are answered at the edge; misses go to the origin") {
        auto s = build_ok(site(R"({"CacheHitRatio": 0.8, "EdgeLatencyMs": 10, "OriginLatencyMs": 50})"));
        s->run_until(minutes(2) + sec(5));
        const Json r = s->report()["nodes"]["cdn"];
        const double total = r["cache_hits"].get<double>() + r["cache_misses"].get<double>();
        CHECK(total == doctest::Approx(50 * 120).epsilon(0.05));
        CHECK(r["cache_hits"].get<double>() / total == doctest::Approx(0.8).epsilon(0.03));
        CHECK(counter(*s, "site", Counter::Invocations) + 3 >=
              20 + r["cache_misses"].get<std::uint64_t>());  // minus in flight
        CHECK(failed(*s) == 0);
        // p50 is a hit (edge only, 10 ms); p90+ are misses (10 + 50 ms + S3).
        CHECK(s->source_latency(1).percentile(0.5).millis() == doctest::Approx(10).epsilon(0.05));
        CHECK(s->source_latency(1).percentile(0.95).millis() > 60);
    }

    TEST_CASE("a missing object is relayed as 404 from the S3 origin") {
        auto s = build_ok(site(R"({"CacheHitRatio": 0})", "", "", 5, "/missing.html"));
        s->run_until(sec(30));
        CHECK(ok(*s) == 0);
        CHECK(s->report()["nodes"]["viewers"]["responses_by_status"]["404"].get<int>() > 100);
    }

    TEST_CASE(
        "CloudFront Functions cost $0.10 per 1M and add under a millisecond; Lambda@Edge costs more and cold-starts") {
        const std::string cdn = R"({"CacheHitRatio": 0.9, "EdgeLatencyMs": 10, "ResponseSizeBytes": 0})";
        auto cff = build_ok(site(cdn, R"(, {"id": "fn", "type": "cloudfront_function", "config": {}})",
                                 R"(, {"from": "cdn", "port": "viewer_request", "to": "fn"})", 100));
        auto edge = build_ok(
            site(cdn, R"(, {"id": "fn", "type": "lambda_edge", "config": {"MemorySize": 128, "DurationMs": 5}})",
                 R"(, {"from": "cdn", "port": "viewer_request", "to": "fn"})", 100));
        cff->run_until(minutes(10) + sec(5));
        edge->run_until(minutes(10) + sec(5));
        const double n = static_cast<double>(counter(*cff, "fn", Counter::Invocations));
        CHECK(n == doctest::Approx(60000).epsilon(0.03));
        CHECK(cost(*cff, "fn") == doctest::Approx(n * 0.10 / 1e6));
        // Lambda@Edge: $0.60 per 1M + 5 ms at 128 MB = 0.000625 GB-s × $0.00005001 per request.
        const double m = static_cast<double>(counter(*edge, "fn", Counter::Invocations));
        CHECK(cost(*edge, "fn") == doctest::Approx(m * (0.60 / 1e6 + 0.005 * 0.125 * 0.00005001)).epsilon(1e-6));
        CHECK(cost(*edge, "fn") > 6 * cost(*cff, "fn"));
        CHECK(counter(*cff, "fn", Counter::ColdStarts) == 0);
        CHECK(counter(*edge, "fn", Counter::ColdStarts) > 0);
        // Every request pays the function: a hit's latency is edge + function.
        CHECK(cff->source_latency(1).percentile(0.5).millis() < 11);
        CHECK(edge->source_latency(1).percentile(0.5).millis() > 20);     // + regional edge cache hop + 5 ms
        CHECK(edge->source_latency(1).percentile(0.999).millis() > 100);  // cold starts
    }

    TEST_CASE("origin triggers run only on cache misses") {
        auto s = build_ok(site(R"({"CacheHitRatio": 0.75})",
                               R"(, {"id": "auth", "type": "lambda_edge", "config": {"MemorySize": 1024}})",
                               R"(, {"from": "cdn", "port": "origin_request", "to": "auth"})"));
        s->run_until(minutes(1) + sec(5));
        CHECK(counter(*s, "auth", Counter::Invocations) ==
              s->report()["nodes"]["cdn"]["cache_misses"].get<std::uint64_t>());
    }

    TEST_CASE("function errors and timeouts become 503 from CloudFront") {
        auto s = build_ok(site(
            "{}", R"(, {"id": "fn", "type": "cloudfront_function", "config": {"DurationMs": {"p50": 0.5, "p99": 3}}},
                                       {"id": "le", "type": "lambda_edge", "config": {"Timeout": 1, "DurationMs": {"min": 500, "max": 1500}}})",
            R"(, {"from": "cdn", "port": "viewer_request", "to": "fn"}, {"from": "cdn", "port": "origin_request", "to": "le"})",
            20));
        s->run_until(minutes(1) + sec(5));
        CHECK(counter(*s, "fn", Counter::Timeouts) > 0);  // runs over the ~1 ms compute limit
        CHECK(counter(*s, "le", Counter::Timeouts) > 0);
        const auto n503 = s->report()["nodes"]["viewers"]["responses_by_status"]["503"].get<std::uint64_t>();
        CHECK(n503 <= counter(*s, "fn", Counter::Errors) + counter(*s, "le", Counter::Errors));
        CHECK(n503 + 5 >=
              counter(*s, "fn", Counter::Errors) + counter(*s, "le", Counter::Errors));  // some still on the wire
    }

    TEST_CASE("the same seed gives the same trace") {
        const std::string p =
            site(R"({"CacheHitRatio": 0.7})", R"(, {"id": "fn", "type": "lambda_edge", "config": {}})",
                 R"(, {"from": "cdn", "port": "origin_response", "to": "fn"})");
        auto a = build_ok(p);
        auto b = build_ok(p);
        a->run_until(minutes(2));
        b->run_until(minutes(2));
        CHECK(a->report()["trace_fingerprint"] == b->report()["trace_fingerprint"]);
    }

    TEST_CASE("the shipped edge-site pattern runs: the function runs on every view, Lambda@Edge on misses only") {
        auto s = build_ok(repo_file("patterns/edge-site.json"));
        s->run_until(minutes(10));
        const Json r = s->report();
        CHECK(r["sources"]["page-views"]["ok"].get<int>() > 60000);
        CHECK(counter(*s, "url-rewrite", Counter::Invocations) == counter(*s, "site-cdn", Counter::Invocations));
        CHECK(counter(*s, "origin-auth", Counter::Invocations) < counter(*s, "site-cdn", Counter::Invocations) / 5);
        CHECK(r["cost_usd"]["origin-auth"].get<double>() /
                  static_cast<double>(counter(*s, "origin-auth", Counter::Invocations)) >
              6 * r["cost_usd"]["url-rewrite"].get<double>() /
                  static_cast<double>(counter(*s, "url-rewrite", Counter::Invocations)));
    }
}
