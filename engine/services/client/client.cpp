// client.cpp — a traffic source. Arrivals follow each traffic entry's rate profile:
// "poisson" arrivals by thinning a Poisson process at the profile's peak rate (exact for any
// rate curve), or "uniform" arrivals at 1/rate spacing. Each arrival is a synchronous call; the
// reply's time minus the request's origin is the end-to-end latency of that traffic source.
// Modelled:     [x] rate profiles  [x] payload templates  [x] end-to-end latency and status per source
// Not modelled: [ ] client-side retries  [ ] network latency between the client and AWS
#include "services/client/client.h"

#include "core/id_map.h"
#include "pattern/config_reader.h"
#include "pattern/pattern.h"
#include "traffic/payload_template.h"
#include "traffic/rate_profile.h"

#include <algorithm>
#include <map>
#include <memory>
#include <vector>

namespace sim::svc {
namespace {

struct Source {
    std::uint32_t index = 0;  // traffic entry index (for per-source metrics)
    const Link* link = nullptr;
    RateProfile profile;
    PayloadTemplate payload;
    Json request;  // {"method", "path"} for HTTP-style targets
    bool poisson = true;
    bool aws_service = false;  // an AWS service's own events: sent, no answer awaited
    SimTime start, end;        // absolute
    std::uint64_t seq = 0;
    double gap_carry_us = 0;          // uniform arrivals: the fraction of a µs the last gap left out
    JsonPtr last_payload, last_body;  // the last payload and the request body built from it
    std::int64_t last_size = 0;
};

class Client final : public Service {
public:
    explicit Client(std::vector<Source> sources) : sources_(std::move(sources)) {}

    void on_start(Context& ctx) override {
        // Uniform sources send their first request at the start instant; Poisson ones one random gap later.
        for (std::size_t i = 0; i < sources_.size(); ++i) {
            if (!sources_[i].poisson && sources_[i].profile.rate_at({}) > 0)
                ctx.start_timer(sources_[i].start, i);
            else
                schedule_next(ctx, i, sources_[i].start);
        }
    }

    void on_timer(Context& ctx, std::uint64_t tag) override {
        Source& s = sources_[tag];
        // Thinning: accept the candidate with probability rate(t) / peak rate.
        const double peak = s.profile.max_rate();
        const double rate = s.profile.rate_at(ctx.now() - s.start);
        // Uniform sources send whenever the profile's rate is above zero.
        if (s.poisson ? ctx.rng().uniform() * peak < rate : rate > 0) send_request(ctx, s);
        schedule_next(ctx, tag, ctx.now());
    }

    // A manual event fired at the client goes out through its first link.
    void on_message(Context& ctx, const Inbound& in) override {
        if (ctx.links().empty()) {
            ctx.drop(in.msg, DropReason::NotWired, "client is not wired to any service");
            return;
        }
        Message m = in.msg;
        m.source = kNoSource;
        const SimTime origin = m.origin;
        const std::uint64_t call = ctx.call(ctx.links().front(), std::move(m));
        inflight_.put(call, Pending{origin, kNoSource});
        // An event fired by a caller that waits (Simulation::call) gets the service's answer.
        if (in.caller.valid()) waiting_.put(call, in.caller);
    }

    void on_reply(Context& ctx, std::uint64_t call, const Reply& r) override {
        const Pending* p = inflight_.find(call);
        if (!p) return;
        const bool ok = r.ok() && r.status < 400;
        const SimTime latency = ctx.now() - p->origin;
        if (p->source != kNoSource) ctx.observe_end_to_end(p->source, latency, ok);
        ctx.metrics().observe_latency(latency, ctx.now());
        if (!ok) ctx.metrics().count(Counter::Errors, ctx.now());
        count_status(r.status);
        inflight_.erase(call);
        if (const CallerRef* caller = waiting_.empty() ? nullptr : waiting_.find(call)) {
            ctx.reply(*caller, Reply(r));
            waiting_.erase(call);
        }
    }

    void report(Json& out) const override {
        Json s = Json::object();
        for (const auto& [code, n] : status_counts_) s[std::to_string(code)] = n;
        out["responses_by_status"] = s;
    }

private:
    struct Pending {
        SimTime origin;
        std::uint32_t source = kNoSource;
    };

    void count_status(int status) {
        // Almost every reply has the status of the one before: skip the map lookup then.
        if (status != last_status_ || !last_count_) last_count_ = &status_counts_[status];
        last_status_ = status;
        ++*last_count_;
    }

    void schedule_next(Context& ctx, std::size_t i, SimTime from) {
        Source& s = sources_[i];
        const double peak = s.profile.max_rate();
        if (peak <= 0) return;
        SimTime gap;
        if (s.poisson) {
            gap = from_seconds(ctx.rng().exponential(1.0 / peak));
        } else {
            const double rate = s.profile.rate_at(from - s.start);
            // At rate 0 a uniform source checks again in a second (profiles change over time).
            // Gaps are whole µs; the fraction left out is carried into the next gap, so N seconds
            // at R requests/s send R×N requests (15,000 rps is not 67 µs apart but 66.67 on average).
            if (rate > 0) {
                const double exact = 1e6 / rate + s.gap_carry_us;
                gap.us = std::max<std::int64_t>(1, static_cast<std::int64_t>(exact));
                s.gap_carry_us = exact - static_cast<double>(gap.us);
            } else {
                gap = sec(1);
                s.gap_carry_us = 0;
            }
        }
        if (gap.us < 1) gap.us = 1;
        const SimTime at = (from < s.start ? s.start : from) + (from < s.start ? SimTime{} : gap);
        if (at >= s.end) return;
        ctx.start_timer(at - ctx.now(), i);
    }

