// apigateway.cpp — API Gateway in front of integrations (Lambda proxy, AWS services).
// Modelled:     [x] REST vs HTTP API (ApiType): price, latency overhead, error mapping
//               [x] throttling as token buckets → 429 {"message":"Too Many Requests"}: the account's
//                   10,000 rps / burst 5,000 shared by every API of the pattern
//                   (settings.apiGatewayAccountRps), and a stage limit where the node sets
//                   ThrottlingRateLimit / ThrottlingBurstLimit (checked first, as AWS does)
//               [x] billing: only requests API Gateway accepts are charged — throttled (429),
//                   unmatched (403/404) and unauthorized (401) requests are free; requests that
//                   reach the integration are charged whatever it answers (incl. a Lambda
//                   throttle → 500), and so are stage-cache hits
//               [x] integration timeout (TimeoutInMillis, REST 50..29,000 ms, HTTP 50..30,000) → 504
//               [x] Lambda proxy error mapping: function error → 502 (REST) / 500 (HTTP);
//                   Lambda throttle → 500 (REST passes no 429 through)
//               [x] routes per edge ("Route": "POST /orders", or "Routes": [...]); unmatched → 403 (REST) / 404 (HTTP)
//               [x] Cognito user pool authorizer (edge api.authorizer -> pool): a request without a
//                   valid ID token gets 401 {"message":"Unauthorized"} before the integration runs;
//                   a route edge with "AuthorizationType": "NONE" is open
//               [x] REST stage cache (CacheClusterEnabled, CacheClusterSize 0.5..237 GB,
//                   CacheTtlInSeconds 0..3600, default 300): GET responses keyed by method and path
//                   are answered from the cache until the TTL ends, without calling the
//                   integration; responses over 1 MiB are not cached; billed per hour of cache
//                   size whether or not requests arrive (not in the free tier); HTTP APIs refuse it
// Simplified:   [~] only 2xx responses are stored (assumed); query strings and headers are not
//                   cache keys (AWS's default); the cache never evicts for size
// Not modelled: [ ] Lambda authorizers  [ ] usage plans  [ ] 10 MB payload limit
//               [ ] per-method cache overrides, Cache-Control: max-age=0 invalidation
// AWS: https://docs.aws.amazon.com/apigateway/latest/developerguide/limits.html,
//      api-gateway-pricing (re:Post, AWS experts: "You do not pay for requests which are not
//      authorized, did not match a route in your API or throttled"),
//      api-gateway-request-throttling.html, http-api-develop-integrations-lambda.html,
//      api-gateway-caching.html
#include "services/apigateway/apigateway.h"
#include "services/apigateway/apigateway_contract.h"

#include "core/deadline_queue.h"
#include "core/http_errors.h"
#include "core/id_map.h"
#include "core/timer_tag.h"
#include "core/token_bucket.h"
#include "pattern/config_reader.h"
#include "pattern/pattern.h"
#include "pattern/routes.h"
#include "prices/price_table.h"

#include <algorithm>
#include <map>
#include <unordered_map>

