// firehose.cpp — Firehose delivery streams: buffering, optional transformation Lambda, delivery
// to S3 and to Redshift via an S3 COPY, retries and error prefixes.
// Modelled:     [x] Direct PUT and Kinesis-stream sources; 1,000 KiB record limit
//               [x] BufferingHints: flush when SizeInMBs (1..128, default 5) or IntervalInSeconds
//                   (0..900, default 300) is reached, whichever first
//               [x] transformation Lambda (synchronous, per-record results): failed records, after
//                   NumberOfRetries (default 3) whole-invocation retries, go to ErrorOutputPrefix
//                   ("processing-failed/") in the bucket
//               [x] S3 delivery (PutObject per buffer, Prefix + YYYY/MM/DD/HH/), retried for 24 h
//               [x] Redshift: S3 object then COPY; failed COPYs retried for RetryOptions
//                   DurationInSeconds (0..7,200, default 3,600), then a manifest under errors/
//               [x] $0.029/GB ingested, each record rounded up to 5 KB
// Not modelled: [ ] throughput quotas per stream  [ ] format conversion  [ ] dynamic partitioning
//               [ ] OpenSearch, Splunk, HTTP destinations  [ ] duplicate deliveries on retry
// AWS: https://docs.aws.amazon.com/firehose/latest/dev/basic-deliver.html, data-transformation.html,
//      https://docs.aws.amazon.com/firehose/latest/APIReference/API_BufferingHints.html
#include "services/firehose/firehose.h"
#include "services/firehose/firehose_contract.h"

#include "core/civil_time.h"
#include "core/timer_tag.h"
#include "pattern/config_reader.h"
#include "pattern/pattern.h"
#include "prices/price_table.h"

#include <cmath>
#include <cstring>
#include <unordered_map>

namespace sim::svc {
namespace {

constexpr std::int64_t kMaxRecord = 1000 * 1024;
enum Tag : std::uint64_t { kInterval = 1, kRetry = 2 };

struct Config {
    std::string name, prefix = "", error_prefix = "processing-failed/";
    std::int64_t buffer_bytes = 5 * 1024 * 1024;
    SimTime interval = sec(300);
    int transform_retries = 3;
    SimTime redshift_retry = sec(3600);
    const Link* s3 = nullptr;
    const Link* redshift = nullptr;
    const Link* transform = nullptr;
};

enum class Step { Transform, Object, ErrorObject, Copy };

struct Job {
    Step step = Step::Object;
    MessageBatch records;
    std::int64_t bytes = 0;
    std::size_t count = 0;
    std::string key;
    int attempts = 0;
    SimTime first;
};

class DeliveryStream final : public Service {
public:
    explicit DeliveryStream(Config c) : c_(std::move(c)) {}

    void on_message(Context& ctx, const Inbound& in) override {
        const SimTime now = ctx.now();
        ctx.metrics().count(Counter::Invocations, now);
        Message rec = in.msg;
        static const Json kNull;
        const Json& b = in.msg.body ? *in.msg.body : kNull;
        if (b.is_object() && b.contains("operation")) {
            // AWS's PutRecord carries the record as Record {Data}; a Lambda action or an API's
            // integration may give Data at the top level.
            const Json* record = b.contains("Record") && b["Record"].is_object() ? &b["Record"] : &b;
            rec.body = std::make_shared<const Json>(record->contains("Data") ? (*record)["Data"] : Json());
        }
        rec.id = ctx.new_message_id();
        Reply r;
        if (rec.size_bytes > kMaxRecord) {
            r = Reply::failure(kFirehoseValidation,
                               "a record is at most 1,000 KiB, got " + std::to_string(rec.size_bytes) + " bytes");
            ctx.metrics().count(Counter::Errors, now);
        } else {
            const std::int64_t billed_bytes =
                std::max<std::int64_t>(5120, (rec.size_bytes + 5119) / 5120 * 5120);  // 5 KB increments
            ctx.metrics().add_cost(price_table::kFirehoseIngestGb * static_cast<double>(billed_bytes) / 1073741824.0,
                                   now);
            if (!buffer_) buffer_ = std::make_shared<std::vector<Message>>();
            if (buffer_->empty() && c_.interval.us > 0)
                interval_timer_ = ctx.start_timer(c_.interval, timer_tag(kInterval));
            buffer_bytes_ += rec.size_bytes;
            buffer_->push_back(std::move(rec));
            ++records_in_;
            ctx.metrics().set_queue_depth(static_cast<std::int64_t>(buffer_->size()), now);
            if (buffer_bytes_ >= c_.buffer_bytes || c_.interval.us == 0) flush(ctx);
        }
        if (in.caller.valid())
            ctx.reply(in.caller, std::move(r), msec(15));
        else if (!r.ok())
            ctx.drop(in.msg, DropReason::Refused, "PutRecord refused by " + c_.name + ": " + r.detail);
    }

