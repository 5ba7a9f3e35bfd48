// kinesis.cpp — Kinesis Data Streams: shards, MD5 partition routing, per-shard write limits,
// retention, capacity modes and pricing; config validation.
// Modelled:     [x] partition key → MD5 → 128-bit hash → shard owning that equal hash-key range
//               [x] per-shard writes 1,000 records/s and 1 MiB/s of data + partition key bytes →
//                   ProvisionedThroughputExceededException; 1 MiB record limit
// Assumed:      [~] each shard's write buckets hold one second of capacity (a 1 s burst) and start
//                   full; AWS documents the per-second rates, not the bucket
//               [x] RetentionPeriodHours 24..8,760: unread records expire (dropped with a reason)
//               [x] ON_DEMAND: starts at 4 shards' capacity (4 MB/s), doubles within 15 min when
//                   the peak passes half the capacity, up to 200 MB/s
//               [x] $0.015 per shard-hour + $0.014 per 1M 25 KB PUT units (provisioned);
//                   $0.04 per stream-hour + $0.08/GB in (on-demand, unverified); shard- and
//                   stream-hours accrue continuously from creation, idle or not
// Not modelled: [ ] read limits (2 MB/s, 5 GetRecords/s) and enhanced fan-out  [ ] resharding
//               parent/child ordering  [ ] ExplicitHashKey  [ ] extended-retention prices
// AWS: https://docs.aws.amazon.com/streams/latest/dev/key-concepts.html, service-sizes-and-limits.html
#include "services/kinesis/kinesis.h"
#include "services/kinesis/kinesis_contract.h"

#include "core/hash.h"
#include "pattern/config_reader.h"
#include "pattern/pattern.h"
#include "prices/price_table.h"
#include "services/json_path.h"
#include "services/kinesis/kinesis_stream.h"

#include <cmath>
#include <cstring>