namespace sim::svc {
namespace {

struct Route {
    std::string method;  // "ANY" matches all
    std::string path;    // "/orders", or "/{proxy+}" / "" for any path
    const Link* link = nullptr;
    bool open = false;  // AuthorizationType NONE: skips the authorizer
    // An AWS service integration (the target's contract, core/contract.h): the operation called
    // and the request field the body goes into. Empty: a proxy integration (the request itself).
    std::string action;
    std::string_view payload;
    // An HTTP API's AWS service integration parameters ("RequestParameters" on the link, e.g.
    // {"Source": "WebApp", "Detail": "$request.body.Detail"}): the request's fields, literal or mapped
    // from the request. Empty: the body goes into `payload`.
    Json parameters;
    // The last request body this route sent on and the integration request built from it. Requests
    // from one traffic source usually share one immutable body, so they share one integration
    // request too, and what the target and its consumers cache by payload keeps hitting.
    mutable JsonPtr last_body, last_request;
};

// The request an AWS service integration sends: the operation with the request body as its payload
// (a request without a body sends the operation alone).
JsonPtr integration_request(const Route& r, const JsonPtr& request) {
    Json req = {{"operation", r.action}};
    const Json* body = request && request->is_object() ? member(*request, "body") : nullptr;
    if (r.parameters.empty()) {
        if (body) req[std::string(r.payload)] = *body;
        return std::make_shared<const Json>(std::move(req));
    }
    // Parameter mapping (HTTP API AWS service integrations): "$request.body" and "$request.body.a.b"
    // select from the JSON body; other $request/$context values are not part of our requests and
    // are left out; anything else is a literal.
    for (const auto& [key, value] : r.parameters.items()) {
        if (!value.is_string() || value.get_ref<const std::string&>().rfind('$', 0) != 0) {
            req[key] = value;
            continue;
        }
        const std::string& sel = value.get_ref<const std::string&>();
        if (sel.rfind("$request.body", 0) != 0 || !body) continue;
        const Json* at = body;
        std::size_t i = sizeof("$request.body") - 1;
        while (at && i < sel.size() && sel[i] == '.') {
            const std::size_t end = sel.find('.', i + 1);
            at = at->is_object() ? member(*at, sel.substr(i + 1, end == std::string::npos ? end : end - i - 1))
                                 : nullptr;
            i = end == std::string::npos ? sel.size() : end;
        }
        if (at) req[key] = *at;
    }
    return std::make_shared<const Json>(std::move(req));
}

// API Gateway's account-level throttle, shared by every REST and HTTP API of the account in the
// Region (Account::shared): 10,000 requests/s refill and a burst of half that by default (AWS
// derives the burst from the rate; settings.apiGatewayAccountRps).
struct ApiGatewayAccount {
    explicit ApiGatewayAccount(double rps) : throttle(rps, rps / 2) {}
    TokenBucket throttle;
};

struct Config {
    bool rest = true;
    double account_rps = 10000;  // settings.apiGatewayAccountRps
    bool stage_limit = false;    // the node sets its own stage throttle
    double rate = 10000;         // stage limit: tokens per second
    double burst = 5000;         //   and bucket size
    SimTime timeout = msec(29000);
    Distribution overhead = Distribution::lognormal(6, 25);  // gateway's own latency (assumed)
    std::vector<Route> routes;
    const Link* authorizer = nullptr;  // Cognito user pool
    bool cache = false;                // REST stage cache
    double cache_usd_per_hour = 0;     // by CacheClusterSize
    SimTime cache_ttl = sec(300);      // 0 disables caching
};

// A stored GET response.
struct CachedResponse {
    SimTime expires;
    int status = 200;
    JsonPtr body;
};

// Timers: a request's integration timeout (value: its call id), the timeout sweep, cache billing.
enum class Timer : std::uint8_t { Timeout = 1, TimeoutSweep, CacheBill };
constexpr SimTime kCacheBillPeriod = sec(60);
constexpr std::int64_t kMaxCachedBytes = 1048576;

struct Pending {
    CallerRef caller;
    Message msg;
    SimTime start;
    SimTime deadline;                 // integration timeout: 504 at this instant if still unanswered
    std::uint64_t timeout_timer = 0;  // armed only in the last stretch before `deadline` (see sweep)
    std::string cache_key;            // set when the response may be stored
};

class Api final : public Service {
    // Whether the integration call behind a timeout entry is still waiting for its answer.
    auto unanswered() const {
        return [this](const DeadlineQueue::Entry& e) { return pending_.find(e.id) != nullptr; };
    }

public:
    explicit Api(Config c)
        : c_(std::move(c)), stage_bucket_(c_.rate, c_.burst), timeouts_(timer_tag(Timer::TimeoutSweep)) {}

