// test_sam_files.cpp — files beside a template (sam_files.h) and the wiring read from state machine
// definitions and OpenAPI bodies (sam_import_definitions.cpp). Expected values follow AWS's
// documented semantics, cited per case.
#include "export/sam_files.h"
#include "export/sam_import.h"
#include "pattern/pattern.h"
#include "support/test_support.h"

#include <doctest/doctest.h>

#include <map>

using namespace sim;
using namespace sim::test;

namespace {

using Files = std::map<std::string, std::string>;

ImportOptions with_files(const Files& files) {
    ImportOptions o;
    o.entry_traffic = false;
    o.read_file = [files](const std::string& path) -> std::optional<std::string> {
        auto it = files.find(path);
        if (it == files.end()) return std::nullopt;
        return it->second;
    };
    return o;
}

const NodeSpec& node(const Pattern& p, const std::string& id) {
    const NodeSpec* n = p.find_node(id);
    REQUIRE(n != nullptr);
    return *n;
}

const EdgeSpec* edge(const Pattern& p, const std::string& from, const std::string& to) {
    for (const auto& e : p.edges)
        if (e.from == from && e.to == to) return &e;
    return nullptr;
}

bool has_warning(const Diagnostics& d, const std::string& part) {
    for (const auto& item : d.items())
        if (item.severity == Severity::Warning && (item.message.find(part) != std::string::npos)) return true;
    return false;
}

std::string all(const Diagnostics& d) {
    std::string out;
    for (const auto& item : d.items()) out += item.path + ": " + item.message + "\n";
    return out;
}

// The state machine and everything it calls validates in the simulator.
void builds(const Pattern& p) {
    build_ok(write_pattern(p));
}

}  // namespace