    void on_timer(Context& ctx, std::uint64_t tag) override {
        if (timer_kind<Tag>(tag) == kInterval) {
            interval_timer_ = 0;
            flush(ctx);
            return;
        }
        auto it = waiting_.find(timer_value(tag));
        if (it == waiting_.end()) return;
        Job j = std::move(it->second);
        waiting_.erase(it);
        ctx.metrics().count(Counter::Retries, ctx.now());
        run(ctx, std::move(j));
    }

    void on_reply(Context& ctx, std::uint64_t call, const Reply& r) override {
        auto it = calls_.find(call);
        if (it == calls_.end()) return;
        Job j = std::move(it->second);
        calls_.erase(it);
        if (r.ok() && r.status < 400)
            succeeded(ctx, std::move(j), r);
        else
            failed(ctx, std::move(j), r);
    }

    void report(Json& out) const override {
        out["records_in"] = records_in_;
        out["records_delivered"] = records_delivered_;
        out["records_failed_processing"] = records_failed_;
        out["objects_written"] = objects_;
        out["redshift_loads"] = copies_;
        out["records_buffered"] = buffer_ ? buffer_->size() : 0;
    }

private:
    void flush(Context& ctx) {
        if (!buffer_ || buffer_->empty()) return;
        if (interval_timer_) ctx.cancel_timer(interval_timer_);
        interval_timer_ = 0;
        Job j;
        j.records = std::move(buffer_);
        j.bytes = buffer_bytes_;
        j.count = j.records->size();
        j.first = ctx.now();
        j.step = c_.transform ? Step::Transform : Step::Object;
        buffer_.reset();
        buffer_bytes_ = 0;
        ctx.metrics().set_queue_depth(0, ctx.now());
        run(ctx, std::move(j));
    }

    std::string object_key(Context& ctx, const std::string& prefix) {
        const auto t = civil_from_unix(static_cast<std::int64_t>(ctx.start_unix_s()) + ctx.now().us / 1000000);
        char buf[64];
        std::snprintf(buf, sizeof buf, "%04d/%02d/%02d/%02d/", t.year, t.month, t.day, t.hour);
        return prefix + buf + c_.name + "-" + std::to_string(++object_seq_);
    }

    void run(Context& ctx, Job j) {
        ++j.attempts;
        // The batch travels on its first record's trace; Firehose is not followed by loop detection.
        const bool transform = j.step == Step::Transform;
        Message m = ctx.derive(j.records->front(), transform ? "firehose.transform" : "sdk.call", LoopCount::Restart);
        m.size_bytes = j.bytes;
        const Link* to = c_.s3;
        if (transform) {
            m.batch = j.records;
            to = c_.transform;
        } else if (j.step == Step::Copy) {
            m.body = std::make_shared<const Json>(
                Json{{"operation", "COPY"}, {"Key", j.key}, {"Rows", j.count}, {"SizeBytes", j.bytes}});
            to = c_.redshift;
        } else {
            if (j.key.empty()) j.key = object_key(ctx, j.step == Step::ErrorObject ? c_.error_prefix : c_.prefix);
            m.body =
                std::make_shared<const Json>(Json{{"operation", "PutObject"}, {"Key", j.key}, {"SizeBytes", j.bytes}});
        }
        calls_.emplace(ctx.call(*to, std::move(m)), std::move(j));
    }

