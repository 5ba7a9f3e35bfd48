// s3.cpp — an S3 bucket: objects by key with sizes, request pricing, storage cost over time,
// per-prefix request-rate limits and event notifications to wired targets.
// Modelled:     [x] PutObject / GetObject / DeleteObject / ListObjectsV2; strong read-after-write
//               [x] request prices: PUT/LIST $0.005 / 1,000, GET $0.0004 / 1,000, DELETE free;
//                   storage $0.023 / GB-month accrued continuously over simulated time
//               [x] 5 GB single-PUT limit → EntityTooLarge
//               [x] 3,500 PUT/COPY/POST/DELETE and 5,500 GET/HEAD per second per prefix → 503 SlowDown
//               [x] event notifications on the "out" port (s3:ObjectCreated:Put, s3:ObjectRemoved:Delete)
//                   to Lambda (async invoke), SQS, SNS with edge config "Events", "Prefix", "Suffix";
//                   EventBridge gets every event (no filters) as "Object Created" / "Object Deleted"
//               [x] overlapping configurations (same event type, overlapping prefixes and suffixes)
//                   refused at load with S3's "Configuration is ambiguously defined" reason
//               [x] at-least-once: delivered after NotificationDelayMs (p50 0.5 s, p99 5 s), with
//                   DuplicateNotificationRate (default 0.001, unverified) sent twice
// Not modelled: [ ] prefix auto-scaling above the per-prefix rates  [ ] versioning  [ ] multipart
//               [ ] storage classes and lifecycle  [ ] s3:TestEvent
// AWS: https://docs.aws.amazon.com/AmazonS3/latest/userguide/EventNotifications.html,
//      https://docs.aws.amazon.com/AmazonS3/latest/userguide/optimizing-performance.html
#include "services/s3/s3.h"

#include "core/hash.h"
#include "services/s3/s3_contract.h"

#include "pattern/config_reader.h"
#include "pattern/pattern.h"
#include "prices/price_table.h"
#include "traffic/payload_template.h"

#include <algorithm>
#include <map>

