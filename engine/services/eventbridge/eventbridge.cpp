// eventbridge.cpp — an EventBridge event bus: PutEvents, rule matching, target delivery with the
// retry policy and DLQ, and scheduled rules in UTC.
// Modelled:     [x] event envelope (version, id, detail-type, source, account, time, region,
//                   resources, detail); PutEvents ≤10 entries, ≤1 MB each, no "aws." sources
//               [x] rules with the full event-pattern language (engine/match), invalid patterns
//                   rejected at load with the reason; ≤5 targets per rule, ≤300 rules per bus
//               [x] Input / InputPath / InputTransformer (reserved <aws.events.*> variables)
//               [x] retries of throttles and 5xx with exponential backoff and jitter, up to
//                   MaximumRetryAttempts (185) and MaximumEventAgeInSeconds (24 h); other errors
//                   not retried; then the target's DLQ (ERROR_CODE, ... attributes) or a drop
//               [x] scheduled rules: rate() anchored at rule creation (t = 0), cron() in UTC
//               [x] $1.00 per 1M custom events per 64 KB; AWS-sourced and scheduled events free
//               [x] S3 notifications arrive as "Object Created" / "Object Deleted" events
// Not modelled: [ ] archive and replay  [ ] invocation-rate quotas  [ ] API destinations
//               [ ] cross-bus / cross-account targets  [ ] the 2026 Custom Event Bus (v2)
// AWS: https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-rule-retry-policy.html,
//      eb-rule-dlq.html, eb-create-rule-schedule.html, eb-quota.html
#include "services/eventbridge/eventbridge.h"
#include "services/eventbridge/eventbridge_contract.h"

#include "core/timer_tag.h"
#include "pattern/config_reader.h"
#include "pattern/pattern.h"
#include "prices/price_table.h"
#include "services/eventbridge/eventbridge_rules.h"
#include "traffic/payload_template.h"

#include <cmath>
#include <deque>
#include <unordered_map>

namespace sim::svc {
namespace {

constexpr std::int64_t kMaxEntryBytes = 1024 * 1024;
constexpr std::size_t kMaxEntries = 10;
constexpr SimTime kMaxBackoff = sec(467);  // 185 attempts then span about 24 h
enum class Timer : std::uint8_t { Retry = 1, Schedule };

struct Delivery {
    std::size_t rule = 0, target = 0;
    Message msg;
    int attempts = 0;
    SimTime first;
};

class EventBus final : public Service {
public:
    EventBus(std::string name, std::vector<eb::Rule> rules) : name_(std::move(name)), rules_(std::move(rules)) {}

    void on_start(Context& ctx) override {
        for (std::size_t i = 0; i < rules_.size(); ++i)
            if (rules_[i].schedule && rules_[i].enabled) schedule_next(ctx, i);
    }

    void on_message(Context& ctx, const Inbound& in) override {
        const SimTime now = ctx.now();
        ctx.metrics().count(Counter::Invocations, now);
        std::vector<Json> entries;
        // Only AWS services emit "aws." events, and they deliver them to the bus themselves: in the
        // engine a service's own event arrives as a send from another node (an S3 notification, a
        // Lambda destination record); an application's PutEvents is a call (client, SDK, API).
        const bool service_event = !in.caller.valid() && in.from != UINT32_MAX;
        std::string error = read_entries(in.msg, service_event, entries);
        if (!error.empty()) {
            ctx.metrics().count(Counter::Errors, now);
            if (in.caller.valid())
                ctx.reply(in.caller, Reply::failure(kEventsValidation, error), msec(10));
            else
                ctx.drop(in.msg, DropReason::Refused, "PutEvents refused by " + name_ + ": " + error);
            return;
        }
        int failed = 0;
        for (Json& e : entries) {
            std::string why;
            JsonPtr event = make_event(ctx, std::move(e), in.msg, why);
            if (!event) {
                ++failed;
                ctx.metrics().count(Counter::Errors, now);
                if (!in.caller.valid())
                    ctx.drop(in.msg, DropReason::Refused, "PutEvents entry failed: " + why);
                else
                    ctx.note(&in.msg, Outcome::Error, "PutEvents entry failed: " + why);
                continue;
            }
            route(ctx, event, in.msg);
        }
        Reply r;
        if (failed) r.body = std::make_shared<const Json>(Json{{"FailedEntryCount", failed}});
        if (in.caller.valid()) ctx.reply(in.caller, std::move(r), msec(10));
    }

