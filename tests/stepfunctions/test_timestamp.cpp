// test_timestamp.cpp — RFC 3339 parsing and the millisecond ISO form used in the context object.
#include <doctest/doctest.h>

#include "stepfunctions/timestamp.h"

using namespace sim::sfn;

TEST_SUITE("stepfunctions") {
    TEST_CASE("timestamps parse with Z, offsets and fractions into epoch microseconds") {
        CHECK(*parse_timestamp_us("1970-01-01T00:00:00Z") == 0);
        CHECK(*parse_timestamp_us("2016-03-14T01:59:00Z") == 1457920740LL * 1000000);
        CHECK(*parse_timestamp_us("2016-03-14T03:59:00+02:00") == 1457920740LL * 1000000);
        CHECK(*parse_timestamp_us("1970-01-01T00:00:00.25Z") == 250000);
        CHECK(*parse_timestamp_us("2024-02-29T00:00:00Z") == 1709164800LL * 1000000);
    }

    TEST_CASE("malformed timestamps are refused") {
        CHECK_FALSE(parse_timestamp_us("2016-03-14 01:59:00Z"));
        CHECK_FALSE(parse_timestamp_us("2016-03-14T01:59:00"));
        CHECK_FALSE(parse_timestamp_us("2023-02-29T00:00:00Z"));
        CHECK_FALSE(parse_timestamp_us("2016-13-01T00:00:00Z"));
        CHECK_FALSE(parse_timestamp_us("HelloWorld"));
    }

    TEST_CASE("formatting gives millisecond UTC text") {
        CHECK(format_timestamp_us(1457920740LL * 1000000 + 123456) == "2016-03-14T01:59:00.123Z");
        CHECK(format_timestamp_us(0) == "1970-01-01T00:00:00.000Z");
    }
}