namespace sim::svc {
namespace {

constexpr std::int64_t kMaxSinglePut = 5LL * 1024 * 1024 * 1024;
constexpr std::size_t kMaxListedObjects = 200'000;
// Text bodies a request carried (a function's PutObject with a string Body) are kept so GetObject
// returns them: up to 256 KB each and 8 MB per bucket; beyond that only sizes are kept.
constexpr std::size_t kMaxKeptBody = 256 * 1024;
constexpr std::size_t kMaxKeptBodies = 8 * 1024 * 1024;

struct Notification {
    const Link* link;
    std::vector<std::string> events;  // "s3:ObjectCreated:*", ...
    std::string prefix, suffix;
};

struct Config {
    std::string bucket;
    Distribution latency = Distribution::lognormal(15, 60);
    Distribution notify_delay = Distribution::lognormal(500, 5000);
    double duplicate_rate = 0.001;
    double write_rate = 3500, read_rate = 5500;  // per prefix per second
    std::vector<Notification> notifications;
};

// The partitioned prefix of a key: everything up to its last '/'.
std::string prefix_of(const std::string& key) {
    const auto slash = key.rfind('/');
    return slash == std::string::npos ? "" : key.substr(0, slash + 1);
}

bool event_matches(const std::vector<std::string>& patterns, const std::string& name) {
    for (const std::string& p : patterns) {
        if (p == name) return true;
        if (p.size() > 1 && p.back() == '*' && name.rfind(p.substr(0, p.size() - 1), 0) == 0) return true;
    }
    return false;
}

// ---- Overlapping notification configurations ------------------------------------------------
// S3 refuses two configurations whose event types overlap (equal, or one is "s3:X:*" and the other
// "s3:X:..."), whose prefixes overlap (one starts the other; empty matches every key) and whose
// suffixes overlap (one ends the other): an object would match both. Overlapping events with
// disjoint prefixes or suffixes are allowed, and so are disjoint events with overlapping filters.
// https://repost.aws/knowledge-center/lambda-s3-event-configuration-error,
// https://docs.aws.amazon.com/AmazonS3/latest/userguide/notification-how-to-filtering.html
constexpr const char* kAmbiguousReason =
    "Configuration is ambiguously defined. Cannot have overlapping suffixes in two rules if the prefixes are "
    "overlapping for the same event type.";

// The event type both patterns cover (the narrower one), or "" when they are disjoint.
std::string common_event(const std::string& a, const std::string& b) {
    if (a == b) return a;
    const auto covers = [](const std::string& wide, const std::string& narrow) {
        return wide.size() > 1 && wide.back() == '*' && narrow.rfind(wide.substr(0, wide.size() - 1), 0) == 0;
    };
    if (covers(a, b)) return b;
    if (covers(b, a)) return a;
    return "";
}

bool starts_with(const std::string& s, const std::string& p) {
    return s.rfind(p, 0) == 0;
}
bool ends_with(const std::string& s, const std::string& x) {
    return x.size() <= s.size() && s.compare(s.size() - x.size(), x.size(), x) == 0;
}

void refuse_overlaps(const std::vector<Notification>& ns, Diagnostics& diags) {
    for (std::size_t j = 1; j < ns.size(); ++j) {
        const Notification& b = ns[j];
        if (b.link->target_role == ServiceRole::EventBus) continue;  // not a notification configuration
        for (std::size_t i = 0; i < j; ++i) {
            const Notification& a = ns[i];
            if (a.link->target_role == ServiceRole::EventBus) continue;
            if (!starts_with(a.prefix, b.prefix) && !starts_with(b.prefix, a.prefix)) continue;
            if (!ends_with(a.suffix, b.suffix) && !ends_with(b.suffix, a.suffix)) continue;
            std::string event;
            for (const std::string& ea : a.events)
                for (const std::string& eb : b.events)
                    if (event.empty()) event = common_event(ea, eb);
            if (event.empty()) continue;
            const std::string& prefix = a.prefix.size() > b.prefix.size() ? a.prefix : b.prefix;
            const std::string& suffix = a.suffix.size() > b.suffix.size() ? a.suffix : b.suffix;
            diags.error("/edges/" + std::to_string(b.link->edge) + "/config",
                        "notifications to '" + a.link->target_id + "' (edge " + std::to_string(a.link->edge) +
                            ") and '" + b.link->target_id + "' both match " + event + " for keys " +
                            (prefix.empty() ? "with any prefix" : "starting with \"" + prefix + "\"") +
                            (suffix.empty() ? " and any suffix" : " ending with \"" + suffix + "\"") +
                            "; S3 refuses this: " + kAmbiguousReason,
                        "give the two configurations prefixes or suffixes that cannot both match one key, or send to "
                        "one destination and fan "
                        "out from there (SNS)");
            break;
        }
    }
}

class Bucket final : public Service {
public:
    explicit Bucket(Config c) : c_(std::move(c)) {}

    void on_start(Context& ctx) override { ctx.start_timer(hours(1), 0); }

    // Hourly: the storage charge so far is folded into the cost timeline (it accrues continuously).
    void on_timer(Context& ctx, std::uint64_t) override {
        storage_changed(ctx);
        ctx.start_timer(hours(1), 0);
    }

