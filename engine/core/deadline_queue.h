// deadline_queue.h — timeouts of one fixed length without one timer each.
// A service whose requests all get the same timeout (API Gateway's integration timeout, a Lambda
// function's Timeout) pushes (due, id) as each starts, so the queue is in due order. One timer,
// armed for the oldest entry still open, sweeps everything due when it fires; entries whose work
// ended meanwhile are skipped and dropped lazily, and the queue is compacted when they pile up
// behind a slow one, so memory stays proportional to the open work.
#pragma once

#include "core/service.h"

#include <cstdint>
#include <deque>

namespace sim {

class DeadlineQueue {
public:
    // `timer_tag` is the service's on_timer tag for the sweep.
    explicit DeadlineQueue(std::uint64_t timer_tag) : tag_(timer_tag) {}

    // Adds an entry (due >= every due pushed before). `open(id)` says whether an entry's work is
    // still running; `open_count` is how many are (an upper bound will do).
    template <class Open>
    void push(Context& ctx, SimTime due, std::uint64_t id, Open&& open, std::size_t open_count) {
        q_.push_back(Entry{due, id});
        while (!open(q_.front())) q_.pop_front();  // the entry just pushed is open
        if (q_.size() > 2 * open_count + 1024) std::erase_if(q_, [&](const Entry& e) { return !open(e); });
        if (!armed_) arm(ctx, open);
    }

    // On the sweep timer: calls `due_now(id)` for every open entry due by now (oldest first), then
    // arms the timer for the next open one. Entries `due_now` pushes wait for that next sweep.
    template <class Open, class DueNow>
    void sweep(Context& ctx, Open&& open, DueNow&& due_now) {
        armed_ = true;  // pushes made by `due_now` do not arm a second timer
        while (!q_.empty() && q_.front().due <= ctx.now()) {
            const Entry e = q_.front();
            q_.pop_front();
            if (open(e)) due_now(e.id);
        }
        armed_ = false;
        arm(ctx, open);
    }

    struct Entry {
        SimTime due;
        std::uint64_t id;
    };

private:
    template <class Open>
    void arm(Context& ctx, Open& open) {
        while (!q_.empty() && !open(q_.front())) q_.pop_front();
        if (q_.empty()) return;
        ctx.start_timer(q_.front().due - ctx.now(), tag_);
        armed_ = true;
    }

    std::deque<Entry> q_;
    std::uint64_t tag_;
    bool armed_ = false;
};

}  // namespace sim
