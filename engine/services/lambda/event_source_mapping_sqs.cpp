// event_source_mapping_sqs.cpp — Lambda event source mappings on an SQS queue: pollers that
// receive batches, invoke the function synchronously, then delete or return the messages.
// Modelled:     [x] 5 concurrent batches at start, +5/s (300/min) while a backlog remains, up to
//                   1,000 or ScalingConfig.MaximumConcurrency; back to 5 when the queue drains
//               [x] BatchSize, MaximumBatchingWindowInSeconds, 6 MB batch payload limit
//               [x] failure (function error, timeout, throttle) → whole batch visible again after
//                   the visibility timeout; every receive counts toward maxReceiveCount
//               [x] ReportBatchItemFailures: only the listed messages return; malformed or empty
//                   itemIdentifier → whole batch fails; FIFO: the first failure and every later
//                   message of its group return
//               [x] FIFO: per-group order, a group is blocked while it has messages in flight
//               [x] recursive loops stopped by Lambda: those messages go to the queue's DLQ
//               [x] FilterCriteria (event_source_mapping_filter.h): a received message no filter
//                   matches is deleted (SQS bills its receive and delete; Lambda bills nothing);
//                   several mappings on one queue compete for messages, taking batches in turn
// Not modelled: [ ] poller back-off after throttles  [ ] provisioned mode
// AWS: https://docs.aws.amazon.com/lambda/latest/dg/services-sqs-scaling.html,
//      services-sqs-errorhandling.html, invocation-recursion.html
#include "core/timer_tag.h"
#include "services/lambda/lambda_contract.h"
#include "services/sqs/sqs_queue.h"

#include <algorithm>
#include <cmath>
#include <set>

