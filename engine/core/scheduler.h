// scheduler.h — the future-event queue, ordered by (time, insertion sequence).
// Ties run in the order they were posted (FIFO), which makes runs reproducible. Posting into the
// past is an engine bug and is clamped to now with an assertion in debug builds.
// Cancelled events are never returned by pop(). They are removed lazily: the top of the heap is
// always a live event, and the heap is compacted once cancelled entries outnumber half the live
// ones, so a service that arms and cancels a timeout per request (API Gateway's 29 s) keeps the
// heap as small as the work actually pending.
// Events posted for the current instant (about 40 % of them: replies and hand-offs with no
// latency) skip the heap: they queue in a FIFO lane, already in (time, sequence) order, and pop()
// takes the earlier of the lane's front and the queue's top.
// The future events themselves are usually few (about a dozen in the async-queue benchmark), and
// while they are, a vector sorted latest-first beats a heap: popping is pop_back, and a new event
// usually comes before the long timers at the front (timeouts, retention, hourly billing), so
// posting scans and shifts only the few entries due before it, from the back. Past kSortedMax
// events the vector becomes a binary heap; it goes back to sorted once at most kSortedMin are left.
#pragma once

#include "core/sim_time.h"

#include <cassert>
#include <cstdint>
#include <unordered_set>
#include <vector>

namespace sim {

enum class EventKind : std::uint8_t { Deliver, Reply, Timer, Start };

// 32 bytes: the heap moves whole events, so node and kind share one word (patterns have at most
// 5,000 nodes; 24 bits hold 16 million).
struct Event {
    SimTime at;
    std::uint64_t seq = 0;
    std::uint32_t node : 24 = 0;  // the service that handles the event
    EventKind kind : 8 = EventKind::Timer;
    std::uint32_t slot = 0;  // index into the message or reply slab (Deliver/Reply)
    std::uint64_t tag = 0;   // timer tag, call id, or timer id
};
static_assert(sizeof(Event) == 32);

class Scheduler {
public:
    SimTime now() const { return now_; }
    const SimTime& clock() const { return now_; }  // follows now() (Context reads it directly)
    // Pending live events (an event cancelled after it ran is not subtracted twice).
    std::size_t size() const { return stored() - std::min(stored(), cancelled_.size()); }
    bool empty() const { return future_empty() && lane_empty(); }
    std::size_t stored() const {
        return heap_.size() + (lane_.size() - lane_head_);
    }  // including cancelled, not yet removed
    std::uint64_t posted() const { return seq_; }

    // Queues `e` at e.at (>= now); returns its sequence number. Inline: the current instant's
    // lane is the most common case and needs no call.
    std::uint64_t post(const Event& e) {
        assert(e.at >= now_ && "event posted into the past");
        if (e.at.us > now_.us) return post_later(e);
        if (lane_empty()) {
            lane_.clear();
            lane_head_ = 0;
        } else if (lane_head_ >= 4096 && 2 * lane_head_ >= lane_.size()) {
            drop_ran_lane();
        }
        // Same instant: after everything already queued for it, so FIFO order is (at, seq) order.
        Event& queued = lane_.emplace_back(e);
        queued.at = now_;  // an event posted into the past (an engine bug) is clamped to now
        return queued.seq = seq_++;
    }
    // Cancels the pending event with sequence number `seq`; it will not be returned by pop().
    // A sequence number that already ran or never existed is ignored.
    void cancel(std::uint64_t seq);
    // Time of the next live event, or kNever.
    SimTime peek_time() const { return empty() ? kNever : lane_next() ? lane_[lane_head_].at : top().at; }
    // Removes the next live event and advances the clock to its time. Precondition: !empty().
    Event pop();
    // Same when the next event is due by `until` (true); otherwise removes nothing (false).
    bool pop_due(SimTime until, Event& out);
    // Moves the clock forward without an event (run_until on an idle queue). t >= now.
    void advance_to(SimTime t) {
        if (t > now_) now_ = t;
    }
    void clear() {
        heap_.clear();
        sorted_ = true;
        lane_.clear();
        lane_head_ = 0;
        cancelled_.clear();
    }

private:
    bool lane_empty() const { return lane_head_ == lane_.size(); }
    // Whether the next event is the lane's front (else the heap's top). Precondition: !empty().
    bool lane_next() const {
        if (lane_empty()) return false;
        if (future_empty()) return true;
        const Event &a = lane_[lane_head_], &b = top();
        return a.at.us != b.at.us ? a.at.us < b.at.us : a.seq < b.seq;
    }
    bool future_empty() const { return heap_.empty(); }
    // The earliest future event. Precondition: !future_empty().
    const Event& top() const { return sorted_ ? heap_.back() : heap_.front(); }
    const Event& next() const { return lane_next() ? lane_[lane_head_] : top(); }
    std::uint64_t post_later(const Event& e);  // the sorted vector or heap
    void drop_ran_lane();  // an instant that never drains (a zero-latency storm): drop what already ran
    void remove_next();
    void remove_top();  // drops top(), keeping the order
    void drop_cancelled_next();
    void compact();

    static constexpr std::size_t kSortedMax = 64, kSortedMin = 16;
    std::vector<Event> heap_;  // future events: sorted latest-first while sorted_, else a min-heap
    bool sorted_ = true;
    std::vector<Event> lane_;  // events at the current instant, FIFO from lane_head_
    std::size_t lane_head_ = 0;
    std::unordered_set<std::uint64_t> cancelled_;  // sequence numbers still in heap_ (or stale)
    SimTime now_;
    std::uint64_t seq_ = 0;
};

}  // namespace sim
