// test_sam_ids.cpp — an export of an imported template names what the original named: rules keep
// their logical ids (SAM's for a function's event rules), so Refs, GetAtts, Subs and Outputs kept
// from the original still resolve; API destinations, function URLs and rule targets the playground
// does not simulate are written back; ids invented for playground-built designs stay as they were.
#include "export/sam_export.h"
#include "export/sam_import.h"
#include "export/template_check.h"
#include "pattern/pattern.h"
#include "support/import_support.h"

#include <doctest/doctest.h>

using namespace sim;
using namespace sim::test;
using OJson = nlohmann::ordered_json;

namespace {

ImportResult import_quiet(const std::string& text) {
    ImportOptions o;
    o.entry_traffic = false;
    return import_ok(text, o);
}

// The export's template; its structure checked, and an import of it gives back `p`.
OJson export_checked(const Pattern& p) {
    const OJson t = export_sam(p).tmpl;
    INFO(t.dump(2));
    CHECK(check_template(t, false).empty());
    const ImportResult back = import_template(t.dump());
    INFO(all_diagnostics(back.diagnostics));
    REQUIRE(back.ok());
    CHECK(write_pattern(back.pattern) == write_pattern(p));
    return t;
}

// The logical id an Output's Value names (Ref or Fn::GetAtt).
std::string output_target(const OJson& t, const std::string& output) {
    const OJson& v = t["Outputs"][output]["Value"];
    if (v.contains("Ref")) return v["Ref"];
    return v["Fn::GetAtt"][0];
}

// The resources of `type` in the template.
std::vector<std::string> of_type(const OJson& t, const std::string& type) {
    std::vector<std::string> out;
    for (auto it = t["Resources"].begin(); it != t["Resources"].end(); ++it)
        if (it.value()["Type"] == type) out.push_back(it.key());
    return out;
}

}  // namespace