    void on_timer(Context& ctx, std::uint64_t tag) override {
        if (timer_kind<Timer>(tag) == Timer::Schedule) {
            const std::size_t i = timer_value(tag);
            fire_schedule(ctx, i);
            schedule_next(ctx, i);
            return;
        }
        auto it = waiting_.find(timer_value(tag));
        if (it == waiting_.end()) return;
        Delivery d = std::move(it->second);
        waiting_.erase(it);
        ctx.metrics().count(Counter::Retries, ctx.now());
        deliver(ctx, std::move(d));
    }

    void on_reply(Context& ctx, std::uint64_t call, const Reply& r) override {
        auto it = calls_.find(call);
        if (it == calls_.end()) return;
        Delivery d = std::move(it->second);
        calls_.erase(it);
        if (r.ok() && r.status < 400) {
            ++delivered_;
            return;
        }
        const eb::Target& t = rules_[d.rule].targets[d.target];
        // Throttles and server faults are retried; so is an error status answered without an error code.
        const bool retriable = r.retryable() || r.status == 429 || r.status >= 500;
        if (!retriable) {
            fail(ctx, d, r, "none (non-retriable error)");
            return;
        }
        if (d.attempts > t.max_retries) {
            fail(ctx, d, r, "MaximumRetryAttemptsExhausted");
            return;
        }
        const std::int64_t base = sec(1).us << std::min(d.attempts - 1, 20);
        SimTime delay{std::min(base, kMaxBackoff.us)};
        delay.us += static_cast<std::int64_t>(ctx.rng().uniform(0, 0.1) * static_cast<double>(delay.us));  // jitter
        if (ctx.now() + delay - d.first > t.max_age) {
            fail(ctx, d, r, "MaximumEventAgeExhausted");
            return;
        }
        const std::uint64_t key = next_wait_++;
        ctx.start_timer(delay, timer_tag(Timer::Retry, key));
        waiting_.emplace(key, std::move(d));
    }

    void report(Json& out) const override {
        out["events_received"] = events_;
        out["rule_matches"] = matches_;
        out["delivered"] = delivered_;
        out["delivery_failures"] = failures_;
        out["schedule_fires"] = fires_;
    }

    Json inspect() const override {
        Json recent = Json::array();
        for (const auto& f : recent_fires_) recent.push_back(f);
        return {
            {"bus", name_}, {"rules", rules_.size()}, {"retrying", waiting_.size()}, {"recent_schedule_fires", recent}};
    }

private:
    // Entries of a PutEvents call, or the event an AWS service or a client sends to the bus.
    std::string read_entries(const Message& m, bool service_event, std::vector<Json>& out) {
        static const Json kNull;
        const Json& b = m.body ? *m.body : kNull;
        if (b.is_object() && b.contains("operation")) {
            if (b["operation"] != "PutEvents")
                return "operation " + b["operation"].dump() + " is not simulated on EventBridge; use PutEvents";
            if (auto e = b.find("Entries"); e != b.end()) {
                if (!e->is_array() || e->empty()) return "Entries must be a non-empty array";
                if (e->size() > kMaxEntries)
                    return "1 validation error detected: Value at 'entries' failed to satisfy constraint: Member must "
                           "have length less than or equal to 10";
                for (const Json& x : *e) out.push_back(x);
                return {};
            }
            out.push_back({{"Source", b.value("Source", "custom.app")},
                           {"DetailType", b.value("DetailType", "Event")},
                           {"Detail", b.contains("Detail") ? b["Detail"] : Json::object()}});
            return {};
        }
        // Not a PutEvents call: an AWS service's own event (EventBridge-shaped), or an application's payload.
        if (b.is_object() && b.contains("detail-type") && b.contains("source")) {
            out.push_back({{"Source", b["source"]},
                           {"DetailType", b["detail-type"]},
                           {"Detail", b.value("detail", Json::object())},
                           {"aws", service_event}});
            return {};
        }
        if (b.is_object() && b.contains("Source"))
            out.push_back(b);
        else
            out.push_back({{"Source", "custom.app"},
                           {"DetailType", "Event"},
                           {"Detail", b.is_object() ? b : Json{{"value", b}}}});
        return {};
    }