    void on_start(Context& ctx) override {
        account_ = &ctx.account().shared<ApiGatewayAccount>(c_.account_rps).throttle;
        // The cache is a provisioned instance: it costs money every hour it exists, pro rata.
        if (c_.cache) {
            ctx.metrics().set_hourly_cost(c_.cache_usd_per_hour, ctx.now());
            ctx.start_timer(kCacheBillPeriod, timer_tag(Timer::CacheBill));
        }
    }

    void report(Json& out) const override {
        if (!c_.cache) return;
        out["cache_hits"] = cache_hits_;
        out["cache_misses"] = cache_misses_;
        out["cache_entries"] = cache_.size();
    }

    void on_message(Context& ctx, const Inbound& in) override {
        const SimTime now = ctx.now();
        ctx.metrics().count(Counter::Invocations, now);
        // The stage limit is evaluated before the account's; a request takes a token from each.
        TokenBucket& account = *account_;
        if ((c_.stage_limit && !stage_bucket_.available(now)) || !account.available(now)) {
            ctx.metrics().count(Counter::Throttles, now);
            refuse(ctx, in.caller, in.msg, now, kApiTooManyRequests, "Too Many Requests", Outcome::Throttled);
            return;
        }
        if (c_.stage_limit) stage_bucket_.take();
        account.take();
        const Route* route = match(in.msg);
        if (!route) {
            ctx.metrics().count(Counter::Errors, now);
            if (c_.rest)
                refuse(ctx, in.caller, in.msg, now, kApiMissingAuthenticationToken, "Missing Authentication Token",
                       Outcome::Error);
            else
                refuse(ctx, in.caller, in.msg, now, kApiNotFound, "Not Found", Outcome::Error);
            return;
        }
        if (c_.authorizer && !route->open) {
            // Cognito authorizer: the token is checked before the integration is called.
            Message check = in.msg;
            check.type = "apigateway.authorize";
            check.body = std::make_shared<const Json>(
                Json{{"operation", "Authorize"}, {"request", in.msg.body ? *in.msg.body : Json()}});
            const std::uint64_t call = ctx.call(*c_.authorizer, std::move(check));
            authorizing_.emplace(call, Authorizing{Pending{in.caller, in.msg, now, {}, 0, {}}, route});
            return;
        }
        integrate(ctx, *route, in.caller, in.msg, now);
    }

    // An accepted request: charged now, then answered from the cache or by the integration.
    void integrate(Context& ctx, const Route& r, const CallerRef& caller, const Message& msg, SimTime start) {
        // Request price: REST $3.50 per 1M; HTTP $1.00 per 1M, metered per 512 KB.
        const double units =
            c_.rest ? 1.0 : static_cast<double>(std::max<std::int64_t>(1, (msg.size_bytes + 524287) / 524288));
        ctx.metrics().add_cost((c_.rest ? price_table::kApiRestRequest : price_table::kApiHttpRequest) * units,
                               ctx.now());
        const SimTime overhead = c_.overhead.sample(ctx.rng());
        std::string key = cache_key(msg);
        if (!key.empty()) {
            auto hit = cache_.find(key);
            if (hit != cache_.end() && hit->second.expires > ctx.now()) {
                ++cache_hits_;
                const CachedResponse& cr = hit->second;
                answer(ctx, caller, msg, start, cr.status, cr.body, overhead);
                return;
            }
            ++cache_misses_;
        }
        Message fwd = msg;
        fwd.type = r.action.empty() ? "apigateway.proxy" : "apigateway.integration";
        if (!r.action.empty()) {
            if (!r.last_request || msg.body != r.last_body) {
                r.last_body = msg.body;
                r.last_request = integration_request(r, msg.body);
            }
            fwd.body = r.last_request;
        }
        const std::uint64_t call = ctx.call(*r.link, std::move(fwd), overhead);
        pending_.put(call, Pending{caller, msg, start, ctx.now() + overhead + c_.timeout, 0, std::move(key)});
        // Almost every request is answered long before its timeout, so no timer per request: a
        // sweep at sent + timeout (without the random overhead, so in send order) arms the exact
        // timer, overhead later, only for requests still open then.
        timeouts_.push(ctx, ctx.now() + c_.timeout, call, unanswered(), pending_.size());
        ++inflight_;
        ctx.metrics().set_concurrency(inflight_, ctx.now());
    }

