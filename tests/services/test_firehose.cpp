// test_firehose.cpp — Firehose delivery streams: validation, buffering by size and interval,
// transformation failures to the error prefix, Redshift COPY through S3, determinism.
#include "messaging_test_util.h"

using namespace msgtest;
using sim::Counter;
using sim::sec;

namespace {

std::string stream(const std::string& cfg, const std::string& extra_nodes = "", const std::string& extra_edges = "") {
    return pattern(R"J([{"id": "fh", "type": "firehose", "config": )J" + cfg +
                       R"J(}, {"id": "bucket", "type": "s3", "config": {}})J" + extra_nodes + "]",
                   R"J([{"from": "fh", "to": "bucket"})J" + extra_edges + "]");
}

nlohmann::json rec(int n) {
    return {{"operation", "PutRecord"}, {"Data", {{"n", n}, {"pad", std::string(1000, 'x')}}}};
}

}  // namespace

TEST_SUITE("firehose") {
    TEST_CASE("buffering hints are validated and an S3 bucket is required") {
        CHECK(first_error(stream(R"J({"BufferingHints": {"SizeInMBs": 0}})J")) ==
              "/nodes/0/config/BufferingHints/SizeInMBs: SizeInMBs must be 1..128 MiB, got 0");
        CHECK(first_error(stream(R"J({"BufferingHints": {"IntervalInSeconds": 901}})J")) ==
              "/nodes/0/config/BufferingHints/IntervalInSeconds: IntervalInSeconds must be 0..900 s, got 901");
        CHECK(
            first_error(pattern(
                R"J([{"id": "fh", "type": "firehose", "config": {}}, {"id": "rs", "type": "redshift", "config": {}}])J",
                R"J([{"from": "fh", "to": "rs"}])J")) == "/nodes/0: delivery stream 'fh' needs an S3 bucket");
    }

    TEST_CASE("the buffer is delivered when the interval passes") {
        auto s = build(stream(R"J({"BufferingHints": {"IntervalInSeconds": 60, "SizeInMBs": 5}})J"));
        for (int i = 0; i < 10; ++i) s->fire("fh", rec(i));
        s->run_until(sec(59));
        CHECK(node_report(*s, "fh")["objects_written"] == 0);
        s->run_until(sec(62));
        CHECK(node_report(*s, "fh")["objects_written"] == 1);
        CHECK(node_report(*s, "fh")["records_delivered"] == 10);
        CHECK(node_report(*s, "bucket")["objects_put"] == 1);
    }

    TEST_CASE("the buffer is delivered as soon as SizeInMBs is reached") {
        auto s = build(stream(R"J({"BufferingHints": {"IntervalInSeconds": 900, "SizeInMBs": 1}})J"));
        for (int i = 0; i < 2000; ++i) s->fire("fh", rec(i));
        s->run_until(sec(5));
        CHECK(node_report(*s, "fh")["objects_written"].get<int>() >= 1);
    }

    TEST_CASE("records failing transformation go to the error prefix") {
        auto s = build(stream(R"J({"BufferingHints": {"IntervalInSeconds": 10}})J",
                              R"J(, {"id": "tx", "type": "lambda", "config": {"RecordErrorRate": 0.25}})J",
                              R"J(, {"from": "fh", "port": "transform", "to": "tx"})J"));
        for (int i = 0; i < 100; ++i) s->fire("fh", rec(i));
        s->run_until(sec(30));
        const auto r = node_report(*s, "fh");
        CHECK(r["records_failed_processing"].get<int>() > 0);
        CHECK(r["records_failed_processing"].get<int>() + r["records_delivered"].get<int>() == 100);
        CHECK(r["objects_written"] == 2);
        CHECK(logged(*s, "records failed transformation; written under processing-failed/"));
    }

    TEST_CASE("Redshift loads go through an S3 object and a COPY") {
        auto s = build(stream(R"J({"BufferingHints": {"IntervalInSeconds": 60}})J",
                              R"J(, {"id": "rs", "type": "redshift", "config": {"LatencyMs": 2000}})J",
                              R"J(, {"from": "fh", "to": "rs"})J"));
        for (int i = 0; i < 10; ++i) s->fire("fh", rec(i));
        s->run_until(sec(120));
        CHECK(node_report(*s, "rs")["rows_loaded"] == 10);
        CHECK(node_report(*s, "fh")["redshift_loads"] == 1);
        CHECK(node_report(*s, "bucket")["objects_put"] == 1);
    }

    TEST_CASE("failed COPYs are retried, then a manifest goes under errors/") {
        auto s = build(
            stream(R"J({"BufferingHints": {"IntervalInSeconds": 60}, "RetryOptions": {"DurationInSeconds": 120}})J",
                   R"J(, {"id": "rs", "type": "redshift", "config": {"ErrorRate": 1, "LatencyMs": 100}})J",
                   R"J(, {"from": "fh", "to": "rs"})J"));
        s->fire("fh", rec(1));
        s->run_until(sec(600));
        CHECK(count(*s, "rs", Counter::Invocations) > 2);
        CHECK(logged(*s, "manifest written under errors/"));
        CHECK(node_report(*s, "bucket")["objects_put"] == 2);
    }

    TEST_CASE("the same seed gives the same fingerprint") {
        std::string fp[2];
        for (auto& f : fp) {
            auto s = build(stream(R"J({"BufferingHints": {"IntervalInSeconds": 10}})J",
                                  R"J(, {"id": "tx", "type": "lambda", "config": {"RecordErrorRate": 0.1}})J",
                                  R"J(, {"from": "fh", "port": "transform", "to": "tx"})J"));
            for (int i = 0; i < 100; ++i) s->fire("fh", rec(i));
            s->run_until(sec(60));
            f = s->report()["trace_fingerprint"];
        }
        CHECK(fp[0] == fp[1]);
    }

    TEST_CASE("PutRecord's Record.Data (AWS's request shape) is the record a transformation sees") {
        // Each record's data reaches the transformation function, whose action stores it: a record
        // without its data would be an item without its key, which DynamoDB refuses.
        auto s = build(stream(
            R"J({"BufferingHints": {"IntervalInSeconds": 10}})J",
            R"J(, {"id": "tx", "type": "lambda", "config": {"Actions": [{"target": "t", "operation": "PutItem", "Item": "$.data"}]}},
                 {"id": "t", "type": "dynamodb", "config": {"KeySchema": [{"AttributeName": "id", "KeyType": "HASH"}]}})J",
            R"J(, {"from": "fh", "port": "transform", "to": "tx"}, {"from": "tx", "to": "t"})J"));
        for (int i = 0; i < 3; ++i)
            s->fire("fh", {{"operation", "PutRecord"},
                           {"DeliveryStreamName", "fh"},
                           {"Record", {{"Data", {{"id", "r-" + std::to_string(i)}}}}}});
        s->fire("fh", {{"operation", "PutRecord"}, {"Data", {{"id", "top-level"}}}});
        s->run_until(sec(30));
        CHECK(node_report(*s, "fh")["records_delivered"] == 4);
        CHECK(node_report(*s, "t")["items"] == 4);
    }
}