TEST_SUITE("export") {
    // dynamodb-eventbridge-java: rules on a custom bus, each with a permission and an Output
    // naming it by its logical id.
    TEST_CASE("an imported rule keeps its logical id, so the permission and Output naming it resolve") {
        const ImportResult r = import_quiet(R"({"Resources": {
          "Bus": {"Type": "AWS::Events::EventBus", "Properties": {"Name": "orders"}},
          "Sub": {"Type": "AWS::Serverless::Function",
                  "Properties": {"Runtime": "nodejs22.x", "Handler": "index.handler", "InlineCode": "exports.handler = async () => {};"}},
          "EventRuleInsert": {"Type": "AWS::Events::Rule",
                              "Properties": {"EventBusName": {"Fn::GetAtt": ["Bus", "Arn"]},
                                             "EventPattern": {"detail-type": ["transaction"]},
                                             "Targets": [{"Arn": {"Fn::GetAtt": ["Sub", "Arn"]}, "Id": "insert"}]}},
          "Permission": {"Type": "AWS::Lambda::Permission",
                         "Properties": {"FunctionName": {"Ref": "Sub"}, "Action": "lambda:InvokeFunction",
                                        "Principal": "events.amazonaws.com",
                                        "SourceArn": {"Fn::GetAtt": ["EventRuleInsert", "Arn"]}}}},
          "Outputs": {"RuleArn": {"Value": {"Fn::GetAtt": ["EventRuleInsert", "Arn"]}}}})");
        const OJson t = export_checked(r.pattern);
        CHECK(of_type(t, "AWS::Events::Rule") == std::vector<std::string>{"EventRuleInsert"});
        const OJson& rule = t["Resources"]["EventRuleInsert"]["Properties"];
        CHECK(rule["EventBusName"] == OJson::parse(R"({"Ref": "Bus"})"));
        CHECK(rule["Targets"][0]["Arn"] == OJson::parse(R"({"Fn::GetAtt": ["Sub", "Arn"]})"));
        CHECK(t["Resources"]["Permission"]["Properties"]["SourceArn"] ==
              OJson::parse(R"({"Fn::GetAtt": ["EventRuleInsert", "Arn"]})"));
        CHECK(output_target(t, "RuleArn") == "EventRuleInsert");
    }

    // SAM names the rule of a function's Schedule / EventBridgeRule event <function><event>
    // (https://docs.aws.amazon.com/serverless-application-model/latest/developerguide/sam-property-function-eventbridgerule.html).
    TEST_CASE("a function's EventBridgeRule event exports as a rule under the logical id SAM gives it") {
        const ImportResult r = import_quiet(R"({"Resources": {
          "Fn": {"Type": "AWS::Serverless::Function",
                 "Properties": {"Runtime": "nodejs22.x", "Handler": "index.handler", "InlineCode": "exports.handler = async () => {};",
                                "Events": {"OnOrder": {"Type": "EventBridgeRule",
                                                       "Properties": {"Pattern": {"source": ["shop"]}}}}}}},
          "Outputs": {"RuleName": {"Value": {"Ref": "FnOnOrder"}}}})");
        const OJson t = export_checked(r.pattern);
        CHECK(of_type(t, "AWS::Events::Rule") == std::vector<std::string>{"FnOnOrder"});
        CHECK(output_target(t, "RuleName") == "FnOnOrder");
    }

    TEST_CASE("a kept rule id another resource holds, or a second rule with the same id, gets a fresh one") {
        ParseResult p = parse_pattern(R"({"nodes": [
            {"id": "bus", "type": "eventbridge", "config": {"Name": "orders", "Rules": [
              {"Name": "a", "cfnLogicalId": "Worker", "EventPattern": {"source": ["x"]},
               "Targets": [{"Id": "w", "Arn": "worker"}]},
              {"Name": "b", "cfnLogicalId": "Same", "EventPattern": {"source": ["y"]},
               "Targets": [{"Id": "w", "Arn": "worker"}]},
              {"Name": "c", "cfnLogicalId": "Same", "EventPattern": {"source": ["z"]},
               "Targets": [{"Id": "w", "Arn": "worker"}]}]}},
            {"id": "worker", "type": "lambda"}],
            "edges": [{"from": "bus", "to": "worker"}]})");
        REQUIRE(p.ok());
        const OJson t = export_checked(p.pattern);
        CHECK(t["Resources"]["Worker"]["Type"] == "AWS::Serverless::Function");
        CHECK(t["Resources"]["BusARule"]["Type"] == "AWS::Events::Rule");
        CHECK(t["Resources"]["Same"]["Properties"]["Name"] == "b");
        CHECK(t["Resources"]["BusCRule"]["Properties"]["Name"] == "c");
    }

    // eventbridge-to-appsync-events-sam: an API destination (its Connection, the role the target
    // uses, a policy naming the destination in a Sub) and the rule sending to it
    // (https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-events-apidestination.html).
    TEST_CASE("an imported API destination and its rule are written back under their logical ids") {
        const ImportResult r = import_quiet(R"({"Resources": {
          "Bus": {"Type": "AWS::Events::EventBus", "Properties": {"Name": "orders"}},
          "Conn": {"Type": "AWS::Events::Connection", "Properties": {"AuthorizationType": "API_KEY"}},
          "Role": {"Type": "AWS::IAM::Role", "Properties": {"AssumeRolePolicyDocument": {}}},
          "Dest": {"Type": "AWS::Events::ApiDestination",
                   "Properties": {"ConnectionArn": {"Fn::GetAtt": ["Conn", "Arn"]}, "HttpMethod": "POST",
                                  "InvocationEndpoint": {"Fn::Sub": "https://${Conn}/event"},
                                  "InvocationRateLimitPerSecond": 10}},
          "Invoke": {"Type": "AWS::IAM::RolePolicy",
                     "Properties": {"PolicyName": "invoke", "RoleName": {"Ref": "Role"},
                                    "PolicyDocument": {"Statement": [{"Effect": "Allow", "Action": "events:InvokeApiDestination",
                                      "Resource": {"Fn::Sub": "arn:aws:events:us-east-1:123456789012:api-destination/${Dest}/*"}}]}}},
          "RuleToSend": {"Type": "AWS::Events::Rule",
                         "Properties": {"EventBusName": {"Ref": "Bus"}, "EventPattern": {"source": ["shop"]},
                                        "Targets": [{"Id": "t", "Arn": {"Fn::GetAtt": ["Dest", "Arn"]},
                                                     "RoleArn": {"Fn::GetAtt": ["Role", "Arn"]}}]}}},
          "Outputs": {"Rule": {"Value": {"Fn::GetAtt": ["RuleToSend", "Arn"]}}}})");
        const NodeSpec* dest = r.pattern.find_node("Dest");
        REQUIRE(dest != nullptr);
        CHECK(dest->type == "http");
        const OJson t = export_checked(r.pattern);
        const OJson& d = t["Resources"]["Dest"];
        CHECK(d["Type"] == "AWS::Events::ApiDestination");
        CHECK(d["Properties"]["ConnectionArn"] == OJson::parse(R"({"Fn::GetAtt": ["Conn", "Arn"]})"));
        CHECK(d["Properties"]["HttpMethod"] == "POST");
        CHECK(d["Properties"]["InvocationEndpoint"] == OJson::parse(R"({"Fn::Sub": "https://${Conn}/event"})"));
        CHECK(d["Properties"]["InvocationRateLimitPerSecond"] == 10);
        CHECK(of_type(t, "AWS::Events::Rule") == std::vector<std::string>{"RuleToSend"});
        const OJson& target = t["Resources"]["RuleToSend"]["Properties"]["Targets"][0];
        CHECK(target["Arn"] == OJson::parse(R"({"Fn::GetAtt": ["Dest", "Arn"]})"));
        CHECK(target["RoleArn"] == OJson::parse(R"({"Fn::GetAtt": ["Role", "Arn"]})"));
        CHECK(output_target(t, "Rule") == "RuleToSend");
        // The bus still delivers to the destination's endpoint.
        auto sim = build_ok(write_pattern(r.pattern));
        CHECK(sim != nullptr);
    }

    TEST_CASE("an HTTP endpoint that is no API destination stays out of Resources") {
        ParseResult p = parse_pattern(R"({"nodes": [
            {"id": "alerts", "type": "sns"}, {"id": "hook", "type": "http", "config": {"Endpoint": "https://example.com/h"}}],
            "edges": [{"from": "alerts", "to": "hook"}]})");
        REQUIRE(p.ok());
        const OJson t = export_checked(p.pattern);
        CHECK_FALSE(t["Resources"].contains("Hook"));
        CHECK(of_type(t, "AWS::SNS::Subscription").size() == 1);
    }

    // lambda-bedrock-response-streaming: an Output naming the URL SAM generates for FunctionUrlConfig,
    // <function>Url
    // (https://docs.aws.amazon.com/serverless-application-model/latest/developerguide/sam-resource-function.html#sam-function-functionurlconfig).
    TEST_CASE("a function's FunctionUrlConfig is written as the SAM property that generates <function>Url") {
        const ImportResult r = import_quiet(R"({"Resources": {
          "Fn": {"Type": "AWS::Serverless::Function",
                 "Properties": {"Runtime": "nodejs22.x", "Handler": "index.handler", "InlineCode": "exports.handler = async () => {};",
                                "FunctionUrlConfig": {"AuthType": "AWS_IAM", "InvokeMode": "RESPONSE_STREAM"}}}},
          "Outputs": {"Endpoint": {"Value": {"Fn::GetAtt": ["FnUrl", "FunctionUrl"]}}}})");
        const OJson t = export_checked(r.pattern);
        CHECK(t["Resources"]["Fn"]["Properties"]["FunctionUrlConfig"] ==
              OJson::parse(R"({"AuthType": "AWS_IAM", "InvokeMode": "RESPONSE_STREAM"})"));
    }

    // eventbridge-rule-to-ssm-automation-sam: the rule's only target is an SSM automation document
    // (https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-properties-events-rule-target.html).
    // Written as the template wrote it: the import resolves intrinsics for the simulation, and
    // a parameter's default or an assumed ARN in their place would deploy something else.
    TEST_CASE("a rule target the playground does not simulate is written back as the template wrote it") {
        const ImportResult r = import_quiet(R"({
          "Parameters": {"HopLimit": {"Type": "String", "Default": "1"}},
          "Resources": {
          "Role": {"Type": "AWS::IAM::Role", "Properties": {"AssumeRolePolicyDocument": {}}},
          "Fn": {"Type": "AWS::Serverless::Function",
                 "Properties": {"Runtime": "nodejs22.x", "Handler": "index.handler", "InlineCode": "exports.handler = async () => {};"}},
          "Rule": {"Type": "AWS::Events::Rule",
                   "Properties": {"EventPattern": {"source": ["aws.ec2"]},
                                  "Targets": [{"Arn": {"Fn::Sub": "arn:aws:ssm:${AWS::Region}::automation-definition/AWSSupport-ConfigureEC2Metadata"},
                                               "Id": "ssm", "RoleArn": {"Fn::GetAtt": ["Role", "Arn"]},
                                               "InputTransformer": {"InputPathsMap": {"i": "$.detail.instance-id"},
                                                                    "InputTemplate": {"Fn::Sub": "{\"InstanceId\": [\"<i>\"], \"Hops\": [\"${HopLimit}\"], \"Role\": [\"${Role.Arn}\"]}"}}},
                                              {"Arn": {"Fn::GetAtt": ["Fn", "Arn"]}, "Id": "fn"}]}}}})");
        const OJson t = export_checked(r.pattern);
        const OJson& targets = t["Resources"]["Rule"]["Properties"]["Targets"];
        REQUIRE(targets.size() == 2);
        CHECK(targets[0]["Id"] == "fn");
        CHECK(targets[0]["Arn"] == OJson::parse(R"({"Fn::GetAtt": ["Fn", "Arn"]})"));
        CHECK(targets[1]["Id"] == "ssm");
        CHECK(
            targets[1]["Arn"] ==
            OJson::parse(
                R"({"Fn::Sub": "arn:aws:ssm:${AWS::Region}::automation-definition/AWSSupport-ConfigureEC2Metadata"})"));
        CHECK(targets[1]["RoleArn"] == OJson::parse(R"({"Fn::GetAtt": ["Role", "Arn"]})"));
        CHECK(targets[1]["InputTransformer"]["InputTemplate"]["Fn::Sub"] ==
              "{\"InstanceId\": [\"<i>\"], \"Hops\": [\"${HopLimit}\"], \"Role\": [\"${Role.Arn}\"]}");
        CHECK(t["Parameters"].contains("HopLimit"));
        // The simulated target still gets the events.
        auto sim = build_ok(write_pattern(r.pattern));
        CHECK(sim != nullptr);
    }

    // Targets is optional, but at most 5 and at least 1 when present
    // (https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-events-rule.html).
    TEST_CASE("a rule without targets is written without Targets") {
        ParseResult p = parse_pattern(R"({"nodes": [
            {"id": "bus", "type": "eventbridge", "config": {"Name": "orders", "Rules": [
              {"Name": "idle", "EventPattern": {"source": ["x"]}}]}}]})");
        REQUIRE(p.ok());
        const OJson t = export_checked(p.pattern);
        REQUIRE(t["Resources"].contains("BusIdleRule"));
        CHECK_FALSE(t["Resources"]["BusIdleRule"]["Properties"].contains("Targets"));
    }
}
