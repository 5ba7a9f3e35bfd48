// dynamodb_streams.h — DynamoDB Streams and the Lambda event source mappings that read them.
// The table publishes one record per real item change; each wired `stream` edge is an event
// source mapping polling every shard, invoking its function synchronously with a batch.
// https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Streams.html
// https://docs.aws.amazon.com/lambda/latest/dg/services-ddb-params.html
// Modelled:     [x] StreamViewType KEYS_ONLY / NEW_IMAGE / OLD_IMAGE / NEW_AND_OLD_IMAGES
//               [x] INSERT / MODIFY / REMOVE; TTL deletions carry userIdentity dynamodb.amazonaws.com
//               [x] shards by partition key: order kept per item; one batch in flight per shard
//               [x] edge config BatchSize (1..10,000, default 100), MaximumBatchingWindowInSeconds
//                   (0..300), MaximumRetryAttempts (-1..10,000), MaximumRecordAgeInSeconds
//                   (-1, 60..604,800), BisectBatchOnFunctionError, Enabled, StartingPosition; a
//                   failing batch blocks its shard until retried or discarded
//               [x] FilterCriteria (event_source_mapping_filter.h): records no filter matches are
//                   skipped (the iterator advances; no invocation, no charge)
//               [x] 24 h retention; Lambda polls each shard 4 times per second; 6 MB batch payload
// Not modelled: [ ] ParallelizationFactor  [ ] ReportBatchItemFailures  [ ] on-failure destination
//               (discarded records are dropped with a reason)  [ ] shard splits
#pragma once

#include "core/diagnostics.h"
#include "core/service.h"
#include "services/lambda/event_source_mapping_filter.h"

#include <deque>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace sim::svc::ddb {

enum class ViewType { KeysOnly, NewImage, OldImage, NewAndOld };

struct MappingConfig {
    const Link* link = nullptr;
    int batch_size = 100;
    SimTime window;        // MaximumBatchingWindowInSeconds
    int max_retries = -1;  // -1: until the record expires
    SimTime max_age{-1};   // -1: until the record expires (24 h)
    bool bisect = false;
    bool enabled = true;
    esm::EventFilter filter;  // FilterCriteria (event_source_mapping_filter.h)
};

// Reads the `stream` edges' event source mapping settings, reporting bad values at their paths.
std::vector<MappingConfig> read_mappings(const std::vector<Link>& links, Diagnostics& diags);

class StreamFeed {
public:
    StreamFeed(std::string table, ViewType view, int shards, std::vector<MappingConfig> mappings,
               std::uint8_t timer_kind_of_feed);

    // One item change. old_item / new_item are null when absent. `partition` picks the shard.
    void publish(Context& ctx, const Message& cause, const Json& keys, const Json* old_item, const Json* new_item,
                 bool ttl_delete, const std::string& partition);
    // Timers and replies addressed to the feed; false when not one of ours.
    bool on_timer(Context& ctx, std::uint64_t tag);
    bool on_reply(Context& ctx, std::uint64_t call, const Reply& r);

    void report(Json& out) const;
    Json inspect() const;

private:
    struct Record {
        JsonPtr body;
        SimTime created;
        std::int64_t size = 0;
        std::uint64_t trace = 0;
    };
    struct Consumer {  // one mapping reading one shard
        std::size_t mapping = 0, shard = 0;
        std::deque<std::shared_ptr<const Record>> pending;
        std::uint64_t call = 0;     // in-flight invocation, 0 when idle
        std::size_t in_flight = 0;  // records in that batch (front of `pending`)
        std::size_t limit = 0;      // batch size after bisecting (0: the configured size)
        int attempts = 0;
        bool timer_set = false;
        SimTime first_wait;
    };
    void schedule(Context& ctx, std::size_t consumer, SimTime delay);
    void invoke(Context& ctx, std::size_t consumer);
    void discard(Context& ctx, Consumer& c, std::size_t n, const std::string& why);
    void expire(Context& ctx, Consumer& c);

    std::string table_, arn_;
    ViewType view_;
    int shards_;
    std::vector<MappingConfig> mappings_;
    std::vector<Consumer> consumers_;             // mapping-major
    std::map<std::uint64_t, std::size_t> calls_;  // call id → consumer
    std::uint8_t tag_kind_;                       // the timer kind (core/timer_tag.h) the table gave the feed
    std::uint64_t sequence_ = 0;
    std::uint64_t records_ = 0, delivered_ = 0, filtered_ = 0, discarded_ = 0, batches_ = 0, failed_batches_ = 0;
};

}  // namespace sim::svc::ddb