    void send_request(Context& ctx, Source& s) {
        Message m;
        m.trace = ctx.new_trace_id();
        m.id = ctx.new_message_id();
        m.origin = ctx.now();
        m.source = s.index;
        m.type = "client.request";
        ++s.seq;
        JsonPtr payload = s.payload.instantiate(
            ctx.rng(), s.seq, ctx.start_unix_s() + static_cast<std::uint64_t>(ctx.now().us / 1000000));
        if (payload != s.last_payload || !s.last_body) {
            // A constant payload template gives the same immutable payload every time: its
            // request and size are built once and shared by every request.
            s.last_payload = payload;
            if (s.request.empty()) {
                s.last_body = payload;
            } else {
                // HTTP-style request: method and path next to the body.
                Json req = s.request;
                req["body"] = payload ? *payload : Json();
                s.last_body = std::make_shared<const Json>(std::move(req));
            }
            s.last_size = payload && !payload->is_null() ? static_cast<std::int64_t>(payload->dump().size()) : 0;
        }
        m.body = s.last_body;
        m.size_bytes = s.last_size;
        ctx.metrics().count(Counter::Invocations, ctx.now());
        if (s.aws_service) {
            ctx.send(*s.link, std::move(m));
            return;
        }
        const std::uint64_t call = ctx.call(*s.link, std::move(m));
        inflight_.put(call, Pending{ctx.now(), s.index});
    }

    std::vector<Source> sources_;
    IdMap<Pending> inflight_;   // call id → request
    IdMap<CallerRef> waiting_;  // call id → the outside caller waiting for its answer
    std::map<int, std::uint64_t> status_counts_;
    int last_status_ = 0;
    std::uint64_t* last_count_ = nullptr;
};

std::unique_ptr<Service> create_client(BuildContext& ctx) {
    std::vector<Source> sources;
    const Pattern& p = ctx.pattern;
    for (std::size_t i = 0; i < p.traffic.size(); ++i) {
        const TrafficSpec& t = p.traffic[i];
        if (t.source != ctx.spec.id) continue;
        const std::string path = "/traffic/" + std::to_string(i);
        Source s;
        s.index = static_cast<std::uint32_t>(i);
        if (!t.target.empty()) {
            for (const Link& l : ctx.links)
                if (l.target_id == t.target) s.link = &l;
            if (!s.link)
                ctx.diagnostics.error(path + "/target", "'" + ctx.spec.id + "' is not wired to '" + t.target + "'",
                                      "add an edge from " + ctx.spec.id + " to " + t.target);
        } else if (ctx.links.size() == 1) {
            s.link = &ctx.links.front();
        } else if (ctx.links.empty()) {
            ctx.diagnostics.error(path + "/source",
                                  "'" + ctx.spec.id + "' is not wired to any service, so its traffic goes nowhere",
                                  "connect the client to an API or service");
        } else {
            ctx.diagnostics.error(path + "/target",
                                  "'" + ctx.spec.id + "' is wired to several services; say which with \"target\"");
        }
        auto profile = RateProfile::parse(t.profile, path + "/profile", ctx.diagnostics);
        s.payload = PayloadTemplate::compile(t.payload, path + "/payload", ctx.diagnostics);
        if (!profile || !s.link) continue;
        s.profile = *profile;
        s.request = t.request;
        s.poisson = t.arrival != "uniform";
        s.aws_service = t.sender == "aws-service";
        s.start = t.start;
        s.end = t.duration == kNever ? kNever : t.start + t.duration;
        sources.push_back(std::move(s));
    }
    return std::make_unique<Client>(std::move(sources));
}

}  // namespace

ServiceKind client_kind() {
    ServiceKind k;
    k.type = "client";
    k.role = ServiceRole::Source;
    k.label = "Client";
    k.group = "sources";
    k.description = "Browsers or apps sending requests, from the pattern's traffic profiles";
    k.ports = {{"out", "requests", {}, "", PortReach::ClientRequests}};
    k.accepts_input = false;
    k.create = create_client;
    k.icon = "client";
    k.shape = DiagramShape::Source;
    k.sample = {{"method", "POST"},
                {"path", "/orders"},
                {"body", {{"orderId", "order-1"}, {"customer", "customer-7"}, {"total", 42}}}};
    k.sample_payload = "/body";
    return k;
}

ServiceKind iot_kind() {
    ServiceKind k = client_kind();
    k.type = "iot";
    k.role = ServiceRole::Source;
    k.label = "IoT devices";
    k.description = "A fleet of devices sending telemetry records";
    // Devices' messages reach AWS through IoT Core rules, so only where a rule action sends.
    k.ports = {{"out", "telemetry", {}, "", PortReach::IotRuleActions}};
    k.icon = "iot";
    k.sample = {{"partitionKey", "device-1"}, {"data", {{"temperature", 21.5}}}};
    k.sample_payload = "/data";
    return k;
}

}  // namespace sim::svc
