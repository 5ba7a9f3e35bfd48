// sns_endpoints.cpp — subscription endpoints outside AWS: an HTTP(S) endpoint and an email inbox.
// Modelled:     [x] HTTP endpoint latency, 5xx (ErrorRate) and 4xx (ClientErrorRate) answers
//               [x] email: a sink counting deliveries
//               [x] an EventBridge API destination's endpoint (Resource: ApiDestination)
// Not modelled: [ ] subscription confirmation handshakes  [ ] TLS  [ ] bounces
//               [ ] an API destination's rate limit and its connection's authorization
#include "pattern/config_reader.h"
#include "services/sns/sns.h"

namespace sim::svc {
namespace {
// What an HTTP(S) subscriber answers when its ErrorRate / ClientErrorRate strike.
constexpr ErrorSpec kEndpointServerError{"InternalServerError", 500, ErrorClass::Server};
constexpr ErrorSpec kEndpointBadRequest{"BadRequest", 400, ErrorClass::Client};

class HttpEndpoint final : public Service {
public:
    HttpEndpoint(Distribution latency, double error_rate, double client_error_rate)
        : latency_(latency), error_rate_(error_rate), client_error_rate_(client_error_rate) {}

    void on_message(Context& ctx, const Inbound& in) override {
        const SimTime now = ctx.now();
        ctx.metrics().count(Counter::Invocations, now);
        const SimTime d = latency_.sample(ctx.rng());
        ctx.metrics().observe_latency(d, now);
        Reply r;
        if (ctx.rng().chance(error_rate_))
            r = Reply::failure(kEndpointServerError, "endpoint answered 500 (ErrorRate)");
        else if (ctx.rng().chance(client_error_rate_))
            r = Reply::failure(kEndpointBadRequest, "endpoint answered 400 (ClientErrorRate)");
        if (!r.ok()) ctx.metrics().count(Counter::Errors, now);
        ctx.span(in.msg, "POST", now, r.ok() ? Outcome::Ok : Outcome::Error, r.detail);
        if (in.caller.valid()) ctx.reply(in.caller, std::move(r), d);
    }

private:
    Distribution latency_;
    double error_rate_, client_error_rate_;
};

class EmailInbox final : public Service {
public:
    void on_message(Context& ctx, const Inbound& in) override {
        ctx.metrics().count(Counter::Invocations, ctx.now());
        ++received_;
        if (in.caller.valid()) ctx.reply(in.caller, Reply{}, msec(200));
    }
    void report(Json& out) const override { out["emails_received"] = received_; }

private:
    std::uint64_t received_ = 0;
};

std::unique_ptr<Service> create_http(BuildContext& ctx) {
    ConfigReader& r = ctx.config;
    const Distribution latency = r.distribution("LatencyMs", Distribution::lognormal(80, 400));
    const double err = r.number("ErrorRate", 0, 0, 1, "");
    const double client = r.number("ClientErrorRate", 0, 0, 1, "");
    r.raw("Endpoint");
    // An EventBridge API destination (as a template import reads one): its InvocationEndpoint is
    // the endpoint; HttpMethod, Name and Description describe it. Its rate limit and its
    // connection's authorization are not modelled.
    if (r.choice("Resource", "Endpoint", {"Endpoint", "ApiDestination"}) == "ApiDestination")
        for (const char* key : {"InvocationEndpoint", "HttpMethod", "Name", "Description"}) r.raw(key);
    return std::make_unique<HttpEndpoint>(latency, err, client);
}

std::unique_ptr<Service> create_email(BuildContext& ctx) {
    ctx.config.raw("Endpoint");
    return std::make_unique<EmailInbox>();
}

}  // namespace

ServiceKind http_endpoint_kind() {
    ServiceKind k;
    k.type = "http";
    k.role = ServiceRole::HttpEndpoint;
    k.label = "HTTP endpoint";
    k.group = "edge";
    k.description = "An HTTP(S) endpoint outside AWS (webhook receiver), or an EventBridge API destination calling one";
    k.errors = {kEndpointServerError, kEndpointBadRequest};
    k.create = create_http;
    // A plain endpoint is no AWS resource; one with "Resource": "ApiDestination" is
    // (https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-events-apidestination.html).
    // Only an import sets it: nothing generates the ConnectionArn, HttpMethod and InvocationEndpoint
    // CloudFormation requires.
    k.cfn = {
        {"AWS::Events::ApiDestination",
         {"ConnectionArn", "Description", "HttpMethod", "InvocationEndpoint", "InvocationRateLimitPerSecond", "Name"},
         "ApiDestination",
         "Resource"}};
    k.cfn[0].selected_only = true;
    k.icon = "http";
    k.shape = DiagramShape::Box;
    k.sample = {{"id", "event-1"}};
    return k;
}

ServiceKind email_kind() {
    ServiceKind k;
    k.type = "email";
    k.role = ServiceRole::Email;
    k.label = "Email";
    k.group = "messaging";
    k.description = "An email address subscribed to a topic";
    k.create = create_email;
    k.icon = "email";
    k.shape = DiagramShape::Box;
    k.sample = {{"id", "event-1"}};
    return k;
}

}  // namespace sim::svc
