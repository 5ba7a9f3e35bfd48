// test_sam_export.cpp — SAM export and template import: every shipped pattern round-trips to an
// equal pattern, exported templates are structurally valid, wiring becomes what AWS needs,
// unknown resources become "cloudformation" nodes and survive, malformed templates give
// diagnostics with JSON pointers.
#include "export/mermaid.h"
#include "export/sam_export.h"
#include "export/sam_import.h"
#include "export/template_check.h"
#include "pattern/pattern.h"
#include "support/test_support.h"

#include <doctest/doctest.h>

#include <filesystem>

using namespace sim;
using sim::test::has_error;
using OJson = nlohmann::ordered_json;

// These cases are about how resources map; the clients an import adds at entry points
// (sam_entry_traffic.h) are tested on their own.
const sim::ImportOptions kNoEntryTraffic = [] {
    sim::ImportOptions o;
    o.entry_traffic = false;
    return o;
}();

namespace {

std::vector<std::string> shipped_patterns() {
    std::vector<std::string> out;
    for (const auto& entry : std::filesystem::directory_iterator(std::string(SLSIM_SOURCE_DIR) + "/patterns"))
        if (entry.path().extension() == ".json") out.push_back(entry.path().filename().string());
    std::sort(out.begin(), out.end());
    return out;
}

Pattern load(const std::string& file) {
    ParseResult p = parse_pattern(test::repo_file("patterns/" + file));
    REQUIRE(p.ok());
    return p.pattern;
}

std::string all(const Diagnostics& d) {
    std::string s;
    for (const auto& item : d.items()) s += format_diagnostic(item) + "\n";
    return s;
}

bool has_policy(const OJson& policies, const OJson& policy) {
    for (const auto& p : policies)
        if (p == policy) return true;
    return false;
}

}  // namespace

