// test_intrinsics.cpp — States.* intrinsic functions: syntax, documented argument checks, results.
#include <doctest/doctest.h>

#include "stepfunctions/intrinsics.h"

using nlohmann::json;

namespace {

json input() {
    return json::parse(R"({"s": "input data", "n": 5, "arr": [1, 2, 3, 4, 5], "obj": {"Arg1": 1, "Arg2": []},
                          "f": 1.1, "nothing": null, "name": "a-b-c"})");
}

sim::sfn::RandomBits counter() {
    auto state = std::make_shared<std::uint64_t>(0);
    return [state] { return *state += 0x9e3779b97f4a7c15ULL; };
}

// Evaluates `text` against input(); fails the test on a parse error.
sim::sfn::IntrinsicResult run(const std::string& text) {
    std::string error;
    auto call = sim::sfn::parse_intrinsic(text, &error);
    REQUIRE_MESSAGE(call, error);
    return sim::sfn::evaluate_intrinsic(*call, input(), json{{"StateMachine", {{"Name", "x-y"}}}}, counter());
}

json value(const std::string& text) {
    auto r = run(text);
    REQUIRE_MESSAGE(r.ok, r.error);
    return r.value;
}

std::string failure(const std::string& text) {
    auto r = run(text);
    CHECK_FALSE(r.ok);
    return r.error;
}

std::string syntax_error(const std::string& text) {
    std::string error;
    CHECK_FALSE(sim::sfn::parse_intrinsic(text, &error));
    return error;
}

}  // namespace

