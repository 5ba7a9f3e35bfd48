// ec2_group.cpp — an always-on group of instances (EC2) or tasks (Fargate) behind a load balancer.
// Modelled:     [x] per-unit capacity = vCPU slots; each request holds one slot for its CPU time
//                   (RequestCpuMs on one full vCPU; a 0.25-vCPU task takes 4× as long), then makes
//                   its downstream calls (Actions) without holding the CPU
//               [x] overload = queueing: a bounded backlog per unit (MaxBacklog) → 503 when full;
//                   a request that waited longer than the ALB idle timeout → 504
//               [x] round-robin load balancing over healthy in-service units (ALB default)
//               [x] always-on billing per second with a 60 s minimum, accrued every 10 s whether or
//                   not traffic arrives (idle cost shows in the time series); ALB hourly charge
//               [x] target tracking on average CPU (TargetCpuUtilization): scale out after 3
//                   one-minute datapoints above target, scale in after 15 below; new units serve
//                   after a launch delay and are left out of the metric during the warm-up
//               [x] AZ outages: units in a down AZ stop answering (502), the load balancer's health
//                   checks (interval × unhealthy threshold) take them out, the group replaces them
//                   in its other AZs; a single-AZ group answers 503 until the AZ is back and new
//                   units have launched
// Not modelled: [ ] burstable CPU credits (t3/t4g)  [ ] ALB LCU charges  [ ] memory pressure
//               [ ] cross-AZ data transfer  [ ] connection draining delay  [ ] AZ rebalancing
// AWS: https://docs.aws.amazon.com/autoscaling/ec2/userguide/as-scaling-target-tracking.html,
//      https://docs.aws.amazon.com/elasticloadbalancing/latest/application/target-group-health-checks.html
#include "services/ec2/ec2_group.h"

#include "core/http_errors.h"
#include "core/timer_tag.h"
#include "pattern/config_reader.h"
#include "pattern/pattern.h"
#include "prices/price_table.h"

#include <algorithm>
#include <cmath>
#include <deque>
#include <unordered_map>

namespace sim::svc {
namespace {

constexpr SimTime kTick = sec(10);
constexpr std::int64_t kTicksPerMinute = 6;
enum Tag : std::uint64_t { kTickTag = 1, kServiceDone, kLaunched };

enum class UnitState { Launching, InService, Draining, Terminated };

struct Unit {
    std::uint32_t id = 0;
    std::size_t az = 0;  // index into GroupConfig::azs
    UnitState state = UnitState::Launching;
    SimTime launched, in_service_at, billed_to;
    bool warmed = false;     // past the warm-up: its CPU counts in the scaling metric
    bool unhealthy = false;  // the load balancer stopped routing to it
    std::int64_t failed_checks = 0;
    std::int64_t busy = 0;            // occupied vCPU slots
    std::int64_t window_busy_us = 0;  // slot time used since the last scaling evaluation
    std::deque<std::uint64_t> backlog;
};

struct Request {
    Message msg;
    CallerRef caller;
    SimTime arrived;
    std::uint32_t unit = 0;
    std::size_t next_action = 0;
};

class InstanceGroup final : public Service {
public:
    explicit InstanceGroup(GroupConfig c) : c_(std::move(c)) {
        slots_ = std::max<std::int64_t>(1, static_cast<std::int64_t>(std::floor(c_.vcpus)));
        speed_ = c_.vcpus / static_cast<double>(slots_);
        health_ticks_ = std::max<std::int64_t>(1, (c_.health_interval.us + kTick.us - 1) / kTick.us);
        desired_ = c_.desired;
    }

    void on_start(Context& ctx) override {
        // The group exists before t = 0: its initial units are in service and warmed up.
        for (std::int64_t i = 0; i < desired_; ++i) {
            Unit& u = add_unit(ctx, pick_az(ctx));
            u.state = UnitState::InService;
            u.warmed = true;
        }
        launches_ = 0;  // the initial units were there before the run
        peak_units_ = desired_;
        ctx.start_timer(kTick, timer_tag(kTickTag, 0));
    }

