// dynamodb.cpp — a DynamoDB table: items by key, capacity accounting and throttling, pricing.
// Modelled:     [x] KeySchema (HASH, optional RANGE); PutItem / GetItem / DeleteItem by key
//               [x] 400 KB item limit → ValidationException; missing key attribute → ValidationException
//               [x] ConditionExpression "attribute_not_exists(<key>)" / "attribute_exists(<key>)"
//                   → ConditionalCheckFailedException (still consumes write capacity)
//               [x] capacity units: writes ceil(size / 1 KB), reads ceil(size / 4 KB), eventually
//                   consistent reads half; PAY_PER_REQUEST ($0.625 / 1M WRU, $0.125 / 1M RRU)
//               [x] PROVISIONED: RCU/WCU per second with 300 s of burst credit →
//                   ProvisionedThroughputExceededException; $0.00065 / WCU-h, $0.00013 / RCU-h
//               [x] on-demand table limits: 40,000 RRU / 40,000 WRU per second → ThrottlingException
// Not modelled: [ ] general condition/update expressions  [ ] Query/Scan  [ ] TTL  [ ] Streams
//               [ ] partitions and hot keys  [ ] transactions  [ ] storage cost
// AWS: https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/read-write-operations.html
#include "services/dynamodb.h"

#include "pattern/config_reader.h"
#include "pattern/pattern.h"

#include <algorithm>
#include <map>
#include <set>

namespace sim::svc {
namespace {

constexpr std::int64_t kMaxItemBytes = 400 * 1024;
constexpr std::size_t kMaxStoredItems = 200'000;   // contents kept for browsing; counts always exact

struct Config {
    std::string table;
    std::string hash_key, range_key;
    bool on_demand = true;
    double rcu = 5, wcu = 5;        // provisioned per-second capacity
    Distribution latency = Distribution::lognormal(4, 12);
};

// A token bucket holding up to 300 s of unused capacity (DynamoDB burst capacity).
struct Capacity {
    double per_second = 0, tokens = 0;
    SimTime at;
    bool take(double units, SimTime now, double burst_seconds) {
        tokens = std::min(per_second * burst_seconds, tokens + per_second * static_cast<double>(now.us - at.us) / 1e6);
        at = now;
        if (tokens < units) return false;
        tokens -= units;
        return true;
    }
};

class Table final : public Service {
public:
    explicit Table(Config c) : c_(std::move(c)) {
        const double burst = c_.on_demand ? 1.0 : 300.0;
        reads_.per_second = c_.on_demand ? 40000 : c_.rcu;
        writes_.per_second = c_.on_demand ? 40000 : c_.wcu;
        reads_.tokens = reads_.per_second * burst;
        writes_.tokens = writes_.per_second * burst;
    }

    void on_start(Context& ctx) override {
        if (!c_.on_demand) ctx.start_timer(hours(1), 0);
    }

    // Provisioned capacity is billed by the hour whether used or not.
    void on_timer(Context& ctx, std::uint64_t) override {
        ctx.metrics().add_cost(c_.wcu * 0.00065 + c_.rcu * 0.00013, ctx.now());
        ctx.start_timer(hours(1), 0);
    }

    void on_message(Context& ctx, const Inbound& in) override {
        const SimTime now = ctx.now();
        ctx.metrics().count(Counter::Invocations, now);
        const Json& req = in.msg.body ? *in.msg.body : empty_;
        const std::string op = req.is_object() ? req.value("operation", std::string("PutItem")) : "PutItem";
        Reply r = handle(ctx, op, req, in.msg);
        const SimTime latency = c_.latency.sample(ctx.rng());
        if (!r.ok()) ctx.metrics().count(r.status == 400 && is_throttle(r.error) ? Counter::Throttles : Counter::Errors, now);
        ctx.metrics().observe_latency(latency, now);
        if (ctx.tracing(in.msg)) ctx.span(in.msg, op, now, r.ok() ? Outcome::Ok : is_throttle(r.error) ? Outcome::Throttled : Outcome::Error, r.error);
        if (in.caller.valid()) ctx.reply(in.caller, std::move(r), latency);
        else if (!r.ok()) ctx.drop(in.msg, op + " failed: " + r.error + " " + r.detail);
    }

    void report(Json& out) const override {
        out["items"] = item_count_;
        out["items_written"] = writes_ok_;
        out["conditional_check_failed"] = conditional_failed_;
        out["read_units"] = read_units_;
        out["write_units"] = write_units_;
    }

