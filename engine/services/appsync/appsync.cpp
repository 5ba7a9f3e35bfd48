// appsync.cpp — an AppSync GraphQL API: each `out` edge is a resolver (edge config TypeName,
// FieldName and, for DynamoDB, Operation + request parameters with "$.arguments.x" paths);
// mutations are pushed to subscribed clients; an `authorizer` edge to a Cognito pool guards it.
// Requests: {"type": "Query"|"Mutation", "field": "createPost", "arguments": {...}} (+ a token).
// Modelled:     [x] unit resolvers to DynamoDB (PutItem, GetItem, UpdateItem, DeleteItem, Query) and
//                   Lambda (event {arguments, identity, info}); unknown field → GraphQL error
//               [x] 30 s execution limit → "ExecutionTimeout" error; resolver errors come back as
//                   HTTP 200 with an "errors" array, as GraphQL does
//               [x] Subscriptions config [{"Field", "Mutations": [...], "ConnectedClients": n}]:
//                   each successful mutation is delivered to n clients (at most once, no replay)
//               [x] Cognito user pool auth → 401 UnauthorizedException before any resolver runs
//               [x] $4.00 per 1M query/mutation operations, $2.00 per 1M real-time messages,
//                   $0.08 per 1M connection-minutes (unverified, AWS-FACTS §12)
// Not modelled: [ ] pipeline resolvers, VTL/JS code  [ ] caching  [ ] enhanced subscription filters
// AWS: https://docs.aws.amazon.com/appsync/latest/devguide/what-is-appsync.html
#include "services/appsync/appsync.h"
#include "services/appsync/appsync_contract.h"

#include "pattern/config_reader.h"
#include "pattern/pattern.h"
#include "prices/price_table.h"
#include "services/json_path.h"

#include <map>

namespace sim::svc {
namespace {

struct Resolver {
    const Link* link = nullptr;
    std::string type, field, operation;
    Json params = Json::object();
};

struct Subscription {
    std::string field;
    std::vector<std::string> mutations;
    std::int64_t clients = 0;
};

struct Config {
    std::string name;
    std::vector<Resolver> resolvers;
    std::vector<Subscription> subscriptions;
    const Link* authorizer = nullptr;
    Distribution overhead = Distribution::lognormal(8, 30);
};

struct Pending {
    Message msg;
    CallerRef caller;
    SimTime start;
    const Resolver* resolver = nullptr;
    bool authorizing = false;
    std::uint64_t timeout = 0;
};

class GraphQlApi final : public Service {
public:
    explicit GraphQlApi(Config c) : c_(std::move(c)) {}

    void on_start(Context& ctx) override {
        for (const Subscription& s : c_.subscriptions) connected_ += s.clients;
        if (connected_ > 0) ctx.start_timer(minutes(1), 0);
    }

    void on_timer(Context& ctx, std::uint64_t tag) override {
        if (tag == 0) {  // connection minutes of the subscribed clients
            connection_minutes_ += static_cast<double>(connected_);
            ctx.metrics().add_cost(static_cast<double>(connected_) * price_table::kAppSyncConnectionMinutesPer1M / 1e6,
                                   ctx.now());
            ctx.start_timer(minutes(1), 0);
            return;
        }
        auto it = pending_.find(tag);
        if (it == pending_.end()) return;
        Pending p = std::move(it->second);
        pending_.erase(it);
        ctx.metrics().count(Counter::Timeouts, ctx.now());
        respond(ctx, p, 200, "ExecutionTimeout", "Execution timed out (30 s)", nullptr);
    }

    void on_message(Context& ctx, const Inbound& in) override {
        const SimTime now = ctx.now();
        ctx.metrics().count(Counter::Invocations, now);
        Pending p{in.msg, in.caller, now, nullptr, false, 0};
        const Json& req = in.msg.body ? *in.msg.body : Json::object();
        const Json& op = req.is_object() && req.contains("body") && req["body"].is_object() ? req["body"] : req;
        const std::string type = op.is_object() ? op.value("type", std::string("Query")) : "Query";
        const std::string field = op.is_object() ? op.value("field", std::string()) : "";
        for (const Resolver& r : c_.resolvers)
            if (r.type == type && r.field == field) p.resolver = &r;
        ctx.metrics().add_cost(price_table::kAppSyncOperation, now);  // per query / mutation operation
        if (c_.authorizer) {
            p.authorizing = true;
            Message check = in.msg;
            check.body = std::make_shared<const Json>(Json{{"operation", "Authorize"}, {"request", req}});
            const std::uint64_t call = ctx.call(*c_.authorizer, std::move(check));
            pending_.emplace(call, std::move(p));
            return;
        }
        resolve(ctx, std::move(p));
    }

