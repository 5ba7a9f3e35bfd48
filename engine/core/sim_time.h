// sim_time.h — virtual time: integer microseconds since the start of a run.
// Floating-point time is never accumulated (the same run must give the same trace natively and in
// wasm); conversions from seconds or milliseconds round once, at the edge.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace sim {

struct SimTime {
    std::int64_t us = 0;

    friend constexpr bool operator==(SimTime a, SimTime b) { return a.us == b.us; }
    friend constexpr auto operator<=>(SimTime a, SimTime b) { return a.us <=> b.us; }
    friend constexpr SimTime operator+(SimTime a, SimTime b) { return {a.us + b.us}; }
    friend constexpr SimTime operator-(SimTime a, SimTime b) { return {a.us - b.us}; }
    constexpr SimTime& operator+=(SimTime d) {
        us += d.us;
        return *this;
    }
    constexpr double seconds() const { return static_cast<double>(us) / 1e6; }
    constexpr double millis() const { return static_cast<double>(us) / 1e3; }
    constexpr double hours() const { return static_cast<double>(us) / 3.6e9; }
};

constexpr SimTime usec(std::int64_t v) {
    return {v};
}
constexpr SimTime msec(std::int64_t v) {
    return {v * 1000};
}
constexpr SimTime sec(std::int64_t v) {
    return {v * 1000000};
}
constexpr SimTime minutes(std::int64_t v) {
    return sec(v * 60);
}
constexpr SimTime hours(std::int64_t v) {
    return sec(v * 3600);
}
constexpr SimTime kNever{INT64_MAX};

// Rounds a duration in milliseconds (e.g. a drawn latency) to the microsecond; negatives become 0.
SimTime from_ms(double ms);
SimTime from_seconds(double s);

// Parses "90", "90s", "250ms", "10m", "2h", "1d" (a bare number is seconds). nullopt on bad text.
std::optional<SimTime> parse_duration(std::string_view text);

// "1h 02m 03.250s" style text for reports.
std::string format_duration(SimTime t);

}  // namespace sim
