// aurora.cpp — an Aurora Serverless v2 cluster answering queries (ExecuteStatement from Lambda
// actions): capacity in ACUs that follows the load, auto-pause at 0 ACU, connections, cost.
// Modelled:     [x] ServerlessV2ScalingConfiguration MinCapacity (0 with auto-pause, else ≥0.5) ..
//                   MaxCapacity (≤256) in 0.5-ACU steps; scaling up within seconds (≥50% or 0.5 ACU
//                   per second), down by 0.5 ACU every 15 s (unverified rates)
//               [x] SecondsUntilAutoPause (300..86,400 s) idle → paused (0 ACU, storage only); the
//                   first query resumes it in ~15 s (ResumeSeconds) while queries wait
//               [x] connections: at most MaxConnections queries at once (default ~225 per max ACU,
//                   capped at 5,000; unverified) → "too many connections"
//               [x] query latency QueryLatencyMs, slower when the load exceeds the current capacity
//               [x] $0.12 per ACU-hour (Aurora Standard), accrued continuously at the current capacity
// Not modelled: [ ] storage and I/O charges  [ ] readers / failover  [ ] SQL semantics
// AWS: https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/aurora-serverless-v2.how-it-works.html
#include "services/aurora/aurora.h"
#include "services/aurora/aurora_contract.h"

#include "core/timer_tag.h"
#include "pattern/config_reader.h"
#include "pattern/pattern.h"
#include "prices/price_table.h"

#include <algorithm>
#include <cmath>
#include <deque>

namespace sim::svc {
namespace {

enum Tag : std::uint64_t { kTick = 1, kResumed = 2, kQueryDone = 3 };

struct Config {
    std::string cluster;
    double min_acu = 0.5, max_acu = 16;
    SimTime auto_pause = sec(300);
    SimTime resume = sec(15);
    std::int64_t max_connections = 0;
    Distribution latency = Distribution::lognormal(3, 20);
    double acu_seconds_per_query = 0.004;  // work per query, ACU-seconds (sizing knob)
};

struct Query {
    Message msg;
    CallerRef caller;
    SimTime arrived;
};

class Cluster final : public Service {
public:
    explicit Cluster(Config c) : c_(std::move(c)), acu_(c_.min_acu) { paused_ = c_.min_acu == 0; }

    void on_start(Context& ctx) override {
        bill_capacity(ctx);
        if (!paused_) ctx.start_timer(sec(1), timer_tag(kTick));
    }

    void on_message(Context& ctx, const Inbound& in) override {
        const SimTime now = ctx.now();
        ctx.metrics().count(Counter::Invocations, now);
        last_query_ = now;
        ++window_queries_;
        if (paused_ || resuming_) {
            waiting_.push_back({in.msg, in.caller, now});
            ctx.metrics().set_queue_depth(static_cast<std::int64_t>(waiting_.size()), now);
            if (!resuming_) {
                resuming_ = true;
                ++resumes_;
                ctx.note(&in.msg, Outcome::Ok,
                         "cluster resuming from auto-pause (~" + std::to_string(c_.resume.us / 1000000) + " s)");
                ctx.start_timer(c_.resume, timer_tag(kResumed));
            }
            return;
        }
        run(ctx, Query{in.msg, in.caller, now});
    }