namespace sim::svc::sqs {
namespace {
constexpr std::int64_t kMaxBatchBytes = 6 * 1024 * 1024;  // Lambda synchronous payload limit
constexpr int kScaleStep = 5;                             // 300 per minute, added continuously
}  // namespace

void SqsQueue::pump(Context& ctx) {
    // Every mapping's pollers compete for the same messages: they take batches in turn, so a
    // message goes to one mapping only (and is deleted there if its filters do not match).
    const std::size_t n = c_.esms.size();
    bool progress = true;
    while (progress && visible_n_ > 0) {
        progress = false;
        for (std::size_t k = 0; k < n && visible_n_ > 0; ++k) {
            const std::size_t e = (next_esm_ + k) % n;
            const EsmConfig& ec = c_.esms[e];
            EsmState& st = esm_[e];
            if (!ec.enabled || st.inflight >= std::min(st.limit, ec.max_concurrency)) continue;
            // Batching window: wait for a full batch until the window has passed.
            if (ec.window.us > 0 && !st.window_due && static_cast<int>(visible_n_) < ec.batch_size) {
                if (!st.window_timer) st.window_timer = ctx.start_timer(ec.window, timer_tag(kWindow, e));
                continue;
            }
            Batch b;
            std::int64_t bytes = 0;
            const std::uint64_t filtered_before = filtered_;
            if (!next_batch(ctx, e, b, bytes)) {
                progress = progress || filtered_ != filtered_before;  // all filtered out: poll again
                continue;
            }
            st.window_due = false;
            dispatch(ctx, e, std::move(b), bytes);
            next_esm_ = (e + 1) % n;
            progress = true;
        }
    }
    for (std::size_t e = 0; e < n; ++e) {
        const EsmConfig& ec = c_.esms[e];
        const EsmState& st = esm_[e];
        if (!ec.enabled) continue;
        if (visible_n_ > 0 && st.inflight >= st.limit && st.limit < ec.max_concurrency && !scale_armed_) {
            scale_armed_ = true;
            ctx.start_timer(sec(1), timer_tag(kScale));
        }
    }
}

// FilterCriteria: Lambda deletes a received message that no filter of this mapping matches, so no
// other mapping on the queue sees it; no invocation (and no Lambda charge) happens for it.
// https://docs.aws.amazon.com/lambda/latest/dg/invocation-eventfiltering.html
bool SqsQueue::filtered_out(Context& ctx, std::size_t e, std::uint32_t slot) {
    const esm::EventFilter& f = c_.esms[e].filter;
    if (!f.active()) return false;
    Slot& s = slots_[slot];
    bool data_is_json = true;
    const std::int64_t sent_ms = static_cast<std::int64_t>(ctx.start_unix_s()) * 1000 + s.sent.us / 1000;
    const Json record = esm::sqs_filter_record(s.msg, s.receives, sent_ms,
                                               "arn:aws:sqs:us-east-1:123456789012:" + c_.name, data_is_json);
    if (f.passes(record, data_is_json)) return false;
    ++filtered_;
    ctx.note(&s.msg, Outcome::Ok,
             "message " + std::to_string(s.msg.id) + " deleted by the event source mapping for '" +
                 c_.esms[e].link->target_id + "': no filter matched");
    remove(ctx, slot);
    return true;
}

bool SqsQueue::next_batch(Context& ctx, std::size_t e, Batch& b, std::int64_t& bytes) {
    const auto limit = static_cast<std::size_t>(c_.esms[e].batch_size);
    b.esm = e;
    b.start = ctx.now();
    b.items.reserve(std::min<std::size_t>(limit, visible_n_));  // one allocation, not one per doubling
    const std::uint64_t filtered_before = filtered_;
    next_batch_items(ctx, e, b, bytes);
    // ReceiveMessage returns at most 10 messages per request; the filtered ones were received
    // too, then removed with DeleteMessageBatch (up to 10 per request). SQS bills both.
    const auto filtered = static_cast<double>(filtered_ - filtered_before);
    const double received = static_cast<double>(b.items.size()) + filtered;
    if (received > 0)
        ctx.metrics().add_cost(request_price() * ctx.billable(FreeMeter::SqsRequests, std::ceil(received / 10.0)),
                               ctx.now());
    if (filtered > 0)
        ctx.metrics().add_cost(request_price() * ctx.billable(FreeMeter::SqsRequests, std::ceil(filtered / 10.0)),
                               ctx.now());
    return !b.items.empty();
}

void SqsQueue::next_batch_items(Context& ctx, std::size_t e, Batch& b, std::int64_t& bytes) {
    const auto limit = static_cast<std::size_t>(c_.esms[e].batch_size);
    if (!c_.fifo) {
        while (b.items.size() < limit && !visible_.empty()) {
            const auto [slot, id] = visible_.front();
            Slot& s = slots_[slot];
            if (s.state != State::Visible || s.msg.id != id) {
                visible_.pop_front();
                continue;
            }
            if (!b.items.empty() && bytes + s.msg.size_bytes > kMaxBatchBytes) break;
            visible_.pop_front();
            if (redrive_if_exhausted(ctx, slot)) continue;
            receive_one(ctx, slot);
            if (filtered_out(ctx, e, slot)) continue;
            b.items.emplace_back(slot, s.gen);
            bytes += s.msg.size_bytes;
        }
        return;
    }
    // FIFO: whole runs of a group, in order; a batch may hold several groups.
    while (b.items.size() < limit && !ready_groups_.empty()) {
        const std::uint32_t g = ready_groups_.front();
        ready_groups_.pop_front();
        groups_[g].ready = false;
        std::size_t i = 0;
        bool full = false;
        while (i < groups_[g].msgs.size() && b.items.size() < limit) {
            const auto [slot, id] = groups_[g].msgs[i];
            Slot& s = slots_[slot];
            if (s.state == State::Free || s.msg.id != id) {
                groups_[g].msgs.erase(groups_[g].msgs.begin() + static_cast<std::ptrdiff_t>(i));
                continue;
            }
            if (s.state != State::Visible) break;
            if (!b.items.empty() && bytes + s.msg.size_bytes > kMaxBatchBytes) {
                full = true;
                break;
            }
            if (redrive_if_exhausted(ctx, slot)) continue;  // erased from the group by release()
            receive_one(ctx, slot);
            if (filtered_out(ctx, e, slot)) continue;  // deleted: erased from the group too
            b.items.emplace_back(slot, s.gen);
            bytes += s.msg.size_bytes;
            ++i;
        }
        Group& gr = groups_[g];
        if (gr.inflight == 0 && !gr.msgs.empty() && !gr.ready) {
            gr.ready = true;
            ready_groups_.push_back(g);
        }
        if (full) break;
    }
}

void SqsQueue::dispatch(Context& ctx, std::size_t e, Batch b, std::int64_t bytes) {
    auto records = std::make_shared<std::vector<Message>>();
    records->reserve(b.items.size());
    std::uint16_t depth = 0;
    for (const auto& [slot, gen] : b.items) {
        records->push_back(slots_[slot].msg);
        records->back().attempt = static_cast<std::uint16_t>(std::min<std::uint32_t>(slots_[slot].receives - 1, 65535));
        depth = std::max(depth, slots_[slot].msg.depth);
    }
    // The batch travels on its first record's trace; each record keeps its own loop count.
    Message m = ctx.derive(records->front(), "sqs.batch", LoopCount::Restart);
    m.depth = depth;
    m.size_bytes = bytes;
    m.batch = std::move(records);
    const std::uint64_t call = ctx.call(*c_.esms[e].link, std::move(m), c_.poll_latency.sample(ctx.rng()));
    ++esm_[e].inflight;
    batches_.emplace(call, std::move(b));
}

void SqsQueue::on_reply(Context& ctx, std::uint64_t call, const Reply& r) {
    auto it = batches_.find(call);
    if (it == batches_.end()) return;
    Batch b = std::move(it->second);
    batches_.erase(it);
    --esm_[b.esm].inflight;
    complete(ctx, b, r);
    pump(ctx);
    gauges(ctx);
}

void SqsQueue::complete(Context& ctx, Batch& b, const Reply& r) {
    const EsmConfig& ec = c_.esms[b.esm];
    std::set<std::uint64_t> failed;  // message ids that return to the queue
    bool all_failed = !r.ok();
    if (r.is(kLambdaRecursiveInvocation)) {
        // Lambda stopped a recursive loop: the looping messages go to the DLQ (or are dropped).
        std::set<std::string> looping;
        if (r.body && r.body->is_object() && r.body->contains("recursiveItems"))
            for (const Json& id : (*r.body)["recursiveItems"])
                if (id.is_string()) looping.insert(id.get<std::string>());
        for (const auto& [slot, gen] : b.items) {
            Slot& s = slots_[slot];
            if (s.state != State::InFlight || s.gen != gen || !looping.count(std::to_string(s.msg.id))) continue;
            if (c_.dlq)
                to_dlq(ctx, slot, "Lambda stopped a recursive loop (RecursiveInvocationException)");
            else {
                ctx.drop(s.msg, DropReason::RecursiveLoop,
                         "Lambda stopped a recursive loop after 16 invocations and the queue has no dead-letter queue");
                remove(ctx, slot);
            }
        }
    } else if (r.ok() && ec.report_item_failures && r.body && r.body->is_object()) {
        auto f = r.body->find("batchItemFailures");
        if (f != r.body->end() && f->is_array()) {
            for (const Json& item : *f) {
                auto id = item.is_object() ? item.find("itemIdentifier") : item.end();
                if (!item.is_object() || id == item.end() || !id->is_string() || id->get<std::string>().empty()) {
                    all_failed = true;  // malformed response: the whole batch counts as failed
                    break;
                }
                failed.insert(std::strtoull(id->get<std::string>().c_str(), nullptr, 10));
            }
        }
    }
    if (all_failed) return;  // everything stays in flight and returns after the visibility timeout
    std::set<std::uint32_t> blocked_groups;
    std::size_t deletes = 0;
    for (const auto& [slot, gen] : b.items) {
        Slot& s = slots_[slot];
        if (s.state == State::Free) continue;  // expired or already moved meanwhile
        if (c_.fifo && blocked_groups.count(s.group)) continue;
        if (failed.count(s.msg.id)) {
            if (c_.fifo) blocked_groups.insert(s.group);  // later messages of the group return too
            continue;
        }
        if (s.gen != gen) continue;  // received again by another batch after its timeout
        if (c_.duplicate_rate > 0 && ctx.rng().chance(c_.duplicate_rate)) {
            ++duplicates_;  // the delete is lost: the message comes back (at-least-once)
            continue;
        }
        remove(ctx, slot);
        ++deletes;
    }
    // DeleteMessageBatch: up to 10 per request.
    if (deletes)
        ctx.metrics().add_cost(
            request_price() * ctx.billable(FreeMeter::SqsRequests, std::ceil(static_cast<double>(deletes) / 10.0)),
            ctx.now());
}

// Poller scaling: while messages wait and every poller is busy, add 5 concurrent batches per
// second (300 per minute) up to the maximum; when the backlog is gone, fall back to 5.
void SqsQueue::scale_tick(Context& ctx) {
    scale_armed_ = false;
    bool again = false;
    for (std::size_t e = 0; e < c_.esms.size(); ++e) {
        EsmState& st = esm_[e];
        const int max = c_.esms[e].max_concurrency;
        if (visible_n_ > 0 && st.inflight >= st.limit) {
            st.limit = std::min(max, st.limit + kScaleStep);
            again = again || st.limit < max;
        } else if (visible_n_ == 0) {
            st.limit = std::max(std::min(5, max), st.inflight);
        }
    }
    if (again) {
        scale_armed_ = true;
        ctx.start_timer(sec(1), timer_tag(kScale));
    }
}

}  // namespace sim::svc::sqs
