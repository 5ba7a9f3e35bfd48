// scheduler.cpp — an EventBridge Scheduler schedule group: schedules fire on rate(), cron() (in
// their time zone) or at(), within their flexible window, and invoke their target with its Input;
// failed invocations are retried and then dead-lettered.
// Modelled:     [x] rate() from creation or StartDate, cron() in ScheduleExpressionTimezone with DST,
//                   one-time at(); rate(5 minute) accepted as Scheduler does; StartDate/EndDate;
//                   State DISABLED never fires; ActionAfterCompletion DELETE after the last invocation
//               [x] FlexibleTimeWindow FLEXIBLE: each invocation at a uniformly random instant in
//                   [scheduled, scheduled + MaximumWindowInMinutes) (seeded: same seed, same instants)
//               [x] templated targets by role: Lambda invoked asynchronously with Input as the event;
//                   SQS (Input as MessageBody), SNS, Step Functions (Input as execution input),
//                   Kinesis, Firehose get Input; an EventBridge bus gets PutEvents with
//                   EventBridgeParameters' Source and DetailType and Input as Detail
//               [x] universal targets arn:aws:scheduler:::aws-sdk:<service>:<apiAction>: Input is
//                   the request, sent to the wired node whose contract has the action
//               [x] throttles and 5xx retried with exponential backoff and jitter up to
//                   MaximumRetryAttempts (185) and MaximumEventAgeInSeconds (86,400); other errors
//                   not retried; then the DLQ (a standard queue) with ERROR_CODE, ERROR_MESSAGE,
//                   EXHAUSTED_RETRY_CONDITION, RETRY_ATTEMPTS, SCHEDULE_ARN, TARGET_ARN attributes
//                   (names as EventBridge rules' DLQ; unverified for Scheduler), or a drop
//               [x] CreateSchedule / UpdateSchedule / DeleteSchedule / GetSchedule from callers
//               [x] $1.00 per 1M invocations after 14M free per account and month (retries are
//                   not billed: unverified)
// Not modelled: [ ] invocation throttle quota (1,000/s)  [ ] ECS, SageMaker and other targets
//                   without a node  [ ] KMS  [ ] the execution role's permissions
// AWS: scheduler/latest/UserGuide/schedule-types.html, managing-schedule-flexible-time-windows.html,
//      configuring-schedule-retry-policy.html, configuring-schedule-dlq.html; aws.amazon.com/eventbridge/pricing
#include "services/scheduler/scheduler.h"

#include "core/civil_time.h"
#include "core/timer_tag.h"
#include "pattern/config_reader.h"
#include "pattern/pattern.h"
#include "prices/price_table.h"
#include "services/scheduler/scheduler_schedule.h"
#include "traffic/payload_template.h"

#include <algorithm>
#include <deque>
#include <unordered_map>

namespace sim::svc {

double scheduler_invocation_cost(double before, double n) {
    const double free = price_table::kSchedulerFreeInvocations;
    const double billed = std::max(0.0, before + n - std::max(before, free));
    return billed * price_table::kSchedulerInvocation;
}

namespace {

inline constexpr ErrorSpec kSchedValidation{"ValidationException", 400, ErrorClass::Client};
inline constexpr ErrorSpec kSchedConflict{"ConflictException", 409, ErrorClass::Client};
inline constexpr ErrorSpec kSchedNotFound{"ResourceNotFoundException", 404, ErrorClass::Client};

constexpr SimTime kMaxBackoff = sec(467);  // as EventBridge: 185 attempts span about 24 h
enum class Timer : std::uint8_t { Fire = 1, Retry };

// Invocations this calendar month, account-wide (the free 14M are the account's).
struct MonthlyInvocations {
    std::int64_t month = -1;
    double used = 0;
};

struct Delivery {
    std::size_t schedule = 0;
    sched::Target target;
    Message msg;
    int attempts = 0;
    SimTime first;
};

class ScheduleGroup final : public Service {
public:
    ScheduleGroup(std::string node, std::string group, std::vector<sched::Schedule> s, const Registry& reg)
        : node_(std::move(node)), group_(std::move(group)), schedules_(std::move(s)), registry_(&reg) {
        gen_.assign(schedules_.size(), 0);
        deleted_.assign(schedules_.size(), false);
    }

