// cognito.cpp — a Cognito user pool: validates the ID tokens requests carry (for API Gateway and
// AppSync authorizers), issues tokens on InitiateAuth, and bills monthly active users.
// Token text in the playground: "<user>" (a token the client got at its first request) or
// "<user>@<issued unix s>"; "", "invalid..." and unknown forms are rejected.
// Modelled:     [x] missing / malformed token → 401 Unauthorized before any integration runs
//               [x] IdTokenValidity (5 min..1 day, default 60 min; TokenValidityUnits.IdToken) →
//                   expired tokens get 401 "The incoming token has expired"; with
//                   ClientRefreshesTokens the client refreshes (an MAU activity) and goes on
//               [x] validation is local JWT checking (no Cognito request per call, JWKS cached)
//               [x] MAU per calendar month: Lite $0.0055 / Essentials $0.015 beyond 10,000 free;
//                   Plus $0.02 (no free tier) — unverified prices from AWS-FACTS §11
// Not modelled: [ ] sign-up flows, MFA, groups / scopes  [ ] API rate quotas  [ ] federation
// AWS:
// https://docs.aws.amazon.com/cognito/latest/developerguide/amazon-cognito-user-pools-using-tokens-with-identity-providers.html
#include "services/cognito/cognito.h"

#include "core/civil_time.h"
#include "pattern/config_reader.h"
#include "pattern/pattern.h"
#include "prices/price_table.h"

#include <cstdlib>
#include <map>
#include <set>

namespace sim::svc {

// A missing, malformed or expired token (the Cognito user pools authorizer answers 401).
constexpr ErrorSpec kCognitoUnauthorized{"Unauthorized", 401, ErrorClass::Client};

std::string token_of(const Json& req) {
    if (!req.is_object()) return {};
    if (auto h = req.find("headers"); h != req.end() && h->is_object()) {
        for (const char* k : {"Authorization", "authorization"})
            if (auto a = h->find(k); a != h->end() && a->is_string()) {
                std::string t = *a;
                return t.rfind("Bearer ", 0) == 0 ? t.substr(7) : t;
            }
    }
    if (auto b = req.find("body"); b != req.end() && b->is_object())
        if (auto t = b->find("token"); t != b->end() && t->is_string()) return *t;
    if (auto t = req.find("token"); t != req.end() && t->is_string()) return *t;
    return {};
}

namespace {

struct Config {
    std::string pool;
    SimTime validity = minutes(60);
    bool refresh = true;
    double price_per_mau = price_table::kCognitoEssentialsMau;
    std::uint64_t free_mau = static_cast<std::uint64_t>(price_table::kCognitoFreeMau);
};

class UserPool final : public Service {
public:
    explicit UserPool(Config c) : c_(std::move(c)) {}

    void on_message(Context& ctx, const Inbound& in) override {
        const SimTime now = ctx.now();
        ctx.metrics().count(Counter::Invocations, now);
        static const Json kEmpty = Json::object();
        const Json& req = in.msg.body ? *in.msg.body : kEmpty;
        const std::string op = req.is_object() ? req.value("operation", std::string("Authorize")) : "Authorize";
        const std::int64_t now_unix = static_cast<std::int64_t>(ctx.start_unix_s()) + now.us / 1000000;
        Reply r;
        if (op == "InitiateAuth") {  // sign-in: a new token for the user
            const std::string user = req.value("Username", std::string("user-") + std::to_string(in.msg.id));
            active(ctx, user, now_unix);
            signed_in_[user] = now_unix;
            ++sign_ins_;
            r.body = std::make_shared<const Json>(Json{{"AuthenticationResult",
                                                        {{"IdToken", user + "@" + std::to_string(now_unix)},
                                                         {"ExpiresIn", c_.validity.us / 1000000},
                                                         {"TokenType", "Bearer"}}}});
        } else {
            r = authorize(ctx, token_of(req.contains("request") ? req["request"] : req), now_unix);
        }
        if (!r.ok()) {
            ++rejected_;
            ctx.metrics().count(Counter::Errors, now);
        }
        if (ctx.tracing(in.msg)) ctx.span(in.msg, op, now, r.ok() ? Outcome::Ok : Outcome::Error, r.detail);
        if (in.caller.valid())
            ctx.reply(in.caller, std::move(r));
        else if (!r.ok())
            ctx.drop(in.msg, DropReason::Refused, op + " refused: " + r.detail);
    }

    void report(Json& out) const override {
        out["tokens_accepted"] = accepted_;
        out["tokens_rejected"] = rejected_;
        out["token_refreshes"] = refreshes_;
        out["sign_ins"] = sign_ins_;
        out["mau_this_month"] = month_users_.size();
    }

