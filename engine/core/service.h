// service.h — the shape every simulated AWS service has: three hooks and a Context.
// A service never sees the scheduler or other services; it talks through its Context, which
// schedules deliveries, calls, replies and timers in virtual time.
#pragma once

#include "core/az_state.h"
#include "core/free_tier.h"
#include "core/message.h"
#include "core/metrics.h"
#include "core/rng.h"
#include "core/service_role.h"
#include "core/sim_time.h"
#include "core/trace.h"

#include <cstdint>
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace sim {

class Kernel;

// One wired edge leaving a node, resolved at build time.
struct Link {
    std::uint32_t target = 0;                      // node index
    std::string target_id;                         // pattern id of the target node
    std::string target_type;                       // its service type ("lambda", "dynamodb", ...)
    ServiceRole target_role = ServiceRole::Other;  // what it is to a sender (its contract's role)
    std::string port;                              // the source port ("out", "dlq", "on_failure", ...)
    Json config;                                   // edge config (e.g. event source mapping settings); an object
    std::uint32_t edge = 0;                        // index in pattern.edges (for diagnostics paths)
};

// Who to answer for a synchronous call; invalid (node == UINT32_MAX) for async deliveries.
struct CallerRef {
    std::uint32_t node = UINT32_MAX;
    std::uint64_t call = 0;
    bool valid() const { return node != UINT32_MAX; }
};

struct Inbound {
    const Message& msg;
    std::uint32_t from = UINT32_MAX;  // sending node index (UINT32_MAX for injected events)
    const Link* via = nullptr;        // the edge it came through (its config), if any
    CallerRef caller;                 // set when the sender waits for a Reply
};

// Account-wide shared state (one AWS account and Region per pattern). What one service keeps for
// the whole account (Lambda's concurrency pool, API Gateway's account throttle) is that service's
// own type, declared in its folder and kept here by type: shared<LambdaAccount>(…) makes it on
// first use (with those arguments) and returns the same object to every node after that.
class Account {
public:
    AzState azs;         // AZ outages (settings.faults, Simulation::set_az_down)
    FreeTier free_tier;  // always-free allowances (settings.freeTier)

    template <class T, class... Args>
    T& shared(Args&&... first_use_args) {
        const void* key = &kKey<T>;
        for (const Slot& s : shared_)
            if (s.key == key) return *static_cast<T*>(s.value.get());
        auto value = std::make_shared<T>(std::forward<Args>(first_use_args)...);
        T& out = *value;
        shared_.push_back(Slot{key, std::move(value)});
        return out;
    }

private:
    template <class T>
    static constexpr char kKey = 0;  // one address per type: the slot's key
    struct Slot {
        const void* key;
        std::shared_ptr<void> value;  // deletes as the T it was made as
    };
    std::vector<Slot> shared_;
};

class Context {
public:
    Context(Kernel& sim, std::uint32_t node);

    // The three accessors every handler uses are inline reads through pointers fixed at build
    // (nodes never move after it): a call across translation units each time was measurable.
    SimTime now() const { return *clock_; }
    std::uint32_t node() const { return node_; }
    const std::string& node_id() const;
    Rng& rng() { return *rng_; }
    NodeMetrics& metrics() { return *metrics_; }
    Account& account();
    const std::vector<Link>& links() const;                 // all outgoing links, in pattern order
    const Link* link_to(std::string_view target_id) const;  // nullptr when not wired
    std::uint64_t start_unix_s() const;                     // wall instant that t=0 stands for (UTC)
    // Of `units` of a meter with an always-free allowance, the part billed at list price now.
    double billable(FreeMeter meter, double units);

    // Messages and replies are handed over (moved into the engine's slot); pass Message(m) to
    // send a copy.
    // Asynchronous delivery: `to` receives `msg` after `delay`. No reply.
    void send(const Link& to, Message&& msg, SimTime delay = {});
    // Synchronous call: `to` must answer with reply(); the answer arrives in on_reply(call id).
    std::uint64_t call(const Link& to, Message&& msg, SimTime delay = {});
    void reply(const CallerRef& caller, Reply&& r, SimTime delay = {});
    // Timers: on_timer(tag) after `delay`. Cancelled timers never fire.
    std::uint64_t start_timer(SimTime delay, std::uint64_t tag = 0);
    void cancel_timer(std::uint64_t timer_id);

    std::uint64_t new_message_id();
    // A message caused by `cause`, with a new id (derived_message in message.h).
    Message derive(const Message& cause, const char* type, LoopCount loop = LoopCount::Keep) {
        return derived_message(cause, new_message_id(), type, loop);
    }
    std::uint64_t new_trace_id();
    // Records a span for msg's trace; cheap when the trace is not kept.
    void span(const Message& msg, std::string_view operation, SimTime start, Outcome outcome,
              std::string_view detail = {});
    bool tracing(const Message& msg) const;  // true when spans of msg's trace are recorded
    // A message leaves the system here, for a reason: counted, logged, traced. Never silent.
    void drop(const Message& msg, DropReason reason, std::string_view detail);
    void note(const Message* msg, Outcome outcome, std::string text);  // event-log line
    // End-to-end latency of a traffic source's request (clients call this when a reply arrives).
    void observe_end_to_end(std::uint32_t source, SimTime latency, bool ok);

private:
    Kernel* sim_;
    std::uint32_t node_;
    const SimTime* clock_;
    Rng* rng_;
    NodeMetrics* metrics_;
};

class Service {
public:
    virtual ~Service() = default;
    virtual void on_start(Context&) {}                             // at t = 0
    virtual void on_message(Context& ctx, const Inbound& in) = 0;  // delivery or call
    virtual void on_reply(Context&, std::uint64_t /*call*/, const Reply&) {}
    virtual void on_timer(Context&, std::uint64_t /*tag*/) {}
    // Service-specific report fields (items written, objects stored, ...), merged into the
    // node's JSON report next to the common counters.
    virtual void report(Json& /*out*/) const {}
    // Browsable state for the playground (items, objects, queue contents); bounded.
    virtual Json inspect() const { return Json::object(); }
};

}  // namespace sim