    void on_start(Context& ctx) override {
        for (auto& s : schedules_) s.created = now_unix(ctx);
        for (std::size_t i = 0; i < schedules_.size(); ++i) arm(ctx, i, now_unix(ctx));
    }

    void on_message(Context& ctx, const Inbound& in) override {
        static const Json kNull;
        const Json& b = in.msg.body ? *in.msg.body : kNull;
        const std::string op = b.is_object() ? b.value("operation", "") : "";
        Reply r;
        if (op == "CreateSchedule" || op == "UpdateSchedule")
            r = put_schedule(ctx, b, op == "UpdateSchedule");
        else if (op == "DeleteSchedule" || op == "GetSchedule")
            r = find_schedule(ctx, b, op == "DeleteSchedule");
        else
            r = Reply::failure(kSchedValidation, "operation '" + op +
                                                     "' is not simulated on EventBridge Scheduler; use CreateSchedule, "
                                                     "UpdateSchedule, DeleteSchedule or GetSchedule");
        if (!r.ok()) ctx.metrics().count(Counter::Errors, ctx.now());
        ctx.span(in.msg, op.empty() ? "Scheduler" : op, ctx.now(), r.ok() ? Outcome::Ok : Outcome::Error, r.detail);
        if (in.caller.valid())
            ctx.reply(in.caller, std::move(r), msec(30));
        else if (!r.ok())
            ctx.drop(in.msg, DropReason::Refused, "EventBridge Scheduler refused " + op + ": " + r.detail);
    }

    void on_timer(Context& ctx, std::uint64_t tag) override {
        if (timer_kind<Timer>(tag) == Timer::Fire) {
            const std::uint32_t i = timer_pair_high(timer_value(tag));
            if (i >= schedules_.size() || deleted_[i] || gen_[i] != timer_pair_low(timer_value(tag))) return;
            invoke(ctx, i);
            arm(ctx, i, pending_[i]);
            return;
        }
        auto it = waiting_.find(timer_value(tag));
        if (it == waiting_.end()) return;
        Delivery d = std::move(it->second);
        waiting_.erase(it);
        ++retries_;
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
        // Throttles and server faults are retried; so is an error status answered without a code.
        const bool retriable = r.retryable() || r.status == 429 || r.status >= 500;
        if (!retriable) return fail(ctx, d, r, "none (non-retriable error)");
        if (d.attempts > d.target.max_retries) return fail(ctx, d, r, "MaximumRetryAttemptsExhausted");
        const std::int64_t base = sec(1).us << std::min(d.attempts - 1, 20);
        SimTime delay{std::min(base, kMaxBackoff.us)};
        delay.us += static_cast<std::int64_t>(ctx.rng().uniform(0, 0.1) * static_cast<double>(delay.us));  // jitter
        if (ctx.now() + delay - d.first > d.target.max_age) return fail(ctx, d, r, "MaximumEventAgeExhausted");
        const std::uint64_t key = next_wait_++;
        ctx.start_timer(delay, timer_tag(Timer::Retry, key));
        waiting_.emplace(key, std::move(d));
    }

    void report(Json& out) const override {
        std::size_t live = 0;
        for (bool d : deleted_) live += !d;
        out["schedules"] = live;
        out["schedule_invocations"] = invocations_;
        out["delivered"] = delivered_;
        out["retry_attempts"] = retries_;
        out["dead_lettered_invocations"] = dead_lettered_;
        out["delivery_failures"] = failures_;
        out["schedules_deleted"] = deleted_count_;
    }

