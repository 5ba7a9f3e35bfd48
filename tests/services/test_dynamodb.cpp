// test_dynamodb.cpp — DynamoDB tables: config validation, keys and conditional writes, update and
// query expressions, capacity and throttling, TTL, Streams to Lambda, determinism.
#include "services/dynamodb/dynamodb_expressions.h"
#include "support/test_support.h"

using namespace sim;
using namespace sim::test;

namespace {
std::string table_only(const std::string& config) {
    return R"({"format": "serverless-playground/1", "name": "t", "seed": 3,
      "nodes": [{"id": "t", "type": "dynamodb", "config": )" +
           config + "}]}";
}
const char* kKeys =
    R"("KeySchema": [{"AttributeName": "pk", "KeyType": "HASH"}, {"AttributeName": "sk", "KeyType": "RANGE"}])";

Json inspect(const Simulation& s, const std::string& id) {
    return s.node_inspect(node_index(s, id));
}
Json node_report(const Simulation& s, const std::string& id) {
    return s.report()["nodes"][id];
}

bool condition_holds(const std::string& expr, const Json& item, const Json& values = Json::object(),
                     const Json& names = Json::object()) {
    std::string error;
    auto c = svc::ddb::parse_condition(expr, {&names, &values}, "ConditionExpression", error);
    REQUIRE_MESSAGE(c.has_value(), error);
    return svc::ddb::evaluate(*c, item.is_null() ? nullptr : &item);
}
}  // namespace

TEST_SUITE("dynamodb") {
    // ---- config validation ----
    TEST_CASE("config validation names the field, the bad value and the AWS rule") {
        auto d = build_errors(
            table_only(R"({"KeySchema": [{"AttributeName": "pk", "KeyType": "SORT"}], "BillingMode": "FREE",
            "TimeToLiveSpecification": {"Enabled": true}, "StreamSpecification": {"StreamViewType": "ALL"}})"));
        CHECK(has_error(d, "/nodes/0/config/KeySchema",
                        "KeySchema must be [{\"AttributeName\": \"pk\", \"KeyType\": \"HASH\"}] with an optional RANGE "
                        "key, got [{\"AttributeName\":\"pk\",\"KeyType\":\"SORT\"}]"));
        CHECK(has_error(d, "/nodes/0/config/BillingMode",
                        "BillingMode must be one of PAY_PER_REQUEST, PROVISIONED, got \"FREE\""));
        CHECK(has_error(d, "/nodes/0/config/TimeToLiveSpecification/AttributeName",
                        "TimeToLiveSpecification needs AttributeName (a Number attribute holding epoch seconds)"));
        CHECK(has_error(
            d, "/nodes/0/config/StreamSpecification/StreamViewType",
            "StreamViewType must be one of KEYS_ONLY, NEW_IMAGE, OLD_IMAGE, NEW_AND_OLD_IMAGES, got \"ALL\""));
    }

    TEST_CASE("provisioned mode needs throughput and stream edges need a stream and valid mapping settings") {
        auto d = build_errors(R"({"format": "serverless-playground/1", "nodes": [
            {"id": "t", "type": "dynamodb", "config": {"BillingMode": "PROVISIONED"}},
            {"id": "f", "type": "lambda", "config": {}}],
          "edges": [{"from": "t", "port": "stream", "to": "f", "config": {"BatchSize": 0, "MaximumRecordAgeInSeconds": 30}}]})");
        CHECK(has_error(d, "/nodes/0/config/ProvisionedThroughput",
                        "BillingMode PROVISIONED needs ProvisionedThroughput {\"ReadCapacityUnits\": n, "
                        "\"WriteCapacityUnits\": n}"));
        CHECK(has_error(d, "/nodes/0/config/StreamSpecification",
                        "'t' feeds a Lambda function through its stream but has no StreamSpecification"));
        CHECK(has_error(d, "/edges/0/config/BatchSize", "BatchSize must be 1..10000, got 0"));
        CHECK(has_error(d, "/edges/0/config/MaximumRecordAgeInSeconds",
                        "MaximumRecordAgeInSeconds must be -1 (until the record expires) or 60..604800 s, got 30"));
    }

    // ---- expressions ----
    TEST_CASE("condition expressions follow DynamoDB's operators, functions and precedence") {
        const Json item = {{"pk", "a"}, {"n", 5}, {"tags", {"x", "y"}}, {"name", "alpha"}, {"m", {{"k", 1}}}};
        const Json v = {{":five", 5}, {":a", "al"}, {":x", "x"}, {":lo", 1}, {":hi", 9}, {":s", "S"}};
        const Json names = {{"#n", "name"}};
        CHECK(condition_holds("attribute_exists(pk)", item));
        CHECK_FALSE(condition_holds("attribute_not_exists(pk)", item));
        CHECK(condition_holds("attribute_not_exists(pk)", Json()));
        CHECK(condition_holds("n = :five AND begins_with(#n, :a)", item, v, names));
        CHECK(condition_holds("n BETWEEN :lo AND :hi", item, v));
        CHECK(condition_holds("n IN (:lo, :five)", item, v));
        CHECK(condition_holds("contains(tags, :x) AND size(tags) < :five", item, v));
        CHECK(condition_holds("NOT n > :five OR n < :lo AND n > :hi", item, v));  // NOT > AND > OR
        CHECK(condition_holds("attribute_type(#n, :s) AND m.k = :lo", item, v, names));
        CHECK(condition_holds("missing <> :five", item, v));  // <> on a missing attribute is true
        CHECK_FALSE(condition_holds("missing = :five", item, v));
        CHECK_FALSE(condition_holds("#n > :five", item, v, names));  // different types never order
    }

    TEST_CASE("bad expressions give DynamoDB's ValidationException texts") {
        std::string error;
        const Json none = Json::object();
        CHECK_FALSE(svc::ddb::parse_condition("#x = :v", {&none, &none}, "ConditionExpression", error));
        CHECK(error ==
              "Invalid ConditionExpression: An expression attribute name used in the document path is not defined; "
              "attribute name: #x");
        CHECK_FALSE(svc::ddb::parse_condition("status = :v", {&none, &none}, "ConditionExpression", error));
        CHECK(error == "Invalid ConditionExpression: Attribute name is a reserved keyword; reserved keyword: status");
        Json item = {{"pk", "a"}, {"count_", 1}, {"list", {1}}};
        const Json v = {{":one", 1}, {":l", {2, 3}}, {":s", "x"}};
        CHECK(
            svc::ddb::apply_update("SET count_ = count_ + :one, list = list_append(list, :l) REMOVE gone ADD hits :one",
                                   {&none, &v}, item)
                .empty());
        CHECK(item == Json{{"pk", "a"}, {"count_", 2}, {"list", {1, 2, 3}}, {"hits", 1}});
        CHECK(svc::ddb::apply_update("ADD pk :one", {&none, &v}, item) ==
              "An operand in the update expression has an incorrect data type");
        CHECK(svc::ddb::apply_update("SET a = :one SET b = :one", {&none, &v}, item) ==
              "Invalid UpdateExpression: The \"SET\" section can only be used once in an update expression");
    }

    // ---- happy path ----
    TEST_CASE("put, update, query and delete work on partition and sort keys") {
        auto s = build_ok(table_only(std::string("{") + kKeys + "}"));
        for (int i = 1; i <= 3; ++i)
            s->fire("t", {{"operation", "PutItem"}, {"Item", {{"pk", "u1"}, {"sk", i}, {"v", i * 10}}}});
        s->fire("t", {{"operation", "PutItem"}, {"Item", {{"pk", "u2"}, {"sk", 1}}}});
        s->fire("t", {{"operation", "UpdateItem"},
                      {"Key", {{"pk", "u1"}, {"sk", 2}}},
                      {"UpdateExpression", "SET v = v + :d"},
                      {"ExpressionAttributeValues", {{":d", 1}}}});
        s->fire("t", {{"operation", "DeleteItem"}, {"Key", {{"pk", "u2"}, {"sk", 1}}}});
        s->run_until(sec(1));
        const Json view = inspect(*s, "t");
        CHECK(view["item_count"] == 3);
        CHECK(view["items"] == Json::array({{{"pk", "u1"}, {"sk", 1}, {"v", 10}},
                                            {{"pk", "u1"}, {"sk", 2}, {"v", 21}},
                                            {{"pk", "u1"}, {"sk", 3}, {"v", 30}}}));
        CHECK(node_report(*s, "t")["write_units"] == 6.0);
    }

    TEST_CASE("a Lambda action puts the event keyed by a JSON path and queries a partition") {
        auto s = build_ok(R"({"format": "serverless-playground/1", "name": "t", "seed": 3, "nodes": [
            {"id": "f", "type": "lambda", "config": {"DurationMs": 5, "Actions": [
                {"target": "t", "operation": "PutItem", "Item": {"pk": "$.user", "sk": "$.n", "body": "$"}},
                {"target": "t", "operation": "Query", "KeyConditionExpression": "pk = :u AND sk >= :one",
                 "ExpressionAttributeValues": {":u": "$.user", ":one": 1}}]}},
            {"id": "t", "type": "dynamodb", "config": {)" +
                          std::string(kKeys) + R"(}}],
          "edges": [{"from": "f", "to": "t"}]})");
        s->fire("f", {{"user", "ann"}, {"n", 1}});
        s->fire("f", {{"user", "ann"}, {"n", 2}});
        s->run_until(sec(5));
        CHECK(inspect(*s, "t")["item_count"] == 2);
        CHECK(counter(*s, "t", Counter::Invocations) == 4);
        CHECK(counter(*s, "t", Counter::Errors) == 0);
        CHECK(counter(*s, "f", Counter::Errors) == 0);
    }

    // ---- failure path ----
    TEST_CASE("conditional put on an existing key fails with ConditionalCheckFailedException and consumes WCU") {
        auto s = build_ok(table_only(R"({"KeySchema": [{"AttributeName": "id", "KeyType": "HASH"}]})"));
        const Json put = {{"operation", "PutItem"},
                          {"Item", {{"id", "42"}, {"v", 1}}},
                          {"ConditionExpression", "attribute_not_exists(id)"}};
        s->fire("t", put);
        s->run_until(sec(1));
        s->fire("t", put);
        s->run_until(sec(2));
        const Json r = node_report(*s, "t");
        CHECK(r["conditional_check_failed"] == 1);
        CHECK(r["items_written"] == 1);
        CHECK(r["write_units"] == 2.0);
        CHECK(counter(*s, "t", Counter::Errors) == 1);
        CHECK(counter(*s, "t", Counter::Drops) == 1);  // async caller: the failure is dropped with its reason
        bool logged = false;
        for (const auto& e : s->trace().entries())
            logged = logged || e.text.find("ConditionalCheckFailedException") != std::string::npos;
        CHECK(logged);
    }

    TEST_CASE("items over 400 KB and requests missing a key are ValidationExceptions") {
        auto s = build_ok(table_only(R"({"KeySchema": [{"AttributeName": "id", "KeyType": "HASH"}]})"));
        s->fire("t", {{"operation", "PutItem"}, {"Item", {{"id", "big"}, {"blob", std::string(401 * 1024, 'x')}}}});
        s->fire("t", {{"operation", "PutItem"}, {"Item", {{"other", 1}}}});
        s->run_until(sec(1));
        CHECK(node_report(*s, "t")["validation_errors"] == 2);
        CHECK(inspect(*s, "t")["item_count"] == 0);
    }

    // ---- limits ----
    TEST_CASE("provisioned writes throttle once the 300 s burst bank is spent") {
        auto s = build_ok(R"({"format": "serverless-playground/1", "name": "t", "seed": 3, "nodes": [
            {"id": "u", "type": "client", "config": {}},
            {"id": "t", "type": "dynamodb", "config": {"KeySchema": [{"AttributeName": "id", "KeyType": "HASH"}],
              "BillingMode": "PROVISIONED", "ProvisionedThroughput": {"ReadCapacityUnits": 5, "WriteCapacityUnits": 5}}}],
          "edges": [{"from": "u", "to": "t"}],
          "traffic": [{"id": "w", "source": "u", "arrival": "uniform", "profile": {"type": "constant", "rps": 50},
                       "payload": {"operation": "PutItem", "Item": {"id": "{{seq}}"}}}]})");
        s->run_until(sec(20));
        CHECK(counter(*s, "t", Counter::Throttles) == 0);  // 1,500 banked units cover 20 s at 45 over
        s->run_until(sec(60));
        // 50 writes/s against 5 WCU + 1,500 banked: the bank runs out after ~33 s.
        CHECK(counter(*s, "t", Counter::Throttles) > 700);
        CHECK(node_report(*s, "t")["throttled_requests"] == counter(*s, "t", Counter::Throttles));
    }

    TEST_CASE("a hot partition key throttles at 1,000 WCU per second on an on-demand table") {
        auto s = build_ok(R"({"format": "serverless-playground/1", "name": "t", "seed": 3, "nodes": [
            {"id": "u", "type": "client", "config": {}},
            {"id": "t", "type": "dynamodb", "config": {"KeySchema": [{"AttributeName": "id", "KeyType": "HASH"}]}}],
          "edges": [{"from": "u", "to": "t"}],
          "traffic": [{"id": "w", "source": "u", "arrival": "uniform", "profile": {"type": "constant", "rps": 1500},
                       "payload": {"operation": "PutItem", "Item": {"id": "hot"}}}]})");
        s->run_until(sec(10));
        const auto throttles = counter(*s, "t", Counter::Throttles);
        CHECK(throttles >= 4900);
        CHECK(throttles <= 5100);
    }

    // ---- TTL ----
    TEST_CASE("an item with an expired TTL is still readable until the deletion runs") {
        // t=0 is 2026-01-01T00:00:00Z = 1767225600; the item expires at t=10 s.
        auto s = build_ok(table_only(R"({"KeySchema": [{"AttributeName": "id", "KeyType": "HASH"}],
            "TimeToLiveSpecification": {"AttributeName": "expiresAt", "Enabled": true}, "TtlMaxDeletionDelaySeconds": 3600})"));
        s->fire("t", {{"operation", "PutItem"}, {"Item", {{"id", "a"}, {"expiresAt", 1767225610}}}});
        s->run_until(sec(11));
        s->fire("t", {{"operation", "GetItem"}, {"Key", {{"id", "a"}}}});
        s->run_until(sec(12));
        CHECK(inspect(*s, "t")["item_count"] == 1);  // expired, not yet deleted
        CHECK(node_report(*s, "t")["reads"] == 1);
        s->run_until(sec(10 + 3600 + 1));
        CHECK(inspect(*s, "t")["item_count"] == 0);
        const Json r = node_report(*s, "t");
        CHECK(r["ttl_deleted"] == 1);
        CHECK(r["write_units"] == 1.0);  // only the put: TTL deletes use no WCU
    }

    TEST_CASE("rewriting an item with a later TTL cancels its pending deletion") {
        auto s = build_ok(table_only(R"({"KeySchema": [{"AttributeName": "id", "KeyType": "HASH"}],
            "TimeToLiveSpecification": {"AttributeName": "ttl", "Enabled": true}, "TtlMaxDeletionDelaySeconds": 0})"));
        s->fire("t", {{"operation", "PutItem"}, {"Item", {{"id", "a"}, {"ttl", 1767225610}}}});
        s->run_until(sec(5));
        s->fire("t", {{"operation", "PutItem"}, {"Item", {{"id", "a"}, {"ttl", 1767229200}}}});
        s->run_until(sec(100));
        CHECK(inspect(*s, "t")["item_count"] == 1);
        s->run_until(sec(3601));
        CHECK(inspect(*s, "t")["item_count"] == 0);
    }

    TEST_CASE("the first 25 GB of storage are free only with settings.freeTier, like other always-free allowances") {
        // Storage is $0.25 per GB-month (AWS-FACTS: DynamoDB prices); the always-free tier covers
        // 25 GB. Four 250 KB items stored for 2 h: without the free tier they cost
        // bytes / 2^30 GB × $0.25 / 730 h × 2 h; with it, storage is free and only writes are billed.
        auto run = [](bool free_tier) {
            auto s = build_ok(
                std::string(
                    R"({"format": "serverless-playground/1", "name": "t", "seed": 3, "settings": {"freeTier": )") +
                (free_tier ? "true" : "false") +
                R"(}, "nodes": [{"id": "t", "type": "dynamodb", "config": {"KeySchema": [{"AttributeName": "pk", "KeyType": "HASH"}]}}]})");
            for (int i = 0; i < 4; ++i)
                s->fire("t", {{"operation", "PutItem"},
                              {"Item", {{"pk", std::to_string(i)}, {"blob", std::string(250000, 'x')}}}});
            s->run_until(hours(2) + sec(1));
            return std::make_pair(s->report()["cost_usd"]["t"].get<double>(), inspect(*s, "t")["bytes"].get<double>());
        };
        const auto [paid, bytes] = run(false);
        const auto [unpaid, bytes_free] = run(true);
        CHECK(bytes == bytes_free);
        CHECK(bytes > 1e6);
        CHECK(paid - unpaid == doctest::Approx(bytes / (1024.0 * 1024 * 1024) * 0.25 / 730 * 2).epsilon(0.001));
        CHECK(unpaid > 0);  // the writes themselves are not in the free tier
    }

    // ---- streams ----
    TEST_CASE("stream records reach Lambda in batches, and TTL deletions arrive as service REMOVEs") {
        auto s = build_ok(R"({"format": "serverless-playground/1", "name": "t", "seed": 3, "nodes": [
            {"id": "t", "type": "dynamodb", "config": {"KeySchema": [{"AttributeName": "id", "KeyType": "HASH"}],
               "StreamSpecification": {"StreamViewType": "NEW_AND_OLD_IMAGES"},
               "TimeToLiveSpecification": {"AttributeName": "ttl", "Enabled": true}, "TtlMaxDeletionDelaySeconds": 60}},
            {"id": "f", "type": "lambda", "config": {"DurationMs": 5}}],
          "edges": [{"from": "t", "port": "stream", "to": "f", "config": {"BatchSize": 10, "MaximumBatchingWindowInSeconds": 1}}]})");
        for (int i = 0; i < 25; ++i)
            s->fire("t", {{"operation", "PutItem"}, {"Item", {{"id", std::to_string(i)}, {"ttl", 1767225600}}}});
        s->fire("t", {{"operation", "PutItem"}, {"Item", {{"id", "0"}, {"ttl", 1767225600}}}});  // unchanged: no record
        s->run_until(sec(120));
        const Json r = node_report(*s, "t");
        CHECK(r["stream_records"] == 50);  // 25 INSERT + 25 TTL REMOVE
        CHECK(r["stream_records_delivered"] == 50);
        CHECK(r["ttl_deleted"] == 25);
        CHECK(counter(*s, "f", Counter::Invocations) >= 6);
    }

    TEST_CASE("a failing stream consumer blocks its shard, retries, then discards after MaximumRetryAttempts") {
        auto s = build_ok(R"({"format": "serverless-playground/1", "name": "t", "seed": 3, "nodes": [
            {"id": "t", "type": "dynamodb", "config": {"KeySchema": [{"AttributeName": "id", "KeyType": "HASH"}],
               "StreamSpecification": {"StreamViewType": "KEYS_ONLY"}}},
            {"id": "f", "type": "lambda", "config": {"DurationMs": 5, "ErrorRate": 1}}],
          "edges": [{"from": "t", "port": "stream", "to": "f", "config": {"BatchSize": 4, "MaximumRetryAttempts": 2, "BisectBatchOnFunctionError": false}}]})");
        for (int i = 0; i < 4; ++i) s->fire("t", {{"operation", "PutItem"}, {"Item", {{"id", std::to_string(i)}}}});
        s->run_until(sec(30));
        const Json r = node_report(*s, "t");
        CHECK(counter(*s, "f", Counter::Invocations) == 3);  // first try + 2 retries
        CHECK(r["stream_records_discarded"] == 4);
        CHECK(counter(*s, "t", Counter::Drops) == 4);
    }

    // ---- determinism ----
    TEST_CASE("the same seed gives the same trace fingerprint") {
        const std::string p = R"({"format": "serverless-playground/1", "name": "t", "seed": 9, "nodes": [
            {"id": "u", "type": "client", "config": {}},
            {"id": "t", "type": "dynamodb", "config": {"KeySchema": [{"AttributeName": "id", "KeyType": "HASH"}],
              "TimeToLiveSpecification": {"AttributeName": "ttl", "Enabled": true}, "TtlMaxDeletionDelaySeconds": 30}}],
          "edges": [{"from": "u", "to": "t"}],
          "traffic": [{"id": "w", "source": "u", "profile": {"type": "constant", "rps": 20},
                       "payload": {"operation": "PutItem", "Item": {"id": "{{int:1:50}}", "ttl": 1767225600}}}]})";
        auto a = build_ok(p), b = build_ok(p);
        a->run_until(sec(60));
        b->run_until(sec(60));
        CHECK(a->trace().fingerprint() == b->trace().fingerprint());
        CHECK(a->report()["nodes"]["t"] == b->report()["nodes"]["t"]);
    }
}
