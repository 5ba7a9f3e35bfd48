// s3.cpp — an S3 bucket: objects by key with sizes, request pricing, storage accounting, and
// event notifications to wired targets.
// Modelled:     [x] PutObject / GetObject / DeleteObject; strong read-after-write
//               [x] request prices: PUT $0.005 / 1,000, GET $0.0004 / 1,000
//               [x] 5 GB single-PUT limit → EntityTooLarge
//               [x] event notifications on the "out" port (s3:ObjectCreated:Put, s3:ObjectRemoved:Delete)
//                   to Lambda (async invoke), SQS, SNS, EventBridge; edge config "Events",
//                   "Prefix", "Suffix" filter them
// Not modelled: [ ] per-prefix request-rate limits (503 Slow Down)  [ ] storage cost over time
//               [ ] duplicate notifications  [ ] versioning  [ ] multipart uploads
// AWS: https://docs.aws.amazon.com/AmazonS3/latest/userguide/EventNotifications.html
#include "services/s3.h"

#include "pattern/config_reader.h"
#include "pattern/pattern.h"
#include "traffic/payload_template.h"

#include <map>

namespace sim::svc {
namespace {

constexpr std::int64_t kMaxSinglePut = 5LL * 1024 * 1024 * 1024;
constexpr std::size_t kMaxListedObjects = 200'000;

struct Notification {
    const Link* link;
    std::vector<std::string> events;  // "s3:ObjectCreated:*", ...
    std::string prefix, suffix;
};

struct Config {
    std::string bucket;
    Distribution latency = Distribution::lognormal(15, 60);
    std::vector<Notification> notifications;
};

bool event_matches(const std::vector<std::string>& patterns, const std::string& name) {
    for (const std::string& p : patterns) {
        if (p == name) return true;
        if (p.size() > 1 && p.back() == '*' && name.rfind(p.substr(0, p.size() - 1), 0) == 0) return true;
    }
    return false;
}

class Bucket final : public Service {
public:
    explicit Bucket(Config c) : c_(std::move(c)) {}

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
        if (op == "PutObject") {
            if (key.empty()) key = "object-" + std::to_string(in.msg.id);
            size = req.contains("SizeBytes") && req["SizeBytes"].is_number_integer() ? req["SizeBytes"].get<std::int64_t>() : in.msg.size_bytes;
            ctx.metrics().add_cost(0.005 / 1000, now);
            if (size > kMaxSinglePut) {
                r = Reply{400, "EntityTooLarge", "a single PUT is at most 5 GB", nullptr, 0};
            } else {
                auto [it, added] = objects_.try_emplace(key, size);
                if (!added) bytes_ -= it->second;
                it->second = size;
                if (added && objects_.size() > kMaxListedObjects) objects_.erase(it);  // keep counts, not listings
                bytes_ += size;
                ++puts_;
                if (added) ++object_count_;
                event_name = "s3:ObjectCreated:Put";
            }
        } else if (op == "GetObject") {
            ctx.metrics().add_cost(0.0004 / 1000, now);
            auto it = objects_.find(key);
            if (it == objects_.end()) r = Reply{404, "NoSuchKey", "The specified key does not exist: " + key, nullptr, 0};
            else size = it->second;
        } else if (op == "DeleteObject") {
            auto it = objects_.find(key);
            if (it != objects_.end()) {
                bytes_ -= it->second;
                objects_.erase(it);
                --object_count_;
            }
            event_name = "s3:ObjectRemoved:Delete";  // DELETE requests are free
        } else {
            r = Reply{400, "NotImplemented", "operation '" + op + "' is not simulated on S3 buckets", nullptr, 0};
        }
        const SimTime latency = c_.latency.sample(ctx.rng());
        ctx.metrics().observe_latency(latency, now);
        if (!r.ok()) ctx.metrics().count(Counter::Errors, now);
        if (ctx.tracing(in.msg)) ctx.span(in.msg, op + " " + key, now, r.ok() ? Outcome::Ok : Outcome::Error, r.error);
        if (!event_name.empty()) notify(ctx, in.msg, event_name, key, size, latency);
        if (in.caller.valid()) ctx.reply(in.caller, std::move(r), latency);
        else if (!r.ok()) ctx.drop(in.msg, op + " failed: " + r.error);
    }

