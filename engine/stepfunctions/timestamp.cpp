// timestamp.cpp — RFC 3339 parsing and formatting with civil-date arithmetic (no libc time).
#include "stepfunctions/timestamp.h"

#include "core/civil_time.h"

#include <cctype>
#include <cstdio>

namespace sim::sfn {

namespace {

bool digits(std::string_view s, std::size_t pos, std::size_t n, int& out) {
    if (pos + n > s.size()) return false;
    out = 0;
    for (std::size_t k = 0; k < n; ++k) {
        char c = s[pos + k];
        if (!std::isdigit(static_cast<unsigned char>(c))) return false;
        out = out * 10 + (c - '0');
    }
    return true;
}

}  // namespace

std::optional<std::int64_t> parse_timestamp_us(std::string_view s) {
    int year, month, day, hour, minute, second;
    if (!digits(s, 0, 4, year) || s.size() < 19 || s[4] != '-' || !digits(s, 5, 2, month) || s[7] != '-' ||
        !digits(s, 8, 2, day) || s[10] != 'T' || !digits(s, 11, 2, hour) || s[13] != ':' || !digits(s, 14, 2, minute) ||
        s[16] != ':' || !digits(s, 17, 2, second))
        return std::nullopt;
    if (month < 1 || month > 12 || day < 1 || day > days_in_month(year, month) || hour > 23 || minute > 59 ||
        second > 59)
        return std::nullopt;
    std::size_t pos = 19;
    std::int64_t micros = 0;
    if (pos < s.size() && s[pos] == '.') {
        ++pos;
        std::size_t start = pos;
        std::int64_t scale = 100000;
        while (pos < s.size() && std::isdigit(static_cast<unsigned char>(s[pos]))) {
            micros += (s[pos] - '0') * scale;
            scale /= 10;
            ++pos;
        }
        if (pos == start) return std::nullopt;
    }
    std::int64_t offset_s = 0;
    if (pos < s.size() && s[pos] == 'Z') {
        ++pos;
    } else if (pos < s.size() && (s[pos] == '+' || s[pos] == '-')) {
        int oh, om;
        if (!digits(s, pos + 1, 2, oh) || pos + 3 >= s.size() || s[pos + 3] != ':' || !digits(s, pos + 4, 2, om) ||
            oh > 23 || om > 59)
            return std::nullopt;
        offset_s = (oh * 3600 + om * 60) * (s[pos] == '+' ? 1 : -1);
        pos += 6;
    } else {
        return std::nullopt;
    }
    if (pos != s.size()) return std::nullopt;
    std::int64_t days = days_from_civil(year, month, day);
    std::int64_t secs = days * 86400 + hour * 3600 + minute * 60 + second - offset_s;
    return secs * 1000000 + micros;
}

std::string format_timestamp_us(std::int64_t epoch_us) {
    std::int64_t secs = epoch_us >= 0 ? epoch_us / 1000000 : -((-epoch_us + 999999) / 1000000);
    std::int64_t rem_us = epoch_us - secs * 1000000;
    std::int64_t days = secs >= 0 ? secs / 86400 : -((-secs + 86399) / 86400);
    std::int64_t sod = secs - days * 86400;
    const CivilDate date = civil_from_days(days);
    const auto y = static_cast<long long>(date.year);
    const auto m = static_cast<unsigned>(date.month), d = static_cast<unsigned>(date.day);
    char buf[96];
    std::snprintf(buf, sizeof buf, "%04lld-%02u-%02uT%02lld:%02lld:%02lld.%03lldZ", y, m, d,
                  static_cast<long long>(sod / 3600), static_cast<long long>(sod / 60 % 60),
                  static_cast<long long>(sod % 60), static_cast<long long>(rem_us / 1000));
    return buf;
}

}  // namespace sim::sfn
