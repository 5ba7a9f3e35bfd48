// sns.cpp — Amazon SNS topics: publish, filter, fan out, retry per endpoint type, DLQ.
// Modelled:     [x] fan-out to SQS, Lambda (async invoke), HTTP(S), email, Firehose subscriptions
//               [x] FilterPolicy on MessageAttributes (default) or MessageBody (engine/match),
//                   invalid policies rejected at load with the reason
//               [x] JSON envelope (Type, MessageId, TopicArn, Subject, Message, Timestamp, ...);
//                   RawMessageDelivery for SQS / HTTP / Firehose; Lambda gets Records[].Sns
//               [x] delivery retry policies: AWS-managed (3 immediate, 2 at 1 s, 10 backoff
//                   1→20 s, 100,000 at 20 s), email (50 over ~6 h), HTTP default (3 retries 20 s
//                   apart) or DeliveryPolicy.healthyRetryPolicy (capped at 3,600 s); HTTP 4xx
//                   other than 429 not retried; exhausted → subscription DLQ, else dropped
//               [x] FIFO topics: MessageGroupId, 5-min dedup (ContentBasedDeduplication),
//                   3,000 msg/s (Topic scope), SQS-only subscribers, ordered delivery
//               [x] 256 KB message limit; $0.50 / 1M publishes per 64 KB, HTTP $0.60 / 1M,
//                   email $2 / 100k; FIFO $0.30 / 1M + $0.017 / GB; 1M standard publishes a month
//                   free with settings.freeTier (core/free_tier.h)
// Not modelled: [ ] Message as a JSON string (kept as the published JSON value so actions can
//                   select into it)  [ ] subscription confirmation  [ ] signatures  [ ] SMS and
//                   mobile push  [ ] filter-policy propagation delay  [ ] free HTTP / email deliveries
// AWS: https://docs.aws.amazon.com/sns/latest/dg/sns-message-delivery-retries.html,
//      sns-message-filtering.html, sns-dead-letter-queues.html, sns-fifo-topics.html
#include "services/sns/sns.h"
#include "services/sns/sns_contract.h"

#include "core/dedup_window.h"
#include "core/hash.h"
#include "core/token_bucket.h"
#include "match/sns_filter_policy.h"
#include "pattern/config_reader.h"
#include "pattern/pattern.h"
#include "prices/price_table.h"
#include "services/sns/sns_delivery.h"
#include "traffic/payload_template.h"

#include <cmath>
#include <cstring>
#include <deque>
#include <optional>
#include <unordered_map>

namespace sim::svc {
namespace {

constexpr std::int64_t kMaxMessage = 256 * 1024;

enum class Protocol { Sqs, Lambda, Http, Email, Firehose };

struct Subscription {
    const Link* link = nullptr;
    Protocol protocol = Protocol::Sqs;
    std::optional<match::SnsFilterPolicy> filter;
    bool raw = false;
    bool fifo_queue = false;
    RetryPolicy retry;
    const Link* dlq = nullptr;
    std::string arn;
};

struct Config {
    std::string name, arn;
    bool fifo = false, content_dedup = false, topic_scope = true;
    Distribution latency = Distribution::lognormal(25, 120);
    std::vector<Subscription> subs;
};

struct Pending {
    std::size_t sub = 0;
    Message msg;
    int retries = 0;
    SimTime first;
};

class SnsTopic final : public Service {
public:
    explicit SnsTopic(Config c) : c_(std::move(c)) {}

    void on_message(Context& ctx, const Inbound& in) override {
        Reply r = publish(ctx, in.msg);
        if (!r.ok()) {
            ctx.metrics().count(r.status == 429 ? Counter::Throttles : Counter::Errors, ctx.now());
            ctx.span(in.msg, "Publish", ctx.now(), Outcome::Error, r.error + ": " + r.detail);
        }
        if (in.caller.valid())
            ctx.reply(in.caller, std::move(r), msec(5));
        else if (!r.ok())
            ctx.drop(in.msg, DropReason::Refused, "Publish refused by " + c_.name + ": " + r.error + ": " + r.detail);
    }

