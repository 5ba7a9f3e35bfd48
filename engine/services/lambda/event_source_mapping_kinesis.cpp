// event_source_mapping_kinesis.cpp — Lambda event source mappings on a Kinesis stream: one
// sequential consumer per shard (or per ParallelizationFactor slice, keyed by partition key).
// Modelled:     [x] per-shard (per-key with ParallelizationFactor) ordering; a failing batch
//                   blocks its shard until it succeeds, expires or is discarded
//               [x] polling once per second per shard; BatchSize; MaximumBatchingWindowInSeconds
//               [x] BisectBatchOnFunctionError (halves do not consume retries, unverified)
//               [x] MaximumRetryAttempts, MaximumRecordAgeInSeconds → on-failure destination with
//                   batch metadata (shard, sequence-number range), else dropped with a reason
//               [x] ReportBatchItemFailures: checkpoint at the lowest failed record, retry from it
//               [x] IteratorAge: age of the last record of each batch read (max reported)
//               [x] retention: records older than RetentionPeriodHours expire unread
//               [x] FilterCriteria (event_source_mapping_filter.h): `data` decoded and matched as
//                   JSON when it is JSON; records no filter matches are skipped (never invoked)
// Not modelled: [ ] enhanced fan-out  [ ] TumblingWindowInSeconds  [ ] AT_TIMESTAMP
// AWS: https://docs.aws.amazon.com/lambda/latest/dg/with-kinesis.html, services-kinesis-errors.html
#include "services/kinesis/kinesis_stream.h"

#include "core/rng.h"
#include "traffic/payload_template.h"

#include <algorithm>
#include <set>

