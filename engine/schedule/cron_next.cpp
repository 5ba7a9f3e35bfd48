// cron_next.cpp — which days of a month a cron expression fires on, and the next fire time.
// The search moves field by field (year → month → day → hour → minute), jumping to the next
// allowed value and resetting the smaller fields, so it never steps minute by minute.
#include "schedule/cron_spec.h"
#include "schedule/utc_time.h"

#include <bit>

namespace sim::schedule {

namespace {

// Lowest set bit of mask at or above `from`, or -1.
int next_bit(std::uint64_t mask, int from) {
    if (from < 0) from = 0;
    if (from >= 64) return -1;
    mask >>= from;
    if (mask == 0) return -1;
    return from + std::countr_zero(mask);
}

std::uint32_t bit(int day) {
    return day >= 1 && day <= 31 ? std::uint32_t{1} << day : 0;
}

}  // namespace

std::uint32_t CronSpec::day_mask(int year, int month) const {
    const int n = days_in_month(year, month);
    if (n == 0) return 0;
    const int first_wd = weekday_from_days(days_from_civil(year, month, 1));  // 0 = Sunday
    const auto weekday = [&](int day) { return (first_wd + day - 1) % 7; };
    std::uint32_t in_month = 0;
    for (int d = 1; d <= n; ++d) in_month |= bit(d);

    if (dom_.kind != DayOfMonthRule::Kind::Any) {
        switch (dom_.kind) {
            case DayOfMonthRule::Kind::Days:
                return dom_.days & in_month;  // AWS: a day the month lacks (31 in April) is skipped
            case DayOfMonthRule::Kind::Last:
                return bit(n - dom_.offset);           // L = last day; L-n = n days before it
            case DayOfMonthRule::Kind::LastWeekday: {  // LW: the last Monday-Friday of the month
                const int wd = weekday(n);
                return bit(wd == 6 ? n - 1 : wd == 0 ? n - 2 : n);
            }
            case DayOfMonthRule::Kind::NearestWeekday: {
                // nW: the weekday nearest day n, never leaving the month (1W on a Saturday is
                // Monday the 3rd; a Sunday last day moves back to Friday); skipped when the month
                // has no day n (31W in April).
                const int d = dom_.offset;
                if (d > n) return 0;
                const int wd = weekday(d);
                if (wd == 6) return bit(d == 1 ? 3 : d - 1);
                if (wd == 0) return bit(d == n ? d - 2 : d + 1);
                return bit(d);
            }
            case DayOfMonthRule::Kind::Any:
                break;
        }
        return 0;
    }

    switch (dow_.kind) {
        case DayOfWeekRule::Kind::Weekdays: {
            std::uint32_t mask = 0;
            for (int d = 1; d <= n; ++d)
                if (dow_.weekdays & (std::uint32_t{1} << (weekday(d) + 1))) mask |= bit(d);
            return mask;
        }
        case DayOfWeekRule::Kind::LastOfMonth: {  // 6L: the last Friday of the month
            const int want = dow_.weekday - 1;
            return bit(n - (weekday(n) - want + 7) % 7);
        }
        case DayOfWeekRule::Kind::Nth: {  // 3#2: the second Tuesday; months without one are skipped
            const int first = 1 + (dow_.weekday - 1 - first_wd + 7) % 7;
            const int d = first + 7 * (dow_.nth - 1);
            return d <= n ? bit(d) : 0;
        }
        case DayOfWeekRule::Kind::Any:
            break;
    }
    return 0;  // both '?': rejected by parse, never fires
}

std::optional<std::int64_t> CronSpec::next_after(std::int64_t unix_s) const {
    static const std::int64_t kBegin = days_from_civil(kCronMinYear, 1, 1) * kSecondsPerDay;
    static const std::int64_t kEnd = days_from_civil(kCronMaxYear + 1, 1, 1) * kSecondsPerDay;
    if (unix_s >= kEnd) return std::nullopt;
    // Fire times are whole minutes; the first candidate is the next minute strictly after.
    const std::int64_t start = unix_s < kBegin ? kBegin : (unix_s / 60) * 60 + 60;
    const CivilTime c = civil_from_unix(start);
    int y = c.year, mo = c.month, d = c.day, h = c.hour, mi = c.minute;

    const auto next_month = [&] {
        d = 1, h = 0, mi = 0;
        if (++mo > 12) mo = 1, ++y;
    };
    while (y <= kCronMaxYear) {
        if (!years_[static_cast<std::size_t>(y - kCronMinYear)]) {
            ++y, mo = 1, d = 1, h = 0, mi = 0;
            continue;
        }
        const int m2 = next_bit(months_, mo);
        if (m2 < 0) {
            ++y, mo = 1, d = 1, h = 0, mi = 0;
            continue;
        }
        if (m2 != mo) mo = m2, d = 1, h = 0, mi = 0;
        const int d2 = next_bit(day_mask(y, mo), d);
        if (d2 < 0) {
            next_month();
            continue;
        }
        if (d2 != d) d = d2, h = 0, mi = 0;
        const int h2 = next_bit(hours_, h);
        if (h2 < 0) {
            ++d, h = 0, mi = 0;  // a day past the month's end finds no bit: next month
            continue;
        }
        if (h2 != h) h = h2, mi = 0;
        const int mi2 = next_bit(minutes_, mi);
        if (mi2 < 0) {
            ++h, mi = 0;  // hour 24 finds no bit: next day
            continue;
        }
        return unix_from_civil(CivilTime{y, mo, d, h, mi2, 0});
    }
    return std::nullopt;
}

}  // namespace sim::schedule
