// dynamodb_table.h — internal to the DynamoDB service files: the Table service class, shared by
// dynamodb.cpp (hooks, TTL, billing, config) and dynamodb_ops.cpp (the data-plane operations).
#pragma once

#include "core/distribution.h"
#include "core/service.h"
#include "services/dynamodb/dynamodb_capacity.h"
#include "services/dynamodb/dynamodb_contract.h"
#include "services/dynamodb/dynamodb_expressions.h"
#include "services/dynamodb/dynamodb_storage.h"
#include "services/dynamodb/dynamodb_streams.h"

#include <map>
#include <memory>
#include <optional>

namespace sim::svc::ddb {

struct TableConfig {
    std::string table;
    KeySchema keys;
    CapacitySettings capacity;
    Distribution latency = Distribution::lognormal(4, 12);  // single-digit ms (AWS "typical")
    std::string ttl_attribute;                              // empty: TTL off
    SimTime ttl_max_delay = hours(48);                      // expired items go within this (AWS: "within two days")
    std::optional<ViewType> stream_view;                    // StreamSpecification
    int stream_shards = 1;
    std::vector<MappingConfig> mappings;
    std::size_t content_limit = 50'000;  // items stored with contents (counts stay exact)
};

class Table final : public Service {
public:
    explicit Table(TableConfig c);

    void on_start(Context& ctx) override;
    void on_message(Context& ctx, const Inbound& in) override;
    void on_reply(Context& ctx, std::uint64_t call, const Reply& r) override;
    void on_timer(Context& ctx, std::uint64_t tag) override;
    void report(Json& out) const override;
    Json inspect() const override;

private:
    void update_hourly_cost(Context& ctx);  // capacity + storage, from now on
    // ---- operations (dynamodb_ops.cpp) ----
    Reply handle(Context& ctx, const std::string& op, const Json& req, const Message& msg);
    Reply put_item(Context& ctx, const Json& req, const Message& msg);
    Reply get_item(Context& ctx, const Json& req);
    Reply update_item(Context& ctx, const Json& req, const Message& msg);
    Reply delete_item(Context& ctx, const Json& req, const Message& msg);
    Reply query_or_scan(Context& ctx, const Json& req, const Message& msg, bool scan);

    // ---- shared helpers ----
    static Reply fail(const ErrorSpec& error, std::string detail) { return Reply::failure(error, std::move(detail)); }
    Reply throttled(Context& ctx, const ErrorSpec& error, bool write);
    std::optional<Condition> condition(const Json& req, const char* field, std::string& error, Context& ctx);
    ExprEnv env_for(const Json& req, Context& ctx);
    bool charge_write(Context& ctx, std::int64_t bytes, const std::string& partition, Reply& out);
    bool charge_read(Context& ctx, std::int64_t bytes, bool strong, const std::string& partition, Reply& out);
    // Records an item change: TTL schedule, stream record (only when the item really changed).
    void changed(Context& ctx, const Message& cause, const Json& key, const Json* old_item, const Json* new_item,
                 bool ttl_delete);
    std::int64_t ttl_of(const Json& item) const;
    void arm_ttl(Context& ctx);
    void sweep_ttl(Context& ctx);

    TableConfig c_;
    ItemStore store_;
    CapacityModel capacity_;
    std::unique_ptr<StreamFeed> stream_;
    std::multimap<SimTime, std::pair<Json, std::uint64_t>> ttl_queue_;  // deletion time → (key, version)
    SimTime ttl_armed_ = kNever;
    std::int64_t billed_bytes_ = 0;  // the stored size the storage charge was last set for
    std::string partition_scratch_;  // scratch: the partition key's text of the current request
    Json now_values_;                // scratch: ExpressionAttributeValues with ":now" filled in
    std::uint64_t writes_ok_ = 0, reads_ok_ = 0, conditional_failed_ = 0, throttled_ = 0, ttl_deleted_ = 0,
                  validation_errors_ = 0;
    double read_units_ = 0, write_units_ = 0;
};

}  // namespace sim::svc::ddb
