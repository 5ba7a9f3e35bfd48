// test_sam_entry_traffic.cpp — an imported template has something to run without edits: a client
// at each entry point it leaves open (sam_entry_traffic.h), whose events go where AWS would send
// them.
#include "export/sam_import.h"
#include "pattern/pattern.h"
#include "support/import_support.h"

#include <doctest/doctest.h>

using namespace sim;
using namespace sim::test;

namespace {

std::vector<const TrafficSpec*> traffic_into(const Pattern& p, const std::string& target) {
    std::vector<const TrafficSpec*> out;
    for (const auto& t : p.traffic)
        for (const auto& e : p.edges)
            if (e.from == t.source && e.to == target) out.push_back(&t);
    return out;
}

std::unique_ptr<Simulation> run(const Pattern& p, SimTime until) {
    auto s = build_ok(write_pattern(p));
    s->run_until(until);
    return s;
}

}  // namespace

TEST_SUITE("import") {
    TEST_CASE("an API's routes get a client: one request a second per route, bodies only where HTTP has them") {
        // SAM Api events (AWS::Serverless::Function EventSource Api): GET /items/{id} and POST /items on one
        // function, which becomes one link serving both routes.
        const ImportResult r = import_ok(R"({"Transform": "AWS::Serverless-2016-10-31", "Resources": {
          "Items": {"Type": "AWS::Serverless::Function", "Properties": {"Runtime": "python3.12", "Handler": "app.h",
            "Events": {"Get": {"Type": "Api", "Properties": {"Path": "/items/{id}", "Method": "get"}},
                       "Put": {"Type": "Api", "Properties": {"Path": "/items", "Method": "post"}}}}}}})");
        const auto entries = traffic_into(r.pattern, "ServerlessRestApi");
        REQUIRE(entries.size() == 2);
        CHECK(entries[0]->request == Json::parse(R"({"method": "GET", "path": "/items/1"})"));
        CHECK(entries[0]->payload.is_null());  // a GET carries no body
        CHECK(entries[1]->request == Json::parse(R"({"method": "POST", "path": "/items"})"));
        CHECK(entries[1]->payload.is_object());
        CHECK(entries[0]->profile == Json::parse(R"({"type": "constant", "rps": 1})"));
        REQUIRE(r.summary.entries.size() == 2);
        CHECK(r.summary.entries[0] == "ServerlessRestApiClient → ServerlessRestApi: GET /items/{id}, 1 request/s");

        // Both routes reach the function: no 403 (REST's answer for an unknown route).
        auto s = run(r.pattern, minutes(1));
        const Json rep = s->report();
        CHECK(rep["nodes"]["Items"]["invocations"].get<std::uint64_t>() >= 100);  // ~2 a second
        CHECK_FALSE(rep["nodes"]["ServerlessRestApiClient"]["responses_by_status"].contains("403"));
    }

    TEST_CASE("a queue that feeds a function gets a client; a queue nothing reads does not") {
        const ImportResult r = import_ok(R"({"Resources": {
          "Jobs": {"Type": "AWS::SQS::Queue"}, "Spare": {"Type": "AWS::SQS::Queue"},
          "Worker": {"Type": "AWS::Serverless::Function", "Properties": {"Runtime": "python3.12", "Handler": "a.h",
            "Events": {"Q": {"Type": "SQS", "Properties": {"Queue": {"Fn::GetAtt": ["Jobs", "Arn"]}}}}}}}})");
        CHECK(traffic_into(r.pattern, "Jobs").size() == 1);
        CHECK(traffic_into(r.pattern, "Spare").empty());   // a client there would reach nothing
        CHECK(traffic_into(r.pattern, "Worker").empty());  // the queue feeds it
        auto s = run(r.pattern, minutes(1));
        CHECK(s->report()["nodes"]["Worker"]["invocations"].get<std::uint64_t>() > 0);
    }

    TEST_CASE("a FIFO queue's client sends in one message group, with a new deduplication id each time") {
        // SendMessage to a FIFO queue needs MessageGroupId, and MessageDeduplicationId unless
        // ContentBasedDeduplication (which would count equal sample bodies once in 5 minutes)
        // (https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/API_SendMessage.html).
        const ImportResult r = import_ok(R"({"Resources": {
          "Jobs": {"Type": "AWS::SQS::Queue", "Properties": {"FifoQueue": true, "QueueName": "jobs.fifo"}},
          "Worker": {"Type": "AWS::Serverless::Function", "Properties": {"Runtime": "python3.12", "Handler": "a.h",
            "Events": {"Q": {"Type": "SQS", "Properties": {"Queue": {"Fn::GetAtt": ["Jobs", "Arn"]}}}}}}}})");
        const auto entries = traffic_into(r.pattern, "Jobs");
        REQUIRE(entries.size() == 1);
        CHECK(entries[0]->payload["operation"] == "SendMessage");
        CHECK(entries[0]->payload["MessageGroupId"] == "group-1");
        CHECK(entries[0]->payload["MessageDeduplicationId"] == "message-{{seq}}");
        CHECK(entries[0]->payload["MessageBody"].is_object());
        REQUIRE(r.summary.entries.size() == 1);
        CHECK(r.summary.entries[0] == "JobsClient → Jobs: its sample message in message group group-1, 1 request/s");
        auto s = run(r.pattern, minutes(1));
        const Json rep = s->report();
        CHECK(rep["nodes"]["Worker"]["invocations"].get<std::uint64_t>() > 0);
        CHECK(rep["nodes"]["Jobs"]["errors"].get<std::uint64_t>() == 0);
    }

    TEST_CASE("a rule on an AWS service's events gets that service's event, which the bus accepts and matches") {
        // An EC2 state-change rule (EventBridge events from AWS services have source "aws.<service>"; only AWS
        // may send them, so PutEvents with such a source is refused: the client sends as the service does).
        const ImportResult r = import_ok(R"({"Resources": {
          "OnStop": {"Type": "AWS::Events::Rule", "Properties": {
            "EventPattern": {"source": ["aws.ec2"], "detail-type": ["EC2 Instance State-change Notification"],
                             "detail": {"state": ["stopped", "terminated"]}},
            "Targets": [{"Arn": {"Fn::GetAtt": ["Notify", "Arn"]}, "Id": "t"}]}},
          "Notify": {"Type": "AWS::Serverless::Function", "Properties": {"Runtime": "python3.12", "Handler": "a.h"}}}})");
        const auto entries = traffic_into(r.pattern, "default-bus");
        REQUIRE(entries.size() == 1);
        CHECK(entries[0]->sender == "aws-service");
        CHECK(entries[0]->payload["source"] == "aws.ec2");
        CHECK(entries[0]->payload["detail"]["state"] == "stopped");
        auto s = run(r.pattern, minutes(1));
        const Json rep = s->report();
        CHECK(rep["nodes"]["Notify"]["invocations"].get<std::uint64_t>() > 30);
        CHECK(rep["cost_usd"]["default-bus"].get<double>() == 0);  // AWS service events are free
    }

    TEST_CASE("a bucket with a notification gets PutObjects whose keys pass its filter") {
        const ImportResult r = import_ok(R"({"Resources": {
          "Photos": {"Type": "AWS::S3::Bucket"},
          "Thumb": {"Type": "AWS::Serverless::Function", "Properties": {"Runtime": "python3.12", "Handler": "a.h",
            "Events": {"Up": {"Type": "S3", "Properties": {"Bucket": {"Ref": "Photos"}, "Events": ["s3:ObjectCreated:*"],
              "Filter": {"S3Key": {"Rules": [{"Name": "prefix", "Value": "in/"}, {"Name": "suffix", "Value": ".jpg"}]}}}}}}}}})");
        const auto entries = traffic_into(r.pattern, "Photos");
        REQUIRE(entries.size() == 1);
        const std::string key = entries[0]->payload["Key"];
        CHECK(key.rfind("in/", 0) == 0);
        CHECK(key.substr(key.size() - 4) == ".jpg");
        auto s = run(r.pattern, minutes(1));
        CHECK(s->report()["nodes"]["Thumb"]["invocations"].get<std::uint64_t>() > 30);
    }

    TEST_CASE("a function nothing invokes gets a client, as `aws lambda invoke` would; --no-traffic adds none") {
        const std::string text = R"({"Resources": {
          "Job": {"Type": "AWS::Serverless::Function", "Properties": {"Runtime": "python3.12", "Handler": "a.h"}}}})";
        const ImportResult r = import_ok(text);
        CHECK(traffic_into(r.pattern, "Job").size() == 1);
        ImportOptions none;
        none.entry_traffic = false;
        const ImportResult bare = import_template(text, none);
        CHECK(bare.pattern.traffic.empty());
        CHECK(bare.pattern.nodes.size() == 1);
        CHECK(bare.summary.entries.empty());
    }

    TEST_CASE("a scheduled function needs no client: its schedule runs it") {
        const ImportResult r = import_ok(R"T({"Resources": {
          "Nightly": {"Type": "AWS::Serverless::Function", "Properties": {"Runtime": "python3.12", "Handler": "a.h",
            "Events": {"S": {"Type": "Schedule", "Properties": {"Schedule": "rate(1 minute)"}}}}}}})T");
        CHECK(r.pattern.traffic.empty());
        auto s = run(r.pattern, minutes(10));
        CHECK(s->report()["nodes"]["Nightly"]["invocations"].get<std::uint64_t>() >= 9);
    }

    TEST_CASE("a bucket notifying only deletions gets puts and then deletes of the same keys") {
        // S3 event types: s3:ObjectRemoved:* is sent for DeleteObject; a put alone would notify nothing
        // (https://docs.aws.amazon.com/AmazonS3/latest/userguide/notification-how-to-event-types-and-destinations.html).
        const ImportResult r = import_ok(R"({"Resources": {
          "Files": {"Type": "AWS::S3::Bucket"},
          "Gone": {"Type": "AWS::Serverless::Function", "Properties": {"Runtime": "python3.12", "Handler": "a.h",
            "Events": {"Del": {"Type": "S3", "Properties": {"Bucket": {"Ref": "Files"}, "Events": "s3:ObjectRemoved:*"}}}}}}})");
        const auto entries = traffic_into(r.pattern, "Files");
        REQUIRE(entries.size() == 2);
        CHECK(entries[0]->payload["operation"] == "PutObject");
        CHECK(entries[1]->payload["operation"] == "DeleteObject");
        CHECK(entries[1]->payload["Key"] == entries[0]->payload["Key"]);
        auto s = run(r.pattern, minutes(1));
        const auto deletions = s->report()["nodes"]["Gone"]["invocations"].get<std::uint64_t>();
        CHECK(deletions >= 55);  // one a second, each of an object put half a second earlier
        CHECK(deletions <= 60);
    }

    TEST_CASE("a bucket stays an entry when the function it notifies reads it back") {
        const ImportResult r = import_ok(R"({"Resources": {
          "Photos": {"Type": "AWS::S3::Bucket"},
          "Thumb": {"Type": "AWS::Serverless::Function", "Properties": {"Runtime": "python3.12", "Handler": "a.h",
            "Policies": [{"S3ReadPolicy": {"BucketName": {"Ref": "Photos"}}}],
            "Events": {"Up": {"Type": "S3", "Properties": {"Bucket": {"Ref": "Photos"}, "Events": ["s3:ObjectCreated:*"]}}}}}}})");
        CHECK(traffic_into(r.pattern, "Photos").size() == 1);
    }

    TEST_CASE("a state machine's client starts executions with the input its first states read") {
        // ItemsPath selects the Map state's array; a Choice rule's Variable is compared to a value.
        const ImportResult r = import_ok(R"({"Resources": {
          "Flow": {"Type": "AWS::Serverless::StateMachine", "Properties": {"Definition": {
            "StartAt": "Kind", "States": {
              "Kind": {"Type": "Choice", "Choices": [{"Variable": "$.order.kind", "StringEquals": "bulk", "Next": "Each"}],
                       "Default": "Fail"},
              "Each": {"Type": "Map", "ItemsPath": "$.order.lines", "Iterator": {"StartAt": "P", "States": {"P": {"Type": "Pass", "End": true}}},
                       "End": true},
              "Fail": {"Type": "Fail", "Error": "NotBulk"}}}}}}})");
        const auto entries = traffic_into(r.pattern, "Flow");
        REQUIRE(entries.size() == 1);
        CHECK(entries[0]->payload["order"]["kind"] == "bulk");
        CHECK(entries[0]->payload["order"]["lines"].size() == 3);
        auto s = run(r.pattern, minutes(1));
        const Json rep = s->report()["nodes"]["Flow"];
        CHECK(rep["invocations"].get<std::uint64_t>() > 30);
        CHECK(rep["errors"] == 0);  // every execution took the bulk branch and succeeded
    }
}