    void on_reply(Context& ctx, std::uint64_t call, const Reply& r) override {
        auto it = calls_.find(call);
        if (it == calls_.end()) return;
        Pending p = std::move(it->second);
        calls_.erase(it);
        const Subscription& s = c_.subs[p.sub];
        if (r.ok() && r.status < 400) {
            ++delivered_;
            return;
        }
        // HTTP: 4xx other than throttling is a client error, never retried.
        if (s.protocol == Protocol::Http && r.status >= 400 && r.status < 500 && r.status != 429) {
            give_up(ctx, p, "HTTP endpoint answered " + std::to_string(r.status) + " (client error, not retried)");
            return;
        }
        retry(ctx, std::move(p), r.error.empty() ? "status " + std::to_string(r.status) : r.error);
    }

    void on_timer(Context& ctx, std::uint64_t tag) override {
        auto it = waiting_.find(tag);
        if (it == waiting_.end()) return;
        Pending p = std::move(it->second);
        waiting_.erase(it);
        ctx.metrics().count(Counter::Retries, ctx.now());
        deliver(ctx, std::move(p), SimTime{});
    }

    void report(Json& out) const override {
        out["published"] = published_;
        out["deliveries"] = deliveries_;
        out["delivered"] = delivered_;
        out["filtered_out"] = filtered_;
        out["deduplicated"] = deduplicated_;
        out["delivery_failures"] = failed_;
    }

    Json inspect() const override {
        return {
            {"topic", c_.name}, {"fifo", c_.fifo}, {"subscriptions", c_.subs.size()}, {"retrying", waiting_.size()}};
    }

private:
    Reply publish(Context& ctx, const Message& in) {
        const SimTime now = ctx.now();
        ctx.metrics().count(Counter::Invocations, now);
        JsonPtr message = in.body, attrs = in.attributes;
        std::string subject, group, dedup;
        if (in.body && in.body->is_object()) {
            const Json& b = *in.body;
            if (auto op = b.find("operation"); op != b.end()) {
                if (*op != "Publish")
                    return Reply::failure(kSnsInvalidAction,
                                          "operation " + op->dump() + " is not simulated on SNS; use Publish");
                message = part_of(in.body, member(b, "Message"));
                if (const Json* a = member(b, "MessageAttributes"); a && a->is_object()) attrs = part_of(in.body, a);
                if (auto sj = b.find("Subject"); sj != b.end() && sj->is_string()) subject = *sj;
                if (auto g = b.find("MessageGroupId"); g != b.end() && g->is_string()) group = *g;
                if (auto d = b.find("MessageDeduplicationId"); d != b.end() && d->is_string()) dedup = *d;
            }
        }
        const std::int64_t size = std::max<std::int64_t>(in.size_bytes, 1);
        if (c_.fifo)
            ctx.metrics().add_cost(
                price_table::kSnsFifoPublish + price_table::kSnsFifoPayloadGb * static_cast<double>(size) / 1e9, now);
        else
            ctx.metrics().add_cost(price_table::kSnsPublish *
                                       ctx.billable(FreeMeter::SnsPublishes,
                                                    std::ceil(static_cast<double>(size) / price_table::kSnsChunkBytes)),
                                   now);
        if (size > kMaxMessage) return Reply::failure(kSnsInvalidParameter, "Invalid parameter: Message too long");
        if (c_.fifo) {
            if (group.empty())
                return Reply::failure(kSnsInvalidParameter,
                                      "Invalid parameter: The MessageGroupId parameter is required for FIFO topics");
            if (dedup.empty()) {
                if (!c_.content_dedup)
                    return Reply::failure(kSnsInvalidParameter,
                                          "Invalid parameter: The topic should either have ContentBasedDeduplication "
                                          "enabled or MessageDeduplicationId provided explicitly");
                dedup = hex_digest("SHA-256", message ? message->dump() : "").value_or("");
            }
            if (c_.topic_scope && !fifo_publishes_.try_take(now))
                return Reply::failure(kSnsThrottled, "Rate exceeded: FIFO topic above 3,000 messages per second");
            const std::string key = c_.topic_scope ? dedup : group + "\x1f" + dedup;
            if (!dedup_.first_seen(key, now)) {
                ++deduplicated_;
                return {};
            }
        }
        ++published_;
        fan_out(ctx, in, message, attrs, subject, group, dedup);
        return {};
    }

