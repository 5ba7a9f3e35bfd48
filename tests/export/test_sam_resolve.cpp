// test_sam_resolve.cpp — a foreign template made ready for import (engine/export/sam_resolve.h):
// SAM Globals, Parameters, pseudo parameters, Conditions and the intrinsic functions, each checked
// against what AWS documents (URLs at each case), and the settings that need plain values.
#include "export/sam_import.h"
#include "export/sam_resolve.h"
#include "runtime/simulation.h"

#include <doctest/doctest.h>

#include <string>

using namespace sim;

namespace {

struct Resolved {
    Json tmpl;
    Diagnostics diagnostics;
    ImportSummary summary;
};

Resolved resolved(const std::string& text) {
    Resolved r;
    r.tmpl = sami::resolve_template(Json::parse(text), r.diagnostics, r.summary);
    return r;
}

// The resolved Properties of one resource.
Json props(const Resolved& r, const char* logical) {
    return r.tmpl["Resources"][logical]["Properties"];
}

bool assumed(const ImportSummary& s, const std::string& part) {
    for (const auto& line : s.assumed)
        if (line.find(part) != std::string::npos) return true;
    return false;
}

std::string all(const Diagnostics& d) {
    std::string out;
    for (const auto& item : d.items()) out += item.path + ": " + item.message + "\n";
    return out;
}

}  // namespace