    Json inspect() const override {
        // Built by assignment: nlohmann's initializer lists cost the page's download far more code.
        Json list = Json::array();
        for (std::size_t i = 0; i < schedules_.size(); ++i) {
            const auto& s = schedules_[i];
            Json& row = list.emplace_back();
            row["name"] = s.name;
            row["expression"] = s.expr ? s.expr->text() : "";
            row["timezone"] = s.tz.name;
            row["state"] = deleted_[i] ? "DELETED" : s.enabled ? "ENABLED" : "DISABLED";
            row["target"] = s.target.link ? s.target.link->target_id : s.target.arn;
            row["invocations"] = invocations_of_.count(i) ? invocations_of_.at(i) : 0;
        }
        Json out = Json::object();
        out["group"] = group_;
        out["schedules"] = std::move(list);
        out["retrying"] = waiting_.size();
        Json& recent = out["recent_invocations"] = Json::array();
        for (const auto& f : recent_) recent.push_back(f);
        return out;
    }

private:
    static std::int64_t now_unix(Context& ctx) {
        return static_cast<std::int64_t>(ctx.start_unix_s()) + ctx.now().us / 1000000;
    }

    // Starts the timer of schedule i's first invocation after `after` (Unix seconds).
    void arm(Context& ctx, std::size_t i, std::int64_t after) {
        const sched::Schedule& s = schedules_[i];
        if (deleted_[i] || !s.enabled || !s.target.link) return;
        if (pending_.size() < schedules_.size()) pending_.resize(schedules_.size(), 0);
        const auto next = s.next_after(after);
        if (!next) {
            if (s.delete_after) {  // ActionAfterCompletion DELETE: gone once it has no invocation left
                deleted_[i] = true;
                ++deleted_count_;
                ctx.note(nullptr, Outcome::Ok,
                         "schedule '" + s.name + "' completed and was deleted (ActionAfterCompletion DELETE)");
            }
            return;
        }
        pending_[i] = *next;
        const auto start = static_cast<std::int64_t>(ctx.start_unix_s());
        SimTime at = sec(*next - start);
        if (s.window_s > 0)  // a random instant within the flexible window
            at.us += static_cast<std::int64_t>(ctx.rng().below(static_cast<std::uint64_t>(s.window_s) * 1000000));
        const SimTime delay = at > ctx.now() ? at - ctx.now() : SimTime{};
        ctx.start_timer(delay, timer_tag(Timer::Fire, timer_pair(static_cast<std::uint32_t>(i), gen_[i])));
    }

    void invoke(Context& ctx, std::size_t i) {
        const sched::Schedule& s = schedules_[i];
        const std::int64_t unix_now = now_unix(ctx);
        ++invocations_;
        ++invocations_of_[i];
        ctx.metrics().count(Counter::Invocations, ctx.now());
        recent_.push_back(iso8601_utc(static_cast<std::uint64_t>(unix_now)));
        if (recent_.size() > 100) recent_.pop_front();
        // Billing: the account's first 14M invocations of a calendar month are free.
        MonthlyInvocations& m = ctx.account().shared<MonthlyInvocations>();
        const CivilTime c = civil_from_unix(unix_now);
        if (m.month != c.year * 12 + c.month) {
            m.month = c.year * 12 + c.month;
            m.used = 0;
        }
        ctx.metrics().add_cost(scheduler_invocation_cost(m.used, 1), ctx.now());
        m.used += 1;

        Message msg;
        msg.trace = ctx.new_trace_id();
        msg.id = ctx.new_message_id();
        msg.origin = ctx.now();
        msg.type = "scheduler.invocation";
        msg.body = std::make_shared<const Json>(payload(s.target));
        msg.size_bytes = std::max<std::int64_t>(256, static_cast<std::int64_t>(msg.body->dump().size()));
        deliver(ctx, Delivery{i, s.target, std::move(msg), 0, ctx.now()});
    }

    // What the target receives.
    static Json payload(const sched::Target& t) {
        if (!t.action.empty()) {  // universal target: Input is the API request
            Json req = t.input.is_object() ? t.input : Json::object();
            req["operation"] = t.action;
            return req;
        }
        if (t.link && t.link->target_role == ServiceRole::EventBus) {
            const Json& p = t.eventbridge.is_object() ? t.eventbridge : Json::object();
            Json req = Json::object();
            req["operation"] = "PutEvents";
            Json& entry = req["Entries"].emplace_back();
            entry["Source"] = p.value("Source", "scheduler.app");
            entry["DetailType"] = p.value("DetailType", "Scheduled Event");
            entry["Detail"] = t.input;
            return req;
        }
        return t.input;
    }

