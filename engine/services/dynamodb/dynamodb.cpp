// dynamodb.cpp — a DynamoDB table: keys, conditional writes, capacity and throttling, TTL,
// Streams to Lambda, pricing. Operations live in dynamodb_ops.cpp, expressions in
// dynamodb_expressions.cpp / dynamodb_update.cpp, capacity in dynamodb_capacity.cpp, streams in
// dynamodb_streams.cpp, storage in dynamodb_storage.cpp.
// Modelled:     [x] KeySchema HASH (+ RANGE); PutItem / GetItem / UpdateItem / DeleteItem / Query / Scan
//               [x] condition expressions → ConditionalCheckFailedException (consumes WCU), counted,
//                   traced; update expressions SET / REMOVE / ADD / DELETE; ReturnValues
//               [x] 400 KB item limit; key size limits → ValidationException
//               [x] RCU/WCU (4 KB / 1 KB, eventual = half); on-demand and provisioned throttling
//               [x] TTL: expired items stay readable until a background deletion within
//                   TtlMaxDeletionDelaySeconds (default 48 h); TTL deletes use no WCU
//               [x] Streams (StreamSpecification) → Lambda event source mappings on `stream` edges
//               [x] prices: $0.625 / 1M WRU, $0.125 / 1M RRU; $0.00065 / WCU-h, $0.00013 / RCU-h;
//                   storage $0.25 / GB-month, the first 25 GB free with settings.freeTier
//                   (per table here; AWS: per account); capacity and storage accrue
//                   continuously (pro rata), storage at the size stored at each instant
// Not modelled: [ ] GSIs / LSIs  [ ] transactions and batch APIs  [ ] typed AttributeValue requests
//               (items are plain JSON, like the DocumentClient)  [ ] global tables  [ ] backups
//               [ ] the free tier's 25 provisioned WCU + 25 RCU
// AWS: https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/TTL.html
#include "services/dynamodb/dynamodb.h"
#include "services/dynamodb/dynamodb_contract.h"

#include "core/timer_tag.h"
#include "pattern/config_reader.h"
#include "pattern/pattern.h"
#include "prices/price_table.h"
#include "services/dynamodb/dynamodb_table.h"

