// test_sns_filter.cpp — SNS filter policies on message attributes and on message bodies:
// operators, attribute types, nesting, $or, policy limits, and the shared conformance file.
#include "conformance/conformance.h"
#include "match/sns_filter_policy.h"

#include <doctest/doctest.h>

#include <fstream>
#include <string>

using nlohmann::json;
using sim::match::FilterScope;
using sim::match::MatchError;
using sim::match::SnsFilterPolicy;

namespace {

SnsFilterPolicy compiled(const std::string& policy, FilterScope scope) {
    auto result = SnsFilterPolicy::compile(json::parse(policy), scope);
    const auto* error = std::get_if<MatchError>(&result);
    REQUIRE_MESSAGE(error == nullptr, policy << " -> " << (error ? error->message : ""));
    return std::get<SnsFilterPolicy>(std::move(result));
}

bool attrs_match(const std::string& policy, const std::string& attributes) {
    return compiled(policy, FilterScope::MessageAttributes).matches_attributes(json::parse(attributes));
}

bool body_matches(const std::string& policy, const std::string& body) {
    return compiled(policy, FilterScope::MessageBody).matches_body(json::parse(body));
}

MatchError error_of(const std::string& policy, FilterScope scope) {
    auto result = SnsFilterPolicy::compile(json::parse(policy), scope);
    REQUIRE_MESSAGE(std::holds_alternative<MatchError>(result), policy << " compiled but should not");
    return std::get<MatchError>(result);
}

std::string attr(const std::string& name, const std::string& type, const std::string& value) {
    return json{{name, {{"Type", type}, {"Value", value}}}}.dump();
}

std::string both(const std::string& a, const std::string& b) {
    json merged = json::parse(a);
    merged.update(json::parse(b));
    return merged.dump();
}

}  // namespace