    Json inspect() const override {
        Json items = Json::array();
        std::size_t n = 0;
        for (const auto& [key, item] : items_) {
            if (++n > 200) break;
            items.push_back(*item);
        }
        return {{"table", c_.table}, {"item_count", item_count_}, {"items", items},
                {"stored_contents_limited", item_count_ > items_.size()}};
    }

private:
    static bool is_throttle(const std::string& e) {
        return e == "ProvisionedThroughputExceededException" || e == "ThrottlingException";
    }

    static Reply fail(const char* error, std::string detail) { return Reply{400, error, std::move(detail), nullptr, 0}; }

    // Key text from an item or key object; empty (with `why`) when a key attribute is missing.
    std::string key_of(const Json& obj, std::string& why) const {
        if (!obj.is_object() || !obj.contains(c_.hash_key) || obj[c_.hash_key].is_null()) {
            why = "missing the key attribute '" + c_.hash_key + "'";
            return {};
        }
        std::string k = obj[c_.hash_key].dump();
        if (!c_.range_key.empty()) {
            if (!obj.contains(c_.range_key) || obj[c_.range_key].is_null()) {
                why = "missing the key attribute '" + c_.range_key + "'";
                return {};
            }
            k += "\x1f" + obj[c_.range_key].dump();
        }
        return k;
    }

    Reply handle(Context& ctx, const std::string& op, const Json& req, const Message& msg) {
        const SimTime now = ctx.now();
        if (op == "PutItem") {
            const Json* item = req.contains("Item") ? &req["Item"] : req.contains("Event") ? &req["Event"] : nullptr;
            if (!item || !item->is_object()) return fail("ValidationException", "PutItem needs an Item object");
            std::string why;
            const std::string key = key_of(*item, why);
            if (key.empty()) return fail("ValidationException", "One of the required keys was not given a value: " + why);
            const auto size = static_cast<std::int64_t>(item->dump().size());
            if (size > kMaxItemBytes) return fail("ValidationException", "Item size has exceeded the maximum allowed size (400 KB)");
            const double units = static_cast<double>((size + 1023) / 1024);
            if (!writes_.take(units, now, c_.on_demand ? 1.0 : 300.0))
                return fail(c_.on_demand ? "ThrottlingException" : "ProvisionedThroughputExceededException", "write capacity exceeded");
            charge_write(ctx, units);
            const bool exists = keys_.count(key) > 0;
            const std::string cond = req.value("ConditionExpression", std::string());
            if (!cond.empty() && !condition_holds(cond, exists)) {
                ++conditional_failed_;
                return fail("ConditionalCheckFailedException", "The conditional request failed");
            }
            if (!exists) {
                keys_.insert(key);
                ++item_count_;
            }
            if (items_.size() < kMaxStoredItems || items_.count(key)) items_[key] = std::make_shared<const Json>(*item);
            ++writes_ok_;
            (void)msg;
            return Reply{200, "", "", nullptr, 0};
        }
        if (op == "GetItem" || op == "DeleteItem") {
            const Json* keyobj = req.contains("Key") ? &req["Key"] : nullptr;
            if (!keyobj) return fail("ValidationException", op + " needs a Key object");
            std::string why;
            const std::string key = key_of(*keyobj, why);
            if (key.empty()) return fail("ValidationException", "The provided key element does not match the schema: " + why);
            auto it = items_.find(key);
            const std::int64_t size = it != items_.end() ? static_cast<std::int64_t>(it->second->dump().size()) : 1;
            if (op == "GetItem") {
                const bool strong = req.value("ConsistentRead", false);
                const double units = static_cast<double>((size + 4095) / 4096) * (strong ? 1.0 : 0.5);
                if (!reads_.take(units, now, c_.on_demand ? 1.0 : 300.0))
                    return fail(c_.on_demand ? "ThrottlingException" : "ProvisionedThroughputExceededException", "read capacity exceeded");
                read_units_ += units;
                if (c_.on_demand) ctx.metrics().add_cost(units * 0.125 / 1e6, now);
                Reply r;
                r.body = std::make_shared<const Json>(it != items_.end() ? Json{{"Item", *it->second}} : Json::object());
                return r;
            }
            const double units = static_cast<double>((size + 1023) / 1024);
            if (!writes_.take(units, now, c_.on_demand ? 1.0 : 300.0))
                return fail(c_.on_demand ? "ThrottlingException" : "ProvisionedThroughputExceededException", "write capacity exceeded");
            charge_write(ctx, units);
            const std::string cond = req.value("ConditionExpression", std::string());
            const bool exists = keys_.count(key) > 0;
            if (!cond.empty() && !condition_holds(cond, exists)) {
                ++conditional_failed_;
                return fail("ConditionalCheckFailedException", "The conditional request failed");
            }
            if (exists) {
                keys_.erase(key);
                --item_count_;
            }
            items_.erase(key);
            return Reply{};
        }
        return fail("ValidationException", "operation '" + op + "' is not simulated on DynamoDB tables");
    }

