// utc_time.cpp — the ISO-8601 UTC text form (format and parse), on core/civil_time.h's calendar.
#include "schedule/utc_time.h"

namespace sim::schedule {

namespace {

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
std::optional<CivilTime> parse_fields(std::string_view text, std::string_view shape, std::string_view whole,
                                      std::string* error) {
    auto fail = [&](const std::string& why) -> std::optional<CivilTime> {
        if (error != nullptr) {
            *error = "expected " + std::string(shape) + ", got '" + std::string(whole) + "'";
            if (!why.empty()) *error += " (" + why + ")";
        }
        return std::nullopt;
    };
    CivilTime t;
    const bool shape_ok = text.size() == 19 && read_digits(text, 0, 4, t.year) && text[4] == '-' &&
                          read_digits(text, 5, 2, t.month) && text[7] == '-' && read_digits(text, 8, 2, t.day) &&
                          text[10] == 'T' && read_digits(text, 11, 2, t.hour) && text[13] == ':' &&
                          read_digits(text, 14, 2, t.minute) && text[16] == ':' && read_digits(text, 17, 2, t.second);
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
        if (error != nullptr) *error = "expected " + std::string(kShape) + ", got '" + std::string(text) + "'";
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
