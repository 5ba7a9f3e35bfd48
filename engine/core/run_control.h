// run_control.h — why a run stopped, and the progress callback that can stop it.
#pragma once

#include "core/sim_time.h"

#include <cstdint>
#include <functional>
#include <string>

namespace sim {

enum class StopReason { None, Completed, TimeLimit, EventLimit, Interrupted };
const char* stop_reason_name(StopReason r);  // "completed", "time_limit", ...
std::string stop_reason_text(StopReason r);  // a sentence for reports

struct Progress {
    SimTime now;
    SimTime until;
    std::uint64_t events = 0;
};
// Called every few thousand events; return false to stop (Interrupted).
using ProgressFn = std::function<bool(const Progress&)>;

}  // namespace sim
