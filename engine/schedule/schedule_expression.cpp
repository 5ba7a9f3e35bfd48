// schedule_expression.cpp — dispatch on rate( / cron( / at(, the rate and at grammars, and
// next_after for each kind.
#include "schedule/schedule_expression.h"

#include "schedule/utc_time.h"

#include <array>
#include <limits>

namespace sim::schedule {

namespace {

constexpr std::string_view kShapes = "rate(value unit), cron(fields) or at(yyyy-mm-ddThh:mm:ss)";

bool starts_with(std::string_view s, std::string_view prefix) {
    return s.substr(0, prefix.size()) == prefix;
}

constexpr std::int64_t kMaxRateValue = 1'000'000'000'000;  // ~2.7 billion years of days

struct RateUnit {
    std::string_view singular;
    std::string_view plural;
    std::int64_t seconds;
};

constexpr std::array<RateUnit, 3> kRateUnits = {{
    {"minute", "minutes", 60},
    {"hour", "hours", 3600},
    {"day", "days", 86400},
}};

// rate(value unit): AWS eb-rate-expressions — "If the value is equal to 1, then the unit must
// be singular. If the value is greater than 1, the unit must be plural."
std::variant<std::int64_t, std::string> parse_rate(std::string_view whole, std::string_view inner) {
    const std::string quoted = "'" + std::string(whole) + "'";
    if (inner.empty()) return "rate expression needs a value and a unit, as in rate(5 minutes), got " + quoted;
    if (inner.front() == ' ' || inner.back() == ' ')
        return "rate expression must not start or end with a space inside the parentheses, got " + quoted;
    const std::size_t space = inner.find(' ');
    if (space == std::string_view::npos)
        return "rate expression needs a value and a unit separated by one space, as in "
               "rate(5 minutes), got " +
               quoted;
    const std::string_view value_text = inner.substr(0, space);
    const std::string_view unit = inner.substr(space + 1);
    bool digits = !value_text.empty();
    std::int64_t value = 0;
    for (char c : value_text) {
        if (c < '0' || c > '9') digits = false;
        if (digits && value <= kMaxRateValue) value = value * 10 + (c - '0');
    }
    if (!digits || value == 0) return "rate value must be a positive integer, got '" + std::string(value_text) + "'";
    if (value > kMaxRateValue)  // our own bound, so that value * 86400 cannot overflow
        return "rate value " + std::string(value_text) + " is too large (at most " + std::to_string(kMaxRateValue) +
               ")";
    for (const RateUnit& u : kRateUnits) {
        if (unit != u.singular && unit != u.plural) continue;
        if (value == 1 && unit != u.singular)
            return "rate value 1 needs the singular unit '" + std::string(u.singular) + "', got '" + std::string(unit) +
                   "'";
        if (value > 1 && unit != u.plural)
            return "rate value " + std::to_string(value) + " needs the plural unit '" + std::string(u.plural) +
                   "', got '" + std::string(unit) + "'";
        return value * u.seconds;  // value <= kMaxRateValue, so this fits easily
    }
    return "rate unit must be minute, minutes, hour, hours, day or days, got '" + std::string(unit) + "'";
}

}  // namespace

std::variant<ScheduleExpression, ScheduleError> ScheduleExpression::parse(std::string_view text) {
    ScheduleExpression e;
    e.text_ = std::string(text);
    const bool closed = !text.empty() && text.back() == ')';
    if (closed && starts_with(text, "rate(")) {
        auto r = parse_rate(text, text.substr(5, text.size() - 6));
        if (auto* error = std::get_if<std::string>(&r)) return ScheduleError{*error};
        e.kind_ = ScheduleKind::Rate;
        e.rate_seconds_ = std::get<std::int64_t>(r);
        return e;
    }
    if (closed && starts_with(text, "cron(")) {
        auto c = CronSpec::parse(text.substr(5, text.size() - 6));
        if (auto* error = std::get_if<std::string>(&c)) return ScheduleError{*error};
        e.kind_ = ScheduleKind::Cron;
        e.cron_ = std::get<CronSpec>(std::move(c));
        return e;
    }
    if (closed && starts_with(text, "at(")) {
        // EventBridge Scheduler one-time schedules: at(yyyy-mm-ddThh:mm:ss), no zone suffix
        // (the zone is ScheduleExpressionTimezone, UTC here); "at(2021-12-31T23:59:59Z)" and
        // "at(2021-12-31)" are rejected by AWS.
        std::string why;
        const auto t = parse_civil(text.substr(3, text.size() - 4), &why);
        if (!t) return ScheduleError{"at expression time: " + why};
        e.kind_ = ScheduleKind::At;
        e.at_unix_ = unix_from_civil(*t);
        return e;
    }
    return ScheduleError{"schedule expression must be " + std::string(kShapes) + ", got '" + std::string(text) + "'"};
}

std::optional<std::int64_t> ScheduleExpression::next_after(std::int64_t unix_s, std::int64_t anchor_unix_s) const {
    switch (kind_) {
        case ScheduleKind::Cron:
            return cron_.next_after(unix_s);
        case ScheduleKind::At:
            if (at_unix_ > unix_s) return at_unix_;
            return std::nullopt;
        case ScheduleKind::Rate: {
            const std::int64_t step = rate_seconds_;
            if (step <= 0) return std::nullopt;
            // k = floor((unix_s - anchor) / step) + 1, at least 1; computed without overflow.
            std::int64_t k = 1;
            if (unix_s >= anchor_unix_s) {
                const std::uint64_t diff =
                    static_cast<std::uint64_t>(unix_s) - static_cast<std::uint64_t>(anchor_unix_s);
                k = static_cast<std::int64_t>(diff / static_cast<std::uint64_t>(step)) + 1;
            }
            constexpr std::int64_t kMax = std::numeric_limits<std::int64_t>::max();
            if (k > (kMax - (anchor_unix_s > 0 ? anchor_unix_s : 0)) / step) return std::nullopt;
            return anchor_unix_s + k * step;
        }
    }
    return std::nullopt;
}

}  // namespace sim::schedule
