// test_yaml_parse.cpp — the template YAML reader: block and flow structure, scalars, block
// scalars, CloudFormation short-form tags, errors with line and column, and every shipped
// pattern's SAM YAML export importing back to an equal pattern.
#include "export/sam_export.h"
#include "export/sam_import.h"
#include "export/yaml_parse.h"
#include "pattern/pattern.h"
#include "support/test_support.h"

#include <doctest/doctest.h>

#include <filesystem>

using namespace sim;

namespace {
Json yaml(std::string_view text) {
    const YamlParseResult r = parse_yaml(text);
    INFO(r.error << " at " << r.line << ":" << r.column);
    REQUIRE(r.ok());
    return r.value;
}

std::string error_of(std::string_view text) {
    const YamlParseResult r = parse_yaml(text);
    CHECK_FALSE(r.ok());
    return std::to_string(r.line) + ":" + std::to_string(r.column) + " " + r.error;
}
}  // namespace

TEST_SUITE("export") {
    TEST_CASE("a SAM template in YAML reads as the JSON CloudFormation would see") {
        const Json t = yaml(R"(AWSTemplateFormatVersion: '2010-09-09'
Transform: AWS::Serverless-2016-10-31   # SAM
Description: >-
  Orders API:
  queue and worker

Globals:
  Function:
    Timeout: 10
    Environment: {Variables: {TABLE: !Ref Orders, STAGE: prod}}
Resources:
  Orders:
    Type: AWS::DynamoDB::Table
    Properties:
      BillingMode: PAY_PER_REQUEST
      AttributeDefinitions:
        - AttributeName: id
          AttributeType: S
      KeySchema: [{AttributeName: id, KeyType: HASH}]
  Worker:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: "nodejs20.x"
      MemorySize: 512
      Tracing: null
      Enabled: true
      Ratio: 0.25
      Policies:
        - DynamoDBCrudPolicy:
            TableName: !Ref Orders
      Events:
        Queue:
          Type: SQS
          Properties:
            Queue: !GetAtt Jobs.Arn
            BatchSize: 10
      InlineCode: |
        exports.handler = async () => {
          return 'it''s';   # not a comment
        };
      Tags:
        Name: !Sub '${AWS::StackName}-worker'
        Zone: !Select [0, !GetAZs '']
Outputs:
  Url:
    Value: !Join
      - ''
      - - https://
        - !Ref Api
)");
        CHECK(t["AWSTemplateFormatVersion"] == "2010-09-09");
        CHECK(t["Transform"] == "AWS::Serverless-2016-10-31");
        CHECK(t["Description"] == "Orders API: queue and worker");
        CHECK(t["Globals"]["Function"]["Environment"] ==
              Json::parse(R"({"Variables": {"TABLE": {"Ref": "Orders"}, "STAGE": "prod"}})"));
        const Json& orders = t["Resources"]["Orders"]["Properties"];
        CHECK(orders["AttributeDefinitions"] == Json::parse(R"([{"AttributeName": "id", "AttributeType": "S"}])"));
        CHECK(orders["KeySchema"] == Json::parse(R"([{"AttributeName": "id", "KeyType": "HASH"}])"));
        const Json& fn = t["Resources"]["Worker"]["Properties"];
        CHECK(fn["Runtime"] == "nodejs20.x");
        CHECK(fn["MemorySize"] == 512);
        CHECK(fn["MemorySize"].is_number_integer());
        CHECK(fn["Tracing"].is_null());
        CHECK(fn["Enabled"] == true);
        CHECK(fn["Ratio"] == 0.25);
        CHECK(fn["Policies"] == Json::parse(R"([{"DynamoDBCrudPolicy": {"TableName": {"Ref": "Orders"}}}])"));
        CHECK(fn["Events"]["Queue"]["Properties"]["Queue"] == Json::parse(R"({"Fn::GetAtt": ["Jobs", "Arn"]})"));
        CHECK(fn["InlineCode"] == "exports.handler = async () => {\n  return 'it''s';   # not a comment\n};\n");
        CHECK(fn["Tags"]["Name"] == Json::parse(R"({"Fn::Sub": "${AWS::StackName}-worker"})"));
        CHECK(fn["Tags"]["Zone"] == Json::parse(R"({"Fn::Select": [0, {"Fn::GetAZs": ""}]})"));
        CHECK(t["Outputs"]["Url"]["Value"] == Json::parse(R"({"Fn::Join": ["", ["https://", {"Ref": "Api"}]]})"));
    }

    TEST_CASE("block scalars: literal and folded, with chomping") {
        CHECK(yaml("a: |\n  x\n   y\n\n  z\n\n\nb: 1\n")["a"] == "x\n y\n\nz\n");
        CHECK(yaml("a: |-\n  x\n  y\n")["a"] == "x\ny");
        CHECK(yaml("a: |+\n  x\n\n\nb: 1\n")["a"] == "x\n\n\n");
        CHECK(yaml("a: >\n  one\n  two\n\n  three\n")["a"] == "one two\nthree\n");
        CHECK(yaml("a: >\n  one\n    more\n  two\n")["a"] == "one\n  more\ntwo\n");
        CHECK(yaml("- |2\n    indented\n")[0] == "  indented\n");
    }

    TEST_CASE("scalars follow the YAML 1.2 core schema; quoted strings keep their escapes") {
        const Json t = yaml(
            "i: -42\nh: 0x1F\nf: 1.5e3\nv: 1.0\ns: 2010-09-09\nyes: yes\nn: ~\nt: True\nq: \"tab\\tand \\u00e9\"\nsq: "
            "'it''s'\nurl: http://x:8080/p\n");
        CHECK(t["i"] == -42);
        CHECK(t["h"] == 31);
        CHECK(t["f"] == 1500.0);
        CHECK(t["v"].is_number_float());
        CHECK(t["s"] == "2010-09-09");
        CHECK(t["yes"] == "yes");
        CHECK(t["n"].is_null());
        CHECK(t["t"] == true);
        CHECK(t["q"] == "tab\tand \xC3\xA9");
        CHECK(t["sq"] == "it's");
        CHECK(t["url"] == "http://x:8080/p");
        CHECK(yaml("big: 123456789012345678901234567890\n")["big"] == "123456789012345678901234567890");
        CHECK(yaml("---\nk: [a,\n    b]  # more\n...\n")["k"] == Json::parse(R"(["a", "b"])"));
        CHECK(yaml("k: plain text\n  continued here\n")["k"] == "plain text continued here");
    }

    TEST_CASE("what templates must not contain is refused with line and column") {
        CHECK(error_of("a:\n\tb: 1\n") == "2:1 tab character in indentation (YAML indents with spaces)");
        CHECK(error_of("a: 1\na: 2\n") == "2:1 duplicate key 'a'");
        CHECK(error_of("a: &x 1\nb: *x\n") ==
              "1:4 anchors and aliases (& and *) are not supported; write the value out");
        CHECK(error_of("a: 1\n---\nb: 2\n") == "2:1 several YAML documents in one file; a template is one document");
        CHECK(error_of("a:\n  b: 1\n c: 2\n") == "3:2 bad indentation: expected a key at column 1");
        CHECK(error_of("a: \"open\n") == "1:4 unterminated double-quoted string");
        CHECK(error_of("a: [1, 2\n") == "1:4 unterminated flow sequence: missing ']'");
        CHECK(error_of("a: !GetAtt Jobs\n") == "1:4 !GetAtt needs LogicalId.Attribute, got \"Jobs\"");
        CHECK(error_of("a: b: c\n") ==
              "1:4 a value cannot hold ': ' unquoted (nested mappings go on the next lines, indented)");
        CHECK(error_of("<<: {a: 1}\n") == "1:1 merge keys (<<) are not supported; write the keys out");
        CHECK(error_of("a: 1\nb: x\xff\n") == "2:5 invalid UTF-8 (byte out of range)");  // found by fuzzing
        std::string deep;
        for (int i = 0; i < 300; ++i) deep += "[";
        CHECK(error_of("a: " + deep + "\n").find("nesting deeper than 256 levels") != std::string::npos);
        std::string nested;
        for (int i = 0; i < 300; ++i) nested += std::string(static_cast<std::size_t>(i), ' ') + "k:\n";
        CHECK(error_of(nested).find("nesting deeper than 256 levels") != std::string::npos);
    }

    TEST_CASE("every shipped pattern's SAM YAML imports back to an equal pattern") {
        std::size_t n = 0;
        for (const auto& entry : std::filesystem::directory_iterator(std::string(SLSIM_SOURCE_DIR) + "/patterns")) {
            if (entry.path().extension() != ".json") continue;
            CAPTURE(entry.path().filename().string());
            const ParseResult p = parse_pattern(test::repo_file("patterns/" + entry.path().filename().string()));
            REQUIRE(p.ok());
            const std::string text = export_sam_yaml(p.pattern);
            const YamlParseResult y = parse_yaml(text);
            INFO(y.error << " at " << y.line << ":" << y.column);
            REQUIRE(y.ok());
            CHECK(y.value == Json::parse(export_sam_json(p.pattern)));  // the YAML says what the JSON says
            const ImportResult back = import_template(text);
            REQUIRE(back.ok());
            CHECK(write_pattern(back.pattern) == write_pattern(p.pattern));
            ++n;
        }
        CHECK(n >= 10);
    }

    TEST_CASE("a YAML template that does not parse is one diagnostic naming line and column") {
        const ImportResult r = import_template("Resources:\n  Q:\n    Type: AWS::SQS::Queue\n   Properties: {}\n");
        REQUIRE_FALSE(r.ok());
        CHECK(r.diagnostics.items().front().message ==
              "invalid YAML at line 4, column 4: bad indentation: expected a key at column 3");
        CHECK_FALSE(import_template("- just\n- a list\n").ok());
    }
}
