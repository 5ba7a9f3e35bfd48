// test_price_table.cpp — the cost of a known workload equals a hand computation from the price
// table: every charge the services make comes from engine/cost/price_table.h.
#include "prices/price_table.h"
#include "support/test_support.h"

using namespace sim;
using namespace sim::test;
namespace pt = sim::price_table;

namespace {
// One request per second for an hour through REST API → SQS → Lambda → DynamoDB, with fixed
// latencies so every billed quantity is known in advance: one environment (a request finishes
// long before the next arrives), 110 ms per invocation (100 ms handler + 10 ms PutItem), one
// 200 ms INIT, BatchSize 1 (one receive and one delete per message), items under 1 KB.
const char* kWorkload = R"({"format": "serverless-playground/1", "name": "priced", "seed": 3,
  "nodes": [{"id": "u", "type": "client", "config": {}},
            {"id": "api", "type": "apigateway", "config": {"ApiType": "REST", "LatencyMs": 5}},
            {"id": "q", "type": "sqs", "config": {"VisibilityTimeout": 60, "PollLatencyMs": 10}},
            {"id": "f", "type": "lambda", "config": {"MemorySize": 1024, "DurationReferenceMemoryMB": 1024, "Timeout": 10, "DurationMs": 100,
               "InitDurationMs": 200, "Actions": [{"target": "t", "operation": "PutItem", "Item": {"id": "$.body.id"}}]}},
            {"id": "t", "type": "dynamodb", "config": {"BillingMode": "PAY_PER_REQUEST", "LatencyMs": 10,
               "KeySchema": [{"AttributeName": "id", "KeyType": "HASH"}],
               "AttributeDefinitions": [{"AttributeName": "id", "AttributeType": "S"}]}}],
  "edges": [{"from": "u", "to": "api"}, {"from": "api", "to": "q"}, {"from": "q", "to": "f", "config": {"BatchSize": 1}},
            {"from": "f", "to": "t"}],
  "traffic": [{"id": "orders", "source": "u", "arrival": "uniform", "profile": {"type": "constant", "rps": 1},
               "request": {"method": "POST", "path": "/orders"}, "payload": {"id": "order-{{seq}}"}}]})";
}  // namespace

TEST_SUITE("price table") {
    TEST_CASE("the table is versioned and dated") {
        CHECK(std::string(pt::kVersion) == "2026-09");
        CHECK(std::string(pt::kRegion) == "us-east-1");
    }

    TEST_CASE("an hour of a known workload costs exactly what the price table says") {
        auto s = build_ok(kWorkload);
        s->set_record_recent_spans(false);
        s->run_until(hours(1));
        const Json r = s->report();
        const double n = 3600;  // requests: t = 0 s, 1 s, ..., 3599 s
        REQUIRE(r["sources"]["orders"]["ok"] == 3600);
        REQUIRE(r["nodes"]["f"]["cold_starts"] == 1);
        // API Gateway charges on arrival: the request sent at exactly 1 h is charged too (it is
        // still on its way to the queue when the run ends).
        const double api = (n + 1) * pt::kApiRestRequest;
        const double sqs = 3 * n * pt::kSqsStandardRequest;  // SendMessage, ReceiveMessage, DeleteMessage
        const double gb_s = (n * 110 + 200) / 1000.0 * 1.0;  // 1 GB functions
        const double lambda = n * pt::kLambdaRequest + gb_s * pt::kLambdaGbSecondX86;
        // Storage is billed too ($0.25 per GB-month; the 25 GB are free only with settings.freeTier),
        // pro rata for the time each item is stored: equal items written one a second over the
        // hour are stored half an hour on average.
        const double stored_gb = s->node_inspect(node_index(*s, "t"))["bytes"].get<double>() / (1024.0 * 1024 * 1024);
        const double ddb = n * pt::kDdbWriteRequestUnit + stored_gb * pt::kDdbStorageGbMonth / pt::kHoursPerMonth * 0.5;
        CHECK(r["nodes"]["f"]["billed_gb_seconds"].get<double>() == doctest::Approx(gb_s).epsilon(1e-12));
        CHECK(r["cost_usd"]["api"].get<double>() == doctest::Approx(api).epsilon(1e-9));
        CHECK(r["cost_usd"]["q"].get<double>() == doctest::Approx(sqs).epsilon(1e-9));
        CHECK(r["cost_usd"]["f"].get<double>() == doctest::Approx(lambda).epsilon(1e-9));
        CHECK(r["cost_usd"]["t"].get<double>() == doctest::Approx(ddb).epsilon(1e-8));
        // To the cent, as a bill would show it: $0.0126035 + $0.00432 + $0.0073233 + $0.00225.
        const double total = api + sqs + lambda + ddb;
        CHECK(std::llround(r["cost_usd"]["total"].get<double>() * 100) == std::llround(total * 100));
        CHECK(r["cost_usd"]["total"].get<double>() == doctest::Approx(total).epsilon(1e-8));
    }
}
