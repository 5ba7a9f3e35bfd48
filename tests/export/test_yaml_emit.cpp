// test_yaml_emit.cpp — the YAML writer: block layout, and quoting exactly the strings a YAML
// reader would otherwise read as something else.
#include "export/sam_export.h"
#include "export/yaml_emit.h"
#include "pattern/pattern.h"
#include "support/test_support.h"

#include <doctest/doctest.h>

using namespace sim;
using OJson = nlohmann::ordered_json;

TEST_SUITE("export") {
    TEST_CASE("YAML is block style with nested maps and lists") {
        const OJson doc = OJson::parse(R"({"Resources": {"Q": {"Type": "AWS::SQS::Queue", "Properties": {
            "VisibilityTimeout": 60, "Tags": [{"Key": "team", "Value": "orders"}], "Empty": {}, "None": [],
            "Nested": [[1, 2], "x"], "Flag": true, "Nothing": null}}}})");
        CHECK(to_yaml(doc) ==
              "Resources:\n"
              "  Q:\n"
              "    Type: AWS::SQS::Queue\n"
              "    Properties:\n"
              "      VisibilityTimeout: 60\n"
              "      Tags:\n"
              "        - Key: team\n"
              "          Value: orders\n"
              "      Empty: {}\n"
              "      None: []\n"
              "      Nested:\n"
              "        -\n"
              "          - 1\n"
              "          - 2\n"
              "        - x\n"
              "      Flag: true\n"
              "      Nothing: null\n");
    }

    TEST_CASE("strings that would read as another type or break the syntax are quoted") {
        for (const char* s :
             {"true",      "False",      "yes",    "No",       "on",    "OFF",  "y",       "null",   "~",
              "",          " lead",      "trail ", "123",      "1.5",   "-4",   "+1",      ".5",     "0x1F",
              "1e3",       "2026-01-01", "12:30",  ".inf",     "-.inf", ".NaN", "a: b",    "a #b",   "- x",
              "? x",       ": x",        "[x]",    "{x}",      "x,y",   "*ref", "&anchor", "!Ref x", "|x",
              ">x",        "'q'",        "\"q\"",  "%x",       "@x",    "`x",   "#x",      "x:",     "line\nbreak",
              "tab\there", "=",          "<<",     "/{proxy+}"}) {
            CAPTURE(std::string(s));
            CHECK_FALSE(yaml_plain_safe(s));
        }
        for (const char* s :
             {"AWS::SQS::Queue", "orders-fn", "s3:ObjectCreated:*", "/orders", "cron(0 0 * * ? *)", "python3.12",
              "rate(5 minutes)", "a#b", "x-1", "héllo", "arn:aws:states:::lambda:invoke", "$.body.id"}) {
            CAPTURE(std::string(s));
            CHECK(yaml_plain_safe(s));
        }
        CHECK(to_yaml(OJson{{"k", "yes"}}) == "k: \"yes\"\n");
        CHECK(to_yaml(OJson{{"k", "a\nb\t\"c\""}}) == "k: \"a\\nb\\t\\\"c\\\"\"\n");
        CHECK(to_yaml(OJson{{"true", 1}}) == "\"true\": 1\n");
        CHECK(to_yaml(OJson{{"k", "del\x7f"}}) == "k: \"del\\x7f\"\n");
    }

    TEST_CASE("a shipped pattern's YAML template has the same shape as its JSON") {
        ParseResult p = parse_pattern(test::repo_file("patterns/fan-out.json"));
        REQUIRE(p.ok());
        const std::string yaml = export_sam_yaml(p.pattern);
        CHECK(yaml.rfind("AWSTemplateFormatVersion: \"2010-09-09\"\nTransform: AWS::Serverless-2016-10-31\n", 0) == 0);
        CHECK(yaml.find("\n  OrdersTopic:\n    Type: AWS::SNS::Topic\n") != std::string::npos);
        CHECK(yaml.find("FilterPolicyScope: MessageBody") != std::string::npos);
    }
}