    JsonPtr make_event(Context& ctx, Json entry, const Message& cause, std::string& why) {
        const bool from_aws = entry.value("aws", false);
        const std::string source = entry.value("Source", "");
        const std::string type = entry.value("DetailType", "");
        if (source.empty() || type.empty()) {
            why = "an entry needs Source and DetailType";
            return nullptr;
        }
        if (!from_aws && source.rfind("aws.", 0) == 0) {
            why = "NotAuthorizedForSourceException: custom events may not use a source starting with \"aws.\", got \"" +
                  source + "\"";
            return nullptr;
        }
        Json detail = entry.contains("Detail") ? entry["Detail"] : Json::object();
        if (detail.is_string()) detail = Json::parse(detail.get<std::string>(), nullptr, false);
        if (!detail.is_object()) {
            why = "MalformedDetail: Detail must be a JSON object";
            return nullptr;
        }
        const std::int64_t size = std::max<std::int64_t>(cause.size_bytes, 256);
        if (size > kMaxEntryBytes) {
            why = "an event is at most 1 MB, got " + std::to_string(size) + " bytes";
            return nullptr;
        }
        if (!from_aws)
            ctx.metrics().add_cost(price_table::kEventBridgeEvent *
                                       std::ceil(static_cast<double>(size) / price_table::kEventBridgeChunkBytes),
                                   ctx.now());
        ++events_;
        return std::make_shared<const Json>(
            Json{{"version", "0"},
                 {"id", random_uuid(ctx.rng())},
                 {"detail-type", type},
                 {"source", source},
                 {"account", "123456789012"},
                 {"time", iso8601_utc(ctx.start_unix_s() + static_cast<std::uint64_t>(ctx.now().us / 1000000))},
                 {"region", "us-east-1"},
                 {"resources", entry.value("Resources", Json::array())},
                 {"detail", std::move(detail)}});
    }

    void route(Context& ctx, const JsonPtr& event, const Message& cause) {
        for (std::size_t i = 0; i < rules_.size(); ++i) {
            const eb::Rule& r = rules_[i];
            if (!r.enabled || !r.pattern || !r.pattern->matches(*event)) continue;
            ++matches_;
            send_to_targets(ctx, i, event, cause);
        }
    }

    void send_to_targets(Context& ctx, std::size_t rule, const JsonPtr& event, const Message& cause) {
        const eb::Rule& r = rules_[rule];
        for (std::size_t t = 0; t < r.targets.size(); ++t) {
            if (!r.targets[t].link) continue;
            Message m = ctx.derive(cause, "eventbridge.event");
            if (!cause.trace) {  // the bus's own events (schedules) begin a trace here
                m.trace = ctx.new_trace_id();
                m.origin = ctx.now();
            }
            m.body = eb::target_input(r.targets[t], r, event);
            m.size_bytes = std::max<std::int64_t>(cause.size_bytes, 256);
            deliver(ctx, Delivery{rule, t, std::move(m), 0, ctx.now()});
        }
    }

    // Lambda targets are invoked asynchronously (accepted at once); other targets answer, and
    // throttles or 5xx answers are retried.
    void deliver(Context& ctx, Delivery d) {
        const eb::Target& t = rules_[d.rule].targets[d.target];
        ++d.attempts;
        const SimTime latency = msec(20 + static_cast<std::int64_t>(ctx.rng().below(80)));
        if (t.link->target_role == ServiceRole::Function) {
            ++delivered_;
            ctx.send(*t.link, std::move(d.msg), latency);
            return;
        }
        const std::uint64_t call = ctx.call(*t.link, Message(d.msg), latency);
        calls_.emplace(call, std::move(d));
    }

    void fail(Context& ctx, const Delivery& d, const Reply& r, const std::string& condition) {
        const eb::Rule& rule = rules_[d.rule];
        const eb::Target& t = rule.targets[d.target];
        ++failures_;
        ctx.metrics().count(Counter::Errors, ctx.now());
        if (!t.dlq) {
            ctx.drop(d.msg, DropReason::RetriesExhausted,
                     "delivery to target '" + t.id + "' of rule '" + rule.name + "' failed (" + r.error +
                         ", retry condition " + condition + ") and the target has no dead-letter queue");
            return;
        }
        auto attr = [](const std::string& v) { return Json{{"Type", "String"}, {"Value", v}}; };
        Message m = d.msg;
        m.attributes = std::make_shared<const Json>(Json{{"ERROR_CODE", attr(r.error)},
                                                         {"ERROR_MESSAGE", attr(r.detail)},
                                                         {"EXHAUSTED_RETRY_CONDITION", attr(condition)},
                                                         {"RETRY_ATTEMPTS", attr(std::to_string(d.attempts - 1))},
                                                         {"RULE_ARN", attr(rule.arn)},
                                                         {"TARGET_ARN", attr(t.link->target_id)}});
        ctx.metrics().count(Counter::DeadLettered, ctx.now());
        ctx.note(&d.msg, Outcome::DeadLettered,
                 "event for target '" + t.id + "' of rule '" + rule.name + "' sent to dead-letter queue '" +
                     t.dlq->target_id + "': " + r.error + " (" + condition + ")");
        ctx.send(*t.dlq, std::move(m));
    }

