// scheduler.h — the future-event queue, ordered by (time, insertion sequence).
// Ties run in the order they were posted (FIFO), which makes runs reproducible. Posting into the
// past is an engine bug and is clamped to now with an assertion in debug builds.
#pragma once

#include "core/sim_time.h"

#include <cstdint>
#include <vector>

namespace sim {

enum class EventKind : std::uint8_t { Deliver, Reply, Timer, Start };

struct Event {
    SimTime at;
    std::uint64_t seq = 0;
    std::uint32_t node = 0;    // the service that handles the event
    EventKind kind = EventKind::Timer;
    std::uint32_t slot = 0;    // index into the message or reply slab (Deliver/Reply)
    std::uint64_t tag = 0;     // timer tag, call id, or timer id
};

class Scheduler {
public:
    SimTime now() const { return now_; }
    std::size_t size() const { return heap_.size(); }
    bool empty() const { return heap_.empty(); }
    std::uint64_t posted() const { return seq_; }

    // Queues `e` at e.at (>= now); returns its sequence number.
    std::uint64_t post(Event e);
    // Time of the next event, or kNever.
    SimTime peek_time() const { return heap_.empty() ? kNever : heap_.front().at; }
    // Removes the next event and advances the clock to its time. Precondition: !empty().
    Event pop();
    // Moves the clock forward without an event (run_until on an idle queue). t >= now.
    void advance_to(SimTime t) {
        if (t > now_) now_ = t;
    }
    void clear() { heap_.clear(); }

private:
    std::vector<Event> heap_;
    SimTime now_;
    std::uint64_t seq_ = 0;
};

}  // namespace sim
