// civil_time.h — proleptic Gregorian calendar arithmetic on Unix seconds (UTC only), written once
// for the whole engine: schedules, cron, Step Functions timestamps, free-tier months, the start
// instant. H. Hinnant's days_from_civil / civil_from_days, exact for every year in int range.
#pragma once

#include <cstdint>

namespace sim {

struct CivilDate {
    int year = 1970;
    int month = 1;  // 1..12
    int day = 1;    // 1..days_in_month
};

struct CivilTime {
    int year = 1970;
    int month = 1;   // 1..12
    int day = 1;     // 1..days_in_month
    int hour = 0;    // 0..23
    int minute = 0;  // 0..59
    int second = 0;  // 0..59 (no leap seconds: Unix time has none)
};

constexpr std::int64_t kSecondsPerDay = 86400;

// True for Gregorian leap years (divisible by 4, except centuries not divisible by 400).
bool is_leap_year(int year);

// 28..31; 0 when month is outside 1..12.
int days_in_month(int year, int month);

// Days since 1970-01-01 of a civil date (negative before 1970). Any year in int range works;
// out-of-range month/day are not normalised (callers validate first).
std::int64_t days_from_civil(int year, int month, int day);

// Inverse of days_from_civil.
CivilDate civil_from_days(std::int64_t days);

// Day of the week of a day number: 0 = Sunday … 6 = Saturday.
int weekday_from_days(std::int64_t days);

// Unix seconds → civil UTC time (floor semantics for negative instants).
CivilTime civil_from_unix(std::int64_t unix_s);

// Civil UTC time → Unix seconds (fields are not normalised: validate first).
std::int64_t unix_from_civil(const CivilTime& t);

// True when every field of t is in range (month 1..12, day within the month, 0..23, 0..59, 0..59).
bool is_valid_civil(const CivilTime& t);

}  // namespace sim
