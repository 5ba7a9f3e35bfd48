// scheduler_time.h — EventBridge Scheduler's time: ScheduleExpressionTimezone (IANA names, with
// today's daylight-saving rules) and the instants a schedule expression gives in that zone.
// AWS: scheduler/latest/UserGuide/schedule-types.html ("Time zones", "Daylight saving time").
// Modelled:     [x] UTC, Etc/UTC, GMT, Etc/GMT±N (POSIX sign: Etc/GMT+5 is UTC-5)
//               [x] about 60 common IANA zones with their current rules: US/Canada (2nd Sunday
//                   of March to 1st Sunday of November, 02:00 local), EU (last Sunday of March to
//                   last Sunday of October, 01:00 UTC), south-east Australia, New Zealand, and
//                   zones without daylight saving
//               [x] DST: a cron time the spring-forward skips is not invoked; a time repeated by
//                   the fall-back is invoked once (the first occurrence)
// Not modelled: [ ] the rest of the tz database, and historical rule changes (every year uses
//                   today's rules)
#pragma once

#include "schedule/schedule_expression.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace sim::svc::sched {

enum class DstRule : std::uint8_t { None, UsCanada, Europe, AustraliaSouthEast, NewZealand };

struct TimeZone {
    std::string name = "UTC";
    int standard_offset_s = 0;  // east of UTC
    DstRule dst = DstRule::None;

    // The offset (east of UTC, seconds) in force at a UTC instant.
    int offset_at(std::int64_t utc) const;
    // The UTC instants that show local civil time `local` (Unix seconds read as local): none in a
    // spring-forward gap, two in a fall-back overlap, else one; earliest first.
    std::vector<std::int64_t> utc_of_local(std::int64_t local) const;
};

// The zone named `name`, or nullopt (then *error says why and which names are known).
std::optional<TimeZone> find_time_zone(std::string_view name, std::string* error = nullptr);

// The first instant strictly after `after` (UTC) at which `expr` fires in `tz`:
//   rate: anchor + k * interval (the zone does not matter), as ScheduleExpression::next_after
//   cron: the fields read as local time in tz, DST handled as above
//   at:   the local civil time in tz (a time inside a spring-forward gap counts on the standard
//         offset)
std::optional<std::int64_t> next_fire(const schedule::ScheduleExpression& expr, const TimeZone& tz, std::int64_t after,
                                      std::int64_t anchor);

// ISO-8601 dates as CloudFormation writes StartDate / EndDate: "YYYY-MM-DDTHH:MM:SS" with optional
// fraction and an optional "Z" or "±HH:MM" (no zone = UTC). nullopt when malformed.
std::optional<std::int64_t> parse_iso_date(std::string_view text);

// Scheduler accepts rate(5 minute) as well as rate(5 minutes) (rules do not): the expression with
// the unit's number fitted to the value; anything else is returned unchanged.
std::string lenient_rate(std::string_view text);

}  // namespace sim::svc::sched
