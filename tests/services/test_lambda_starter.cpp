// test_lambda_starter.cpp — the starter handler the playground offers a function: it must parse,
// and run: fired with an event, it writes an item with the table's own key attributes, sends the
// event to the wired queue and stores it in the wired bucket, as the SDK calls it makes say.
#include "js/code_environment.h"
#include "services/all_services.h"
#include "services/lambda/lambda_starter.h"
#include "support/test_support.h"

using namespace sim;
using namespace sim::test;

namespace {

const char* kDesign = R"({"format": "serverless-playground/1", "name": "starter", "seed": 5,
  "nodes": [{"id": "fn", "type": "lambda", "config": {"Runtime": "nodejs22.x"}},
            {"id": "orders", "type": "dynamodb", "config": {"TableName": "orders-table",
               "KeySchema": [{"AttributeName": "pk", "KeyType": "HASH"}, {"AttributeName": "sk", "KeyType": "RANGE"}]}},
            {"id": "jobs", "type": "sqs", "config": {}},
            {"id": "archive", "type": "s3", "config": {"BucketName": "event-archive"}}],
  "edges": [{"from": "fn", "to": "orders"}, {"from": "fn", "to": "jobs"}, {"from": "fn", "to": "archive"}]})";

}  // namespace

TEST_SUITE("lambda starter") {
    TEST_CASE("the starter handler calls every wired service and they hold what it sent") {
        ParseResult parsed = parse_pattern(kDesign);
        REQUIRE(parsed.ok());
        Pattern p = parsed.pattern;
        const std::string code = svc::lambda_starter_code(default_registry(), p, "fn");
        CHECK(code.find("PutCommand({ TableName: \"orders-table\"") != std::string::npos);
        CHECK(code.find("pk: context.awsRequestId, sk: context.awsRequestId") != std::string::npos);
        CHECK(code.find("Bucket: \"event-archive\"") != std::string::npos);
        for (NodeSpec& n : p.nodes)
            if (n.id == "fn") n.config["InlineCode"] = code;
        auto s = build_ok(write_pattern(p));
        REQUIRE(s->fire("fn", {{"hello", "world"}}).empty());
        s->run_until(sec(5));
        CHECK(counter(*s, "fn", Counter::Errors) == 0);
        const Json table = s->node_inspect(node_index(*s, "orders"));
        REQUIRE(table["item_count"] == 1);
        const Json item = table["items"][0];
        CHECK(item["event"] == Json{{"hello", "world"}});
        CHECK(item["pk"] == item["sk"]);
        CHECK(s->node_inspect(node_index(*s, "archive"))["object_count"] == 1);
        CHECK(s->node_metrics(node_index(*s, "jobs")).get(Counter::MessagesIn) == 1);
    }

    TEST_CASE("a function wired to nothing gets a handler that logs its event and answers 200") {
        ParseResult parsed = parse_pattern(
            R"({"format": "serverless-playground/1", "name": "lone", "nodes": [{"id": "fn", "type": "lambda", "config": {}}]})");
        REQUIRE(parsed.ok());
        const std::string code = svc::lambda_starter_code(default_registry(), parsed.pattern, "fn");
        CHECK(code.find("import") == std::string::npos);
        CHECK(code.find("console.log(\"event\"") != std::string::npos);
        CHECK(js::check_code({{{"index.js", code}}, "index.handler"}).empty());
    }
}

TEST_SUITE("lambda starter") {
    TEST_CASE("the starter's topic, bus, stream, delivery stream, state machine and function calls arrive") {
        const char* design = R"({"format": "serverless-playground/1", "name": "starter-all", "seed": 9,
          "nodes": [{"id": "fn", "type": "lambda", "config": {"Runtime": "nodejs22.x"}},
                    {"id": "alerts", "type": "sns", "config": {"TopicName": "alerts"}},
                    {"id": "bus", "type": "eventbridge", "config": {}},
                    {"id": "clicks", "type": "kinesis", "config": {"Name": "clicks", "ShardCount": 1}},
                    {"id": "to-lake", "type": "firehose", "config": {}},
                    {"id": "flow", "type": "stepfunctions", "config": {"Type": "STANDARD", "Definition":
                       {"StartAt": "Done", "States": {"Done": {"Type": "Succeed"}}}}},
                    {"id": "worker", "type": "lambda", "config": {}},
                    {"id": "lake", "type": "s3", "config": {}}],
          "edges": [{"from": "fn", "to": "alerts"}, {"from": "fn", "to": "bus"}, {"from": "fn", "to": "clicks"},
                    {"from": "fn", "to": "to-lake"}, {"from": "fn", "to": "flow"}, {"from": "fn", "to": "worker"},
                    {"from": "to-lake", "to": "lake"}]})";
        ParseResult parsed = parse_pattern(design);
        REQUIRE(parsed.ok());
        Pattern p = parsed.pattern;
        const std::string code = svc::lambda_starter_code(default_registry(), p, "fn");
        for (NodeSpec& n : p.nodes)
            if (n.id == "fn") n.config["InlineCode"] = code;
        auto s = build_ok(write_pattern(p));
        REQUIRE(s->fire("fn", {{"n", 1}}).empty());
        s->run_until(sec(5));
        CHECK(counter(*s, "fn", Counter::Errors) == 0);
        for (const char* target : {"alerts", "bus", "clicks", "to-lake", "flow", "worker"}) {
            INFO(target);
            CHECK(s->node_metrics(node_index(*s, target)).get(Counter::MessagesIn) >= 1);
        }
        CHECK(counter(*s, "worker", Counter::Invocations) == 1);  // InvocationType Event, run once
    }
}
