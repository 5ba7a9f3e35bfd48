// test_event_pattern.cpp — EventBridge event patterns: every operator's positive and negative
// cases, arrays, $or, validation messages, quotas, and the shared AWS conformance file.
#include "conformance/conformance.h"
#include "match/event_pattern.h"

#include <doctest/doctest.h>

#include <fstream>
#include <string>

using nlohmann::json;
using sim::match::EventPattern;
using sim::match::MatchError;

namespace {

EventPattern compiled(const std::string& pattern) {
    auto result = EventPattern::compile(json::parse(pattern));
    const auto* error = std::get_if<MatchError>(&result);
    REQUIRE_MESSAGE(error == nullptr, pattern << " -> " << (error ? error->path + ": " + error->message : ""));
    return std::get<EventPattern>(std::move(result));
}

bool matches(const std::string& pattern, const std::string& event) {
    return compiled(pattern).matches(json::parse(event));
}

MatchError error_of(const std::string& pattern) {
    auto result = EventPattern::compile(json::parse(pattern));
    REQUIRE_MESSAGE(std::holds_alternative<MatchError>(result), pattern << " compiled but should not");
    return std::get<MatchError>(result);
}

}  // namespace

TEST_SUITE("match") {
    TEST_CASE("exact values match strings, numbers numerically, booleans and null") {
        CHECK(matches(R"({"source": ["aws.ec2", "aws.s3"]})", R"({"source": "aws.s3"})"));
        CHECK_FALSE(matches(R"({"source": ["aws.ec2"]})", R"({"source": "AWS.EC2"})"));
        CHECK(matches(R"({"n": [300]})", R"({"n": 300.0})"));
        CHECK(matches(R"({"n": [3.018e2]})", R"({"n": 301.8})"));
        CHECK_FALSE(matches(R"({"n": [300]})", R"({"n": "300"})"));
        CHECK_FALSE(matches(R"({"n": ["300"]})", R"({"n": 300})"));
        CHECK(matches(R"({"b": [false]})", R"({"b": false})"));
        CHECK_FALSE(matches(R"({"b": [false]})", R"({"b": "false"})"));
        CHECK(matches(R"({"v": [null]})", R"({"v": null})"));
        CHECK_FALSE(matches(R"({"v": [null]})", R"({"v": ""})"));
        CHECK_FALSE(matches(R"({"v": [null]})", R"({"w": 1})"));
        CHECK(matches(R"({"v": [""]})", R"({"v": ""})"));
        CHECK_FALSE(matches(R"({"v": [""]})", R"({"v": null})"));
    }

    TEST_CASE("field names are case-sensitive and every named field must match") {
        CHECK_FALSE(matches(R"({"MY_KEY": ["v"]})", R"({"my_key": "v"})"));
        CHECK_FALSE(matches(R"({"source": ["order"], "detail-type": ["Test"]})", R"({"source": "order"})"));
        CHECK(matches(R"({"source": ["order"], "detail-type": ["Test"]})",
                      R"({"source": "order", "detail-type": "Test", "extra": 1})"));
    }

    TEST_CASE("dotted keys and nested objects are the same path in pattern and event") {
        const char* nested = R"({"detail": {"state": {"status": ["running"]}}})";
        const char* dotted = R"({"detail": {"state.status": ["running"]}})";
        CHECK(matches(nested, R"({"detail": {"state.status": "running"}})"));
        CHECK(matches(dotted, R"({"detail": {"state": {"status": "running"}}})"));
        CHECK(matches(dotted, R"({"detail.state": {"status": "running"}})"));
        CHECK_FALSE(matches(nested, R"({"detail": {"state.status": {"status": "running"}}})"));
    }

    TEST_CASE("a detail that is a JSON string is not parsed") {
        CHECK_FALSE(matches(R"({"detail": {"k": ["v"]}})", R"({"detail": "{\"k\": \"v\"}"})"));
    }

    TEST_CASE("prefix and suffix match strings only, optionally ignoring case") {
        CHECK(matches(R"({"time": [{"prefix": "2022-07-13"}]})", R"({"time": "2022-07-13T13:48:01Z"})"));
        CHECK_FALSE(matches(R"({"time": [{"prefix": "2022-07-99"}]})", R"({"time": "2022-07-13T13:48:01Z"})"));
        CHECK(matches(R"({"s": [{"prefix": ""}]})", R"({"s": "anything"})"));
        CHECK_FALSE(matches(R"({"s": [{"prefix": ""}]})", R"({"s": 12})"));
        CHECK(matches(R"({"s": [{"prefix": {"equals-ignore-case": "EventB"}}]})", R"({"s": "eVENTbridge"})"));
        CHECK_FALSE(matches(R"({"s": [{"prefix": {"equals-ignore-case": "EventB"}}]})", R"({"s": "Event"})"));
        CHECK(matches(R"({"f": [{"suffix": ".png"}]})", R"({"f": "image.png"})"));
        CHECK_FALSE(matches(R"({"f": [{"suffix": ".PNG"}]})", R"({"f": "image.png"})"));
        CHECK(matches(R"({"f": [{"suffix": {"equals-ignore-case": ".png"}}]})", R"({"f": "IMAGE.PnG"})"));
        CHECK_FALSE(matches(R"({"f": [{"suffix": {"equals-ignore-case": ".png"}}]})", R"({"f": "image.jpg"})"));
    }

    TEST_CASE("equals-ignore-case folds ASCII and common non-ASCII letters") {
        CHECK(matches(R"({"n": [{"equals-ignore-case": "alice"}]})", R"({"n": "ALICE"})"));
        CHECK(matches(R"({"n": [{"equals-ignore-case": "ÉCOLE жук"}]})", R"({"n": "école ЖУК"})"));
        CHECK_FALSE(matches(R"({"n": [{"equals-ignore-case": "alice"}]})", R"({"n": "alicia"})"));
        CHECK(matches(R"({"n": [{"equals-ignore-case": ""}]})", R"({"n": ""})"));
        CHECK_FALSE(matches(R"({"n": [{"equals-ignore-case": ""}]})", R"({"n": "x"})"));
    }

    TEST_CASE("wildcard matches any run of characters and honours escapes") {
        CHECK(matches(R"({"f": [{"wildcard": "dir/*/x*.png"}]})", R"({"f": "dir/a/b/xyz.png"})"));
        CHECK_FALSE(matches(R"({"f": [{"wildcard": "dir/*/x*.png"}]})", R"({"f": "dir/a/b/yz.png"})"));
        CHECK(matches(R"({"f": [{"wildcard": "/Users/*/doc.txt"}]})", R"({"f": "/Users/u/d/d/doc.txt"})"));
        CHECK(matches(R"({"f": [{"wildcard": "a\\*b"}]})", R"({"f": "a*b"})"));
        CHECK_FALSE(matches(R"({"f": [{"wildcard": "a\\*b"}]})", R"({"f": "axb"})"));
        CHECK(matches(R"({"f": [{"wildcard": "a\\\\b"}]})", R"({"f": "a\\b"})"));
        CHECK(matches(R"({"f": [{"wildcard": ""}]})", R"({"f": ""})"));
        CHECK_FALSE(matches(R"({"f": [{"wildcard": ""}]})", R"({"f": "x"})"));
        CHECK_FALSE(matches(R"({"f": [{"wildcard": "*"}]})", R"({"f": 5})"));
    }

    TEST_CASE("anything-but excludes values, needs the field present, and passes null and other types") {
        const char* one = R"({"d": {"state": [{"anything-but": "initializing"}]}})";
        CHECK(matches(one, R"({"d": {"state": "pending"}})"));
        CHECK_FALSE(matches(one, R"({"d": {"state": "initializing"}})"));
        CHECK(matches(one, R"({"d": {"state": null}})"));
        CHECK(matches(one, R"({"d": {"state": 5}})"));
        CHECK_FALSE(matches(one, R"({"d": {}})"));
        const char* list = R"({"s": [{"anything-but": ["stopped", "overloaded"]}]})";
        CHECK(matches(list, R"({"s": "running"})"));
        CHECK_FALSE(matches(list, R"({"s": "stopped"})"));
        const char* numbers = R"({"x": [{"anything-but": [100, 200, 300]}]})";
        CHECK(matches(numbers, R"({"x": 999})"));
        CHECK_FALSE(matches(numbers, R"({"x": 100.0})"));
        CHECK(matches(numbers, R"({"x": "100"})"));
        CHECK_FALSE(matches(R"({"x": [{"anything-but": 0}]})", R"({"x": 0})"));
    }

    TEST_CASE("anything-but prefix, suffix, wildcard and equals-ignore-case accept a value or a list") {
        CHECK(matches(R"({"s": [{"anything-but": {"prefix": "init"}}]})", R"({"s": "post-init"})"));
        CHECK_FALSE(matches(R"({"s": [{"anything-but": {"prefix": "init"}}]})", R"({"s": "init-1"})"));
        CHECK(matches(R"({"s": [{"anything-but": {"prefix": "init"}}]})", R"({"s": 12})"));
        CHECK_FALSE(matches(R"({"s": [{"anything-but": {"prefix": ["init", "post"]}}]})", R"({"s": "post-init"})"));
        CHECK(matches(R"({"f": [{"anything-but": {"suffix": ".txt"}}]})", R"({"f": "a.txt.bak"})"));
        CHECK_FALSE(matches(R"({"f": [{"anything-but": {"suffix": [".txt", ".jpg"]}}]})", R"({"f": "a.jpg"})"));
        CHECK(matches(R"({"p": [{"anything-but": {"wildcard": "*/lib/*"}}]})", R"({"p": "src/main.c"})"));
        CHECK_FALSE(matches(R"({"p": [{"anything-but": {"wildcard": ["*/lib/*", "*.o"]}}]})", R"({"p": "x.o"})"));
        CHECK(matches(R"({"p": [{"anything-but": {"wildcard": ""}}]})", R"({"p": "x"})"));
        CHECK_FALSE(matches(R"({"s": [{"anything-but": {"equals-ignore-case": "init"}}]})", R"({"s": "INIT"})"));
        CHECK(matches(R"({"s": [{"anything-but": {"equals-ignore-case": ["a", "b"]}}]})", R"({"s": "c"})"));
        CHECK(matches(R"({"s": [{"anything-but": {"equals-ignore-case": ["a", "b"]}}]})", R"({"s": null})"));
        CHECK_FALSE(matches(R"({"s": [{"anything-but": {"equals-ignore-case": ["a", "b"]}}]})", R"({"t": "c"})"));
    }

    TEST_CASE("numeric compares JSON numbers only, with ranges and inclusive or exclusive ends") {
        CHECK(matches(R"({"n": [{"numeric": ["=", 301.8]}]})", R"({"n": 3.018e2})"));
        CHECK(matches(R"({"n": [{"numeric": ["<", 10]}]})", R"({"n": 9.999999})"));
        CHECK_FALSE(matches(R"({"n": [{"numeric": ["<", 10]}]})", R"({"n": 10})"));
        CHECK(matches(R"({"n": [{"numeric": ["<=", 10]}]})", R"({"n": 10})"));
        CHECK_FALSE(matches(R"({"n": [{"numeric": [">", 10]}]})", R"({"n": 10})"));
        CHECK(matches(R"({"n": [{"numeric": [">=", 10]}]})", R"({"n": 10})"));
        const char* range = R"({"n": [{"numeric": [">", 0, "<=", 5]}]})";
        CHECK(matches(range, R"({"n": 5})"));
        CHECK_FALSE(matches(range, R"({"n": 0})"));
        CHECK_FALSE(matches(range, R"({"n": 5.000001})"));
        CHECK_FALSE(matches(range, R"({"n": "3"})"));
        CHECK_FALSE(matches(range, R"({"n": null})"));
        CHECK_FALSE(matches(R"({"n": [{"numeric": [">", 0]}]})", R"({"n": 6e9})"));
        CHECK(matches(R"({"n": [{"numeric": [">=", -5e9, "<=", 5e9]}]})", R"({"n": -5e9})"));
    }

    TEST_CASE("exists looks at leaves only: objects and empty arrays count as absent, null as present") {
        CHECK(matches(R"({"d": {"k": [{"exists": true}]}})", R"({"d": {"k": null}})"));
        CHECK_FALSE(matches(R"({"d": {"k": [{"exists": true}]}})", R"({"d": {"k": {"c": 1}}})"));
        CHECK(matches(R"({"d": {"k": [{"exists": false}]}})", R"({"d": {"k": {"c": 1}}})"));
        CHECK_FALSE(matches(R"({"resources": [{"exists": true}]})", R"({"resources": []})"));
        CHECK(matches(R"({"resources": [{"exists": false}]})", R"({"resources": []})"));
        CHECK(matches(R"({"a": {"b": {"c": [{"exists": false}]}}})", R"({"x": 1})"));
        CHECK_FALSE(matches(R"({"d": {"k": [{"exists": false}]}})", R"({"d": {"k": "v"}})"));
        CHECK(matches(R"({"k": [{"anything-but": ["roses"]}, {"exists": false}]})", R"({"j": 1})"));
        CHECK(matches(R"({"k": [{"exists": true}, {"prefix": "IGNORED"}]})", R"({"k": "v"})"));
    }

    TEST_CASE("cidr matches IPv4 and IPv6 strings in the block and nothing else") {
        const char* v4 = R"({"ip": [{"cidr": "10.0.0.0/24"}]})";
        CHECK(matches(v4, R"({"ip": "10.0.0.255"})"));
        CHECK_FALSE(matches(v4, R"({"ip": "10.0.1.0"})"));
        CHECK_FALSE(matches(v4, R"({"ip": "10.0.0.256"})"));
        CHECK_FALSE(matches(v4, R"({"ip": 10})"));
        const char* v6 = R"({"ip": [{"cidr": "2001:db8:1234:1a00::/64"}]})";
        CHECK(matches(v6, R"({"ip": "2001:0db8:1234:1a00:0000:0000:0000:0001"})"));
        CHECK(matches(v6, R"({"ip": "2001:db8:1234:1a00:ffff::"})"));
        CHECK_FALSE(matches(v6, R"({"ip": "2001:db8:1234:1a01::"})"));
        CHECK_FALSE(matches(v6, R"({"ip": "10.0.0.1"})"));
        CHECK(matches(R"({"ip": ["2001:db8::1"]})", R"({"ip": "2001:0db8:0:0:0:0:0:1"})"));
    }

    TEST_CASE("$or matches when any alternative matches and combines with the other fields") {
        const char* pattern = R"({"source": ["aws.cloudwatch"], "$or": [
        {"metricName": ["CPUUtilization"]}, {"namespace": ["AWS/EC2"], "$or": [{"a": [1]}, {"b": [2]}]}]})";
        CHECK(matches(pattern, R"({"source": "aws.cloudwatch", "metricName": "CPUUtilization"})"));
        CHECK(matches(pattern, R"({"source": "aws.cloudwatch", "namespace": "AWS/EC2", "b": 2})"));
        CHECK_FALSE(matches(pattern, R"({"source": "aws.cloudwatch", "namespace": "AWS/EC2"})"));
        CHECK_FALSE(matches(pattern, R"({"source": "other", "metricName": "CPUUtilization"})"));
        CHECK(matches(R"({"d": {"$or": [{"c": [{"numeric": [">", 0]}]}, {"x": [1]}]}})", R"({"d": {"x": 1}})"));
        CHECK(matches(R"({"$or": {"a": ["v"]}})", R"({"$or": {"a": "v"}})"));
    }

    TEST_CASE("event arrays match when any element matches") {
        const char* pattern = R"({"resources": ["arn:1", "arn:2"]})";
        CHECK(matches(pattern, R"({"resources": ["arn:0", "arn:2"]})"));
        CHECK_FALSE(matches(pattern, R"({"resources": ["arn:0"]})"));
        CHECK_FALSE(matches(R"({"resources": [null]})", R"({"resources": []})"));
        CHECK(matches(R"({"d": {"a": {"id": [{"exists": true}]}}})", R"({"d": {"a": [{"k": 1}, {"id": "x"}]}})"));
        CHECK(matches(R"({"r": {"k": ["v"]}})", R"({"r": [[{"k": "w"}], [[{"k": "v"}]]]})"));
    }

    TEST_CASE("fields matched together must come from the same array element") {
        const char* event = R"({"employees": [{"first": "John", "last": "Doe"}, {"first": "Anna", "last": "Smith"},
                                          {"first": "Peter", "last": "Jones"}]})";
        CHECK(matches(R"({"employees": {"first": ["Anna"], "last": ["Smith"]}})", event));
        CHECK_FALSE(matches(R"({"employees": {"first": ["Anna"], "last": ["Jones"]}})", event));
        CHECK(matches(R"({"employees": {"first": ["Anna", "Peter"], "last": ["Jones"]}})", event));
    }

}  // TEST_SUITE

TEST_SUITE("match") {
    TEST_CASE("structural mistakes are rejected with the path, the bad value and AWS's reason") {
        MatchError e = error_of(R"({"int": 42})");
        CHECK(e.path == "int");
        CHECK(e.message == "\"int\" must be an array of values or a nested object, got number 42");
        CHECK(e.aws_reason == "\"int\" must be an object or an array");

        e = error_of(R"([1])");
        CHECK(e.path == "");
        CHECK(e.message == "pattern must be a JSON object, got an array");

        e = error_of(R"({"detail": {}})");
        CHECK(e.path == "detail");
        CHECK(e.message == "object is empty; give each field an array of values or a nested object");

        e = error_of(R"({"resources": []})");
        CHECK(e.path == "resources");
        CHECK(e.message == "array is empty; give at least one value to match");
        CHECK(e.aws_reason == "Empty arrays are not allowed");

        e = error_of(R"({"a": [[1]]})");
        CHECK(e.path == "a[0]");
        CHECK(e.message == "match value must be a string, number, boolean, null or operator object, got an array");
    }

    TEST_CASE("operator mistakes are rejected with the operator's path") {
        MatchError e = error_of(R"({"d": {"e": [{"NUMERIC": ["=", 5]}]}})");
        CHECK(e.path == "d.e[0].NUMERIC");
        CHECK(e.message ==
              "unknown operator \"NUMERIC\"; expected one of prefix, suffix, equals-ignore-case, "
              "wildcard, anything-but, numeric, exists, cidr (names are case-sensitive)");
        CHECK(e.aws_reason == "Unrecognized match type NUMERIC");

        e = error_of(R"({"a": [{"prefix": "x", "suffix": "y"}]})");
        CHECK(e.message ==
              "operator object has 2 keys (\"prefix\", \"suffix\"); put each operator in its own "
              "object in the array");
        CHECK(e.aws_reason == "Only one key allowed in match expression");

        e = error_of(R"({"a": [{"prefix": 123}]})");
        CHECK(e.path == "a[0].prefix");
        CHECK(e.message == "prefix needs a string, got number 123");
        CHECK(e.aws_reason == "prefix match pattern must be a string");

        CHECK(error_of(R"({"a": [{"suffix": [".png"]}]})").aws_reason == "suffix match pattern must be a string");
        CHECK(error_of(R"({"a": [{"equals-ignore-case": {"prefix": "x"}}]})").aws_reason ==
              "equals-ignore-case match pattern must be a string");
        CHECK(error_of(R"({"a": [{"exists": "yes"}]})").message == "exists needs true or false, got string \"yes\"");
    }

    TEST_CASE("numeric operands are validated like AWS validates them") {
        MatchError e = error_of(R"({"d": {"c": [{"numeric": [">", 0, ">", 0]}]}})");
        CHECK(e.path == "d.c[0].numeric[2]");
        CHECK(e.message == "numeric range needs \"<\" or \"<=\" after the lower bound, got \">\"");
        CHECK(e.aws_reason == "Bad numeric range operator: >");

        e = error_of(R"({"c": [{"numeric": [">", 0, "<"]}]})");
        CHECK(e.message == "numeric operator \"<\" needs a number after it, got nothing");
        CHECK(e.aws_reason == "Value of < must be numeric");

        CHECK(error_of(R"({"c": [{"numeric": 10}]})").aws_reason == "Value of numeric must be an array.");
        CHECK(error_of(R"({"c": [{"numeric": []}]})").aws_reason == "Invalid member in numeric match: ]");
        CHECK(error_of(R"({"c": [{"numeric": [1, "<="]}]})").aws_reason == "Invalid member in numeric match: 1");
        CHECK(error_of(R"({"c": [{"numeric": ["==", 1]}]})").aws_reason == "Unrecognized numeric range operator: ==");
        CHECK(error_of(R"({"c": [{"numeric": ["=", "000"]}]})").aws_reason == "Value of equals must be numeric");
        CHECK(error_of(R"({"c": [{"numeric": ["<", 100, ">", 10]}]})").aws_reason ==
              "Too many elements in numeric expression");
        CHECK(error_of(R"({"c": [{"numeric": [">", 20, 30]}]})").aws_reason == "Bad value in numeric range: 30");
        CHECK(error_of(R"({"c": [{"numeric": [">", 20, "<", 30, "<", 50]}]})").aws_reason ==
              "Too many terms in numeric range expression");

        e = error_of(R"({"c": [{"numeric": [">", 3, "<", 1]}]})");
        CHECK(e.message == "numeric range is empty: lower bound 3 is not below upper bound 1");
        CHECK(e.aws_reason == "Bottom must be less than top");

        e = error_of(R"({"c": [{"numeric": [">", 6000000000]}]})");
        CHECK(e.path == "c[0].numeric[1]");
        CHECK(e.message == "numeric value 6000000000 is outside the supported range -5e9..5e9");
        CHECK(e.aws_reason == "Value must be between -5.0E9 and 5.0E9, inclusive");
    }

    TEST_CASE("anything-but operands are validated like AWS validates them") {
        MatchError e = error_of(R"({"s": [{"anything-but": null}]})");
        CHECK(e.message ==
              "anything-but needs a string, a number, a list of them, or an object such as "
              "{\"prefix\": \"x\"}, got null");
        CHECK(e.aws_reason == "Value of anything-but must be an array or single string/number value.");

        e = error_of(R"({"s": [{"anything-but": ["stopped", null]}]})");
        CHECK(e.path == "s[0].anything-but[1]");
        CHECK(e.aws_reason == "Inside anything but list, start|null|boolean is not supported.");

        CHECK(error_of(R"({"s": [{"anything-but": ["x", 1]}]})").message ==
              "anything-but list mixes strings and numbers; use one type");
        e = error_of(R"({"s": [{"anything-but": {"prefix": ""}}]})");
        CHECK(e.message == "anything-but prefix must not be empty (it would exclude every string)");
        CHECK(e.aws_reason == "Null prefix/suffix not allowed");
        CHECK(error_of(R"({"s": [{"anything-but": {"suffix": [123, ".txt"]}}]})").aws_reason ==
              "prefix/suffix match pattern must be a string");
        CHECK(error_of(R"({"s": [{"anything-but": {"equals-ignore-case": 123}}]})").aws_reason ==
              "Inside anything-but/equals-ignore-case list, number|start|null|boolean is not supported.");
        CHECK(error_of(R"({"s": [{"anything-but": {"prefix": {"equals-ignore-case": "f"}}}]})").aws_reason ==
              "Value of anything-but must be an array or single string/number value.");
        e = error_of(R"({"s": [{"anything-but": {"contains": "x"}}]})");
        CHECK(e.message ==
              "anything-but does not support \"contains\"; expected prefix, suffix, "
              "equals-ignore-case or wildcard");
        CHECK(e.aws_reason == "Unsupported anything-but pattern: contains");
    }

    TEST_CASE("wildcard and cidr operands are validated like AWS validates them") {
        MatchError e = error_of(R"({"arn": [{"wildcard": "arn:aws:events:us-east-1:**:event-bus/*"}]})");
        CHECK(e.message ==
              "wildcard \"arn:aws:events:us-east-1:**:event-bus/*\" has consecutive '*' at position "
              "26; use a single '*'");
        CHECK(e.aws_reason == "Consecutive wildcard characters at pos 26");
        CHECK(error_of(R"({"a": [{"wildcard": "a\\b"}]})").aws_reason == "Invalid escape character at pos 2");
        CHECK(error_of(R"({"a": [{"wildcard": 123}]})").aws_reason == "wildcard match pattern must be a string");

        e = error_of(R"({"ip": [{"cidr": "bad-filter"}]})");
        CHECK(e.path == "ip[0].cidr");
        CHECK(e.aws_reason == "Malformed CIDR, one '/' required");
        CHECK(error_of(R"({"ip": [{"cidr": "bad-/64filter"}]})").message ==
              "CIDR mask bits \"64filter\" are not an integer");
        CHECK(error_of(R"({"ip": [{"cidr": "xxxx:db8:1234:1a00::/64"}]})").aws_reason ==
              "Nonstandard IP address: xxxx:db8:1234:1a00::");
        CHECK(error_of(R"({"ip": [{"cidr": "10.0.0.256/8"}]})").aws_reason == "Invalid IP address: 10.0.0.256");
        CHECK(error_of(R"({"ip": [{"cidr": "10.0.0.0/32"}]})").aws_reason == "IPv4 mask bits must be < 32");
    }

    TEST_CASE("$or needs two or more objects and no operator names as fields") {
        CHECK(error_of(R"({"$or": [{"a": [1]}]})").message == "$or needs at least 2 objects, got 1");
        MatchError e = error_of(R"({"$or": [{"a": [1]}, {"prefix": ["x"]}]})");
        CHECK(e.path == "$or[1].prefix");
        CHECK(e.message == "\"prefix\" is an operator name and cannot be a field name inside $or");
        CHECK(error_of(R"({"$or": [{"a": [1]}, 2]})").aws_reason ==
              "Only JSON object is allowed in array of $or relationship.");
    }

    TEST_CASE("too many live wildcard prefixes on one field is rejected as too complex") {
        MatchError e = error_of(R"({"EventBusArn": [{"wildcard": "*:*:*:*:*:event-bus/*"}]})");
        CHECK(e.path == "EventBusArn");
        CHECK(e.aws_reason ==
              "Rule is too complex - try using fewer wildcard characters or fewer repeating "
              "character sequences after a wildcard character");
        compiled(R"({"k": [{"wildcard": "*/datasync/*.bif"}, {"wildcard": "*/datasync/*.tif"}]})");
        error_of(R"({"k": [{"wildcard": "*/datasync/*.bif"}, {"wildcard": "*/datasync/*.tif"},
                       {"wildcard": "*/datasync/*.tiff"}, {"wildcard": "*/datasync/*.svs"}]})");
    }

    TEST_CASE("patterns longer than the 2,048-character quota are rejected") {
        const std::string long_value(2100, 'x');
        MatchError e = error_of(R"({"a": [")" + long_value + R"("]})");
        CHECK(e.message ==
              "pattern is 2110 characters long; EventBridge allows at most 2048 (quota \"Event "
              "pattern size\")");
    }

    TEST_CASE("compile_text reads the pattern's JSON text and reports text that is not JSON") {
        auto ok = EventPattern::compile_text(R"({"source": ["aws.s3"]})");
        REQUIRE(std::holds_alternative<EventPattern>(ok));
        CHECK(std::get<EventPattern>(ok).matches(json::parse(R"({"source": "aws.s3"})")));
        auto bad = EventPattern::compile_text(R"({"source": [)");
        REQUIRE(std::holds_alternative<MatchError>(bad));
        CHECK(std::get<MatchError>(bad).message.rfind("pattern is not valid JSON at line 1, column ", 0) == 0);
        // A number beyond a double's range (max ~1.8e308) is refused where it stands: byte 12 is column 13.
        auto huge = EventPattern::compile_text(R"({"source": [1e+400]})");
        REQUIRE(std::holds_alternative<MatchError>(huge));
        CHECK(std::get<MatchError>(huge).message ==
              "pattern is not valid JSON at line 1, column 13: number overflow parsing '1e+400'");
        CHECK_FALSE(std::get<EventPattern>(ok).matches(json::parse(R"(["not", "an", "object"])")));
    }

    TEST_CASE("the shared EventBridge conformance file passes in full") {
        const std::string path = std::string(SLSIM_SOURCE_DIR) + "/../shared/conformance/eventbridge-patterns.json";
        std::ifstream file(path);
        if (!file) {
            MESSAGE("skipped: " << path << " not found");
            return;
        }
        const json cases = json::parse(file, nullptr, false);
        REQUIRE_FALSE(cases.is_discarded());
        const auto report = sim::conformance::run_eventbridge_suite(cases);
        for (const auto& failure : report.failures) MESSAGE(failure.id << ": " << failure.why);
        CHECK(report.failures.empty());
        CHECK(report.passed == static_cast<int>(cases.size()));
    }

}  // TEST_SUITE