    void on_timer(Context& ctx, std::uint64_t tag) override {
        const Timer kind = timer_kind<Timer>(tag);
        if (kind == Timer::CacheBill) {  // the cache's charge so far, into the cost timeline
            ctx.metrics().fold_hourly_cost(ctx.now());
            ctx.start_timer(kCacheBillPeriod, timer_tag(Timer::CacheBill));
            return;
        }
        if (kind == Timer::TimeoutSweep) {
            timeouts_.sweep(ctx, unanswered(), [&](std::uint64_t id) {
                Pending* p = pending_.find(id);
                p->timeout_timer = ctx.start_timer(p->deadline - ctx.now(), timer_tag(Timer::Timeout, id));
            });
            return;
        }
        const std::uint64_t call = timer_value(tag);
        Pending* it = pending_.find(call);
        if (!it) return;
        ctx.metrics().count(Counter::Timeouts, ctx.now());
        ctx.metrics().count(Counter::Errors, ctx.now());
        Pending p = std::move(*it);
        pending_.erase(call);
        --inflight_;
        refuse(ctx, p.caller, p.msg, p.start, kApiIntegrationTimeout, "Endpoint request timed out", Outcome::TimedOut);
    }

    void on_reply(Context& ctx, std::uint64_t call, const Reply& r) override {
        if (auto a = authorizing_.find(call); a != authorizing_.end()) {
            Authorizing auth = std::move(a->second);
            authorizing_.erase(a);
            if (r.ok()) {
                integrate(ctx, *auth.route, auth.pending.caller, auth.pending.msg, auth.pending.start);
            } else {
                ctx.metrics().count(Counter::Errors, ctx.now());
                refuse(ctx, auth.pending.caller, auth.pending.msg, auth.pending.start, kApiUnauthorized,
                       r.detail.empty() ? "Unauthorized" : r.detail, Outcome::Error,
                       std::make_shared<const Json>(Json{{"message", "Unauthorized"}}));
            }
            return;
        }
        Pending* p = pending_.find(call);
        if (!p) return;  // already answered 504; the integration's work still happened
        if (p->timeout_timer) ctx.cancel_timer(p->timeout_timer);
        --inflight_;
        ctx.metrics().set_concurrency(inflight_, ctx.now());
        answer_integration(ctx, *p, r);
        pending_.erase(call);
    }

    Json inspect() const override {
        Json j = {{"in_flight", inflight_}};
        if (c_.stage_limit) j["stage_tokens"] = stage_bucket_.tokens();
        return j;
    }

private:
    // Answers the caller from the integration's reply, mapping errors as AWS does.
    void answer_integration(Context& ctx, const Pending& p, const Reply& r) {
        if (r.ok()) {
            int status = 200;
            if (const Json* sc = r.body ? member(*r.body, "statusCode") : nullptr; sc && sc->is_number_integer())
                status = sc->get<int>();
            if (!p.cache_key.empty() && status >= 200 && status < 300 && r.size_bytes <= kMaxCachedBytes)
                cache_[p.cache_key] = CachedResponse{ctx.now() + c_.cache_ttl, status, r.body};
            answer(ctx, p.caller, p.msg, p.start, status, r.body);
            return;
        }
        ctx.metrics().count(Counter::Errors, ctx.now());
        if (r.status == 429) {
            // A Lambda throttle is not passed through: REST and HTTP APIs answer 500.
            refuse(ctx, p.caller, p.msg, p.start, kHttpInternalServerError,
                   "Internal server error (integration throttled: " + r.detail + ")", Outcome::Throttled);
        } else if (c_.rest) {
            refuse(ctx, p.caller, p.msg, p.start, kHttpBadGateway, "Internal server error (" + r.error + ")",
                   Outcome::Error);
        } else {
            refuse(ctx, p.caller, p.msg, p.start, kHttpInternalServerError, "Internal Server Error (" + r.error + ")",
                   Outcome::Error);
        }
    }