    void on_message(Context& ctx, const Inbound& in) override {
        const SimTime now = ctx.now();
        ctx.metrics().count(Counter::Invocations, now);
        const std::uint64_t id = next_request_++;
        Request& r = requests_.emplace(id, Request{in.msg, in.caller, now, 0, 0}).first->second;
        Unit* u = route();
        if (!u) {
            ++rejected_;
            respond(ctx, id, &kHttpServiceUnavailable, "no healthy " + c_.noun + " to route to", Outcome::Error);
            return;
        }
        r.unit = u->id;
        if (ctx.account().azs.down(c_.azs[u->az], now)) {
            ++az_failures_;
            respond(ctx, id, &kHttpBadGateway,
                    c_.noun + " " + unit_name(*u) + " in " + c_.azs[u->az] + " is unreachable (AZ outage)",
                    Outcome::Error);
            return;
        }
        if (u->busy < slots_) {
            start(ctx, *u, id);
        } else if (static_cast<std::int64_t>(u->backlog.size()) < c_.max_backlog) {
            u->backlog.push_back(id);
            ++backlog_total_;
            ctx.metrics().set_queue_depth(backlog_total_, now);
        } else {
            ++rejected_;
            ctx.metrics().count(Counter::Throttles, now);
            respond(ctx, id, &kHttpServiceUnavailable,
                    c_.noun + " " + unit_name(*u) + " is overloaded: " + std::to_string(c_.max_backlog) +
                        " requests already waiting (MaxBacklog)",
                    Outcome::Throttled);
        }
    }

    void on_timer(Context& ctx, std::uint64_t t) override {
        const auto kind = timer_kind<Tag>(t);
        const std::uint64_t id = timer_value(t);
        if (kind == kTickTag)
            tick(ctx);
        else if (kind == kLaunched)
            launched(ctx, units_[id]);
        else if (kind == kServiceDone)
            service_done(ctx, id);
    }

    void on_reply(Context& ctx, std::uint64_t call, const Reply& r) override {
        auto owner = pending_calls_.find(call);
        if (owner == pending_calls_.end()) return;
        const std::uint64_t id = owner->second;
        pending_calls_.erase(owner);
        if (!r.ok()) {
            respond(ctx, id, &kHttpInternalServerError,
                    "downstream call failed: " + r.error + (r.detail.empty() ? "" : ": " + r.detail), Outcome::Error);
            return;
        }
        next_action(ctx, id);
    }

    void report(Json& out) const override {
        out[c_.noun + "s_in_service"] = count(UnitState::InService);
        out["peak_" + c_.noun + "s"] = peak_units_;
        out["desired_capacity"] = desired_;
        out["launches"] = launches_;
        out["terminations"] = terminations_;
        out[c_.noun + "_hours"] = std::round(unit_us_ / 3.6e9 * 1e6) / 1e6;
        out["compute_cost_usd"] = std::round(compute_cost_ * 1e9) / 1e9;
        out["load_balancer_cost_usd"] = std::round(lb_cost_ * 1e9) / 1e9;
        out["rejected_503"] = rejected_;
        out["timed_out_504"] = timed_out_;
        out["az_failures_502"] = az_failures_;
        out["cpu_utilization_pct"] = std::round(last_util_ * 10) / 10;
    }

    Json inspect() const override {
        Json list = Json::array();
        for (const Unit& u : units_) {
            if (u.state == UnitState::Terminated) continue;
            static const char* names[] = {"launching", "in service", "draining", "terminated"};
            list.push_back({{"id", unit_name(u)},
                            {"az", c_.azs[u.az]},
                            {"state", names[static_cast<int>(u.state)]},
                            {"busy_vcpus", u.busy},
                            {"backlog", u.backlog.size()},
                            {"healthy", !u.unhealthy}});
        }
        return {{c_.noun + "s", list}, {"desired_capacity", desired_}, {"cpu_utilization_pct", last_util_}};
    }

private:
    std::string unit_name(const Unit& u) const {
        return (c_.noun == "task" ? "task-" : "i-") + std::to_string(u.id + 1);
    }