    void on_message(Context& ctx, const Inbound& in) override {
        const SimTime now = ctx.now();
        ctx.metrics().count(Counter::Invocations, now);
        static const Json kEmpty = Json::object();
        const Json& req = in.msg.body && in.msg.body->is_object() ? *in.msg.body : kEmpty;
        const std::string op = req.value("operation", std::string("PutObject"));
        Reply r;
        std::string event_name;
        std::string key = req.contains("Key") && req["Key"].is_string() ? req["Key"].get<std::string>() : "";
        std::int64_t size = 0;
        const bool write_class = op != "GetObject";
        if (!within_rate(ctx, op == "ListObjectsV2" ? req.value("Prefix", std::string()) : prefix_of(key),
                         write_class)) {
            r = Reply::failure(kS3SlowDown, "Please reduce your request rate (" +
                                                std::string(write_class ? "3,500 writes" : "5,500 reads") +
                                                " per second per prefix)");
            ++slow_downs_;
            ctx.metrics().count(Counter::Throttles, now);
            ctx.metrics().add_cost(write_class ? price_table::kS3WriteRequest : price_table::kS3ReadRequest,
                                   now);  // 503s are billed requests
        } else if (op == "ListObjectsV2") {
            ctx.metrics().add_cost(price_table::kS3WriteRequest, now);
            r.body = std::make_shared<const Json>(list(req));
        } else if (op == "PutObject") {
            if (key.empty()) key = "object-" + std::to_string(in.msg.id);
            const Json* body = member(req, "Body");
            const std::string* text = body && body->is_string() ? &body->get_ref<const std::string&>() : nullptr;
            size = req.contains("SizeBytes") && req["SizeBytes"].is_number_integer()
                       ? req["SizeBytes"].get<std::int64_t>()
                   : text ? static_cast<std::int64_t>(text->size())
                          : in.msg.size_bytes;
            forget_body(key);
            if (text) {
                if (text->size() <= kMaxKeptBody && body_bytes_ + text->size() <= kMaxKeptBodies) {
                    body_bytes_ += text->size();
                    bodies_[key] = *text;
                }
                r.body = std::make_shared<const Json>(Json{{"ETag", etag_of(*text)}});
            }
            ctx.metrics().add_cost(price_table::kS3WriteRequest, now);
            if (size > kMaxSinglePut) {
                r = Reply::failure(kS3EntityTooLarge, "a single PUT is at most 5 GB");
            } else {
                auto [it, added] = objects_.try_emplace(key, size);
                if (!added) bytes_ -= it->second;
                it->second = size;
                if (added && objects_.size() > kMaxListedObjects) objects_.erase(it);  // keep counts, not listings
                bytes_ += size;
                storage_changed(ctx);
                ++puts_;
                if (added) ++object_count_;
                event_name = "s3:ObjectCreated:Put";
            }
        } else if (op == "GetObject") {
            ctx.metrics().add_cost(price_table::kS3ReadRequest, now);
            auto it = objects_.find(key);
            if (it == objects_.end()) {
                r = Reply::failure(kS3NoSuchKey, "The specified key does not exist: " + key);
            } else {
                size = it->second;
                if (auto b = bodies_.find(key); b != bodies_.end())
                    r.body = std::make_shared<const Json>(
                        Json{{"Body", b->second}, {"ContentLength", size}, {"ETag", etag_of(b->second)}});
            }
        } else if (op == "DeleteObject") {
            auto it = objects_.find(key);
            forget_body(key);
            if (it != objects_.end()) {
                bytes_ -= it->second;
                objects_.erase(it);
                --object_count_;
                storage_changed(ctx);
            }
            event_name = "s3:ObjectRemoved:Delete";  // DELETE requests are free
        } else {
            r = Reply::failure(kS3NotImplemented, "operation '" + op + "' is not simulated on S3 buckets");
        }
        const SimTime latency = c_.latency.sample(ctx.rng());
        ctx.metrics().observe_latency(latency, now);
        if (!r.ok() && r.status != 503) ctx.metrics().count(Counter::Errors, now);
        if (ctx.tracing(in.msg))
            ctx.span(in.msg, op + " " + key, now,
                     r.ok()            ? Outcome::Ok
                     : r.status == 503 ? Outcome::Throttled
                                       : Outcome::Error,
                     r.error);
        if (!event_name.empty()) notify(ctx, in.msg, event_name, key, size, latency);
        if (in.caller.valid())
            ctx.reply(in.caller, std::move(r), latency);
        else if (!r.ok())
            ctx.drop(in.msg, DropReason::Refused, op + " failed: " + r.error);
    }

    void report(Json& out) const override {
        out["objects"] = object_count_;
        out["objects_put"] = puts_;
        out["bytes_stored"] = bytes_;
        out["notifications_sent"] = notifications_;
        out["notification_duplicates"] = duplicates_;
        out["slow_down_503"] = slow_downs_;
    }

    Json inspect() const override {
        Json list = Json::array();
        std::size_t n = 0;
        for (const auto& [key, size] : objects_) {
            if (++n > 200) break;
            Json entry = {{"Key", key}, {"Size", size}};
            if (auto b = bodies_.find(key); b != bodies_.end())
                entry["Body"] = b->second.size() <= 4096 ? b->second : b->second.substr(0, 4096) + "…";
            list.push_back(std::move(entry));
        }
        return {{"bucket", c_.bucket}, {"object_count", object_count_}, {"bytes", bytes_}, {"objects", list}};
    }

private:
    void forget_body(const std::string& key) {
        if (auto b = bodies_.find(key); b != bodies_.end()) {
            body_bytes_ -= b->second.size();
            bodies_.erase(b);
        }
    }

