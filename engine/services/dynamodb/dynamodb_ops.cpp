// dynamodb_ops.cpp — DynamoDB data-plane operations on plain-JSON items: PutItem, GetItem,
// UpdateItem, DeleteItem, Query, Scan, with condition expressions and capacity accounting.
// https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_Operations_Amazon_DynamoDB.html
// Units: writes ceil(KB) of the larger of old and new item; reads ceil(size / 4 KB), eventually
// consistent half; Query/Scan sum the items read (before any filter), ≤1 MB per page.
#include "prices/price_table.h"
#include "services/dynamodb/dynamodb_table.h"

#include <cmath>

namespace sim::svc::ddb {

namespace {
constexpr std::int64_t kMaxItemBytes = 400 * 1024;
constexpr std::int64_t kPageBytes = 1024 * 1024;
}  // namespace

ExprEnv Table::env_for(const Json& req, Context& ctx) {
    ExprEnv env;
    env.names = member(req, "ExpressionAttributeNames");
    // Simulator convenience: ":now" (epoch seconds) is bound unless the request defines it, so
    // a Lambda action can filter expired items ("#ttl < :now") as its code would with Date.now().
    now_values_ = req.contains("ExpressionAttributeValues") && req["ExpressionAttributeValues"].is_object()
                      ? req["ExpressionAttributeValues"]
                      : Json::object();
    if (!now_values_.contains(":now"))
        now_values_[":now"] = ctx.start_unix_s() + static_cast<std::uint64_t>(ctx.now().us / 1000000);
    env.values = &now_values_;
    return env;
}

std::optional<Condition> Table::condition(const Json& req, const char* field, std::string& error, Context& ctx) {
    const Json* text = member(req, field);
    if (!text) return std::nullopt;
    if (!text->is_string()) {
        error = std::string(field) + " must be a string";
        return std::nullopt;
    }
    return parse_condition(text->get_ref<const std::string&>(), env_for(req, ctx), field, error);
}

Reply Table::throttled(Context& ctx, const ErrorSpec& error, bool write) {
    ++throttled_;
    ctx.note(
        nullptr, Outcome::Throttled,
        std::string(error.code) + ": " + (write ? "write" : "read") + " capacity of table " + c_.table + " exceeded");
    return fail(error, std::string("The level of configured provisioned throughput for the table was exceeded") +
                           (c_.capacity.on_demand ? " (on-demand ceiling or hot partition)" : ""));
}

bool Table::charge_write(Context& ctx, std::int64_t bytes, const std::string& partition, Reply& out) {
    const double units = static_cast<double>(std::max<std::int64_t>(1, (bytes + 1023) / 1024));
    if (const ErrorSpec* e = capacity_.take_write(units, partition, ctx.now())) {
        out = throttled(ctx, *e, true);
        return false;
    }
    write_units_ += units;
    if (c_.capacity.on_demand) ctx.metrics().add_cost(units * price_table::kDdbWriteRequestUnit, ctx.now());
    return true;
}

bool Table::charge_read(Context& ctx, std::int64_t bytes, bool strong, const std::string& partition, Reply& out) {
    const double units = static_cast<double>(std::max<std::int64_t>(1, (bytes + 4095) / 4096)) * (strong ? 1.0 : 0.5);
    if (const ErrorSpec* e = capacity_.take_read(units, partition, ctx.now())) {
        out = throttled(ctx, *e, false);
        return false;
    }
    read_units_ += units;
    if (c_.capacity.on_demand) ctx.metrics().add_cost(units * price_table::kDdbReadRequestUnit, ctx.now());
    return true;
}

Reply Table::handle(Context& ctx, const std::string& operation, const Json& req, const Message& msg) {
    const std::string_view op = operation;  // compared without a strlen per literal
    if (op == "PutItem") return put_item(ctx, req, msg);
    if (op == "GetItem") return get_item(ctx, req);
    if (op == "UpdateItem") return update_item(ctx, req, msg);
    if (op == "DeleteItem") return delete_item(ctx, req, msg);
    if (op == "Query") return query_or_scan(ctx, req, msg, false);
    if (op == "Scan") return query_or_scan(ctx, req, msg, true);
    return fail(
        kDdbValidation,
        "operation '" + operation +
            "' is not simulated on DynamoDB tables; expected PutItem, GetItem, UpdateItem, DeleteItem, Query or Scan");
}

Reply Table::put_item(Context& ctx, const Json& req, const Message& msg) {
    // Item, or (Lambda action shorthand) the whole event.
    const Json* item = member(req, "Item");
    if (!item) item = member(req, "Event");
    if (!item || !item->is_object()) return fail(kDdbValidation, "PutItem needs an Item object");
    if (std::string why = store_.key_problem(*item); !why.empty())
        return fail(kDdbValidation, "One or more parameter values were invalid: " + why);
    const std::int64_t size = item_size(*item);
    if (size > kMaxItemBytes) return fail(kDdbValidation, "Item size has exceeded the maximum allowed size");
    std::string error;
    auto cond = condition(req, "ConditionExpression", error, ctx);
    if (!error.empty()) return fail(kDdbValidation, error);
    std::string& partition = partition_scratch_;
    key_text(*member(*item, c_.keys.hash), partition);      // present: key_problem checked it
    const StoredItem* old = store_.find(partition, *item);  // reads only the key attributes
    Reply r;
    if (!charge_write(ctx, std::max(size, old ? old->size : 0), partition, r)) return r;
    if (cond && !evaluate(*cond, old ? old->item.get() : nullptr)) {
        ++conditional_failed_;  // still consumes the write capacity, as AWS documents
        return fail(kDdbConditionalCheckFailed, "The conditional request failed");
    }
    const JsonPtr before = old ? old->item : nullptr;
    const std::int64_t ttl = ttl_of(*item);
    // The request is immutable and shared: the table keeps the item inside it instead of a copy.
    store_.put(partition, &req == msg.body.get() ? JsonPtr(msg.body, item) : std::make_shared<const Json>(*item), size,
               ttl, old);
    ++writes_ok_;
    if (stream_ || ttl >= 0) changed(ctx, msg, store_.key_of(*item), before.get(), item, false);
    if (const Json* rv = member(req, "ReturnValues"); rv && *rv == "ALL_OLD" && before)
        r.body = std::make_shared<const Json>(Json{{"Attributes", *before}});
    return r;
}

Reply Table::get_item(Context& ctx, const Json& req) {
    const Json* keyobj = member(req, "Key");
    if (!keyobj) return fail(kDdbValidation, "GetItem needs a Key object");
    if (std::string why = store_.key_problem(*keyobj); !why.empty())
        return fail(kDdbValidation, "The provided key element does not match the schema: " + why);
    const Json key = store_.key_of(*keyobj);
    const StoredItem* found = store_.find(key);
    Reply r;
    if (!charge_read(ctx, found ? found->size : 1, req.value("ConsistentRead", false), key_text(key[c_.keys.hash]), r))
        return r;
    ++reads_ok_;
    // Expired-but-not-yet-deleted items are still returned (TTL deletion is a background job).
    r.body = std::make_shared<const Json>(found ? Json{{"Item", *found->item}} : Json::object());
    return r;
}

Reply Table::update_item(Context& ctx, const Json& req, const Message& msg) {
    const Json* keyobj = member(req, "Key");
    if (!keyobj) return fail(kDdbValidation, "UpdateItem needs a Key object");
    if (std::string why = store_.key_problem(*keyobj); !why.empty())
        return fail(kDdbValidation, "The provided key element does not match the schema: " + why);
    if (!req.contains("UpdateExpression") || !req["UpdateExpression"].is_string())
        return fail(kDdbValidation, "UpdateItem needs an UpdateExpression string such as \"SET #n = :v\"");
    std::string error;
    auto cond = condition(req, "ConditionExpression", error, ctx);
    if (!error.empty()) return fail(kDdbValidation, error);
    const std::string text = req["UpdateExpression"];
    const ExprEnv env = env_for(req, ctx);
    for (const std::string& a : updated_attributes(text, env))
        if (a == c_.keys.hash || a == c_.keys.range)
            return fail(kDdbValidation, "One or more parameter values were invalid: Cannot update attribute " + a +
                                            ". This attribute is part of the key");
    const Json key = store_.key_of(*keyobj);
    const StoredItem* old = store_.find(key);
    Json updated = old ? *old->item : key;  // UpdateItem creates the item when it is missing
    if (std::string e = apply_update(text, env, updated); !e.empty()) return fail(kDdbValidation, e);
    const std::int64_t size = item_size(updated);
    if (size > kMaxItemBytes) return fail(kDdbValidation, "Item size to update has exceeded the maximum allowed size");
    Reply r;
    if (!charge_write(ctx, std::max(size, old ? old->size : 0), key_text(key[c_.keys.hash]), r)) return r;
    if (cond && !evaluate(*cond, old ? old->item.get() : nullptr)) {
        ++conditional_failed_;
        return fail(kDdbConditionalCheckFailed, "The conditional request failed");
    }
    const JsonPtr before = old ? old->item : nullptr;
    store_.put(updated, size, ttl_of(updated));
    ++writes_ok_;
    changed(ctx, msg, key, before.get(), &updated, false);
    const std::string rv = req.value("ReturnValues", std::string("NONE"));
    if (rv == "ALL_NEW")
        r.body = std::make_shared<const Json>(Json{{"Attributes", updated}});
    else if (rv == "ALL_OLD" && before)
        r.body = std::make_shared<const Json>(Json{{"Attributes", *before}});
    return r;
}

Reply Table::delete_item(Context& ctx, const Json& req, const Message& msg) {
    const Json* keyobj = member(req, "Key");
    if (!keyobj) return fail(kDdbValidation, "DeleteItem needs a Key object");
    if (std::string why = store_.key_problem(*keyobj); !why.empty())
        return fail(kDdbValidation, "The provided key element does not match the schema: " + why);
    std::string error;
    auto cond = condition(req, "ConditionExpression", error, ctx);
    if (!error.empty()) return fail(kDdbValidation, error);
    const Json key = store_.key_of(*keyobj);
    const StoredItem* old = store_.find(key);
    Reply r;
    if (!charge_write(ctx, old ? old->size : 1, key_text(key[c_.keys.hash]), r)) return r;
    if (cond && !evaluate(*cond, old ? old->item.get() : nullptr)) {
        ++conditional_failed_;
        return fail(kDdbConditionalCheckFailed, "The conditional request failed");
    }
    if (old) {
        const JsonPtr before = old->item;
        store_.erase(key);
        ++writes_ok_;
        changed(ctx, msg, key, before.get(), nullptr, false);
        if (req.value("ReturnValues", std::string()) == "ALL_OLD")
            r.body = std::make_shared<const Json>(Json{{"Attributes", *before}});
    }
    return r;
}

Reply Table::query_or_scan(Context& ctx, const Json& req, const Message& msg, bool scan) {
    std::string error;
    std::optional<Condition> key_cond;
    const Partition* only = nullptr;
    std::string partition;
    if (!scan) {
        key_cond = condition(req, "KeyConditionExpression", error, ctx);
        if (!error.empty()) return fail(kDdbValidation, error);
        if (!key_cond)
            return fail(
                kDdbValidation,
                "Either the KeyConditions or KeyConditionExpression parameter must be specified in the request");
        const Json* hv = equality_value(*key_cond, c_.keys.hash);
        if (!hv) return fail(kDdbValidation, "Query condition missed key schema element: " + c_.keys.hash);
        std::vector<std::string> allowed{c_.keys.hash};
        if (!c_.keys.range.empty()) allowed.push_back(c_.keys.range);
        if (!only_attributes(*key_cond, allowed))
            return fail(
                kDdbValidation,
                "Query key condition not supported: only the key attributes may appear in KeyConditionExpression");
        only = store_.partition(*hv);
        partition = key_text(*hv);
    }
    auto filter = condition(req, "FilterExpression", error, ctx);
    if (!error.empty()) return fail(kDdbValidation, error);
    const std::int64_t limit =
        req.contains("Limit") && req["Limit"].is_number_integer() ? req["Limit"].get<std::int64_t>() : -1;
    if (limit == 0 || limit < -1) return fail(kDdbValidation, "Limit must be at least 1");
    const bool forward = req.value("ScanIndexForward", true);
    const bool delete_matching = req.value("DeleteMatching", false);  // playground shorthand, see header
    Json items = Json::array();
    std::vector<Json> to_delete;
    std::int64_t scanned = 0, bytes = 0;
    Json last_key;
    auto visit = [&](const StoredItem& s) {
        if (key_cond && !evaluate(*key_cond, s.item.get())) return true;
        if ((limit > 0 && scanned >= limit) || bytes >= kPageBytes) {
            return false;
        }
        ++scanned;
        bytes += s.size;
        last_key = store_.key_of(*s.item);
        if (!filter || evaluate(*filter, s.item.get())) {
            items.push_back(*s.item);
            if (delete_matching) to_delete.push_back(last_key);
        }
        return true;
    };
    bool more = false;
    if (only) {
        if (forward) {
            for (auto it = only->begin(); it != only->end() && !more; ++it) more = !visit(it->second);
        } else {
            for (auto it = only->rbegin(); it != only->rend() && !more; ++it) more = !visit(it->second);
        }
    } else if (scan) {
        for (const auto& [pk, part] : store_.partitions()) {
            for (const auto& [sk, s] : part)
                if (!visit(s)) {
                    more = true;
                    break;
                }
            if (more) break;
        }
    }
    Reply r;
    if (!charge_read(ctx, bytes, req.value("ConsistentRead", false), partition, r)) return r;
    ++reads_ok_;
    Json body = {{"Count", items.size()}, {"ScannedCount", scanned}};
    if (req.value("Select", std::string()) != "COUNT") body["Items"] = items;
    if (more) body["LastEvaluatedKey"] = last_key;
    // DeleteMatching: the function deletes what it found, one DeleteItem per item (each billed).
    std::int64_t deleted = 0;
    for (const Json& key : to_delete) {
        const StoredItem* old = store_.find(key);
        if (!old) continue;
        Reply w;
        if (!charge_write(ctx, old->size, key_text(key[c_.keys.hash]), w)) {
            body["DeleteThrottled"] = true;
            break;
        }
        const JsonPtr before = old->item;
        store_.erase(key);
        ++writes_ok_;
        ++deleted;
        changed(ctx, msg, key, before.get(), nullptr, false);
    }
    if (delete_matching) body["Deleted"] = deleted;
    r.body = std::make_shared<const Json>(std::move(body));
    return r;
}

}  // namespace sim::svc::ddb