    std::int64_t count(UnitState s) const {
        std::int64_t n = 0;
        for (const Unit& u : units_) n += u.state == s;
        return n;
    }

    // Units that count toward the desired capacity: launching or serving, not being replaced.
    std::int64_t active() const {
        std::int64_t n = 0;
        for (const Unit& u : units_)
            n += (u.state == UnitState::Launching || u.state == UnitState::InService) && !u.unhealthy;
        return n;
    }

    // ---- Requests ----------------------------------------------------------------------------
    Unit* route() {
        for (std::size_t k = 0; k < units_.size(); ++k) {
            Unit& u = units_[(rr_ + k) % units_.size()];
            if (u.state != UnitState::InService || u.unhealthy) continue;
            rr_ = (rr_ + k + 1) % units_.size();
            return &u;
        }
        return nullptr;
    }

    void start(Context& ctx, Unit& u, std::uint64_t id) {
        ++u.busy;
        ++busy_total_;
        ctx.metrics().set_concurrency(busy_total_, ctx.now());
        const SimTime d = from_ms(c_.request_cpu.sample_ms(ctx.rng()) / speed_);
        u.window_busy_us += d.us;
        ctx.start_timer(d, timer_tag(kServiceDone, id));
    }

    void service_done(Context& ctx, std::uint64_t id) {
        auto it = requests_.find(id);
        if (it == requests_.end()) return;
        Unit& u = units_[it->second.unit];
        --u.busy;
        --busy_total_;
        ctx.metrics().set_concurrency(busy_total_, ctx.now());
        if (u.state == UnitState::Terminated || ctx.account().azs.down(c_.azs[u.az], ctx.now())) {
            ++az_failures_;
            respond(ctx, id, &kHttpBadGateway,
                    c_.noun + " " + unit_name(u) + " in " + c_.azs[u.az] + " stopped responding", Outcome::Error);
            return;
        }
        take_backlog(ctx, u);
        if (u.state == UnitState::Draining && u.busy == 0 && u.backlog.empty()) terminate(ctx, u, "scaled in");
        if (c_.error_rate > 0 && ctx.rng().chance(c_.error_rate)) {
            respond(ctx, id, &kHttpInternalServerError, "application error (ErrorRate)", Outcome::Error);
            return;
        }
        next_action(ctx, id);
    }

    void take_backlog(Context& ctx, Unit& u) {
        while (u.busy < slots_ && !u.backlog.empty()) {
            const std::uint64_t next = u.backlog.front();
            u.backlog.pop_front();
            --backlog_total_;
            ctx.metrics().set_queue_depth(backlog_total_, ctx.now());
            Request& r = requests_.at(next);
            if (ctx.now() - r.arrived > c_.request_timeout) {
                ++timed_out_;
                ctx.metrics().count(Counter::Timeouts, ctx.now());
                respond(ctx, next, &kHttpGatewayTimeout,
                        "waited longer than the load balancer idle timeout in " + unit_name(u) + "'s backlog",
                        Outcome::TimedOut);
                continue;
            }
            start(ctx, u, next);
        }
    }

    void next_action(Context& ctx, std::uint64_t id) {
        Request& r = requests_.at(id);
        if (r.next_action >= c_.actions.size()) {
            respond(ctx, id, nullptr, "", Outcome::Ok);
            return;
        }
        const LambdaAction& a = c_.actions[r.next_action++];
        static const Json kNull;
        Message m = ctx.derive(r.msg, "sdk.call");
        m.size_bytes = r.msg.size_bytes;
        m.body = std::make_shared<const Json>(lambda_request(a, r.msg.body ? *r.msg.body : kNull));
        pending_calls_[ctx.call(*a.link, std::move(m))] = id;
    }

