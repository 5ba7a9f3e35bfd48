// schedule_skip.h — "Skip to next scheduled event": when the next EventBridge scheduled rule of a
// pattern fires. A nightly cron leaves the canvas idle for hours of simulated time; this finds the
// fire time with the engine's own schedule code (engine/schedule: ScheduleExpression::next_after,
// evaluated as the event bus does, in UTC from settings.startTime, rate() anchored at t = 0), so
// the runner can advance the real simulation to just before it.
#pragma once

#include "core/sim_time.h"
#include "pattern/pattern.h"

#include <optional>
#include <string>

namespace pg {

// A skip stops this long before the fire, so pressing Play shows it happen.
inline constexpr sim::SimTime kSkipLead = sim::sec(2);

struct ScheduledFire {
    sim::SimTime at;   // simulated time of the fire
    std::string bus;   // node id of the event bus
    std::string rule;  // rule name
    std::string utc;   // "2026-01-02T00:00:00Z"
};

// True when the pattern has at least one enabled scheduled rule (rate() or cron()).
bool has_schedules(const sim::Pattern& pattern);

// The earliest fire of any enabled scheduled rule strictly after `after` (simulated time);
// nullopt when there is none (no schedules, or a cron whose years have run out).
std::optional<ScheduledFire> next_scheduled_fire(const sim::Pattern& pattern, sim::SimTime after);

}  // namespace pg
