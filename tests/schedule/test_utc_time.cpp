// test_utc_time.cpp — civil-date arithmetic (core/civil_time.h) and the ISO-8601 UTC text form.
#include "schedule/utc_time.h"

#include <doctest/doctest.h>

using namespace sim;
using namespace sim::schedule;

TEST_SUITE("schedule") {
    TEST_CASE("days_from_civil counts days from 1970-01-01 in both directions") {
        CHECK(days_from_civil(1970, 1, 1) == 0);
        CHECK(days_from_civil(1970, 1, 2) == 1);
        CHECK(days_from_civil(1969, 12, 31) == -1);
        CHECK(days_from_civil(2000, 3, 1) == 11017);
        CHECK(days_from_civil(2024, 2, 29) == 19782);
        CHECK(days_from_civil(1600, 1, 1) == -135140);
    }

    TEST_CASE("civil_from_days inverts days_from_civil over four centuries") {
        for (std::int64_t day = days_from_civil(1899, 1, 1); day <= days_from_civil(2301, 1, 1); ++day) {
            const CivilDate d = civil_from_days(day);
            REQUIRE(days_from_civil(d.year, d.month, d.day) == day);
            REQUIRE(d.day >= 1);
            REQUIRE(d.day <= days_in_month(d.year, d.month));
        }
    }

    TEST_CASE("leap years follow the Gregorian century rule") {
        CHECK(is_leap_year(2024));
        CHECK_FALSE(is_leap_year(2023));
        CHECK_FALSE(is_leap_year(1900));
        CHECK(is_leap_year(2000));
        CHECK_FALSE(is_leap_year(2100));
        CHECK(days_in_month(2024, 2) == 29);
        CHECK(days_in_month(2100, 2) == 28);
        CHECK(days_in_month(2024, 4) == 30);
        CHECK(days_in_month(2024, 12) == 31);
        CHECK(days_in_month(2024, 13) == 0);
    }

    TEST_CASE("weekday_from_days gives 0 for Sunday") {
        CHECK(weekday_from_days(0) == 4);                              // 1970-01-01 Thursday
        CHECK(weekday_from_days(days_from_civil(2024, 3, 10)) == 0);   // Sunday
        CHECK(weekday_from_days(days_from_civil(2026, 1, 17)) == 6);   // Saturday
        CHECK(weekday_from_days(days_from_civil(1969, 12, 28)) == 0);  // Sunday, before epoch
    }

    TEST_CASE("format_utc prints YYYY-MM-DDTHH:MM:SSZ") {
        CHECK(format_utc(0) == "1970-01-01T00:00:00Z");
        CHECK(format_utc(1709978400) == "2024-03-09T10:00:00Z");
        CHECK(format_utc(-1) == "1969-12-31T23:59:59Z");
        CHECK(format_utc(951782400) == "2000-02-29T00:00:00Z");
        CHECK(format_utc(days_from_civil(2199, 12, 31) * 86400 + 86399) == "2199-12-31T23:59:59Z");
    }

    TEST_CASE("parse_utc round-trips with format_utc") {
        for (std::int64_t t :
             {std::int64_t{0}, std::int64_t{1709978400}, std::int64_t{-86401}, std::int64_t{7258118399}}) {
            const auto parsed = parse_utc(format_utc(t));
            REQUIRE(parsed.has_value());
            CHECK(*parsed == t);
        }
        CHECK(parse_utc("2024-03-10T09:59:30Z") == std::optional<std::int64_t>(1710064770));
    }

    TEST_CASE("parse_utc rejects malformed text with a reason") {
        std::string error;
        CHECK_FALSE(parse_utc("2024-03-10 09:59:30Z", &error));
        CHECK(error == "expected YYYY-MM-DDTHH:MM:SSZ, got '2024-03-10 09:59:30Z'");
        CHECK_FALSE(parse_utc("2024-03-10T09:59:30", &error));
        CHECK(error == "expected YYYY-MM-DDTHH:MM:SSZ, got '2024-03-10T09:59:30'");
        CHECK_FALSE(parse_utc("2023-02-29T00:00:00Z", &error));
        CHECK(error ==
              "expected YYYY-MM-DDTHH:MM:SSZ, got '2023-02-29T00:00:00Z' "
              "(day 29 is not in 2023-02)");
        CHECK_FALSE(parse_utc("2024-13-01T00:00:00Z", &error));
        CHECK(error ==
              "expected YYYY-MM-DDTHH:MM:SSZ, got '2024-13-01T00:00:00Z' "
              "(month 13 is not 01-12)");
        CHECK_FALSE(parse_utc("2024-01-01T24:00:00Z", &error));
        CHECK(error ==
              "expected YYYY-MM-DDTHH:MM:SSZ, got '2024-01-01T24:00:00Z' "
              "(hour 24 is not 00-23)");
        CHECK_FALSE(parse_utc("2024-01-01T00:00:60Z", &error));
        CHECK(error ==
              "expected YYYY-MM-DDTHH:MM:SSZ, got '2024-01-01T00:00:60Z' "
              "(second 60 is not 00-59)");
        CHECK_FALSE(parse_utc("", &error));
        CHECK_FALSE(parse_utc("2024-01-01t00:00:00z"));
    }

    TEST_CASE("parse_civil reads a time without a zone designator") {
        std::string error;
        const auto t = parse_civil("2022-12-31T23:59:59", &error);
        REQUIRE(t.has_value());
        CHECK(unix_from_civil(*t) == 1672531199);
        CHECK(is_valid_civil(*t));
        CHECK_FALSE(parse_civil("2022-12-31T23:59:59Z", &error));
        CHECK(error == "expected YYYY-MM-DDTHH:MM:SS, got '2022-12-31T23:59:59Z'");
    }

    TEST_CASE("civil_from_unix splits negative instants with floor semantics") {
        const CivilTime t = civil_from_unix(-1);
        CHECK(t.year == 1969);
        CHECK(t.month == 12);
        CHECK(t.day == 31);
        CHECK(t.hour == 23);
        CHECK(t.minute == 59);
        CHECK(t.second == 59);
        CHECK(unix_from_civil(t) == -1);
    }

}  // TEST_SUITE
