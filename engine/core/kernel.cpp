// kernel.cpp — the event loop: queue a delivery, dispatch an event to its handler, run to a time.
#include "core/kernel.h"

namespace sim {

void Kernel::post_delivery(std::uint32_t to, SimTime at, Message&& msg, std::uint32_t from, const Link* via,
                           CallerRef caller) {
    Event e;
    e.at = at;
    e.node = to;
    e.kind = EventKind::Deliver;
    e.slot = deliveries.acquire();
    Delivery& d = deliveries[e.slot];
    d.msg = std::move(msg);
    d.from = from;
    d.via = via;
    d.caller = caller;
    scheduler.post(e);
}

void Kernel::dispatch(const Event& e) {
    NodeRuntime& n = nodes[e.node];
    Context& ctx = contexts[e.node];
    trace.fold(static_cast<std::uint64_t>(e.at.us));
    trace.fold((static_cast<std::uint64_t>(e.node) << 8) | static_cast<std::uint64_t>(e.kind));
    switch (e.kind) {
        case EventKind::Start:
            n.service->on_start(ctx);
            break;
        case EventKind::Deliver: {
            const Delivery& d = deliveries[e.slot];
            trace.fold(d.msg.trace);
            n.metrics.count(Counter::MessagesIn, e.at);
            n.service->on_message(ctx, Inbound{d.msg, d.from, d.via, d.caller});
            deliveries.release(e.slot);
            break;
        }
        case EventKind::Reply: {
            const Reply& r = replies[e.slot];
            trace.fold(static_cast<std::uint64_t>(r.status));
            n.service->on_reply(ctx, e.tag, r);
            replies.release(e.slot);
            break;
        }
        case EventKind::Timer:  // cancelled timers never get here (Scheduler::cancel)
            n.service->on_timer(ctx, e.tag);
            break;
    }
}

bool Kernel::step() {
    Kernel& s = *this;
    if (s.scheduler.empty()) return false;
    const Event e = s.scheduler.pop();
    ++s.events;
    s.dispatch(e);
    return true;
}

StopReason Kernel::run_until(SimTime until, const ProgressFn& progress) {
    Kernel& s = *this;
    constexpr std::uint64_t kProgressEvery = 1 << 14;
    std::uint64_t next_progress = s.events + kProgressEvery;
    Event e;
    for (;;) {
        if (s.events >= s.max_events) {
            if (!s.scheduler.empty() && s.scheduler.peek_time() <= until) return StopReason::EventLimit;
            break;
        }
        if (!s.scheduler.pop_due(until, e)) break;  // nothing left due by `until`
        ++s.events;
        s.dispatch(e);
        if (progress && s.events >= next_progress) {
            next_progress = s.events + kProgressEvery;
            if (!progress(Progress{s.scheduler.now(), until, s.events})) return StopReason::Interrupted;
        }
    }
    s.scheduler.advance_to(until);
    return s.scheduler.empty() ? StopReason::Completed : StopReason::TimeLimit;
}

const char* stop_reason_name(StopReason r) {
    switch (r) {
        case StopReason::None:
            return "none";
        case StopReason::Completed:
            return "completed";
        case StopReason::TimeLimit:
            return "time_limit";
        case StopReason::EventLimit:
            return "event_limit";
        case StopReason::Interrupted:
            return "interrupted";
    }
    return "?";
}

std::string stop_reason_text(StopReason r) {
    switch (r) {
        case StopReason::Completed:
            return "completed: no events left";
        case StopReason::TimeLimit:
            return "reached the requested simulated time";
        case StopReason::EventLimit:
            return "stopped at the run's event limit (settings.maxEvents); metrics so far are kept";
        case StopReason::Interrupted:
            return "interrupted; metrics so far are kept";
        default:
            return "not run";
    }
}

}  // namespace sim
