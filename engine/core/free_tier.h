// free_tier.h — AWS's always-free monthly allowances, applied per account when a pattern opts in
// (settings.freeTier). Off by default: list prices make "pay per use" visible from the first request.
// Each allowance resets at the start of every UTC calendar month of simulated time, and is shared
// by every node that bills the meter (e.g. all Lambda functions of the account draw on the same
// 1M requests). Only always-free offers are modelled, not 12-month or credit-based ones.
#pragma once

#include "core/message.h"

#include <array>
#include <cstdint>

namespace sim {

enum class FreeMeter : std::uint8_t {
    LambdaRequests,            // 1,000,000 requests / month (both architectures)
    LambdaGbSeconds,           // 400,000 GB-s of on-demand duration / month
    SqsRequests,               // 1,000,000 requests / month (standard and FIFO together)
    SnsPublishes,              // 1,000,000 standard-topic publishes / month (64 KB chunks)
    StepFunctionsTransitions,  // 4,000 Standard state transitions / month
    Count
};

class FreeTier {
public:
    static constexpr std::size_t kMeters = static_cast<std::size_t>(FreeMeter::Count);

    void enable(bool on) { enabled_ = on; }
    bool enabled() const { return enabled_; }
    static double allowance(FreeMeter m);  // units per month
    static const char* name(FreeMeter m);  // "lambda_requests", ...

    // The part of `units` that is billed at list price, after drawing on what is left of this
    // month's allowance (`unix_s` is the simulated instant, to find the calendar month).
    double billable(FreeMeter m, double units, std::int64_t unix_s);
    // Units billed free over the whole run, per meter.
    double free_units(FreeMeter m) const { return free_total_[static_cast<std::size_t>(m)]; }
    Json report() const;

private:
    bool enabled_ = false;
    std::int64_t month_ = -1;                   // year * 12 + month of the allowance in use
    std::array<double, kMeters> used_{};        // this month
    std::array<double, kMeters> free_total_{};  // whole run
};

}  // namespace sim
