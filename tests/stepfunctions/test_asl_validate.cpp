// test_asl_validate.cpp — loading definitions: each invalid one is reported verbatim with its path.
#include <doctest/doctest.h>

#include "stepfunctions/asl_parse.h"

using namespace sim::sfn;

namespace {

// The single diagnostic for `text` as "path | message".
std::string only_error(const char* text) {
    auto r = load_state_machine_text(text);
    CHECK_FALSE(r.ok());
    REQUIRE(r.errors.size() == 1);
    return r.errors[0].path + " | " + r.errors[0].message;
}

}  // namespace

TEST_SUITE("stepfunctions") {
    TEST_CASE("a valid definition with every state type loads") {
        auto r = load_state_machine_text(R"J({"StartAt": "P", "States": {
          "P": {"Type": "Pass", "Next": "C"},
          "C": {"Type": "Choice", "Choices": [{"Variable": "$.x", "IsPresent": true, "Next": "W"}],
                "Default": "F"},
          "W": {"Type": "Wait", "Seconds": 1, "Next": "T"},
          "T": {"Type": "Task", "Resource": "r", "Retry": [{"ErrorEquals": ["States.ALL"]}],
                "Catch": [{"ErrorEquals": ["States.ALL"], "Next": "F"}], "Next": "Par"},
          "Par": {"Type": "Parallel", "Branches": [{"StartAt": "B", "States": {"B": {"Type": "Succeed"}}}],
                  "Next": "M"},
          "M": {"Type": "Map", "ItemProcessor": {"StartAt": "I", "States": {"I": {"Type": "Pass", "End": true}}},
                "Next": "S"},
          "S": {"Type": "Succeed"},
          "F": {"Type": "Fail", "Error": "E"}}})J");
        CHECK(r.errors.empty());
        REQUIRE(r.ok());
        CHECK(r.machine->states.size() == 8);
        CHECK(r.machine->find("T")->retry[0].max_attempts == 3);
        CHECK(r.machine->find("T")->retry[0].interval_seconds == 1.0);
        CHECK(r.machine->find("T")->retry[0].backoff_rate == 2.0);
    }

    TEST_CASE("transition problems name the state and the missing target") {
        CHECK(only_error(R"J({"StartAt": "A", "States": {"A": {"Type": "Pass", "Next": "B"}}})J") ==
              "/States/A/Next | state 'A': Next 'B' does not name a state");
        CHECK(only_error(R"J({"StartAt": "A", "States": {"A": {"Type": "Pass"}}})J") ==
              "/States/A | state 'A': a Pass state needs Next or \"End\": true");
        CHECK(only_error(R"J({"StartAt": "A", "States": {"A": {"Type": "Pass", "End": true},
                                                          "B": {"Type": "Pass", "End": true}}})J") ==
              "/States/B | state 'B': is not reachable from StartAt 'A'");
        CHECK(only_error(R"J({"StartAt": "X", "States": {"A": {"Type": "Pass", "End": true}}})J") ==
              "/StartAt | the definition: StartAt 'X' does not name a state");
        CHECK(only_error(R"J({"States": {"A": {"Type": "Pass", "End": true}}})J") ==
              "/StartAt | the definition: StartAt is required and must be a string");
        CHECK(only_error(R"J({"StartAt": "A", "States": {"A": {"Type": "Choice",
              "Choices": [{"Variable": "$.x", "IsNull": true, "Next": "A"}], "Default": "Q"}}})J") ==
              "/States/A/Default | state 'A': Default 'Q' does not name a state");
        CHECK(only_error(R"J({"StartAt": "A", "States": {"A": {"Type": "Parallel", "End": true,
              "Branches": [{"StartAt": "B", "States": {"B": {"Type": "Pass", "Next": "A"}}}]}}})J") ==
              "/States/A/Branches/0/States/B/Next | state 'B': Next 'A' does not name a state");
    }

    TEST_CASE("unknown types and misplaced fields are refused") {
        CHECK(only_error(R"J({"StartAt": "A", "States": {"A": {"Type": "Bogus", "End": true}}})J") ==
              "/States/A/Type | state 'A': unknown Type 'Bogus'; expected Pass, Task, Choice, Wait, "
              "Succeed, Fail, Parallel or Map");
        CHECK(only_error(R"J({"StartAt": "A", "States": {"A": {"Type": "Succeed", "End": true}}})J") ==
              "/States/A | state 'A': a Succeed state cannot have Next or End");
        CHECK(only_error(R"J({"StartAt": "A", "States": {"A": {"Type": "Pass", "End": true,
              "Retry": [{"ErrorEquals": ["X"]}]}}})J") ==
              "/States/A/Retry | state 'A': Retry is not allowed in a Pass state");
        CHECK(only_error(R"J({"StartAt": "A", "States": {"A": {"Type": "Wait", "End": true}}})J") ==
              "/States/A | state 'A': a Wait state needs exactly one of Seconds, Timestamp, "
              "SecondsPath or TimestampPath");
        CHECK(only_error(R"J({"StartAt": "A", "States": {"A": {"Type": "Task", "End": true}}})J") ==
              "/States/A/Resource | state 'A': a Task state needs a Resource string");
    }

    TEST_CASE("bad JSONPath and intrinsic syntax are reported at load") {
        CHECK(only_error(R"J({"StartAt": "A", "States": {"A": {"Type": "Pass", "InputPath": "$.a[",
              "End": true}}})J") ==
              "/States/A/InputPath | state 'A': InputPath '$.a[' is not a valid JSONPath: "
              "unterminated '[' at position 4");
        CHECK(only_error(R"J({"StartAt": "A", "States": {"A": {"Type": "Pass", "ResultPath": "$.a[*]",
              "End": true}}})J") ==
              "/States/A/ResultPath | state 'A': ResultPath '$.a[*]' must be a reference path "
              "(names and indexes only)");
        CHECK(only_error(R"J({"StartAt": "A", "States": {"A": {"Type": "Pass",
              "Parameters": {"x.$": "States.Nope(1)"}, "End": true}}})J") ==
              "/States/A/Parameters/x.$ | state 'A': Parameters: the value for the field 'x.$' must "
              "be a valid JSONPath or a valid intrinsic function call (unknown intrinsic function "
              "'States.Nope')");
        CHECK(only_error(R"J({"StartAt": "A", "States": {"A": {"Type": "Fail",
              "CausePath": "States.Format('{}'"}}})J") ==
              "/States/A/CausePath | state 'A': CausePath must be a valid JSONPath or intrinsic "
              "function: expected ',' or ')' in call to States.Format");
    }

    TEST_CASE("States.ALL must be alone and last in Retry and Catch") {
        CHECK(only_error(R"J({"StartAt": "A", "States": {"A": {"Type": "Task", "Resource": "r",
              "Retry": [{"ErrorEquals": ["States.ALL"]}, {"ErrorEquals": ["X"]}], "End": true}}})J") ==
              "/States/A/Retry/0/ErrorEquals | state 'A': Retry[0]: States.ALL must be in the last "
              "element");
        CHECK(only_error(R"J({"StartAt": "A", "States": {"A": {"Type": "Task", "Resource": "r",
              "Catch": [{"ErrorEquals": ["States.ALL", "X"], "Next": "A"}], "End": true}}})J") ==
              "/States/A/Catch/0/ErrorEquals | state 'A': Catch[0]: States.ALL must appear alone in "
              "ErrorEquals");
        CHECK(only_error(R"J({"StartAt": "A", "States": {"A": {"Type": "Task", "Resource": "r",
              "Retry": [{"ErrorEquals": ["X"], "BackoffRate": 0.5}], "End": true}}})J") ==
              "/States/A/Retry/0/BackoffRate | state 'A': Retry[0].BackoffRate must be a number >= 1.0");
    }

    TEST_CASE("choice rules are checked for operand types and Next") {
        CHECK(only_error(R"J({"StartAt": "A", "States": {"A": {"Type": "Choice",
              "Choices": [{"Variable": "$.x", "NumericEquals": "1", "Next": "A"}]}}})J") ==
              "/States/A/Choices/0/NumericEquals | state 'A': Choices[0]: NumericEquals must be a "
              "number, got \"1\"");
        CHECK(only_error(R"J({"StartAt": "A", "States": {"A": {"Type": "Choice",
              "Choices": [{"Variable": "$.x", "StringEquals": "a"}]}}})J") ==
              "/States/A/Choices/0 | state 'A': Choices[0]: a top-level choice rule needs a Next string");
        CHECK(only_error(R"J({"StartAt": "A", "States": {"A": {"Type": "Choice",
              "Choices": [{"Not": {"Variable": "$.x", "StringEquals": "a", "Next": "A"}, "Next": "A"}]}}})J") ==
              "/States/A/Choices/0/Not/Next | state 'A': Choices[0]: only top-level choice rules may have Next");
    }

    TEST_CASE("state names must be unique across branches and JSON syntax errors are reported") {
        auto r = load_state_machine_text(R"J({"StartAt": "A", "States": {"A": {"Type": "Parallel",
            "End": true, "Branches": [{"StartAt": "A", "States": {"A": {"Type": "Succeed"}}}]}}})J");
        REQUIRE(r.errors.size() == 1);
        CHECK(r.errors[0].message ==
              "state 'A': the name is used by more than one state (names must "
              "be unique across the whole state machine)");
        CHECK(only_error("{").rfind(" | the definition is not valid JSON at line 1, column 2: syntax error", 0) == 0);
        CHECK(only_error(R"J({"QueryLanguage": "JSONata", "StartAt": "A", "States": {"A": {"Type": "Succeed"}}})J") ==
              "/QueryLanguage | the definition: QueryLanguage \"JSONata\" is not supported; only "
              "JSONPath is modelled");
    }
}
