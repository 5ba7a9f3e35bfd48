// utc_time.cpp — civil-date arithmetic (H. Hinnant's days_from_civil / civil_from_days, which
// are exact for the whole proleptic Gregorian calendar) and the ISO-8601 UTC text form.
#include "schedule/utc_time.h"

namespace sim::schedule {

namespace {

// Floor division and modulo for possibly negative numerators (C++ `/` truncates toward zero).
std::int64_t floor_div(std::int64_t a, std::int64_t b) {
    std::int64_t q = a / b;
    if ((a % b != 0) && ((a < 0) != (b < 0))) --q;
    return q;
}

std::int64_t floor_mod(std::int64_t a, std::int64_t b) { return a - floor_div(a, b) * b; }

void append_padded(std::string& out, std::int64_t value, int width) {
    std::string digits = std::to_string(value < 0 ? -value : value);
    if (value < 0) out += '-';
    for (int i = static_cast<int>(digits.size()); i < width; ++i) out += '0';
    out += digits;
}

// Reads exactly `width` ASCII digits at text[pos]; false if any is not a digit.
bool read_digits(std::string_view text, std::size_t pos, int width, int& value) {
    if (pos + static_cast<std::size_t>(width) > text.size()) return false;
    value = 0;
    for (int i = 0; i < width; ++i) {
        const char c = text[pos + static_cast<std::size_t>(i)];
        if (c < '0' || c > '9') return false;
        value = value * 10 + (c - '0');
    }
    return true;
}

std::string two(int v) {
    std::string s;
    append_padded(s, v, 2);
    return s;
}

// Shared by parse_utc / parse_civil: `text` must be "YYYY-MM-DDTHH:MM:SS" exactly.
std::optional<CivilTime> parse_fields(std::string_view text, std::string_view shape,
                                      std::string_view whole, std::string* error) {
    auto fail = [&](const std::string& why) -> std::optional<CivilTime> {
        if (error != nullptr) {
            *error = "expected " + std::string(shape) + ", got '" + std::string(whole) + "'";
            if (!why.empty()) *error += " (" + why + ")";
        }
        return std::nullopt;
    };
    CivilTime t;
    const bool shape_ok = text.size() == 19 && read_digits(text, 0, 4, t.year) &&
                          text[4] == '-' && read_digits(text, 5, 2, t.month) && text[7] == '-' &&
                          read_digits(text, 8, 2, t.day) && text[10] == 'T' &&
                          read_digits(text, 11, 2, t.hour) && text[13] == ':' &&
                          read_digits(text, 14, 2, t.minute) && text[16] == ':' &&
                          read_digits(text, 17, 2, t.second);
    if (!shape_ok) return fail("");
    if (t.month < 1 || t.month > 12) return fail("month " + two(t.month) + " is not 01-12");
    if (t.day < 1 || t.day > days_in_month(t.year, t.month)) {
        std::string ym;
        append_padded(ym, t.year, 4);
        return fail("day " + two(t.day) + " is not in " + ym + "-" + two(t.month));
    }
    if (t.hour > 23) return fail("hour " + two(t.hour) + " is not 00-23");
    if (t.minute > 59) return fail("minute " + two(t.minute) + " is not 00-59");
    if (t.second > 59) return fail("second " + two(t.second) + " is not 00-59");
    return t;
}

}  // namespace

bool is_leap_year(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

int days_in_month(int year, int month) {
    static constexpr int kDays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (month < 1 || month > 12) return 0;
    if (month == 2 && is_leap_year(year)) return 29;
    return kDays[month - 1];
}

std::int64_t days_from_civil(int year, int month, int day) {
    // Shift the year to start in March so the leap day is the last day of the "year".
    const std::int64_t y = static_cast<std::int64_t>(year) - (month <= 2 ? 1 : 0);
    const std::int64_t era = floor_div(y, 400);
    const std::int64_t yoe = y - era * 400;                                   // [0, 399]
    const std::int64_t mp = (month + 9) % 12;                                 // March = 0
    const std::int64_t doy = (153 * mp + 2) / 5 + day - 1;                    // [0, 365]
    const std::int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;           // [0, 146096]
    return era * 146097 + doe - 719468;
}

CivilDate civil_from_days(std::int64_t days) {
    const std::int64_t z = days + 719468;
    const std::int64_t era = floor_div(z, 146097);
    const std::int64_t doe = z - era * 146097;                                      // [0, 146096]
    const std::int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;  // [0, 399]
    const std::int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);                // [0, 365]
    const std::int64_t mp = (5 * doy + 2) / 153;                                     // [0, 11]
    CivilDate d;
    d.day = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
    d.month = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
    d.year = static_cast<int>(yoe + era * 400 + (d.month <= 2 ? 1 : 0));
    return d;
}

int weekday_from_days(std::int64_t days) {
    return static_cast<int>(floor_mod(days + 4, 7));  // 1970-01-01 was a Thursday (4)
}

CivilTime civil_from_unix(std::int64_t unix_s) {
    const std::int64_t days = floor_div(unix_s, kSecondsPerDay);
    const std::int64_t secs = unix_s - days * kSecondsPerDay;  // [0, 86399]
    const CivilDate d = civil_from_days(days);
    CivilTime t;
    t.year = d.year;
    t.month = d.month;
    t.day = d.day;
    t.hour = static_cast<int>(secs / 3600);
    t.minute = static_cast<int>((secs % 3600) / 60);
    t.second = static_cast<int>(secs % 60);
    return t;
}

std::int64_t unix_from_civil(const CivilTime& t) {
    return days_from_civil(t.year, t.month, t.day) * kSecondsPerDay + t.hour * 3600LL +
           t.minute * 60LL + t.second;
}

bool is_valid_civil(const CivilTime& t) {
    return t.month >= 1 && t.month <= 12 && t.day >= 1 && t.day <= days_in_month(t.year, t.month) &&
           t.hour >= 0 && t.hour <= 23 && t.minute >= 0 && t.minute <= 59 && t.second >= 0 &&
           t.second <= 59;
}

std::string format_utc(std::int64_t unix_s) {
    const CivilTime t = civil_from_unix(unix_s);
    std::string out;
    out.reserve(20);
    append_padded(out, t.year, 4);
    out += '-';
    append_padded(out, t.month, 2);
    out += '-';
    append_padded(out, t.day, 2);
    out += 'T';
    append_padded(out, t.hour, 2);
    out += ':';
    append_padded(out, t.minute, 2);
    out += ':';
    append_padded(out, t.second, 2);
    out += 'Z';
    return out;
}

std::optional<std::int64_t> parse_utc(std::string_view text, std::string* error) {
    constexpr std::string_view kShape = "YYYY-MM-DDTHH:MM:SSZ";
    if (text.size() != 20 || text.back() != 'Z') {
        if (error != nullptr) *error = "expected " + std::string(kShape) + ", got '" +
                                       std::string(text) + "'";
        return std::nullopt;
    }
    const auto t = parse_fields(text.substr(0, 19), kShape, text, error);
    if (!t) return std::nullopt;
    return unix_from_civil(*t);
}

std::optional<CivilTime> parse_civil(std::string_view text, std::string* error) {
    return parse_fields(text, "YYYY-MM-DDTHH:MM:SS", text, error);
}

}  // namespace sim::schedule
