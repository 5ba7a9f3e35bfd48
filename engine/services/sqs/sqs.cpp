// sqs.cpp — Amazon SQS queues: storage, SendMessage, visibility, delay, retention, FIFO groups
// and deduplication, redrive to a dead-letter queue, pricing; config validation.
// Modelled:     [x] standard: at-least-once (DuplicateRate: a lost delete brings a message back),
//                   no ordering guarantee beyond arrival order  [x] VisibilityTimeout 0..43,200 s
//               [x] MessageRetentionPeriod 60..1,209,600 s: expired messages dropped with a reason
//               [x] DelaySeconds 0..900 (queue) and per-message DelaySeconds (standard only)
//               [x] MaximumMessageSize 1,024..1,048,576 B: larger sends refused (InvalidParameterValue)
//               [x] FIFO: MessageGroupId required, per-group order and group lock, 5-min dedup by
//                   MessageDeduplicationId or ContentBasedDeduplication (SHA-256 of the body),
//                   300 sends/s (ThrottlingException) unless FifoThroughputLimit=perMessageGroupId
//               [x] RedrivePolicy: received exactly maxReceiveCount times, then moved to the DLQ;
//                   DLQ type must match; DLQ cycles and missing redrive targets are load errors
//               [x] $0.40 (standard) / $0.50 (FIFO) per 1M requests, each 64 KB chunk a request;
//                   1M requests a month free with settings.freeTier (core/free_tier.h)
//               [x] gauges: visible messages (queue_depth); report: age of oldest message
// Not modelled: [ ] short-polling sampling  [ ] empty-receive charges of idle pollers
//               [ ] ChangeMessageVisibility  [ ] DLQ keeps the original enqueue
//                   time (standard)  [ ] 120,000 in-flight limit  [ ] fair queues
// AWS: https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/quotas-messages.html
//      sqs-dead-letter-queues.html, FIFO-queues-exactly-once-processing.html
#include "services/sqs/sqs.h"
#include "services/sqs/sqs_contract.h"

#include "core/hash.h"
#include "core/timer_tag.h"
#include "pattern/config_reader.h"
#include "pattern/pattern.h"
#include "prices/price_table.h"
#include "services/sqs/sqs_queue.h"

#include <algorithm>
#include <cstring>