    // Lambda is invoked asynchronously (accepted at once); other targets answer, and throttles or
    // 5xx answers are retried.
    void deliver(Context& ctx, Delivery d) {
        ++d.attempts;
        const SimTime latency = msec(20 + static_cast<std::int64_t>(ctx.rng().below(80)));
        if (d.target.action.empty() && d.target.link->target_role == ServiceRole::Function) {
            ++delivered_;
            ctx.send(*d.target.link, std::move(d.msg), latency);
            return;
        }
        const std::uint64_t call = ctx.call(*d.target.link, Message(d.msg), latency);
        calls_.emplace(call, std::move(d));
    }

    void fail(Context& ctx, const Delivery& d, const Reply& r, const std::string& condition) {
        const sched::Schedule& s = schedules_[d.schedule];
        ++failures_;
        ctx.metrics().count(Counter::Errors, ctx.now());
        if (!d.target.dlq) {
            ctx.drop(d.msg, DropReason::RetriesExhausted,
                     "invocation of '" + d.target.link->target_id + "' by schedule '" + s.name + "' failed (" +
                         r.error + ", retry condition " + condition + ") and the schedule has no dead-letter queue");
            return;
        }
        Message m = ctx.derive(d.msg, "scheduler.dead_letter");
        m.body = std::make_shared<const Json>(d.target.input);  // the schedule's Input, not the API request
        m.size_bytes = d.msg.size_bytes;
        // Built by assignment: nlohmann's initializer lists cost the page's download far more code.
        Json attributes = Json::object();
        const std::pair<const char*, std::string> values[] = {{"ERROR_CODE", r.error},
                                                              {"ERROR_MESSAGE", r.detail},
                                                              {"EXHAUSTED_RETRY_CONDITION", condition},
                                                              {"RETRY_ATTEMPTS", std::to_string(d.attempts - 1)},
                                                              {"SCHEDULE_ARN", s.arn},
                                                              {"TARGET_ARN", d.target.arn}};
        for (const auto& [name, value] : values) {
            Json& a = attributes[name];
            a["Type"] = "String";
            a["Value"] = value;
        }
        m.attributes = std::make_shared<const Json>(std::move(attributes));
        ++dead_lettered_;
        ctx.metrics().count(Counter::DeadLettered, ctx.now());
        ctx.note(&d.msg, Outcome::DeadLettered,
                 "invocation by schedule '" + s.name + "' sent to dead-letter queue '" + d.target.dlq->target_id +
                     "': " + r.error + " (" + condition + ")");
        ctx.send(*d.target.dlq, std::move(m));
    }

    std::size_t index_of(const std::string& name, const std::string& group) const {
        for (std::size_t i = 0; i < schedules_.size(); ++i)
            if (!deleted_[i] && schedules_[i].name == name && schedules_[i].group == group) return i;
        return schedules_.size();
    }

    Reply put_schedule(Context& ctx, const Json& request, bool update) {
        Json req = request;
        req.erase("operation");
        Diagnostics diags;
        ConfigReader r(req, "", diags);
        if (!req.contains("Name")) return Reply::failure(kSchedValidation, "Name is required");
        sched::Schedule s = sched::read_schedule(r, ctx.links(), *registry_, node_, "", group_);
        for (const auto& d : diags.items())
            if (d.severity == Severity::Error)
                return Reply::failure(kSchedValidation, (d.path.empty() ? "" : d.path.substr(1) + ": ") + d.message);
        const std::size_t at = index_of(s.name, s.group);
        if (!update && at < schedules_.size())
            return Reply::failure(kSchedConflict, "schedule " + s.name + " already exists in group " + s.group);
        if (update && at == schedules_.size())
            return Reply::failure(kSchedNotFound, "schedule " + s.name + " does not exist in group " + s.group);
        s.created = now_unix(ctx);
        Json body = {{"ScheduleArn", s.arn}};
        if (update) {
            schedules_[at] = std::move(s);
            ++gen_[at];
            arm(ctx, at, now_unix(ctx));
        } else {
            schedules_.push_back(std::move(s));
            gen_.push_back(0);
            deleted_.push_back(false);
            arm(ctx, schedules_.size() - 1, now_unix(ctx));
        }
        Reply ok;
        ok.body = std::make_shared<const Json>(std::move(body));
        return ok;
    }

