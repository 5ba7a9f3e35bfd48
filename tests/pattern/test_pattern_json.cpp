// test_pattern_json.cpp — loading, diagnostics with paths, and lossless round trips.
#include "pattern/pattern.h"
#include "runtime/simulation.h"
#include "support/test_support.h"

#include <doctest/doctest.h>

using namespace sim;
using sim::test::has_error;

namespace {
const char* kMinimal = R"({
  "format": "serverless-playground/1",
  "name": "tiny",
  "seed": 3,
  "nodes": [
    {"id": "users", "type": "client", "config": {}},
    {"id": "fn", "type": "lambda", "config": {"MemorySize": 256}}
  ],
  "edges": [{"from": "users", "to": "fn"}],
  "traffic": [{"id": "t", "source": "users", "profile": {"type": "constant", "rps": 1}}]
})";
}  // namespace

TEST_SUITE("pattern") {
    TEST_CASE("a valid pattern parses into nodes, edges and traffic") {
        ParseResult r = parse_pattern(kMinimal);
        REQUIRE(r.ok());
        CHECK(r.pattern.name == "tiny");
        CHECK(r.pattern.seed == 3);
        CHECK(r.pattern.nodes.size() == 2);
        CHECK(r.pattern.edges[0].port == "out");
        CHECK(r.pattern.traffic[0].source == "users");
    }

    TEST_CASE("syntax errors give line and column") {
        ParseResult r = parse_pattern("{\n  \"name\": \"x\",\n  \"nodes\": [,]\n}");
        REQUIRE_FALSE(r.ok());
        CHECK(r.diagnostics.items()[0].message.rfind("invalid JSON at line 3, column 13: ", 0) == 0);
    }

    TEST_CASE("structural errors name the JSON path, the bad value and what was expected") {
        ParseResult r = parse_pattern(
            R"({"format": "serverless-playground/1", "name": 5, "nodes": [{"id": "a b", "type": "lambda"}, 7]})");
        CHECK(has_error(r.diagnostics, "/name", "name must be a string, got a number"));
        CHECK(has_error(r.diagnostics, "/nodes/0/id", "id must be 1..64 letters, digits, '-' or '_', got \"a b\""));
        CHECK(has_error(r.diagnostics, "/nodes/1", "node must be an object, got a number"));
    }

    TEST_CASE("a newer format version is refused with a clear message") {
        ParseResult r = parse_pattern(R"({"format": "serverless-playground/9", "nodes": []})");
        CHECK(has_error(
            r.diagnostics, "/format",
            "format \"serverless-playground/9\" is newer than this build understands (serverless-playground/1)"));
    }

    TEST_CASE("unknown types, dangling edges and impossible wiring are errors with paths") {
        auto d = test::build_errors(R"({"format": "serverless-playground/1", "nodes": [
            {"id": "up", "type": "s3", "config": {}}, {"id": "t", "type": "dynamodb", "config": {}},
            {"id": "f", "type": "lambada", "config": {}}],
          "edges": [{"from": "up", "to": "t"}, {"from": "up", "to": "ghost"}]})");
        CHECK(has_error(d, "/nodes/2/type", "unknown service type 'lambada'"));
        CHECK(has_error(d, "/edges/1/to", "no node has id 'ghost'"));
        CHECK(has_error(
            d, "/edges/0",
            "cannot connect up to t: S3 event notifications can target Lambda, SQS, SNS or EventBridge, not DynamoDB; "
            "put a Lambda function in between to write to other services"));
    }

    TEST_CASE("bad config values name the AWS limit and nothing is built") {
        auto d = test::build_errors(R"({"format": "serverless-playground/1", "nodes": [
            {"id": "f", "type": "lambda", "config": {"MemorySize": 64, "Timeout": 901}}]})");
        CHECK(has_error(d, "/nodes/0/config/MemorySize", "MemorySize must be 128..10240 MB, got 64"));
        CHECK(has_error(d, "/nodes/0/config/Timeout", "Timeout must be 1..900 s, got 901"));
    }

    TEST_CASE("traffic must start at a source node and use a valid profile") {
        auto d = test::build_errors(R"({"format": "serverless-playground/1", "nodes": [
            {"id": "u", "type": "client", "config": {}}, {"id": "f", "type": "lambda", "config": {}}],
          "edges": [{"from": "u", "to": "f"}],
          "traffic": [{"source": "f", "profile": {"type": "constant", "rps": 1}},
                      {"source": "u", "profile": {"type": "constant", "rps": -4}}]})");
        CHECK(has_error(d, "/traffic/0/source",
                        "traffic must start at a source node (client, IoT devices), but 'f' is Lambda"));
        CHECK(has_error(d, "/traffic/1/profile/rps",
                        "rps must be a rate >= 0 and at most 10,000,000 per second, got -4"));
    }

    TEST_CASE("unknown keys survive a round trip with a warning") {
        ParseResult r = parse_pattern(R"({"format": "serverless-playground/1", "name": "n", "x-author": "kim",
            "nodes": [{"id": "f", "type": "lambda", "config": {"MemorySize": 256}, "note": "keep me"}]})");
        REQUIRE(r.ok());
        bool warned = false;
        for (const auto& d : r.diagnostics.items()) warned |= d.severity == Severity::Warning && d.path == "/x-author";
        CHECK(warned);
        const std::string saved = write_pattern(r.pattern);
        CHECK(saved.find("\"x-author\": \"kim\"") != std::string::npos);
        CHECK(saved.find("\"note\": \"keep me\"") != std::string::npos);
        ParseResult again = parse_pattern(saved);
        REQUIRE(again.ok());
        CHECK(write_pattern(again.pattern) == saved);
    }

    TEST_CASE("a node's cfnLogicalId (kept by a template import) is kept without a warning") {
        ParseResult r = parse_pattern(R"({"format": "serverless-playground/1", "name": "n",
            "nodes": [{"id": "orders", "type": "sqs", "config": {}, "cfnLogicalId": "OrdersQueue", "note": "x"}]})");
        REQUIRE(r.ok());
        std::vector<std::string> warned;
        for (const auto& d : r.diagnostics.items())
            if (d.severity == Severity::Warning) warned.push_back(d.path);
        CHECK(warned == std::vector<std::string>{"/nodes/0/note"});
        CHECK(r.pattern.nodes[0].extra["cfnLogicalId"] == "OrdersQueue");
    }

    TEST_CASE("saving writes a stable key order") {
        ParseResult r = parse_pattern(kMinimal);
        const std::string saved = write_pattern(r.pattern);
        CHECK(saved.find("\"format\"") < saved.find("\"name\""));
        CHECK(saved.find("\"name\"") < saved.find("\"seed\""));
        CHECK(saved.find("\"nodes\"") < saved.find("\"edges\""));
        CHECK(saved.find("\"edges\"") < saved.find("\"traffic\""));
        CHECK(saved.find("\"traffic\"") < saved.find("\"layout\""));
    }

    TEST_CASE("every shipped pattern validates and round-trips") {
        for (const char* name : {"rest-api"}) {
            CAPTURE(name);
            const std::string text = test::repo_file(std::string("patterns/") + name + ".json");
            REQUIRE_FALSE(text.empty());
            auto built = build_from_text(text);
            for (const auto& d : built.diagnostics.items()) MESSAGE(format_diagnostic(d));
            CHECK(built.simulation != nullptr);
            CHECK(built.diagnostics.empty());
            ParseResult r = parse_pattern(text);
            CHECK(write_pattern(parse_pattern(write_pattern(r.pattern)).pattern) == write_pattern(r.pattern));
        }
    }
}