TEST_SUITE("export") {
    // https://docs.aws.amazon.com/serverless-application-model/latest/developerguide/sam-specification-template-anatomy-globals.html
    // "Overridable properties": primitives — the resource's value wins; maps — merged; lists —
    // additive (the documented SecurityGroupIds example: Globals' entries, then the resource's).
    TEST_CASE("resolve: SAM Globals merge into serverless resources as SAM documents") {
        const Resolved r = resolved(R"({
          "Transform": "AWS::Serverless-2016-10-31",
          "Globals": {"Function": {"Runtime": "nodejs20.x", "Timeout": 180, "Handler": "index.handler",
                                   "Environment": {"Variables": {"TABLE_NAME": "data-table", "STAGE": "prod"}},
                                   "VpcConfig": {"SecurityGroupIds": ["sg-123", "sg-456"]}},
                      "Api": {"Cors": "'*'"}},
          "Resources": {
            "HelloWorldFunction": {"Type": "AWS::Serverless::Function",
              "Properties": {"Timeout": 30, "Environment": {"Variables": {"MESSAGE": "Hello From SAM", "STAGE": "dev"}},
                             "VpcConfig": {"SecurityGroupIds": ["sg-first"]}}},
            "ThumbnailFunction": {"Type": "AWS::Serverless::Function"},
            "Queue": {"Type": "AWS::SQS::Queue", "Properties": {}}
          }})");
        const Json hello = props(r, "HelloWorldFunction");
        CHECK(hello["Runtime"] == "nodejs20.x");
        CHECK(hello["Timeout"] == 30);  // the resource's primitive wins
        CHECK(hello["Environment"]["Variables"] ==
              Json::parse(R"({"TABLE_NAME": "data-table", "MESSAGE": "Hello From SAM", "STAGE": "dev"})"));
        CHECK(hello["VpcConfig"]["SecurityGroupIds"] == Json::parse(R"(["sg-123", "sg-456", "sg-first"])"));
        // A function without Properties inherits every Globals property.
        const Json thumb = props(r, "ThumbnailFunction");
        CHECK(thumb["Timeout"] == 180);
        CHECK(thumb["Handler"] == "index.handler");
        CHECK(thumb["Environment"]["Variables"]["TABLE_NAME"] == "data-table");
        // Other types are untouched; the Globals section stays in the template (kept for export).
        CHECK(props(r, "Queue") == Json::object());
        CHECK(r.tmpl["Globals"]["Function"]["Timeout"] == 180);
    }

    TEST_CASE("resolve: an intrinsic function in Globals is a value, not a map to merge into") {
        const Resolved r = resolved(R"({
          "Globals": {"Function": {"Environment": {"Variables": {"TABLE": {"Ref": "Table"}}}}},
          "Resources": {
            "Table": {"Type": "AWS::DynamoDB::Table"},
            "Fn": {"Type": "AWS::Serverless::Function", "Properties": {"Environment": {"Variables": {"TABLE": {"Fn::GetAtt": ["Table", "Arn"]}}}}}
          }})");
        CHECK(props(r, "Fn")["Environment"]["Variables"]["TABLE"] ==
              Json::parse(R"({"Fn::GetAtt": ["Table", "Arn"]})"));
    }

    // https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/parameters-section-structure.html
    // Ref to a parameter gives its value: a Number as a number, a CommaDelimitedList as a list.
    TEST_CASE("resolve: Ref to a parameter gives its Default as its Type reads it") {
        const Resolved r = resolved(R"({
          "Parameters": {"QueueNameParam": {"Type": "String", "Default": "orders"},
                         "Wcu": {"Type": "Number", "Default": "7"},
                         "Envs": {"Type": "CommaDelimitedList", "Default": "test,dev,prod"},
                         "SourceBucketName": {"Type": "String"},
                         "Shards": {"Type": "Number", "MinValue": 2}},
          "Resources": {
            "Q": {"Type": "AWS::SQS::Queue", "Properties": {"QueueName": {"Ref": "QueueNameParam"}}},
            "T": {"Type": "AWS::DynamoDB::Table", "Properties": {"ProvisionedThroughput": {"WriteCapacityUnits": {"Ref": "Wcu"}, "ReadCapacityUnits": 1},
                  "Tags": [{"Key": "envs", "Value": {"Fn::Join": ["|", {"Ref": "Envs"}]}}]}},
            "B": {"Type": "AWS::S3::Bucket", "Properties": {"BucketName": {"Ref": "SourceBucketName"}}},
            "S": {"Type": "AWS::Kinesis::Stream", "Properties": {"ShardCount": {"Ref": "Shards"}}}
          }})");
        CHECK(props(r, "Q")["QueueName"] == "orders");
        CHECK(props(r, "T")["ProvisionedThroughput"]["WriteCapacityUnits"] == 7);
        CHECK(props(r, "T")["Tags"][0]["Value"] == "test|dev|prod");
        // No Default: a value is assumed and the summary says where and what.
        CHECK(props(r, "B")["BucketName"] == "sourcebucketname");
        CHECK(assumed(r.summary,
                      "/Resources/B/Properties/BucketName: parameter SourceBucketName (String) has no Default"));
        CHECK(props(r, "S")["ShardCount"] == 2);
        CHECK(assumed(r.summary, "parameter Shards (Number) has no Default; assumed 2"));
    }

    // https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/pseudo-parameter-reference.html
    TEST_CASE("resolve: pseudo parameters; AWS::NoValue removes the key or the list element") {
        const Resolved r = resolved(R"({
          "Resources": {
            "Fn": {"Type": "AWS::Serverless::Function", "Properties": {
              "Environment": {"Variables": {
                "WHERE": {"Fn::Sub": "${AWS::Partition}:${AWS::Region}:${AWS::AccountId}:${AWS::URLSuffix}"},
                "STACK": {"Ref": "AWS::StackName"},
                "GONE": {"Ref": "AWS::NoValue"}}},
              "Layers": ["arn:one", {"Ref": "AWS::NoValue"}, "arn:two"],
              "Tags": {"n": {"Fn::Join": [",", {"Ref": "AWS::NotificationARNs"}]}}}}
          }})");
        const Json fn = props(r, "Fn");
        // The region and account the simulation uses; partition and suffix of the standard AWS partition.
        CHECK(fn["Environment"]["Variables"]["WHERE"] == "aws:us-east-1:123456789012:amazonaws.com");
        CHECK(fn["Environment"]["Variables"]["STACK"] == "sam-app");  // SAM CLI's default stack name
        CHECK_FALSE(fn["Environment"]["Variables"].contains("GONE"));
        CHECK(fn["Layers"] == Json::parse(R"(["arn:one", "arn:two"])"));
        CHECK(fn["Tags"]["n"] == "");  // AWS::NotificationARNs: no notification topics given
    }

    // https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/intrinsic-function-reference-conditions.html
    TEST_CASE("resolve: conditions decide Fn::If and leave out resources whose Condition is false") {
        const Resolved r = resolved(R"({
          "Parameters": {"Stage": {"Type": "String", "Default": "dev"}, "BucketNameParam": {"Type": "String", "Default": ""}},
          "Conditions": {
            "IsProd": {"Fn::Equals": [{"Ref": "Stage"}, "prod"]},
            "IsDev": {"Fn::Not": [{"Condition": "IsProd"}]},
            "HasBucketName": {"Fn::Not": [{"Fn::Equals": [{"Ref": "BucketNameParam"}, ""]}]},
            "Both": {"Fn::And": [{"Condition": "IsDev"}, {"Fn::Equals": ["us-east-1", {"Ref": "AWS::Region"}]}]},
            "Either": {"Fn::Or": [{"Condition": "IsProd"}, {"Condition": "HasBucketName"}]},
            "Loop1": {"Fn::Not": [{"Condition": "Loop2"}]},
            "Loop2": {"Fn::Not": [{"Condition": "Loop1"}]}
          },
          "Resources": {
            "Bucket": {"Type": "AWS::S3::Bucket", "Properties": {
              "BucketName": {"Fn::If": ["HasBucketName", {"Ref": "BucketNameParam"}, {"Ref": "AWS::NoValue"}]},
              "Tags": [{"Key": "both", "Value": {"Fn::If": ["Both", "yes", "no"]}},
                       {"Key": "either", "Value": {"Fn::If": ["Either", "yes", "no"]}},
                       {"Key": "loop", "Value": {"Fn::If": ["Loop1", "yes", "no"]}}]}},
            "ProdAlarmQueue": {"Type": "AWS::SQS::Queue", "Condition": "IsProd"},
            "Worker": {"Type": "AWS::SQS::Queue", "DependsOn": ["ProdAlarmQueue", "Bucket"]},
            "Other": {"Type": "AWS::SQS::Queue", "DependsOn": "ProdAlarmQueue"}
          }})");
        CHECK_FALSE(props(r, "Bucket").contains("BucketName"));  // NoValue: the property is removed
        CHECK(props(r, "Bucket")["Tags"][0]["Value"] == "yes");
        CHECK(props(r, "Bucket")["Tags"][1]["Value"] == "no");
        // Conditions naming each other cannot be decided: the Fn::If stays as written.
        CHECK(props(r, "Bucket")["Tags"][2]["Value"] == Json::parse(R"({"Fn::If": ["Loop1", "yes", "no"]})"));
        CHECK_FALSE(r.tmpl["Resources"].contains("ProdAlarmQueue"));
        CHECK(assumed(r.summary, "/Resources/ProdAlarmQueue: condition IsProd is false"));
        CHECK(r.tmpl["Resources"]["Worker"]["DependsOn"] == Json::parse(R"(["Bucket"])"));
        CHECK_FALSE(r.tmpl["Resources"]["Other"].contains("DependsOn"));
    }

    TEST_CASE("resolve: a resource whose Condition is false stays when a resource still names it") {
        const Resolved r = resolved(R"({
          "Conditions": {"Never": {"Fn::Equals": ["a", "b"]}},
          "Resources": {
            "Dlq": {"Type": "AWS::SQS::Queue", "Condition": "Never"},
            "Q": {"Type": "AWS::SQS::Queue", "Properties": {"RedrivePolicy": {"deadLetterTargetArn": {"Fn::GetAtt": ["Dlq", "Arn"]}, "maxReceiveCount": 3}}}
          }})");
        CHECK(r.tmpl["Resources"].contains("Dlq"));
        CHECK(assumed(r.summary, "condition Never is false with the parameters' defaults, but Q names it; kept"));
    }

    // https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/intrinsic-function-reference-sub.html
    // ${Param} / ${Resource} give what Ref gives, ${Resource.Attr} what Fn::GetAtt gives,
    // ${!Literal} the text ${Literal}; the variable map's values may be intrinsic functions.
    TEST_CASE("resolve: Fn::Sub with parameters, literals, a variable map and resources") {
        const Resolved r = resolved(R"({
          "Parameters": {"Env": {"Type": "String", "Default": "dev"}},
          "Resources": {
            "Orders": {"Type": "AWS::SQS::Queue"},
            "Fifo": {"Type": "AWS::SQS::Queue", "Properties": {"FifoQueue": true, "QueueName": "jobs.fifo"}},
            "Files": {"Type": "AWS::S3::Bucket", "Properties": {"BucketName": {"Fn::Sub": "files-${Env}"}}},
            "Alerts": {"Type": "AWS::SNS::Topic"},
            "Table": {"Type": "AWS::DynamoDB::Table", "Properties": {"TableName": "orders"}},
            "Flow": {"Type": "AWS::Serverless::StateMachine", "Properties": {"Name": "flow"}},
            "Fn": {"Type": "AWS::Serverless::Function", "Properties": {"Environment": {"Variables": {
              "LITERAL": {"Fn::Sub": "${!Literal}-${Env}"},
              "MAPPED": {"Fn::Sub": ["${Prefix}-${AWS::Region}", {"Prefix": {"Fn::Join": ["-", ["a", {"Ref": "Env"}]]}}]},
              "QUEUE": {"Fn::Sub": "${Orders}"},
              "QUEUE_ARN": {"Fn::Sub": "${Orders.Arn}"},
              "QUEUE_URL_TEXT": {"Fn::Sub": "url=${Orders}"},
              "FIFO_ARN_TEXT": {"Fn::Sub": "arn=${Fifo.Arn}"},
              "OBJECTS": {"Fn::Sub": "arn:${AWS::Partition}:s3:::${Files}/*"},
              "TOPIC": {"Fn::Sub": "topic ${Alerts}"},
              "TABLE": {"Fn::Sub": "${Table.Arn}/index/*"},
              "STREAM": {"Fn::Sub": "${Table.StreamArn}!"},
              "FLOW": {"Fn::Sub": "run ${Flow}"},
              "UNKNOWN": {"Fn::Sub": "x-${Nowhere}"}}}}}
          }})");
        const Json v = props(r, "Fn")["Environment"]["Variables"];
        CHECK(v["LITERAL"] == "${Literal}-dev");
        CHECK(v["MAPPED"] == "a-dev-us-east-1");
        // Exactly one resource variable: the Ref / GetAtt itself, so the import still sees the wiring.
        CHECK(v["QUEUE"] == Json::parse(R"({"Ref": "Orders"})"));
        CHECK(v["QUEUE_ARN"] == Json::parse(R"({"Fn::GetAtt": ["Orders", "Arn"]})"));
        // Inside text: what AWS returns. SQS Ref: the queue URL; Arn: arn:aws:sqs:region:account:name
        // (aws-resource-sqs-queue.html, "Return values"). Unnamed: the simulation's name, the node id.
        CHECK(v["QUEUE_URL_TEXT"] == "url=https://sqs.us-east-1.amazonaws.com/123456789012/Orders");
        CHECK(v["FIFO_ARN_TEXT"] == "arn=arn:aws:sqs:us-east-1:123456789012:jobs.fifo");
        CHECK(v["OBJECTS"] == "arn:aws:s3:::files-dev/*");                       // S3 Ref: the bucket name
        CHECK(v["TOPIC"] == "topic arn:aws:sns:us-east-1:123456789012:Alerts");  // SNS Ref: the topic ARN
        CHECK(v["TABLE"] == "arn:aws:dynamodb:us-east-1:123456789012:table/orders/index/*");
        CHECK(v["STREAM"].get<std::string>().rfind("arn:aws:dynamodb:us-east-1:123456789012:table/orders/stream/", 0) ==
              0);
        CHECK(v["FLOW"] ==
              "run arn:aws:states:us-east-1:123456789012:stateMachine:flow");  // Step Functions Ref: the ARN
        CHECK(v["UNKNOWN"] == Json::parse(R"({"Fn::Sub": "x-${Nowhere}"})"));  // kept as written
    }

    // https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/intrinsic-function-reference-join.html,
    // …-select.html, …-split.html, …-findinmap.html, …-getavailabilityzones.html, …-importvalue.html, …-base64.html
    TEST_CASE("resolve: Join, Select, Split, FindInMap, GetAZs, ImportValue, Base64") {
        const Resolved r = resolved(R"({
          "Mappings": {"RegionMap": {"us-east-1": {"HVM64": "ami-0ff8a91507f77f867", "Sizes": [1, 2]}}},
          "Resources": {
            "Table": {"Type": "AWS::DynamoDB::Table"},
            "Fn": {"Type": "AWS::Serverless::Function", "Properties": {"Environment": {"Variables": {
              "JOIN": {"Fn::Join": [":", ["a", "b", "c"]]},
              "JOIN_ARN": {"Fn::Join": ["", [{"Fn::GetAtt": ["Table", "Arn"]}, "/*"]]},
              "JOIN_KEPT": {"Fn::Join": ["", [{"Fn::GetAtt": ["Table", "NoSuchAttribute"]}, "/*"]]},
              "SELECT": {"Fn::Select": ["1", ["apples", "grapes", "oranges", "mangoes"]]},
              "SPLIT": {"Fn::Select": [2, {"Fn::Split": ["|", "a|b|c"]}]},
              "MAP": {"Fn::FindInMap": ["RegionMap", {"Ref": "AWS::Region"}, "HVM64"]},
              "AZ": {"Fn::Select": [0, {"Fn::GetAZs": ""}]},
              "IMPORTED": {"Fn::ImportValue": {"Fn::Sub": "${AWS::StackName}-SubnetID"}},
              "B64": {"Fn::Base64": "AWS CloudFormation"}}},
              "Layers": {"Fn::FindInMap": ["RegionMap", "us-east-1", "Sizes"]},
              "Tags": {"azs": {"Fn::Join": [",", {"Fn::GetAZs": {"Ref": "AWS::Region"}}]}}}}
          }})");
        const Json fn = props(r, "Fn");
        const Json v = fn["Environment"]["Variables"];
        CHECK(v["JOIN"] == "a:b:c");  // the documented example
        CHECK(v["JOIN_ARN"] == "arn:aws:dynamodb:us-east-1:123456789012:table/Table/*");
        CHECK(v["JOIN_KEPT"].contains("Fn::Join"));  // an attribute not known: kept as written
        CHECK(v["SELECT"] == "grapes");              // the documented example
        CHECK(v["SPLIT"] == "c");
        CHECK(v["MAP"] == "ami-0ff8a91507f77f867");
        CHECK(fn["Layers"] == Json::parse("[1, 2]"));
        // The documented us-east-1 example: [us-east-1a … us-east-1e].
        CHECK(v["AZ"] == "us-east-1a");
        CHECK(fn["Tags"]["azs"] == "us-east-1a,us-east-1b,us-east-1c,us-east-1d,us-east-1e");
        CHECK(v["IMPORTED"] == "sam-app-SubnetID");
        CHECK(assumed(r.summary, "Fn::ImportValue 'sam-app-SubnetID'"));
        CHECK(v["B64"] == "AWS CloudFormation");
    }

    // https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/intrinsic-function-reference-ref.html
    TEST_CASE("resolve: a Ref or Fn::GetAtt naming a resource stays where it stands alone") {
        const Resolved r = resolved(R"({
          "Resources": {
            "Q": {"Type": "AWS::SQS::Queue"},
            "Fn": {"Type": "AWS::Serverless::Function", "Properties": {
              "Environment": {"Variables": {"QUEUE": {"Ref": "Q"}, "ARN": {"Fn::GetAtt": "Q.Arn"}}},
              "Events": {"Jobs": {"Type": "SQS", "Properties": {"Queue": {"Fn::GetAtt": ["Q", "Arn"]}}}}}},
            "Map": {"Type": "AWS::Lambda::EventSourceMapping", "Properties": {"FunctionName": {"Ref": "Fn"}, "EventSourceArn": {"Fn::GetAtt": ["Q", "Arn"]}}}
          }})");
        CHECK(props(r, "Fn")["Environment"]["Variables"]["QUEUE"] == Json::parse(R"({"Ref": "Q"})"));
        CHECK(props(r, "Fn")["Environment"]["Variables"]["ARN"] == Json::parse(R"({"Fn::GetAtt": "Q.Arn"})"));
        CHECK(props(r, "Fn")["Events"]["Jobs"]["Properties"]["Queue"] ==
              Json::parse(R"({"Fn::GetAtt": ["Q", "Arn"]})"));
        CHECK(props(r, "Map")["FunctionName"] == Json::parse(R"({"Ref": "Fn"})"));  // wiring, not a name
    }

    TEST_CASE("resolve: names and numbers that stay unresolved become assumed plain values") {
        const Resolved r = resolved(R"({
          "Conditions": {"Unknown": {"Fn::Equals": [{"Fn::GetAtt": ["Q", "Arn"]}, "x"]}},
          "Resources": {
            "Q": {"Type": "AWS::SQS::Queue", "Properties": {"QueueName": {"Fn::If": ["Unknown", "a", "b"]}}},
            "Other": {"Type": "AWS::SQS::Queue", "Properties": {"QueueName": {"Fn::GetAtt": ["Q", "QueueName"]}}},
            "Fn": {"Type": "AWS::Serverless::Function", "Properties": {"MemorySize": {"Fn::ImportValue": {"Fn::GetAtt": ["Q", "Arn"]}}, "Timeout": "30"}}
          }})");
        CHECK(props(r, "Q")["QueueName"] == "sam-app-q");
        CHECK(assumed(r.summary, "/Resources/Q/Properties/QueueName: assumed 'sam-app-q' for {\"Fn::If\""));
        CHECK(props(r, "Other")["QueueName"] == "sam-app-q");  // GetAtt QueueName: the queue's name
        // Lambda's defaults: 128 MB, 3 s (aws-resource-lambda-function.html); numeric text reads as a number.
        CHECK(props(r, "Fn")["MemorySize"] == 128);
        CHECK(assumed(r.summary, "/Resources/Fn/Properties/MemorySize: assumed 128"));
        CHECK(props(r, "Fn")["Timeout"] == 30);
    }

    // https://docs.aws.amazon.com/serverless-application-model/latest/developerguide/sam-property-function-s3.html
    // (Events: String | List);
    // https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-events-rule.html
    // (EventPattern: Json, an object or its JSON text).
    TEST_CASE("resolve: S3 Events as one string, and event patterns with intrinsics, import and build") {
        const std::string text = R"({
          "Transform": "AWS::Serverless-2016-10-31",
          "Parameters": {"WriteCapacityUnits": {"Type": "Number", "Default": 5}, "TableNameParam": {"Type": "String"}},
          "Resources": {
            "Bucket": {"Type": "AWS::S3::Bucket", "Properties": {"BucketName": {"Fn::Sub": "uploads-${AWS::AccountId}-${AWS::Region}"}}},
            "Bus": {"Type": "AWS::Events::EventBus", "Properties": {"Name": {"Fn::Sub": "${AWS::StackName}-bus"}}},
            "Table": {"Type": "AWS::DynamoDB::Table", "Properties": {"TableName": {"Ref": "TableNameParam"}, "BillingMode": "PROVISIONED",
              "KeySchema": [{"AttributeName": "pk", "KeyType": "HASH"}], "AttributeDefinitions": [{"AttributeName": "pk", "AttributeType": "S"}],
              "ProvisionedThroughput": {"ReadCapacityUnits": {"Ref": "WriteCapacityUnits"}, "WriteCapacityUnits": {"Ref": "WriteCapacityUnits"}}}},
            "Resize": {"Type": "AWS::Serverless::Function", "Properties": {"Runtime": "nodejs20.x", "Handler": "app.handler",
              "InlineCode": "exports.handler = async () => ({});",
              "Events": {"Upload": {"Type": "S3", "Properties": {"Bucket": {"Ref": "Bucket"}, "Events": "s3:ObjectCreated:*"}},
                         "OnBus": {"Type": "EventBridgeRule", "Properties": {"EventBusName": {"Ref": "Bus"},
                           "Pattern": {"account": [{"Fn::Sub": "${AWS::AccountId}"}], "detail": {"bucket": {"name": [{"Ref": "Bucket"}]}}}}}}}},
            "Rule": {"Type": "AWS::Events::Rule", "Properties": {"EventBusName": {"Ref": "Bus"}, "Name": {"Fn::Sub": "${AWS::StackName}-rule"},
              "EventPattern": {"Fn::Sub": "{\"account\": [\"${AWS::AccountId}\"], \"source\": [\"${AWS::StackName}.orders\"]}"},
              "Targets": [{"Arn": {"Fn::GetAtt": ["Resize", "Arn"]}, "Id": {"Fn::Sub": "${AWS::StackName}-target"}}]}}
          }})";
        const Resolved r = resolved(text);
        CHECK(props(r, "Resize")["Events"]["Upload"]["Properties"]["Events"] ==
              Json::parse(R"(["s3:ObjectCreated:*"])"));
        CHECK(
            props(r, "Resize")["Events"]["OnBus"]["Properties"]["Pattern"] ==
            Json::parse(
                R"({"account": ["123456789012"], "detail": {"bucket": {"name": ["uploads-123456789012-us-east-1"]}}})"));
        CHECK(props(r, "Rule")["EventPattern"] ==
              Json::parse(R"({"account": ["123456789012"], "source": ["sam-app.orders"]})"));
        CHECK(props(r, "Rule")["Targets"][0]["Id"] == "sam-app-target");
        CHECK(props(r, "Table")["ProvisionedThroughput"]["ReadCapacityUnits"] == 5);

        ImportResult imported = import_template(text);
        INFO(all(imported.diagnostics));
        REQUIRE(imported.ok());
        const Simulation::BuildResult built = Simulation::build(imported.pattern);
        INFO(all(built.diagnostics));
        CHECK_FALSE(built.diagnostics.has_errors());
        CHECK(assumed(imported.summary, "parameter TableNameParam (String) has no Default"));
    }

    TEST_CASE("resolve: untrusted templates end in kept intrinsics, never an exception or a blow-up") {
        // Wrong shapes for every function.
        const Resolved odd = resolved(R"({
          "Parameters": "not an object", "Conditions": [1], "Mappings": 3, "Globals": {"Function": [1, 2]},
          "Resources": {"Fn": {"Type": "AWS::Serverless::Function", "Properties": {"Environment": {"Variables": {
            "A": {"Ref": 5}, "B": {"Fn::Sub": [1, 2, 3]}, "C": {"Fn::Join": "x"}, "D": {"Fn::Select": ["x", "y"]},
            "E": {"Fn::Split": ["", "abc"]}, "F": {"Fn::FindInMap": ["a"]}, "G": {"Fn::If": [1, 2, 3]},
            "H": {"Fn::GetAZs": {"a": 1}}, "I": {"Fn::Sub": "${unterminated"}, "J": {"Fn::Select": [-1, [1]]},
            "K": {"Fn::Sub": ["${a}", {"a": {"Ref": "AWS::NoValue"}}]}, "L": {"Ref": "Nowhere"}}}}}}})");
        const Json v = props(odd, "Fn")["Environment"]["Variables"];
        CHECK(v["A"] == Json::parse(R"({"Ref": 5})"));
        CHECK(v["I"] == "${unterminated");
        CHECK(v["L"] == Json::parse(R"({"Ref": "Nowhere"})"));
        // Each variable four times the previous one: 4^40 characters if nothing stopped it.
        Json vars = Json::object();
        std::string chain = R"({"Fn::Sub": ["${v}${v}${v}${v}", {"v": "0123456789"}]})";
        for (int i = 0; i < 40; ++i) chain = R"({"Fn::Sub": ["${v}${v}${v}${v}", {"v": )" + chain + "}]}";
        const Resolved big = resolved(
            R"({"Resources": {"Q": {"Type": "AWS::SQS::Queue", "Properties": {"Tags": [{"Key": "k", "Value": )" +
            chain + "}]}}}}");
        CHECK(big.tmpl.dump().size() < 64'000'000);
        // Names that name each other, a long chain of them, and a pattern text nested too deep.
        std::string resources =
            R"("A": {"Type": "AWS::S3::Bucket", "Properties": {"BucketName": {"Fn::Sub": "${B}-a"}}},
                                   "B": {"Type": "AWS::S3::Bucket", "Properties": {"BucketName": {"Fn::Sub": "${A}-b"}}},
                                   "R": {"Type": "AWS::Events::Rule", "Properties": {"EventPattern": ")" +
            std::string(20000, '[') + std::string(20000, ']') + R"("}})";
        for (int i = 0; i < 3000; ++i)
            resources += ", \"Q" + std::to_string(i) +
                         R"(": {"Type": "AWS::SQS::Queue", "Properties": {"QueueName": {"Fn::Sub": "${Q)" +
                         std::to_string(i + 1) + R"(}-q"}}})";
        const Resolved named = resolved("{\"Resources\": {" + resources + "}}");
        CHECK(props(named, "A")["BucketName"].is_string());
        CHECK(props(named, "Q0")["QueueName"].is_string());
        CHECK(props(named, "R")["EventPattern"].is_string());  // not read: kept as written
    }
}
