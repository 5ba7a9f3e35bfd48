// test_sim_time.cpp — durations parse and print exactly.
#include "core/sim_time.h"

#include <doctest/doctest.h>

using namespace sim;

TEST_SUITE("sim_time") {
    TEST_CASE("durations parse with units, a bare number being seconds") {
        CHECK(parse_duration("90") == sec(90));
        CHECK(parse_duration("90s") == sec(90));
        CHECK(parse_duration("250ms") == msec(250));
        CHECK(parse_duration("10m") == minutes(10));
        CHECK(parse_duration("2h") == hours(2));
        CHECK(parse_duration("1d") == hours(24));
        CHECK(parse_duration("1.5s") == msec(1500));
    }

    TEST_CASE("malformed durations are refused") {
        for (const char* bad : {"", "s", "-5s", "10 m", "10x", "abc", "1e9999"})
            CHECK_FALSE(parse_duration(bad).has_value());
    }

    TEST_CASE("conversions from milliseconds round once to the microsecond") {
        CHECK(from_ms(1.0004).us == 1000);
        CHECK(from_ms(1.0006).us == 1001);
        CHECK(from_ms(-3).us == 0);
    }

    TEST_CASE("durations print readably") {
        CHECK(format_duration(msec(1250)) == "1.250s");
        CHECK(format_duration(sec(61)) == "1m 01.000s");
        CHECK(format_duration(hours(2) + minutes(3)) == "2h 03m 00.000s");
    }
}