    void fan_out(Context& ctx, const Message& in, const JsonPtr& message, const JsonPtr& attrs,
                 const std::string& subject, const std::string& group, const std::string& dedup) {
        static const Json kNoAttrs = Json::object();
        static const Json kNull;
        const Json& attr_json = attrs ? *attrs : kNoAttrs;
        const Json& msg_json = message ? *message : kNull;
        JsonPtr envelope;
        const std::uint64_t message_id = ctx.new_message_id();
        const SimTime latency = c_.fifo ? from_ms(c_.latency.median_ms()) : c_.latency.sample(ctx.rng());
        for (std::size_t i = 0; i < c_.subs.size(); ++i) {
            const Subscription& s = c_.subs[i];
            if (s.filter) {
                const bool match = s.filter->scope() == match::FilterScope::MessageAttributes
                                       ? s.filter->matches_attributes(attr_json)
                                       : body_matches(*s.filter, msg_json);
                if (!match) {
                    ++filtered_;
                    continue;
                }
            }
            if (!s.raw && !envelope) envelope = make_envelope(ctx, message_id, msg_json, attr_json, subject);
            Message m = ctx.derive(in, "sns.notification");
            m.size_bytes = in.size_bytes + (s.raw ? 0 : 400);
            m.attributes = attrs;
            m.body = s.raw ? message : envelope;
            if (s.protocol == Protocol::Lambda) {
                Json rec = {{"EventSource", "aws:sns"},
                            {"EventVersion", "1.0"},
                            {"EventSubscriptionArn", s.arn},
                            {"Sns", *envelope}};
                m.body = std::make_shared<const Json>(Json{{"Records", Json::array({std::move(rec)})}});
            } else if (c_.fifo && s.fifo_queue) {
                Json req = {{"operation", "SendMessage"},
                            {"MessageBody", m.body ? *m.body : Json()},
                            {"MessageGroupId", group},
                            {"MessageDeduplicationId", dedup}};
                if (attrs) req["MessageAttributes"] = *attrs;
                m.body = std::make_shared<const Json>(std::move(req));
            }
            if (s.protocol == Protocol::Http) ctx.metrics().add_cost(price_table::kSnsHttpDelivery, ctx.now());
            if (s.protocol == Protocol::Email) ctx.metrics().add_cost(price_table::kSnsEmailDelivery, ctx.now());
            deliver(ctx, Pending{i, std::move(m), 0, ctx.now()}, latency);
        }
    }

    static bool body_matches(const match::SnsFilterPolicy& f, const Json& message) {
        if (message.is_string()) {  // a JSON document published as text
            Json parsed = Json::parse(message.get_ref<const std::string&>(), nullptr, false);
            return !parsed.is_discarded() && f.matches_body(parsed);
        }
        return f.matches_body(message);
    }

