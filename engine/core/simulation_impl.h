// simulation_impl.h — the engine's private state behind Simulation and Context (not a public API).
#pragma once

#include "core/scheduler.h"
#include "core/service.h"
#include "core/simulation.h"

#include <memory>
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

template <class T>
class Slab {
public:
    std::uint32_t put(T value) {
        if (!free_.empty()) {
            std::uint32_t i = free_.back();
            free_.pop_back();
            items_[i] = std::move(value);
            return i;
        }
        items_.push_back(std::move(value));
        return static_cast<std::uint32_t>(items_.size() - 1);
    }
    T take(std::uint32_t i) {
        T v = std::move(items_[i]);
        items_[i] = T{};
        free_.push_back(i);
        return v;
    }
    std::size_t live() const { return items_.size() - free_.size(); }

private:
    std::vector<T> items_;
    std::vector<std::uint32_t> free_;
};

class SimulationImpl {
public:
    Pattern pattern;
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
    StopReason last_stop = StopReason::None;
    std::vector<LatencyHistogram> source_latency;  // per traffic entry
    std::vector<std::uint64_t> source_ok, source_failed;

    void post_delivery(std::uint32_t to, SimTime at, Delivery d);
    void dispatch(const Event& e);
};

}  // namespace sim
