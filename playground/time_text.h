// time_text.h — simulated time as the toolbar and the accessible outline say it.
#pragma once

#include "core/sim_time.h"

#include <cmath>
#include <cstdio>
#include <string>

namespace pg {

// "00:01:05.250"
inline std::string clock_text(double s) {
    const auto total_ms = static_cast<long long>(std::llround(s * 1000));
    const long long h = total_ms / 3600000, m = total_ms / 60000 % 60, sec = total_ms / 1000 % 60, ms = total_ms % 1000;
    char buf[48];
    std::snprintf(buf, sizeof buf, "%02lld:%02lld:%02lld.%03lld", h, m, sec, ms);
    return buf;
}

// A run length as people say it: "10 min", "73 h", "90 s".
inline std::string run_length_text(sim::SimTime t) {
    const double s = t.seconds();
    char buf[32];
    if (s >= 3600 && std::fmod(s, 3600) == 0)
        std::snprintf(buf, sizeof buf, "%g h", s / 3600);
    else if (s >= 60 && std::fmod(s, 60) == 0)
        std::snprintf(buf, sizeof buf, "%g min", s / 60);
    else
        std::snprintf(buf, sizeof buf, "%g s", s);
    return buf;
}

}  // namespace pg