    // Answers a request: 200 with its body, or the load balancer's `error` (core/http_errors.h).
    void respond(Context& ctx, std::uint64_t id, const ErrorSpec* error, const std::string& detail, Outcome outcome) {
        auto it = requests_.find(id);
        Request& r = it->second;
        const SimTime now = ctx.now();
        const int status = error ? error->status : 200;
        ctx.metrics().observe_latency(now - r.arrived, now);
        if (status >= 500) ctx.metrics().count(Counter::Errors, now);
        if (ctx.tracing(r.msg))
            ctx.span(r.msg, "request", r.arrived, outcome,
                     std::to_string(status) + (detail.empty() ? "" : " " + detail));
        Reply rep;
        if (error)
            rep = Reply::failure(*error, detail);
        else
            rep.body = r.msg.body;
        if (r.caller.valid())
            ctx.reply(r.caller, std::move(rep), c_.lb_latency.sample(ctx.rng()));
        else if (status != 200)
            ctx.drop(r.msg, DropReason::Refused, std::to_string(status) + " " + detail);
        requests_.erase(it);
    }

    // ---- Units ---------------------------------------------------------------------------------
    // The configured AZ that is up and has the fewest active units (ASG keeps AZs balanced).
    std::size_t pick_az(Context& ctx) {
        std::size_t best = SIZE_MAX;
        std::int64_t best_n = 0;
        for (std::size_t a = 0; a < c_.azs.size(); ++a) {
            if (ctx.account().azs.down(c_.azs[a], ctx.now())) continue;
            std::int64_t n = 0;
            for (const Unit& u : units_) n += u.az == a && u.state != UnitState::Terminated && !u.unhealthy;
            if (best == SIZE_MAX || n < best_n) {
                best = a;
                best_n = n;
            }
        }
        return best;
    }

    Unit& add_unit(Context& ctx, std::size_t az) {
        Unit u;
        u.id = static_cast<std::uint32_t>(units_.size());
        u.az = az == SIZE_MAX ? 0 : az;
        u.launched = u.billed_to = u.in_service_at = ctx.now();
        ++launches_;
        units_.push_back(std::move(u));
        ++billed_units_;
        update_hourly_cost(ctx);
        return units_.back();
    }

    bool launch(Context& ctx) {
        const std::size_t az = pick_az(ctx);
        if (az == SIZE_MAX) {
            if (!launch_blocked_)
                ctx.note(nullptr, Outcome::Error,
                         "cannot launch a new " + c_.noun + ": every configured Availability Zone is down");
            launch_blocked_ = true;
            return false;
        }
        launch_blocked_ = false;
        Unit& u = add_unit(ctx, az);
        ctx.start_timer(c_.launch_delay.sample(ctx.rng()), timer_tag(kLaunched, u.id));
        return true;
    }

    void launched(Context& ctx, Unit& u) {
        if (u.state != UnitState::Launching) return;
        if (ctx.account().azs.down(c_.azs[u.az], ctx.now())) {
            terminate(ctx, u, "launch failed: " + c_.azs[u.az] + " is down");
            return;
        }
        u.state = UnitState::InService;
        u.in_service_at = ctx.now();
        ctx.note(nullptr, Outcome::Ok,
                 c_.noun + " " + unit_name(u) + " in " + c_.azs[u.az] + " in service after " +
                     std::to_string((ctx.now() - u.launched).us / 1000000) + " s");
    }

