// test_challenge_load.cpp — loading challenge files: exact diagnostics with JSON paths for bad
// structure, runs and checks; generated descriptions; design checks on small inline solutions.
#include "challenge/challenge.h"
#include "challenge/evaluate.h"
#include "support/test_support.h"

using namespace sim;
using namespace sim::challenge;
using sim::test::has_error;

namespace {

std::string with_checks(const std::string& checks,
                        const std::string& runs = R"([{"id": "main", "duration": "1m", "traffic": []}])") {
    return R"({"format": "serverless-playground-challenge/1", "id": "t", "title": "T", "scenario": "S",
               "start": {"nodes": [{"id": "users", "type": "client"}, {"id": "db", "type": "dynamodb",
                 "config": {"KeySchema": [{"AttributeName": "id", "KeyType": "HASH"}]}}]},
               "runs": )" +
           runs + R"(, "checks": )" + checks + "}";
}

Pattern pattern(const std::string& text) {
    ParseResult p = parse_pattern(text);
    REQUIRE(p.ok());
    return p.pattern;
}

}  // namespace

TEST_SUITE("challenge") {
    TEST_CASE("bad JSON and a missing structure are reported, not thrown") {
        CHECK(load_challenge("{").diagnostics.items()[0].message.find("the challenge is not valid JSON: ") == 0);
        LoadResult r = load_challenge(R"({"format": "v0", "id": "has space"})");
        CHECK(has_error(r.diagnostics, "/format", "format must be \"serverless-playground-challenge/1\", got \"v0\""));
        CHECK(has_error(r.diagnostics, "/id", "id must be 1..64 of [A-Za-z0-9_-], got \"has space\""));
        CHECK(has_error(r.diagnostics, "", "missing \"title\" (a string)"));
        CHECK(has_error(r.diagnostics, "",
                        "a challenge needs \"runs\": a non-empty array of {\"id\", \"duration\", \"traffic\"}"));
        CHECK(has_error(r.diagnostics, "", "a challenge needs \"checks\": a non-empty array of {\"kind\", ...}"));
    }

    TEST_CASE("run problems point into the run: duration, traffic from a node the canvas lacks, bad traffic profile") {
        LoadResult r = load_challenge(with_checks(R"([{"kind": "no_always_on"}])",
                                                  R"([{"id": "a", "duration": "soon"},
                {"id": "a", "duration": "1m", "traffic": [{"id": "x", "source": "db", "profile": {"type": "constant", "rps": 1}}]},
                {"id": "c", "duration": "1m", "traffic": [{"id": "y", "source": "users", "profile": {"type": "wobbly"}}]}])"));
        CHECK(has_error(r.diagnostics, "/runs/0/duration",
                        "duration must be a duration such as \"90s\", \"10m\", \"2h\" or \"1d\", got \"soon\""));
        CHECK(has_error(r.diagnostics, "/runs/1/id", "two runs have id \"a\""));
        CHECK(has_error(r.diagnostics, "/runs/1/traffic/0/source",
                        "traffic source 'db' must be a client or iot node of the starting canvas"));
        bool profile_error = false;
        for (const auto& d : r.diagnostics.items())
            profile_error = profile_error || d.path.rfind("/runs/2/traffic/0/profile", 0) == 0;
        CHECK(profile_error);
    }

    TEST_CASE(
        "check problems point into the check: unknown kind, missing fields, unknown run and type, idle run with "
        "traffic") {
        LoadResult r = load_challenge(with_checks(R"([
            {"kind": "vibes"},
            {"kind": "latency", "source": "orders", "percentile": 120},
            {"kind": "cost", "run": "nope", "max_usd": 1},
            {"kind": "node_exists", "select": {"type": "lambada"}},
            {"kind": "idle_cost", "run": "busy", "max_usd": 0},
            {"kind": "schedule", "select": {"type": "lambda"}, "at": "24:00", "metric": "items"},
            {"kind": "metric", "select": "db", "metric": "items"}])",
                                                  R"([{"id": "main", "duration": "1m", "traffic": []},
                {"id": "busy", "duration": "1m", "traffic": [{"id": "orders", "source": "users", "profile": {"type": "constant", "rps": 1}}]}])"));
        CHECK(has_error(r.diagnostics, "/checks/0/kind", "unknown check kind \"vibes\""));
        CHECK(has_error(r.diagnostics, "/checks/1", "a latency check needs \"run\" when the challenge has 2 runs"));
        CHECK(has_error(r.diagnostics, "/checks/1/percentile", "percentile must be a number in 1..100, got 120"));
        CHECK(has_error(r.diagnostics, "/checks/1", "missing \"max_ms\" (a number)"));
        CHECK(has_error(r.diagnostics, "/checks/2/run", "no run has id \"nope\""));
        CHECK(has_error(r.diagnostics, "/checks/3/select/type",
                        "unknown service type 'lambada' (did you mean 'lambda'?)"));
        CHECK(has_error(r.diagnostics, "/checks/4/run",
                        "idle_cost needs a run with \"traffic\": [] (no requests), run \"busy\" has traffic"));
        CHECK(has_error(r.diagnostics, "/checks/5/at", "at must be a UTC time of day \"HH:MM\", got \"24:00\""));
        CHECK(has_error(r.diagnostics, "/checks/5/metric",
                        "metric must be a counter such as \"invocations\" or \"messages_in\", got \"items\""));
        CHECK(has_error(r.diagnostics, "/checks/6",
                        "missing \"min\" or \"max\" (a number, or {\"source\": <traffic id>, \"field\": \"ok\"})"));
    }

    TEST_CASE("unknown keys warn and descriptions are generated in plain words") {
        LoadResult r = load_challenge(with_checks(R"([
            {"kind": "idle_cost", "max_usd": 0, "colour": "red"},
            {"kind": "wired", "from": {"type": ["sns", "eventbridge"]}, "to": {"type": "sqs"}, "min_targets": 3},
            {"kind": "no_node_type", "types": ["ec2"]}])"));
        REQUIRE(r.ok());
        REQUIRE(r.diagnostics.items().size() == 1);
        CHECK(r.diagnostics.items()[0].path == "/checks/0/colour");
        CHECK(r.diagnostics.items()[0].message == "unknown key \"colour\" is ignored");
        CHECK(r.challenge.checks[0].description == "idle cost is $0.00 over 1 minute of no traffic");
        CHECK(r.challenge.checks[1].description == "an SNS or EventBridge node is wired to at least 3 × an SQS node");
        CHECK(r.challenge.checks[2].description == "uses no EC2 Auto Scaling group");
    }

    TEST_CASE("design checks read types, config and wiring of the solution") {
        LoadResult r = load_challenge(with_checks(R"([
            {"id": "always-on", "kind": "no_always_on"},
            {"id": "path", "kind": "path", "from": "users", "via": {"type": "sqs"}, "to": "db"},
            {"id": "kept", "kind": "keeps_start"}])"));
        REQUIRE(r.ok());
        const Pattern direct = pattern(R"({"nodes": [{"id": "users", "type": "client"},
            {"id": "db", "type": "dynamodb", "config": {"KeySchema": [{"AttributeName": "id", "KeyType": "HASH"}], "BillingMode": "PROVISIONED"}},
            {"id": "cluster", "type": "aurora", "config": {"ServerlessV2ScalingConfiguration": {"MinCapacity": 0, "MaxCapacity": 4}}},
            {"id": "web", "type": "ec2"}],
            "edges": [{"from": "users", "to": "web"}, {"from": "web", "to": "db"}]})");
        Result res = evaluate(r.challenge, direct);
        CHECK(res.checks[0].measured == "'web' (EC2 Auto Scaling group) runs all the time");
        CHECK(res.checks[1].measured == "no such path");
        CHECK(res.checks[2].measured == "'db' changed BillingMode");
        CHECK(res.passed_count() == 0);
    }

    TEST_CASE("a solution without the starting canvas's traffic source fails its run checks with the reason") {
        LoadResult r = load_challenge(with_checks(
            R"([{"id": "errors", "kind": "error_rate", "max_pct": 1}])",
            R"([{"id": "busy", "duration": "1m", "traffic": [{"id": "orders", "source": "users", "profile": {"type": "constant", "rps": 1}}]}])"));
        REQUIRE(r.ok());
        Result res = evaluate(r.challenge, pattern(R"({"nodes": [{"id": "fn", "type": "lambda"}]})"));
        CHECK(!res.passed());
        CHECK(res.checks[0].measured ==
              "not run: the solution has no node 'users', which run 'busy' sends its traffic from (keep the starting "
              "canvas's nodes)");
        CHECK(!res.runs[0].ran);
    }
}
