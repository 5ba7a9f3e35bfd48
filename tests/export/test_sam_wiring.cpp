// test_sam_wiring.cpp — the wiring a template declares, all of it: calls a function makes inferred
// from its policies, role and environment; Firehose destinations and transformations; S3
// NotificationConfiguration; SimpleTable; FilterCriteria on event source mappings; EventBridge API
// destinations. Expected values from AWS's documentation (URLs per case).
#include "export/sam_import.h"
#include "export/sam_import_state.h"
#include "pattern/pattern.h"
#include "support/import_support.h"

#include <doctest/doctest.h>

using namespace sim;
using namespace sim::test;

namespace {

// These cases are about wiring; the clients an import adds at entry points are tested on their own.
ImportResult import_wiring(const std::string& text) {
    ImportOptions o;
    o.entry_traffic = false;
    return import_ok(text, o);
}

const EdgeSpec* edge(const Pattern& p, const std::string& from, const std::string& to,
                     const std::string& port = "out") {
    for (const auto& e : p.edges)
        if (e.from == from && e.to == to && e.port == port) return &e;
    return nullptr;
}

// The Action a function got for `target` (null Json when none).
Json action_for(const Pattern& p, const std::string& fn, const std::string& target) {
    const NodeSpec* n = p.find_node(fn);
    if (!n || !n->config.contains("Actions")) return Json();
    for (const Json& a : n->config["Actions"])
        if (a.value("target", "") == target) return a;
    return Json();
}

}  // namespace