    // The cache key of a cacheable request (GET on a caching stage), else empty.
    std::string cache_key(const Message& m) const {
        if (!c_.cache || c_.cache_ttl.us == 0) return {};
        std::string method = "GET", path = "/";
        if (m.body && m.body->is_object()) {
            method = m.body->value("method", method);
            path = m.body->value("path", path);
        }
        return method == "GET" ? method + " " + path : std::string();
    }

    // The integration's answer (or the stage cache's): its status and body, whatever the status.
    void answer(Context& ctx, const CallerRef& caller, const Message& msg, SimTime start, int status, JsonPtr body,
                SimTime delay = {}) {
        Reply r;
        r.status = status;
        r.body = std::move(body);
        send(ctx, caller, msg, start, std::move(r), Outcome::Ok, delay);
    }
    // The gateway's own error response.
    void refuse(Context& ctx, const CallerRef& caller, const Message& msg, SimTime start, const ErrorSpec& error,
                std::string detail, Outcome outcome, JsonPtr body = nullptr) {
        Reply r = Reply::failure(error, std::move(detail));
        r.body = std::move(body);
        send(ctx, caller, msg, start, std::move(r), outcome);
    }
    void send(Context& ctx, const CallerRef& caller, const Message& msg, SimTime start, Reply&& r, Outcome outcome,
              SimTime delay = {}) {
        // `delay`: the gateway's own time still to come (a cache hit answers after its overhead).
        ctx.metrics().observe_latency(ctx.now() + delay - start, ctx.now());
        if (ctx.tracing(msg))
            ctx.span(msg, request_line(msg), start, outcome,
                     std::to_string(r.status) + (r.detail.empty() ? "" : " " + r.detail) +
                         (delay.us ? " (from the stage cache)" : ""));
        ctx.reply(caller, std::move(r), delay);
    }

    static std::string request_line(const Message& m) {
        if (m.body && m.body->is_object() && m.body->contains("method"))
            return m.body->value("method", std::string("GET")) + " " + m.body->value("path", std::string("/"));
        return "request";
    }

    const Route* match(const Message& m) {
        // Requests from one traffic source usually share one immutable body: match it once.
        if (m.body && m.body == matched_body_) return matched_route_;
        const Route* r = match_route(m);
        matched_body_ = m.body;
        matched_route_ = r;
        return r;
    }

    const Route* match_route(const Message& m) const {
        std::string method = "GET", path = "/";
        if (m.body && m.body->is_object()) {
            method = m.body->value("method", method);
            path = m.body->value("path", path);
        }
        for (const Route& r : c_.routes) {
            if (r.method != "ANY" && r.method != method) continue;
            if (r.path.empty() || r.path == "/{proxy+}" || r.path == path) return &r;
            // "/orders/{id}" matches "/orders/42".
            if (r.path.find('{') != std::string::npos && segments_match(r.path, path)) return &r;
        }
        return nullptr;
    }

    static bool segments_match(const std::string& tmpl, const std::string& path) {
        std::size_t i = 0, j = 0;
        while (i < tmpl.size() && j < path.size()) {
            if (tmpl[i] == '{') {
                const bool greedy =
                    tmpl.compare(i, std::string::npos, "{proxy+}") == 0 || tmpl.find("+}", i) == tmpl.find('}', i) - 1;
                i = tmpl.find('}', i) + 1;
                if (greedy) return true;
                while (j < path.size() && path[j] != '/') ++j;
                continue;
            }
            if (tmpl[i] != path[j]) return false;
            ++i;
            ++j;
        }
        return i == tmpl.size() && j == path.size();
    }