    // A single-part object's ETag: the MD5 of its bytes, in quotes.
    static std::string etag_of(const std::string& body) { return "\"" + hex_digest("MD5", body).value_or("") + "\""; }

    void notify(Context& ctx, const Message& cause, const std::string& event_name, const std::string& key,
                std::int64_t size, SimTime after) {
        for (const Notification& n : c_.notifications) {
            const bool bus = n.link->target_role == ServiceRole::EventBus;  // EventBridge gets every event, unfiltered
            if (!bus && !event_matches(n.events, event_name)) continue;
            if (!bus && key.rfind(n.prefix, 0) != 0) continue;
            if (!bus && (n.suffix.size() > key.size() ||
                         key.compare(key.size() - n.suffix.size(), n.suffix.size(), n.suffix) != 0))
                continue;
            Json record = {
                {"eventVersion", "2.1"},
                {"eventSource", "aws:s3"},
                {"awsRegion", "us-east-1"},
                {"eventTime", iso8601_utc(ctx.start_unix_s() + static_cast<std::uint64_t>(ctx.now().us / 1000000))},
                {"eventName", event_name.substr(3)},
                {"s3",
                 {{"s3SchemaVersion", "1.0"},
                  {"bucket", {{"name", c_.bucket}, {"arn", "arn:aws:s3:::" + c_.bucket}}},
                  {"object", {{"key", key}, {"size", size}}}}}};
            // Lambda → S3 → same Lambda loops are detected too: the loop count is kept.
            Message m = ctx.derive(cause, "s3.notification");
            if (bus) {
                const bool created = event_name.rfind("s3:ObjectCreated", 0) == 0;
                m.body =
                    std::make_shared<const Json>(Json{{"version", "0"},
                                                      {"source", "aws.s3"},
                                                      {"detail-type", created ? "Object Created" : "Object Deleted"},
                                                      {"resources", Json::array({"arn:aws:s3:::" + c_.bucket})},
                                                      {"detail",
                                                       {{"version", "0"},
                                                        {"bucket", {{"name", c_.bucket}}},
                                                        {"object", {{"key", key}, {"size", size}}},
                                                        {"reason", created ? "PutObject" : "DeleteObject"}}}});
            } else {
                m.body = std::make_shared<const Json>(Json{{"Records", Json::array({record})}});
            }
            m.size_bytes = 1024;
            ++notifications_;
            const SimTime delay = after + c_.notify_delay.sample(ctx.rng());
            // At-least-once: now and then the same event is delivered twice.
            if (ctx.rng().chance(c_.duplicate_rate)) {
                ++duplicates_;
                Message dup = m;
                dup.id = ctx.new_message_id();
                ctx.send(*n.link, std::move(dup), delay + c_.notify_delay.sample(ctx.rng()));
            }
            ctx.send(*n.link, std::move(m), delay);
        }
    }

    // Fixed one-second windows per prefix (S3 scales prefixes over time; not modelled).
    bool within_rate(Context& ctx, const std::string& prefix, bool write) {
        const std::int64_t second = ctx.now().us / 1000000;
        if (second != window_second_) {
            window_.clear();
            window_second_ = second;
        }
        auto& used = window_[prefix];
        double& n = write ? used.second : used.first;
        if (n + 1 > (write ? c_.write_rate : c_.read_rate)) return false;
        n += 1;
        return true;
    }

    // Storage is billed per GB-month, pro rata: the hourly rate of what is stored from now on.
    void storage_changed(Context& ctx) {
        const double gb = static_cast<double>(bytes_) / (1024.0 * 1024 * 1024);
        ctx.metrics().set_hourly_cost(gb * price_table::kS3StorageGbMonth / price_table::kHoursPerMonth, ctx.now());
    }

    Json list(const Json& req) const {
        const std::string prefix = req.value("Prefix", std::string());
        const std::string after = req.value("StartAfter", std::string());
        std::int64_t max =
            req.contains("MaxKeys") && req["MaxKeys"].is_number_integer() ? req["MaxKeys"].get<std::int64_t>() : 1000;
        max = std::clamp<std::int64_t>(max, 0, 1000);  // ListObjectsV2 returns at most 1,000 keys
        Json contents = Json::array();
        bool truncated = false;
        for (auto it = objects_.lower_bound(std::max(prefix, after)); it != objects_.end(); ++it) {
            if (it->first.rfind(prefix, 0) != 0) break;
            if (!after.empty() && it->first == after) continue;
            if (static_cast<std::int64_t>(contents.size()) >= max) {
                truncated = true;
                break;
            }
            contents.push_back({{"Key", it->first}, {"Size", it->second}});
        }
        return {{"Contents", contents}, {"KeyCount", contents.size()}, {"IsTruncated", truncated}, {"Prefix", prefix}};
    }