    void on_reply(Context& ctx, std::uint64_t call, const Reply& r) override {
        auto it = pending_.find(call);
        if (it == pending_.end()) return;  // timed out already
        Pending p = std::move(it->second);
        pending_.erase(it);
        if (p.authorizing) {
            if (!r.ok())
                return respond(ctx, p, 401, kAppSyncUnauthorized.code.data(), "Valid authorization header not provided",
                               nullptr);
            p.authorizing = false;
            return resolve(ctx, std::move(p));
        }
        ctx.cancel_timer(p.timeout);
        if (!r.ok()) return respond(ctx, p, 200, r.error.c_str(), r.detail, nullptr);
        if (p.resolver->type == "Mutation") publish(ctx, p);
        respond(ctx, p, 200, "", "", r.body);
    }

    void report(Json& out) const override {
        out["operations"] = operations_;
        out["graphql_errors"] = graphql_errors_;
        out["subscription_messages"] = deliveries_;
        out["connection_minutes"] = connection_minutes_;
    }

    Json inspect() const override {
        Json resolvers = Json::array();
        for (const Resolver& r : c_.resolvers) resolvers.push_back(r.type + "." + r.field + " -> " + r.link->target_id);
        return {{"api", c_.name},
                {"resolvers", resolvers},
                {"connected_clients", connected_},
                {"in_flight", pending_.size()}};
    }

private:
    void resolve(Context& ctx, Pending p) {
        if (!p.resolver) return respond(ctx, p, 200, "ValidationError", "no resolver for this field", nullptr);
        const Resolver& r = *p.resolver;
        const Json& req = p.msg.body ? *p.msg.body : Json::object();
        const Json& op = req.is_object() && req.contains("body") && req["body"].is_object() ? req["body"] : req;
        const Json event = {{"arguments", op.is_object() ? op.value("arguments", Json::object()) : Json::object()},
                            {"info", {{"parentTypeName", r.type}, {"fieldName", r.field}}}};
        Json body;
        if (r.link->target_role == ServiceRole::Function) {
            body = event;
        } else {
            body = resolve_paths(r.params, event);
            body["operation"] = r.operation;
        }
        Message m = p.msg;
        m.id = ctx.new_message_id();
        m.type = "appsync.resolver";
        m.body = std::make_shared<const Json>(std::move(body));
        const std::uint64_t call = ctx.call(*r.link, std::move(m), c_.overhead.sample(ctx.rng()));
        p.timeout = ctx.start_timer(sec(30), call);  // the 30 s hard limit per request
        pending_.emplace(call, std::move(p));
    }

    void publish(Context& ctx, const Pending& p) {
        for (const Subscription& s : c_.subscriptions) {
            bool match = false;
            for (const std::string& m : s.mutations) match = match || m == p.resolver->field;
            if (!match || s.clients == 0) continue;
            deliveries_ += static_cast<std::uint64_t>(s.clients);
            ctx.metrics().add_cost(static_cast<double>(s.clients) * price_table::kAppSyncRealtimeMessagesPer1M / 1e6,
                                   ctx.now());
            ctx.metrics().count(Counter::MessagesOut, ctx.now(), static_cast<std::uint64_t>(s.clients));
        }
    }

    void respond(Context& ctx, const Pending& p, int status, const char* error, const std::string& detail,
                 JsonPtr data) {
        ++operations_;
        const bool ok = *error == 0;
        if (!ok) {
            ++graphql_errors_;
            ctx.metrics().count(Counter::Errors, ctx.now());
        }
        ctx.metrics().observe_latency(ctx.now() - p.start, ctx.now());
        ctx.span(p.msg, p.resolver ? p.resolver->type + "." + p.resolver->field : "graphql", p.start,
                 ok ? Outcome::Ok : Outcome::Error, detail);
        Reply r = status == 401 ? Reply::failure(kAppSyncUnauthorized, detail) : Reply{};
        r.status = status;
        // GraphQL answers 200 with "errors" for resolver failures.
        Json body = ok ? Json{{"data", data ? *data : Json()}}
                       : Json{{"data", nullptr}, {"errors", {{{"errorType", error}, {"message", detail}}}}};
        r.body = std::make_shared<const Json>(std::move(body));
        ctx.reply(p.caller, std::move(r));
    }

