// kernel.h — the event loop's state behind Simulation and Context: nodes, the scheduler, the
// delivery and reply slabs, the account, the trace (not a public API). It knows nothing of patterns:
// runtime/simulation.cpp builds it from one.
#pragma once

#include "core/metrics.h"
#include "core/run_control.h"
#include "core/scheduler.h"
#include "core/service.h"
#include "core/trace.h"

#include <memory>
#include <new>
#include <string>
#include <vector>

namespace sim {

struct NodeRuntime {
    std::string id;
    std::string type;
    std::unique_ptr<Service> service;
    Rng rng;
    NodeMetrics metrics;
    std::vector<Link> links;
};

// A queued delivery or call: kept in a slab so scheduler events stay small.
struct Delivery {
    Message msg;
    std::uint32_t from = UINT32_MAX;
    const Link* via = nullptr;
    CallerRef caller;
};

// Slots never move once made (storage grows in fixed blocks), so dispatch hands the handler a
// reference into the slab instead of moving the delivery out: a handler that queues more
// deliveries cannot invalidate the one it is reading. The slot is released after the handler.
template <class T>
class Slab {
public:
    // A cleared slot to fill in place (one move of the payload instead of several by value).
    std::uint32_t acquire() {
        if (!free_.empty()) {
            const std::uint32_t i = free_.back();
            free_.pop_back();
            return i;
        }
        if (size_ % kBlock == 0) blocks_.push_back(std::make_unique<T[]>(kBlock));
        return size_++;
    }
    T& operator[](std::uint32_t i) { return blocks_[i / kBlock][i % kBlock]; }
    // Clears the slot (dropping the payload it shares) and makes it reusable.
    void release(std::uint32_t i) {
        T& slot = (*this)[i];
        slot.~T();      // cheaper than assigning a fresh T (no temporary, no move-assignments)
        new (&slot) T;  // default-init: the members' initializers, without zeroing the whole slot first
        free_.push_back(i);
    }
    std::size_t live() const { return size_ - free_.size(); }

private:
    static constexpr std::uint32_t kBlock = 256;
    std::vector<std::unique_ptr<T[]>> blocks_;
    std::uint32_t size_ = 0;
    std::vector<std::uint32_t> free_;
};

class Kernel {
public:
    // The caller node of Simulation::call's messages: not a node, so replies to it are kept.
    static constexpr std::uint32_t kOutsideCaller = UINT32_MAX - 1;
    static constexpr std::size_t kMaxOutsideAnswers = 64;  // the most recent ones

    std::uint64_t seed = 0;
    std::uint64_t max_events = 0;
    std::uint64_t start_unix_s = 0;
    Scheduler scheduler;
    std::vector<NodeRuntime> nodes;
    std::vector<Context> contexts;
    Account account;
    Trace trace;
    Slab<Delivery> deliveries;
    Slab<Reply> replies;
    std::uint64_t next_call = 1, next_message = 1, next_trace = 1;
    std::uint64_t events = 0;
    std::vector<LatencyHistogram> source_latency;  // per traffic entry
    std::vector<std::uint64_t> source_ok, source_failed;
    std::vector<std::pair<std::uint64_t, OutsideAnswer>> outside_answers;  // (call id, answer), oldest first

    // Queues `msg` for node `to` at `at`, moved straight into its delivery slot.
    void post_delivery(std::uint32_t to, SimTime at, Message&& msg, std::uint32_t from, const Link* via,
                       CallerRef caller);
    void dispatch(const Event& e);
    // Processes one event; false when none is left (the clock does not move then).
    bool step();
    // Runs to `until` (see Simulation::run_until); never returns StopReason::None.
    StopReason run_until(SimTime until, const ProgressFn& progress);
};

}  // namespace sim