    Config c_;
    std::map<std::string, std::int64_t> objects_;
    std::map<std::string, std::string> bodies_;  // text bodies of objects a request carried
    std::size_t body_bytes_ = 0;
    std::uint64_t object_count_ = 0, puts_ = 0, notifications_ = 0, duplicates_ = 0, slow_downs_ = 0;
    std::int64_t bytes_ = 0;
    std::int64_t window_second_ = -1;
    std::map<std::string, std::pair<double, double>> window_;  // prefix → (reads, writes) this second
};

std::unique_ptr<Service> create_bucket(BuildContext& ctx) {
    ConfigReader& r = ctx.config;
    Config c;
    c.bucket = r.text("BucketName", ctx.spec.id);
    c.latency = r.distribution("LatencyMs", c.latency);
    c.notify_delay = r.distribution("NotificationDelayMs", c.notify_delay);
    c.duplicate_rate = r.number("DuplicateNotificationRate", 0.001, 0, 1, "");
    c.write_rate = r.number("PrefixWriteRequestsPerSecond", 3500, 1, 1e6, "requests/s");
    c.read_rate = r.number("PrefixReadRequestsPerSecond", 5500, 1, 1e6, "requests/s");
    r.raw("NotificationConfiguration");  // wiring is by edges; kept for SAM round trips
    for (const Link& l : ctx.links) {
        if (l.port != "out") continue;
        Notification n{&l, {"s3:ObjectCreated:*"}, "", ""};
        const std::string path = "/edges/" + std::to_string(l.edge) + "/config";
        ConfigReader er(l.config, path, ctx.diagnostics);
        if (const Json* ev = er.raw("Events")) {
            n.events.clear();
            if (!ev->is_array() || ev->empty())
                er.error("Events",
                         "Events must be a non-empty array such as [\"s3:ObjectCreated:*\"], got " + ev->dump());
            else
                for (const Json& e : *ev) {
                    if (!e.is_string() || e.get<std::string>().rfind("s3:", 0) != 0) {
                        er.error("Events", "each event type must look like \"s3:ObjectCreated:*\", got " + e.dump());
                        continue;
                    }
                    n.events.push_back(e);
                }
        }
        n.prefix = er.text("Prefix", "");
        n.suffix = er.text("Suffix", "");
        er.finish();
        c.notifications.push_back(std::move(n));
    }
    refuse_overlaps(c.notifications, ctx.diagnostics);
    return std::make_unique<Bucket>(std::move(c));
}

}  // namespace

ServiceKind s3_kind() {
    ServiceKind k;
    k.iot_rule_action = "s3";
    k.type = "s3";
    k.role = ServiceRole::ObjectStore;
    k.label = "S3";
    k.group = "data";
    k.description = "Object storage; notifies Lambda, SQS, SNS or EventBridge when objects change";
    k.ports = {PortSpec::to("out", "event notifications",
                            {ServiceRole::Function, ServiceRole::Queue, ServiceRole::Topic, ServiceRole::EventBus},
                            "put a Lambda function in between to write to other services")};
    k.operations = s3_operations();
    k.api = ApiIntegration::proxy();
    k.errors = s3_errors();
    k.create = create_bucket;
    k.icon = "s3";
    k.shape = DiagramShape::Store;
    // https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-s3-bucket.html
    k.cfn = {{"AWS::S3::Bucket",
              {"BucketName", "LifecycleConfiguration", "NotificationConfiguration", "Tags", "VersioningConfiguration",
               "PublicAccessBlockConfiguration", "BucketEncryption"}}};
    k.sample = {{"operation", "PutObject"}, {"Key", "uploads/photo-1.jpg"}, {"SizeBytes", 204800}};
    k.cfn[0].call_policy = {"S3CrudPolicy", "BucketName", ""};
    k.cfn[0].destination_type = "S3Bucket";
    return k;
}

}  // namespace sim::svc