namespace sim::svc {
namespace sqs {
namespace {
constexpr double kChunk = price_table::kSqsChunkBytes;
}  // namespace

SqsQueue::SqsQueue(QueueConfig c) : c_(std::move(c)) {
    esm_.resize(c_.esms.size());
    for (std::size_t i = 0; i < esm_.size(); ++i) esm_[i].limit = std::min(5, c_.esms[i].max_concurrency);
    const double sends_per_s = c_.high_throughput ? 70000 : 300;  // per API action (HT figure unverified)
    fifo_sends_ = TokenBucket(sends_per_s, sends_per_s);
}

// ---- Send -------------------------------------------------------------------------------------
void SqsQueue::on_message(Context& ctx, const Inbound& in) {
    Reply r = send(ctx, in.msg);
    if (!r.ok()) {
        ++refused_;
        ctx.metrics().count(r.throttled() ? Counter::Throttles : Counter::Errors, ctx.now());
        ctx.span(in.msg, "SendMessage", ctx.now(), r.throttled() ? Outcome::Throttled : Outcome::Error,
                 r.error + ": " + r.detail);
    }
    if (in.caller.valid())
        ctx.reply(in.caller, std::move(r), msec(4));
    else if (!r.ok())
        ctx.drop(in.msg, DropReason::Refused, "SendMessage refused by " + c_.name + ": " + r.error + ": " + r.detail);
}

bool SqsQueue::take_send_token(SimTime now) {
    if (!c_.fifo) return true;
    return fifo_sends_.try_take(now);
}

const SqsQueue::SendFields& SqsQueue::send_fields(const JsonPtr& request) {
    if (request == last_send_.request) return last_send_;
    const Json& b = *request;
    const Json* mb = member(b, "MessageBody");
    last_send_ = {request,
                  member(b, "operation"),
                  mb ? mb : member(b, "Event"),
                  member(b, "MessageGroupId"),
                  member(b, "MessageDeduplicationId"),
                  member(b, "MessageAttributes"),
                  member(b, "DelaySeconds")};
    return last_send_;
}

Reply SqsQueue::send(Context& ctx, const Message& in) {
    const SimTime now = ctx.now();
    ctx.metrics().count(Counter::Invocations, now);
    JsonPtr body = in.body, attrs = in.attributes;
    std::string group, dedup;
    SimTime delay = c_.delay;
    if (in.body && in.body->is_object()) {
        const SendFields& f = send_fields(in.body);
        if (const Json* op = f.operation) {
            if (!op->is_string() || std::string_view(op->get_ref<const std::string&>()) != "SendMessage")
                return Reply::failure(kSqsInvalidAction,
                                      "operation " + op->dump() + " is not simulated on SQS; use SendMessage");
            body = part_of(in.body, f.body);
            if (const Json* g = f.group; g && g->is_string()) group = *g;
            if (const Json* d = f.dedup; d && d->is_string()) dedup = *d;
            if (const Json* a = f.attributes; a && a->is_object()) attrs = part_of(in.body, a);
            if (const Json* ds = f.delay) {
                if (c_.fifo)
                    return Reply::failure(kSqsInvalidParameterValue,
                                          "Value " + ds->dump() +
                                              " for parameter DelaySeconds is invalid. Reason: The request include "
                                              "parameter that is not valid for this queue type.");
                if (!ds->is_number_integer() || ds->get<std::int64_t>() < 0 || ds->get<std::int64_t>() > 900)
                    return Reply::failure(
                        kSqsInvalidParameterValue,
                        "Value " + ds->dump() +
                            " for parameter DelaySeconds is invalid. Reason: must be between 0 and 900, if provided.");
                delay = sec(ds->get<std::int64_t>());
            }
        }
    }
    const std::int64_t size = std::max<std::int64_t>(in.size_bytes, 1);
    ctx.metrics().add_cost(
        request_price() * ctx.billable(FreeMeter::SqsRequests, std::ceil(static_cast<double>(size) / kChunk)), now);
    if (size > c_.max_size)
        return Reply::failure(kSqsInvalidParameterValue,
                              "One or more parameters are invalid. Reason: Message must be shorter than " +
                                  std::to_string(c_.max_size) + " bytes.");
    if (c_.fifo) {
        if (group.empty())
            return Reply::failure(kSqsMissingParameter, "The request must contain the parameter MessageGroupId.");
        if (dedup.empty()) {
            if (!c_.content_dedup)
                return Reply::failure(kSqsInvalidParameterValue,
                                      "The queue should either have ContentBasedDeduplication enabled or "
                                      "MessageDeduplicationId provided explicitly");
            dedup = hex_digest("SHA-256", body ? body->dump() : "").value_or("");
        }
        if (!take_send_token(now)) return Reply::failure(kSqsThrottling, "FIFO queue send rate above 300 per second");
        const std::string key = c_.high_throughput ? group + "\x1f" + dedup : dedup;  // DeduplicationScope
        if (!dedup_.first_seen(key, now)) {
            ++deduplicated_;  // accepted, not delivered again (5-minute deduplication interval)
            return {};
        }
    }
    const std::uint32_t slot = alloc();
    Slot& s = slots_[slot];
    s.msg = in;
    s.msg.id = ctx.new_message_id();
    s.msg.type = "sqs.message";
    s.msg.body = std::move(body);
    s.msg.attributes = std::move(attrs);
    s.msg.size_bytes = size;
    s.msg.attempt = 0;
    s.sent = now;
    s.receives = 0;
    ++sent_;
    ++stored_n_;
    if (c_.fifo) {
        auto [git, gnew] = group_index_.try_emplace(group, static_cast<std::uint32_t>(groups_.size()));
        if (gnew) groups_.push_back(Group{group, {}, 0, false});
        s.group = git->second;
    }
    retention_q_.push_back({now + c_.retention, slot, s.msg.id});
    arm(ctx, kRetention, retention_q_.front().at);
    if (delay.us > 0) {
        s.state = State::Delayed;
        ++delayed_n_;
        delayed_.emplace((now + delay).us, (static_cast<std::uint64_t>(slot) << 32) | s.gen);
        arm(ctx, kDelay, SimTime{delayed_.top().first});
    } else {
        make_visible(ctx, slot);
    }
    pump(ctx);
    gauges(ctx);
    return {};
}

// ---- Storage ------------------------------------------------------------------------------------
std::uint32_t SqsQueue::alloc() {
    if (!free_.empty()) {
        const std::uint32_t i = free_.back();
        free_.pop_back();
        return i;
    }
    slots_.emplace_back();
    return static_cast<std::uint32_t>(slots_.size() - 1);
}

void SqsQueue::release(Context& ctx, std::uint32_t slot) {
    Slot& s = slots_[slot];
    switch (s.state) {
        case State::Visible:
            --visible_n_;
            break;
        case State::InFlight:
            --inflight_n_;
            break;
        case State::Delayed:
            --delayed_n_;
            break;
        case State::Free:
            return;
    }
    if (c_.fifo && s.group != UINT32_MAX) {
        Group& g = groups_[s.group];
        if (s.state == State::InFlight) --g.inflight;
        for (std::size_t i = 0; i < g.msgs.size(); ++i)
            if (g.msgs[i].first == slot && g.msgs[i].second == s.msg.id) {
                g.msgs.erase(g.msgs.begin() + static_cast<std::ptrdiff_t>(i));
                break;
            }
        if (g.inflight == 0 && !g.msgs.empty() && !g.ready) {
            g.ready = true;
            ready_groups_.push_back(s.group);
        }
    }
    s.state = State::Free;
    ++s.gen;
    s.msg = Message{};
    --stored_n_;
    free_.push_back(slot);
    (void)ctx;
}

void SqsQueue::make_visible(Context&, std::uint32_t slot) {
    Slot& s = slots_[slot];
    const bool fresh = s.state != State::InFlight;
    if (s.state == State::Delayed) --delayed_n_;
    if (s.state == State::InFlight) --inflight_n_;
    s.state = State::Visible;
    ++visible_n_;
    if (!c_.fifo) {
        visible_.emplace_back(slot, s.msg.id);
        return;
    }
    Group& g = groups_[s.group];
    if (fresh)
        g.msgs.emplace_back(slot, s.msg.id);
    else
        --g.inflight;
    if (g.inflight == 0 && !g.ready) {
        g.ready = true;
        ready_groups_.push_back(s.group);
    }
}

// A receive increments ApproximateReceiveCount; a message already received maxReceiveCount times
// is moved to the DLQ instead of being delivered again (so it is received exactly that often).
bool SqsQueue::redrive_if_exhausted(Context& ctx, std::uint32_t slot) {
    Slot& s = slots_[slot];
    if (c_.max_receive == 0 || !c_.dlq || static_cast<int>(s.receives) < c_.max_receive) return false;
    to_dlq(
        ctx, slot,
        "received " + std::to_string(s.receives) + " times (maxReceiveCount " + std::to_string(c_.max_receive) + ")");
    return true;
}

void SqsQueue::receive_one(Context& ctx, std::uint32_t slot) {
    Slot& s = slots_[slot];
    --visible_n_;
    ++inflight_n_;
    s.state = State::InFlight;
    ++s.receives;
    ++s.gen;
    ++received_;
    if (s.receives > 1) ctx.metrics().count(Counter::Retries, ctx.now());
    if (c_.fifo) ++groups_[s.group].inflight;
    inflight_q_.push_back({ctx.now() + c_.visibility, slot, s.gen});
    arm(ctx, kVisibility, inflight_q_.front().at);
}

void SqsQueue::to_dlq(Context& ctx, std::uint32_t slot, const std::string& why) {
    Slot& s = slots_[slot];
    ++redriven_;
    ctx.metrics().count(Counter::DeadLettered, ctx.now());
    ctx.note(&s.msg, Outcome::DeadLettered,
             "message " + std::to_string(s.msg.id) + " moved to dead-letter queue '" + c_.dlq->target_id + "': " + why);
    Message m = s.msg;
    if (c_.fifo) {  // the DLQ is FIFO too: keep the group, dedupe on the original message id
        Json req = {{"operation", "SendMessage"},
                    {"MessageBody", s.msg.body ? *s.msg.body : Json()},
                    {"MessageGroupId", groups_[s.group].id},
                    {"MessageDeduplicationId", std::to_string(s.msg.id)}};
        if (s.msg.attributes) req["MessageAttributes"] = *s.msg.attributes;
        m.body = std::make_shared<const Json>(std::move(req));
    }
    ctx.send(*c_.dlq, std::move(m));
    release(ctx, slot);
}

void SqsQueue::remove(Context& ctx, std::uint32_t slot) {
    ++deleted_;
    release(ctx, slot);
}

// Visibility timeouts: in-flight messages not deleted in time become visible again.
void SqsQueue::release_due(Context& ctx) {
    const SimTime now = ctx.now();
    while (!inflight_q_.empty() && inflight_q_.front().at <= now) {
        const Entry e = inflight_q_.front();
        inflight_q_.pop_front();
        Slot& s = slots_[e.slot];
        if (s.state != State::InFlight || s.gen != e.check) continue;
        make_visible(ctx, e.slot);
    }
    while (!delayed_.empty() && delayed_.top().first <= now.us) {
        const auto [at, key] = delayed_.top();
        delayed_.pop();
        const auto slot = static_cast<std::uint32_t>(key >> 32);
        if (slots_[slot].state == State::Delayed && slots_[slot].gen == static_cast<std::uint32_t>(key))
            make_visible(ctx, slot);
    }
}

// Retention: messages older than MessageRetentionPeriod are deleted by SQS, even in flight.
void SqsQueue::expire(Context& ctx) {
    while (!retention_q_.empty() && retention_q_.front().at <= ctx.now()) {
        const Entry e = retention_q_.front();
        retention_q_.pop_front();
        Slot& s = slots_[e.slot];
        if (s.state == State::Free || s.msg.id != e.check) continue;
        ++expired_;
        ctx.drop(s.msg, DropReason::Expired,
                 "message expired in " + c_.name + ": MessageRetentionPeriod " +
                     std::to_string((c_.retention.us) / 1000000) + " s passed before it was deleted");
        release(ctx, e.slot);
    }
}

void SqsQueue::arm(Context& ctx, Tag t, SimTime at) {
    if (wake_timer_[t] && wake_at_[t] <= at) return;
    if (wake_timer_[t]) ctx.cancel_timer(wake_timer_[t]);
    wake_timer_[t] = ctx.start_timer(std::max(at, ctx.now()) - ctx.now(), timer_tag(t));
    wake_at_[t] = at;
}

void SqsQueue::on_timer(Context& ctx, std::uint64_t tag) {
    const auto t = timer_kind<Tag>(tag);
    const std::uint64_t v = timer_value(tag);
    switch (t) {
        case kVisibility:
        case kDelay:
            wake_timer_[t] = 0;
            release_due(ctx);
            if (!inflight_q_.empty()) arm(ctx, kVisibility, inflight_q_.front().at);
            if (!delayed_.empty()) arm(ctx, kDelay, SimTime{delayed_.top().first});
            break;
        case kRetention:
            wake_timer_[t] = 0;
            expire(ctx);
            if (!retention_q_.empty()) arm(ctx, kRetention, retention_q_.front().at);
            break;
        case kWindow:
            esm_[v].window_timer = 0;
            esm_[v].window_due = true;
            break;
        case kScale:
            scale_tick(ctx);
            break;
    }
    pump(ctx);
    gauges(ctx);
}

void SqsQueue::gauges(Context& ctx) {
    ctx.metrics().set_queue_depth(static_cast<std::int64_t>(visible_n_ + delayed_n_), ctx.now());
    ctx.metrics().set_concurrency(static_cast<std::int64_t>(inflight_n_), ctx.now());
    while (!retention_q_.empty()) {  // oldest undeleted message: the first live retention entry
        const Entry& e = retention_q_.front();
        if (slots_[e.slot].state != State::Free && slots_[e.slot].msg.id == e.check) break;
        retention_q_.pop_front();
    }
    if (!retention_q_.empty())
        oldest_age_peak_us_ = std::max(oldest_age_peak_us_, (ctx.now() - slots_[retention_q_.front().slot].sent).us);
}

void SqsQueue::report(Json& out) const {
    out["messages_sent"] = sent_;
    out["messages_received"] = received_;
    out["messages_deleted"] = deleted_;
    out["messages_filtered"] = filtered_;
    out["messages_expired"] = expired_;
    out["messages_dead_lettered"] = redriven_;
    out["messages_deduplicated"] = deduplicated_;
    out["duplicate_deliveries"] = duplicates_;
    out["sends_refused"] = refused_;
    out["messages_stored"] = stored_n_;
    out["oldest_message_age_s_peak"] = static_cast<double>(oldest_age_peak_us_ / 1000) / 1000.0;
}

Json SqsQueue::inspect() const {
    Json pollers = Json::array();
    for (const EsmState& e : esm_)
        pollers.push_back({{"concurrent_batches_limit", e.limit}, {"batches_in_flight", e.inflight}});
    return {{"queue", c_.name},      {"fifo", c_.fifo},          {"visible", visible_n_}, {"in_flight", inflight_n_},
            {"delayed", delayed_n_}, {"groups", groups_.size()}, {"pollers", pollers}};
}

}  // namespace sqs

// ---- Config -----------------------------------------------------------------------------------
namespace {

bool node_is_fifo(const NodeSpec* n) {
    if (!n || !n->config.is_object()) return false;
    auto f = n->config.find("FifoQueue");
    return f != n->config.end() && f->is_boolean() && f->get<bool>();
}

// Follows "dlq" edges from `start`; returns the cycle text ("a -> b -> a") if one comes back.
std::string dlq_cycle(const Pattern& p, const std::string& start) {
    std::string path = start, cur = start;
    for (std::size_t hops = 0; hops <= p.edges.size(); ++hops) {
        const EdgeSpec* next = nullptr;
        for (const EdgeSpec& e : p.edges)
            if (e.from == cur && e.port == "dlq") next = &e;
        if (!next) return {};
        path += " -> " + next->to;
        if (next->to == start) return path;
        cur = next->to;
    }
    return {};
}

void read_esm(BuildContext& ctx, const Link& l, sqs::QueueConfig& c) {
    sqs::EsmConfig e;
    e.link = &l;
    ConfigReader er(l.config, "/edges/" + std::to_string(l.edge) + "/config", ctx.diagnostics);
    e.batch_size = static_cast<int>(er.integer("BatchSize", 10, 1, c.fifo ? 10 : 10000, ""));
    const std::int64_t window = er.integer("MaximumBatchingWindowInSeconds", 0, 0, 300, "s");
    e.window = sec(window);
    if (e.batch_size > 10 && window < 1 && er.has("BatchSize"))
        er.error("MaximumBatchingWindowInSeconds",
                 "MaximumBatchingWindowInSeconds must be at least 1 when BatchSize is over 10, got " +
                     std::to_string(window),
                 "AWS requires a batching window for SQS batches larger than 10");
    if (const Json* sc = er.raw("ScalingConfig")) {
        ConfigReader sr(*sc, er.path_of("ScalingConfig"), ctx.diagnostics);
        e.max_concurrency = static_cast<int>(sr.integer("MaximumConcurrency", 1000, 2, 1000, ""));
        sr.finish();
    }
    if (const Json* frt = er.raw("FunctionResponseTypes")) {
        if (*frt == Json::array({"ReportBatchItemFailures"}))
            e.report_item_failures = true;
        else if (!(frt->is_array() && frt->empty()))
            er.error("FunctionResponseTypes",
                     "FunctionResponseTypes must be [\"ReportBatchItemFailures\"] or [], got " + frt->dump());
    }
    e.enabled = er.boolean("Enabled", true);
    e.filter = esm::EventFilter::read(er.raw("FilterCriteria"), er.path_of("FilterCriteria"), esm::FilterSource::Sqs,
                                      ctx.diagnostics);
    er.finish();
    // CreateEventSourceMapping refuses a queue whose visibility timeout is below the function's.
    if (const NodeSpec* fn = ctx.pattern.find_node(l.target_id)) {
        std::int64_t timeout = 3;
        if (auto t = fn->config.find("Timeout"); t != fn->config.end() && t->is_number_integer())
            timeout = t->get<std::int64_t>();
        if (c.visibility.us < sec(timeout).us)
            ctx.diagnostics.error(
                "/edges/" + std::to_string(l.edge),
                "queue visibility timeout " + std::to_string(c.visibility.us / 1000000) +
                    " s is less than function timeout " + std::to_string(timeout) + " s of '" + l.target_id + "'",
                "AWS refuses this event source mapping; set VisibilityTimeout to at least 6x the function timeout");
    }
    c.esms.push_back(std::move(e));
}

// Several mappings on one queue compete for its messages, and a mapping deletes every message its
// filters do not match: a message meant for one function is often deleted by another.
// https://docs.aws.amazon.com/lambda/latest/dg/invocation-eventfiltering.html ("Lambda
// automatically removes the message from the queue")
void warn_competing_filters(BuildContext& ctx, const sqs::QueueConfig& c) {
    if (c.esms.size() < 2) return;
    for (const sqs::EsmConfig& e : c.esms) {
        if (!e.filter.active()) continue;
        ctx.diagnostics.warning(
            "/edges/" + std::to_string(e.link->edge) + "/config/FilterCriteria",
            "queue '" + ctx.spec.id + "' has " + std::to_string(c.esms.size()) +
                " event source mappings: each message goes to one of them, and '" + e.link->target_id +
                "' deletes every message its filters do not match, so other functions never see it",
            "route with SNS subscription filter policies (one queue per function) or EventBridge rules");
    }
}

void read_redrive(BuildContext& ctx, sqs::QueueConfig& c) {
    ConfigReader& r = ctx.config;
    std::string named;
    int count = 0;
    if (const Json* rp = r.raw("RedrivePolicy")) {
        ConfigReader rr(*rp, r.path_of("RedrivePolicy"), ctx.diagnostics);
        named = rr.text("deadLetterTargetArn", "");
        count = static_cast<int>(rr.integer("maxReceiveCount", 0, 1, 1000, ""));
        rr.finish();
    }
    for (const Link& l : ctx.links) {
        if (l.port != "dlq") continue;
        if (c.dlq) {
            ctx.diagnostics.error("/edges/" + std::to_string(l.edge),
                                  "queue '" + ctx.spec.id + "' has more than one dead-letter queue",
                                  "a redrive policy names exactly one DLQ");
            continue;
        }
        c.dlq = &l;
        ConfigReader er(l.config, "/edges/" + std::to_string(l.edge) + "/config", ctx.diagnostics);
        if (er.has("maxReceiveCount")) count = static_cast<int>(er.integer("maxReceiveCount", 0, 1, 1000, ""));
        er.finish();
    }
    if (!named.empty() && (!c.dlq || c.dlq->target_id != named)) {
        if (!ctx.pattern.find_node(named))
            r.error("RedrivePolicy", "redrive target '" + named + "' does not exist",
                    "name an SQS queue node in deadLetterTargetArn");
        else
            r.error("RedrivePolicy",
                    "RedrivePolicy names '" + named + "' but '" + ctx.spec.id + "' has no dlq edge to it",
                    "add an edge {\"from\": \"" + ctx.spec.id + "\", \"port\": \"dlq\", \"to\": \"" + named + "\"}");
        return;
    }
    if (!c.dlq) {
        if (r.has("RedrivePolicy") && named.empty())
            r.error("RedrivePolicy", "RedrivePolicy needs deadLetterTargetArn naming the dead-letter queue");
        return;
    }
    if (count == 0) {
        ctx.diagnostics.error("/edges/" + std::to_string(c.dlq->edge) + "/config",
                              "the dead-letter queue edge needs maxReceiveCount (1..1000)",
                              "set RedrivePolicy.maxReceiveCount on the queue or maxReceiveCount on the dlq edge");
        return;
    }
    c.max_receive = count;
    if (node_is_fifo(ctx.pattern.find_node(c.dlq->target_id)) != c.fifo)
        ctx.diagnostics.error("/edges/" + std::to_string(c.dlq->edge),
                              std::string("the dead-letter queue of a ") + (c.fifo ? "FIFO" : "standard") +
                                  " queue must also be " + (c.fifo ? "FIFO" : "standard") + ", but '" +
                                  c.dlq->target_id + "' is " + (c.fifo ? "standard" : "FIFO"));
    const std::string cycle = dlq_cycle(ctx.pattern, ctx.spec.id);
    if (!cycle.empty())
        ctx.diagnostics.error("/edges/" + std::to_string(c.dlq->edge), "dead-letter queues form a cycle: " + cycle,
                              "a dead-letter queue must not redrive back into its source queue");
}

std::unique_ptr<Service> create_queue(BuildContext& ctx) {
    ConfigReader& r = ctx.config;
    sqs::QueueConfig c;
    c.fifo = r.boolean("FifoQueue", false);
    c.name = r.text("QueueName", ctx.spec.id + (c.fifo && !ctx.spec.id.ends_with(".fifo") ? ".fifo" : ""));
    if (c.fifo != c.name.ends_with(".fifo"))
        r.error("QueueName", c.fifo ? "a FIFO queue name must end with .fifo, got '" + c.name + "'"
                                    : "only FIFO queues may have a name ending in .fifo, got '" + c.name + "'");
    if (c.name.size() > 80)
        r.error("QueueName", "QueueName must be at most 80 characters, got " + std::to_string(c.name.size()));
    c.content_dedup = r.boolean("ContentBasedDeduplication", false);
    const std::string scope = r.choice("DeduplicationScope", "queue", {"queue", "messageGroup"});
    const std::string limit = r.choice("FifoThroughputLimit", "perQueue", {"perQueue", "perMessageGroupId"});
    c.high_throughput = scope == "messageGroup" && limit == "perMessageGroupId";
    if (!c.fifo && (r.has("ContentBasedDeduplication") || r.has("DeduplicationScope") || r.has("FifoThroughputLimit")))
        r.error("FifoQueue",
                "ContentBasedDeduplication, DeduplicationScope and FifoThroughputLimit need FifoQueue: true");
    c.visibility = sec(r.integer("VisibilityTimeout", 30, 0, 43200, "s"));
    c.retention = sec(r.integer("MessageRetentionPeriod", 345600, 60, 1209600, "s"));
    c.delay = sec(r.integer("DelaySeconds", 0, 0, 900, "s"));
    c.wait = sec(r.integer("ReceiveMessageWaitTimeSeconds", 0, 0, 20, "s"));
    c.max_size = r.integer("MaximumMessageSize", 1048576, 1024, 1048576, "bytes");
    c.duplicate_rate = r.number("DuplicateRate", 0, 0, 1, "");
    c.poll_latency = r.distribution("PollLatencyMs", c.poll_latency);
    r.raw("RedriveAllowPolicy");
    r.raw("SqsManagedSseEnabled");
    r.raw("KmsMasterKeyId");
    read_redrive(ctx, c);
    for (const Link& l : ctx.links)
        if (l.port == "out") read_esm(ctx, l, c);
    warn_competing_filters(ctx, c);
    if (c.dlq && c.dlq->target_id == ctx.spec.id)
        ctx.diagnostics.error("/edges/" + std::to_string(c.dlq->edge),
                              "queue '" + ctx.spec.id + "' cannot be its own dead-letter queue");
    return std::make_unique<sqs::SqsQueue>(std::move(c));
}

}  // namespace

ServiceKind sqs_kind() {
    ServiceKind k;
    k.iot_rule_action = "sqs";
    k.type = "sqs";
    k.role = ServiceRole::Queue;
    k.label = "SQS";
    k.group = "messaging";
    k.description = "Message queue: at-least-once delivery, visibility timeouts, FIFO groups, dead-letter queues";
    k.ports = {PortSpec::to("out", "Lambda event source mapping", {ServiceRole::Function},
                            "an SQS queue is consumed by Lambda pollers; other services send to it"),
               PortSpec::to("dlq", "dead-letter queue (redrive policy)", {ServiceRole::Queue},
                            "a redrive policy moves messages to another SQS queue")};
    k.operations = sqs_operations();
    k.api = ApiIntegration::call("SendMessage", "MessageBody");
    k.errors = sqs_errors();
    k.create = create_queue;
    k.icon = "sqs";
    k.shape = DiagramShape::Channel;
    // https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-sqs-queue.html
    k.cfn = {{"AWS::SQS::Queue",
              {"ContentBasedDeduplication", "DeduplicationScope", "DelaySeconds", "FifoQueue", "FifoThroughputLimit",
               "KmsDataKeyReusePeriodSeconds", "KmsMasterKeyId", "MaximumMessageSize", "MessageRetentionPeriod",
               "QueueName", "ReceiveMessageWaitTimeSeconds", "RedriveAllowPolicy", "RedrivePolicy",
               "SqsManagedSseEnabled", "Tags", "VisibilityTimeout"}}};
    k.sample = Json{{"orderId", "order-1"}, {"total", 42}};
    k.concurrency_label = "in flight";
    k.cfn[0].call_policy = {"SQSSendMessagePolicy", "QueueName", "QueueName"};
    k.cfn[0].destination_type = "SQS";
    k.cfn[0].complete = sqs_cfn_complete;  // null in the page, which never exports (sqs_cfn.cpp)
    return k;
}

}  // namespace sim::svc