TEST_SUITE("export") {
    TEST_CASE("every shipped pattern exports and imports back to an equal pattern") {
        const auto files = shipped_patterns();
        REQUIRE(files.size() >= 10);
        for (const std::string& file : files) {
            CAPTURE(file);
            const Pattern p = load(file);
            const std::string text = export_sam_json(p);
            ImportResult back = import_template(text);
            INFO(all(back.diagnostics));
            REQUIRE(back.ok());
            CHECK(back.diagnostics.empty() == parse_pattern(test::repo_file("patterns/" + file)).diagnostics.empty());
            CHECK(write_pattern(back.pattern) == write_pattern(p));
        }
    }

    TEST_CASE("every exported template is structurally valid") {
        for (const std::string& file : shipped_patterns()) {
            CAPTURE(file);
            const OJson t = export_sam(load(file)).tmpl;
            CHECK(t["Transform"] == "AWS::Serverless-2016-10-31");
            CHECK(t["AWSTemplateFormatVersion"] == "2010-09-09");
            const auto problems = test::check_template(t);
            for (const auto& p : problems) MESSAGE(p);
            CHECK(problems.empty());
        }
    }

    TEST_CASE("the checker itself catches a dangling Ref, a missing Type and a missing required property") {
        OJson t = OJson::parse(R"({"Resources": {
            "A": {"Type": "AWS::SNS::Subscription", "Properties": {"Protocol": "sqs", "TopicArn": {"Ref": "Nope"}}},
            "B": {"Properties": {}},
            "C": {"Type": "AWS::DynamoDB::Table", "Properties": {"KeySchema": []}}}})");
        const auto problems = test::check_template(t);
        REQUIRE(problems.size() == 3);
        CHECK(problems[0] == "/Resources/A/Properties/TopicArn: Ref to missing \"Nope\"");
        CHECK(problems[1] == "/Resources/B: no Type");
        CHECK(problems[2] == "/Resources/C: AWS::DynamoDB::Table needs AttributeDefinitions");
    }

    TEST_CASE("async-queue: SQS event source, redrive policy, policy template, simulation knobs in Metadata") {
        const OJson t = export_sam(load("async-queue.json")).tmpl;
        const OJson& rs = t["Resources"];
        const OJson& fn = rs["OrderWorker"];
        CHECK(fn["Type"] == "AWS::Serverless::Function");
        CHECK(fn["Properties"]["MemorySize"] == 512);
        CHECK(fn["Properties"]["Runtime"] == "python3.12");
        CHECK(fn["Properties"]["Handler"] == "app.handler");
        CHECK_FALSE(fn["Properties"].contains("ErrorRate"));
        CHECK(fn["Metadata"]["ServerlessPlayground"]["config"]["ErrorRate"] == 0.25);
        const OJson& ev = fn["Properties"]["Events"]["OrdersQueueSQS"];
        CHECK(ev["Type"] == "SQS");
        CHECK(ev["Properties"]["Queue"] == OJson::parse(R"({"Fn::GetAtt": ["OrdersQueue", "Arn"]})"));
        CHECK(ev["Properties"]["BatchSize"] == 10);
        CHECK(ev["Properties"]["MaximumBatchingWindowInSeconds"] == 1);
        CHECK(rs["OrdersQueue"]["Properties"]["RedrivePolicy"] ==
              OJson::parse(R"({"deadLetterTargetArn": {"Fn::GetAtt": ["OrdersDlq", "Arn"]}, "maxReceiveCount": 3})"));
        CHECK(has_policy(fn["Properties"]["Policies"],
                         OJson::parse(R"({"DynamoDBCrudPolicy": {"TableName": {"Ref": "OrdersTable"}}})")));
        // The queue is fed by API Gateway, which SAM cannot express without OpenAPI: a note says so.
        const auto notes = export_sam(load("async-queue.json")).notes;
        REQUIRE(notes.size() == 1);
        CHECK(notes[0].rfind("edge 1 (orders-api → orders-queue): API Gateway service integrations", 0) == 0);
        // Traffic and layout live in the template Metadata.
        CHECK(t["Metadata"]["ServerlessPlayground"]["traffic"][0]["id"] == "orders");
    }

    TEST_CASE("a function gets the SAM policy template for each service it calls, and destinations their Type") {
        // SAM policy templates (serverless-policy-template-list): each service's template and the
        // parameter naming the resource; EventInvokeConfig destination Types SQS/SNS/Lambda/
        // EventBridge/S3Bucket; DeadLetterQueue Type SQS or SNS.
        ParseResult parsed = parse_pattern(R"({"format": "serverless-playground/1", "name": "calls", "nodes": [
            {"id": "fn", "type": "lambda", "config": {}},
            {"id": "table", "type": "dynamodb", "config": {"KeySchema": [{"AttributeName": "id", "KeyType": "HASH"}]}},
            {"id": "bucket", "type": "s3", "config": {}}, {"id": "queue", "type": "sqs", "config": {}},
            {"id": "topic", "type": "sns", "config": {}}, {"id": "stream", "type": "kinesis", "config": {}},
            {"id": "other", "type": "lambda", "config": {}},
            {"id": "flow", "type": "stepfunctions", "config": {"Definition": {"StartAt": "P", "States": {"P": {"Type": "Pass", "End": true}}}}},
            {"id": "bus", "type": "eventbridge", "config": {"Name": "orders"}},
            {"id": "fh", "type": "firehose", "config": {}},
            {"id": "failures", "type": "sqs", "config": {}}, {"id": "dead", "type": "sns", "config": {}}],
          "edges": [{"from": "fn", "to": "table"}, {"from": "fn", "to": "bucket"}, {"from": "fn", "to": "queue"},
                    {"from": "fn", "to": "topic"}, {"from": "fn", "to": "stream"}, {"from": "fn", "to": "other"},
                    {"from": "fn", "to": "flow"}, {"from": "fn", "to": "bus"}, {"from": "fn", "to": "fh"},
                    {"from": "fn", "to": "failures", "port": "on_failure"}, {"from": "fn", "to": "bus", "port": "on_success"},
                    {"from": "fn", "to": "dead", "port": "dlq"}, {"from": "fh", "to": "bucket"}]})");
        REQUIRE(parsed.ok());
        const OJson t = export_sam(parsed.pattern).tmpl;
        const OJson& props = t["Resources"]["Fn"]["Properties"];
        for (const char* policy :
             {R"({"DynamoDBCrudPolicy": {"TableName": {"Ref": "Table"}}})",
              R"({"S3CrudPolicy": {"BucketName": {"Ref": "Bucket"}}})",
              R"({"SQSSendMessagePolicy": {"QueueName": {"Fn::GetAtt": ["Queue", "QueueName"]}}})",
              R"({"SNSPublishMessagePolicy": {"TopicName": {"Fn::GetAtt": ["Topic", "TopicName"]}}})",
              R"({"KinesisCrudPolicy": {"StreamName": {"Ref": "Stream"}}})",
              R"({"LambdaInvokePolicy": {"FunctionName": {"Ref": "Other"}}})",
              R"({"StepFunctionsExecutionPolicy": {"StateMachineName": {"Fn::GetAtt": ["Flow", "Name"]}}})",
              R"({"EventBridgePutEventsPolicy": {"EventBusName": {"Ref": "Bus"}}})",
              R"({"FirehoseWritePolicy": {"DeliveryStreamName": {"Ref": "Fh"}}})"}) {
            CAPTURE(policy);
            CHECK(has_policy(props["Policies"], OJson::parse(policy)));
        }
        const OJson& dc = props["EventInvokeConfig"]["DestinationConfig"];
        CHECK(dc["OnFailure"] ==
              OJson::parse(R"({"Type": "SQS", "Destination": {"Fn::GetAtt": ["Failures", "Arn"]}})"));
        CHECK(dc["OnSuccess"] ==
              OJson::parse(R"({"Type": "EventBridge", "Destination": {"Fn::GetAtt": ["Bus", "Arn"]}})"));
        // A topic's Ref is its ARN (AWS::SNS::Topic return values).
        CHECK(props["DeadLetterQueue"] == OJson::parse(R"({"Type": "SNS", "TargetArn": {"Ref": "Dead"}})"));
    }

    TEST_CASE("what SAM refuses is not generated: Runtime beside an image, Policies beside a Role") {
        // AWS::Serverless::Function: Runtime, Handler and Layers cannot be set with PackageType
        // Image. AWS::Serverless::StateMachine: Role and Policies cannot both be set (a function
        // with a Role ignores Policies).
        ParseResult parsed = parse_pattern(R"({"format": "serverless-playground/1", "name": "own roles", "nodes": [
            {"id": "image-fn", "type": "lambda", "config": {"PackageType": "Image", "ImageUri": "123456789012.dkr.ecr.us-east-1.amazonaws.com/app:1"}},
            {"id": "flow", "type": "stepfunctions", "config": {"Role": "arn:aws:iam::123456789012:role/flow",
              "Definition": {"StartAt": "P", "States": {"P": {"Type": "Task", "Resource": "arn:aws:states:::dynamodb:putItem",
                "Parameters": {"TableName": "table", "Item": {"id": {"S.$": "$.id"}}}, "End": true}}}}},
            {"id": "zip-fn", "type": "lambda", "config": {}},
            {"id": "table", "type": "dynamodb", "config": {"KeySchema": [{"AttributeName": "id", "KeyType": "HASH"}]}}],
          "edges": [{"from": "flow", "to": "table"}, {"from": "image-fn", "to": "table"}, {"from": "zip-fn", "to": "table"}]})");
        REQUIRE(parsed.ok());
        const OJson t = export_sam(parsed.pattern).tmpl;
        const OJson& image = t["Resources"]["ImageFn"]["Properties"];
        CHECK_FALSE(image.contains("Runtime"));
        CHECK_FALSE(image.contains("Handler"));
        CHECK(image["PackageType"] == "Image");
        CHECK(
            has_policy(image["Policies"], OJson::parse(R"({"DynamoDBCrudPolicy": {"TableName": {"Ref": "Table"}}})")));
        const OJson& flow = t["Resources"]["Flow"]["Properties"];
        CHECK(flow["Role"] == "arn:aws:iam::123456789012:role/flow");
        CHECK_FALSE(flow.contains("Policies"));
        // Without either, both are generated as before.
        const OJson& zip = t["Resources"]["ZipFn"]["Properties"];
        CHECK(zip["Runtime"] == "nodejs22.x");
        CHECK(zip["Handler"] == "index.handler");
    }

    TEST_CASE("an imported RestApi's EndpointConfiguration is written in SAM's form and imports back") {
        // AWS::ApiGateway::RestApi: EndpointConfiguration {Types: [REGIONAL], VpcEndpointIds};
        // AWS::Serverless::Api: EndpointConfiguration {Type: REGIONAL, VPCEndpointIds}.
        const char* cfn = R"({"Resources": {
            "Api": {"Type": "AWS::ApiGateway::RestApi", "Properties": {"Name": "orders",
              "EndpointConfiguration": {"Types": ["PRIVATE"], "VpcEndpointIds": ["vpce-0123"]}}}}})";
        ImportResult imported = import_template(cfn, kNoEntryTraffic);
        REQUIRE(imported.ok());
        const OJson t = export_sam(imported.pattern).tmpl;
        const OJson& api = t["Resources"]["Api"];
        CHECK(api["Type"] == "AWS::Serverless::Api");
        CHECK(api["Properties"]["EndpointConfiguration"] ==
              OJson::parse(R"({"Type": "PRIVATE", "VPCEndpointIds": ["vpce-0123"]})"));
        ImportResult again = import_template(t.dump(), kNoEntryTraffic);
        REQUIRE(again.ok());
        CHECK(again.pattern.nodes[0].config["EndpointConfiguration"] ==
              imported.pattern.nodes[0].config["EndpointConfiguration"]);
    }

    TEST_CASE("placeholder text in our Metadata is written escaped and imports back unchanged") {
        // A value the import could not resolve keeps its "${…}" text. In Metadata CloudFormation
        // evaluates nothing, and Fn::Sub's escape "${!" keeps cfn-lint from reading a variable
        // outside Fn::Sub (E1029); the pattern itself must come back as it was.
        ParseResult parsed = parse_pattern(R"({"format": "serverless-playground/1", "name": "text", "nodes": [
            {"id": "api", "type": "apigateway", "config": {"ApiType": "REST", "DefinitionBody": {"paths": {"/": {"post":
              {"x-amazon-apigateway-integration": {"uri": "arn:aws:apigateway:${AWS::Region}:states:action/StartSyncExecution"}}}}},
              "Description": "literal ${!Escaped} stays"}}]})");
        REQUIRE(parsed.ok());
        const OJson t = export_sam(parsed.pattern).tmpl;
        const std::string text = t.dump();
        CHECK(text.find("${AWS::Region}") == std::string::npos);
        CHECK(text.find("arn:aws:apigateway:${!AWS::Region}:states") != std::string::npos);
        ImportResult back = import_template(text, kNoEntryTraffic);
        REQUIRE(back.ok());
        REQUIRE(back.pattern.nodes.size() == 1);
        CHECK(back.pattern.nodes[0].config == parsed.pattern.nodes[0].config);
    }

    TEST_CASE("rest-api: the route becomes an Api event on the function") {
        const OJson t = export_sam(load("rest-api.json")).tmpl;
        CHECK(t["Resources"]["OrdersApi"]["Type"] == "AWS::Serverless::Api");
        CHECK(
            t["Resources"]["OrdersFn"]["Properties"]["Events"]["OrdersApiRoute"] ==
            OJson::parse(
                R"({"Type": "Api", "Properties": {"Path": "/orders", "Method": "post", "RestApiId": {"Ref": "OrdersApi"}}})"));
        CHECK_FALSE(t["Resources"].contains("WebClients"));  // traffic sources are Metadata only
    }

    TEST_CASE("fan-out: SNS subscriptions with filter policies and queue policies for SNS") {
        const OJson rs = export_sam(load("fan-out.json")).tmpl["Resources"];
        const OJson& sub = rs["OrdersTopicToEmailQueue"];
        CHECK(sub["Type"] == "AWS::SNS::Subscription");
        CHECK(sub["Properties"]["Protocol"] == "sqs");
        CHECK(sub["Properties"]["TopicArn"] == OJson::parse(R"({"Ref": "OrdersTopic"})"));
        CHECK(sub["Properties"]["FilterPolicyScope"] == "MessageBody");
        CHECK(rs["OrdersTopicToAnalyticsQueue"]["Properties"]["RawMessageDelivery"] == true);
        CHECK(rs["EmailQueuePolicy"]["Type"] == "AWS::SQS::QueuePolicy");
        CHECK(rs["EmailQueuePolicy"]["Properties"]["PolicyDocument"]["Statement"][0]["Principal"]["Service"] ==
              "sns.amazonaws.com");
    }

    TEST_CASE("scheduled-task: the rule becomes an AWS::Events::Rule with a Lambda permission") {
        const OJson rs = export_sam(load("scheduled-task.json")).tmpl["Resources"];
        const OJson& rule = rs["SchedulerNightlyCleanupRule"];
        CHECK(rule["Type"] == "AWS::Events::Rule");
        CHECK(rule["Properties"]["ScheduleExpression"] == "cron(0 0 * * ? *)");
        CHECK(rule["Properties"]["Targets"][0]["Arn"] == OJson::parse(R"({"Fn::GetAtt": ["CleanupFn", "Arn"]})"));
        CHECK(rule["Properties"]["Targets"][0]["Input"] == R"({"olderThanDays":30,"task":"expire-sessions"})");
        const OJson& perm = rs["SchedulerNightlyCleanupRulePermissionCleanupFn"];
        CHECK(perm["Properties"]["Principal"] == "events.amazonaws.com");
        CHECK(perm["Properties"]["SourceArn"] ==
              OJson::parse(R"({"Fn::GetAtt": ["SchedulerNightlyCleanupRule", "Arn"]})"));
        CHECK_FALSE(rs.contains("Scheduler"));  // the default bus is not a resource
    }

    TEST_CASE("ttl-archival and streaming: stream event sources with their starting position and destinations") {
        const OJson a = export_sam(load("ttl-archival.json")).tmpl["Resources"];
        const OJson& ev = a["Archiver"]["Properties"]["Events"]["SessionsTableDynamoDB"];
        CHECK(ev["Type"] == "DynamoDB");
        CHECK(ev["Properties"]["Stream"] == OJson::parse(R"({"Fn::GetAtt": ["SessionsTable", "StreamArn"]})"));
        CHECK(ev["Properties"]["StartingPosition"] == "LATEST");
        const OJson s = export_sam(load("streaming.json")).tmpl["Resources"];
        CHECK(
            s["TelemetryFn"]["Properties"]["Events"]["TelemetryKinesis"]["Properties"]["DestinationConfig"] ==
            OJson::parse(R"({"OnFailure": {"Destination": {"Fn::GetAtt": ["FailedBatches", "Arn"]}, "Type": "SQS"}})"));
    }

    TEST_CASE("logical ids derive from node ids deterministically and never collide") {
        Pattern p;
        for (const char* id : {"orders-fn", "OrdersFn", "orders_fn"})
            p.nodes.push_back({id, "sqs", Json::object(), Json::object()});
        const OJson rs = export_sam(p).tmpl["Resources"];
        CHECK(rs.contains("OrdersFn"));
        CHECK(rs["OrdersFn"]["Metadata"]["ServerlessPlayground"]["node"] == "orders-fn");
        CHECK(rs["OrdersFn2"]["Metadata"]["ServerlessPlayground"]["node"] == "OrdersFn");
        CHECK(rs["OrdersFn3"]["Metadata"]["ServerlessPlayground"]["node"] == "orders_fn");
        CHECK(export_sam_json(p) == export_sam_json(p));
        ImportResult back = import_template(export_sam_json(p));
        REQUIRE(back.ok());
        CHECK(write_pattern(back.pattern) == write_pattern(p));
    }

    TEST_CASE("a property edited in the template wins over the exported value on import") {
        OJson t = export_sam(load("rest-api.json")).tmpl;
        t["Resources"]["OrdersFn"]["Properties"]["MemorySize"] = 2048;
        ImportResult back = import_template(t.dump());
        REQUIRE(back.ok());
        CHECK(back.pattern.find_node("orders-fn")->config["MemorySize"] == 2048);
        CHECK(back.pattern.find_node("orders-fn")->config["ErrorRate"] == 0.002);      // from Metadata
        CHECK_FALSE(back.pattern.find_node("orders-fn")->config.contains("Handler"));  // generated, not the user's
    }

    TEST_CASE("unknown resources and sections survive import and export") {
        const std::string text = R"({
          "AWSTemplateFormatVersion": "2010-09-09",
          "Transform": "AWS::Serverless-2016-10-31",
          "Description": "hand-written",
          "Parameters": {"Stage": {"Type": "String", "Default": "dev"}},
          "Resources": {
            "Jobs": {"Type": "AWS::SQS::Queue", "Properties": {"VisibilityTimeout": 45}},
            "Worker": {"Type": "AWS::Serverless::Function",
                       "Properties": {"Runtime": "python3.12", "Handler": "app.handler", "CodeUri": "src/",
                                      "Events": {"FromJobs": {"Type": "SQS", "Properties": {"Queue": {"Fn::GetAtt": ["Jobs", "Arn"]}, "BatchSize": 5}}},
                                      "Policies": [{"DynamoDBCrudPolicy": {"TableName": {"Ref": "Items"}}}]}},
            "Items": {"Type": "AWS::DynamoDB::Table", "Properties": {"KeySchema": [{"AttributeName": "pk", "KeyType": "HASH"}],
                      "AttributeDefinitions": [{"AttributeName": "pk", "AttributeType": "S"}], "BillingMode": "PAY_PER_REQUEST"}},
            "Alarm": {"Type": "AWS::CloudWatch::Alarm", "Properties": {"MetricName": "Errors", "Dimensions": [{"Name": "FunctionName", "Value": {"Ref": "Worker"}}]}}
          },
          "Outputs": {"QueueUrl": {"Value": {"Ref": "Jobs"}}}
        })";
        ImportResult r = import_template(text, kNoEntryTraffic);
        INFO(all(r.diagnostics));
        REQUIRE(r.ok());
        CHECK(r.pattern.description == "hand-written");
        REQUIRE(r.pattern.nodes.size() == 4);
        CHECK(r.pattern.find_node("Worker")->type == "lambda");
        CHECK(r.pattern.find_node("Alarm")->type == "cloudformation");  // shown, not simulated
        CHECK(r.pattern.find_node("Jobs")->config["VisibilityTimeout"] == 45);
        // The SQS event and the policy template became edges.
        REQUIRE(r.pattern.edges.size() == 2);
        CHECK(r.pattern.edges[0].from == "Worker");
        CHECK(r.pattern.edges[0].to == "Items");
        CHECK(r.pattern.edges[1].from == "Jobs");
        CHECK(r.pattern.edges[1].config == Json::parse(R"({"BatchSize": 5})"));
        bool warned = false;
        for (const auto& d : r.diagnostics.items())
            warned |=
                d.path == "/Resources/Alarm" && d.message ==
                                                    "resource type 'AWS::CloudWatch::Alarm' is not simulated; it "
                                                    "becomes a CloudFormation resource node, written back on export";
        CHECK(warned);
        // Export again: the alarm, its Ref to the function, the parameter and the output are all there.
        const OJson t = export_sam(r.pattern).tmpl;
        const OJson original = OJson::parse(text);
        auto same = [](const OJson& a, const OJson& b) { return Json::parse(a.dump()) == Json::parse(b.dump()); };
        OJson alarm = t["Resources"]["Alarm"];
        CHECK(alarm["Metadata"][kSamMetadataKey]["type"] == "cloudformation");
        alarm.erase("Metadata");  // ours only: the original had none
        CHECK(same(alarm, original["Resources"]["Alarm"]));
        CHECK(same(t["Parameters"], original["Parameters"]));
        CHECK(same(t["Outputs"], original["Outputs"]));
        CHECK(t["Resources"]["Worker"]["Properties"]["Events"]["JobsSQS"]["Properties"]["BatchSize"] == 5);
        CHECK(test::check_template(t, false).empty());
        // And a second round trip is stable.
        ImportResult again = import_template(t.dump());
        REQUIRE(again.ok());
        CHECK(write_pattern(again.pattern) == write_pattern(r.pattern));
    }

    TEST_CASE("the imported foreign pattern builds and runs") {
        const std::string text = R"({"Resources": {
            "Topic": {"Type": "AWS::SNS::Topic"},
            "Inbox": {"Type": "AWS::SQS::Queue"},
            "Sub": {"Type": "AWS::SNS::Subscription", "Properties": {"Protocol": "sqs", "TopicArn": {"Ref": "Topic"}, "Endpoint": {"Fn::GetAtt": ["Inbox", "Arn"]}}}}})";
        ImportResult r = import_template(text, kNoEntryTraffic);
        REQUIRE(r.ok());
        REQUIRE(r.pattern.edges.size() == 1);
        CHECK(r.pattern.edges[0].from == "Topic");
        CHECK(r.pattern.edges[0].to == "Inbox");
        auto built = build_from_text(write_pattern(r.pattern));
        INFO(all(built.diagnostics));
        CHECK(built.simulation != nullptr);
    }

    TEST_CASE("an HTTPS subscription imports as an HTTP endpoint node and exports back as https") {
        // AWS::SNS::Subscription Protocol "https" with an Endpoint URL (SNS HTTP/S subscriptions).
        const std::string text = R"({"Resources": {
            "Topic": {"Type": "AWS::SNS::Topic"},
            "Hook": {"Type": "AWS::SNS::Subscription", "Properties": {"Protocol": "https", "TopicArn": {"Ref": "Topic"},
                     "Endpoint": "https://example.com/hook"}}}})";
        ImportResult r = import_template(text, kNoEntryTraffic);
        REQUIRE(r.ok());
        REQUIRE(r.pattern.edges.size() == 1);
        const NodeSpec* hook = r.pattern.find_node(r.pattern.edges[0].to);
        REQUIRE(hook != nullptr);
        CHECK(hook->type == "http");
        auto built = build_from_text(write_pattern(r.pattern));
        INFO(all(built.diagnostics));
        CHECK(built.simulation != nullptr);
        const Json t = Json::parse(export_sam_json(r.pattern));
        bool https = false;
        for (const auto& res : t["Resources"])
            https |= res["Type"] == "AWS::SNS::Subscription" && res["Properties"]["Protocol"] == "https" &&
                     res["Properties"]["Endpoint"] == "https://example.com/hook";
        CHECK(https);
    }

    TEST_CASE("malformed templates give diagnostics with JSON pointers") {
        CHECK(has_error(import_template("[]").diagnostics, "", "a template must be a JSON object, got an array"));
        CHECK(has_error(import_template("{}").diagnostics, "",
                        "missing \"Resources\": a template needs at least one resource"));
        CHECK(has_error(import_template(R"({"Resources": []})").diagnostics, "/Resources",
                        "Resources must be an object, got an array"));
        CHECK(has_error(import_template(R"({"Resources": {"Q": 3}})").diagnostics, "/Resources/Q",
                        "resource must be an object, got a number"));
        CHECK(has_error(import_template(R"({"Resources": {"Q": {}}})").diagnostics, "/Resources/Q",
                        "missing \"Type\": expected a resource type such as \"AWS::SQS::Queue\""));
        CHECK(has_error(import_template(R"({"Resources": {"Q": {"Type": 7}}})").diagnostics, "/Resources/Q/Type",
                        "Type must be a resource type string, got 7"));
        CHECK(has_error(
            import_template(R"({"Resources": {"Q": {"Type": "AWS::SQS::Queue", "Properties": []}}})").diagnostics,
            "/Resources/Q/Properties", "Properties must be an object, got an array"));
        CHECK(has_error(
            import_template(R"({"Resources": {"a/b": {"Type": "AWS::SQS::Queue", "Metadata": 1}}})").diagnostics,
            "/Resources/a~1b/Metadata", "Metadata must be an object, got a number"));
        const Diagnostics syntax = import_template("{\n  \"Resources\": {,}\n}").diagnostics;
        REQUIRE(syntax.items().size() == 1);
        CHECK(syntax.items()[0].message.rfind("invalid JSON at line 2, column 17: ", 0) == 0);
        CHECK(has_error(import_template(std::string(100000, '[')).diagnostics, "",
                        "template rejected: JSON nested deeper than 256 levels at byte 256"));
        // A YAML template is read as YAML (test_yaml_parse.cpp): one queue, no errors.
        const ImportResult yaml = import_template("Resources:\n  Q:\n    Type: AWS::SQS::Queue\n");
        CHECK(yaml.ok());
        REQUIRE(yaml.pattern.nodes.size() == 1);
        CHECK(yaml.pattern.nodes[0].type == "sqs");
    }

    TEST_CASE("Metadata naming a missing resource leaves the node out with a warning") {
        OJson t = export_sam(load("rest-api.json")).tmpl;
        t["Resources"].erase("ReceiptsBucket");
        ImportResult r = import_template(t.dump());
        bool warned = false;
        for (const auto& d : r.diagnostics.items())
            warned |= d.severity == Severity::Warning && d.path == "/Metadata/ServerlessPlayground/nodes/4/resource" &&
                      d.message ==
                          "node 'receipts-bucket' names resource 'ReceiptsBucket', which is not in Resources; the node "
                          "is left out";
        CHECK(warned);
        CHECK(r.pattern.find_node("receipts-bucket") == nullptr);
    }
}

