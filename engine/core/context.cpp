// context.cpp — what a service may do, implemented over the engine's private state.
#include "core/kernel.h"

namespace sim {

Context::Context(Kernel& sim, std::uint32_t node)
    : sim_(&sim),
      node_(node),
      clock_(&sim.scheduler.clock()),
      rng_(&sim.nodes[node].rng),
      metrics_(&sim.nodes[node].metrics) {}

const std::string& Context::node_id() const {
    return sim_->nodes[node_].id;
}
Account& Context::account() {
    return sim_->account;
}
const std::vector<Link>& Context::links() const {
    return sim_->nodes[node_].links;
}
std::uint64_t Context::start_unix_s() const {
    return sim_->start_unix_s;
}
double Context::billable(FreeMeter meter, double units) {
    if (!sim_->account.free_tier.enabled()) return units;
    return sim_->account.free_tier.billable(meter, units,
                                            static_cast<std::int64_t>(sim_->start_unix_s) + now().us / 1'000'000);
}

const Link* Context::link_to(std::string_view target_id) const {
    for (const Link& l : sim_->nodes[node_].links)
        if (l.target_id == target_id) return &l;
    return nullptr;
}

void Context::send(const Link& to, Message&& msg, SimTime delay) {
    ++msg.depth;
    metrics().count(Counter::MessagesOut, now());
    sim_->post_delivery(to.target, now() + delay, std::move(msg), node_, &to, {});
}

std::uint64_t Context::call(const Link& to, Message&& msg, SimTime delay) {
    const std::uint64_t id = sim_->next_call++;
    ++msg.depth;
    metrics().count(Counter::MessagesOut, now());
    sim_->post_delivery(to.target, now() + delay, std::move(msg), node_, &to, CallerRef{node_, id});
    return id;
}

void Context::reply(const CallerRef& caller, Reply&& r, SimTime delay) {
    if (!caller.valid()) return;
    if (caller.node == Kernel::kOutsideCaller) {
        auto& kept = sim_->outside_answers;
        if (kept.size() == Kernel::kMaxOutsideAnswers) kept.erase(kept.begin());
        kept.emplace_back(caller.call, OutsideAnswer{now() + delay, std::move(r)});
        return;
    }
    Event e;
    e.at = now() + delay;
    e.node = caller.node;
    e.kind = EventKind::Reply;
    e.slot = sim_->replies.acquire();
    // Field by field into the cleared slot: most replies are successes whose error and detail are
    // empty, and moving an empty string still copies its inline buffer.
    Reply& slot = sim_->replies[e.slot];
    slot.status = r.status;
    if (!r.error.empty()) slot.error = std::move(r.error);
    if (!r.detail.empty()) slot.detail = std::move(r.detail);
    slot.body = std::move(r.body);
    slot.size_bytes = r.size_bytes;
    slot.error_class = r.error_class;
    e.tag = caller.call;
    sim_->scheduler.post(e);
}

std::uint64_t Context::start_timer(SimTime delay, std::uint64_t tag) {
    Event e;
    e.at = now() + delay;
    e.node = node_;
    e.kind = EventKind::Timer;
    e.tag = tag;
    return sim_->scheduler.post(e);
}

void Context::cancel_timer(std::uint64_t timer_id) {
    sim_->scheduler.cancel(timer_id);
}

std::uint64_t Context::new_message_id() {
    return sim_->next_message++;
}
std::uint64_t Context::new_trace_id() {
    return sim_->next_trace++;
}

bool Context::tracing(const Message& msg) const {
    return sim_->trace.records(msg.trace);
}

void Context::span(const Message& msg, std::string_view operation, SimTime start, Outcome outcome,
                   std::string_view detail) {
    if (!sim_->trace.records(msg.trace)) return;
    sim_->trace.add_span(Span{msg.trace, node_, start, now(), outcome, std::string(operation), std::string(detail)});
}

void Context::drop(const Message& msg, DropReason reason, std::string_view detail) {
    metrics().count(Counter::Drops, now());
    span(msg, "drop", now(), Outcome::Dropped, detail);
    sim_->trace.log(LogEntry{now(), node_, msg.trace, Outcome::Dropped, "dropped: " + std::string(detail), reason});
}

void Context::note(const Message* msg, Outcome outcome, std::string text) {
    sim_->trace.log(LogEntry{now(), node_, msg ? msg->trace : 0, outcome, std::move(text)});
}

void Context::observe_end_to_end(std::uint32_t source, SimTime latency, bool ok) {
    if (source >= sim_->source_latency.size()) return;
    sim_->source_latency[source].add(latency);
    (ok ? sim_->source_ok : sim_->source_failed)[source]++;
}

}  // namespace sim
