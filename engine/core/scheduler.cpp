// scheduler.cpp — a binary min-heap on (at, seq).
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

Event Scheduler::pop() {
    std::pop_heap(heap_.begin(), heap_.end(), Later{});
    Event e = heap_.back();
    heap_.pop_back();
    now_ = e.at;
    return e;
}

}  // namespace sim