    Json inspect() const override {
        return {{"user_pool", c_.pool},
                {"id_token_validity_s", c_.validity.us / 1000000},
                {"known_users", signed_in_.size()},
                {"monthly_active_users", month_users_.size()},
                {"client_refreshes_tokens", c_.refresh}};
    }

private:
    Reply authorize(Context& ctx, const std::string& token, std::int64_t now_unix) {
        if (token.empty()) return Reply::failure(kCognitoUnauthorized, "Unauthorized: no token");
        if (token.rfind("invalid", 0) == 0 || token == "expired")
            return Reply::failure(kCognitoUnauthorized,
                                  "Unauthorized: token signature or issuer does not match the pool");
        std::string user = token;
        std::int64_t issued = -1;
        if (const auto at = token.find('@'); at != std::string::npos) {
            user = token.substr(0, at);
            char* end = nullptr;
            issued = std::strtoll(token.c_str() + at + 1, &end, 10);
            if (!end || *end || user.empty())
                return Reply::failure(kCognitoUnauthorized, "Unauthorized: malformed token");
        } else {
            auto it = signed_in_.find(user);
            if (it == signed_in_.end()) {  // first sighting: the client signed in just before
                it = signed_in_.emplace(user, now_unix).first;
                ++sign_ins_;
                active(ctx, user, now_unix);
            }
            issued = it->second;
        }
        if (now_unix >= issued + c_.validity.us / 1000000) {
            if (!c_.refresh || token.find('@') != std::string::npos)
                return Reply::failure(kCognitoUnauthorized, "The incoming token has expired");
            signed_in_[user] = now_unix;  // REFRESH_TOKEN_AUTH: a new ID token
            ++refreshes_;
            active(ctx, user, now_unix);
        }
        ++accepted_;
        Reply r;
        r.body = std::make_shared<const Json>(Json{{"sub", user}, {"token_use", "id"}, {"cognito:username", user}});
        return r;
    }

    // MAU: a user counts once per calendar month after any identity operation.
    void active(Context& ctx, const std::string& user, std::int64_t now_unix) {
        const CivilTime t = civil_from_unix(now_unix);
        const int month = t.year * 12 + t.month;
        if (month != month_) {
            month_ = month;
            month_users_.clear();
        }
        if (!month_users_.insert(user).second) return;
        if (month_users_.size() > c_.free_mau) ctx.metrics().add_cost(c_.price_per_mau, ctx.now());
    }

    Config c_;
    std::map<std::string, std::int64_t> signed_in_;  // user → ID token issue time (unix s)
    std::set<std::string> month_users_;
    int month_ = -1;
    std::uint64_t accepted_ = 0, rejected_ = 0, refreshes_ = 0, sign_ins_ = 0;
};

std::unique_ptr<Service> create_pool(BuildContext& ctx) {
    ConfigReader& r = ctx.config;
    Config c;
    c.pool = r.text("UserPoolName", ctx.spec.id);
    std::string unit = "hours";
    if (const Json* u = r.raw("TokenValidityUnits")) {
        ConfigReader ur(*u, r.path_of("TokenValidityUnits"), ctx.diagnostics);
        unit = ur.choice("IdToken", "hours", {"seconds", "minutes", "hours", "days"});
        ur.raw("AccessToken");
        ur.raw("RefreshToken");
        ur.finish();
    }
    const std::int64_t unit_s = unit == "seconds" ? 1 : unit == "minutes" ? 60 : unit == "days" ? 86400 : 3600;
    // ID token lifetime: 5 minutes to 1 day (AWS), default 1 hour.
    c.validity = sec(unit_s * r.integer("IdTokenValidity", 3600 / unit_s, (300 + unit_s - 1) / unit_s, 86400 / unit_s,
                                        unit.c_str()));
    c.refresh = r.boolean("ClientRefreshesTokens", true);
    const std::string tier = r.choice("UserPoolTier", "ESSENTIALS", {"LITE", "ESSENTIALS", "PLUS"});
    c.price_per_mau = tier == "LITE"   ? price_table::kCognitoLiteMau
                      : tier == "PLUS" ? price_table::kCognitoPlusMau
                                       : price_table::kCognitoEssentialsMau;
    c.free_mau = tier == "PLUS" ? 0 : static_cast<std::uint64_t>(price_table::kCognitoFreeMau);
    r.raw("Policies");
    r.raw("AutoVerifiedAttributes");
    r.raw("UsernameAttributes");
    return std::make_unique<UserPool>(std::move(c));
}

}  // namespace

ServiceKind cognito_kind() {
    ServiceKind k;
    k.public_endpoint = true;
    k.type = "cognito";
    k.role = ServiceRole::UserPool;
    k.label = "Cognito user pool";
    k.group = "api";
    k.description = "Sign-in and ID tokens; as an API's authorizer it turns away requests without a valid token (401)";
    k.errors = {kCognitoUnauthorized};
    k.create = create_pool;
    k.icon = "cognito";
    k.shape = DiagramShape::Box;
    // https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-cognito-userpool.html
    k.cfn = {{"AWS::Cognito::UserPool",
              {"UserPoolName", "UserPoolTier", "AutoVerifiedAttributes", "UsernameAttributes", "Policies",
               "MfaConfiguration"}}};
    k.sample = {{"id", "event-1"}};
    return k;
}

}  // namespace sim::svc
