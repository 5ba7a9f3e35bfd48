// bench_reference.h — the yardstick `slsim bench` measures the engine against: a bare binary-heap
// event loop with no services, messages or metrics, run in the same process just before the
// workloads. A workload's events/s over the bare loop's is the share of a plain event loop's speed
// the engine keeps while doing a pattern's real work (issue: JSON-heavy patterns near the
// event-loop limit).
#pragma once

#include <cstdint>

namespace sim::cli {

struct BareLoopResult {
    std::uint64_t events = 0;
    double wall_s = 0;
    double events_per_s() const { return wall_s > 0 ? static_cast<double>(events) / wall_s : 0; }
};

// Pops and handles `events` events from a binary heap (std::push_heap/pop_heap) of 32-byte events
// ordered by (time, sequence) holding `pending` of them; each handler is an indirect call that
// posts one follow-up at an exponentially distributed delay drawn from the engine's Rng.
BareLoopResult run_bare_loop(std::uint64_t events, std::uint32_t pending);

}  // namespace sim::cli