TEST_SUITE("export") {
    TEST_CASE("a foreign lowercase logical id is kept, so Refs to it stay valid after a round trip") {
        const std::string text = R"({"Resources": {
            "jobs": {"Type": "AWS::SQS::Queue"},
            "alarm": {"Type": "AWS::CloudWatch::Alarm", "Properties": {"Dimensions": [{"Name": "QueueName", "Value": {"Fn::GetAtt": ["jobs", "QueueName"]}}]}}}})";
        ImportResult r = import_template(text);
        REQUIRE(r.ok());
        CHECK(r.pattern.nodes[0].id == "jobs");
        const OJson t = export_sam(r.pattern).tmpl;
        CHECK(t["Resources"].contains("jobs"));
        CHECK(test::check_template(t, false).empty());
        ImportResult again = import_template(t.dump());
        REQUIRE(again.ok());
        CHECK(write_pattern(again.pattern) == write_pattern(r.pattern));
    }
}

TEST_SUITE("export") {
    TEST_CASE("derived resources never take a node's logical id") {
        ParseResult p = parse_pattern(R"({"nodes": [
            {"id": "topic", "type": "sns"}, {"id": "jobs", "type": "sqs"}, {"id": "jobs-policy", "type": "sqs"}],
            "edges": [{"from": "topic", "to": "jobs"}]})");
        REQUIRE(p.ok());
        const OJson rs = export_sam(p.pattern).tmpl["Resources"];
        CHECK(rs["JobsPolicy"]["Type"] == "AWS::SQS::Queue");
        CHECK_FALSE(rs["JobsPolicy"].contains("Properties"));
        CHECK(rs["JobsPolicy2"]["Type"] == "AWS::SQS::QueuePolicy");
        ImportResult back = import_template(export_sam_json(p.pattern));
        REQUIRE(back.ok());
        CHECK(write_pattern(back.pattern) == write_pattern(p.pattern));
    }
}