    JsonPtr make_envelope(Context& ctx, std::uint64_t id, const Json& message, const Json& attrs,
                          const std::string& subject) {
        // Filled member by member: a nested initializer list costs a JSON temporary per pair,
        // which made this the dearest step of every publish. (Members sort by key either way.)
        Json e = Json::object();
        Json::object_t& o = e.get_ref<Json::object_t&>();
        o.emplace("Type", "Notification");
        o.emplace("MessageId", std::to_string(id));
        o.emplace("TopicArn", c_.arn);
        o.emplace("Message", message);
        o.emplace("Timestamp", iso8601_utc(ctx.start_unix_s() + static_cast<std::uint64_t>(ctx.now().us / 1000000)));
        o.emplace("SignatureVersion", "1");
        o.emplace("Signature", "EXAMPLE");
        o.emplace("SigningCertURL", "https://sns.us-east-1.amazonaws.com/SimpleNotificationService.pem");
        o.emplace("UnsubscribeURL", "https://sns.us-east-1.amazonaws.com/?Action=Unsubscribe");
        if (!subject.empty()) o.emplace("Subject", subject);
        if (!attrs.empty()) o.emplace("MessageAttributes", attrs);
        return std::make_shared<const Json>(std::move(e));
    }

    // Lambda and email deliveries cannot fail on SNS's side here (async invoke, SMTP hand-off);
    // SQS, HTTP and Firehose answer, so failures are retried per the subscription's policy.
    void deliver(Context& ctx, Pending p, SimTime delay) {
        const Subscription& s = c_.subs[p.sub];
        ++deliveries_;
        if (s.protocol == Protocol::Lambda || s.protocol == Protocol::Email) {
            ctx.send(*s.link, Message(p.msg), delay);
            return;
        }
        const std::uint64_t call = ctx.call(*s.link, Message(p.msg), delay);
        calls_.emplace(call, std::move(p));
    }

    void retry(Context& ctx, Pending p, const std::string& why) {
        const Subscription& s = c_.subs[p.sub];
        ++p.retries;
        const SimTime d = retry_delay(s.retry, p.retries);
        if (d == kNever || (s.retry.cap.us > 0 && ctx.now() + d - p.first > s.retry.cap)) {
            give_up(ctx, p, "delivery retries exhausted (" + std::to_string(p.retries - 1) + " retries): " + why);
            return;
        }
        const std::uint64_t key = next_wait_++;
        ctx.start_timer(d, key);
        waiting_.emplace(key, std::move(p));
    }

    void give_up(Context& ctx, const Pending& p, const std::string& why) {
        const Subscription& s = c_.subs[p.sub];
        ++failed_;
        ctx.metrics().count(Counter::Errors, ctx.now());
        if (s.dlq) {
            ctx.metrics().count(Counter::DeadLettered, ctx.now());
            ctx.note(&p.msg, Outcome::DeadLettered,
                     "delivery to '" + s.link->target_id + "' failed, sent to subscription DLQ '" + s.dlq->target_id +
                         "': " + why);
            ctx.send(*s.dlq, Message(p.msg));
            return;
        }
        ctx.drop(p.msg, DropReason::RetriesExhausted,
                 "delivery to '" + s.link->target_id + "' failed and the subscription has no DLQ: " + why);
    }