    void terminate(Context& ctx, Unit& u, const std::string& why) {
        accrue(ctx, u);
        // Per-second billing with a 60 s minimum (EC2 Linux, Fargate).
        const SimTime lived = ctx.now() - u.launched;
        if (lived < c_.min_billed) {
            bill(c_.min_billed - lived);
            ctx.metrics().add_cost((c_.min_billed - lived).hours() * unit_hourly(), ctx.now());
        }
        u.state = UnitState::Terminated;
        --billed_units_;
        update_hourly_cost(ctx);
        ++terminations_;
        while (!u.backlog.empty()) {
            const std::uint64_t id = u.backlog.front();
            u.backlog.pop_front();
            --backlog_total_;
            ++az_failures_;
            respond(ctx, id, &kHttpBadGateway, c_.noun + " " + unit_name(u) + " was terminated (" + why + ")",
                    Outcome::Error);
        }
        ctx.metrics().set_queue_depth(backlog_total_, ctx.now());
        ctx.note(nullptr, Outcome::Error, c_.noun + " " + unit_name(u) + " in " + c_.azs[u.az] + " terminated: " + why);
    }

    // ---- Billing -------------------------------------------------------------------------------
    // Units (per second while launched, 60 s minimum) and the load balancer accrue continuously:
    // the node's hourly charge is set whenever the number of units changes. bill()/accrue() only
    // keep the report's breakdown (unit-hours, compute and load-balancer cost), up to the last tick.
    double unit_hourly() const { return c_.unit_hourly_usd + c_.extra_hourly_usd; }
    void update_hourly_cost(Context& ctx) {
        ctx.metrics().set_hourly_cost(static_cast<double>(billed_units_) * unit_hourly() + c_.lb_hourly_usd, ctx.now());
    }

    void bill(SimTime d) {
        compute_cost_ += d.hours() * unit_hourly();
        unit_us_ += static_cast<double>(d.us);
    }

    void accrue(Context& ctx, Unit& u) {
        if (u.state == UnitState::Terminated) return;
        bill(ctx.now() - u.billed_to);
        u.billed_to = ctx.now();
    }

    // ---- Periodic work: billing, health checks, scaling, replacement -------------------------------
    void tick(Context& ctx) {
        const SimTime now = ctx.now();
        for (Unit& u : units_) accrue(ctx, u);
        if (c_.lb_hourly_usd > 0) {
            lb_cost_ += (now - lb_billed_to_).hours() * c_.lb_hourly_usd;
            lb_billed_to_ = now;
        }
        update_hourly_cost(ctx);  // folds the charge so far into the cost timeline
        ++ticks_;
        if (ticks_ % health_ticks_ == 0) health_checks(ctx);
        for (Unit& u : units_)
            if (u.state == UnitState::InService && !u.warmed && now - u.in_service_at >= c_.warmup) u.warmed = true;
        if (c_.autoscale && ticks_ % kTicksPerMinute == 0) evaluate_scaling(ctx);
        for (std::int64_t n = active(); n < desired_; ++n)
            if (!launch(ctx)) break;
        peak_units_ = std::max(peak_units_, active());
        ctx.start_timer(kTick, timer_tag(kTickTag, 0));
    }

    void health_checks(Context& ctx) {
        for (Unit& u : units_) {
            if (u.state != UnitState::InService || u.unhealthy) continue;
            if (!ctx.account().azs.down(c_.azs[u.az], ctx.now())) {
                u.failed_checks = 0;
                continue;
            }
            if (++u.failed_checks < c_.unhealthy_threshold) continue;
            u.unhealthy = true;
            terminate(ctx, u,
                      "failed " + std::to_string(u.failed_checks) + " health checks (" + c_.azs[u.az] +
                          " is down); replacing it");
        }
    }