    // Scheduled rules: UTC; rate() starts when the rule is created (t = 0 here).
    void schedule_next(Context& ctx, std::size_t i) {
        const auto start = static_cast<std::int64_t>(ctx.start_unix_s());
        const std::int64_t now_unix = start + ctx.now().us / 1000000;
        auto next = rules_[i].schedule->next_after(now_unix, start);
        if (!next) return;
        ctx.start_timer(sec(*next - start) - ctx.now(), timer_tag(Timer::Schedule, i));
    }

    void fire_schedule(Context& ctx, std::size_t i) {
        ++fires_;
        const std::string time = iso8601_utc(ctx.start_unix_s() + static_cast<std::uint64_t>(ctx.now().us / 1000000));
        recent_fires_.push_back(time);
        if (recent_fires_.size() > 100) recent_fires_.pop_front();
        auto event = std::make_shared<const Json>(Json{{"version", "0"},
                                                       {"id", random_uuid(ctx.rng())},
                                                       {"detail-type", "Scheduled Event"},
                                                       {"source", "aws.events"},
                                                       {"account", "123456789012"},
                                                       {"time", time},
                                                       {"region", "us-east-1"},
                                                       {"resources", Json::array({rules_[i].arn})},
                                                       {"detail", Json::object()}});
        Message cause;
        cause.size_bytes = 256;
        send_to_targets(ctx, i, event, cause);
    }

    std::string name_;
    std::vector<eb::Rule> rules_;
    std::unordered_map<std::uint64_t, Delivery> calls_, waiting_;
    std::uint64_t next_wait_ = 1;
    std::deque<std::string> recent_fires_;
    std::uint64_t events_ = 0, matches_ = 0, delivered_ = 0, failures_ = 0, fires_ = 0;
};

std::unique_ptr<Service> create_bus(BuildContext& ctx) {
    const std::string name = ctx.config.text("Name", ctx.spec.id);
    ctx.config.raw("EventSourceName");
    ctx.config.raw("Description");
    return std::make_unique<EventBus>(name, eb::read_rules(ctx, name));
}

}  // namespace

ServiceKind eventbridge_kind() {
    ServiceKind k;
    k.type = "eventbridge";
    k.role = ServiceRole::EventBus;
    k.label = "EventBridge";
    k.group = "messaging";
    k.description = "Event bus: rules match events (or fire on schedules) and deliver to up to 5 targets each";
    k.ports = {
        PortSpec::to("out", "rule targets",
                     {ServiceRole::Function, ServiceRole::Queue, ServiceRole::Topic, ServiceRole::StateMachine,
                      ServiceRole::Stream, ServiceRole::DeliveryStream, ServiceRole::EventBus, ServiceRole::Api,
                      ServiceRole::HttpEndpoint},  // an API destination (AWS::Events::ApiDestination)
                     "EventBridge targets Lambda, SQS, SNS, Step Functions, Kinesis, Firehose, another bus, an API "
                     "or an HTTP endpoint (API destination)"),
        PortSpec::to("dlq", "target dead-letter queues", {ServiceRole::Queue},
                     "an EventBridge DLQ is a standard SQS queue")};
    k.operations = eventbridge_operations();
    k.api = ApiIntegration::call("PutEvents", "Detail");
    k.errors = eventbridge_errors();
    k.create = create_bus;
    k.icon = "eventbridge";
    k.shape = DiagramShape::Channel;
    // https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-events-eventbus.html
    k.cfn = {{"AWS::Events::EventBus", {"Name", "Description", "EventSourceName", "Tags"}}};
    k.sample = {{"source", "app.orders"},
                {"detail-type", "OrderPlaced"},
                {"detail", Json{{"orderId", "order-1"}, {"total", 42}}}};
    k.sample_payload = "/detail";
    k.cfn[0].complete = eventbridge_cfn_complete;  // null in the page, which never exports (eventbridge_cfn.cpp)
    k.cfn[0].call_policy = {"EventBridgePutEventsPolicy", "EventBusName", ""};
    k.cfn[0].destination_type = "EventBridge";
    return k;
}

}  // namespace sim::svc