    Config c_;
    std::map<std::uint64_t, Pending> pending_;
    std::int64_t connected_ = 0;
    std::uint64_t operations_ = 0, graphql_errors_ = 0, deliveries_ = 0;
    double connection_minutes_ = 0;
};

std::unique_ptr<Service> create_api(BuildContext& ctx) {
    ConfigReader& r = ctx.config;
    Config c;
    c.name = r.text("Name", ctx.spec.id);
    r.raw("AuthenticationType");
    r.raw("Schema");
    c.overhead = r.distribution("LatencyMs", c.overhead);
    for (const Link& l : ctx.links) {
        if (l.port == "authorizer") {
            c.authorizer = &l;
            continue;
        }
        const std::string path = "/edges/" + std::to_string(l.edge) + "/config";
        ConfigReader er(l.config, path, ctx.diagnostics);
        Resolver res;
        res.link = &l;
        res.type = er.choice("TypeName", "Query", {"Query", "Mutation"});
        res.field = er.text("FieldName", "");
        if (res.field.empty()) er.error("FieldName", "a resolver edge needs FieldName (the GraphQL field it resolves)");
        if (l.target_role == ServiceRole::Table) {
            // The data source's operations are the table's contract's (AppSync's DynamoDB resolvers
            // call them by the same names).
            std::vector<std::string> operations;
            if (const ServiceKind* table = ctx.registry.find(l.target_type))
                for (const OperationSpec& op : table->operations) operations.emplace_back(op.name);
            res.operation = er.choice("Operation", "GetItem", std::move(operations));
            for (const char* k : {"Item", "Key", "KeyConditionExpression", "UpdateExpression", "ConditionExpression",
                                  "ExpressionAttributeValues", "ExpressionAttributeNames"})
                if (const Json* v = er.raw(k)) res.params[k] = *v;
        }
        er.finish();
        c.resolvers.push_back(std::move(res));
    }
    if (const Json* subs = r.raw("Subscriptions")) {
        if (!subs->is_array())
            r.error("Subscriptions",
                    "Subscriptions must be an array of {\"Field\", \"Mutations\", \"ConnectedClients\"}, got " +
                        subs->dump());
        else
            for (std::size_t i = 0; i < subs->size(); ++i) {
                ConfigReader sr((*subs)[i], r.path_of("Subscriptions") + "/" + std::to_string(i), ctx.diagnostics);
                Subscription s;
                s.field = sr.text("Field", "onChange");
                s.clients = sr.integer("ConnectedClients", 1, 0, 10'000'000, "clients");
                if (const Json* m = sr.raw("Mutations"); m && m->is_array())
                    for (const Json& x : *m)
                        if (x.is_string()) s.mutations.push_back(x);
                if (s.mutations.empty())
                    sr.error("Mutations", "a subscription needs Mutations: the mutation fields that trigger it");
                sr.finish();
                c.subscriptions.push_back(std::move(s));
            }
    }
    return std::make_unique<GraphQlApi>(std::move(c));
}

}  // namespace

ServiceKind appsync_kind() {
    ServiceKind k;
    k.public_endpoint = true;
    k.type = "appsync";
    k.role = ServiceRole::GraphQlApi;
    k.label = "AppSync";
    k.group = "api";
    k.description = "GraphQL API: resolvers to DynamoDB and Lambda, subscriptions pushed to connected clients";
    k.ports = {PortSpec::to("out", "resolvers (data sources)", {ServiceRole::Table, ServiceRole::Function},
                            "AppSync resolvers here reach DynamoDB or Lambda data sources"),
               PortSpec::to("authorizer", "authorizer", {ServiceRole::UserPool},
                            "an AppSync API's user-pool authorizer must be a Cognito user pool")};
    k.operations = appsync_operations();
    k.errors = appsync_errors();
    k.create = create_api;
    k.icon = "appsync";
    k.shape = DiagramShape::Box;
    // https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-appsync-graphqlapi.html
    k.cfn = {{"AWS::AppSync::GraphQLApi", {"Name", "AuthenticationType", "UserPoolConfig", "XrayEnabled", "Tags"}}};
    k.sample = {{"id", "event-1"}};
    k.cfn[0].complete = appsync_cfn_complete;  // null in the page, which never exports (appsync_cfn.cpp)
    return k;
}

}  // namespace sim::svc