    void on_timer(Context& ctx, std::uint64_t tag) override {
        const SimTime now = ctx.now();
        if (timer_kind<Tag>(tag) == kResumed) {
            accrue(ctx);
            resuming_ = false;
            paused_ = false;
            acu_ = std::max(0.5, c_.min_acu);
            bill_capacity(ctx);
            ctx.start_timer(sec(1), timer_tag(kTick));
            while (!waiting_.empty()) {
                Query q = std::move(waiting_.front());
                waiting_.pop_front();
                run(ctx, std::move(q));
            }
            ctx.metrics().set_queue_depth(0, now);
            return;
        }
        if (timer_kind<Tag>(tag) == kQueryDone) {
            --in_flight_;
            ctx.metrics().set_concurrency(in_flight_, now);
            return;
        }
        // Control tick (1 s): follow the load, pause when idle.
        accrue(ctx);
        load_ = 0.7 * load_ + 0.3 * static_cast<double>(window_queries_) * c_.acu_seconds_per_query;
        window_queries_ = 0;
        const double target = std::clamp(std::ceil(load_ * 1.5 * 2) / 2, std::max(0.5, c_.min_acu), c_.max_acu);
        if (target > acu_)
            acu_ = std::min(target, acu_ + std::max(0.5, std::floor(acu_) / 2 * 1.0));
        else if (target < acu_ && now - last_scale_down_ >= sec(15)) {
            acu_ = std::max(target, acu_ - 0.5);
            last_scale_down_ = now;
        }
        peak_acu_ = std::max(peak_acu_, acu_);
        if (c_.min_acu == 0 && in_flight_ == 0 && now - last_query_ >= c_.auto_pause) {
            paused_ = true;
            ++pauses_;
            acu_ = 0;
            bill_capacity(ctx);
            ctx.note(
                nullptr, Outcome::Ok,
                "cluster auto-paused after " + std::to_string(c_.auto_pause.us / 1000000) + " s without connections");
            return;  // no ticks while paused
        }
        bill_capacity(ctx);
        ctx.start_timer(sec(1), timer_tag(kTick));
    }

    void report(Json& out) const override {
        out["acu"] = acu_;
        out["peak_acu"] = peak_acu_;
        out["acu_hours"] = std::round(acu_seconds_ / 3600 * 1e6) / 1e6;
        out["pauses"] = pauses_;
        out["resumes"] = resumes_;
        out["connection_refusals"] = refused_;
        out["paused"] = paused_;
    }

    Json inspect() const override {
        return {{"cluster", c_.cluster},
                {"acu", acu_},
                {"min_acu", c_.min_acu},
                {"max_acu", c_.max_acu},
                {"paused", paused_},
                {"resuming", resuming_},
                {"connections_in_use", in_flight_},
                {"max_connections", c_.max_connections},
                {"waiting_for_resume", waiting_.size()}};
    }

private:
    void run(Context& ctx, Query q) {
        const SimTime now = ctx.now();
        if (in_flight_ >= c_.max_connections) {
            ++refused_;
            ctx.metrics().count(Counter::Throttles, now);
            Reply r = Reply::failure(kAuroraDatabaseError,
                                     "FATAL: too many connections (max " + std::to_string(c_.max_connections) + ")");
            if (ctx.tracing(q.msg)) ctx.span(q.msg, "ExecuteStatement", q.arrived, Outcome::Throttled, r.detail);
            if (q.caller.valid())
                ctx.reply(q.caller, std::move(r));
            else
                ctx.drop(q.msg, DropReason::Refused, r.detail);
            return;
        }
        // Queries slow down when the load exceeds what the current capacity serves.
        const double pressure = acu_ > 0 ? std::max(1.0, load_ / acu_) : 1.0;
        const SimTime service = from_ms(c_.latency.sample_ms(ctx.rng()) * pressure);
        ++in_flight_;
        ctx.metrics().set_concurrency(in_flight_, now);
        ctx.start_timer(service, timer_tag(kQueryDone, ++query_seq_));
        const SimTime total = now + service - q.arrived;
        ctx.metrics().observe_latency(total, now);
        if (ctx.tracing(q.msg))
            ctx.span(q.msg, "ExecuteStatement", q.arrived, Outcome::Ok, now > q.arrived ? "waited for resume" : "");
        Reply r;
        r.body = std::make_shared<const Json>(Json{{"numberOfRecordsUpdated", 0}, {"records", Json::array()}});
        if (q.caller.valid()) ctx.reply(q.caller, std::move(r), service);
    }

    // ACU-seconds used so far (for the report), before the capacity changes.
    void accrue(Context& ctx) {
        const double secs = (ctx.now() - accrued_at_).seconds();
        accrued_at_ = ctx.now();
        acu_seconds_ += acu_ * secs;
    }
    // The current capacity is billed per ACU-hour, pro rata, from now on.
    void bill_capacity(Context& ctx) { ctx.metrics().set_hourly_cost(acu_ * price_table::kAuroraAcuHour, ctx.now()); }

