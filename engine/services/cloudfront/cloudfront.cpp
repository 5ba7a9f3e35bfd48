// cloudfront.cpp — a CloudFront distribution: viewer → edge location → (cache) → origin.
// Modelled:     [x] cache hits answered at the edge (CacheHitRatio), misses forwarded to the one
//                   origin ("out": S3, API Gateway, Lambda function URL, EC2/Fargate behind an ALB)
//                   with a regional round trip (OriginLatencyMs); viewer round trip EdgeLatencyMs
//               [x] S3 origins get GetObject for the path's key; others get the HTTP request
//               [x] edge functions per trigger port (viewer_request, viewer_response,
//                   origin_request, origin_response): origin triggers run on misses only;
//                   CloudFront Functions only on viewer triggers (refused by the port rules); one
//                   function per trigger
//               [x] function execution errors and Lambda@Edge throttles → 503; origin errors
//                   relayed (404 NoSuchKey, 5xx), a Lambda origin's function error → 502
//               [x] price: $0.0100 per 10,000 HTTPS requests and $0.085/GB out (US/EU, first
//                   10 TB; unverified), origin fetches from AWS origins free
// Not modelled: [ ] per-object TTLs and cache state (hits are drawn with CacheHitRatio)
//               [ ] edge location choice / price classes  [ ] origin groups / failover
//               [ ] flat-rate plans  [ ] free tier  [ ] field-level encryption, WAF
// AWS: https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/edge-functions.html,
//      http-503-service-unavailable.html, lambda-cloudfront-trigger-events.html
#include "services/cloudfront/cloudfront.h"

#include "core/http_errors.h"
#include "pattern/config_reader.h"
#include "pattern/pattern.h"
#include "prices/price_table.h"

#include <cmath>
#include <unordered_map>

namespace sim::svc {
namespace {

enum Trigger : int { kViewerRequest, kOriginRequest, kOriginResponse, kViewerResponse, kTriggerCount };
const char* const kTriggerPorts[kTriggerCount] = {"viewer_request", "origin_request", "origin_response",
                                                  "viewer_response"};

struct Config {
    double hit_ratio = 0.9;
    Distribution edge_latency = Distribution::lognormal(12, 45);     // viewer ↔ edge, round trip
    Distribution origin_latency = Distribution::lognormal(40, 120);  // edge ↔ origin Region, round trip
    std::int64_t response_bytes = 20480;
    const Link* origin = nullptr;
    const Link* functions[kTriggerCount] = {nullptr, nullptr, nullptr, nullptr};
};

struct Request {
    Message msg;
    CallerRef caller;
    SimTime arrived;
    int stage = kViewerRequest;  // the next trigger to consider
    bool hit = false;
    bool origin_done = false;
    int status = 200;
    JsonPtr body;
    std::string detail;  // why the origin failed, when it did
    // CloudFront's own answer (core/http_errors.h); null: the origin's status is relayed as it is.
    const ErrorSpec* error = nullptr;
};

class CloudFrontDistribution final : public Service {
public:
    explicit CloudFrontDistribution(Config c) : c_(std::move(c)) {}

    void on_message(Context& ctx, const Inbound& in) override {
        const SimTime now = ctx.now();
        ctx.metrics().count(Counter::Invocations, now);
        ctx.metrics().add_cost(price_table::kCloudFrontHttpsRequest, now);
        const std::uint64_t id = next_++;
        Request& r =
            requests_.emplace(id, Request{in.msg, in.caller, now, kViewerRequest, false, false, 200, nullptr, {}})
                .first->second;
        r.hit = ctx.rng().chance(c_.hit_ratio);
        advance(ctx, id);
    }

