// test_json_text.cpp — every JSON entry point turns text that is not JSON (a syntax error, a number
// too large for a double, hostile nesting) into a diagnostic with its line and column, never an
// exception. A double holds at most ~1.8e308 (IEEE 754 binary64), so 1e+400 cannot be
// represented: RFC 8259 §6 lets a parser refuse it, and nlohmann does (out_of_range 406) — which
// `slsim validate` used to let escape (exit 134).
#include "challenge/challenge.h"
#include "challenge/quiz.h"
#include "challenge/tour.h"
#include "conformance/conformance.h"
#include "export/sam_import.h"
#include "export/yaml_parse.h"
#include "match/event_pattern.h"
#include "pattern/json_guard.h"
#include "pattern/pattern.h"
#include "share/share_payload.h"
#include "stepfunctions/asl_parse.h"
#include "support/test_support.h"

#include <doctest/doctest.h>

#include <string>

using namespace sim;
using sim::test::has_error;

namespace {

std::string first_message(const Diagnostics& d) {
    return d.items().empty() ? std::string() : d.items()[0].message;
}

}  // namespace

TEST_SUITE("pattern") {
    TEST_CASE("parse_json_text reports syntax errors and overflowing numbers with line and column") {
        // '1' of 1e+400 is byte 6 of {"a": 1e+400} -> line 1, column 7.
        JsonText t = parse_json_text(R"({"a": 1e+400})");
        CHECK_FALSE(t.ok);
        CHECK(t.where() == "line 1, column 7: number overflow parsing '1e+400'");
        // Negative overflow too, on the second line after two spaces and "n": -> column 8.
        t = parse_json_text("{\n  \"n\": -1e+400}");
        CHECK(t.where() == "line 2, column 8: number overflow parsing '-1e+400'");
        // 'x' is the offending byte, column 7.
        CHECK(parse_json_text(R"({"a": x})").where().rfind("line 1, column 7: syntax error while parsing value", 0) ==
              0);
        // The fourth '[' is the first one deeper than 3 levels.
        CHECK(parse_json_text("[[[[1]]]]", 3).where() == "line 1, column 4: nested deeper than 3 levels");
        // The largest finite double still parses.
        t = parse_json_text("[1.7976931348623157e308, -4.9e-324]");
        REQUIRE(t.ok);
        CHECK(t.value[0].get<double>() == 1.7976931348623157e308);
    }

    TEST_CASE("a pattern file holding 1e+400 is refused with its line and column (validate, run, loadPattern)") {
        // Line 3 is `  "nodes": [{"id": "fn", "type": "lambda", "config": {"MemorySize": 1e+400}}]`:
        // 2 spaces + 66 characters before the number, so it starts in column 69.
        const ParseResult r = parse_pattern(
            "{\n  \"format\": \"serverless-playground/1\",\n"
            "  \"nodes\": [{\"id\": \"fn\", \"type\": \"lambda\", \"config\": {\"MemorySize\": 1e+400}}]\n}\n");
        CHECK(has_error(r.diagnostics, "", "invalid JSON at line 3, column 69: number overflow parsing '1e+400'"));
    }

    TEST_CASE("a share link holding 1e+400 is refused, not thrown") {
        const ShareDecodeResult r = decode_share_payload(R"({"v": 1, "pattern": {"seed": 1e+400}})");
        CHECK_FALSE(r.ok);
        // {"v": 1, "pattern": {"seed":  and a space are 29 bytes, so the number starts in column 30.
        CHECK(has_error(r.diagnostics, "",
                        "share link is not valid JSON (truncated or corrupted?): line 1, column 30: number overflow "
                        "parsing '1e+400'"));
    }

    TEST_CASE("template import refuses overflowing numbers in JSON and in YAML with line and column") {
        // JSON: {"Resources": {"F": {"Type": "AWS::SQS::Queue", "Properties": {"X":  is 68 bytes.
        CHECK(has_error(
            import_template(R"({"Resources": {"F": {"Type": "AWS::SQS::Queue", "Properties": {"X": 1e+400}}}})")
                .diagnostics,
            "", "invalid JSON at line 1, column 69: number overflow parsing '1e+400'"));
        // YAML block scalar: line 5 "      MemorySize: 1e400" -> the value starts in column 19.
        const YamlParseResult block = parse_yaml(
            "Resources:\n  Fn:\n    Type: AWS::Serverless::Function\n"
            "    Properties:\n      MemorySize: 1e400\n");
        CHECK(block.error == "number too large for a double: '1e400'");
        CHECK(block.line == 5);
        CHECK(block.column == 19);
        // YAML flow mapping: -1.5e999 starts at column 76 of the only line.
        const YamlParseResult flow =
            parse_yaml("Resources: {Fn: {Type: AWS::Serverless::Function, Properties: {MemorySize: -1.5e999}}}\n");
        CHECK(flow.error == "number too large for a double: '-1.5e999'");
        CHECK(flow.line == 1);
        CHECK(flow.column == 76);
        CHECK_FALSE(import_template("Resources:\n  Q:\n    Type: AWS::SQS::Queue\n    Properties: {X: 1e400}\n").ok());
        // Small numbers that only underflow are still numbers (1e-400 rounds to 0).
        CHECK(parse_yaml("a: 1e-400\n").ok());
    }

    TEST_CASE("challenge, tour, quiz and state machine files report overflow with line and column") {
        // {"format": is 10 bytes: the number starts in column 12 after the space.
        CHECK(first_message(challenge::load_challenge(R"({"format": 1e+400})").diagnostics) ==
              "the challenge is not valid JSON: line 1, column 12: number overflow parsing '1e+400'");
        CHECK(first_message(challenge::load_tour(R"({"format": 1e+400})").diagnostics) ==
              "the tour is not valid JSON: line 1, column 12: number overflow parsing '1e+400'");
        CHECK(first_message(challenge::load_quiz(R"({"format": 1e+400})", "", {}).diagnostics) ==
              "the quiz is not valid JSON: line 1, column 12: number overflow parsing '1e+400'");
        const auto design = [](const std::string&) -> std::optional<std::string> { return std::string("[1e+400]"); };
        const challenge::QuizLoad q = challenge::load_quiz(
            R"({"format": "serverless-playground-quiz/1", "options": [{"id": "a", "text": "a", "why": "w", "design": "d.json"},
                {"id": "b", "text": "b", "why": "w", "design": "d.json"}]})",
            "", design);
        bool found = false;
        for (const auto& d : q.diagnostics.items())
            found = found || d.message ==
                                 "the design file \"d.json\" is not valid JSON: line 1, column 2: number "
                                 "overflow parsing '1e+400'";
        CHECK(found);
        // {"StartAt": is 11 bytes: column 13.
        const sfn::LoadResult asl = sfn::load_state_machine_text(R"({"StartAt": 1e+400})");
        REQUIRE(asl.errors.size() == 1);
        CHECK(asl.errors[0].message ==
              "the definition is not valid JSON at line 1, column 13: number overflow parsing '1e+400'");
    }

    TEST_CASE("an event pattern and a conformance file report overflow with line and column") {
        auto p = match::EventPattern::compile_text(R"({"a": [1e+400]})");
        REQUIRE(std::holds_alternative<match::MatchError>(p));
        CHECK(std::get<match::MatchError>(p).message ==
              "pattern is not valid JSON at line 1, column 8: number overflow parsing '1e+400'");
        // Line 2 is ` {"id": "x", "n": 1e400}`: the number starts in column 19.
        const conformance::SuiteFile f = conformance::read_suite_file("[\n {\"id\": \"x\", \"n\": 1e400}\n]");
        CHECK(f.error == "line 2, column 19: number overflow parsing '1e400'");
        CHECK(conformance::read_suite_file("[]").error.empty());
    }
}
