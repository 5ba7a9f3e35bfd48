// test_schedule_expression.cpp — rate/cron/at parsing (exact error texts) and fire times.
#include "schedule/schedule_expression.h"
#include "schedule/utc_time.h"

#include <doctest/doctest.h>

#include <limits>
#include <string>
#include <vector>

using namespace sim::schedule;

namespace {

ScheduleExpression parse_ok(std::string_view text) {
    auto parsed = ScheduleExpression::parse(text);
    if (const auto* error = std::get_if<ScheduleError>(&parsed)) FAIL(error->message);
    return std::get<ScheduleExpression>(parsed);
}

std::string parse_error(std::string_view text) {
    const auto parsed = ScheduleExpression::parse(text);
    if (const auto* error = std::get_if<ScheduleError>(&parsed)) return error->message;
    return "(parsed)";
}

std::int64_t at(const char* iso) {
    const auto t = parse_utc(iso);
    REQUIRE(t.has_value());
    return *t;
}

// The first `count` fire times strictly after `after` (anchor = after, as for a new rule).
std::vector<std::string> fires(std::string_view expr, const char* after, std::size_t count) {
    const ScheduleExpression e = parse_ok(expr);
    std::vector<std::string> out;
    std::int64_t t = at(after);
    const std::int64_t anchor = t;
    while (out.size() < count) {
        const auto next = e.next_after(t, anchor);
        if (!next) break;
        REQUIRE(*next > t);
        out.push_back(format_utc(*next));
        t = *next;
    }
    return out;
}

// Every fire time in [from, to).
std::vector<std::int64_t> fires_between(std::string_view expr, const char* from, const char* to) {
    const ScheduleExpression e = parse_ok(expr);
    std::vector<std::int64_t> out;
    const std::int64_t end = at(to);
    std::int64_t t = at(from) - 1;
    while (true) {
        const auto next = e.next_after(t);
        if (!next || *next >= end) break;
        out.push_back(*next);
        t = *next;
    }
    return out;
}

using Times = std::vector<std::string>;

}  // namespace

