// test_choice.cpp — Choice rule evaluation: operators, Path forms, logic, type tests, mismatches.
#include <doctest/doctest.h>

#include "stepfunctions/choice.h"

using nlohmann::json;
using namespace sim::sfn;

namespace {

const json kInput = json::parse(R"({"s": "b", "n": 5, "f": 5.0, "t": true, "nul": null,
    "ts": "2024-01-01T12:00:00Z", "ts2": "2024-01-01T13:00:00+01:00", "other": "c", "arr": []})");

// Evaluates a rule given as JSON text (top-level; Next added automatically).
ChoiceOutcome eval(const char* rule_text) {
    json rule = json::parse(rule_text);
    rule["Next"] = "N";
    std::string error;
    auto rule_parsed = parse_choice_rule(rule, "/r", true, &error);
    REQUIRE_MESSAGE(rule_parsed, error);
    return evaluate_choice_rule(*rule_parsed, kInput, json::object());
}

bool matches(const char* rule_text) {
    auto r = eval(rule_text);
    REQUIRE_MESSAGE(r.ok, r.error);
    return r.matched;
}

}  // namespace

TEST_SUITE("stepfunctions") {
    TEST_CASE("string, numeric and boolean comparisons with their Path forms") {
        CHECK(matches(R"({"Variable": "$.s", "StringEquals": "b"})"));
        CHECK(matches(R"({"Variable": "$.s", "StringLessThan": "c"})"));
        CHECK_FALSE(matches(R"({"Variable": "$.s", "StringGreaterThan": "b"})"));
        CHECK(matches(R"({"Variable": "$.s", "StringGreaterThanEquals": "b"})"));
        CHECK(matches(R"({"Variable": "$.s", "StringLessThanEqualsPath": "$.other"})"));
        CHECK(matches(R"({"Variable": "$.n", "NumericEquals": 5})"));
        CHECK(matches(R"({"Variable": "$.f", "NumericEqualsPath": "$.n"})"));
        CHECK(matches(R"({"Variable": "$.n", "NumericGreaterThan": 4.5})"));
        CHECK_FALSE(matches(R"({"Variable": "$.n", "NumericLessThan": 5})"));
        CHECK(matches(R"({"Variable": "$.n", "NumericLessThanEquals": 5})"));
        CHECK(matches(R"({"Variable": "$.t", "BooleanEquals": true})"));
        CHECK(matches(R"({"Variable": "$.t", "BooleanEqualsPath": "$.t"})"));
    }

    TEST_CASE("a type mismatch is false, not an error") {
        CHECK_FALSE(matches(R"({"Variable": "$.s", "NumericEquals": 0})"));
        CHECK_FALSE(matches(R"({"Variable": "$.n", "StringEquals": "5"})"));
        CHECK_FALSE(matches(R"({"Variable": "$.n", "BooleanEquals": true})"));
        CHECK_FALSE(matches(R"({"Variable": "$.s", "TimestampEquals": "2024-01-01T12:00:00Z"})"));
    }

    TEST_CASE("timestamps compare as instants across zone offsets") {
        CHECK(matches(R"({"Variable": "$.ts", "TimestampEquals": "2024-01-01T12:00:00.000Z"})"));
        CHECK(matches(R"({"Variable": "$.ts", "TimestampEqualsPath": "$.ts2"})"));
        CHECK(matches(R"({"Variable": "$.ts", "TimestampLessThan": "2024-01-01T12:00:01Z"})"));
        CHECK(matches(R"({"Variable": "$.ts", "TimestampGreaterThanEquals": "2024-01-01T12:00:00Z"})"));
    }

    TEST_CASE("type tests and IsPresent") {
        CHECK(matches(R"({"Variable": "$.nul", "IsNull": true})"));
        CHECK(matches(R"({"Variable": "$.n", "IsNull": false})"));
        CHECK(matches(R"({"Variable": "$.nul", "IsPresent": true})"));
        CHECK(matches(R"({"Variable": "$.missing", "IsPresent": false})"));
        CHECK(matches(R"({"Variable": "$.f", "IsNumeric": true})"));
        CHECK(matches(R"({"Variable": "$.s", "IsString": true})"));
        CHECK(matches(R"({"Variable": "$.arr", "IsBoolean": false})"));
        CHECK(matches(R"({"Variable": "$.ts", "IsTimestamp": true})"));
        CHECK(matches(R"({"Variable": "$.s", "IsTimestamp": false})"));
    }

    TEST_CASE("And, Or and Not combine rules") {
        CHECK(matches(R"({"And": [{"Variable": "$.n", "NumericEquals": 5},
                                  {"Not": {"Variable": "$.s", "StringEquals": "x"}}]})"));
        CHECK(matches(R"({"Or": [{"Variable": "$.n", "NumericEquals": 1},
                                 {"Variable": "$.t", "BooleanEquals": true}]})"));
        CHECK_FALSE(matches(R"({"Not": {"Variable": "$.t", "BooleanEquals": true}})"));
        // Or short-circuits before reaching a rule whose Variable is missing.
        CHECK(matches(R"({"Or": [{"Variable": "$.t", "BooleanEquals": true},
                                 {"Variable": "$.missing", "StringEquals": "x"}]})"));
    }

    TEST_CASE("a missing Variable is a runtime error unless guarded by IsPresent") {
        auto r = eval(R"({"Variable": "$.missing", "StringEquals": "x"})");
        CHECK_FALSE(r.ok);
        CHECK(r.error == "Invalid path '$.missing': The choice state's condition path references an invalid value.");
    }

    TEST_CASE("StringMatches supports * wildcards and escapes") {
        CHECK(string_matches("log-2024.txt", "log-*.txt"));
        CHECK(string_matches("anything", "*"));
        CHECK(string_matches("", "*"));
        CHECK_FALSE(string_matches("log.csv", "log-*.txt"));
        CHECK(string_matches("a*b", "a\\*b"));
        CHECK_FALSE(string_matches("axb", "a\\*b"));
        CHECK(string_matches("a\\b", "a\\\\b"));
        CHECK(string_matches("abcabc", "*abc"));
        CHECK(matches(R"({"Variable": "$.s", "StringMatches": "*"})"));
    }
}
