// scheduler_time.cpp — time zones and fire times for EventBridge Scheduler (see scheduler_time.h).
#include "services/scheduler/scheduler_time.h"

#include "core/civil_time.h"

#include <algorithm>
#include <cctype>

namespace sim::svc::sched {
namespace {

struct ZoneRow {
    const char* name;
    int offset_min;  // standard offset east of UTC, minutes
    DstRule dst;
};

constexpr ZoneRow kZones[] = {
    {"UTC", 0, DstRule::None},
    {"Etc/UTC", 0, DstRule::None},
    {"GMT", 0, DstRule::None},
    {"Etc/GMT", 0, DstRule::None},
    // North America
    {"America/New_York", -300, DstRule::UsCanada},
    {"America/Detroit", -300, DstRule::UsCanada},
    {"America/Toronto", -300, DstRule::UsCanada},
    {"America/Chicago", -360, DstRule::UsCanada},
    {"America/Winnipeg", -360, DstRule::UsCanada},
    {"America/Denver", -420, DstRule::UsCanada},
    {"America/Edmonton", -420, DstRule::UsCanada},
    {"America/Phoenix", -420, DstRule::None},
    {"America/Los_Angeles", -480, DstRule::UsCanada},
    {"America/Vancouver", -480, DstRule::UsCanada},
    {"America/Anchorage", -540, DstRule::UsCanada},
    {"America/Halifax", -240, DstRule::UsCanada},
    {"Pacific/Honolulu", -600, DstRule::None},
    {"America/Mexico_City", -360, DstRule::None},
    {"America/Bogota", -300, DstRule::None},
    {"America/Lima", -300, DstRule::None},
    {"America/Sao_Paulo", -180, DstRule::None},
    {"America/Argentina/Buenos_Aires", -180, DstRule::None},
    // Europe and Africa
    {"Europe/London", 0, DstRule::Europe},
    {"Europe/Dublin", 0, DstRule::Europe},
    {"Europe/Lisbon", 0, DstRule::Europe},
    {"Europe/Paris", 60, DstRule::Europe},
    {"Europe/Berlin", 60, DstRule::Europe},
    {"Europe/Madrid", 60, DstRule::Europe},
    {"Europe/Rome", 60, DstRule::Europe},
    {"Europe/Amsterdam", 60, DstRule::Europe},
    {"Europe/Brussels", 60, DstRule::Europe},
    {"Europe/Vienna", 60, DstRule::Europe},
    {"Europe/Zurich", 60, DstRule::Europe},
    {"Europe/Stockholm", 60, DstRule::Europe},
    {"Europe/Oslo", 60, DstRule::Europe},
    {"Europe/Copenhagen", 60, DstRule::Europe},
    {"Europe/Warsaw", 60, DstRule::Europe},
    {"Europe/Prague", 60, DstRule::Europe},
    {"Europe/Athens", 120, DstRule::Europe},
    {"Europe/Helsinki", 120, DstRule::Europe},
    {"Europe/Bucharest", 120, DstRule::Europe},
    {"Europe/Kyiv", 120, DstRule::Europe},
    {"Europe/Istanbul", 180, DstRule::None},
    {"Europe/Moscow", 180, DstRule::None},
    {"Africa/Lagos", 60, DstRule::None},
    {"Africa/Johannesburg", 120, DstRule::None},
    {"Africa/Nairobi", 180, DstRule::None},
    // Asia and Oceania
    {"Asia/Dubai", 240, DstRule::None},
    {"Asia/Karachi", 300, DstRule::None},
    {"Asia/Kolkata", 330, DstRule::None},
    {"Asia/Dhaka", 360, DstRule::None},
    {"Asia/Bangkok", 420, DstRule::None},
    {"Asia/Jakarta", 420, DstRule::None},
    {"Asia/Singapore", 480, DstRule::None},
    {"Asia/Shanghai", 480, DstRule::None},
    {"Asia/Hong_Kong", 480, DstRule::None},
    {"Asia/Taipei", 480, DstRule::None},
    {"Australia/Perth", 480, DstRule::None},
    {"Asia/Tokyo", 540, DstRule::None},
    {"Asia/Seoul", 540, DstRule::None},
    {"Australia/Brisbane", 600, DstRule::None},
    {"Australia/Darwin", 570, DstRule::None},
    {"Australia/Adelaide", 570, DstRule::AustraliaSouthEast},
    {"Australia/Sydney", 600, DstRule::AustraliaSouthEast},
    {"Australia/Melbourne", 600, DstRule::AustraliaSouthEast},
    {"Australia/Hobart", 600, DstRule::AustraliaSouthEast},
    {"Pacific/Auckland", 720, DstRule::NewZealand},
};

// Day of month of the n-th Sunday (n >= 1), or of the last one (n = 0).
int sunday(int year, int month, int n) {
    if (n == 0) {
        const int last = days_in_month(year, month);
        return last - weekday_from_days(days_from_civil(year, month, last));
    }
    const int first = 1 + (7 - weekday_from_days(days_from_civil(year, month, 1))) % 7;
    return first + 7 * (n - 1);
}

std::int64_t at(int year, int month, int day, int hour) {
    return unix_from_civil(CivilTime{year, month, day, hour, 0, 0});
}

}  // namespace

int TimeZone::offset_at(std::int64_t utc) const {
    const int std_off = standard_offset_s;
    if (dst == DstRule::None) return std_off;
    const int dst_off = std_off + 3600;
    const int year = civil_from_unix(utc + std_off).year;
    std::int64_t start = 0, end = 0;  // UTC instants DST begins and ends in `year`
    switch (dst) {
        case DstRule::UsCanada:  // 02:00 local standard time / 02:00 local daylight time
            start = at(year, 3, sunday(year, 3, 2), 2) - std_off;
            end = at(year, 11, sunday(year, 11, 1), 2) - dst_off;
            break;
        case DstRule::Europe:  // 01:00 UTC both ways
            start = at(year, 3, sunday(year, 3, 0), 1);
            end = at(year, 10, sunday(year, 10, 0), 1);
            break;
        case DstRule::AustraliaSouthEast:  // from 02:00 standard, 1st Sunday of October, to 03:00 daylight, 1st Sunday
                                           // of April
            start = at(year, 10, sunday(year, 10, 1), 2) - std_off;
            end = at(year, 4, sunday(year, 4, 1), 3) - dst_off;
            break;
        case DstRule::NewZealand:  // from 02:00 standard, last Sunday of September, to 03:00 daylight, 1st Sunday of
                                   // April
            start = at(year, 9, sunday(year, 9, 0), 2) - std_off;
            end = at(year, 4, sunday(year, 4, 1), 3) - dst_off;
            break;
        case DstRule::None:
            break;
    }
    const bool in_dst = start < end ? (utc >= start && utc < end) : (utc >= start || utc < end);
    return in_dst ? dst_off : std_off;
}

std::vector<std::int64_t> TimeZone::utc_of_local(std::int64_t local) const {
    std::vector<std::int64_t> out;
    for (int off : {standard_offset_s + (dst == DstRule::None ? 0 : 3600), standard_offset_s}) {
        const std::int64_t u = local - off;
        if (offset_at(u) == off && std::find(out.begin(), out.end(), u) == out.end()) out.push_back(u);
    }
    std::sort(out.begin(), out.end());
    return out;
}

std::optional<TimeZone> find_time_zone(std::string_view name, std::string* error) {
    for (const ZoneRow& z : kZones)
        if (name == z.name) return TimeZone{z.name, z.offset_min * 60, z.dst};
    // Etc/GMT+N is N hours *behind* UTC (POSIX sign), N in 0..12; Etc/GMT-N ahead, N in 0..14.
    if (name.size() > 8 && name.substr(0, 7) == "Etc/GMT" && (name[7] == '+' || name[7] == '-')) {
        int n = 0;
        bool digits = name.size() <= 10;
        for (char c : name.substr(8)) {
            digits = digits && std::isdigit(static_cast<unsigned char>(c));
            n = n * 10 + (c - '0');
        }
        if (digits && n <= (name[7] == '+' ? 12 : 14))
            return TimeZone{std::string(name), (name[7] == '+' ? -n : n) * 3600, DstRule::None};
    }
    if (error)
        *error = "time zone '" + std::string(name) +
                 "' is not simulated; use UTC, Etc/GMT+N / Etc/GMT-N, or a common IANA zone such as "
                 "America/New_York, Europe/London, Europe/Berlin, Asia/Tokyo, Asia/Kolkata or Australia/Sydney";
    return std::nullopt;
}

std::optional<std::int64_t> next_fire(const schedule::ScheduleExpression& expr, const TimeZone& tz, std::int64_t after,
                                      std::int64_t anchor) {
    if (expr.is_rate()) return expr.next_after(after, anchor);
    if (expr.is_at()) {
        const auto utc = tz.utc_of_local(expr.at_unix());
        const std::int64_t t = utc.empty() ? expr.at_unix() - tz.standard_offset_s : utc.front();
        if (t > after) return t;
        return std::nullopt;
    }
    // cron: walk local fire times from the local time of `after`; the offset in force there is
    // at most an hour from the one at the answer, so start an hour early and skip what is not later.
    std::int64_t cursor = after + tz.offset_at(after) - 3600 - 1;
    for (int guard = 0; guard < 100000; ++guard) {
        const auto local = expr.next_after(cursor);
        if (!local) return std::nullopt;
        for (std::int64_t u : tz.utc_of_local(*local))
            if (u > after) {
                // A fall-back repeats local times: the later copy of a time already invoked is not.
                if (tz.offset_at(u) == tz.standard_offset_s && tz.dst != DstRule::None &&
                    tz.offset_at(u - 3600) != tz.standard_offset_s && u - 3600 <= after)
                    break;
                return u;
            }
        cursor = *local;
    }
    return std::nullopt;
}

std::optional<std::int64_t> parse_iso_date(std::string_view text) {
    auto digits = [&](std::size_t at, std::size_t n) -> int {
        if (at + n > text.size()) return -1;
        int v = 0;
        for (std::size_t i = at; i < at + n; ++i) {
            if (!std::isdigit(static_cast<unsigned char>(text[i]))) return -1;
            v = v * 10 + (text[i] - '0');
        }
        return v;
    };
    if (text.size() < 19 || text[4] != '-' || text[7] != '-' || (text[10] != 'T' && text[10] != ' ') ||
        text[13] != ':' || text[16] != ':')
        return std::nullopt;
    CivilTime c{digits(0, 4), digits(5, 2), digits(8, 2), digits(11, 2), digits(14, 2), digits(17, 2)};
    if (c.year < 0 || c.month < 0 || c.day < 0 || c.hour < 0 || c.minute < 0 || c.second < 0 || !is_valid_civil(c))
        return std::nullopt;
    std::size_t i = 19;
    if (i < text.size() && text[i] == '.') {
        ++i;
        while (i < text.size() && std::isdigit(static_cast<unsigned char>(text[i]))) ++i;
    }
    std::int64_t offset = 0;
    if (i < text.size() && text[i] == 'Z') {
        ++i;
    } else if (i < text.size() && (text[i] == '+' || text[i] == '-')) {
        const int h = digits(i + 1, 2), m = i + 3 < text.size() && text[i + 3] == ':' ? digits(i + 4, 2) : -1;
        if (h < 0 || m < 0) return std::nullopt;
        offset = (text[i] == '+' ? 1 : -1) * (h * 3600 + m * 60);
        i += 6;
    }
    if (i != text.size()) return std::nullopt;
    return unix_from_civil(c) - offset;
}

std::string lenient_rate(std::string_view text) {
    if (text.size() < 8 || text.substr(0, 5) != "rate(" || text.back() != ')') return std::string(text);
    const std::string_view inner = text.substr(5, text.size() - 6);
    const std::size_t space = inner.find(' ');
    if (space == std::string_view::npos) return std::string(text);
    const std::string_view value = inner.substr(0, space);
    std::string unit(inner.substr(space + 1));
    if (!unit.empty() && unit.back() == 's') unit.pop_back();
    if (unit != "minute" && unit != "hour" && unit != "day") return std::string(text);
    if (value != "1") unit += 's';
    return "rate(" + std::string(value) + " " + unit + ")";
}

}  // namespace sim::svc::sched
