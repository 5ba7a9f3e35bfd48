// kinesis_stream.h — the Kinesis stream's state, shared by kinesis.cpp (writes, limits, shards)
// and event_source_mapping_kinesis.cpp (Lambda consumers). Not a public API: use kinesis.h.
#pragma once

#include "core/service.h"
#include "core/timer_tag.h"
#include "core/token_bucket.h"
#include "services/lambda/event_source_mapping_filter.h"

#include <deque>
#include <string>
#include <unordered_map>
#include <vector>

namespace sim::svc::kds {

struct EsmConfig {
    const Link* link = nullptr;
    int batch_size = 100;      // 1..10,000
    SimTime window;            // MaximumBatchingWindowInSeconds 0..300
    int parallelization = 1;   // ParallelizationFactor 1..10
    bool bisect = false;       // BisectBatchOnFunctionError
    int max_retries = -1;      // MaximumRetryAttempts -1 (infinite)..10,000
    SimTime max_age = kNever;  // MaximumRecordAgeInSeconds -1 or 60..604,800
    bool report_item_failures = false;
    bool latest = false;  // StartingPosition LATEST (records before t=0: none anyway)
    const Link* on_failure = nullptr;
    esm::EventFilter filter;  // FilterCriteria: non-matching records are skipped
};

struct StreamConfig {
    std::string name, arn;
    bool on_demand = false;
    int shards = 1;
    int max_shards = 200;  // on-demand: 200 MB/s write per stream by default
    SimTime retention = hours(24);
    std::string key_path;  // PartitionKeyPath
    std::int64_t max_record = 1024 * 1024;
    std::vector<EsmConfig> esms;
    std::vector<const Link*> firehoses;  // Firehose delivery streams reading this stream
};

struct Record {
    Message msg;  // body = data; attributes = {partitionKey, sequenceNumber}
    SimTime arrival;
    std::uint64_t seq = 0;
    std::uint32_t shard = 0;
};

struct Lane {  // one shard (or one ParallelizationFactor slice of it)
    std::deque<Record> records;
    bool busy = false, timer = false;
    SimTime last_poll{-1000000000};
    SimTime first_wait;  // when the oldest waiting record was seen (batching window)
    int retries = 0;
    std::size_t split = 0;  // bisect: current batch size limit (0 = none)
    std::size_t in_batch = 0;
};

// A shard takes 1,000 records and 1 MiB per second, each with one second of burst (assumed).
struct Shard {
    TokenBucket records{1000, 1000};
    TokenBucket bytes{1048576, 1048576};
};

class KinesisStream final : public Service {
public:
    // Timers: a lane's next poll (value: timer_pair(mapping, lane)); on-demand rescaling.
    enum class Timer : std::uint8_t { Poll = 1, Rescale };

    explicit KinesisStream(StreamConfig c);
    void on_start(Context& ctx) override;
    void on_message(Context& ctx, const Inbound& in) override;
    void on_reply(Context& ctx, std::uint64_t call, const Reply& r) override;
    void on_timer(Context& ctx, std::uint64_t tag) override;
    void report(Json& out) const override;
    Json inspect() const override;

private:
    Reply put(Context& ctx, const Message& in);
    void accrue(Context& ctx);
    double hourly_usd() const;  // shard- or stream-hours
    void rescale(Context& ctx);
    // ---- consumers (event_source_mapping_kinesis.cpp) ----
    void enqueue(Context& ctx, const Record& r);
    void poll(Context& ctx, std::size_t esm, std::size_t lane);
    void schedule_poll(Context& ctx, std::size_t esm, std::size_t lane);
    void on_batch_done(Context& ctx, std::size_t esm, std::size_t lane, const Reply& r);
    void discard(Context& ctx, std::size_t esm, std::size_t lane, std::size_t n, const char* condition);
    void expire(Context& ctx, std::size_t esm, std::size_t lane);

    StreamConfig c_;
    std::vector<Shard> shards_;
    std::vector<std::vector<Lane>> lanes_by_esm_;                                   // [esm][shard * PF + slice]
    std::unordered_map<std::uint64_t, std::pair<std::size_t, std::size_t>> calls_;  // call → (esm, lane)
    std::uint64_t next_seq_ = 1;
    double minute_peak_ = 0, window_records_ = 0;
    bool rescale_armed_ = false;
    std::uint64_t puts_ = 0, throttled_ = 0, processed_ = 0, failed_batches_ = 0, discarded_ = 0, expired_ = 0,
                  filtered_ = 0;
    std::int64_t stored_ = 0, iterator_age_max_us_ = 0, bytes_in_ = 0;
};

}  // namespace sim::svc::kds