    void on_reply(Context& ctx, std::uint64_t call, const Reply& rep) override {
        auto owner = calls_.find(call);
        if (owner == calls_.end()) return;
        const auto [id, what] = owner->second;
        calls_.erase(owner);
        Request& r = requests_.at(id);
        if (what == -1) {  // the origin answered
            r.origin_done = true;
            if (rep.ok()) {
                r.status = 200;
                if (rep.body && rep.body->is_object()) {
                    auto sc = rep.body->find("statusCode");
                    if (sc != rep.body->end() && sc->is_number_integer()) r.status = sc->get<int>();
                }
                r.body = rep.body;
            } else if (rep.status == 200) {
                r.error = &kHttpBadGateway;  // a Lambda origin's function error
                r.status = r.error->status;
                r.detail = "origin function error: " + rep.error;
            } else {
                r.status = rep.status;  // relayed as is (404 NoSuchKey, 429/5xx)
                r.detail = rep.error + (rep.detail.empty() ? "" : ": " + rep.detail);
            }
            ++origin_fetches_;
            advance(ctx, id);
            return;
        }
        if (!rep.ok()) {
            ++function_errors_;
            const bool throttled = rep.throttled();
            r.error = &kHttpServiceUnavailable;
            finish(ctx, id, r.error->status,
                   std::string(throttled ? "Lambda@Edge limit exceeded" : "function execution error") + " on " +
                       kTriggerPorts[what] + ": " + rep.error + (rep.detail.empty() ? "" : " (" + rep.detail + ")"));
            return;
        }
        advance(ctx, id);
    }

    void report(Json& out) const override {
        out["cache_hits"] = hits_;
        out["cache_misses"] = misses_;
        out["origin_fetches"] = origin_fetches_;
        out["function_errors"] = function_errors_;
        out["bytes_out"] = bytes_out_;
    }

    Json inspect() const override { return {{"in_flight", requests_.size()}, {"cache_hit_ratio", c_.hit_ratio}}; }

private:
    // Runs the request through its triggers in order; origin triggers and the fetch only on a miss.
    void advance(Context& ctx, std::uint64_t id) {
        Request& r = requests_.at(id);
        while (r.stage < kTriggerCount) {
            const int t = r.stage;
            const bool origin_side = t == kOriginRequest || t == kOriginResponse;
            if (t == kOriginResponse && !r.hit && !r.origin_done) {
                fetch(ctx, id, r);  // between origin request and origin response
                return;
            }
            ++r.stage;
            if (origin_side && r.hit) continue;
            // CloudFront does not run viewer-response functions when the origin answered >= 400.
            if (t == kViewerResponse && r.status >= 400) continue;
            if (const Link* f = c_.functions[t]) {
                call_function(ctx, id, r, *f, t);
                return;
            }
        }
        finish(ctx, id, r.status, r.status < 400 ? "" : r.detail);
    }

    void fetch(Context& ctx, std::uint64_t id, Request& r) {
        ++misses_;
        Message m = r.msg;
        m.id = ctx.new_message_id();
        m.type = "cloudfront.origin_request";
        if (c_.origin->target_role == ServiceRole::ObjectStore) {
            std::string path = "/";
            if (r.msg.body && r.msg.body->is_object()) path = r.msg.body->value("path", path);
            const std::string key = !path.empty() && path[0] == '/' ? path.substr(1) : path;
            m.body = std::make_shared<const Json>(Json{{"operation", "GetObject"}, {"Key", key}});
        }
        calls_[ctx.call(*c_.origin, std::move(m), c_.origin_latency.sample(ctx.rng()))] = {id, -1};
    }

    void call_function(Context& ctx, std::uint64_t id, Request& r, const Link& f, int trigger) {
        Message m = r.msg;
        m.id = ctx.new_message_id();
        m.type = "cloudfront.event";
        m.attributes = std::make_shared<const Json>(Json{{"eventType", std::string(kTriggerPorts[trigger])}});
        calls_[ctx.call(f, std::move(m))] = {id, trigger};
    }

    void finish(Context& ctx, std::uint64_t id, int status, const std::string& detail) {
        auto it = requests_.find(id);
        Request& r = it->second;
        const SimTime now = ctx.now();
        if (r.hit && status < 400) ++hits_;
        if (status < 400) {
            bytes_out_ += c_.response_bytes;
            ctx.metrics().add_cost(static_cast<double>(c_.response_bytes) / 1e9 * price_table::kCloudFrontTransferGb,
                                   now);
        }
        if (status >= 500) ctx.metrics().count(Counter::Errors, now);
        const SimTime edge = c_.edge_latency.sample(ctx.rng());
        ctx.metrics().observe_latency(now - r.arrived + edge, now);
        if (ctx.tracing(r.msg))
            ctx.span(r.msg, r.hit ? "GET (cache hit)" : "GET (cache miss)", r.arrived,
                     status < 400 ? Outcome::Ok : Outcome::Error,
                     std::to_string(status) + (detail.empty() ? "" : " " + detail));
        Reply rep;
        if (r.error)
            rep = Reply::failure(*r.error, detail);
        else if (status >= 400)
            rep = Reply::failure(status, "HTTP" + std::to_string(status), detail);  // the origin's, relayed
        else
            rep.status = status;
        rep.body = r.body;
        if (r.caller.valid()) ctx.reply(r.caller, std::move(rep), edge);
        requests_.erase(it);
    }

