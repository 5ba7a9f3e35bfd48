// schedule_expression.h — EventBridge rule / EventBridge Scheduler schedule expressions:
// rate(value unit), cron(fields) and at(yyyy-mm-ddThh:mm:ss), evaluated in UTC.
// Docs: eb-rate-expressions, eb-cron-expressions, scheduler/latest/UserGuide/schedule-types.
// Modelled:     [x] rate: positive integer, minute|minutes|hour|hours|day|days, singular for 1
//                   and plural otherwise (as PutRule enforces); fires at anchor + k*interval
//               [x] cron: see cron_spec.h  [x] at(): one-time, seconds kept
// Not modelled: [ ] ScheduleExpressionTimezone (Scheduler time zones, DST)  [ ] StartDate/EndDate
//               [ ] Scheduler's leniency on rate units (PutRule's stricter rule is applied)
#pragma once

#include "schedule/cron_spec.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>

namespace sim::schedule {

struct ScheduleError {
    std::string message;  // lower-case start, names the bad part and what was expected
};

enum class ScheduleKind { Rate, Cron, At };

class ScheduleExpression {
public:
    // Parses a whole expression exactly as AWS receives it: no surrounding or inner padding
    // spaces ("rate( 10 minutes )" and " rate(10 minutes)" are rejected, as AWS does). Never
    // throws; bad input gives a ScheduleError such as
    // "rate value 10 needs the plural unit 'minutes', got 'minute'".
    static std::variant<ScheduleExpression, ScheduleError> parse(std::string_view text);

    // The first fire time strictly after unix_s, or nullopt when there is none.
    //   rate: anchor + k*interval for the smallest k >= 1 that is after unix_s (AWS: "a rate
    //         expression starts when you create the rule"; the anchor is that instant).
    //         nullopt only on int64 overflow. For a Scheduler StartDate, whose first
    //         occurrence is the start itself, pass anchor = StartDate - rate_seconds().
    //   cron: whole UTC minutes; nullopt once the year field is exhausted (at most 2199).
    //         The anchor is ignored.
    //   at:   the instant itself if it is after unix_s, else nullopt. The anchor is ignored.
    std::optional<std::int64_t> next_after(std::int64_t unix_s, std::int64_t anchor_unix_s = 0) const;

    ScheduleKind kind() const { return kind_; }
    bool is_rate() const { return kind_ == ScheduleKind::Rate; }
    bool is_cron() const { return kind_ == ScheduleKind::Cron; }
    bool is_at() const { return kind_ == ScheduleKind::At; }

    // rate: the interval in seconds (60 for rate(1 minute)); 0 for cron and at.
    std::int64_t rate_seconds() const { return rate_seconds_; }

    // at: the one-time instant (Unix seconds, UTC); 0 for rate and cron.
    std::int64_t at_unix() const { return at_unix_; }

    // The expression exactly as given to parse.
    const std::string& text() const { return text_; }

private:
    ScheduleExpression() = default;

    ScheduleKind kind_ = ScheduleKind::Rate;
    std::string text_;
    std::int64_t rate_seconds_ = 0;
    std::int64_t at_unix_ = 0;
    CronSpec cron_;
};

}  // namespace sim::schedule
