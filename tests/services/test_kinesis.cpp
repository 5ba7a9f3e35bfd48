// test_kinesis.cpp — Kinesis Data Streams and its Lambda event source mapping: validation,
// routing, write limits, per-shard ordering, retries, bisecting, on-failure destinations.
#include "messaging_test_util.h"
#include "services/kinesis/kinesis.h"

using namespace msgtest;
using sim::Counter;
using sim::sec;

namespace {

std::string stream_to_fn(const std::string& stream_cfg, const std::string& fn_cfg, const std::string& esm_cfg = "{}") {
    return pattern(R"J([{"id": "s", "type": "kinesis", "config": )J" + stream_cfg + R"J(},
                        {"id": "fn", "type": "lambda", "config": )J" +
                       fn_cfg + R"J(},
                        {"id": "failed", "type": "sqs", "config": {}}])J",
                   R"J([{"from": "s", "to": "fn", "config": )J" + esm_cfg +
                       R"J(}, {"from": "s", "port": "on_failure", "to": "failed"}])J");
}

nlohmann::json record(const std::string& key, int n) {
    return {{"operation", "PutRecord"}, {"PartitionKey", key}, {"Data", {{"n", n}}}};
}

}  // namespace

TEST_SUITE("kinesis") {
    TEST_CASE("config limits are validated with their paths") {
        CHECK(first_error(
                  stream_to_fn(R"J({"StreamModeDetails": {"StreamMode": "ON_DEMAND"}, "ShardCount": 2})J", "{}")) ==
              "/nodes/0/config/ShardCount: ShardCount cannot be set on an ON_DEMAND stream");
        CHECK(first_error(stream_to_fn("{}", "{}", R"J({"MaximumRecordAgeInSeconds": 30})J")) ==
              "/edges/0/config/MaximumRecordAgeInSeconds: MaximumRecordAgeInSeconds must be -1 (infinite) or "
              "60..604800 s, got 30");
        CHECK(first_error(stream_to_fn("{}", "{}", R"J({"ParallelizationFactor": 11})J")) ==
              "/edges/0/config/ParallelizationFactor: ParallelizationFactor must be 1..10, got 11");
        CHECK(
            first_error(stream_to_fn("{}", "{}", R"J({"DestinationConfig": {"OnFailure": {"Destination": "fn"}}})J")) ==
            "/edges/0/config/DestinationConfig: on-failure destination 'fn' is not wired to stream 's' on its "
            "on_failure port");
    }

    TEST_CASE("partition keys map to shards by MD5 hash range") {
        CHECK(sim::svc::kinesis_shard_for("device-1", 1) == 0);
        CHECK(sim::svc::kinesis_shard_for("device-1", 8) == sim::svc::kinesis_shard_for("device-1", 8));
        // MD5("a") = 0cc175b9...: in the first of 4 ranges; MD5("b") = 92eb5ffe...: in the third.
        CHECK(sim::svc::kinesis_shard_for("a", 4) == 0);
        CHECK(sim::svc::kinesis_shard_for("b", 4) == 2);
        std::vector<int> hits(4);
        for (int i = 0; i < 4000; ++i) ++hits[sim::svc::kinesis_shard_for("k" + std::to_string(i), 4)];
        for (int h : hits) CHECK(h > 800);
    }

    TEST_CASE("records reach the function in per-shard order") {
        auto s = build(stream_to_fn(R"J({"ShardCount": 2})J", "{}", R"J({"BatchSize": 10})J"));
        for (int i = 0; i < 50; ++i) s->fire("s", record("k" + std::to_string(i % 5), i));
        s->run_until(sec(10));
        CHECK(node_report(*s, "s")["records_processed"] == 50);
        CHECK(node_report(*s, "s")["iterator_age_ms_max"].get<int>() >= 0);
    }

    TEST_CASE("a shard refuses writes above 1,000 records per second") {
        auto s = build(stream_to_fn("{}", "{}"));
        for (int i = 0; i < 1500; ++i) s->fire("s", record("same", i));
        s->run_until(sec(0));
        CHECK(count(*s, "s", Counter::Throttles) == 500);
        CHECK(logged(*s, "ProvisionedThroughputExceededException"));
    }

    TEST_CASE("a shard's 1 MiB per second counts the data blob plus the partition key, not the request around them") {
        // AWS: a shard takes up to 1 MiB/s of writes; a record's size is its data plus its partition
        // key. 2,000 data bytes + key "k" = 2,001 bytes: floor(1,048,576 / 2,001) = 524 fit in one
        // second, whatever the PutRecord call's other fields weigh.
        auto s = build(stream_to_fn("{}", "{}"));
        const std::string blob(2000, 'x');
        for (int i = 0; i < 600; ++i)
            s->fire("s", {{"operation", "PutRecord"}, {"PartitionKey", "k"}, {"StreamName", "s"}, {"Data", blob}});
        s->run_until(sec(0));
        CHECK(node_report(*s, "s")["records_put"] == 524);
        CHECK(count(*s, "s", Counter::Throttles) == 76);
    }

    TEST_CASE("a failing batch blocks its shard, then goes to the on-failure destination after MaximumRetryAttempts") {
        auto s = build(stream_to_fn(
            "{}", R"J({"ErrorRate": 1})J",
            R"J({"MaximumRetryAttempts": 2, "DestinationConfig": {"OnFailure": {"Destination": "failed"}}})J"));
        for (int i = 0; i < 5; ++i) s->fire("s", record("k", i));
        s->run_until(sec(30));
        CHECK(count(*s, "fn", Counter::Invocations) == 3);
        CHECK(node_report(*s, "s")["records_discarded"] == 5);
        CHECK(node_report(*s, "failed")["messages_sent"] == 1);
        CHECK(logged(*s, "5 records of s sent to on-failure destination 'failed': RetryAttemptsExhausted"));
    }

    TEST_CASE("BisectBatchOnFunctionError splits a failing batch") {
        auto s = build(stream_to_fn("{}", R"J({"ErrorRate": 1})J",
                                    R"J({"BisectBatchOnFunctionError": true, "MaximumRetryAttempts": 0})J"));
        for (int i = 0; i < 8; ++i) s->fire("s", record("k", i));
        s->run_until(sec(60));
        // 8 → 4 → 2 → 1 (discarded), then the rest the same way: every record is tried alone.
        CHECK(node_report(*s, "s")["records_discarded"] == 8);
        CHECK(count(*s, "s", Counter::Drops) == 8);
    }

    TEST_CASE("ReportBatchItemFailures checkpoints at the lowest failed record") {
        auto s = build(stream_to_fn("{}", R"J({"RecordErrorRate": 0.2})J",
                                    R"J({"FunctionResponseTypes": ["ReportBatchItemFailures"]})J"));
        for (int i = 0; i < 100; ++i) s->fire("s", record("k" + std::to_string(i), i));
        s->run_until(sec(120));
        CHECK(node_report(*s, "s")["records_processed"] == 100);
        CHECK(node_report(*s, "s")["failed_batches"].get<int>() > 0);
    }

    TEST_CASE("the same seed gives the same fingerprint") {
        std::string fp[2];
        for (auto& f : fp) {
            auto s = build(stream_to_fn(R"J({"ShardCount": 3})J", R"J({"ErrorRate": 0.2})J",
                                        R"J({"ParallelizationFactor": 2, "MaximumRetryAttempts": 3})J"));
            for (int i = 0; i < 200; ++i) s->fire("s", record("k" + std::to_string(i % 17), i));
            s->run_until(sec(120));
            f = s->report()["trace_fingerprint"];
        }
        CHECK(fp[0] == fp[1]);
    }
}
