// test_json_text.cpp — Java-style number text and States.Format argument text.
#include <doctest/doctest.h>

#include "stepfunctions/json_text.h"

using nlohmann::json;
using namespace sim::sfn;

TEST_SUITE("stepfunctions") {
    TEST_CASE("numbers print like Java's Double.toString") {
        CHECK(java_number_text(json(1)) == "1");
        CHECK(java_number_text(json(1.0)) == "1.0");
        CHECK(java_number_text(json(1.1)) == "1.1");
        CHECK(java_number_text(json(-0.5)) == "-0.5");
        CHECK(java_number_text(json(1e7)) == "1.0E7");
        CHECK(java_number_text(json(1.5e-4)) == "1.5E-4");
        CHECK(java_number_text(json(123456.789)) == "123456.789");
    }

    TEST_CASE("format arguments use Java Map and List text") {
        CHECK(format_arg_text(json::parse(R"({"Arg1": 1, "Arg2": []})")) == "{Arg1=1, Arg2=[]}");
        CHECK(format_arg_text(json::parse(R"([1, "a", null, true])")) == "[1, a, null, true]");
        CHECK(format_arg_text(json("text")) == "text");
        CHECK(format_arg_text(json(nullptr)) == "null");
        CHECK(compact_json(json::parse(R"({"a": [1, 2]})")) == R"({"a":[1,2]})");
        CHECK(is_integral_number(json(2.0)));
        CHECK_FALSE(is_integral_number(json(2.5)));
        CHECK_FALSE(is_integral_number(json("2")));
    }
}