TEST_SUITE("match") {
    TEST_CASE("string attributes match exactly and case-sensitively, OR within a key, AND across keys") {
        const char* policy = R"({"store": ["example_corp"], "event": ["order_placed", "order_cancelled"]})";
        CHECK(attrs_match(policy,
                          both(attr("store", "String", "example_corp"), attr("event", "String", "order_cancelled"))));
        CHECK_FALSE(attrs_match(policy, attr("store", "String", "example_corp")));
        CHECK_FALSE(attrs_match(R"({"store": ["example_corp"]})", attr("store", "String", "Example_Corp")));
        CHECK(attrs_match(R"({"store": [""]})", attr("store", "String", "")));
    }

    TEST_CASE("number attributes compare numerically and never as strings") {
        CHECK(attrs_match(R"({"price": [{"numeric": ["=", 301.5]}]})", attr("price", "Number", "3.015e2")));
        CHECK(attrs_match(R"({"price": [301.5]})", attr("price", "Number", "301.50")));
        CHECK(attrs_match(R"({"p": [{"numeric": [">", 0, "<=", 100]}]})", attr("p", "Number", "99")));
        CHECK_FALSE(attrs_match(R"({"p": [{"numeric": [">", 0, "<=", 100]}]})", attr("p", "Number", "111")));
        CHECK_FALSE(attrs_match(R"({"p": [{"numeric": [">", 0]}]})", attr("p", "String", "99")));
        CHECK_FALSE(attrs_match(R"({"p": ["99"]})", attr("p", "Number", "99")));
        CHECK(attrs_match(R"({"p": [{"anything-but": [100, 500]}]})", attr("p", "Number", "100.1")));
        CHECK_FALSE(attrs_match(R"({"p": [{"anything-but": [100, 500]}]})", attr("p", "Number", "100")));
    }

    TEST_CASE("String.Array attributes match when any element matches") {
        CHECK(attrs_match(R"({"i": ["rugby"]})", attr("i", "String.Array", R"(["rugby", "tennis"])")));
        CHECK_FALSE(attrs_match(R"({"i": ["rugby"]})", attr("i", "String.Array", R"(["baseball"])")));
        CHECK(attrs_match(R"({"i": [{"anything-but": ["rugby", "tennis"]}]})",
                          attr("i", "String.Array", R"(["rugby", "baseball"])")));
        CHECK_FALSE(attrs_match(R"({"i": [{"anything-but": ["rugby"]}]})", attr("i", "String.Array", R"(["rugby"])")));
        CHECK(attrs_match(R"({"i": [{"prefix": "rug"}]})", attr("i", "String.Array", R"(["x", "rugby"])")));
        CHECK(attrs_match(R"({"p": [{"anything-but": [100, 500]}]})", attr("p", "Number.Array", "[100, 50]")));
        CHECK(attrs_match(R"({"i": [5]})", attr("i", "String.Array", R"(["a", 5])")));
        CHECK_FALSE(attrs_match(R"({"i": ["rugby"]})", attr("i", "String.Array", "not json")));
    }

    TEST_CASE("exists checks whether the attribute was sent; Binary attributes are ignored") {
        CHECK(attrs_match(R"({"store": [{"exists": true}]})", attr("store", "Number", "99")));
        CHECK_FALSE(attrs_match(R"({"store": [{"exists": true}]})", attr("other", "Number", "99")));
        CHECK(attrs_match(R"({"store": [{"exists": false}]})", attr("other", "Number", "99")));
        CHECK_FALSE(attrs_match(R"({"store": [{"exists": false}]})", attr("store", "String", "x")));
        CHECK(attrs_match(R"({"store": [{"exists": false}]})", attr("store", "Binary", "AAAA")));
        CHECK_FALSE(attrs_match(R"({"store": ["x"]})", "{}"));
        CHECK_FALSE(attrs_match(R"({"a": [null, {"anything-but": "whatever"}]})", "{}"));
    }

    TEST_CASE("string operators and cidr work on attributes") {
        CHECK(attrs_match(R"({"k": [{"prefix": "auto-"}]})", attr("k", "String", "auto-1")));
        CHECK_FALSE(attrs_match(R"({"k": [{"prefix": "auto-"}]})", attr("k", "String", "car-1")));
        CHECK(attrs_match(R"({"k": [{"suffix": ".png"}]})", attr("k", "String", "a.png")));
        CHECK(attrs_match(R"({"k": [{"equals-ignore-case": "ABC"}]})", attr("k", "String", "abc")));
        CHECK(attrs_match(R"({"k": [{"anything-but": {"prefix": "x"}}]})", attr("k", "String", "yz")));
        CHECK_FALSE(attrs_match(R"({"k": [{"anything-but": {"prefix": "x"}}]})", attr("k", "String", "xy")));
        CHECK(attrs_match(R"({"ip": [{"cidr": "10.0.0.0/24"}]})", attr("ip", "String", "10.0.0.7")));
        CHECK_FALSE(attrs_match(R"({"ip": [{"cidr": "10.0.0.0/24"}]})", attr("ip", "String", "10.0.1.7")));
    }

    TEST_CASE("$or on attributes matches when any alternative matches") {
        const char* policy =
            R"({"source": ["aws.cloudwatch"], "$or": [{"metricName": ["CPU"]}, {"namespace": ["EC2"]}]})";
        const std::string source = attr("source", "String", "aws.cloudwatch");
        CHECK(attrs_match(policy, both(source, attr("namespace", "String", "EC2"))));
        CHECK_FALSE(attrs_match(policy, both(source, attr("namespace", "String", "S3"))));
    }

    TEST_CASE("an empty policy lets every message through") {
        CHECK(attrs_match("{}", "{}"));
        CHECK(body_matches("{}", R"({"a": 1})"));
        CHECK(body_matches("{}", R"("plain text")"));
    }

    TEST_CASE("body policies follow nesting, dotted keys, arrays and arrays of objects") {
        const char* nested =
            R"({"object": {"key": [{"prefix": "auto-"}, "hardcoded"], "nested_key": [{"exists": false}]},
                             "test": [{"exists": false}]})";
        CHECK(body_matches(nested, R"({"object": {"key": "auto-test"}})"));
        CHECK(body_matches(nested, R"({"object": {"key": "hardcoded"}})"));
        CHECK_FALSE(body_matches(nested, R"({"object": {"key": "auto-test"}, "test": "x"})"));
        CHECK_FALSE(body_matches(nested, R"({"object": {"key": "auto-test", "nested_key": "x"}})"));
        CHECK(body_matches(R"({"object.nested": ["v"]})", R"({"object": {"nested": "v"}})"));
        CHECK(body_matches(R"({"object.nested.test": ["v"]})", R"({"object": {"nested.test": "v"}})"));
        CHECK(body_matches(R"({"headers": {"route-to": ["q1"]}})", R"({"headers": {"route-to": ["q1", "q2"]}})"));
        CHECK_FALSE(body_matches(R"({"headers": {"route-to": ["q1"]}})", R"({"headers": {"route-to": ["q3"]}})"));
        const char* records = R"({"Records": {"s3": {"object": {"key": [{"prefix": "auto-"}]}},
                                          "eventName": [{"prefix": "ObjectCreated:"}]}})";
        CHECK(body_matches(
            records, R"({"Records": [{"eventName": "ObjectCreated:Put", "s3": {"object": [[{"key": "auto-1"}]]}}]})"));
        CHECK_FALSE(body_matches(
            records, R"({"Records": [{"eventName": "ObjectRemoved:Delete", "s3": {"object": {"key": "auto-1"}}},
                                                     {"eventName": "ObjectCreated:Put", "s3": {"object": {"key": "home-1"}}}]})"));
    }

    TEST_CASE("a body that is not a JSON object never matches") {
        CHECK_FALSE(body_matches(R"({"a": [{"exists": false}]})", R"("Regular string message")"));
        CHECK_FALSE(body_matches(R"({"a": [{"exists": false}]})", R"([1, 2])"));
    }

    TEST_CASE("policies are limited to five keys and 150 value combinations") {
        MatchError e =
            error_of(R"({"a": [1], "b": [1], "c": [1], "d": [1], "e": [1], "f": [1]})", FilterScope::MessageAttributes);
        CHECK(e.message ==
              "policy has 6 top-level keys (\"a\", \"b\", \"c\", \"d\", \"e\", \"f\"); SNS allows at most 5");
        CHECK(e.aws_reason == "Filter policy can not have more than 5 keys");

        json wide = {{"key", json::array()}};
        for (int i = 0; i < 151; ++i) wide["key"].push_back("value" + std::to_string(i));
        CHECK(error_of(wide.dump(), FilterScope::MessageAttributes).aws_reason == "Filter policy is too complex");
        wide["key"].erase(wide["key"].begin());
        compiled(wide.dump(), FilterScope::MessageAttributes);

        // Nested keys multiply by depth: 4*3 x 3*2 x 3*1 = 216.
        e = error_of(R"({"key_a": {"key_b": {"key_c": ["1", "2", "3", "4"]}}, "key_d": {"key_e": ["1", "2", "3"]},
                    "key_f": ["1", "2", "3"]})",
                     FilterScope::MessageBody);
        CHECK(e.message ==
              "policy allows more than 150 value combinations (values per key multiplied together, "
              "times nesting depth, summed over $or branches); use fewer values");
    }

    TEST_CASE("$or branches add their combinations together") {
        // (4 x 6) + (4 x 4 x 4) + (4 x 4 x 4) = 152
        error_of(R"({"source": ["a", "b", "c", "d"], "$or": [{"metricName": ["1", "2", "3", "4", "5", "6"]},
               {"metricType": ["1", "2", "3", "4"], "$or": [{"metricId": [1, 2, 3, 4]}, {"spaceId": [1, 2, 3, 4]}]}]})",
                 FilterScope::MessageAttributes);
        // (3 x 6) + (3 x 4 x 4) + (3 x 4 x 7) = 150
        compiled(R"({"source": ["a", "b", "c"], "$or": [{"metricName": ["1", "2", "3", "4", "5", "6"]},
               {"metricType": ["1", "2", "3", "4"], "$or": [{"metricId": [1, 2, 3, 4]}, {"spaceId": [1, 2, 3, 4, 5, 6, 7]}]}]})",
                 FilterScope::MessageAttributes);
    }

    TEST_CASE("attribute policies cannot nest, and SNS's operator set is smaller than EventBridge's") {
        MatchError e = error_of(R"({"object": {"key": [{"prefix": "auto-"}]}})", FilterScope::MessageAttributes);
        CHECK(e.aws_reason == "Filter policy scope MessageAttributes does not support nested filter policy");
        e = error_of(R"({"key": {"suffix": "value"}})", FilterScope::MessageAttributes);
        CHECK(e.path == "key.suffix");
        CHECK(e.aws_reason == "\"suffix\" must be an object or an array");
        e = error_of(R"({"key": [{"anything-but": {"suffix": "test"}}]})", FilterScope::MessageBody);
        CHECK(e.message == "anything-but does not support \"suffix\"; expected prefix");
        CHECK(e.aws_reason == "Unsupported anything-but pattern: suffix");
        CHECK(error_of(R"({"key": [{"wildcard": "a*"}]})", FilterScope::MessageBody).aws_reason ==
              "Unrecognized match type wildcard");
        CHECK(error_of(R"({"key": [{"anything-but": {"prefix": false}}]})", FilterScope::MessageBody).aws_reason ==
              "prefix/suffix match pattern must be a string");
        e = error_of(R"({"key": [{"numeric": [">", 2000000000]}]})", FilterScope::MessageAttributes);
        CHECK(e.message == "numeric value 2000000000 is outside the supported range -1e9..1e9");
        CHECK(error_of(R"({"key": [{"exists": null}]})", FilterScope::MessageAttributes).aws_reason ==
              "exists match pattern must be either true or false.");
        CHECK(error_of(R"({"key": "value_one"})", FilterScope::MessageBody).message ==
              "\"key\" must be an array of values or a nested object, got string \"value_one\"");
    }

    TEST_CASE("the shared SNS conformance file passes in full") {
        const std::string path = std::string(SLSIM_SOURCE_DIR) + "/../shared/conformance/sns-filter-policies.json";
        std::ifstream file(path);
        if (!file) {
            MESSAGE("skipped: " << path << " not found");
            return;
        }
        const json cases = json::parse(file, nullptr, false);
        REQUIRE_FALSE(cases.is_discarded());
        const auto report = sim::conformance::run_sns_suite(cases);
        for (const auto& failure : report.failures) MESSAGE(failure.id << ": " << failure.why);
        CHECK(report.failures.empty());
        CHECK(report.passed == static_cast<int>(cases.size()));
    }

}  // TEST_SUITE