    void evaluate_scaling(Context& ctx) {
        std::int64_t n = 0, busy_us = 0;
        for (Unit& u : units_) {
            if (u.state == UnitState::InService && !u.unhealthy && u.warmed) {
                ++n;
                busy_us += u.window_busy_us;
            }
            u.window_busy_us = 0;
        }
        if (n == 0) return;
        const double capacity_us = static_cast<double>(n * slots_) * static_cast<double>(minutes(1).us);
        const double util = std::min(100.0, 100.0 * static_cast<double>(busy_us) / capacity_us);
        last_util_ = util;
        // Target tracking keeps the metric at the target: capacity ∝ load. Units still warming up
        // count as capacity (so the policy does not add more for the same load) but not in the metric.
        const auto needed = static_cast<std::int64_t>(std::ceil(static_cast<double>(n) * util / c_.target_cpu - 1e-9));
        if (util > c_.target_cpu) {
            low_points_ = 0;
            if (++high_points_ >= c_.scale_out_points && needed > active()) {
                const std::int64_t to = std::min(c_.max_size, needed);
                if (to > desired_) {
                    ctx.note(nullptr, Outcome::Ok,
                             "scaling out " + std::to_string(desired_) + " → " + std::to_string(to) + " " + c_.noun +
                                 "s (average CPU " + std::to_string(static_cast<int>(util)) + "% > target)");
                    desired_ = to;
                }
                high_points_ = 0;
            }
        } else if (util < c_.target_cpu * 0.9) {
            high_points_ = 0;
            if (++low_points_ >= c_.scale_in_points) {
                low_points_ = 0;
                const std::int64_t to = std::max({c_.min_size, needed, std::int64_t{1}});
                if (to < desired_) scale_in(ctx, to, util);
            }
        } else {
            high_points_ = low_points_ = 0;
        }
    }

    void scale_in(Context& ctx, std::int64_t to, double util) {
        ctx.note(nullptr, Outcome::Ok,
                 "scaling in " + std::to_string(desired_) + " → " + std::to_string(to) + " " + c_.noun +
                     "s (average CPU " + std::to_string(static_cast<int>(util)) + "% < target)");
        desired_ = to;
        for (auto it = units_.rbegin(); it != units_.rend() && active() > desired_; ++it) {
            if ((it->state != UnitState::InService && it->state != UnitState::Launching) || it->unhealthy) continue;
            if (it->state == UnitState::Launching || (it->busy == 0 && it->backlog.empty())) {
                terminate(ctx, *it, "scaled in");
            } else {
                it->state = UnitState::Draining;
            }
        }
    }

