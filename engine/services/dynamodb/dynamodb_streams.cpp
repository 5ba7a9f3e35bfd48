// dynamodb_streams.cpp — stream records, shards and event source mapping polling / retries.
// See dynamodb_streams.h for what is modelled.
#include "services/dynamodb/dynamodb_streams.h"

#include "core/rng.h"
#include "core/timer_tag.h"
#include "pattern/config_reader.h"
#include "services/dynamodb/dynamodb_storage.h"

#include <algorithm>

namespace sim::svc::ddb {

namespace {
constexpr std::size_t kMaxPendingPerShard = 200'000;      // memory bound for a stalled consumer
constexpr std::int64_t kMaxBatchBytes = 6 * 1024 * 1024;  // Lambda synchronous payload limit
const SimTime kRetention = hours(24);
const SimTime kPollInterval = msec(250);  // Lambda polls DynamoDB stream shards 4 times per second
}  // namespace

std::vector<MappingConfig> read_mappings(const std::vector<Link>& links, Diagnostics& diags) {
    std::vector<MappingConfig> out;
    for (const Link& l : links) {
        if (l.port != "stream") continue;
        MappingConfig m;
        m.link = &l;
        ConfigReader r(l.config, "/edges/" + std::to_string(l.edge) + "/config", diags);
        m.batch_size = static_cast<int>(r.integer("BatchSize", 100, 1, 10000, ""));
        m.window = sec(r.integer("MaximumBatchingWindowInSeconds", 0, 0, 300, "s"));
        m.max_retries = static_cast<int>(r.integer("MaximumRetryAttempts", -1, -1, 10000, ""));
        const std::int64_t age = r.integer("MaximumRecordAgeInSeconds", -1, -1, 604800, "s");
        if (age >= 0 && age < 60)
            r.error("MaximumRecordAgeInSeconds",
                    "MaximumRecordAgeInSeconds must be -1 (until the record expires) or 60..604800 s, got " +
                        std::to_string(age));
        else if (age >= 60)
            m.max_age = sec(age);
        m.bisect = r.boolean("BisectBatchOnFunctionError", false);
        m.enabled = r.boolean("Enabled", true);
        r.choice("StartingPosition", "LATEST", {"LATEST", "TRIM_HORIZON"});  // the stream starts empty
        m.filter = esm::EventFilter::read(r.raw("FilterCriteria"), r.path_of("FilterCriteria"),
                                          esm::FilterSource::DynamoDbStreams, diags);
        r.raw("DestinationConfig");
        r.finish();
        out.push_back(std::move(m));
    }
    return out;
}

StreamFeed::StreamFeed(std::string table, ViewType view, int shards, std::vector<MappingConfig> mappings,
                       std::uint8_t timer_kind_of_feed)
    : table_(std::move(table)),
      view_(view),
      shards_(std::max(1, shards)),
      mappings_(std::move(mappings)),
      tag_kind_(timer_kind_of_feed) {
    arn_ = "arn:aws:dynamodb:us-east-1:123456789012:table/" + table_ + "/stream/2026-01-01T00:00:00.000";
    for (std::size_t m = 0; m < mappings_.size(); ++m)
        for (int s = 0; s < shards_; ++s) {
            Consumer c;
            c.mapping = m;
            c.shard = static_cast<std::size_t>(s);
            consumers_.push_back(std::move(c));
        }
}

void StreamFeed::publish(Context& ctx, const Message& cause, const Json& keys, const Json* old_item,
                         const Json* new_item, bool ttl_delete, const std::string& partition) {
    ++records_;
    const char* name = !old_item ? "INSERT" : !new_item ? "REMOVE" : "MODIFY";
    Json ddb = {
        {"ApproximateCreationDateTime", ctx.start_unix_s() + static_cast<std::uint64_t>(ctx.now().us / 1000000)},
        {"Keys", marshal_item(keys)},
        {"SequenceNumber", std::to_string(100000000000000000ULL + ++sequence_)},
        {"StreamViewType", view_ == ViewType::KeysOnly   ? "KEYS_ONLY"
                           : view_ == ViewType::NewImage ? "NEW_IMAGE"
                           : view_ == ViewType::OldImage ? "OLD_IMAGE"
                                                         : "NEW_AND_OLD_IMAGES"}};
    if (new_item && (view_ == ViewType::NewImage || view_ == ViewType::NewAndOld))
        ddb["NewImage"] = marshal_item(*new_item);
    if (old_item && (view_ == ViewType::OldImage || view_ == ViewType::NewAndOld))
        ddb["OldImage"] = marshal_item(*old_item);
    const std::int64_t size =
        (new_item ? item_size(*new_item) : 0) + (old_item ? item_size(*old_item) : 0) + item_size(keys);
    ddb["SizeBytes"] = size;
    Json rec = {{"eventID", std::to_string(sequence_)},
                {"eventName", name},
                {"eventVersion", "1.1"},
                {"eventSource", "aws:dynamodb"},
                {"awsRegion", "us-east-1"},
                {"dynamodb", ddb},
                {"eventSourceARN", arn_}};
    if (ttl_delete) rec["userIdentity"] = {{"type", "Service"}, {"principalId", "dynamodb.amazonaws.com"}};
    auto record = std::make_shared<const Record>(
        Record{std::make_shared<const Json>(std::move(rec)), ctx.now(), size + 200, cause.trace});
    const auto shard = static_cast<std::size_t>(fnv1a(partition) % static_cast<std::uint64_t>(shards_));
    for (std::size_t k = 0; k < consumers_.size(); ++k) {
        Consumer& c = consumers_[k];
        if (c.shard != shard) continue;
        const MappingConfig& m = mappings_[c.mapping];
        if (!m.enabled) continue;
        // Filtered-out records are skipped: the iterator advances past them, nothing is invoked
        // or billed for them (the `dynamodb` data key is always JSON).
        if (!m.filter.passes(*record->body, true)) {
            ++filtered_;
            continue;
        }
        if (c.pending.size() >= kMaxPendingPerShard) {
            discard(ctx, c, 1, "simulator keeps at most 200,000 unread records per shard (AWS keeps 24 h)");
        }
        c.pending.push_back(record);
        if (c.call == 0 && !c.timer_set) {
            c.first_wait = ctx.now();
            // The next poll of this shard: within 250 ms, or after the batching window.
            schedule(ctx, k,
                     m.window.us > 0 ? m.window
                                     : SimTime{static_cast<std::int64_t>(
                                           ctx.rng().below(static_cast<std::uint64_t>(kPollInterval.us)))});
        } else if (c.call == 0 && m.window.us > 0 && c.pending.size() >= static_cast<std::size_t>(m.batch_size)) {
            invoke(ctx, k);  // a full batch goes without waiting for the window
        }
    }
}

void StreamFeed::schedule(Context& ctx, std::size_t k, SimTime delay) {
    consumers_[k].timer_set = true;
    ctx.start_timer(delay, timer_tag(tag_kind_, k));
}

bool StreamFeed::on_timer(Context& ctx, std::uint64_t tag) {
    if (timer_kind<std::uint8_t>(tag) != tag_kind_ || timer_value(tag) >= consumers_.size()) return false;
    const std::size_t k = timer_value(tag);
    Consumer& c = consumers_[k];
    c.timer_set = false;
    if (c.call == 0) invoke(ctx, k);
    return true;
}

void StreamFeed::expire(Context& ctx, Consumer& c) {
    const MappingConfig& m = mappings_[c.mapping];
    const SimTime limit = m.max_age.us >= 0 ? std::min(m.max_age, kRetention) : kRetention;
    std::size_t old = 0;
    while (old < c.pending.size() && ctx.now() - c.pending[old]->created > limit) ++old;
    if (old > 0)
        discard(ctx, c, old,
                m.max_age.us >= 0 && m.max_age < kRetention ? "record older than MaximumRecordAgeInSeconds"
                                                            : "record expired from the stream (24 h retention)");
}

void StreamFeed::invoke(Context& ctx, std::size_t k) {
    Consumer& c = consumers_[k];
    expire(ctx, c);
    if (c.pending.empty()) return;
    const MappingConfig& m = mappings_[c.mapping];
    std::size_t n = std::min(c.pending.size(), c.limit ? c.limit : static_cast<std::size_t>(m.batch_size));
    Json records = Json::array();
    std::int64_t bytes = 0;
    std::size_t taken = 0;
    for (; taken < n; ++taken) {
        if (taken > 0 && bytes + c.pending[taken]->size > kMaxBatchBytes) break;
        bytes += c.pending[taken]->size;
        records.push_back(*c.pending[taken]->body);
    }
    Message msg;
    msg.trace = c.pending.front()->trace;
    msg.id = ctx.new_message_id();
    msg.origin = c.pending.front()->created;
    msg.type = "dynamodb.stream_batch";
    msg.body = std::make_shared<const Json>(Json{{"Records", std::move(records)}});
    msg.size_bytes = bytes;
    msg.attempt = static_cast<std::uint16_t>(std::min(c.attempts, 65535));
    c.in_flight = taken;
    c.call = ctx.call(*m.link, std::move(msg));
    calls_[c.call] = k;
    ++batches_;
}

void StreamFeed::discard(Context& ctx, Consumer& c, std::size_t n, const std::string& why) {
    for (std::size_t i = 0; i < n && !c.pending.empty(); ++i) {
        Message m;
        m.trace = c.pending.front()->trace;
        m.type = "dynamodb.stream_record";
        m.body = c.pending.front()->body;
        ctx.drop(m, DropReason::RetriesExhausted,
                 "stream record for " + mappings_[c.mapping].link->target_id + " discarded: " + why);
        c.pending.pop_front();
        ++discarded_;
    }
}

bool StreamFeed::on_reply(Context& ctx, std::uint64_t call, const Reply& r) {
    auto it = calls_.find(call);
    if (it == calls_.end()) return false;
    const std::size_t k = it->second;
    calls_.erase(it);
    Consumer& c = consumers_[k];
    const MappingConfig& m = mappings_[c.mapping];
    c.call = 0;
    const std::size_t n = std::min(c.in_flight, c.pending.size());
    c.in_flight = 0;
    if (r.ok()) {
        for (std::size_t i = 0; i < n; ++i) c.pending.pop_front();
        delivered_ += n;
        c.attempts = 0;
        c.limit = 0;
        if (!c.pending.empty()) schedule(ctx, k, SimTime{});  // keep reading the shard
        return true;
    }
    ++failed_batches_;
    ctx.metrics().count(Counter::Retries, ctx.now());
    ctx.note(nullptr, Outcome::Retry,
             "stream batch of " + std::to_string(n) + " to " + m.link->target_id + " failed (" + r.error +
                 (r.detail.empty() ? "" : ": " + r.detail) + "); shard blocked until it succeeds or is discarded");
    ++c.attempts;
    if (m.bisect && n > 1 && r.status != 429) {
        // Split the failing batch and retry the first half (the original BatchSize is unchanged).
        c.limit = (n + 1) / 2;
        c.attempts = 0;
    } else if (m.max_retries >= 0 && c.attempts > m.max_retries) {
        discard(ctx, c, n, "MaximumRetryAttempts (" + std::to_string(m.max_retries) + ") exhausted after " + r.error);
        c.attempts = 0;
        c.limit = 0;
    }
    // Throttles back off; function errors are retried at the next poll.
    if (!c.pending.empty()) schedule(ctx, k, r.status == 429 ? sec(1) : kPollInterval);
    return true;
}

void StreamFeed::report(Json& out) const {
    out["stream_records"] = records_;
    out["stream_records_delivered"] = delivered_;
    out["stream_records_filtered"] = filtered_;
    out["stream_records_discarded"] = discarded_;
    out["stream_batches"] = batches_;
    out["stream_batches_failed"] = failed_batches_;
}

Json StreamFeed::inspect() const {
    Json shards = Json::array();
    for (const Consumer& c : consumers_)
        shards.push_back({{"function", mappings_[c.mapping].link->target_id},
                          {"shard", c.shard},
                          {"unread", c.pending.size()},
                          {"in_flight", c.in_flight},
                          {"attempts", c.attempts}});
    return {{"stream_arn", arn_}, {"consumers", shards}, {"records", records_}};
}

}  // namespace sim::svc::ddb
