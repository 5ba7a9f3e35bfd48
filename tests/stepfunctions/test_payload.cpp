// test_payload.cpp — payload templates (`.$` keys) and the InputPath/ResultPath/OutputPath rules.
#include <doctest/doctest.h>

#include "stepfunctions/payload.h"

using nlohmann::json;
using namespace sim::sfn;

namespace {

OptionalPath path(const char* text) {
    OptionalPath p;
    p.kind = OptionalPath::Kind::Path;
    p.path = JsonPath::parse(text, nullptr);
    REQUIRE(p.path);
    return p;
}

}  // namespace

TEST_SUITE("stepfunctions") {
    TEST_CASE("payload templates evaluate .$ keys, nested objects and arrays, and keep literals") {
        std::string error;
        auto t = PayloadTemplate::compile(json::parse(R"J({"static": "v", "from.$": "$.a",
            "nested": {"ctx.$": "$$.State.Name", "list": [{"x.$": "$.a"}, 1]},
            "call.$": "States.Format('{}!', $.a)"})J"),
                                          &error);
        REQUIRE_MESSAGE(t, error);
        auto r = t->evaluate(json{{"a", "hi"}}, json{{"State", {{"Name", "S"}}}}, {});
        REQUIRE(r.ok);
        CHECK(r.value == json::parse(R"({"static": "v", "from": "hi", "call": "hi!",
            "nested": {"ctx": "S", "list": [{"x": "hi"}, 1]}})"));
    }

    TEST_CASE("a .$ key whose path is missing names the field and the input") {
        auto t = PayloadTemplate::compile(json{{"m.$", "$.nope"}}, nullptr);
        auto r = t->evaluate(json{{"x", "a"}}, json::object(), {});
        CHECK_FALSE(r.ok);
        CHECK(r.error ==
              "The JSONPath '$.nope' specified for the field 'm.$' could not be found in "
              "the input '{\"x\":\"a\"}'");
    }

    TEST_CASE("a .$ value that is not a string, path or call is refused at compile time") {
        std::string error;
        CHECK_FALSE(PayloadTemplate::compile(json::parse(R"({"a": {"b.$": 3}})"), &error));
        CHECK(error ==
              "/a/b.$: the value for the field 'b.$' must be a valid JSONPath or a valid "
              "intrinsic function call");
    }

    TEST_CASE("InputPath and OutputPath select, null gives {} and a missing path is an error") {
        json doc = {{"a", {{"b", 1}}}};
        CHECK(select_path(OptionalPath{}, doc, {}).value == doc);
        OptionalPath null_path;
        null_path.kind = OptionalPath::Kind::Null;
        CHECK(select_path(null_path, doc, {}).value == json::object());
        CHECK(select_path(path("$.a"), doc, {}).value == json{{"b", 1}});
        auto missing = select_path(path("$.NoSuchInputPath"), doc, {});
        CHECK_FALSE(missing.ok);
        CHECK(missing.error == "Invalid path '$.NoSuchInputPath' : No results for path: $['NoSuchInputPath']");
    }

    TEST_CASE("ResultPath replaces, discards or merges the result into the raw input") {
        json raw = {{"keep", 1}};
        CHECK(apply_result_path(OptionalPath{}, raw, 5).value == 5);
        OptionalPath discard;
        discard.kind = OptionalPath::Kind::Null;
        CHECK(apply_result_path(discard, raw, 5).value == raw);
        CHECK(apply_result_path(path("$.out.v"), raw, 5).value == json::parse(R"({"keep": 1, "out": {"v": 5}})"));
        auto bad = apply_result_path(path("$.keep.v"), raw, 5);
        CHECK_FALSE(bad.ok);
        CHECK(bad.error ==
              "Unable to apply ResultPath '$.keep.v' to input '{\"keep\":1}': cannot "
              "set field 'v' on a non-object");
    }
}