    Reply find_schedule(Context& ctx, const Json& req, bool remove) {
        const std::string name = req.value("Name", "");
        const std::string group = req.value("GroupName", group_);
        const std::size_t at = index_of(name, group);
        if (at == schedules_.size())
            return Reply::failure(kSchedNotFound, "schedule " + name + " does not exist in group " + group);
        Reply ok;
        const sched::Schedule& s = schedules_[at];
        if (remove) {
            deleted_[at] = true;
            ++gen_[at];
            ctx.note(nullptr, Outcome::Ok, "schedule '" + s.name + "' deleted (DeleteSchedule)");
            ok.body = std::make_shared<const Json>(Json::object());
        } else {
            Json got = Json::object();
            got["Name"] = s.name;
            got["GroupName"] = s.group;
            got["Arn"] = s.arn;
            got["ScheduleExpression"] = s.expr ? s.expr->text() : "";
            got["ScheduleExpressionTimezone"] = s.tz.name;
            got["State"] = s.enabled ? "ENABLED" : "DISABLED";
            got["Target"]["Arn"] = s.target.arn;
            ok.body = std::make_shared<const Json>(std::move(got));
        }
        return ok;
    }

    std::string node_, group_;
    std::vector<sched::Schedule> schedules_;
    std::vector<std::uint32_t> gen_;
    std::vector<bool> deleted_;
    std::vector<std::int64_t> pending_;  // the scheduled instant of each armed invocation
    const Registry* registry_;
    std::unordered_map<std::uint64_t, Delivery> calls_, waiting_;
    std::unordered_map<std::size_t, std::uint64_t> invocations_of_;
    std::uint64_t next_wait_ = 1;
    std::deque<std::string> recent_;
    std::uint64_t invocations_ = 0, delivered_ = 0, retries_ = 0, dead_lettered_ = 0, failures_ = 0, deleted_count_ = 0;
};

std::unique_ptr<Service> create_scheduler(BuildContext& ctx) {
    ConfigReader& c = ctx.config;
    const bool group_node = c.choice("Resource", "Schedule", {"Schedule", "ScheduleGroup"}) == "ScheduleGroup";
    std::string group;
    std::vector<sched::Schedule> list;
    if (group_node) {
        group = c.text("Name", ctx.spec.id);
        c.raw("Tags");
    } else {
        group = c.text("GroupName", "default");
        if (c.has("ScheduleExpression") || c.has("Target") || !c.has("Schedules"))
            list.push_back(sched::read_schedule(c, ctx.links, ctx.registry, ctx.spec.id, ctx.spec.id, group));
    }
    if (const Json* ss = c.raw("Schedules")) {
        if (!ss->is_array()) {
            c.error("Schedules", "Schedules must be an array of schedules (AWS::Scheduler::Schedule properties)");
        } else {
            for (std::size_t i = 0; i < ss->size(); ++i) {
                ConfigReader r((*ss)[i], c.path_of("Schedules") + "/" + std::to_string(i), ctx.diagnostics);
                list.push_back(sched::read_schedule(r, ctx.links, ctx.registry, ctx.spec.id,
                                                    ctx.spec.id + "-" + std::to_string(i + 1), group));
                r.finish();
            }
        }
    }
    for (std::size_t i = 0; i < list.size(); ++i)
        for (std::size_t j = 0; j < i; ++j)
            if (list[i].name == list[j].name && list[i].group == list[j].group)
                c.error("Schedules", "two schedules are named '" + list[i].name + "' in group '" + list[i].group + "'");
    for (const Link& l : ctx.links) {
        bool used = false;
        for (const auto& s : list) used = used || s.target.link == &l || s.target.dlq == &l;
        if (!used && l.port == "out")
            ctx.diagnostics.warning("/edges/" + std::to_string(l.edge),
                                    "no schedule of '" + ctx.spec.id + "' targets '" + l.target_id + "'",
                                    "give a schedule Target.Arn \"" + l.target_id + "\"");
    }
    return std::make_unique<ScheduleGroup>(ctx.spec.id, group, std::move(list), ctx.registry);
}

std::vector<OperationSpec> scheduler_operations() {
    using T = FieldType;
    const std::vector<std::string_view> errs = {kSchedValidation.code, kSchedConflict.code, kSchedNotFound.code};
    return {{"CreateSchedule",
             {{"Name", T::String, true},
              {"ScheduleExpression", T::String, true},
              {"FlexibleTimeWindow", T::Object, true},
              {"Target", T::Object, true},
              {"GroupName", T::String},
              {"ScheduleExpressionTimezone", T::String},
              {"StartDate", T::String},
              {"EndDate", T::String},
              {"State", T::String},
              {"ActionAfterCompletion", T::String}},
             {{"ScheduleArn", T::String}},
             errs,
             ""},
            {"UpdateSchedule",
             {{"Name", T::String, true},
              {"ScheduleExpression", T::String, true},
              {"FlexibleTimeWindow", T::Object, true},
              {"Target", T::Object, true},
              {"GroupName", T::String}},
             {{"ScheduleArn", T::String}},
             errs,
             ""},
            {"DeleteSchedule", {{"Name", T::String, true}, {"GroupName", T::String}}, {}, errs, ""},
            {"GetSchedule",
             {{"Name", T::String, true}, {"GroupName", T::String}},
             {{"Arn", T::String}, {"ScheduleExpression", T::String}, {"State", T::String}, {"Target", T::Object}},
             errs,
             ""}};
}

}  // namespace

ServiceKind scheduler_kind() {
    ServiceKind k;
    k.type = "scheduler";
    k.label = "EventBridge Scheduler";
    k.group = "messaging";
    k.role = ServiceRole::Source;  // it starts traffic: each invocation begins a trace
    k.description = "Schedule group: rate, cron (time zones) and one-time at() schedules invoking a target";
    k.ports = {
        PortSpec::to("out", "schedule targets",
                     {ServiceRole::Function, ServiceRole::Queue, ServiceRole::Topic, ServiceRole::StateMachine,
                      ServiceRole::Stream, ServiceRole::DeliveryStream, ServiceRole::EventBus},
                     "Scheduler's templated targets are Lambda, SQS, SNS, Step Functions, EventBridge, Kinesis and "
                     "Firehose; any node with the API action is a universal target"),
        PortSpec::to("dlq", "schedule dead-letter queues", {ServiceRole::Queue},
                     "a schedule's DLQ is a standard SQS queue")};
    k.ports[0].reach = PortReach::Operations;  // universal targets: any API action of any service
    k.operations = scheduler_operations();
    k.errors = {kSchedValidation, kSchedConflict, kSchedNotFound};
    k.create = create_scheduler;
    k.icon = "scheduler";
    k.shape = DiagramShape::Source;
    // https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-scheduler-schedule.html
    // Import maps both types here; sam_import_scheduler.cpp then wires each schedule's target and
    // DLQ and moves a schedule of a declared group into the group's node.
    k.cfn = {{"AWS::Scheduler::Schedule",
              {"Name", "GroupName", "Description", "ScheduleExpression", "ScheduleExpressionTimezone", "StartDate",
               "EndDate", "State", "FlexibleTimeWindow", "Target", "ActionAfterCompletion", "KmsKeyArn"}},
             {"AWS::Scheduler::ScheduleGroup", {"Name", "Tags"}, "ScheduleGroup", "Resource"}};
    k.cfn[0].complete = scheduler_cfn_complete;  // null in the page, which never exports (scheduler_cfn.cpp)
    k.cfn[1].complete = scheduler_cfn_complete;
    // The Fire dialog's event: a call that reads a schedule back (GetSchedule).
    k.sample = {{"operation", "GetSchedule"}, {"Name", "my-schedule"}};
    return k;
}

}  // namespace sim::svc