    void report(Json& out) const override {
        out["objects"] = object_count_;
        out["objects_put"] = puts_;
        out["bytes_stored"] = bytes_;
        out["notifications_sent"] = notifications_;
    }

    Json inspect() const override {
        Json list = Json::array();
        std::size_t n = 0;
        for (const auto& [key, size] : objects_) {
            if (++n > 200) break;
            list.push_back({{"Key", key}, {"Size", size}});
        }
        return {{"bucket", c_.bucket}, {"object_count", object_count_}, {"bytes", bytes_}, {"objects", list}};
    }

private:
    void notify(Context& ctx, const Message& cause, const std::string& event_name, const std::string& key, std::int64_t size, SimTime after) {
        for (const Notification& n : c_.notifications) {
            if (!event_matches(n.events, event_name)) continue;
            if (key.rfind(n.prefix, 0) != 0) continue;
            if (n.suffix.size() > key.size() || key.compare(key.size() - n.suffix.size(), n.suffix.size(), n.suffix) != 0) continue;
            Json record = {{"eventVersion", "2.1"},
                           {"eventSource", "aws:s3"},
                           {"awsRegion", "us-east-1"},
                           {"eventTime", iso8601_utc(ctx.start_unix_s() + static_cast<std::uint64_t>(ctx.now().us / 1000000))},
                           {"eventName", event_name.substr(3)},
                           {"s3", {{"s3SchemaVersion", "1.0"},
                                   {"bucket", {{"name", c_.bucket}, {"arn", "arn:aws:s3:::" + c_.bucket}}},
                                   {"object", {{"key", key}, {"size", size}}}}}};
            Message m;
            m.trace = cause.trace;
            m.id = ctx.new_message_id();
            m.origin = cause.origin;
            m.source = cause.source;
            m.depth = cause.depth;
            m.type = "s3.notification";
            m.body = std::make_shared<const Json>(Json{{"Records", Json::array({record})}});
            m.size_bytes = 1024;
            ++notifications_;
            ctx.send(*n.link, std::move(m), after);
        }
    }

    Config c_;
    std::map<std::string, std::int64_t> objects_;
    std::uint64_t object_count_ = 0, puts_ = 0, notifications_ = 0;
    std::int64_t bytes_ = 0;
};

std::unique_ptr<Service> create_bucket(BuildContext& ctx) {
    ConfigReader& r = ctx.config;
    Config c;
    c.bucket = r.text("BucketName", ctx.spec.id);
    c.latency = r.distribution("LatencyMs", c.latency);
    r.raw("NotificationConfiguration");  // wiring is by edges; kept for SAM round trips
    for (const Link& l : ctx.links) {
        if (l.port != "out") continue;
        Notification n{&l, {"s3:ObjectCreated:*"}, "", ""};
        const std::string path = "/edges/" + std::to_string(l.edge) + "/config";
        ConfigReader er(l.config, path, ctx.diagnostics);
        if (const Json* ev = er.raw("Events")) {
            n.events.clear();
            if (!ev->is_array() || ev->empty()) er.error("Events", "Events must be a non-empty array such as [\"s3:ObjectCreated:*\"], got " + ev->dump());
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
    return std::make_unique<Bucket>(std::move(c));
}

}  // namespace

ServiceKind s3_kind() {
    ServiceKind k;
    k.type = "s3";
    k.label = "S3";
    k.group = "data";
    k.cfn_type = "AWS::S3::Bucket";
    k.description = "Object storage; notifies Lambda, SQS, SNS or EventBridge when objects change";
    k.ports = {{"out", "event notifications", {"lambda", "sqs", "sns", "eventbridge"},
                "put a Lambda function in between to write to other services"}};
    k.create = create_bucket;
    return k;
}

}  // namespace sim::svc