TEST_SUITE("import") {
    // SAM policy templates: EventBridgePutEventsPolicy {EventBusName}, SQSSendMessagePolicy {QueueName}
    // (https://docs.aws.amazon.com/serverless-application-model/latest/developerguide/serverless-policy-template-table.html).
    TEST_CASE("policy templates naming a resource by text or resolved name are calls; the default bus is added") {
        const ImportResult r = import_wiring(R"({"Resources": {
          "Q": {"Type": "AWS::SQS::Queue", "Properties": {"QueueName": "orders"}},
          "Fn": {"Type": "AWS::Serverless::Function",
                 "Properties": {"Runtime": "python3.12", "Handler": "app.handler",
                                "Policies": [{"EventBridgePutEventsPolicy": {"EventBusName": "default"}},
                                             {"SQSSendMessagePolicy": {"QueueName": {"Fn::GetAtt": ["Q", "QueueName"]}}},
                                             {"SQSPollerPolicy": {"QueueName": "orders"}}]}}}})");
        const NodeSpec* bus = r.pattern.find_node("default-bus");
        REQUIRE(bus != nullptr);
        CHECK(bus->type == "eventbridge");
        CHECK(bus->config["Name"] == "default");
        CHECK(edge(r.pattern, "Fn", "default-bus") != nullptr);
        CHECK(edge(r.pattern, "Fn", "Q") != nullptr);
        // Python code does not run here: each call gets an Action, marked as assumed.
        const Json put = action_for(r.pattern, "Fn", "default-bus");
        CHECK(put["operation"] == "PutEvents");
        CHECK(put["assumed"] == "from EventBridgePutEventsPolicy");
        CHECK(action_for(r.pattern, "Fn", "Q")["operation"] == "SendMessage");
    }

    TEST_CASE("a poller policy on the queue that triggers the function is no call") {
        // SQSPollerPolicy grants what the event source mapping needs (ReceiveMessage, DeleteMessage):
        // not a call the function's code makes.
        const ImportResult r = import_wiring(R"({"Resources": {
          "Q": {"Type": "AWS::SQS::Queue"},
          "Fn": {"Type": "AWS::Serverless::Function",
                 "Properties": {"Runtime": "python3.12", "Handler": "app.handler",
                                "Policies": [{"SQSPollerPolicy": {"QueueName": {"Fn::GetAtt": ["Q", "QueueName"]}}}],
                                "Events": {"In": {"Type": "SQS", "Properties": {"Queue": {"Fn::GetAtt": ["Q", "Arn"]}}}}}}}})");
        CHECK(edge(r.pattern, "Q", "Fn") != nullptr);
        CHECK(edge(r.pattern, "Fn", "Q") == nullptr);
    }

    // IAM policy elements: Effect, Action (service:Action, wildcards), Resource (ARNs, wildcards)
    // (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_action.html).
    TEST_CASE("IAM statements inline and in the role a function runs as are calls to the resources they name") {
        const ImportResult r = import_wiring(R"({"Resources": {
          "T": {"Type": "AWS::DynamoDB::Table",
                "Properties": {"KeySchema": [{"AttributeName": "pk", "KeyType": "HASH"}],
                               "AttributeDefinitions": [{"AttributeName": "pk", "AttributeType": "S"}],
                               "BillingMode": "PAY_PER_REQUEST"}},
          "Topic": {"Type": "AWS::SNS::Topic"},
          "Bucket": {"Type": "AWS::S3::Bucket"},
          "Role": {"Type": "AWS::IAM::Role",
                   "Properties": {"AssumeRolePolicyDocument": {},
                                  "Policies": [{"PolicyName": "p", "PolicyDocument": {"Statement": [
                                    {"Effect": "Allow", "Action": ["dynamodb:GetItem", "dynamodb:PutItem"],
                                     "Resource": {"Fn::Sub": "arn:aws:dynamodb:*:*:table/${T}"}}]}}]}},
          "Extra": {"Type": "AWS::IAM::Policy",
                    "Properties": {"PolicyName": "x", "Roles": [{"Ref": "Role"}], "PolicyDocument": {"Statement": [
                      {"Effect": "Allow", "Action": "sns:Publish", "Resource": {"Ref": "Topic"}},
                      {"Effect": "Deny", "Action": "s3:*", "Resource": {"Fn::Sub": "arn:aws:s3:::${Bucket}/*"}}]}}},
          "Fn": {"Type": "AWS::Lambda::Function",
                 "Properties": {"Runtime": "java21", "Handler": "a.B", "Role": {"Fn::GetAtt": ["Role", "Arn"]}}},
          "Fn2": {"Type": "AWS::Serverless::Function",
                  "Properties": {"Runtime": "python3.12", "Handler": "a.h",
                                 "Policies": [{"Statement": [{"Effect": "Allow", "Action": "s3:Put*",
                                               "Resource": {"Fn::Sub": "arn:aws:s3:::${Bucket}/*"}},
                                              {"Effect": "Allow", "Action": "logs:PutLogEvents", "Resource": "*"}]}]}}}})");
        CHECK(edge(r.pattern, "Fn", "T") != nullptr);
        CHECK(action_for(r.pattern, "Fn", "T")["operation"] == "PutItem");  // the write, as the contract lists first
        CHECK(edge(r.pattern, "Fn", "Topic") != nullptr);
        CHECK(action_for(r.pattern, "Fn", "Topic")["operation"] == "Publish");
        CHECK(edge(r.pattern, "Fn", "Bucket") == nullptr);  // Deny grants nothing
        CHECK(edge(r.pattern, "Fn2", "Bucket") != nullptr);
        CHECK(action_for(r.pattern, "Fn2", "Bucket")["operation"] == "PutObject");
    }

    TEST_CASE("environment variables naming a node are calls; code that runs gets no assumed Actions") {
        const ImportResult r = import_wiring(R"({"Resources": {
          "Orders": {"Type": "AWS::DynamoDB::Table", "Properties": {"TableName": "orders-table"}},
          "Q": {"Type": "AWS::SQS::Queue"},
          "Fn": {"Type": "AWS::Serverless::Function",
                 "Properties": {"Runtime": "nodejs22.x", "Handler": "index.handler",
                                "InlineCode": "exports.handler = async () => ({});",
                                "Environment": {"Variables": {"TABLE_NAME": {"Ref": "Orders"},
                                                              "QUEUE_URL": {"Ref": "Q"}, "LEVEL": "INFO"}}}},
          "Py": {"Type": "AWS::Serverless::Function",
                 "Properties": {"Runtime": "python3.12", "Handler": "a.h",
                                "Environment": {"Variables": {"TABLE": "orders-table"}}}}}})");
        CHECK(edge(r.pattern, "Fn", "Orders") != nullptr);
        CHECK(edge(r.pattern, "Fn", "Q") != nullptr);
        CHECK_FALSE(r.pattern.find_node("Fn")->config.contains("Actions"));
        CHECK(edge(r.pattern, "Py", "Orders") != nullptr);  // text equal to the table's name
        CHECK(action_for(r.pattern, "Py", "Orders")["operation"] == "PutItem");
    }

    // AWS::KinesisFirehose::DeliveryStream: ExtendedS3DestinationConfiguration.BucketARN,
    // ProcessingConfiguration.Processors[{Type: Lambda, Parameters: [{ParameterName: LambdaArn}]}],
    // KinesisStreamSourceConfiguration.KinesisStreamARN
    // (https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-kinesisfirehose-deliverystream.html).
    TEST_CASE("a delivery stream's bucket, transformation Lambda and source stream become edges") {
        const ImportResult r = import_wiring(R"({"Resources": {
          "S": {"Type": "AWS::Kinesis::Stream", "Properties": {"ShardCount": 1}},
          "B": {"Type": "AWS::S3::Bucket"},
          "T": {"Type": "AWS::Serverless::Function", "Properties": {"Runtime": "python3.12", "Handler": "a.h"}},
          "D": {"Type": "AWS::KinesisFirehose::DeliveryStream",
                "Properties": {"DeliveryStreamType": "KinesisStreamAsSource",
                  "KinesisStreamSourceConfiguration": {"KinesisStreamARN": {"Fn::GetAtt": ["S", "Arn"]}, "RoleARN": "r"},
                  "ExtendedS3DestinationConfiguration": {
                    "BucketARN": {"Fn::GetAtt": ["B", "Arn"]}, "RoleARN": "r",
                    "BufferingHints": {"SizeInMBs": 1, "IntervalInSeconds": 60},
                    "ProcessingConfiguration": {"Enabled": true, "Processors": [{"Type": "Lambda", "Parameters": [
                      {"ParameterName": "LambdaArn", "ParameterValue": {"Fn::GetAtt": ["T", "Arn"]}},
                      {"ParameterName": "NumberOfRetries", "ParameterValue": "2"}]}]}}}}}})");
        CHECK(edge(r.pattern, "D", "B") != nullptr);
        CHECK(edge(r.pattern, "D", "T", "transform") != nullptr);
        CHECK(edge(r.pattern, "S", "D") != nullptr);
        const NodeSpec* d = r.pattern.find_node("D");
        CHECK(d->config["BufferingHints"]["IntervalInSeconds"] == 60);
        CHECK(d->config["ProcessingConfiguration"]["NumberOfRetries"] == 2);
    }

    // NotificationConfiguration: LambdaConfigurations {Event, Function, Filter.S3Key.Rules},
    // QueueConfigurations {Queue}, TopicConfigurations {Topic}, EventBridgeConfiguration
    // (https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-s3-bucket-notificationconfiguration.html).
    TEST_CASE("a bucket's NotificationConfiguration becomes edges with the S3 event's config") {
        const ImportResult r = import_wiring(R"({"Resources": {
          "Fn": {"Type": "AWS::Serverless::Function", "Properties": {"Runtime": "python3.12", "Handler": "a.h"}},
          "Q": {"Type": "AWS::SQS::Queue"},
          "B": {"Type": "AWS::S3::Bucket", "Properties": {"NotificationConfiguration": {
            "LambdaConfigurations": [
              {"Event": "s3:ObjectCreated:Put", "Function": {"Fn::GetAtt": ["Fn", "Arn"]},
               "Filter": {"S3Key": {"Rules": [{"Name": "prefix", "Value": "in/"}, {"Name": "suffix", "Value": ".jpg"}]}}},
              {"Event": "s3:ObjectCreated:Copy", "Function": {"Fn::GetAtt": ["Fn", "Arn"]},
               "Filter": {"S3Key": {"Rules": [{"Name": "prefix", "Value": "in/"}, {"Name": "suffix", "Value": ".jpg"}]}}}],
            "QueueConfigurations": [{"Event": "s3:ObjectRemoved:*", "Queue": {"Fn::GetAtt": ["Q", "Arn"]}}],
            "EventBridgeConfiguration": {"EventBridgeEnabled": true}}}}}})");
        const EdgeSpec* fn = edge(r.pattern, "B", "Fn");
        REQUIRE(fn != nullptr);
        CHECK(fn->config["Events"] == Json::array({"s3:ObjectCreated:Put", "s3:ObjectCreated:Copy"}));
        CHECK(fn->config["Prefix"] == "in/");
        CHECK(fn->config["Suffix"] == ".jpg");
        const EdgeSpec* q = edge(r.pattern, "B", "Q");
        REQUIRE(q != nullptr);
        CHECK(q->config["Events"] == Json::array({"s3:ObjectRemoved:*"}));
        CHECK(edge(r.pattern, "B", "default-bus") != nullptr);
    }

    // SimpleTable: PrimaryKey {Name, Type: String | Number | Binary}, default {id, String}; on demand
    // unless ProvisionedThroughput is given
    // (https://docs.aws.amazon.com/serverless-application-model/latest/developerguide/sam-resource-simpletable.html).
    TEST_CASE("AWS::Serverless::SimpleTable is a DynamoDB table with a single-attribute key") {
        const ImportResult r = import_wiring(R"({"Resources": {
          "A": {"Type": "AWS::Serverless::SimpleTable",
                "Properties": {"TableName": "things", "PrimaryKey": {"Name": "Id", "Type": "Number"},
                               "ProvisionedThroughput": {"ReadCapacityUnits": 1, "WriteCapacityUnits": 1}}},
          "B": {"Type": "AWS::Serverless::SimpleTable"}}})");
        const NodeSpec* a = r.pattern.find_node("A");
        REQUIRE(a != nullptr);
        CHECK(a->type == "dynamodb");
        CHECK(a->config["KeySchema"] == Json::parse(R"([{"AttributeName": "Id", "KeyType": "HASH"}])"));
        CHECK(a->config["AttributeDefinitions"] == Json::parse(R"([{"AttributeName": "Id", "AttributeType": "N"}])"));
        CHECK(a->config["BillingMode"] == "PROVISIONED");
        CHECK(a->config["TableName"] == "things");
        const NodeSpec* b = r.pattern.find_node("B");
        REQUIRE(b != nullptr);
        CHECK(b->config["KeySchema"][0]["AttributeName"] == "id");
        CHECK(b->config["AttributeDefinitions"][0]["AttributeType"] == "S");
        CHECK(b->config["BillingMode"] == "PAY_PER_REQUEST");
    }

    // FilterCriteria {Filters: [{Pattern}]} on SAM SQS/Kinesis/DynamoDB events and on
    // AWS::Lambda::EventSourceMapping
    // (https://docs.aws.amazon.com/lambda/latest/dg/invocation-eventfiltering.html).
    TEST_CASE("FilterCriteria is carried onto the event source mapping's edge") {
        const ImportResult r = import_wiring(R"({"Resources": {
          "Q": {"Type": "AWS::SQS::Queue"},
          "S": {"Type": "AWS::Kinesis::Stream", "Properties": {"ShardCount": 1}},
          "Fn": {"Type": "AWS::Serverless::Function",
                 "Properties": {"Runtime": "python3.12", "Handler": "a.h",
                   "Events": {"In": {"Type": "SQS", "Properties": {"Queue": {"Fn::GetAtt": ["Q", "Arn"]},
                     "FilterCriteria": {"Filters": [{"Pattern": "{\"body\": {\"kind\": [\"order\"]}}"}]}}}}}},
          "M": {"Type": "AWS::Lambda::EventSourceMapping",
                "Properties": {"EventSourceArn": {"Fn::GetAtt": ["S", "Arn"]}, "FunctionName": {"Ref": "Fn"},
                               "StartingPosition": "LATEST",
                               "FilterCriteria": {"Filters": [{"Pattern": "{\"data\": {\"kind\": [\"order\"]}}"}]}}}}})");
        const EdgeSpec* q = edge(r.pattern, "Q", "Fn");
        REQUIRE(q != nullptr);
        CHECK(q->config["FilterCriteria"]["Filters"][0]["Pattern"] == "{\"body\": {\"kind\": [\"order\"]}}");
        const EdgeSpec* s = edge(r.pattern, "S", "Fn");
        REQUIRE(s != nullptr);
        CHECK(s->config["FilterCriteria"]["Filters"][0]["Pattern"] == "{\"data\": {\"kind\": [\"order\"]}}");
        CHECK(s->config["StartingPosition"] == "LATEST");
    }

    // An API destination is an HTTP endpoint a rule targets
    // (https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-api-destinations.html).
    TEST_CASE("a rule targeting an API destination sends to an HTTP endpoint node") {
        const ImportResult r = import_wiring(R"({"Resources": {
          "Bus": {"Type": "AWS::Events::EventBus", "Properties": {"Name": "orders"}},
          "Conn": {"Type": "AWS::Events::Connection", "Properties": {"AuthorizationType": "API_KEY"}},
          "Dest": {"Type": "AWS::Events::ApiDestination",
                   "Properties": {"ConnectionArn": {"Fn::GetAtt": ["Conn", "Arn"]}, "HttpMethod": "POST",
                                  "InvocationEndpoint": "https://example.com/hook"}},
          "Rule": {"Type": "AWS::Events::Rule",
                   "Properties": {"EventBusName": {"Ref": "Bus"}, "EventPattern": {"source": ["shop"]},
                                  "Targets": [{"Id": "t", "Arn": {"Fn::GetAtt": ["Dest", "Arn"]}},
                                              {"Id": "c", "Arn": {"Fn::GetAtt": ["Conn", "Arn"]}}]}}}})");
        const NodeSpec* dest = r.pattern.find_node("Dest");
        REQUIRE(dest != nullptr);
        CHECK(dest->type == "http");
        CHECK(dest->config["Resource"] == "ApiDestination");
        CHECK(dest->config["InvocationEndpoint"] == "https://example.com/hook");
        CHECK(edge(r.pattern, "Bus", "Dest") != nullptr);
        CHECK(edge(r.pattern, "Bus", "Conn") == nullptr);  // not simulated: kept for export, with a warning
        CHECK(r.pattern.find_node("Bus")->config["Rules"][0]["cfnTargets"][0]["Id"] == "c");
        CHECK(all_diagnostics(r.diagnostics).find("cannot receive this bus's events") != std::string::npos);
    }

    TEST_CASE("assumed Actions are listed for the summary") {
        const Json tmpl = Json::parse(R"({"Resources": {}})");
        Diagnostics d;
        sami::ImportState s(tmpl, d);
        s.nodes.push_back({{"id", "Fn"},
                           {"type", "lambda"},
                           {"config",
                            {{"Runtime", "python3.12"},
                             {"Actions", Json::array({{{"target", "Q"},
                                                       {"operation", "SendMessage"},
                                                       {"assumed", "from SQSSendMessagePolicy"}}})}}}});
        ImportSummary summary;
        sami::summarize_calls(s, summary);
        REQUIRE(summary.assumed.size() == 1);
        CHECK(summary.assumed[0].find("Fn calls Q (SendMessage)") != std::string::npos);
    }

    TEST_CASE("an imported function's assumed Actions run: the queue it sends to receives messages") {
        ImportResult r = import_template(R"({"Resources": {
          "Q": {"Type": "AWS::SQS::Queue"},
          "Fn": {"Type": "AWS::Serverless::Function",
                 "Properties": {"Runtime": "python3.12", "Handler": "a.h",
                                "Policies": [{"SQSSendMessagePolicy": {"QueueName": {"Fn::GetAtt": ["Q", "QueueName"]}}}]}}}})");
        INFO(all_diagnostics(r.diagnostics));
        REQUIRE(r.ok());
        auto sim = build_ok(write_pattern(r.pattern));
        sim->run_until(minutes(1));
        const Json report = sim->report();
        INFO(report["nodes"].dump());
        CHECK(report["nodes"]["Q"].value("messages_in", 0) > 0);
    }
}