    bool condition_holds(const std::string& cond, bool exists) const {
        if (cond.rfind("attribute_not_exists(", 0) == 0) return !exists;
        if (cond.rfind("attribute_exists(", 0) == 0) return exists;
        return true;
    }

    void charge_write(Context& ctx, double units) {
        write_units_ += units;
        if (c_.on_demand) ctx.metrics().add_cost(units * 0.625 / 1e6, ctx.now());
    }

    Config c_;
    Capacity reads_, writes_;
    std::set<std::string> keys_;
    std::map<std::string, JsonPtr> items_;
    std::uint64_t item_count_ = 0, writes_ok_ = 0, conditional_failed_ = 0;
    double read_units_ = 0, write_units_ = 0;
    const Json empty_ = Json::object();
};

std::unique_ptr<Service> create_table(BuildContext& ctx) {
    ConfigReader& r = ctx.config;
    Config c;
    c.table = r.text("TableName", ctx.spec.id);
    if (const Json* ks = r.raw("KeySchema")) {
        bool ok = ks->is_array() && !ks->empty() && ks->size() <= 2;
        for (std::size_t i = 0; ok && i < ks->size(); ++i) {
            const Json& k = (*ks)[i];
            if (!k.is_object() || !k.contains("AttributeName") || !k["AttributeName"].is_string()) { ok = false; break; }
            const std::string type = k.value("KeyType", std::string());
            if (type == "HASH" && c.hash_key.empty()) c.hash_key = k["AttributeName"];
            else if (type == "RANGE" && c.range_key.empty()) c.range_key = k["AttributeName"];
            else ok = false;
        }
        if (!ok || c.hash_key.empty())
            r.error("KeySchema", "KeySchema must be [{\"AttributeName\": \"pk\", \"KeyType\": \"HASH\"}] with an optional RANGE key, got " + ks->dump());
    } else {
        c.hash_key = "id";
        ctx.diagnostics.warning(ctx.config.path_of("KeySchema"), "no KeySchema; using a HASH key named 'id'");
    }
    r.raw("AttributeDefinitions");
    c.on_demand = r.choice("BillingMode", "PAY_PER_REQUEST", {"PAY_PER_REQUEST", "PROVISIONED"}) == "PAY_PER_REQUEST";
    if (const Json* pt = r.raw("ProvisionedThroughput")) {
        ConfigReader pr(*pt, ctx.config.path_of("ProvisionedThroughput"), ctx.diagnostics);
        c.rcu = static_cast<double>(pr.integer("ReadCapacityUnits", 5, 1, 40000, "RCU"));
        c.wcu = static_cast<double>(pr.integer("WriteCapacityUnits", 5, 1, 40000, "WCU"));
        pr.finish();
        if (c.on_demand) ctx.diagnostics.warning(ctx.config.path_of("ProvisionedThroughput"), "ProvisionedThroughput is ignored with BillingMode PAY_PER_REQUEST");
    }
    c.latency = r.distribution("LatencyMs", c.latency);
    return std::make_unique<Table>(std::move(c));
}

}  // namespace

ServiceKind dynamodb_kind() {
    ServiceKind k;
    k.type = "dynamodb";
    k.label = "DynamoDB";
    k.group = "data";
    k.cfn_type = "AWS::DynamoDB::Table";
    k.description = "Key-value table billed per request (on-demand) or per capacity unit";
    k.ports = {{"stream", "stream (DynamoDB Streams)", {"lambda"}, "DynamoDB Streams feed Lambda through an event source mapping"}};
    k.create = create_table;
    return k;
}

}  // namespace sim::svc