    Config c_;
    TokenBucket stage_bucket_;        // used only with a stage limit
    TokenBucket* account_ = nullptr;  // the account's throttle, from on_start
    IdMap<Pending> pending_;          // integration call id → request
    DeadlineQueue timeouts_;          // integration timeouts: sent + timeout, by call id
    JsonPtr matched_body_;            // the last request body routed, and its route
    const Route* matched_route_ = nullptr;
    struct Authorizing {
        Pending pending;
        const Route* route;
    };
    std::map<std::uint64_t, Authorizing> authorizing_;  // authorizer call id → request
    std::int64_t inflight_ = 0;
    std::unordered_map<std::string, CachedResponse> cache_;  // "GET /items" → response (stage cache)
    std::uint64_t cache_hits_ = 0, cache_misses_ = 0;
};

std::unique_ptr<Service> create_api(BuildContext& ctx) {
    ConfigReader& r = ctx.config;
    Config c;
    c.rest = r.choice("ApiType", "REST", {"REST", "HTTP"}) == "REST";
    c.account_rps = static_cast<double>(ctx.pattern.settings.api_gateway_account_rps);
    // Stage throttling (MethodSettings in CloudFormation): absent means the account limit alone.
    c.stage_limit = r.has("ThrottlingRateLimit") || r.has("ThrottlingBurstLimit");
    c.rate = r.number("ThrottlingRateLimit", 10000, 0, 1e6, "requests/s");
    c.burst = static_cast<double>(r.integer("ThrottlingBurstLimit", 5000, 0, 1'000'000, "requests"));
    c.timeout = msec(r.integer("TimeoutInMillis", c.rest ? 29000 : 30000, 50, c.rest ? 29000 : 30000, "ms"));
    c.overhead = r.distribution("LatencyMs", c.rest ? Distribution::lognormal(6, 25) : Distribution::lognormal(4, 18));
    r.raw("Name");
    r.raw("StageName");
    // Stage cache (REST only). CacheClusterSize is a string in CloudFormation ("0.5").
    c.cache = r.boolean("CacheClusterEnabled", false);
    const std::string size =
        r.choice("CacheClusterSize", "0.5", {"0.5", "1.6", "6.1", "13.5", "28.4", "58.2", "118", "237"});
    for (const auto& tier : price_table::kApiCache)
        if (std::stod(size) == tier.gb) c.cache_usd_per_hour = tier.usd_per_hour;
    c.cache_ttl = sec(r.integer("CacheTtlInSeconds", 300, 0, 3600, "s"));
    if (c.cache && !c.rest)
        ctx.diagnostics.error(ctx.path + "/config/CacheClusterEnabled",
                              "HTTP APIs have no stage cache; use ApiType REST to cache responses");
    std::size_t integrations = 0;
    for (const Link& l : ctx.links) {
        if (l.port == "authorizer") {
            c.authorizer = &l;
            continue;
        }
        ++integrations;
        Route base;
        base.link = &l;
        base.method = "ANY";
        if (auto at = l.config.find("AuthorizationType"); at != l.config.end()) base.open = *at == "NONE";
        if (const ServiceKind* target = ctx.registry.find(l.target_type);
            target && target->api.kind == ApiIntegration::Kind::Action) {
            base.action = std::string(target->api.action);
            base.payload = target->api.payload;
            // The target may name another of its operations ("ApiAction" on a state machine).
            const Json& config = ctx.pattern.nodes[l.target].config;
            if (auto a = config.find(std::string(target->api.action_key)); !target->api.action_key.empty() &&
                                                                           a != config.end() && a->is_string() &&
                                                                           target->operation(a->get<std::string>()))
                base.action = a->get<std::string>();
            if (auto p = l.config.find("RequestParameters"); p != l.config.end() && p->is_object())
                base.parameters = *p;
        }
        const bool listed = l.config.contains("Routes");
        auto bad = [&](const std::string& got) {
            ctx.diagnostics.error("/edges/" + std::to_string(l.edge) + "/config/" + (listed ? "Routes" : "Route"),
                                  "Route on " + ctx.spec.id + " -> " + l.target_id +
                                      " must look like \"POST /orders\" or \"ANY /{proxy+}\", got " + got);
        };
        if (auto rs = l.config.find("Routes"); listed && (!rs->is_array() || rs->empty())) bad(rs->dump());
        if (auto r = l.config.find("Route"); r != l.config.end() && !r->is_string()) bad(r->dump());
        if (!listed && !l.config.contains("Route")) {
            c.routes.push_back(base);  // no route: the link takes every request
            continue;
        }
        for (const std::string& spec : routes_of(l.config)) {
            const auto space = spec.find(' ');
            if (space == std::string::npos || spec.size() < 3 || spec[space + 1] != '/') {
                bad("\"" + spec + "\"");
                continue;
            }
            Route route = base;
            route.method = spec.substr(0, space);
            route.path = spec.substr(space + 1);
            c.routes.push_back(route);
        }
    }
    if (integrations == 0)
        ctx.diagnostics.warning(
            ctx.path, "'" + ctx.spec.id + "' has no integration, so every request gets " + (c.rest ? "403" : "404"),
            "connect it to a Lambda function or another service");
    return std::make_unique<Api>(std::move(c));
}

}  // namespace

std::vector<ErrorSpec> apigateway_errors() {
    return {kApiTooManyRequests,    kApiMissingAuthenticationToken, kApiNotFound,   kApiUnauthorized,
            kApiIntegrationTimeout, kHttpInternalServerError,       kHttpBadGateway};
}

ServiceKind apigateway_kind() {
    ServiceKind k;
    k.iot_rule_action = "http";
    k.public_endpoint = true;
    k.type = "apigateway";
    k.role = ServiceRole::Api;
    k.label = "API Gateway";
    k.group = "api";
    k.description = "REST or HTTP API in front of Lambda and AWS services; throttles with a token bucket";
    k.ports = {{"out",
                "integrations",
                {},
                "API Gateway integrates with Lambda and AWS service APIs",
                PortReach::ApiIntegrations},
               PortSpec::to("authorizer", "authorizer", {ServiceRole::UserPool},
                            "an API's authorizer here must be a Cognito user pool")};
    k.create = create_api;
    k.errors = apigateway_errors();
    k.icon = "apigateway";
    k.shape = DiagramShape::Box;
    // https://docs.aws.amazon.com/serverless-application-model/latest/developerguide/sam-resource-api.html
    // https://docs.aws.amazon.com/serverless-application-model/latest/developerguide/sam-resource-httpapi.html
    k.cfn = {{"AWS::Serverless::Api",
              {"StageName", "Name", "Description", "EndpointConfiguration", "MethodSettings", "Auth", "Cors",
               "TracingEnabled", "Tags"},
              "REST",
              "ApiType",
              {"AWS::ApiGateway::RestApi"}},
             {"AWS::Serverless::HttpApi",
              {"StageName", "Name", "Description", "Auth", "CorsConfiguration", "DefaultRouteSettings", "Tags"},
              "HTTP",
              "ApiType",
              {"AWS::ApiGatewayV2::Api"}}};
    k.sample = {{"method", "POST"},
                {"path", "/orders"},
                {"body", {{"orderId", "order-1"}, {"customer", "customer-7"}, {"total", 42}}}};
    k.sample_payload = "/body";
    k.cfn[0].complete = apigateway_cfn_complete;  // null in the page, which never exports (apigateway_cfn.cpp)
    return k;
}

}  // namespace sim::svc