    GroupConfig c_;
    std::int64_t slots_ = 1;
    double speed_ = 1;
    std::int64_t health_ticks_ = 3;
    std::int64_t desired_ = 1;
    std::vector<Unit> units_;
    std::size_t rr_ = 0;
    std::unordered_map<std::uint64_t, Request> requests_;
    std::unordered_map<std::uint64_t, std::uint64_t> pending_calls_;  // call id → request id
    std::uint64_t next_request_ = 1;
    std::int64_t busy_total_ = 0, backlog_total_ = 0;
    std::int64_t ticks_ = 0, high_points_ = 0, low_points_ = 0;
    std::int64_t peak_units_ = 0;
    std::uint64_t launches_ = 0, terminations_ = 0, rejected_ = 0, timed_out_ = 0, az_failures_ = 0;
    double compute_cost_ = 0, lb_cost_ = 0, unit_us_ = 0, last_util_ = 0;
    std::int64_t billed_units_ = 0;  // launched and not yet terminated
    SimTime lb_billed_to_;
    bool launch_blocked_ = false;
};

}  // namespace

std::unique_ptr<Service> make_instance_group(GroupConfig c) {
    return std::make_unique<InstanceGroup>(std::move(c));
}

void read_group_config(BuildContext& ctx, GroupConfig& c, const char* desired_key, const char* min_key,
                       const char* max_key, std::vector<std::string> default_azs) {
    ConfigReader& r = ctx.config;
    // Sizes: MinSize <= DesiredCapacity <= MaxSize (the simulator caps groups at 1,000 units).
    c.min_size = r.integer(min_key, 1, 0, 1000, "");
    c.desired = r.integer(desired_key, c.min_size, 0, 1000, "");
    c.max_size = r.integer(max_key, std::max(c.desired, c.min_size), 0, 1000, "");
    if (c.max_size < c.min_size)
        r.error(max_key, std::string(max_key) + " must be at least " + min_key + " (" + std::to_string(c.min_size) +
                             "), got " + std::to_string(c.max_size));
    else if (c.desired < c.min_size || c.desired > c.max_size)
        r.error(desired_key, std::string(desired_key) + " must be between " + min_key + " (" +
                                 std::to_string(c.min_size) + ") and " + max_key + " (" + std::to_string(c.max_size) +
                                 "), got " + std::to_string(c.desired));
    c.azs = std::move(default_azs);
    if (const Json* azs = r.raw("AvailabilityZones")) {
        if (!azs->is_array() || azs->empty()) {
            r.error("AvailabilityZones",
                    "AvailabilityZones must be a non-empty array of AZ IDs such as [\"use1-az1\", \"use1-az2\"], got " +
                        azs->dump());
        } else {
            c.azs.clear();
            for (std::size_t i = 0; i < azs->size(); ++i) {
                const Json& a = (*azs)[i];
                const std::string key = "AvailabilityZones/" + std::to_string(i);
                if (!a.is_string() || !valid_az_id(a.get<std::string>())) {
                    r.error(key,
                            "AvailabilityZones entries must be us-east-1 AZ IDs use1-az1..use1-az6, got " + a.dump());
                } else if (std::find(c.azs.begin(), c.azs.end(), a.get<std::string>()) != c.azs.end()) {
                    r.error(key, "AvailabilityZones lists " + a.dump() + " twice");
                } else {
                    c.azs.push_back(a.get<std::string>());
                }
            }
            if (c.azs.empty()) c.azs = {"use1-az1"};
        }
    }
    c.request_cpu = r.distribution("RequestCpuMs", c.request_cpu);
    c.lb_latency = r.distribution("LatencyMs", c.lb_latency);
    c.max_backlog = r.integer("MaxBacklog", 100, 0, 100000, "requests");
    c.request_timeout = sec(r.integer("IdleTimeoutSeconds", 60, 1, 4000, "s"));  // ALB idle_timeout.timeout_seconds
    c.error_rate = r.number("ErrorRate", 0, 0, 1, "");
    if (r.has("TargetCpuUtilization")) {
        c.autoscale = true;
        c.target_cpu = r.number("TargetCpuUtilization", 50, 1, 100, "%");
    }
    c.warmup = sec(r.integer("InstanceWarmupSeconds", c.warmup.us / 1000000, 0, 3600, "s"));
    c.health_interval = sec(r.integer("HealthCheckIntervalSeconds", 30, 5, 300, "s"));
    c.unhealthy_threshold = r.integer("UnhealthyThresholdCount", 2, 2, 10, "");
    const std::string lb = r.choice("LoadBalancer", "alb", {"alb", "none"});
    c.lb_hourly_usd =
        lb == "alb" ? price_table::kAlbHour : 0;  // ALB per hour, us-east-1 (unverified; LCUs not modelled)
    if (r.boolean("AssociatePublicIpAddress", false))
        c.extra_hourly_usd = price_table::kPublicIpv4Hour;  // public IPv4, since Feb 2024
    c.actions = read_lambda_actions(ctx);
    for (const Link& l : ctx.links) {
        if (l.port != "out") continue;
        const bool used =
            std::any_of(c.actions.begin(), c.actions.end(), [&](const LambdaAction& a) { return a.link == &l; });
        if (!used)
            ctx.diagnostics.warning(
                ctx.path, "'" + ctx.spec.id + "' is wired to '" + l.target_id + "' but no action uses it",
                "add an entry to Actions, e.g. {\"target\": \"" + l.target_id + "\", \"operation\": \"PutItem\"}");
    }
}

}  // namespace sim::svc