namespace sim::svc::kds {
namespace {
constexpr std::int64_t kMaxBatchBytes = 6 * 1024 * 1024;
}  // namespace

void KinesisStream::enqueue(Context& ctx, const Record& rec) {
    Json view;  // the record as filters see it, built once when some mapping filters
    bool data_is_json = true;
    for (std::size_t e = 0; e < c_.esms.size(); ++e) {
        if (c_.esms[e].filter.active()) {
            if (view.is_null())
                view = esm::kinesis_filter_record(
                    rec.msg,
                    static_cast<double>(ctx.start_unix_s()) + static_cast<double>(rec.arrival.us / 1000) / 1000.0,
                    c_.arn, data_is_json);
            // A record no filter matches is skipped: the iterator advances past it, and no
            // invocation (so no Lambda charge) happens for it.
            if (!c_.esms[e].filter.passes(view, data_is_json)) {
                ++filtered_;
                continue;
            }
        }
        const auto pf = static_cast<std::size_t>(c_.esms[e].parallelization);
        std::size_t slice = 0;
        if (pf > 1) slice = fnv1a((*rec.msg.attributes)["partitionKey"].get_ref<const std::string&>()) % pf;
        const std::size_t lane = rec.shard * pf + slice;
        Lane& l = lanes_by_esm_[e][lane];
        if (l.records.empty()) l.first_wait = ctx.now();
        l.records.push_back(rec);
        ++stored_;
        schedule_poll(ctx, e, lane);
    }
    ctx.metrics().set_queue_depth(stored_, ctx.now());
}

void KinesisStream::schedule_poll(Context& ctx, std::size_t e, std::size_t lane) {
    Lane& l = lanes_by_esm_[e][lane];
    if (l.timer || l.busy || l.records.empty()) return;
    const EsmConfig& ec = c_.esms[e];
    SimTime at = std::max(ctx.now(), l.last_poll + sec(1));
    if (ec.window.us > 0 && static_cast<int>(l.records.size()) < ec.batch_size)
        at = std::max(at, l.first_wait + ec.window);
    l.timer = true;
    ctx.start_timer(at - ctx.now(), timer_tag(Timer::Poll, timer_pair(static_cast<std::uint32_t>(e),
                                                                      static_cast<std::uint32_t>(lane))));
}

void KinesisStream::on_timer(Context& ctx, std::uint64_t tag) {
    if (timer_kind<Timer>(tag) == Timer::Rescale) {
        rescale(ctx);
        return;
    }
    const std::size_t e = timer_pair_high(timer_value(tag)), lane = timer_pair_low(timer_value(tag));
    lanes_by_esm_[e][lane].timer = false;
    poll(ctx, e, lane);
}

void KinesisStream::expire(Context& ctx, std::size_t e, std::size_t lane) {
    Lane& l = lanes_by_esm_[e][lane];
    while (!l.records.empty() && l.records.front().arrival + c_.retention <= ctx.now()) {
        ++expired_;
        --stored_;
        ctx.drop(l.records.front().msg, DropReason::Expired,
                 "record expired from " + c_.name + " (RetentionPeriodHours " +
                     std::to_string(c_.retention.us / 3600000000) + ") before '" + c_.esms[e].link->target_id +
                     "' processed it");
        l.records.pop_front();
    }
}

void KinesisStream::poll(Context& ctx, std::size_t e, std::size_t lane) {
    Lane& l = lanes_by_esm_[e][lane];
    const EsmConfig& ec = c_.esms[e];
    l.last_poll = ctx.now();
    expire(ctx, e, lane);
    if (ec.max_age != kNever) {  // MaximumRecordAgeInSeconds: too-old records are discarded
        std::size_t old = 0;
        while (old < l.records.size() && ctx.now() - l.records[old].arrival > ec.max_age) ++old;
        if (old) discard(ctx, e, lane, old, "RecordAgeExceeded");
    }
    if (l.records.empty()) return;
    std::size_t n = std::min<std::size_t>(l.records.size(), static_cast<std::size_t>(ec.batch_size));
    if (l.split) n = std::min(n, l.split);
    auto batch = std::make_shared<std::vector<Message>>();
    std::int64_t bytes = 0;
    for (std::size_t i = 0; i < n; ++i) {
        if (i > 0 && bytes + l.records[i].msg.size_bytes > kMaxBatchBytes) {
            n = i;
            break;
        }
        bytes += l.records[i].msg.size_bytes;
        batch->push_back(l.records[i].msg);
    }
    iterator_age_max_us_ = std::max(iterator_age_max_us_, (ctx.now() - l.records[n - 1].arrival).us);
    // The batch travels on its first record's trace; each record keeps its own loop count.
    Message m = ctx.derive(batch->front(), "kinesis.batch", LoopCount::Restart);
    m.size_bytes = bytes;
    m.batch = std::move(batch);
    l.busy = true;
    l.in_batch = n;
    calls_.emplace(ctx.call(*ec.link, std::move(m), msec(5)), std::make_pair(e, lane));
}

void KinesisStream::on_reply(Context& ctx, std::uint64_t call, const Reply& r) {
    auto it = calls_.find(call);
    if (it == calls_.end()) return;
    const auto [e, lane] = it->second;
    calls_.erase(it);
    on_batch_done(ctx, e, lane, r);
    schedule_poll(ctx, e, lane);
    ctx.metrics().set_queue_depth(stored_, ctx.now());
}

void KinesisStream::on_batch_done(Context& ctx, std::size_t e, std::size_t lane, const Reply& r) {
    Lane& l = lanes_by_esm_[e][lane];
    const EsmConfig& ec = c_.esms[e];
    l.busy = false;
    std::size_t n = std::min(l.in_batch, l.records.size());
    bool failed = !r.ok();
    if (r.ok() && ec.report_item_failures && r.body && r.body->is_object() && r.body->contains("batchItemFailures")) {
        // Checkpoint at the lowest failed record: the ones before it are done.
        std::set<std::string> ids;
        for (const Json& item : (*r.body)["batchItemFailures"]) {
            if (!item.is_object() || !item.contains("itemIdentifier") || !item["itemIdentifier"].is_string() ||
                item["itemIdentifier"].get<std::string>().empty()) {
                ids.clear();
                ids.insert("");
                break;
            }
            ids.insert(item["itemIdentifier"].get<std::string>());
        }
        std::size_t k = ids.count("") ? 0 : n;
        // AWS's itemIdentifier for a Kinesis record is its sequence number.
        for (std::size_t i = 0; i < n && k == n; ++i) {
            const Json* a = l.records[i].msg.attributes.get();
            const Json* seq = a ? member(*a, "sequenceNumber") : nullptr;
            if (ids.count(std::to_string(l.records[i].msg.id)) ||
                (seq && seq->is_string() && ids.count(seq->get<std::string>())))
                k = i;
        }
        if (k < n) {
            for (std::size_t i = 0; i < k; ++i) l.records.pop_front();
            processed_ += k;
            stored_ -= static_cast<std::int64_t>(k);
            n -= k;
            failed = true;
        }
    }
    if (!failed) {
        for (std::size_t i = 0; i < n; ++i) l.records.pop_front();
        processed_ += n;
        stored_ -= static_cast<std::int64_t>(n);
        l.retries = 0;
        l.split = 0;
        if (!l.records.empty()) l.first_wait = ctx.now();
        return;
    }
    ++failed_batches_;
    ctx.metrics().count(Counter::Retries, ctx.now());
    if (ec.bisect && n > 1) {  // split the failing batch and retry its first half
        l.split = n / 2;
        return;
    }
    ++l.retries;
    if (ec.max_retries >= 0 && l.retries > ec.max_retries) {
        discard(ctx, e, lane, n, "RetryAttemptsExhausted");
        l.retries = 0;
        l.split = 0;
    }
}

// Records the mapping gives up on: batch metadata to the on-failure destination (the records
// themselves stay in the stream), else dropped with the reason.
void KinesisStream::discard(Context& ctx, std::size_t e, std::size_t lane, std::size_t n, const char* condition) {
    Lane& l = lanes_by_esm_[e][lane];
    const EsmConfig& ec = c_.esms[e];
    const Record& first = l.records.front();
    const Record& last = l.records[n - 1];
    discarded_ += n;
    ctx.metrics().count(Counter::DeadLettered, ctx.now(), n);
    if (ec.on_failure) {
        Json info = {{"shardId", (*first.msg.attributes)["shardId"]},
                     {"startSequenceNumber", std::to_string(first.seq)},
                     {"endSequenceNumber", std::to_string(last.seq)},
                     {"approximateArrivalOfFirstRecord",
                      iso8601_utc(ctx.start_unix_s() + static_cast<std::uint64_t>(first.arrival.us / 1000000))},
                     {"approximateArrivalOfLastRecord",
                      iso8601_utc(ctx.start_unix_s() + static_cast<std::uint64_t>(last.arrival.us / 1000000))},
                     {"batchSize", n},
                     {"streamArn", c_.arn}};
        Json rec = {{"version", "1.0"},
                    {"timestamp", iso8601_utc(ctx.start_unix_s() + static_cast<std::uint64_t>(ctx.now().us / 1000000))},
                    {"requestContext",
                     {{"functionArn", ec.link->target_id},
                      {"condition", condition},
                      {"approximateInvokeCount", l.retries + 1}}},
                    {"KinesisBatchInfo", std::move(info)}};
        Message m = first.msg;
        m.id = ctx.new_message_id();
        m.type = "lambda.esm.failure";
        m.body = std::make_shared<const Json>(std::move(rec));
        m.size_bytes = 600;
        ctx.note(&first.msg, Outcome::DeadLettered,
                 std::to_string(n) + " records of " + c_.name + " sent to on-failure destination '" +
                     ec.on_failure->target_id + "': " + condition);
        ctx.send(*ec.on_failure, std::move(m));
    } else {
        ctx.drop(first.msg, DropReason::RetriesExhausted,
                 std::to_string(n) + " records of " + c_.name + " discarded by the event source mapping (" + condition +
                     ") and no on-failure destination is set");
    }
    for (std::size_t i = 0; i < n; ++i) l.records.pop_front();
    stored_ -= static_cast<std::int64_t>(n);
}

}  // namespace sim::svc::kds
