// test_jsonpath.cpp — JSONPath parsing, lookup (Jayway texts), filters and ResultPath assignment.
#include <doctest/doctest.h>

#include "stepfunctions/jsonpath.h"

using nlohmann::json;
using sim::sfn::JsonPath;

namespace {

JsonPath path(const char* text) {
    std::string error;
    auto p = JsonPath::parse(text, &error);
    REQUIRE_MESSAGE(p.has_value(), error);
    return *p;
}

std::string parse_error(const char* text) {
    std::string error;
    auto p = JsonPath::parse(text, &error);
    CHECK_FALSE(p.has_value());
    return error;
}

const json kDoc = json::parse(R"({
  "a": {"b": [10, 20, 30], "c": null, "delivery-partner": "UQS"},
  "users": [{"year": 1997, "status": 0, "name": "x"}, {"year": 1998, "status": 1}],
  "key with.dot": 1
})");

}  // namespace

TEST_SUITE("stepfunctions") {
    TEST_CASE("definite paths select one value by name, bracket name and index") {
        CHECK(path("$").find(kDoc).value == kDoc);
        CHECK(path("$.a.b[1]").find(kDoc).value == 20);
        CHECK(path("$['a']['b'][2]").find(kDoc).value == 30);
        CHECK(path("$.a.b[-1]").find(kDoc).value == 30);
        CHECK(path("$.a.delivery-partner").find(kDoc).value == "UQS");
        CHECK(path("$['key with.dot']").find(kDoc).value == 1);
        auto null_value = path("$.a.c").find(kDoc);
        CHECK(null_value.found);
        CHECK(null_value.value.is_null());
    }

    TEST_CASE("a missing leaf or property gives Jayway's error text") {
        auto leaf = path("$.NoSuchInputPath").find(kDoc);
        CHECK_FALSE(leaf.found);
        CHECK(leaf.error == "No results for path: $['NoSuchInputPath']");
        CHECK(path("$.x.y").find(kDoc).error == "Missing property in path $['x']");
        CHECK(path("$.a.b[7]").find(kDoc).error == "No results for path: $['a']['b'][7]");
    }

    TEST_CASE("indefinite paths return an array of matches, empty when nothing matches") {
        CHECK(path("$.a.b[*]").find(kDoc).value == json::array({10, 20, 30}));
        CHECK(path("$.a.b[0:2]").find(kDoc).value == json::array({10, 20}));
        CHECK(path("$.a.b[1:]").find(kDoc).value == json::array({20, 30}));
        CHECK(path("$.a.b[-2:]").find(kDoc).value == json::array({20, 30}));
        CHECK(path("$.a.b[0,2]").find(kDoc).value == json::array({10, 30}));
        CHECK(path("$.users[*].year").find(kDoc).value == json::array({1997, 1998}));
        CHECK(path("$..year").find(kDoc).value == json::array({1997, 1998}));
        auto missing = path("$.items[*].itemValue").find(json::object());
        CHECK(missing.found);
        CHECK(missing.value == json::array());
    }

    TEST_CASE("filters compare, test existence and combine with && and ||") {
        CHECK(path("$.users[?(@.status == 0)]").find(kDoc).value ==
              json::parse(R"([{"year": 1997, "status": 0, "name": "x"}])"));
        CHECK(path("$.users[?(@.year > 1997)].status").find(kDoc).value == json::array({1}));
        CHECK(path("$.users[?(@.name)].year").find(kDoc).value == json::array({1997}));
        CHECK(path("$.users[?(@.year >= 1997 && @.status != 0)].year").find(kDoc).value == json::array({1998}));
        CHECK(path("$.users[?(@.status == 1 || @.name == 'x')].year").find(kDoc).value == json::array({1997, 1998}));
        CHECK(path("$.users[?(@.status == '0')]").find(kDoc).value == json::array());
        CHECK(path("$.users[?(@.name =~ /X/i)].year").find(kDoc).value == json::array({1997}));
    }

    TEST_CASE("bad paths are refused with the position of the problem") {
        CHECK(parse_error("a.b") == "a path must start with '$'");
        CHECK(parse_error("$.a[") == "unterminated '[' at position 4");
        CHECK(parse_error("$.a[1") == "expected ']' at position 5");
        CHECK(parse_error("$.a b") == "unexpected character ' ' at position 3");
        CHECK(parse_error("$.users[?(@.x == )]").find("bad filter") != std::string::npos);
        CHECK(parse_error("$.users[?(@.x =~ /[/)]").find("invalid regular expression") != std::string::npos);
    }

    TEST_CASE("definiteness and the normalised form follow Jayway") {
        CHECK(path("$.a.b[0]").is_definite());
        CHECK_FALSE(path("$.a.b[*]").is_definite());
        CHECK_FALSE(path("$..b").is_definite());
        CHECK(path("$.a.b[0]").normalized() == "$['a']['b'][0]");
        CHECK(path("$$.Map.Item.Value").root() == JsonPath::Root::Context);
    }

    TEST_CASE("assign creates missing objects and refuses to cross non-objects") {
        json doc = {{"a", 1}};
        CHECK_FALSE(path("$.x.y").assign(doc, 5).has_value());
        CHECK(doc == json::parse(R"({"a": 1, "x": {"y": 5}})"));
        auto why = path("$.a.b").assign(doc, 5);
        REQUIRE(why.has_value());
        CHECK(*why == "cannot set field 'b' on a non-object");
        json scalar = "text";
        CHECK(path("$.x").assign(scalar, 1).has_value());
    }
}