    Config c_;
    double acu_ = 0.5, peak_acu_ = 0, load_ = 0, acu_seconds_ = 0;
    bool paused_ = false, resuming_ = false;
    std::deque<Query> waiting_;
    std::int64_t in_flight_ = 0;
    std::uint64_t window_queries_ = 0, pauses_ = 0, resumes_ = 0, refused_ = 0, query_seq_ = 0;
    SimTime last_query_, last_scale_down_, accrued_at_;
};

bool half_step(double v) {
    return std::fabs(v * 2 - std::round(v * 2)) < 1e-9;
}

std::unique_ptr<Service> create_cluster(BuildContext& ctx) {
    ConfigReader& r = ctx.config;
    Config c;
    c.cluster = r.text("DBClusterIdentifier", ctx.spec.id);
    r.choice("Engine", "aurora-postgresql", {"aurora-postgresql", "aurora-mysql"});
    if (const Json* sc = r.raw("ServerlessV2ScalingConfiguration")) {
        ConfigReader sr(*sc, r.path_of("ServerlessV2ScalingConfiguration"), ctx.diagnostics);
        c.min_acu = sr.number("MinCapacity", 0.5, 0, 256, "ACU");
        c.max_acu = sr.number("MaxCapacity", 16, 0.5, 256, "ACU");
        for (const char* k : {"MinCapacity", "MaxCapacity"}) {
            const double v = std::string(k) == "MinCapacity" ? c.min_acu : c.max_acu;
            if (!half_step(v)) sr.error(k, std::string(k) + " must be a multiple of 0.5 ACU, got " + Json(v).dump());
        }
        if (c.max_acu < c.min_acu)
            sr.error("MaxCapacity", "MaxCapacity must be at least MinCapacity (" + Json(c.min_acu).dump() + "), got " +
                                        Json(c.max_acu).dump());
        c.auto_pause = sec(sr.integer("SecondsUntilAutoPause", 300, 300, 86400, "s"));
        sr.finish();
    } else {
        r.error("ServerlessV2ScalingConfiguration",
                "an Aurora Serverless v2 cluster needs ServerlessV2ScalingConfiguration {\"MinCapacity\", "
                "\"MaxCapacity\"}");
    }
    c.resume = sec(r.integer("ResumeSeconds", 15, 1, 120, "s"));
    const std::int64_t dflt =
        std::min<std::int64_t>(5000, std::max<std::int64_t>(20, static_cast<std::int64_t>(c.max_acu * 225)));
    c.max_connections = r.integer("MaxConnections", dflt, 1, 16000, "");
    c.latency = r.distribution("QueryLatencyMs", c.latency);
    c.acu_seconds_per_query = r.number("AcuSecondsPerQuery", 0.004, 0.00001, 100, "ACU-s");
    r.raw("DatabaseName");
    r.raw("MasterUsername");
    return std::make_unique<Cluster>(std::move(c));
}

}  // namespace

ServiceKind aurora_kind() {
    ServiceKind k;
    k.type = "aurora";
    k.role = ServiceRole::Database;
    k.label = "Aurora Serverless v2";
    k.group = "data";
    k.description = "Relational database whose capacity (ACUs) follows the load, down to 0 with auto-pause";
    k.operations = aurora_operations();
    k.errors = aurora_errors();
    k.create = create_cluster;
    k.icon = "aurora";
    k.shape = DiagramShape::Store;
    // https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-rds-dbcluster.html
    k.cfn = {{"AWS::RDS::DBCluster",
              {"DBClusterIdentifier", "DatabaseName", "Engine", "EngineVersion", "MasterUsername",
               "ServerlessV2ScalingConfiguration", "Tags"}}};
    k.sample = {{"id", "event-1"}};
    // A Serverless v2 cluster serves through a db.serverless instance.
    k.cfn[0].complete = aurora_cfn_complete;  // null in the page, which never exports (aurora_cfn.cpp)
    k.cfn[0].call_policy = {"AWSSecretsManagerGetSecretValuePolicy", "SecretArn", "MasterUserSecret.SecretArn"};
    return k;
}

}  // namespace sim::svc