TEST_SUITE("export") {
    // An ECR repository (with DependsOn, DeletionPolicy, Condition, Metadata and Properties) and the
    // KMS key it depends on: neither is simulated, both become "cloudformation" nodes.
    const char* const kKeptTemplate = R"({
      "AWSTemplateFormatVersion": "2010-09-09",
      "Conditions": {"IsProd": {"Fn::Equals": [{"Ref": "AWS::StackName"}, "prod"]}},
      "Resources": {
        "Worker": {"Type": "AWS::Serverless::Function",
                   "Properties": {"Runtime": "python3.12", "Handler": "app.handler", "CodeUri": "src/",
                                  "Environment": {"Variables": {"REPO": {"Fn::GetAtt": ["Repo", "RepositoryUri"]}}}}},
        "Repo": {"Type": "AWS::ECR::Repository", "DependsOn": ["Key"], "DeletionPolicy": "Retain", "Condition": "IsProd",
                 "Metadata": {"Owner": "team-a"},
                 "Properties": {"RepositoryName": "images", "ImageScanningConfiguration": {"ScanOnPush": true},
                                "EncryptionConfiguration": {"EncryptionType": "KMS", "KmsKey": {"Ref": "Key"}}}},
        "Key": {"Type": "AWS::KMS::Key"}
      }
    })";

    TEST_CASE("an unknown resource becomes a cloudformation node that keeps its attributes") {
        ImportResult r = import_template(kKeptTemplate, kNoEntryTraffic);
        INFO(all(r.diagnostics));
        REQUIRE(r.ok());
        REQUIRE(r.pattern.nodes.size() == 3);
        const NodeSpec* repo = r.pattern.find_node("Repo");
        REQUIRE(repo != nullptr);
        CHECK(repo->type == "cloudformation");
        const Json original = Json::parse(kKeptTemplate);
        CHECK(repo->config == original["Resources"]["Repo"]);  // Type, Properties and every attribute
        CHECK(r.pattern.find_node("Key")->config == Json::parse(R"({"Type": "AWS::KMS::Key"})"));
        CHECK(r.pattern.edges.empty());  // nothing wires to a kept resource
        CHECK(r.pattern.extra.at("cloudformation") ==
              Json::parse(R"({"Conditions": {"IsProd": {"Fn::Equals": [{"Ref": "AWS::StackName"}, "prod"]}}})"));
        bool warned = false;
        for (const auto& d : r.diagnostics.items())
            warned |= d.severity == Severity::Warning && d.path == "/Resources/Repo" &&
                      d.message ==
                          "resource type 'AWS::ECR::Repository' is not simulated; it becomes a CloudFormation resource "
                          "node, written back on export";
        CHECK(warned);
        // The pattern builds without a config warning: the node is passive, not broken.
        auto built = build_from_text(write_pattern(r.pattern));
        INFO(all(built.diagnostics));
        REQUIRE(built.simulation != nullptr);
        for (const auto& d : built.diagnostics.items())
            CHECK((d.path.rfind("/nodes/1", 0) != 0 && d.path.rfind("/nodes/2", 0) != 0));
    }

    TEST_CASE("a cloudformation node is written back verbatim and round-trips to an equal pattern") {
        ImportResult r = import_template(kKeptTemplate);
        REQUIRE(r.ok());
        const SamExport out = export_sam(r.pattern);
        const OJson& rs = out.tmpl["Resources"];
        const OJson original = OJson::parse(kKeptTemplate);
        // Verbatim, Type and Properties first; our Metadata key next to the template's own.
        OJson repo = rs["Repo"];
        CHECK(repo.begin().key() == "Type");
        CHECK(std::next(repo.begin()).key() == "Properties");
        CHECK(repo["Metadata"][kSamMetadataKey] == OJson::parse(R"({"node": "Repo", "type": "cloudformation"})"));
        repo["Metadata"].erase(kSamMetadataKey);
        CHECK(Json::parse(repo.dump()) == Json::parse(original["Resources"]["Repo"].dump()));
        CHECK(rs["Key"]["Metadata"][kSamMetadataKey]["generated"] == OJson::array({"Metadata"}));
        CHECK(out.tmpl["Conditions"] == original["Conditions"]);
        CHECK(test::check_template(out.tmpl, false).empty());
        for (const auto& note : out.notes) CHECK(note.find("Repo") == std::string::npos);
        CHECK(export_mermaid(r.pattern).find("[\"Repo<br/>AWS::ECR::Repository\"]") != std::string::npos);
        // Import → equal pattern; export again → the same template, byte for byte.
        ImportResult back = import_template(out.tmpl.dump());
        INFO(all(back.diagnostics));
        REQUIRE(back.ok());
        CHECK(write_pattern(back.pattern) == write_pattern(r.pattern));
        CHECK(export_sam_json(back.pattern) == export_sam_json(r.pattern));
    }

    TEST_CASE("a cloudformation node's own empty Metadata and renamed logical id survive the round trip") {
        ParseResult p = parse_pattern(R"({"nodes": [
            {"id": "repo", "type": "cloudformation", "cfnLogicalId": "repo", "config": {"Type": "AWS::ECR::Repository", "Metadata": {}}},
            {"id": "hook", "type": "cloudformation", "config": {"Type": "Custom::Seeder", "Properties": {}}}]})");
        REQUIRE(p.ok());
        const OJson t = export_sam(p.pattern).tmpl;
        CHECK(t["Resources"].contains("repo"));
        CHECK_FALSE(t["Resources"]["repo"]["Metadata"][kSamMetadataKey].contains("generated"));
        CHECK(t["Resources"]["Hook"]["Properties"] == OJson::object());
        ImportResult back = import_template(t.dump());
        REQUIRE(back.ok());
        CHECK(write_pattern(back.pattern) == write_pattern(p.pattern));
    }

    TEST_CASE("templates written before cloudformation nodes existed keep their resources where they were") {
        // What an older import made of an unknown resource: kept under "cloudformation"."Resources".
        ParseResult p = parse_pattern(R"({"nodes": [{"id": "jobs", "type": "sqs"}],
            "cloudformation": {"Resources": {"Alarm": {"Type": "AWS::CloudWatch::Alarm", "DependsOn": "Jobs",
                                                        "Properties": {"MetricName": "Age"}}}}})");
        REQUIRE(p.ok());
        const std::string text = export_sam_json(p.pattern);
        const OJson t = OJson::parse(text);
        CHECK(Json::parse(t["Resources"]["Alarm"].dump()) ==
              Json::parse(
                  R"({"Type": "AWS::CloudWatch::Alarm", "DependsOn": "Jobs", "Properties": {"MetricName": "Age"}})"));
        ImportResult back = import_template(text);
        INFO(all(back.diagnostics));
        REQUIRE(back.ok());
        CHECK(back.pattern.nodes.size() == 1);
        CHECK(write_pattern(back.pattern) == write_pattern(p.pattern));
        CHECK(export_sam_json(back.pattern) == text);
    }
}
