// timer_tag.h — what a service's timer is for, in the one integer Context::start_timer carries:
// a kind (the service's own enum: "visibility timeout", "retry", "billing tick") and a value (an
// invocation id, a slot, a lane). The kind takes the top byte, the value the low 56 bits, the same
// way in every service.
//
//   enum class Timer : std::uint8_t { Retry = 1, Bill };
//   ctx.start_timer(delay, timer_tag(Timer::Retry, id));
//   void on_timer(Context&, std::uint64_t tag) { switch (timer_kind<Timer>(tag)) … timer_value(tag) … }
#pragma once

#include <cstdint>

namespace sim {

inline constexpr std::uint64_t kTimerValueMask = (std::uint64_t{1} << 56) - 1;

template <class Kind>
constexpr std::uint64_t timer_tag(Kind kind, std::uint64_t value = 0) {
    return (static_cast<std::uint64_t>(kind) << 56) | (value & kTimerValueMask);
}

template <class Kind>
constexpr Kind timer_kind(std::uint64_t tag) {
    return static_cast<Kind>(tag >> 56);
}

constexpr std::uint64_t timer_value(std::uint64_t tag) {
    return tag & kTimerValueMask;
}

// Two 28-bit halves in one value (a mapping and a lane, a slot and its generation).
constexpr std::uint64_t timer_pair(std::uint32_t high, std::uint32_t low) {
    return (static_cast<std::uint64_t>(high & 0xFFFFFFF) << 28) | (low & 0xFFFFFFF);
}
constexpr std::uint32_t timer_pair_high(std::uint64_t value) {
    return static_cast<std::uint32_t>(value >> 28) & 0xFFFFFFF;
}
constexpr std::uint32_t timer_pair_low(std::uint64_t value) {
    return static_cast<std::uint32_t>(value) & 0xFFFFFFF;
}

}  // namespace sim