namespace sim::svc {
namespace ddb {

namespace {
enum Tag : std::uint8_t { kHourly = 1, kTtl = 2, kStream = 3 };  // kStream: the stream's own timers
}  // namespace

Table::Table(TableConfig c) : c_(std::move(c)), store_(c_.keys, c_.content_limit), capacity_(c_.capacity) {
    if (c_.stream_view && !c_.mappings.empty())
        stream_ = std::make_unique<StreamFeed>(c_.table, *c_.stream_view, c_.stream_shards, c_.mappings, kStream);
}

void Table::on_start(Context& ctx) {
    update_hourly_cost(ctx);
    ctx.start_timer(hours(1), timer_tag(kHourly));
}

// Provisioned capacity is billed per hour whether used or not; storage per GB-month, the first
// 25 GB free only with settings.freeTier, like every other always-free allowance. Both accrue pro
// rata from now on at the rate this sets, which follows the stored size as it changes.
void Table::update_hourly_cost(Context& ctx) {
    billed_bytes_ = store_.bytes();
    double usd_per_hour = 0;
    if (!c_.capacity.on_demand)
        usd_per_hour += c_.capacity.wcu * price_table::kDdbWcuHour + c_.capacity.rcu * price_table::kDdbRcuHour;
    const double gb = static_cast<double>(store_.bytes()) / (1024.0 * 1024 * 1024);
    const double free_gb = ctx.account().free_tier.enabled() ? price_table::kDdbFreeStorageGb : 0.0;
    if (gb > free_gb)  // GB-month → per hour
        usd_per_hour += (gb - free_gb) * price_table::kDdbStorageGbMonth / price_table::kHoursPerMonth;
    ctx.metrics().set_hourly_cost(usd_per_hour, ctx.now());
}

void Table::on_message(Context& ctx, const Inbound& in) {
    const SimTime now = ctx.now();
    ctx.metrics().count(Counter::Invocations, now);
    static const Json kEmpty = Json::object();
    const Json& req = in.msg.body && in.msg.body->is_object() ? *in.msg.body : kEmpty;
    static const std::string kPutItem = "PutItem";
    const Json* opj = member(req, "operation");
    const std::string& op = opj && opj->is_string() ? opj->get_ref<const std::string&>() : kPutItem;
    Reply r = handle(ctx, op, req, in.msg);
    if (store_.bytes() != billed_bytes_) update_hourly_cost(ctx);
    const SimTime latency = c_.latency.sample(ctx.rng());
    ctx.metrics().observe_latency(latency, now);
    bool throttle = false;
    if (!r.ok()) {
        throttle = r.throttled();
        ctx.metrics().count(throttle ? Counter::Throttles : Counter::Errors, now);
        if (r.is(kDdbValidation)) ++validation_errors_;
        if (r.is(kDdbConditionalCheckFailed))
            ctx.note(&in.msg, Outcome::Error, op + " on " + c_.table + ": ConditionalCheckFailedException");
    }
    if (ctx.tracing(in.msg))
        ctx.span(in.msg, op, now,
                 r.ok()     ? Outcome::Ok
                 : throttle ? Outcome::Throttled
                            : Outcome::Error,
                 r.error.empty() ? "" : r.error + ": " + r.detail);
    if (in.caller.valid())
        ctx.reply(in.caller, std::move(r), latency);
    else if (!r.ok())
        ctx.drop(in.msg, DropReason::Refused, op + " failed: " + r.error + " " + r.detail);
}

void Table::on_reply(Context& ctx, std::uint64_t call, const Reply& r) {
    if (stream_) stream_->on_reply(ctx, call, r);
}

void Table::on_timer(Context& ctx, std::uint64_t tag) {
    if (stream_ && stream_->on_timer(ctx, tag)) return;
    if (timer_kind<Tag>(tag) == kTtl) {
        ttl_armed_ = kNever;
        sweep_ttl(ctx);
        return;
    }
    // Hourly: the charge so far is folded into the cost timeline.
    update_hourly_cost(ctx);
    ctx.start_timer(hours(1), timer_tag(kHourly));
}

std::int64_t Table::ttl_of(const Json& item) const {
    if (c_.ttl_attribute.empty()) return -1;
    auto it = item.find(c_.ttl_attribute);
    // TTL only applies to a Number attribute holding epoch seconds; other types are ignored.
    if (it == item.end() || !it->is_number()) return -1;
    const double v = it->get<double>();
    return v < 0 ? -1 : static_cast<std::int64_t>(v);
}

void Table::changed(Context& ctx, const Message& cause, const Json& key, const Json* old_item, const Json* new_item,
                    bool ttl_delete) {
    if (new_item) {
        const std::int64_t ttl = ttl_of(*new_item);
        if (ttl >= 0) {
            const StoredItem* s = store_.find(key);
            // Deleted at a random instant within the configured delay after expiry (best effort).
            const std::int64_t expiry_us = (ttl - static_cast<std::int64_t>(ctx.start_unix_s())) * 1000000;
            SimTime at{std::max(expiry_us, ctx.now().us)};
            if (c_.ttl_max_delay.us > 0)
                at.us += static_cast<std::int64_t>(ctx.rng().below(static_cast<std::uint64_t>(c_.ttl_max_delay.us)));
            ttl_queue_.emplace(at, std::make_pair(key, s ? s->version : 0));
            if (at < ttl_armed_) {
                ttl_armed_ = at;
                ctx.start_timer(at - ctx.now(), timer_tag(kTtl));
            }
        }
    }
    // Streams record a change only when the item actually changed.
    if (stream_ && !(old_item && new_item && *old_item == *new_item))
        stream_->publish(ctx, cause, key, old_item, new_item, ttl_delete, key_text(key[c_.keys.hash]));
}

void Table::sweep_ttl(Context& ctx) {
    const std::int64_t now_epoch = static_cast<std::int64_t>(ctx.start_unix_s()) + ctx.now().us / 1000000;
    while (!ttl_queue_.empty() && ttl_queue_.begin()->first <= ctx.now()) {
        auto [key, version] = ttl_queue_.begin()->second;
        ttl_queue_.erase(ttl_queue_.begin());
        const StoredItem* s = store_.find(key);
        // Skip entries for items rewritten since, or whose TTL moved into the future.
        if (!s || s->version != version || s->ttl < 0 || s->ttl > now_epoch) continue;
        const JsonPtr before = s->item;
        store_.erase(key);
        ++ttl_deleted_;  // TTL deletes consume no write capacity
        Message m;
        m.trace = ctx.new_trace_id();
        m.id = ctx.new_message_id();
        m.origin = ctx.now();
        m.type = "dynamodb.ttl_delete";
        changed(ctx, m, key, before.get(), nullptr, true);
    }
    if (store_.bytes() != billed_bytes_) update_hourly_cost(ctx);
    if (!ttl_queue_.empty()) {
        ttl_armed_ = ttl_queue_.begin()->first;
        ctx.start_timer(ttl_armed_ - ctx.now(), timer_tag(kTtl));
    }
}

void Table::report(Json& out) const {
    out["items"] = store_.count();
    out["items_written"] = writes_ok_;
    out["reads"] = reads_ok_;
    out["conditional_check_failed"] = conditional_failed_;
    out["throttled_requests"] = throttled_;
    out["validation_errors"] = validation_errors_;
    out["ttl_deleted"] = ttl_deleted_;
    out["read_units"] = read_units_;
    out["write_units"] = write_units_;
    if (stream_) stream_->report(out);
}

Json Table::inspect() const {
    Json items = Json::array();
    std::size_t n = 0;
    for (const auto& [pk, part] : store_.partitions()) {
        for (const auto& [sk, s] : part) {
            if (++n > 200) break;
            items.push_back(*s.item);
        }
        if (n > 200) break;
    }
    Json out = {{"table", c_.table},
                {"key_schema", {{"hash", c_.keys.hash}, {"range", c_.keys.range}}},
                {"billing_mode", c_.capacity.on_demand ? "PAY_PER_REQUEST" : "PROVISIONED"},
                {"item_count", store_.count()},
                {"bytes", store_.bytes()},
                {"items", items},
                {"items_shown", items.size()},
                {"ttl_attribute", c_.ttl_attribute},
                {"ttl_pending_deletions", ttl_queue_.size()},
                {"contents_note", store_.stubs() > 0
                                      ? "only the first " + std::to_string(c_.content_limit) +
                                            " items keep their attributes; later ones keep their key (counts are exact)"
                                      : "all items stored in full"}};
    if (stream_) out["stream"] = stream_->inspect();
    return out;
}

}  // namespace ddb

namespace {

std::unique_ptr<Service> create_table(BuildContext& ctx) {
    ConfigReader& r = ctx.config;
    ddb::TableConfig c;
    c.table = r.text("TableName", ctx.spec.id);
    if (const Json* ks = r.raw("KeySchema")) {
        bool ok = ks->is_array() && !ks->empty() && ks->size() <= 2;
        for (std::size_t i = 0; ok && i < ks->size(); ++i) {
            const Json& k = (*ks)[i];
            if (!k.is_object() || !k.contains("AttributeName") || !k["AttributeName"].is_string()) {
                ok = false;
                break;
            }
            const std::string type = k.value("KeyType", std::string());
            if (type == "HASH" && c.keys.hash.empty())
                c.keys.hash = k["AttributeName"];
            else if (type == "RANGE" && c.keys.range.empty())
                c.keys.range = k["AttributeName"];
            else
                ok = false;
        }
        if (!ok || c.keys.hash.empty()) {
            r.error("KeySchema",
                    "KeySchema must be [{\"AttributeName\": \"pk\", \"KeyType\": \"HASH\"}] with an optional RANGE "
                    "key, got " +
                        ks->dump());
            c.keys.hash = "id";
        }
    } else {
        c.keys.hash = "id";
        ctx.diagnostics.warning(r.path_of("KeySchema"), "no KeySchema; using a HASH key named 'id'");
    }
    r.raw("AttributeDefinitions");
    c.capacity.on_demand =
        r.choice("BillingMode", "PAY_PER_REQUEST", {"PAY_PER_REQUEST", "PROVISIONED"}) == "PAY_PER_REQUEST";
    if (const Json* pt = r.raw("ProvisionedThroughput")) {
        ConfigReader pr(*pt, r.path_of("ProvisionedThroughput"), ctx.diagnostics);
        c.capacity.rcu = static_cast<double>(pr.integer("ReadCapacityUnits", 5, 1, 40000, ""));
        c.capacity.wcu = static_cast<double>(pr.integer("WriteCapacityUnits", 5, 1, 40000, ""));
        pr.finish();
        if (c.capacity.on_demand)
            ctx.diagnostics.warning(r.path_of("ProvisionedThroughput"),
                                    "ProvisionedThroughput is ignored with BillingMode PAY_PER_REQUEST");
    } else if (!c.capacity.on_demand) {
        r.error("ProvisionedThroughput",
                "BillingMode PROVISIONED needs ProvisionedThroughput {\"ReadCapacityUnits\": n, "
                "\"WriteCapacityUnits\": n}");
    }
    if (const Json* odt = r.raw("OnDemandThroughput")) {
        ConfigReader pr(*odt, r.path_of("OnDemandThroughput"), ctx.diagnostics);
        c.capacity.max_read = static_cast<double>(pr.integer("MaxReadRequestUnits", 40000, 1, 40000, ""));
        c.capacity.max_write = static_cast<double>(pr.integer("MaxWriteRequestUnits", 40000, 1, 40000, ""));
        pr.finish();
    }
    if (const Json* ttl = r.raw("TimeToLiveSpecification")) {
        ConfigReader tr(*ttl, r.path_of("TimeToLiveSpecification"), ctx.diagnostics);
        const std::string attr = tr.text("AttributeName", "");
        if (attr.empty())
            tr.error("AttributeName",
                     "TimeToLiveSpecification needs AttributeName (a Number attribute holding epoch seconds)");
        if (tr.boolean("Enabled", false)) c.ttl_attribute = attr;
        tr.finish();
    }
    c.ttl_max_delay = sec(r.integer("TtlMaxDeletionDelaySeconds", 172800, 0, 5 * 86400, "s"));
    if (const Json* ss = r.raw("StreamSpecification")) {
        ConfigReader sr(*ss, r.path_of("StreamSpecification"), ctx.diagnostics);
        const std::string v =
            sr.choice("StreamViewType", "", {"KEYS_ONLY", "NEW_IMAGE", "OLD_IMAGE", "NEW_AND_OLD_IMAGES"});
        if (!sr.has("StreamViewType"))
            sr.error(
                "StreamViewType",
                "StreamSpecification needs StreamViewType (KEYS_ONLY, NEW_IMAGE, OLD_IMAGE or NEW_AND_OLD_IMAGES)");
        c.stream_view = v == "KEYS_ONLY"            ? ddb::ViewType::KeysOnly
                        : v == "OLD_IMAGE"          ? ddb::ViewType::OldImage
                        : v == "NEW_AND_OLD_IMAGES" ? ddb::ViewType::NewAndOld
                                                    : ddb::ViewType::NewImage;
        sr.raw("StreamEnabled");
        sr.finish();
    }
    c.stream_shards = static_cast<int>(r.integer("StreamShardCount", 1, 1, 100, ""));
    c.content_limit = static_cast<std::size_t>(r.integer("MaxStoredItems", 50000, 0, 1000000, "items"));
    c.latency = r.distribution("LatencyMs", c.latency);
    c.mappings = ddb::read_mappings(ctx.links, ctx.diagnostics);
    if (!c.stream_view && !c.mappings.empty())
        ctx.diagnostics.error(
            r.path_of("StreamSpecification"),
            "'" + ctx.spec.id + "' feeds a Lambda function through its stream but has no StreamSpecification",
            "add \"StreamSpecification\": {\"StreamViewType\": \"NEW_AND_OLD_IMAGES\"}");
    return std::make_unique<ddb::Table>(std::move(c));
}

}  // namespace

ServiceKind dynamodb_kind() {
    ServiceKind k;
    k.iot_rule_action = "dynamoDBv2";
    k.type = "dynamodb";
    k.role = ServiceRole::Table;
    k.label = "DynamoDB";
    k.group = "data";
    k.description = "Key-value table billed per request (on-demand) or per capacity unit; TTL and Streams";
    k.ports = {PortSpec::to("stream", "stream (DynamoDB Streams)", {ServiceRole::Function},
                            "DynamoDB Streams feed Lambda through an event source mapping")};
    k.operations = dynamodb_operations();
    k.api = ApiIntegration::proxy();
    k.errors = dynamodb_errors();
    k.create = create_table;
    k.icon = "dynamodb";
    k.shape = DiagramShape::Store;
    // https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-dynamodb-table.html
    k.cfn = {{"AWS::DynamoDB::Table",
              {"AttributeDefinitions", "BillingMode", "GlobalSecondaryIndexes", "KeySchema", "LocalSecondaryIndexes",
               "OnDemandThroughput", "PointInTimeRecoverySpecification", "ProvisionedThroughput", "SSESpecification",
               "StreamSpecification", "TableClass", "TableName", "Tags", "TimeToLiveSpecification"},
              "",
              "",
              {"AWS::Serverless::SimpleTable"}}};  // imported as the table SAM generates for it
    k.sample = {{"operation", "PutItem"}, {"Item", Json::object()}};
    k.sample_payload = "/Item";
    // A table needs a key schema with its attributes' definitions; on demand unless provisioned.
    k.cfn[0].complete = dynamodb_cfn_complete;  // null in the page, which never exports (dynamodb_cfn.cpp)
    k.cfn[0].call_policy = {"DynamoDBCrudPolicy", "TableName", ""};
    return k;
}

}  // namespace sim::svc
