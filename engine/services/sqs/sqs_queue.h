// sqs_queue.h — the SQS queue's state, shared by sqs.cpp (storage, send, redrive, expiry) and
// event_source_mapping_sqs.cpp (Lambda pollers). Not a public API: use sqs.h.
#pragma once

#include "core/dedup_window.h"
#include "core/distribution.h"
#include "core/service.h"
#include "core/token_bucket.h"
#include "prices/price_table.h"
#include "services/lambda/event_source_mapping_filter.h"

#include <deque>
#include <map>
#include <queue>
#include <string>
#include <unordered_map>
#include <vector>

namespace sim::svc::sqs {

struct EsmConfig {
    const Link* link = nullptr;
    int batch_size = 10;                // 1..10,000 standard, 1..10 FIFO
    SimTime window;                     // MaximumBatchingWindowInSeconds
    int max_concurrency = 1000;         // ScalingConfig.MaximumConcurrency 2..1,000
    bool report_item_failures = false;  // FunctionResponseTypes ["ReportBatchItemFailures"]
    bool enabled = true;
    esm::EventFilter filter;  // FilterCriteria: messages no filter matches are deleted
};

struct QueueConfig {
    std::string name;
    bool fifo = false;
    bool content_dedup = false;
    bool high_throughput = false;  // FifoThroughputLimit perMessageGroupId
    SimTime visibility = sec(30);
    SimTime retention = sec(345600);
    SimTime delay;
    SimTime wait;  // ReceiveMessageWaitTimeSeconds (ESMs always long-poll)
    std::int64_t max_size = 1048576;
    const Link* dlq = nullptr;
    int max_receive = 0;        // redrive maxReceiveCount (0: no redrive)
    double duplicate_rate = 0;  // chance a delete is lost → the message comes back
    Distribution poll_latency = Distribution::lognormal(8, 30);
    std::vector<EsmConfig> esms;
};

enum class State : std::uint8_t { Free, Delayed, Visible, InFlight };

struct Slot {
    Message msg;                 // shared body and attributes; msg.id is the MessageId
    SimTime sent;                // enqueue time: retention counts from here
    std::uint32_t receives = 0;  // ApproximateReceiveCount
    std::uint32_t gen = 0;       // bumps on each receive and on delete (receipt handles)
    std::uint32_t group = UINT32_MAX;
    State state = State::Free;
};

struct Group {
    std::string id;
    std::deque<std::pair<std::uint32_t, std::uint64_t>> msgs;  // (slot, id) in order; in flight first
    std::uint32_t inflight = 0;
    bool ready = false;  // queued in ready_groups_
};

struct Batch {
    std::size_t esm = 0;
    std::vector<std::pair<std::uint32_t, std::uint32_t>> items;  // (slot, gen)
    SimTime start;
};

struct EsmState {
    int limit = 5;  // concurrent batches allowed now (pollers scale 5 → +300/min → 1,000)
    int inflight = 0;
    std::uint64_t window_timer = 0;
    bool window_due = false;
};

struct Entry {  // (time, slot, gen or id) kept in time order
    SimTime at;
    std::uint32_t slot;
    std::uint64_t check;
};

class SqsQueue final : public Service {
public:
    explicit SqsQueue(QueueConfig c);
    void on_message(Context& ctx, const Inbound& in) override;
    void on_reply(Context& ctx, std::uint64_t call, const Reply& r) override;
    void on_timer(Context& ctx, std::uint64_t tag) override;
    void report(Json& out) const override;
    Json inspect() const override;

    enum Tag : std::uint64_t { kVisibility = 1, kDelay, kRetention, kWindow, kScale };

private:
    // ---- storage (sqs.cpp) ----
    Reply send(Context& ctx, const Message& in);
    std::uint32_t alloc();
    void release(Context& ctx, std::uint32_t slot);
    void make_visible(Context& ctx, std::uint32_t slot);
    void receive_one(Context& ctx, std::uint32_t slot);  // marks in flight, arms visibility
    bool redrive_if_exhausted(Context& ctx, std::uint32_t slot);
    void to_dlq(Context& ctx, std::uint32_t slot, const std::string& why);
    void remove(Context& ctx, std::uint32_t slot);  // delete after processing
    void expire(Context& ctx);
    void release_due(Context& ctx);
    void arm(Context& ctx, Tag t, SimTime at);
    void gauges(Context& ctx);
    bool take_send_token(SimTime now);

    // ---- Lambda event source mappings (event_source_mapping_sqs.cpp) ----
    void pump(Context& ctx);
    bool next_batch(Context& ctx, std::size_t e, Batch& b, std::int64_t& bytes);  // also bills the receives
    void next_batch_items(Context& ctx, std::size_t e, Batch& b, std::int64_t& bytes);
    void dispatch(Context& ctx, std::size_t e, Batch b, std::int64_t bytes);
    void complete(Context& ctx, Batch& b, const Reply& r);
    void scale_tick(Context& ctx);
    bool filtered_out(Context& ctx, std::size_t e, std::uint32_t slot);
    std::size_t visible_count() const { return visible_n_; }
    double request_price() const { return c_.fifo ? price_table::kSqsFifoRequest : price_table::kSqsStandardRequest; }

    QueueConfig c_;
    std::vector<Slot> slots_;
    std::vector<std::uint32_t> free_;
    std::deque<std::pair<std::uint32_t, std::uint64_t>> visible_;  // standard: (slot, id)
    std::unordered_map<std::string, std::uint32_t> group_index_;   // FIFO
    std::vector<Group> groups_;
    std::deque<std::uint32_t> ready_groups_;
    std::deque<Entry> inflight_q_;   // visibility deadlines (constant timeout → time order)
    std::deque<Entry> retention_q_;  // enqueue order
    std::priority_queue<std::pair<std::int64_t, std::uint64_t>, std::vector<std::pair<std::int64_t, std::uint64_t>>,
                        std::greater<>>
        delayed_;                    // (ready_at us, slot<<32|gen)
    DedupWindow dedup_{minutes(5)};  // FIFO deduplication interval
    std::uint64_t wake_timer_[8] = {};
    SimTime wake_at_[8] = {};
    std::vector<EsmState> esm_;
    std::unordered_map<std::uint64_t, Batch> batches_;  // by call id
    bool scale_armed_ = false;
    std::size_t next_esm_ = 0;  // mappings on one queue take batches in turn (competing pollers)
    TokenBucket fifo_sends_;    // FIFO: SendMessage calls per second
    std::size_t visible_n_ = 0, inflight_n_ = 0, delayed_n_ = 0, stored_n_ = 0;
    std::uint64_t sent_ = 0, deduplicated_ = 0, received_ = 0, deleted_ = 0, expired_ = 0, redriven_ = 0,
                  duplicates_ = 0, refused_ = 0, filtered_ = 0;
    std::int64_t oldest_age_peak_us_ = 0;
    // The fields of the last SendMessage request read (members of `request`, null when absent).
    // Senders share one immutable request per payload (an API's integration, a function's action),
    // so most sends skip the lookups.
    struct SendFields {
        JsonPtr request;
        const Json *operation = nullptr, *body = nullptr, *group = nullptr, *dedup = nullptr, *attributes = nullptr,
                   *delay = nullptr;
    };
    SendFields last_send_;
    const SendFields& send_fields(const JsonPtr& request);
};

}  // namespace sim::svc::sqs