TEST_SUITE("schedule") {
    // ---- rate ------------------------------------------------------------------------------------

    TEST_CASE("rate expressions accept singular for 1 and plural above 1") {
        CHECK(parse_ok("rate(1 minute)").rate_seconds() == 60);
        CHECK(parse_ok("rate(5 minutes)").rate_seconds() == 300);
        CHECK(parse_ok("rate(1 hour)").rate_seconds() == 3600);
        CHECK(parse_ok("rate(12 hours)").rate_seconds() == 43200);
        CHECK(parse_ok("rate(1 day)").rate_seconds() == 86400);
        CHECK(parse_ok("rate(7 days)").rate_seconds() == 604800);
        const ScheduleExpression e = parse_ok("rate(5 minutes)");
        CHECK(e.is_rate());
        CHECK_FALSE(e.is_cron());
        CHECK(e.kind() == ScheduleKind::Rate);
        CHECK(e.text() == "rate(5 minutes)");
    }

    TEST_CASE("rate expressions AWS rejects give a reason naming the bad part") {
        CHECK(parse_error("rate(1 minutes)") ==
              "rate value 1 needs the singular unit 'minute', "
              "got 'minutes'");
        CHECK(parse_error("rate(1 days)") == "rate value 1 needs the singular unit 'day', got 'days'");
        CHECK(parse_error("rate(10 hour)") ==
              "rate value 10 needs the plural unit 'hours', "
              "got 'hour'");
        CHECK(parse_error("rate(10 seconds)") ==
              "rate unit must be minute, minutes, hour, hours, day "
              "or days, got 'seconds'");
        CHECK(parse_error("rate(10 years)") ==
              "rate unit must be minute, minutes, hour, hours, day "
              "or days, got 'years'");
        CHECK(parse_error("rate(10 MINUTES)") ==
              "rate unit must be minute, minutes, hour, hours, "
              "day or days, got 'MINUTES'");
        CHECK(parse_error("rate(10 minutess)") ==
              "rate unit must be minute, minutes, hour, hours, "
              "day or days, got 'minutess'");
        CHECK(parse_error("rate(0 minutes)") == "rate value must be a positive integer, got '0'");
        CHECK(parse_error("rate(-10 minutes)") == "rate value must be a positive integer, got '-10'");
        CHECK(parse_error("rate(foo minutes)") == "rate value must be a positive integer, got 'foo'");
        CHECK(parse_error("rate()") ==
              "rate expression needs a value and a unit, as in "
              "rate(5 minutes), got 'rate()'");
        CHECK(parse_error("rate(10)") ==
              "rate expression needs a value and a unit separated by one "
              "space, as in rate(5 minutes), got 'rate(10)'");
        CHECK(parse_error("rate( 10 minutes )") ==
              "rate expression must not start or end with a "
              "space inside the parentheses, got "
              "'rate( 10 minutes )'");
        CHECK(parse_error("rate(10  minutes)") ==
              "rate unit must be minute, minutes, hour, hours, "
              "day or days, got ' minutes'");
        CHECK(parse_error("rate(10000000000000 days)") ==
              "rate value 10000000000000 is too large "
              "(at most 1000000000000)");
    }

    TEST_CASE("anything that is not rate(, cron( or at( is rejected") {
        const std::string tail =
            "schedule expression must be rate(value unit), cron(fields) or "
            "at(yyyy-mm-ddThh:mm:ss), got ";
        CHECK(parse_error(" rate(10 minutes)") == tail + "' rate(10 minutes)'");
        CHECK(parse_error("rate(10 minutes) ") == tail + "'rate(10 minutes) '");
        CHECK(parse_error("RATE(10 minutes)") == tail + "'RATE(10 minutes)'");
        CHECK(parse_error("") == tail + "''");
        CHECK(parse_error("cron(0 10 * * ? *") == tail + "'cron(0 10 * * ? *'");
        CHECK(parse_error("every 5 minutes") == tail + "'every 5 minutes'");
    }

    TEST_CASE("a rate schedule fires at anchor plus whole intervals") {
        CHECK(fires("rate(1 minute)", "2024-01-01T00:00:00Z", 3) ==
              Times{"2024-01-01T00:01:00Z", "2024-01-01T00:02:00Z", "2024-01-01T00:03:00Z"});
        const ScheduleExpression e = parse_ok("rate(5 minutes)");
        const std::int64_t anchor = at("2024-01-01T00:00:00Z");
        CHECK(e.next_after(anchor, anchor) == anchor + 300);
        CHECK(e.next_after(anchor + 299, anchor) == anchor + 300);
        CHECK(e.next_after(anchor + 300, anchor) == anchor + 600);  // strictly after
        CHECK(e.next_after(anchor + 420, anchor) == anchor + 600);
        CHECK(e.next_after(anchor - 3600, anchor) == anchor + 300);  // never before the first fire
        CHECK(fires("rate(2 days)", "2024-02-27T13:37:00Z", 3) ==
              Times{"2024-02-29T13:37:00Z", "2024-03-02T13:37:00Z", "2024-03-04T13:37:00Z"});
    }

    TEST_CASE("a rate schedule far in the future returns nullopt instead of overflowing") {
        constexpr std::int64_t kMax = std::numeric_limits<std::int64_t>::max();
        const ScheduleExpression e = parse_ok("rate(1 day)");
        CHECK_FALSE(e.next_after(kMax - 10, kMax - 100).has_value());
        CHECK(e.next_after(0, 0) == 86400);
        CHECK(parse_ok("rate(1000000000000 days)").next_after(0, 0) == 86'400'000'000'000'000);
    }

    // ---- cron: validity --------------------------------------------------------------------------

    TEST_CASE("cron expressions from the AWS documentation parse") {
        for (const char* text : {"cron(0 10 * * ? *)",
                                 "cron(15 12 * * ? *)",
                                 "cron(0 18 ? * MON-FRI *)",
                                 "cron(0 8 1 * ? *)",
                                 "cron(0/15 * * * ? *)",
                                 "cron(0/10 * ? * MON-FRI *)",
                                 "cron(0/5 8-17 ? * MON-FRI *)",
                                 "cron(0/30 20-23 ? * MON-FRI *)",
                                 "cron(0/30 0-2 ? * MON-FRI *)",
                                 "cron(15 10 ? * 6L 2002-2005)",
                                 "cron(0 2 ? * SAT#3 *)",
                                 "cron(0 9 ? * 3#2 *)",
                                 "cron(0 0 L * ? *)",
                                 "cron(0 0 LW * ? *)",
                                 "cron(0 0 3W * ? *)",
                                 "cron(0 10 * JAN,FEB,MAR ? *)",
                                 "cron(0 0 1-15 * ? *)",
                                 "cron(1/10 * * * ? *)",
                                 "cron(0 0 ? * L *)",
                                 "cron(0 0 L-3 * ? *)",
                                 "cron(0 18 ? * mon-fri *)",
                                 "cron(0-59/10 0-23/2 ? * * *)",
                                 "cron(0 22-2 * * ? *)",
                                 "cron(* * * * ? *)",
                                 "cron(0  10 * * ? *)",
                                 "cron(0 0 * * ? 1970,2199)",
                                 "cron(0 0 ? * FRIL *)"}) {
            CAPTURE(text);
            const ScheduleExpression e = parse_ok(text);
            CHECK(e.is_cron());
            CHECK(e.rate_seconds() == 0);
        }
    }

    TEST_CASE("invalid cron expressions name the field and the bad token") {
        CHECK(parse_error("cron()") ==
              "cron expression needs 6 fields (minutes hours day-of-month "
              "month day-of-week year), got none");
        CHECK(parse_error("cron(INVALID)") ==
              "cron expression needs 6 fields (minutes hours "
              "day-of-month month day-of-week year), got 1 in "
              "'INVALID'");
        CHECK(parse_error("cron(0 18 ? * MON-FRI)") ==
              "cron expression needs 6 fields (minutes hours day-of-month month day-of-week year), "
              "got 5 in '0 18 ? * MON-FRI'");
        CHECK(parse_error("cron( 0 10 * * ? *)") ==
              "cron expression must not start or end with a "
              "space inside the parentheses, got "
              "'cron( 0 10 * * ? *)'");
        CHECK(parse_error("cron(0 1 * * * *)") ==
              "cron day-of-month '*' and day-of-week '*' are "
              "both set: one of them must be '?'");
        CHECK(parse_error("cron(0 9 ? * ? *)") ==
              "cron day-of-month and day-of-week are both '?': "
              "exactly one of them must be '?', the other a "
              "value or '*'");
        CHECK(parse_error("cron(7 20 * * NOT *)") ==
              "cron day-of-week field 'NOT': 'NOT' is not a "
              "valid day-of-week value (expected 1-7 or SUN-SAT)");
        CHECK(parse_error("cron(0 dummy ? * MON-FRI *)") ==
              "cron hours field 'dummy': 'dummy' is "
              "not a valid hours value (expected "
              "0-23)");
        CHECK(parse_error("cron(71 8 1 * ? *)") ==
              "cron minutes field '71': 71 is out of range "
              "0-59");
        CHECK(parse_error("cron(0 24 * * ? *)") == "cron hours field '24': 24 is out of range 0-23");
        CHECK(parse_error("cron(0 0 0 * ? *)") ==
              "cron day-of-month field '0': 0 is out of range "
              "1-31");
        CHECK(parse_error("cron(0 0 32W * ? *)") ==
              "cron day-of-month field '32W': 32 is out of "
              "range 1-31");
        CHECK(parse_error("cron(0 0 1 13 ? *)") == "cron month field '13': 13 is out of range 1-12");
        CHECK(parse_error("cron(0 0 ? * 8 *)") ==
              "cron day-of-week field '8': 8 is out of range "
              "1-7");
        CHECK(parse_error("cron(0 0 ? * 0 *)") ==
              "cron day-of-week field '0': 0 is out of range "
              "1-7");
        CHECK(parse_error("cron(0 0 * * ? 1969)") ==
              "cron year field '1969': 1969 is out of range "
              "1970-2199");
        CHECK(parse_error("cron(0 0 * * ? 2200)") ==
              "cron year field '2200': 2200 is out of range "
              "1970-2199");
        CHECK(parse_error("cron(0 0 * * ? 2005-2002)") ==
              "cron year field '2005-2002': range "
              "'2005-2002' runs backwards (the year field "
              "cannot wrap)");
        CHECK(parse_error("cron(? 0 * * ? *)") ==
              "cron minutes field '?': '?' is only allowed in "
              "day-of-month or day-of-week");
        CHECK(parse_error("cron(0 0 ? * 3#1,6#3 *)") ==
              "cron day-of-week field '3#1,6#3': with '#' "
              "the day-of-week field must hold only one "
              "expression, as in 3#2");
        CHECK(parse_error("cron(0 0 ? * 3#6 *)") ==
              "cron day-of-week field '3#6': the occurrence "
              "after '#' must be 1-5, got '6'");
        CHECK(parse_error("cron(0 0 ? * 9#2 *)") ==
              "cron day-of-week field '9#2': 9 is out of "
              "range 1-7");
        CHECK(parse_error("cron(0 0 L,15 * ? *)") ==
              "cron day-of-month field 'L,15': 'L' and 'W' "
              "forms must stand alone, not in a list");
        CHECK(parse_error("cron(0 0 8L * ? *)") ==
              "cron day-of-month field '8L': '8L' is not a "
              "day-of-month value (expected 1-31, L, L-n, LW or "
              "nW such as 15W)");
        CHECK(parse_error("cron(0 0 W * ? *)") ==
              "cron day-of-month field 'W': 'W' is not a "
              "day-of-month value (expected 1-31, L, L-n, LW or "
              "nW such as 15W)");
        CHECK(parse_error("cron(0 0 L-31 * ? *)") ==
              "cron day-of-month field 'L-31': the offset "
              "in 'L-n' must be 1-30");
        CHECK(parse_error("cron(0 0 ? * 5L,2 *)") ==
              "cron day-of-week field '5L,2': 'L' forms must "
              "stand alone, not in a list");
        CHECK(parse_error("cron(0 0 ? * L5 *)") ==
              "cron day-of-week field 'L5': 'L5' is not a "
              "day-of-week value (expected 1-7, SUN-SAT, L, nL "
              "such as 6L, or n#k such as 3#2)");
        CHECK(parse_error("cron(L 0 * * ? *)") ==
              "cron minutes field 'L': 'L' is not a valid "
              "minutes value (expected 0-59)");
        CHECK(parse_error("cron(0 0 * JANUARY ? *)") ==
              "cron month field 'JANUARY': 'JANUARY' is "
              "not a valid month value (expected 1-12 or "
              "JAN-DEC)");
        CHECK(parse_error("cron(0 0 1 * MON *)") ==
              "cron day-of-month '1' and day-of-week 'MON' "
              "are both set: one of them must be '?'");
        CHECK(parse_error("cron(5/0 * * * ? *)") ==
              "cron minutes field '5/0': the step after '/' "
              "in '5/0' must be a positive integer");
        CHECK(parse_error("cron(*/ * * * ? *)") ==
              "cron minutes field '*/': the step after '/' "
              "in '*/' must be a positive integer");
        CHECK(parse_error("cron(/5 * * * ? *)") ==
              "cron minutes field '/5': step '/5' needs a "
              "start value or '*' before the '/'");
        CHECK(parse_error("cron(0/65 * * * ? *)") ==
              "cron minutes field '0/65': step 65 in '0/65' "
              "is larger than 59");
        CHECK(parse_error("cron(1,,2 * * * ? *)") ==
              "cron minutes field '1,,2': empty item in the "
              "list (a ',' with no value beside it)");
        CHECK(parse_error("cron(1, * * * ? *)") ==
              "cron minutes field '1,': empty item in the list "
              "(a ',' with no value beside it)");
        CHECK(parse_error("cron(*,5 * * * ? *)") ==
              "cron minutes field '*,5': '*' cannot be "
              "combined with other values in a list");
        CHECK(parse_error("cron(5- * * * ? *)") ==
              "cron minutes field '5-': range '5-' needs a "
              "start and an end, as in 1-5");
        CHECK(parse_error("cron(1-2-3 * * * ? *)") ==
              "cron minutes field '1-2-3': '2-3' is not a "
              "valid minutes value (expected 0-59)");
        CHECK(parse_error("cron(0 0 1 * ? * *)") ==
              "cron expression needs 6 fields (minutes hours "
              "day-of-month month day-of-week year), got 7 in "
              "'0 0 1 * ? * *'");
    }

    // ---- cron: fire times ------------------------------------------------------------------------

    TEST_CASE("a cron schedule fires at the expected UTC instants over a simulated month") {
        const auto times = fires_between("cron(0 0 * * ? *)", "2026-01-01T00:00:00Z", "2026-02-01T00:00:00Z");
        REQUIRE(times.size() == 31);
        for (std::size_t i = 0; i < times.size(); ++i) {
            CAPTURE(i);
            CHECK(times[i] == at("2026-01-01T00:00:00Z") + static_cast<std::int64_t>(i) * 86400);
            CHECK(format_utc(times[i]).substr(10) == "T00:00:00Z");
        }
    }

    TEST_CASE("weekday business-hours cron fires 120 times on each of 2024's 262 weekdays") {
        const auto times =
            fires_between("cron(0/5 8-17 ? * MON-FRI *)", "2024-01-01T00:00:00Z", "2025-01-01T00:00:00Z");
        CHECK(times.size() == 262 * 120);
        CHECK(format_utc(times.front()) == "2024-01-01T08:00:00Z");
        CHECK(format_utc(times.back()) == "2024-12-31T17:55:00Z");
    }

    TEST_CASE("next_after is strictly after and lands on whole minutes") {
        const ScheduleExpression e = parse_ok("cron(* * * * ? *)");
        CHECK(e.next_after(at("2024-05-01T10:00:00Z")) == at("2024-05-01T10:01:00Z"));
        CHECK(e.next_after(at("2024-05-01T10:00:59Z")) == at("2024-05-01T10:01:00Z"));
        CHECK(e.next_after(at("1969-12-31T23:59:59Z")) == at("1970-01-01T00:00:00Z"));
        CHECK(e.next_after(at("1900-06-01T00:00:00Z")) == at("1970-01-01T00:00:00Z"));
    }

    TEST_CASE("L fires on the last day of each month, including leap February") {
        CHECK(fires("cron(0 12 L * ? *)", "2024-01-15T00:00:00Z", 4) ==
              Times{"2024-01-31T12:00:00Z", "2024-02-29T12:00:00Z", "2024-03-31T12:00:00Z", "2024-04-30T12:00:00Z"});
        CHECK(fires("cron(0 12 L * ? *)", "2023-02-01T00:00:00Z", 1) == Times{"2023-02-28T12:00:00Z"});
        CHECK(fires("cron(0 0 L-2 * ? *)", "2023-02-01T00:00:00Z", 2) ==
              Times{"2023-02-26T00:00:00Z", "2023-03-29T00:00:00Z"});
    }

    TEST_CASE("W fires on the nearest weekday without leaving the month") {
        // 2024-06-15 is a Saturday (→ Friday 14th), 2024-09-15 a Sunday (→ Monday 16th).
        CHECK(fires("cron(0 9 15W * ? *)", "2024-06-01T00:00:00Z", 4) ==
              Times{"2024-06-14T09:00:00Z", "2024-07-15T09:00:00Z", "2024-08-15T09:00:00Z", "2024-09-16T09:00:00Z"});
        // 2024-06-01 is a Saturday: 1W moves forward to Monday the 3rd, not back into May.
        CHECK(fires("cron(0 9 1W * ? *)", "2024-05-15T00:00:00Z", 2) ==
              Times{"2024-06-03T09:00:00Z", "2024-07-01T09:00:00Z"});
        // 31W skips months without a 31st; 2027-01-31 is a Sunday, the last day (→ Friday 29th).
        CHECK(fires("cron(5 10 31W * ? 2027)", "2027-01-01T00:00:00Z", 8) ==
              Times{"2027-01-29T10:05:00Z", "2027-03-31T10:05:00Z", "2027-05-31T10:05:00Z", "2027-07-30T10:05:00Z",
                    "2027-08-31T10:05:00Z", "2027-10-29T10:05:00Z", "2027-12-31T10:05:00Z"});
    }

    TEST_CASE("LW fires on the last weekday of the month") {
        // 2024-03-31 Sunday → Fri 29; 2024-04-30 Tuesday; 2024-08-31 Saturday → Fri 30.
        CHECK(fires("cron(0 17 LW * ? 2024)", "2024-03-01T00:00:00Z", 6) ==
              Times{"2024-03-29T17:00:00Z", "2024-04-30T17:00:00Z", "2024-05-31T17:00:00Z", "2024-06-28T17:00:00Z",
                    "2024-07-31T17:00:00Z", "2024-08-30T17:00:00Z"});
    }

    TEST_CASE("n#k fires on the k-th weekday and skips months without one") {
        CHECK(fires("cron(0 9 ? * 3#2 *)", "2024-01-01T00:00:00Z", 3) ==
              Times{"2024-01-09T09:00:00Z", "2024-02-13T09:00:00Z", "2024-03-12T09:00:00Z"});
        // Fifth Mondays in 2024: Jan 29, Apr 29, Jul 29, Sep 30, Dec 30.
        CHECK(fires("cron(0 9 ? * MON#5 *)", "2024-01-01T00:00:00Z", 5) ==
              Times{"2024-01-29T09:00:00Z", "2024-04-29T09:00:00Z", "2024-07-29T09:00:00Z", "2024-09-30T09:00:00Z",
                    "2024-12-30T09:00:00Z"});
    }

    TEST_CASE("nL fires on the last given weekday and bare L in day-of-week means Saturday") {
        CHECK(fires("cron(15 10 ? * FRIL *)", "2024-01-01T00:00:00Z", 3) ==
              Times{"2024-01-26T10:15:00Z", "2024-02-23T10:15:00Z", "2024-03-29T10:15:00Z"});
        CHECK(fires("cron(0 0 ? * L *)", "2024-03-01T00:00:00Z", 2) ==
              Times{"2024-03-02T00:00:00Z", "2024-03-09T00:00:00Z"});
    }

    TEST_CASE("February 29 fires only in leap years, century rule included") {
        CHECK(fires("cron(0 0 29 2 ? *)", "2021-01-01T00:00:00Z", 3) ==
              Times{"2024-02-29T00:00:00Z", "2028-02-29T00:00:00Z", "2032-02-29T00:00:00Z"});
        CHECK(fires("cron(0 0 29 FEB ? 2096-2104)", "2096-03-01T00:00:00Z", 3) == Times{"2104-02-29T00:00:00Z"});
    }

    TEST_CASE("days a month lacks are skipped") {
        CHECK(fires("cron(0 0 31 * ? *)", "2024-01-31T00:00:30Z", 3) ==
              Times{"2024-03-31T00:00:00Z", "2024-05-31T00:00:00Z", "2024-07-31T00:00:00Z"});
        CHECK(fires("cron(0 0 30-31 2 ? *)", "2024-01-01T00:00:00Z", 1).empty());
    }

    TEST_CASE("the schedule ends with its year field") {
        CHECK(fires("cron(0 0 1 1 ? 2199)", "2198-06-01T00:00:00Z", 3) == Times{"2199-01-01T00:00:00Z"});
        CHECK(fires("cron(* * * * ? *)", "2199-12-31T23:58:30Z", 3) == Times{"2199-12-31T23:59:00Z"});
        const ScheduleExpression e = parse_ok("cron(* * * * ? *)");
        CHECK_FALSE(e.next_after(at("2199-12-31T23:59:00Z")).has_value());
        CHECK_FALSE(e.next_after(std::numeric_limits<std::int64_t>::max()).has_value());
        CHECK(e.next_after(std::numeric_limits<std::int64_t>::min()) == 0);
        CHECK(fires("cron(0 0 1 1 ? 2020,2022)", "2020-06-01T00:00:00Z", 3) == Times{"2022-01-01T00:00:00Z"});
    }

    TEST_CASE("ranges that end before they start wrap around") {
        CHECK(fires("cron(0 22-2 * * ? *)", "2024-01-01T12:00:00Z", 6) ==
              Times{"2024-01-01T22:00:00Z", "2024-01-01T23:00:00Z", "2024-01-02T00:00:00Z", "2024-01-02T01:00:00Z",
                    "2024-01-02T02:00:00Z", "2024-01-02T22:00:00Z"});
        // 2024-03-01 is a Friday.
        CHECK(fires("cron(0 12 ? * FRI-MON *)", "2024-03-01T00:00:00Z", 5) ==
              Times{"2024-03-01T12:00:00Z", "2024-03-02T12:00:00Z", "2024-03-03T12:00:00Z", "2024-03-04T12:00:00Z",
                    "2024-03-08T12:00:00Z"});
        CHECK(fires("cron(0 0 1 NOV-FEB ? *)", "2024-03-01T00:00:00Z", 4) ==
              Times{"2024-11-01T00:00:00Z", "2024-12-01T00:00:00Z", "2025-01-01T00:00:00Z", "2025-02-01T00:00:00Z"});
        CHECK(fires("cron(0 22-2/2 * * ? *)", "2024-01-01T12:00:00Z", 4) ==
              Times{"2024-01-01T22:00:00Z", "2024-01-02T00:00:00Z", "2024-01-02T02:00:00Z", "2024-01-02T22:00:00Z"});
    }

    TEST_CASE("steps start at their base value") {
        CHECK(fires("cron(5/20 9 * * ? *)", "2024-01-01T00:00:00Z", 4) ==
              Times{"2024-01-01T09:05:00Z", "2024-01-01T09:25:00Z", "2024-01-01T09:45:00Z", "2024-01-02T09:05:00Z"});
        CHECK(fires("cron(0 0 1 */4 ? *)", "2024-01-15T00:00:00Z", 3) ==
              Times{"2024-05-01T00:00:00Z", "2024-09-01T00:00:00Z", "2025-01-01T00:00:00Z"});
        CHECK(fires("cron(0 0 1 1 ? 2024/3)", "2024-06-01T00:00:00Z", 2) ==
              Times{"2027-01-01T00:00:00Z", "2030-01-01T00:00:00Z"});
    }

    TEST_CASE("month and weekday names are case-insensitive") {
        CHECK(fires("cron(0 18 ? * mon-Fri *)", "2024-03-08T18:00:30Z", 2) ==
              fires("cron(0 18 ? * MON-FRI *)", "2024-03-08T18:00:30Z", 2));
        CHECK(fires("cron(0 0 1 jan,Jul ? *)", "2024-02-01T00:00:00Z", 2) ==
              Times{"2024-07-01T00:00:00Z", "2025-01-01T00:00:00Z"});
    }

    TEST_CASE("an impossible date never fires and the search still terminates") {
        const ScheduleExpression e = parse_ok("cron(0 0 30 2 ? *)");
        CHECK_FALSE(e.next_after(at("1970-01-01T00:00:00Z")).has_value());
    }

    // ---- at ----------------------------------------------------------------------------------------

    TEST_CASE("an at expression fires once at its instant") {
        const ScheduleExpression e = parse_ok("at(2022-12-31T23:59:59)");
        CHECK(e.is_at());
        CHECK(e.at_unix() == at("2022-12-31T23:59:59Z"));
        CHECK(e.next_after(at("2022-01-01T00:00:00Z")) == at("2022-12-31T23:59:59Z"));
        CHECK_FALSE(e.next_after(at("2022-12-31T23:59:59Z")).has_value());
    }

    TEST_CASE("at expressions AWS rejects give a reason") {
        CHECK(parse_error("at(2021-12-31T23:59:59Z)") ==
              "at expression time: expected "
              "YYYY-MM-DDTHH:MM:SS, got "
              "'2021-12-31T23:59:59Z'");
        CHECK(parse_error("at(2021-12-31)") ==
              "at expression time: expected YYYY-MM-DDTHH:MM:SS, "
              "got '2021-12-31'");
        CHECK(parse_error("at(2021-02-29T00:00:00)") ==
              "at expression time: expected "
              "YYYY-MM-DDTHH:MM:SS, got "
              "'2021-02-29T00:00:00' (day 29 is not in "
              "2021-02)");
    }

}  // TEST_SUITE