    void succeeded(Context& ctx, Job j, const Reply& r) {
        switch (j.step) {
            case Step::Transform: {
                // Per-record results: failed records go to the error prefix, the rest on.
                std::size_t failed = 0;
                if (r.body && r.body->is_object() && r.body->contains("batchItemFailures"))
                    failed = (*r.body)["batchItemFailures"].size();
                // A transformation function's own answer: {"records": [{"recordId", "result", "data"}]},
                // result Ok, Dropped or ProcessingFailed (which goes to the error prefix).
                // https://docs.aws.amazon.com/firehose/latest/dev/data-transformation.html
                if (const Json* recs = r.body ? member(*r.body, "records") : nullptr; recs && recs->is_array())
                    for (const Json& rec : *recs)
                        if (const Json* res = member(rec, "result"); res && *res == "ProcessingFailed") ++failed;
                if (failed) {
                    records_failed_ += failed;
                    Job e{Step::ErrorObject,
                          j.records,
                          j.bytes * static_cast<std::int64_t>(failed) / static_cast<std::int64_t>(j.count),
                          failed,
                          "",
                          0,
                          ctx.now()};
                    ctx.note(
                        &j.records->front(), Outcome::Error,
                        std::to_string(failed) + " records failed transformation; written under " + c_.error_prefix);
                    run(ctx, std::move(e));
                }
                if (failed == j.count) return;
                j.bytes -= j.bytes * static_cast<std::int64_t>(failed) / static_cast<std::int64_t>(j.count);
                j.count -= failed;
                j.step = Step::Object;
                j.attempts = 0;
                run(ctx, std::move(j));
                return;
            }
            case Step::ErrorObject:
                ++objects_;
                return;
            case Step::Object:
                ++objects_;
                if (c_.redshift) {
                    j.step = Step::Copy;
                    j.attempts = 0;
                    j.first = ctx.now();
                    run(ctx, std::move(j));
                    return;
                }
                records_delivered_ += j.count;
                return;
            case Step::Copy:
                ++copies_;
                records_delivered_ += j.count;
                return;
        }
    }

    void failed(Context& ctx, Job j, const Reply& r) {
        ctx.metrics().count(Counter::Errors, ctx.now());
        SimTime delay = sec(5);
        bool give_up = false;
        if (j.step == Step::Transform) {
            give_up = j.attempts > c_.transform_retries;
            if (give_up) {  // the whole buffer failed processing: it goes to the error prefix
                records_failed_ += j.count;
                ctx.note(&j.records->front(), Outcome::Error,
                         "transformation failed after " + std::to_string(c_.transform_retries) + " retries (" +
                             r.error + "); " + std::to_string(j.count) + " records written under " + c_.error_prefix);
                run(ctx, Job{Step::ErrorObject, j.records, j.bytes, j.count, "", 0, ctx.now()});
                return;
            }
        } else if (j.step == Step::Copy) {
            delay = sec(30);
            if (ctx.now() + delay - j.first > c_.redshift_retry) {
                ctx.note(&j.records->front(), Outcome::Error,
                         "Redshift COPY of " + j.key + " failed for " + std::to_string(c_.redshift_retry.us / 1000000) +
                             " s (" + r.error + "); manifest written under errors/");
                run(ctx, Job{Step::ErrorObject, j.records, 512, j.count, "errors/manifests/" + j.key, 0, ctx.now()});
                return;
            }
        } else if (ctx.now() + delay - j.first > hours(24)) {
            ctx.drop(j.records->front(), DropReason::RetriesExhausted,
                     "Firehose could not write " + std::to_string(j.count) + " records to S3 for 24 h: " + r.error);
            return;
        }
        const std::uint64_t key = next_wait_++;
        ctx.start_timer(delay, timer_tag(kRetry, key));
        waiting_.emplace(key, std::move(j));
    }