TEST_SUITE("import files") {
    // https://docs.aws.amazon.com/serverless-application-model/latest/developerguide/sam-resource-statemachine.html
    // DefinitionUri: "the Amazon S3 URI or local file path of the state machine definition";
    // DefinitionSubstitutions: placeholders ${name} in the definition are replaced by the map's values,
    // which may be intrinsic functions (!GetAtt Fn.Arn, !Ref Table).
    TEST_CASE("a state machine's DefinitionUri file becomes its Definition, substitutions applied, tasks wired") {
        const Files files = {{"statemachine/flow.asl.json", R"({
          "StartAt": "Check", "States": {
            "Check": {"Type": "Task", "Resource": "${CheckArn}", "Next": "Save"},
            "Save": {"Type": "Task", "Resource": "arn:aws:states:::dynamodb:putItem",
                     "Parameters": {"TableName": "${TableName}", "Item": {"id": {"S.$": "$.id"}}}, "Next": "Notify"},
            "Notify": {"Type": "Task", "Resource": "arn:aws:states:::sqs:sendMessage",
                       "Parameters": {"QueueUrl": "${QueueUrl}", "MessageBody.$": "$"},
                       "Comment": "to ${QueueUrl} in ${Stage}", "End": true}}})"}};
        const ImportResult r = import_template(R"(
Transform: AWS::Serverless-2016-10-31
Resources:
  Flow:
    Type: AWS::Serverless::StateMachine
    Properties:
      DefinitionUri: ./statemachine/flow.asl.json
      DefinitionSubstitutions:
        CheckArn: !GetAtt CheckFn.Arn
        TableName: !Ref Orders
        QueueUrl: !Ref Outbox
        Stage: prod
  CheckFn:
    Type: AWS::Serverless::Function
    Properties: {Runtime: python3.12, Handler: app.handler, InlineCode: "def handler(e, c):\n    return e\n"}
  Orders:
    Type: AWS::DynamoDB::Table
    Properties:
      AttributeDefinitions: [{AttributeName: id, AttributeType: S}]
      KeySchema: [{AttributeName: id, KeyType: HASH}]
      BillingMode: PAY_PER_REQUEST
  Outbox:
    Type: AWS::SQS::Queue
)",
                                               with_files(files));
        INFO(all(r.diagnostics));
        REQUIRE(r.ok());
        const Json& def = node(r.pattern, "Flow").config["Definition"];
        // References became node ids, which the Step Functions model resolves as task targets.
        CHECK(def["States"]["Check"]["Resource"] == "CheckFn");
        CHECK(def["States"]["Save"]["Parameters"]["TableName"] == "Orders");
        CHECK(def["States"]["Notify"]["Parameters"]["QueueUrl"] == "Outbox");
        // A plain value is text in the string; an intrinsic inside text is kept as an Fn::Sub (see the
        // next case), which the intrinsics stage then resolves (here to the queue's URL).
        const Json comment = def["States"]["Notify"]["Comment"];
        CHECK(comment.dump().find("in prod") != std::string::npos);
        CHECK(comment.dump().find("${Stage}") == std::string::npos);
        CHECK_FALSE(node(r.pattern, "Flow").config.contains("DefinitionUri"));
        for (const char* to : {"CheckFn", "Orders", "Outbox"}) CHECK(edge(r.pattern, "Flow", to) != nullptr);
        builds(r.pattern);
    }

    TEST_CASE("substitutions: whole placeholder, embedded text, unknown names and Fn::Sub escapes") {
        using sami::substitute_text;
        const Json vars = {{"Fn", {{"Fn::GetAtt", {"Fn", "Arn"}}}}, {"Name", "orders"}, {"Count", 3}};
        CHECK(substitute_text("${Fn}", vars, false) == Json{{"Fn::GetAtt", {"Fn", "Arn"}}});
        CHECK(substitute_text("table ${Name}", vars, false) == "table orders");
        CHECK(substitute_text("${Count}", vars, false) == "3");
        CHECK(substitute_text("${Other} stays", vars, false) == "${Other} stays");
        CHECK(substitute_text("to ${Fn} in ${Name}", vars, false) ==
              Json::parse(R"({"Fn::Sub": ["to ${Fn} in orders", {"Fn": {"Fn::GetAtt": ["Fn", "Arn"]}}]})"));
        // https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/intrinsic-function-reference-sub.html
        // In Fn::Sub, ${X} is Ref X, ${X.Attr} is GetAtt, ${!Literal} is the text ${Literal}.
        CHECK(substitute_text("${Queue.Arn}", Json::object(), true) == Json{{"Fn::GetAtt", {"Queue", "Arn"}}});
        CHECK(substitute_text("${!Literal}", Json::object(), true) == "${Literal}");
        CHECK(substitute_text("arn:${Bus}:${!x}", Json::object(), true) == Json{{"Fn::Sub", "arn:${Bus}:${!x}"}});
    }

    // https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-stepfunctions-statemachine.html
    // DefinitionString is the definition as JSON text, commonly an Fn::Sub whose ${X.Arn} name resources.
    TEST_CASE("AWS::StepFunctions::StateMachine DefinitionString (an Fn::Sub of JSON) becomes a wired Definition") {
        const ImportResult r = import_template(R"({"Resources": {
          "Machine": {"Type": "AWS::StepFunctions::StateMachine", "Properties": {
            "DefinitionString": {"Fn::Sub": "{\"StartAt\": \"Go\", \"States\": {\"Go\": {\"Type\": \"Task\", \"Resource\": \"arn:aws:states:::lambda:invoke\", \"Parameters\": {\"FunctionName\": \"${Worker.Arn}\", \"Payload.$\": \"$\"}, \"Next\": \"Tell\"}, \"Tell\": {\"Type\": \"Task\", \"Resource\": \"arn:aws:states:::sns:publish\", \"Parameters\": {\"TopicArn\": \"${Topic}\", \"Message.$\": \"$\"}, \"End\": true}}}"}}},
          "Worker": {"Type": "AWS::Serverless::Function", "Properties": {"Runtime": "nodejs20.x", "Handler": "index.handler",
            "InlineCode": "exports.handler = async (e) => e;"}},
          "Topic": {"Type": "AWS::SNS::Topic"}}})",
                                               with_files({}));
        INFO(all(r.diagnostics));
        REQUIRE(r.ok());
        const Json& config = node(r.pattern, "Machine").config;
        CHECK_FALSE(config.contains("DefinitionString"));
        CHECK(config["Definition"]["States"]["Go"]["Parameters"]["FunctionName"] == "Worker");
        CHECK(config["Definition"]["States"]["Tell"]["Parameters"]["TopicArn"] == "Topic");
        CHECK(edge(r.pattern, "Machine", "Worker") != nullptr);
        CHECK(edge(r.pattern, "Machine", "Topic") != nullptr);
        builds(r.pattern);
    }

    TEST_CASE("a definition file that is missing or in S3 is a warning naming the path; the import goes on") {
        const ImportResult r = import_template(R"({"Resources": {
          "A": {"Type": "AWS::Serverless::StateMachine", "Properties": {"DefinitionUri": "sm/missing.asl.yaml"}},
          "B": {"Type": "AWS::Serverless::StateMachine",
                "Properties": {"DefinitionUri": {"Bucket": "b", "Key": "k.json"}}},
          "Api": {"Type": "AWS::Serverless::Api", "Properties": {"StageName": "prod",
                  "DefinitionBody": {"Fn::Transform": {"Name": "AWS::Include", "Parameters": {"Location": "./nope.yaml"}}}}}}})",
                                               with_files({}));
        CHECK(has_warning(r.diagnostics, "'sm/missing.asl.yaml' was not found beside the template"));
        CHECK(has_warning(r.diagnostics, "'nope.yaml' was not found beside the template"));
        CHECK(has_warning(r.diagnostics, "DefinitionUri names an Amazon S3 object"));
        CHECK(r.pattern.find_node("A") != nullptr);  // the nodes are still there
        CHECK(r.pattern.find_node("Api") != nullptr);
    }

    // https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/transform-aws-include.html
    // AWS::Include inserts the file's content where the Fn::Transform stands.
    // https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-swagger-extensions-integration.html
    // x-amazon-apigateway-integration: a Lambda uri arn:aws:apigateway:{region}:lambda:path/2015-03-31/
    // functions/{function ARN}/invocations; an AWS service uri arn:aws:apigateway:{region}:{service}:action/{Action}.
    TEST_CASE("AWS::Include of an OpenAPI file: its Lambda and service integrations become routes") {
        const Files files = {{"api.yaml", R"(
openapi: "3.0.1"
paths:
  /orders:
    post:
      x-amazon-apigateway-integration:
        type: aws_proxy
        httpMethod: POST
        uri:
          Fn::Sub: arn:aws:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/${Orders.Arn}/invocations
    get:
      x-amazon-apigateway-integration:
        type: aws_proxy
        httpMethod: POST
        uri:
          Fn::Sub: arn:aws:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/${Orders.Arn}/invocations
  /jobs:
    post:
      x-amazon-apigateway-integration:
        type: aws
        httpMethod: POST
        credentials: !GetAtt ApiRole.Arn
        uri: !Sub arn:aws:apigateway:${AWS::Region}:sqs:path/${AWS::AccountId}/${Jobs.QueueName}
        requestTemplates:
          application/json: Action=SendMessage&MessageBody=$input.body
  /health:
    get:
      x-amazon-apigateway-integration:
        type: mock
)"}};
        const ImportResult r = import_template(R"(
Transform: AWS::Serverless-2016-10-31
Resources:
  Api:
    Type: AWS::Serverless::Api
    Properties:
      StageName: prod
      DefinitionBody:
        Fn::Transform:
          Name: AWS::Include
          Parameters:
            Location: ./api.yaml
  Orders:
    Type: AWS::Serverless::Function
    Properties: {Runtime: python3.12, Handler: app.handler, InlineCode: "def handler(e, c):\n    return {'statusCode': 200}\n"}
  Jobs:
    Type: AWS::SQS::Queue
)",
                                               with_files(files));
        INFO(all(r.diagnostics));
        REQUIRE(r.ok());
        const Json& body = node(r.pattern, "Api").config["DefinitionBody"];
        CHECK(body["openapi"] == "3.0.1");  // the file's content, in place of the transform
        const EdgeSpec* fn = edge(r.pattern, "Api", "Orders");
        REQUIRE(fn != nullptr);
        // Both methods on one link (one integration per target); "Route" or "Routes" as the pattern keeps them.
        const std::string routes = fn->config.dump();
        CHECK(routes.find("GET /orders") != std::string::npos);
        CHECK(routes.find("POST /orders") != std::string::npos);
        const EdgeSpec* q = edge(r.pattern, "Api", "Jobs");
        REQUIRE(q != nullptr);
        CHECK(q->config["Route"] == "POST /jobs");
        CHECK(has_warning(r.diagnostics, "route 'GET /health' has a MOCK integration"));
        builds(r.pattern);
    }

    TEST_CASE("an HttpApi DefinitionUri file; a route to a function outside the template is a warning") {
        const Files files = {{"openapi/api.json", R"({"openapi": "3.0.1", "paths": {
          "/items/{id}": {"get": {"x-amazon-apigateway-integration": {"type": "aws_proxy", "payloadFormatVersion": "2.0",
                                  "uri": {"Fn::GetAtt": ["Items", "Arn"]}}}},
          "/other": {"get": {"x-amazon-apigateway-integration": {"type": "aws_proxy",
                             "uri": "arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:elsewhere/invocations"}}}}})"}};
        const ImportResult r = import_template(R"({"Transform": "AWS::Serverless-2016-10-31", "Resources": {
          "Http": {"Type": "AWS::Serverless::HttpApi", "Properties": {"DefinitionUri": "openapi/api.json"}},
          "Items": {"Type": "AWS::Serverless::Function", "Properties": {"Runtime": "python3.12", "Handler": "app.handler",
            "InlineCode": "def handler(e, c):\n    return {'statusCode': 200}\n"}}}})",
                                               with_files(files));
        INFO(all(r.diagnostics));
        REQUIRE(r.ok());
        CHECK_FALSE(node(r.pattern, "Http").config.contains("DefinitionUri"));
        const EdgeSpec* e = edge(r.pattern, "Http", "Items");
        REQUIRE(e != nullptr);
        CHECK(e->config["Route"] == "GET /items/{id}");
        CHECK(has_warning(r.diagnostics, "route 'GET /other' calls a Lambda function that is not in this template"));
    }

    // https://docs.aws.amazon.com/step-functions/latest/dg/connect-stepfunctions.html
    // states:startExecution names the child by StateMachineArn; an Express workflow behind API
    // Gateway's states:action/StartSyncExecution runs synchronously.
    TEST_CASE("a state machine started by another and by an API's StartSyncExecution integration") {
        const Files files = {
            {"child.asl.json", R"({"StartAt": "Done", "States": {"Done": {"Type": "Pass", "End": true}}})"},
            {"parent.asl.yaml",
             "StartAt: Start\nStates:\n  Start:\n    Type: Task\n"
             "    Resource: arn:aws:states:::states:startExecution\n"
             "    Parameters:\n      StateMachineArn: ${ChildArn}\n      Input.$: $\n    End: true\n"}};
        const ImportResult r = import_template(R"Y(
Transform: AWS::Serverless-2016-10-31
Resources:
  Child:
    Type: AWS::Serverless::StateMachine
    Properties: {DefinitionUri: child.asl.json, Type: EXPRESS, Name: ChildFlow}
  Parent:
    Type: AWS::Serverless::StateMachine
    Properties:
      DefinitionUri: parent.asl.yaml
      DefinitionSubstitutions: {ChildArn: !GetAtt Child.Arn}
  Api:
    Type: AWS::Serverless::Api
    Properties:
      StageName: dev
      DefinitionBody:
        paths:
          /:
            post:
              x-amazon-apigateway-integration:
                type: aws
                httpMethod: POST
                uri: "arn:aws:apigateway:${AWS::Region}:states:action/StartSyncExecution"
                requestTemplates:
                  application/json: '{"input": "$util.escapeJavaScript($input.json(''$''))", "stateMachineArn": "arn:aws:states:us-east-1:123456789012:stateMachine:ChildFlow"}'
)Y",
                                               with_files(files));
        INFO(all(r.diagnostics));
        REQUIRE(r.ok());
        CHECK(node(r.pattern, "Parent").config["Definition"]["States"]["Start"]["Parameters"]["StateMachineArn"] ==
              "Child");
        CHECK(edge(r.pattern, "Parent", "Child") != nullptr);
        const EdgeSpec* api = edge(r.pattern, "Api", "Child");  // named by its Name in the request template
        REQUIRE(api != nullptr);
        CHECK(api->config["Route"] == "POST /");
        CHECK(node(r.pattern, "Child").config["ApiAction"] == "StartSyncExecution");
        builds(r.pattern);
    }
}