    Config c_;
    std::unordered_map<std::uint64_t, Pending> calls_, waiting_;
    std::uint64_t next_wait_ = 1;
    DedupWindow dedup_{minutes(5)};           // FIFO deduplication interval
    TokenBucket fifo_publishes_{3000, 3000};  // FIFO topic: 3,000 messages/s
    std::uint64_t published_ = 0, deliveries_ = 0, delivered_ = 0, filtered_ = 0, deduplicated_ = 0, failed_ = 0;
};

// ---- Config ---------------------------------------------------------------------------------------
// A subscription's protocol is what its endpoint is (the port lists which kinds may subscribe).
Protocol protocol_of(ServiceRole role) {
    switch (role) {
        case ServiceRole::Function:
            return Protocol::Lambda;
        case ServiceRole::HttpEndpoint:
            return Protocol::Http;
        case ServiceRole::Email:
            return Protocol::Email;
        case ServiceRole::DeliveryStream:
            return Protocol::Firehose;
        default:
            return Protocol::Sqs;
    }
}

bool node_flag(const NodeSpec* n, const char* key) {
    if (!n || !n->config.is_object()) return false;
    auto f = n->config.find(key);
    return f != n->config.end() && f->is_boolean() && f->get<bool>();
}

void read_subscription(BuildContext& ctx, const Config& c, const Link& l, std::vector<Subscription>& out) {
    Subscription s;
    s.link = &l;
    s.protocol = protocol_of(l.target_role);
    s.arn = c.arn + ":" + l.target_id;
    s.fifo_queue = s.protocol == Protocol::Sqs && node_flag(ctx.pattern.find_node(l.target_id), "FifoQueue");
    const std::string base = "/edges/" + std::to_string(l.edge);
    ConfigReader er(l.config, base + "/config", ctx.diagnostics);
    if (c.fifo && s.protocol != Protocol::Sqs)
        ctx.diagnostics.error(base,
                              "FIFO topic '" + ctx.spec.id + "' can only deliver to SQS queues, not " + l.target_type);
    if (!c.fifo && s.fifo_queue)
        ctx.diagnostics.error(base, "FIFO queue '" + l.target_id + "' can only subscribe to a FIFO topic");
    const std::string scope = er.choice("FilterPolicyScope", "MessageAttributes", {"MessageAttributes", "MessageBody"});
    if (const Json* fp = er.raw("FilterPolicy")) {
        Json policy = *fp;
        if (fp->is_string()) policy = Json::parse(fp->get<std::string>(), nullptr, false);
        if (policy.is_discarded() || !policy.is_object()) {
            er.error("FilterPolicy", "FilterPolicy must be a JSON object, got " + fp->dump());
        } else {
            auto res =
                match::SnsFilterPolicy::compile(policy, scope == "MessageBody" ? match::FilterScope::MessageBody
                                                                               : match::FilterScope::MessageAttributes);
            if (auto* err = std::get_if<match::MatchError>(&res))
                er.error("FilterPolicy",
                         "invalid filter policy" + (err->path.empty() ? "" : " at " + err->path) + ": " + err->message,
                         err->aws_reason.empty() ? "" : "AWS says: " + err->aws_reason);
            else
                s.filter = std::get<match::SnsFilterPolicy>(std::move(res));
        }
    }
    s.raw = er.boolean("RawMessageDelivery", false);
    if (s.raw && (s.protocol == Protocol::Lambda || s.protocol == Protocol::Email))
        er.error("RawMessageDelivery",
                 "RawMessageDelivery applies to SQS, HTTP(S) and Firehose subscriptions, not " + l.target_type);
    s.retry = s.protocol == Protocol::Http    ? http_default_policy()
              : s.protocol == Protocol::Email ? email_policy()
                                              : aws_managed_policy();
    if (const Json* dp = er.raw("DeliveryPolicy")) {
        if (s.protocol != Protocol::Http)
            er.error("DeliveryPolicy", "DeliveryPolicy can only be customised for HTTP(S) subscriptions");
        else
            read_http_policy(*dp, er.path_of("DeliveryPolicy"), ctx.diagnostics, s.retry);
    }
    if (const Json* rp = er.raw("RedrivePolicy")) {
        const Json* arn =
            rp->is_object() && rp->contains("deadLetterTargetArn") ? &(*rp)["deadLetterTargetArn"] : nullptr;
        if (!arn || !arn->is_string()) {
            er.error("RedrivePolicy", "RedrivePolicy needs deadLetterTargetArn naming an SQS queue, got " + rp->dump());
        } else {
            for (const Link& d : ctx.links)
                if (d.port == "dlq" && d.target_id == arn->get<std::string>()) s.dlq = &d;
            if (!s.dlq) {
                if (!ctx.pattern.find_node(arn->get<std::string>()))
                    er.error("RedrivePolicy", "redrive target '" + arn->get<std::string>() + "' does not exist");
                else
                    er.error("RedrivePolicy",
                             "redrive target '" + arn->get<std::string>() + "' is not wired to topic '" + ctx.spec.id +
                                 "' on its dlq port",
                             "add an edge {\"from\": \"" + ctx.spec.id + "\", \"port\": \"dlq\", \"to\": \"" +
                                 arn->get<std::string>() + "\"}");
            } else if (node_flag(ctx.pattern.find_node(s.dlq->target_id), "FifoQueue") != c.fifo) {
                er.error("RedrivePolicy",
                         std::string("the subscription DLQ of a ") +
                             (c.fifo ? "FIFO topic must be a FIFO queue" : "standard topic must be a standard queue"));
            }
        }
    }
    er.finish();
    out.push_back(std::move(s));
}

std::unique_ptr<Service> create_topic(BuildContext& ctx) {
    ConfigReader& r = ctx.config;
    Config c;
    c.fifo = r.boolean("FifoTopic", false);
    c.name = r.text("TopicName", ctx.spec.id + (c.fifo ? ".fifo" : ""));
    if (c.fifo != c.name.ends_with(".fifo"))
        r.error("TopicName", c.fifo ? "a FIFO topic name must end with .fifo, got '" + c.name + "'"
                                    : "only FIFO topics may have a name ending in .fifo, got '" + c.name + "'");
    c.arn = "arn:aws:sns:us-east-1:123456789012:" + c.name;
    c.content_dedup = r.boolean("ContentBasedDeduplication", false);
    c.topic_scope = r.choice("FifoThroughputScope", "Topic", {"Topic", "MessageGroup"}) == "Topic";
    if (!c.fifo && (r.has("ContentBasedDeduplication") || r.has("FifoThroughputScope")))
        r.error("FifoTopic", "ContentBasedDeduplication and FifoThroughputScope need FifoTopic: true");
    c.latency = r.distribution("LatencyMs", c.latency);
    r.raw("DisplayName");
    r.raw("Subscription");  // wiring is by edges; kept for round trips
    r.raw("KmsMasterKeyId");
    for (const Link& l : ctx.links)
        if (l.port == "out") read_subscription(ctx, c, l, c.subs);
    return std::make_unique<SnsTopic>(std::move(c));
}

}  // namespace

ServiceKind sns_kind() {
    ServiceKind k;
    k.iot_rule_action = "sns";
    k.type = "sns";
    k.role = ServiceRole::Topic;
    k.label = "SNS";
    k.group = "messaging";
    k.description = "Pub/sub topic: fans each message out to every matching subscription";
    k.ports = {PortSpec::to("out", "subscriptions",
                            {ServiceRole::Queue, ServiceRole::Function, ServiceRole::HttpEndpoint, ServiceRole::Email,
                             ServiceRole::DeliveryStream},
                            "SNS delivers to SQS, Lambda, HTTP(S), email and Firehose"),
               PortSpec::to("dlq", "subscription dead-letter queues", {ServiceRole::Queue},
                            "a subscription DLQ is an SQS queue, named by the subscription's RedrivePolicy")};
    k.operations = sns_operations();
    k.api = ApiIntegration::call("Publish", "Message");
    k.errors = sns_errors();
    k.create = create_topic;
    k.icon = "sns";
    k.shape = DiagramShape::Channel;
    // https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-sns-topic.html
    k.cfn = {{"AWS::SNS::Topic",
              {"ArchivePolicy", "ContentBasedDeduplication", "DisplayName", "FifoThroughputScope", "FifoTopic",
               "KmsMasterKeyId", "Subscription", "Tags", "TopicName", "TracingConfig"}}};
    k.sample = {{"Message", "hello"}, {"MessageAttributes", {{"kind", "order"}}}};
    k.sample_payload = "/Message";
    k.cfn[0].ref_is_arn = true;
    k.cfn[0].call_policy = {"SNSPublishMessagePolicy", "TopicName", "TopicName"};
    k.cfn[0].destination_type = "SNS";
    return k;
}

}  // namespace sim::svc