    Config c_;
    std::shared_ptr<std::vector<Message>> buffer_;
    std::int64_t buffer_bytes_ = 0;
    std::uint64_t interval_timer_ = 0, next_wait_ = 1, object_seq_ = 0;
    std::unordered_map<std::uint64_t, Job> calls_, waiting_;
    std::uint64_t records_in_ = 0, records_delivered_ = 0, records_failed_ = 0, objects_ = 0, copies_ = 0;
};

std::unique_ptr<Service> create_firehose(BuildContext& ctx) {
    ConfigReader& r = ctx.config;
    Config c;
    c.name = r.text("DeliveryStreamName", ctx.spec.id);
    r.choice("DeliveryStreamType", "DirectPut", {"DirectPut", "KinesisStreamAsSource"});
    if (const Json* bh = r.raw("BufferingHints")) {
        ConfigReader br(*bh, r.path_of("BufferingHints"), ctx.diagnostics);
        c.buffer_bytes = br.integer("SizeInMBs", 5, 1, 128, "MiB") * 1024 * 1024;
        c.interval = sec(br.integer("IntervalInSeconds", 300, 0, 900, "s"));
        br.finish();
    }
    c.prefix = r.text("Prefix", "");
    c.error_prefix = r.text("ErrorOutputPrefix", "processing-failed/");
    if (const Json* pc = r.raw("ProcessingConfiguration")) {
        ConfigReader pr(*pc, r.path_of("ProcessingConfiguration"), ctx.diagnostics);
        c.transform_retries = static_cast<int>(pr.integer("NumberOfRetries", 3, 0, 300, ""));
        pr.raw("Enabled");
        pr.raw("Processors");
        pr.finish();
    }
    if (const Json* ro = r.raw("RetryOptions")) {
        ConfigReader rr(*ro, r.path_of("RetryOptions"), ctx.diagnostics);
        c.redshift_retry = sec(rr.integer("DurationInSeconds", 3600, 0, 7200, "s"));
        rr.finish();
    }
    for (const Link& l : ctx.links) {
        const std::string where = "/edges/" + std::to_string(l.edge);
        if (l.port == "transform") {
            if (c.transform) ctx.diagnostics.error(where, "a delivery stream has one transformation Lambda");
            c.transform = &l;
        } else if (l.target_role == ServiceRole::ObjectStore) {
            if (c.s3) ctx.diagnostics.error(where, "a delivery stream writes to one S3 bucket");
            c.s3 = &l;
        } else if (l.target_role == ServiceRole::Warehouse) {
            if (c.redshift) ctx.diagnostics.error(where, "a delivery stream loads one Redshift destination");
            c.redshift = &l;
        }
    }
    if (!c.s3)
        ctx.diagnostics.error(
            ctx.path, "delivery stream '" + ctx.spec.id + "' needs an S3 bucket",
            c.redshift ? "Firehose stages Redshift loads in S3 and runs COPY: wire the stream to an S3 bucket too"
                       : "wire the stream to an S3 bucket (its destination)");
    return std::make_unique<DeliveryStream>(std::move(c));
}

}  // namespace

ServiceKind firehose_kind() {
    ServiceKind k;
    k.iot_rule_action = "firehose";
    k.type = "firehose";
    k.role = ServiceRole::DeliveryStream;
    k.label = "Data Firehose";
    k.group = "messaging";
    k.description = "Buffers records and delivers them in batches to S3 or Redshift, optionally transformed by Lambda";
    k.ports = {PortSpec::to("out", "destination", {ServiceRole::ObjectStore, ServiceRole::Warehouse},
                            "this simulator delivers Firehose to S3 and Redshift"),
               PortSpec::to("transform", "transformation Lambda", {ServiceRole::Function},
                            "a Firehose transformation is a Lambda function")};
    k.operations = firehose_operations();
    k.api = ApiIntegration::call("PutRecord", "Data");
    k.errors = firehose_errors();
    k.create = create_firehose;
    k.icon = "firehose";
    k.shape = DiagramShape::Box;
    // https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-kinesisfirehose-deliverystream.html
    k.cfn = {{"AWS::KinesisFirehose::DeliveryStream",
              {"DeliveryStreamName", "DeliveryStreamType", "ExtendedS3DestinationConfiguration",
               "KinesisStreamSourceConfiguration", "RedshiftDestinationConfiguration", "Tags"}}};
    k.sample = {{"id", "event-1"}};
    k.cfn[0].call_policy = {"FirehoseWritePolicy", "DeliveryStreamName", ""};
    return k;
}

}  // namespace sim::svc
