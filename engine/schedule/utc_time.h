// utc_time.h — proleptic Gregorian civil-date arithmetic on Unix seconds (UTC only) and the
// ISO-8601 "YYYY-MM-DDTHH:MM:SSZ" form AWS prints (event "time", schedule fire times).
// The calendar arithmetic is core/civil_time.h; no <ctime>/timegm: same answer everywhere.
#pragma once

#include "core/civil_time.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace sim::schedule {

// "YYYY-MM-DDTHH:MM:SSZ". Years outside 0..9999 print with as many digits as needed ("-0001",
// "10000"); this never fails.
std::string format_utc(std::int64_t unix_s);

// Parses exactly "YYYY-MM-DDTHH:MM:SSZ" (4-digit year, 2-digit fields, upper-case T and Z, a real
// calendar date). On bad input returns nullopt and, if error is given, sets it to a message such
// as "expected YYYY-MM-DDTHH:MM:SSZ, got '2024-02-30T00:00:00Z' (day 30 is not in 2024-02)".
std::optional<std::int64_t> parse_utc(std::string_view text, std::string* error = nullptr);

// Parses "YYYY-MM-DDTHH:MM:SS" (no zone designator) into civil fields, checking ranges as
// parse_utc does; used by at() schedule expressions. Same error convention as parse_utc.
std::optional<CivilTime> parse_civil(std::string_view text, std::string* error = nullptr);

}  // namespace sim::schedule