    Config c_;
    std::unordered_map<std::uint64_t, Request> requests_;
    std::unordered_map<std::uint64_t, std::pair<std::uint64_t, int>> calls_;  // call → (request, trigger or -1)
    std::uint64_t next_ = 1;
    std::uint64_t hits_ = 0, misses_ = 0, origin_fetches_ = 0, function_errors_ = 0;
    std::int64_t bytes_out_ = 0;
};

std::unique_ptr<Service> create_distribution(BuildContext& ctx) {
    ConfigReader& r = ctx.config;
    Config c;
    c.hit_ratio = r.number("CacheHitRatio", 0.9, 0, 1, "");
    c.edge_latency = r.distribution("EdgeLatencyMs", c.edge_latency);
    c.origin_latency = r.distribution("OriginLatencyMs", c.origin_latency);
    c.response_bytes = r.integer("ResponseSizeBytes", 20480, 0, 30LL * 1024 * 1024 * 1024, "bytes");
    r.raw("PriceClass");
    r.raw("DefaultRootObject");
    r.raw("Aliases");
    for (const Link& l : ctx.links) {
        const std::string where = "/edges/" + std::to_string(l.edge);
        if (l.port == "out") {
            if (c.origin)
                ctx.diagnostics.error(where, "'" + ctx.spec.id + "' already has origin '" + c.origin->target_id + "'",
                                      "this simulator models one origin (the default cache behavior) per distribution");
            else
                c.origin = &l;
            continue;
        }
        for (int t = 0; t < kTriggerCount; ++t) {
            if (l.port != kTriggerPorts[t]) continue;
            if (c.functions[t])
                ctx.diagnostics.error(
                    where, "'" + ctx.spec.id + "' already runs '" + c.functions[t]->target_id + "' on " + l.port,
                    "a cache behavior can have one function per event type");
            else
                c.functions[t] = &l;
        }
    }
    if (!c.origin)
        ctx.diagnostics.error(ctx.path, "'" + ctx.spec.id + "' has no origin",
                              "connect it to an S3 bucket, API Gateway, Lambda, EC2 or Fargate node");
    return std::make_unique<CloudFrontDistribution>(std::move(c));
}

}  // namespace

ServiceKind cloudfront_kind() {
    ServiceKind k;
    k.public_endpoint = true;
    k.type = "cloudfront";
    k.role = ServiceRole::Cdn;
    k.label = "CloudFront";
    k.group = "edge";
    k.description = "CDN: answers cache hits at the edge, forwards misses to the origin; runs edge functions";
    const std::string viewer_hint = "viewer triggers run a CloudFront Function or a Lambda@Edge function";
    const std::string origin_hint =
        "CloudFront Functions run only on viewer-request and viewer-response; use Lambda@Edge for origin events";
    k.ports = {PortSpec::to("out", "origin",
                            {ServiceRole::ObjectStore, ServiceRole::Api, ServiceRole::Function, ServiceRole::Server},
                            "an origin is an S3 bucket or an HTTP endpoint"),
               PortSpec::to("viewer_request", "viewer request",
                            {ServiceRole::ViewerFunction, ServiceRole::EdgeFunction}, viewer_hint),
               PortSpec::to("viewer_response", "viewer response",
                            {ServiceRole::ViewerFunction, ServiceRole::EdgeFunction}, viewer_hint),
               PortSpec::to("origin_request", "origin request", {ServiceRole::EdgeFunction}, origin_hint),
               PortSpec::to("origin_response", "origin response", {ServiceRole::EdgeFunction}, origin_hint)};
    k.create = create_distribution;
    k.icon = "cloudfront";
    k.shape = DiagramShape::Box;
    // https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-cloudfront-distribution.html
    k.cfn = {{"AWS::CloudFront::Distribution", {"DistributionConfig", "Tags"}}};
    k.sample = {{"id", "event-1"}};
    k.cfn[0].complete = cloudfront_cfn_complete;  // null in the page, which never exports (cloudfront_cfn.cpp)
    return k;
}

}  // namespace sim::svc
