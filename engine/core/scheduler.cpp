// scheduler.cpp — a binary min-heap on (at, seq) with lazy cancellation and compaction.
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

std::uint64_t Scheduler::post(Event e) {
    assert(e.at >= now_ && "event posted into the past");
    if (e.at < now_) e.at = now_;
    e.seq = seq_++;
    heap_.push_back(e);
    std::push_heap(heap_.begin(), heap_.end(), Later{});
    return e.seq;
}

void Scheduler::cancel(std::uint64_t seq) {
    if (seq >= seq_) return;
    if (!heap_.empty() && heap_.front().seq == seq) {
        std::pop_heap(heap_.begin(), heap_.end(), Later{});
        heap_.pop_back();
        drop_cancelled_top();
        return;
    }
    cancelled_.insert(seq);
    // Cancelled entries stay in the heap until they reach the top; rebuild once they are more
    // than half the live ones, so the heap stays proportional to what is really pending.
    if (cancelled_.size() > 32 + (heap_.size() - std::min(heap_.size(), cancelled_.size())) / 2) compact();
}

void Scheduler::drop_cancelled_top() {
    while (!cancelled_.empty() && !heap_.empty() && cancelled_.erase(heap_.front().seq)) {
        std::pop_heap(heap_.begin(), heap_.end(), Later{});
        heap_.pop_back();
    }
}

void Scheduler::compact() {
    // The order of pop() is fixed by (at, seq), a total order, so rebuilding changes nothing
    // observable. Sequence numbers not found (events that already ran) are forgotten too.
    auto keep = std::remove_if(heap_.begin(), heap_.end(), [&](const Event& e) { return cancelled_.count(e.seq) != 0; });
    heap_.erase(keep, heap_.end());
    cancelled_.clear();
    std::make_heap(heap_.begin(), heap_.end(), Later{});
}

Event Scheduler::pop() {
    std::pop_heap(heap_.begin(), heap_.end(), Later{});
    Event e = heap_.back();
    heap_.pop_back();
    now_ = e.at;
    drop_cancelled_top();
    return e;
}

}  // namespace sim
