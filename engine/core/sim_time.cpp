// sim_time.cpp — duration parsing and formatting for virtual time.
#include "core/sim_time.h"

#include <cmath>
#include <cstdio>

namespace sim {

SimTime from_ms(double ms) {
    if (!(ms > 0)) return {0};
    if (ms > 9.0e12) return kNever;
    // llround for 0 < us < 2^53, inline: truncate, then round the (exactly computed) fraction half up.
    const double us = ms * 1000.0;
    auto whole = static_cast<std::int64_t>(us);
    if (us - static_cast<double>(whole) >= 0.5) ++whole;
    return {whole};
}

SimTime from_seconds(double s) {
    return from_ms(s * 1000.0);
}

std::optional<SimTime> parse_duration(std::string_view text) {
    if (text.empty() || text.size() > 32) return std::nullopt;
    std::size_t i = 0;
    std::int64_t whole = 0;
    bool digits = false;
    while (i < text.size() && text[i] >= '0' && text[i] <= '9') {
        whole = whole * 10 + (text[i] - '0');
        digits = true;
        if (whole > 1'000'000'000'000LL) return std::nullopt;
        ++i;
    }
    std::int64_t frac_num = 0, frac_den = 1;
    if (i < text.size() && text[i] == '.') {
        ++i;
        while (i < text.size() && text[i] >= '0' && text[i] <= '9' && frac_den < 1'000'000) {
            frac_num = frac_num * 10 + (text[i] - '0');
            frac_den *= 10;
            digits = true;
            ++i;
        }
    }
    if (!digits) return std::nullopt;
    std::string_view unit = text.substr(i);
    std::int64_t scale = 0;  // microseconds per unit
    if (unit.empty() || unit == "s")
        scale = 1'000'000;
    else if (unit == "ms")
        scale = 1'000;
    else if (unit == "us")
        scale = 1;
    else if (unit == "m" || unit == "min")
        scale = 60'000'000;
    else if (unit == "h")
        scale = 3'600'000'000LL;
    else if (unit == "d")
        scale = 86'400'000'000LL;
    else
        return std::nullopt;
    if (whole > INT64_MAX / scale / 2) return std::nullopt;
    return SimTime{whole * scale + frac_num * scale / frac_den};
}

std::string format_duration(SimTime t) {
    std::int64_t us = t.us < 0 ? -t.us : t.us;
    std::int64_t s = us / 1'000'000;
    int ms = static_cast<int>((us % 1'000'000) / 1000);
    char buf[64];
    if (s >= 3600)
        std::snprintf(buf, sizeof buf, "%lldh %02lldm %02lld.%03ds", static_cast<long long>(s / 3600),
                      static_cast<long long>(s / 60 % 60), static_cast<long long>(s % 60), ms);
    else if (s >= 60)
        std::snprintf(buf, sizeof buf, "%lldm %02lld.%03ds", static_cast<long long>(s / 60),
                      static_cast<long long>(s % 60), ms);
    else
        std::snprintf(buf, sizeof buf, "%lld.%03ds", static_cast<long long>(s), ms);
    return (t.us < 0 ? "-" : "") + std::string(buf);
}

}  // namespace sim
