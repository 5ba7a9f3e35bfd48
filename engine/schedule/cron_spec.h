// cron_spec.h — a parsed EventBridge cron expression (the six fields inside cron(...)) and its
// next fire time. Rules: docs.aws.amazon.com/eventbridge/latest/userguide/eb-cron-expressions.html
// Modelled:     [x] , - * / ?  [x] names JAN-DEC, SUN-SAT (any case)  [x] L, L-n, LW, nW (dom)
//               [x] L, nL, n#k (dow; 1=SUN..7=SAT)  [x] wrap-around ranges (22-2, FRI-MON)
//               [x] years 1970-2199  [x] days a month lacks are skipped  [x] UTC only
// Not modelled: [ ] ScheduleExpressionTimezone / DST (Scheduler time zones)
#pragma once

#include <bitset>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>

namespace sim::schedule {

constexpr int kCronMinYear = 1970;  // AWS year field range
constexpr int kCronMaxYear = 2199;

// Day-of-month rule: `?`, a set of days, or one of the special forms (each must stand alone,
// as in Quartz, whose syntax EventBridge follows).
struct DayOfMonthRule {
    enum class Kind { Any, Days, Last, LastWeekday, NearestWeekday };
    Kind kind = Kind::Any;
    std::uint32_t days = 0;  // Kind::Days: bit d set for day d (1..31)
    int offset = 0;          // Kind::Last: L-offset (0 = the last day); NearestWeekday: day n
};

// Day-of-week rule: `?`, a set of weekdays, the last weekday w of the month (wL), or the k-th
// weekday w of the month (w#k). Weekdays are 1 = Sunday … 7 = Saturday.
struct DayOfWeekRule {
    enum class Kind { Any, Weekdays, LastOfMonth, Nth };
    Kind kind = Kind::Any;
    std::uint32_t weekdays = 0;  // Kind::Weekdays: bit w set for weekday w (1..7)
    int weekday = 0;             // LastOfMonth / Nth: 1..7
    int nth = 0;                 // Nth: 1..5
};

class CronSpec {
public:
    CronSpec() = default;

    // Parses the text inside cron(...): six fields separated by spaces. On bad input returns a
    // message naming the field and the bad token, e.g.
    // "cron minutes field '71': 71 is out of range 0-59".
    static std::variant<CronSpec, std::string> parse(std::string_view fields);

    // The first fire time strictly after unix_s (whole minutes, UTC), or nullopt when the year
    // field allows no later time (at the latest after 2199). Skips by year/month/day/hour, so a
    // year of schedule costs at most a few hundred steps per call.
    std::optional<std::int64_t> next_after(std::int64_t unix_s) const;

    // Bit d (1..31) set for each day of year/month on which the schedule fires.
    std::uint32_t day_mask(int year, int month) const;

private:
    std::uint64_t minutes_ = 0;                           // bit m, 0..59
    std::uint32_t hours_ = 0;                             // bit h, 0..23
    std::uint32_t months_ = 0;                            // bit m, 1..12
    std::bitset<kCronMaxYear - kCronMinYear + 1> years_;  // bit y - 1970
    DayOfMonthRule dom_;
    DayOfWeekRule dow_;

    friend class CronParser;
};

}  // namespace sim::schedule