namespace sim::svc {

std::size_t kinesis_shard_for(const std::string& key, std::size_t shards) {
    const std::string hex = hex_digest("MD5", key).value_or("0");
    const std::uint64_t hi = std::strtoull(hex.substr(0, 16).c_str(), nullptr, 16);  // top 64 of 128 bits
    return static_cast<std::size_t>((static_cast<unsigned __int128>(hi) * shards) >> 64);
}

namespace kds {
namespace {}

KinesisStream::KinesisStream(StreamConfig c) : c_(std::move(c)) {
    shards_.resize(static_cast<std::size_t>(c_.shards));
    lanes_by_esm_.resize(c_.esms.size());
    for (std::size_t e = 0; e < c_.esms.size(); ++e)
        lanes_by_esm_[e].resize(static_cast<std::size_t>(c_.shards * c_.esms[e].parallelization));
}

void KinesisStream::on_message(Context& ctx, const Inbound& in) {
    Reply r = put(ctx, in.msg);
    if (!r.ok()) {
        ctx.metrics().count(r.throttled() ? Counter::Throttles : Counter::Errors, ctx.now());
        ctx.span(in.msg, "PutRecord", ctx.now(), Outcome::Throttled, r.error);
    }
    if (in.caller.valid())
        ctx.reply(in.caller, std::move(r), msec(10));
    else if (!r.ok())
        ctx.drop(in.msg, DropReason::Refused, "PutRecord refused by " + c_.name + ": " + r.error + ": " + r.detail);
}

Reply KinesisStream::put(Context& ctx, const Message& in) {
    const SimTime now = ctx.now();
    ctx.metrics().count(Counter::Invocations, now);
    accrue(ctx);
    JsonPtr data = in.body;
    std::string key;
    static const Json kNull;
    const Json& b = in.body ? *in.body : kNull;
    if (b.is_object() && b.contains("operation")) {
        if (b["operation"] != "PutRecord")
            return Reply::failure(kKinesisInvalidAction,
                                  "operation " + b["operation"].dump() + " is not simulated on Kinesis; use PutRecord");
        data = std::make_shared<const Json>(b.contains("Data") ? b["Data"] : Json());
        if (auto k = b.find("PartitionKey"); k != b.end()) key = k->is_string() ? k->get<std::string>() : k->dump();
    }
    if (key.empty() && !c_.key_path.empty() && data) {
        if (const Json* k = select_path(*data, c_.key_path)) key = k->is_string() ? k->get<std::string>() : k->dump();
    }
    if (key.empty()) key = std::to_string(in.id);  // no key given: spread like a random key
    if (key.size() > 256) return Reply::failure(kKinesisValidation, "PartitionKey must be at most 256 characters");
    // Limits and prices count the data blob plus the partition key, not the request around them
    // (a PutRecord call or an API Gateway proxy request carries more than the record).
    std::int64_t data_bytes = in.size_bytes;
    if (data != in.body)
        data_bytes = !data || data->is_null() ? 0
                     : data->is_string()      ? static_cast<std::int64_t>(data->get_ref<const std::string&>().size())
                                              : static_cast<std::int64_t>(data->dump().size());
    const std::int64_t size = std::max<std::int64_t>(data_bytes, 1) + static_cast<std::int64_t>(key.size());
    if (size > c_.max_record)
        return Reply::failure(kKinesisValidation,
                              "1 validation error detected: Value at 'data' failed to satisfy constraint: Member must "
                              "have length less than or equal to 1048576");
    const std::size_t shard = kinesis_shard_for(key, shards_.size());
    Shard& s = shards_[shard];
    // Both buckets refill on every write, admitted or not.
    const bool record_ok = s.records.available(now), bytes_ok = s.bytes.available(now, static_cast<double>(size));
    if (!record_ok || !bytes_ok) {
        ++throttled_;
        window_records_ += 1;
        return Reply::failure(kKinesisProvisionedThroughputExceeded,
                              "Rate exceeded for shard shardId-" + std::to_string(1000000000000 + shard).substr(1) +
                                  " in stream " + c_.name + " under account 123456789012.");
    }
    s.records.take();
    s.bytes.take(static_cast<double>(size));
    ++puts_;
    bytes_in_ += size;
    window_records_ += 1;
    if (c_.on_demand)
        ctx.metrics().add_cost(
            price_table::kKinesisOnDemandIngestGb * static_cast<double>(std::max<std::int64_t>(size, 1024)) / 1e9, now);
    else
        ctx.metrics().add_cost(price_table::kKinesisPutPayloadUnit *
                                   std::ceil(static_cast<double>(size) / price_table::kKinesisPayloadUnitBytes),
                               now);
    for (const Link* f : c_.firehoses) {  // a Firehose delivery stream with this stream as source
        Message fm = in;
        fm.type = "kinesis.record";
        fm.body = data;
        fm.size_bytes = size;
        ctx.send(*f, std::move(fm), msec(200));
    }
    // PutRecord's output: the shard the key hashed to and the record's sequence number.
    const std::string shard_id = "shardId-" + std::to_string(1000000000000 + shard).substr(1);
    const std::uint64_t seq = next_seq_++;
    Reply ok;
    ok.body = std::make_shared<const Json>(Json{{"ShardId", shard_id}, {"SequenceNumber", std::to_string(seq)}});
    if (c_.esms.empty()) return ok;  // no Lambda consumer: nothing to track per record
    Record rec;
    rec.msg = in;
    rec.msg.id = ctx.new_message_id();
    rec.msg.type = "kinesis.record";
    rec.msg.body = std::move(data);
    rec.msg.size_bytes = size;
    rec.seq = seq;
    rec.msg.attributes = std::make_shared<const Json>(
        Json{{"partitionKey", key}, {"sequenceNumber", std::to_string(rec.seq)}, {"shardId", shard_id}});
    rec.arrival = now;
    rec.shard = static_cast<std::uint32_t>(shard);
    enqueue(ctx, rec);
    return ok;
}

// Shard-hours (provisioned) or stream-hours (on-demand) accrue from creation, written to or not.
void KinesisStream::on_start(Context& ctx) {
    ctx.metrics().set_hourly_cost(hourly_usd(), ctx.now());
}

double KinesisStream::hourly_usd() const {
    return c_.on_demand ? price_table::kKinesisOnDemandStreamHour
                        : price_table::kKinesisShardHour * static_cast<double>(shards_.size());
}

// On each write: folds the time-based charge so far into the cost timeline; arms on-demand scaling.
void KinesisStream::accrue(Context& ctx) {
    ctx.metrics().set_hourly_cost(hourly_usd(), ctx.now());
    if (c_.on_demand && !rescale_armed_) {
        rescale_armed_ = true;
        ctx.start_timer(minutes(15), timer_tag(Timer::Rescale));
    }
}

// On-demand: capacity doubles when the last 15 minutes' peak passed half of it (AWS: scales to
// about 2x the previous peak within about 15 minutes; unverified detail).
void KinesisStream::rescale(Context& ctx) {
    const double avg_rps = window_records_ / 900.0;
    const bool active = window_records_ > 0;
    window_records_ = 0;
    const auto n = static_cast<int>(shards_.size());
    if ((avg_rps > 500.0 * n || throttled_ > 0) && n < c_.max_shards) {
        const int m = std::min(c_.max_shards, n * 2);
        shards_.resize(static_cast<std::size_t>(m));
        for (std::size_t e = 0; e < c_.esms.size(); ++e)
            lanes_by_esm_[e].resize(static_cast<std::size_t>(m * c_.esms[e].parallelization));
        ctx.note(nullptr, Outcome::Ok,
                 "on-demand stream " + c_.name + " scaled from " + std::to_string(n) + " to " + std::to_string(m) +
                     " shards");
    }
    rescale_armed_ = active;  // idle: the next write restarts the 15-minute window
    if (active) ctx.start_timer(minutes(15), timer_tag(Timer::Rescale));
}

void KinesisStream::report(Json& out) const {
    out["records_put"] = puts_;
    out["records_throttled"] = throttled_;
    out["records_processed"] = processed_;
    out["records_filtered"] = filtered_;
    out["records_discarded"] = discarded_;
    out["records_expired"] = expired_;
    out["failed_batches"] = failed_batches_;
    out["shards"] = shards_.size();
    out["iterator_age_ms_max"] = iterator_age_max_us_ / 1000;
    out["bytes_in"] = bytes_in_;
}

Json KinesisStream::inspect() const {
    return {{"stream", c_.name},
            {"mode", c_.on_demand ? "ON_DEMAND" : "PROVISIONED"},
            {"shards", shards_.size()},
            {"records_waiting", stored_}};
}

}  // namespace kds

// ---- Config ---------------------------------------------------------------------------------------
namespace {

void read_esm(BuildContext& ctx, const Link& l, kds::StreamConfig& c) {
    kds::EsmConfig e;
    e.link = &l;
    ConfigReader er(l.config, "/edges/" + std::to_string(l.edge) + "/config", ctx.diagnostics);
    e.batch_size = static_cast<int>(er.integer("BatchSize", 100, 1, 10000, ""));
    e.window = sec(er.integer("MaximumBatchingWindowInSeconds", 0, 0, 300, "s"));
    e.parallelization = static_cast<int>(er.integer("ParallelizationFactor", 1, 1, 10, ""));
    e.bisect = er.boolean("BisectBatchOnFunctionError", false);
    e.max_retries = static_cast<int>(er.integer("MaximumRetryAttempts", -1, -1, 10000, ""));
    const std::int64_t age = er.integer("MaximumRecordAgeInSeconds", -1, -1, 604800, "s");
    if (age != -1 && age < 60)
        er.error("MaximumRecordAgeInSeconds",
                 "MaximumRecordAgeInSeconds must be -1 (infinite) or 60..604800 s, got " + std::to_string(age));
    else if (age > 0)
        e.max_age = sec(age);
    if (const Json* frt = er.raw("FunctionResponseTypes")) {
        if (*frt == Json::array({"ReportBatchItemFailures"}))
            e.report_item_failures = true;
        else if (!(frt->is_array() && frt->empty()))
            er.error("FunctionResponseTypes",
                     "FunctionResponseTypes must be [\"ReportBatchItemFailures\"] or [], got " + frt->dump());
    }
    e.latest = er.choice("StartingPosition", "LATEST", {"LATEST", "TRIM_HORIZON", "AT_TIMESTAMP"}) == "LATEST";
    if (const Json* dc = er.raw("DestinationConfig")) {
        const Json* d = dc->is_object() && dc->contains("OnFailure") && (*dc)["OnFailure"].is_object()
                            ? &(*dc)["OnFailure"]
                            : nullptr;
        const std::string dest = d && d->contains("Destination") && (*d)["Destination"].is_string()
                                     ? (*d)["Destination"].get<std::string>()
                                     : "";
        for (const Link& o : ctx.links)
            if (o.port == "on_failure" && o.target_id == dest) e.on_failure = &o;
        if (!e.on_failure) {
            if (!ctx.pattern.find_node(dest))
                er.error("DestinationConfig", "on-failure destination '" + dest + "' does not exist");
            else
                er.error("DestinationConfig",
                         "on-failure destination '" + dest + "' is not wired to stream '" + ctx.spec.id +
                             "' on its on_failure port",
                         "add an edge {\"from\": \"" + ctx.spec.id + "\", \"port\": \"on_failure\", \"to\": \"" + dest +
                             "\"}");
        }
    }
    e.filter = esm::EventFilter::read(er.raw("FilterCriteria"), er.path_of("FilterCriteria"),
                                      esm::FilterSource::Kinesis, ctx.diagnostics);
    er.raw("TumblingWindowInSeconds");
    er.raw("Enabled");
    er.finish();
    c.esms.push_back(std::move(e));
}

std::unique_ptr<Service> create_stream(BuildContext& ctx) {
    ConfigReader& r = ctx.config;
    kds::StreamConfig c;
    c.name = r.text("Name", ctx.spec.id);
    c.arn = "arn:aws:kinesis:us-east-1:123456789012:stream/" + c.name;
    if (const Json* m = r.raw("StreamModeDetails")) {
        ConfigReader mr(*m, r.path_of("StreamModeDetails"), ctx.diagnostics);
        c.on_demand = mr.choice("StreamMode", "PROVISIONED", {"PROVISIONED", "ON_DEMAND"}) == "ON_DEMAND";
        mr.finish();
    }
    if (c.on_demand && r.has("ShardCount")) r.error("ShardCount", "ShardCount cannot be set on an ON_DEMAND stream");
    c.shards = c.on_demand ? 4 : static_cast<int>(r.integer("ShardCount", 1, 1, 20000, ""));
    c.retention = hours(r.integer("RetentionPeriodHours", 24, 24, 8760, "h"));
    c.key_path = r.text("PartitionKeyPath", "");
    if (!c.key_path.empty() && !is_simple_path(c.key_path))
        r.error("PartitionKeyPath",
                "PartitionKeyPath must be a JSONPath like \"$.deviceId\", got \"" + c.key_path + "\"");
    c.max_record = r.integer("MaxRecordSizeInKiB", 1024, 1024, 10240, "KiB") * 1024;
    r.raw("StreamEncryption");
    for (const Link& l : ctx.links)
        if (l.port == "out" && l.target_role == ServiceRole::Function)
            read_esm(ctx, l, c);
        else if (l.port == "out")
            c.firehoses.push_back(&l);
    return std::make_unique<kds::KinesisStream>(std::move(c));
}

}  // namespace

ServiceKind kinesis_kind() {
    ServiceKind k;
    k.iot_rule_action = "kinesis";
    k.type = "kinesis";
    k.role = ServiceRole::Stream;
    k.label = "Kinesis Data Streams";
    k.group = "messaging";
    k.description = "Sharded, ordered stream: per-shard write limits, Lambda consumers per shard";
    k.ports = {PortSpec::to("out", "consumers", {ServiceRole::Function, ServiceRole::DeliveryStream},
                            "Kinesis is read by Lambda event source mappings or a Firehose delivery stream"),
               PortSpec::to("on_failure", "event source mapping on-failure destinations",
                            {ServiceRole::Queue, ServiceRole::Topic, ServiceRole::ObjectStore},
                            "an on-failure destination is SQS, SNS or S3")};
    k.operations = kinesis_operations();
    k.api = ApiIntegration::call("PutRecord", "Data");
    k.errors = kinesis_errors();
    k.create = create_stream;
    k.icon = "kinesis";
    k.shape = DiagramShape::Channel;
    // https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-kinesis-stream.html
    k.cfn = {{"AWS::Kinesis::Stream",
              {"Name", "RetentionPeriodHours", "ShardCount", "StreamEncryption", "StreamModeDetails", "Tags"}}};
    k.sample = {{"partitionKey", "device-1"}, {"data", {{"temperature", 21.5}}}};
    k.sample_payload = "/data";
    k.cfn[0].complete = kinesis_cfn_complete;  // null in the page, which never exports (kinesis_cfn.cpp)
    k.cfn[0].call_policy = {"KinesisCrudPolicy", "StreamName", ""};
    return k;
}

}  // namespace sim::svc