TEST_SUITE("stepfunctions") {
    TEST_CASE("States.Format fills {} with Java-style text and honours escapes") {
        CHECK(value("States.Format('Hello {}, n={} f={}', $.s, $.n, $.f)") == "Hello input data, n=5 f=1.1");
        CHECK(value("States.Format('{} and {}', $.obj, $.nothing)") == "{Arg1=1, Arg2=[]} and null");
        CHECK(value("States.Format('literal \\{\\} {}', 'x')") == "literal {} x");
        CHECK(value("States.Format('it\\'s {}', $.arr)") == "it's [1, 2, 3, 4, 5]");
        CHECK(failure("States.Format('{} {}', 'only one')") ==
              "States.Format: the format string has more {} placeholders than arguments (1)");
        CHECK(failure("States.Format($.n)") == "States.Format: the format string must be a string, got number");
    }

    TEST_CASE("JSON helpers convert between strings and values and merge shallowly") {
        CHECK(value("States.StringToJson('{\"a\": [1, true]}')") == json::parse(R"({"a": [1, true]})"));
        CHECK(value("States.StringToJson('')").is_null());
        CHECK(failure("States.StringToJson('{oops')") == "States.StringToJson: the argument is not valid JSON text");
        CHECK(value("States.JsonToString($.obj)") == R"({"Arg1":1,"Arg2":[]})");
        CHECK(value("States.JsonToString($.s)") == R"("input data")");
        CHECK(value("States.JsonMerge(States.StringToJson('{\"a\": {\"x\": 1}, \"b\": 2}'), "
                    "States.StringToJson('{\"a\": {\"y\": 2}}'), false)") == json::parse(R"({"a": {"y": 2}, "b": 2})"));
        CHECK(failure("States.JsonMerge($.obj, $.obj, true)") ==
              "States.JsonMerge: deep merge (true) is not supported; pass false");
    }

    TEST_CASE("array functions build, split, search and index arrays") {
        CHECK(value("States.Array()") == json::array());
        CHECK(value("States.Array(1, 'two', $.nothing)") == json::parse(R"([1, "two", null])"));
        CHECK(value("States.ArrayPartition($.arr, 2)") == json::parse("[[1,2],[3,4],[5]]"));
        CHECK(failure("States.ArrayPartition($.arr, 0)") ==
              "States.ArrayPartition: the chunk size must be a positive integer");
        CHECK(value("States.ArrayContains($.arr, 3)") == true);
        CHECK(value("States.ArrayContains($.arr, $.nothing)") == false);
        CHECK(value("States.ArrayRange(1, 9, 2)") == json::parse("[1,3,5,7,9]"));
        CHECK(value("States.ArrayRange(0, 10, 3)") == json::parse("[0,3,6,9]"));
        CHECK(value("States.ArrayRange(5, 1, -2)") == json::parse("[5,3,1]"));
        CHECK(failure("States.ArrayRange(0, 10, 0)") == "States.ArrayRange: step must not be 0");
        CHECK(failure("States.ArrayRange(0, 1000, 1)") ==
              "States.ArrayRange: the range would have 1001 elements; at most 1000 are allowed");
        CHECK(value("States.ArrayGetItem($.arr, 4)") == 5);
        CHECK(failure("States.ArrayGetItem($.arr, 5)") ==
              "States.ArrayGetItem: index 5 is out of bounds for an array of 5 elements");
        CHECK(value("States.ArrayLength($.arr)") == 5);
        CHECK(value("States.ArrayUnique(States.Array(1, 1, 'a', 'a', $.obj, $.obj))") ==
              json::parse(R"([1, "a", {"Arg1": 1, "Arg2": []}])"));
    }

    TEST_CASE("encoding, hashing, math, strings and UUIDs") {
        CHECK(value("States.Base64Encode('Data to encode')") == "RGF0YSB0byBlbmNvZGU=");
        CHECK(value("States.Base64Decode('RGF0YSB0byBlbmNvZGU=')") == "Data to encode");
        CHECK(failure("States.Base64Decode('***')") == "States.Base64Decode: the argument is not valid Base64");
        CHECK(value("States.Hash($.s, 'MD5')") == "812f45842bc6d66ee14572ce20db8e86");
        CHECK(value("States.Hash($.s, 'SHA-1')") == "aaff4a450a104cd177d28d18d74485e8cae074b7");
        CHECK(value("States.Hash($.s, 'SHA-256')") ==
              "b4a697a057313163aee33cd8d40c66e9f0f177e00cac2de32475ffff6169c3e3");
        CHECK(failure("States.Hash($.s, 'SHA-3')") ==
              "States.Hash: unsupported algorithm 'SHA-3'; expected MD5, SHA-1, SHA-256, SHA-384 or SHA-512");
        CHECK(value("States.MathAdd(1.49, 1.5)") == 3);
        CHECK(value("States.MathAdd(-2.5, 0)") == -2);
        CHECK(failure("States.MathAdd(2147483648, 0)") ==
              "States.MathAdd: arguments must be between -2147483648 and 2147483647");
        auto r = value("States.MathRandom(1, 10)").get<long long>();
        CHECK(r >= 1);
        CHECK(r < 10);
        CHECK(value("States.MathRandom(1, 1000, 7)") == value("States.MathRandom(1, 1000, 7)"));
        CHECK(value("States.StringSplit('a,b,,c', ',')") == json::parse(R"(["a","b","c"])"));
        CHECK(value("States.StringSplit($$.StateMachine.Name, '-')") == json::parse(R"(["x","y"])"));
        std::string uuid = value("States.UUID()").get<std::string>();
        CHECK(uuid.size() == 36);
        CHECK(uuid[14] == '4');
    }

    TEST_CASE("nested calls evaluate inside out") {
        CHECK(value("States.ArrayGetItem(States.StringSplit($.name, '-'), "
                    "States.MathAdd(States.ArrayLength(States.StringSplit($.name, '-')), -1))") == "c");
    }

    TEST_CASE("syntax errors name the function and the problem") {
        CHECK(syntax_error("States.Nope(1)") == "unknown intrinsic function 'States.Nope'");
        CHECK(syntax_error("States.ArrayRange(1, 2)") == "States.ArrayRange expects 3 arguments, got 2");
        CHECK(syntax_error("States.UUID(1)") == "States.UUID expects 0 arguments, got 1");
        CHECK(syntax_error("States.Format('x'") == "expected ',' or ')' in call to States.Format");
        CHECK(syntax_error("States.Format('x) ") == "unterminated string literal in 'States.Format('x) '");
        CHECK(syntax_error("States.Array(1) extra") == "unexpected text after the call: 'extra'");
        CHECK(syntax_error("States.Array($.a[)").rfind("invalid path argument '$.a[)'", 0) == 0);
    }

    TEST_CASE("a path argument that does not resolve is reported") {
        CHECK(failure("States.ArrayLength($.missing)") ==
              "the JsonPath argument '$.missing' of States.ArrayLength could not be found in the "
              "input: No results for path: $['missing']");
    }
}
