// scheduler.cpp — future events in a sorted vector (a binary min-heap when there are many) on
// (at, seq), beside a FIFO lane for the current instant, with lazy cancellation and compaction.
#include "core/scheduler.h"

#include <algorithm>
#include <cassert>

namespace sim {
namespace {
// std heap algorithms build a max-heap; "later" compares greater so the earliest is on top.
struct Later {
    bool operator()(const Event& a, const Event& b) const {
        return a.at.us != b.at.us ? a.at.us > b.at.us : a.seq > b.seq;
    }
};
}  // namespace

std::uint64_t Scheduler::post_later(const Event& posted) {
    Event e = posted;
    e.seq = seq_++;
    if (sorted_) {
        if (heap_.size() < kSortedMax) {
            // Latest first: the entries due before e (at the back) move up one; e's sequence
            // number is the largest, so it also goes in front of the events of its own instant.
            std::size_t i = heap_.size();
            heap_.emplace_back();
            while (i > 0 && Later{}(e, heap_[i - 1])) {
                heap_[i] = heap_[i - 1];
                --i;
            }
            heap_[i] = e;
            return e.seq;
        }
        std::reverse(heap_.begin(), heap_.end());  // earliest first: a valid heap
        sorted_ = false;
    }
    // Sift up through a hole: parents move down until e's place is found (one write each).
    std::size_t i = heap_.size();
    heap_.emplace_back();
    while (i > 0) {
        const std::size_t parent = (i - 1) / 2;
        if (!Later{}(heap_[parent], e)) break;
        heap_[i] = heap_[parent];
        i = parent;
    }
    heap_[i] = e;
    return e.seq;
}

void Scheduler::drop_ran_lane() {
    lane_.erase(lane_.begin(), lane_.begin() + static_cast<std::ptrdiff_t>(lane_head_));
    lane_head_ = 0;
}

void Scheduler::cancel(std::uint64_t seq) {
    if (seq >= seq_) return;
    if (!empty() && next().seq == seq) {
        remove_next();
        drop_cancelled_next();
        return;
    }
    cancelled_.insert(seq);
    // Cancelled entries stay in the heap until they reach the top; rebuild once they are more
    // than half the live ones, so the heap stays proportional to what is really pending.
    if (cancelled_.size() > 32 + size() / 2) compact();
}

void Scheduler::remove_next() {
    if (lane_next())
        ++lane_head_;
    else
        remove_top();
}

void Scheduler::drop_cancelled_next() {
    while (!cancelled_.empty() && !empty() && cancelled_.erase(next().seq)) remove_next();
}

void Scheduler::compact() {
    // The order of pop() is fixed by (at, seq), a total order, so rebuilding changes nothing
    // observable. Sequence numbers not found (events that already ran) are forgotten too.
    const auto is_cancelled = [&](const Event& e) { return cancelled_.count(e.seq) != 0; };
    heap_.erase(std::remove_if(heap_.begin(), heap_.end(), is_cancelled), heap_.end());
    lane_.erase(lane_.begin(), lane_.begin() + static_cast<std::ptrdiff_t>(lane_head_));
    lane_head_ = 0;
    lane_.erase(std::remove_if(lane_.begin(), lane_.end(), is_cancelled), lane_.end());
    cancelled_.clear();
    if (!sorted_) std::make_heap(heap_.begin(), heap_.end(), Later{});  // (removal keeps a sorted vector sorted)
}

Event Scheduler::pop() {
    Event next;
    pop_due(kNever, next);
    return next;
}

bool Scheduler::pop_due(SimTime until, Event& out) {
    if (empty()) return false;
    const bool from_lane = lane_next();
    const Event& next = from_lane ? lane_[lane_head_] : top();
    if (next.at > until) return false;
    out = next;
    if (from_lane)
        ++lane_head_;
    else
        remove_top();
    now_ = out.at;
    if (!cancelled_.empty()) drop_cancelled_next();
    return true;
}

void Scheduler::remove_top() {
    if (sorted_) {
        heap_.pop_back();
        return;
    }
    if (heap_.size() <= kSortedMin + 1) {
        // Back to a sorted vector, latest first; the top is then the last.
        std::sort(heap_.begin(), heap_.end(), Later{});
        heap_.pop_back();
        sorted_ = true;
        return;
    }
    // The last event fills the root's hole, sifting down while a child comes before it.
    const Event last = heap_.back();
    heap_.pop_back();
    const std::size_t n = heap_.size();
    if (n == 0) return;
    std::size_t i = 0;
    for (;;) {
        std::size_t child = 2 * i + 1;
        if (child >= n) break;
        if (child + 1 < n && Later{}(heap_[child], heap_[child + 1])) ++child;
        if (!Later{}(last, heap_[child])) break;
        heap_[i] = heap_[child];
        i = child;
    }
    heap_[i] = last;
}

}  // namespace sim
