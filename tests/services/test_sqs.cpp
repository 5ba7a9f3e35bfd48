// test_sqs.cpp — SQS queues: config validation, delivery to Lambda, limits, redrive, expiry,
// FIFO ordering and group locks, determinism.
#include "messaging_test_util.h"

using namespace msgtest;
using sim::Counter;
using sim::sec;

namespace {

std::string queue_to_fn(const std::string& queue_cfg, const std::string& fn_cfg, const std::string& esm_cfg = "{}",
                        const std::string& dlq_cfg = R"({"maxReceiveCount": 3})") {
    return pattern(R"([{"id": "q", "type": "sqs", "config": )" + queue_cfg + R"(},
                       {"id": "dlq", "type": "sqs", "config": {}},
                       {"id": "fn", "type": "lambda", "config": )" +
                       fn_cfg + R"(}])",
                   R"([{"from": "q", "to": "fn", "config": )" + esm_cfg + R"(},
                       {"from": "q", "port": "dlq", "to": "dlq", "config": )" +
                       dlq_cfg + "}]");
}

}  // namespace

TEST_SUITE("sqs") {
    // ---- config validation ----
    TEST_CASE("out-of-range visibility timeout is rejected with its path and range") {
        CHECK(first_error(queue_to_fn(R"({"VisibilityTimeout": 50000})", "{}")) ==
              "/nodes/0/config/VisibilityTimeout: VisibilityTimeout must be 0..43200 s, got 50000");
    }

    TEST_CASE("a FIFO queue name must end in .fifo") {
        CHECK(first_error(queue_to_fn(R"({"FifoQueue": true, "QueueName": "orders"})", "{}")) ==
              "/nodes/0/config/QueueName: a FIFO queue name must end with .fifo, got 'orders'");
    }

    TEST_CASE("a dead-letter queue of another type is a validation error") {
        const std::string p = pattern(R"([{"id": "q", "type": "sqs", "config": {"FifoQueue": true}},
                                           {"id": "d", "type": "sqs", "config": {}}])",
                                      R"([{"from": "q", "port": "dlq", "to": "d", "config": {"maxReceiveCount": 2}}])");
        CHECK(first_error(p) ==
              "/edges/0: the dead-letter queue of a FIFO queue must also be FIFO, but 'd' is standard");
    }

    TEST_CASE("dead-letter queues that form a cycle are a validation error") {
        const std::string p =
            pattern(R"([{"id": "a", "type": "sqs", "config": {}}, {"id": "b", "type": "sqs", "config": {}}])",
                    R"([{"from": "a", "port": "dlq", "to": "b", "config": {"maxReceiveCount": 2}},
                                          {"from": "b", "port": "dlq", "to": "a", "config": {"maxReceiveCount": 2}}])");
        CHECK(has_error(p, "/edges/0: dead-letter queues form a cycle: a -> b -> a"));
        CHECK(has_error(p, "/edges/1: dead-letter queues form a cycle: b -> a -> b"));
    }

    TEST_CASE("a redrive policy naming a missing queue is a validation error") {
        const std::string p = pattern(
            R"([{"id": "a", "type": "sqs", "config": {"RedrivePolicy": {"deadLetterTargetArn": "nope", "maxReceiveCount": 3}}}])",
            "[]");
        CHECK(first_error(p) == "/nodes/0/config/RedrivePolicy: redrive target 'nope' does not exist");
    }

    TEST_CASE("a dlq edge without maxReceiveCount is a validation error") {
        CHECK(first_error(queue_to_fn("{}", "{}", "{}", "{}")) ==
              "/edges/1/config: the dead-letter queue edge needs maxReceiveCount (1..1000)");
    }

    TEST_CASE("event source mapping limits are checked on the edge") {
        CHECK(first_error(queue_to_fn("{}", "{}", R"({"BatchSize": 100})")) ==
              "/edges/0/config/MaximumBatchingWindowInSeconds: MaximumBatchingWindowInSeconds must be at least 1 when "
              "BatchSize is over 10, got 0");
        CHECK(has_error(queue_to_fn(R"({"FifoQueue": true})", "{}", R"({"BatchSize": 11})"),
                        "/edges/0/config/BatchSize: BatchSize must be 1..10, got 11"));
        CHECK(first_error(queue_to_fn("{}", "{}", R"({"ScalingConfig": {"MaximumConcurrency": 1}})")) ==
              "/edges/0/config/ScalingConfig/MaximumConcurrency: MaximumConcurrency must be 2..1000, got 1");
    }

    TEST_CASE("a visibility timeout shorter than the function timeout is refused") {
        CHECK(first_error(queue_to_fn(R"({"VisibilityTimeout": 10})", R"({"Timeout": 60})")) ==
              "/edges/0: queue visibility timeout 10 s is less than function timeout 60 s of 'fn'");
    }

    // ---- happy path ----
    TEST_CASE("sent messages are delivered to the function in batches and deleted") {
        auto s = build(queue_to_fn("{}", "{}"));
        for (int i = 0; i < 25; ++i) s->fire("q", {{"n", i}});
        s->run_until(sec(5));
        const auto q = node_report(*s, "q");
        CHECK(q["messages_sent"] == 25);
        CHECK(q["messages_deleted"] == 25);
        CHECK(q["messages_stored"] == 0);
        CHECK(count(*s, "fn", Counter::Invocations) >= 3);
        CHECK(count(*s, "dlq", Counter::Invocations) == 0);
    }

    TEST_CASE("DelaySeconds holds messages back before the function sees them") {
        auto s = build(queue_to_fn(R"({"DelaySeconds": 10})", "{}"));
        s->fire("q", {{"n", 1}});
        s->run_until(sec(9));
        CHECK(count(*s, "fn", Counter::Invocations) == 0);
        s->run_until(sec(12));
        CHECK(count(*s, "fn", Counter::Invocations) == 1);
    }

    // ---- limits ----
    TEST_CASE("a message over MaximumMessageSize is refused and dropped with the reason") {
        auto s = build(queue_to_fn(R"({"MaximumMessageSize": 1024})", "{}"));
        s->fire("q", {{"blob", std::string(2000, 'x')}});
        s->run_until(sec(1));
        CHECK(count(*s, "q", Counter::Drops) == 1);
        CHECK(logged(*s,
                     "InvalidParameterValue: One or more parameters are invalid. Reason: Message must be shorter than "
                     "1024 bytes."));
        CHECK(count(*s, "fn", Counter::Invocations) == 0);
    }

    TEST_CASE("pollers scale beyond 5 concurrent batches while a backlog remains") {
        auto s = build(queue_to_fn("{}", R"({"DurationMs": 2000})", R"({"BatchSize": 1})"));
        for (int i = 0; i < 2000; ++i) s->fire("q", {{"n", i}});
        s->run_until(sec(1));
        CHECK(s->node_metrics(node(*s, "fn")).peak_concurrency() == 5);
        s->run_until(sec(10));
        CHECK(s->node_metrics(node(*s, "fn")).peak_concurrency() > 20);
    }

    TEST_CASE("MaximumConcurrency caps the pollers") {
        auto s = build(queue_to_fn("{}", R"({"DurationMs": 2000})",
                                   R"({"BatchSize": 1, "ScalingConfig": {"MaximumConcurrency": 3}})"));
        for (int i = 0; i < 200; ++i) s->fire("q", {{"n", i}});
        s->run_until(sec(30));
        CHECK(s->node_metrics(node(*s, "fn")).peak_concurrency() == 3);
    }

    TEST_CASE("a FIFO queue throttles sends above 300 per second") {
        auto s = build(pattern(
            R"([{"id": "q", "type": "sqs", "config": {"FifoQueue": true, "ContentBasedDeduplication": true}}])", "[]"));
        for (int i = 0; i < 400; ++i)
            s->fire("q", {{"operation", "SendMessage"}, {"MessageBody", {{"n", i}}}, {"MessageGroupId", "g"}});
        s->run_until(sec(0));
        CHECK(count(*s, "q", Counter::Throttles) == 100);
        CHECK(node_report(*s, "q")["messages_sent"] == 300);
    }

    TEST_CASE("FIFO deduplication accepts but does not deliver a repeat within 5 minutes") {
        auto s = build(pattern(
            R"([{"id": "q", "type": "sqs", "config": {"FifoQueue": true, "ContentBasedDeduplication": true}}])", "[]"));
        const nlohmann::json m = {{"operation", "SendMessage"}, {"MessageBody", "same"}, {"MessageGroupId", "g"}};
        s->fire("q", m);
        s->fire("q", m);
        s->run_until(sec(301));
        s->fire("q", m);
        s->run_until(sec(302));
        CHECK(node_report(*s, "q")["messages_sent"] == 2);
        CHECK(node_report(*s, "q")["messages_deduplicated"] == 1);
    }

    // ---- failure path ----
    TEST_CASE("a message whose Lambda fails is received exactly maxReceiveCount times, then lands in the DLQ") {
        auto s = build(queue_to_fn(R"({"VisibilityTimeout": 30})", R"({"ErrorRate": 1})", R"({"BatchSize": 1})"));
        s->fire("q", {{"n", 1}});
        s->run_until(sec(29));
        CHECK(count(*s, "fn", Counter::Invocations) == 1);
        s->run_until(sec(59));
        CHECK(count(*s, "fn", Counter::Invocations) == 2);
        s->run_until(sec(200));
        CHECK(count(*s, "fn", Counter::Invocations) == 3);
        CHECK(node_report(*s, "q")["messages_received"] == 3);
        CHECK(count(*s, "q", Counter::DeadLettered) == 1);
        CHECK(node_report(*s, "dlq")["messages_stored"] == 1);
        CHECK(logged(*s, "moved to dead-letter queue 'dlq': received 3 times (maxReceiveCount 3)"));
    }

    TEST_CASE("messages past MessageRetentionPeriod are dropped with a reason") {
        auto s = build(pattern(R"([{"id": "q", "type": "sqs", "config": {"MessageRetentionPeriod": 60}}])", "[]"));
        s->fire("q", {{"n", 1}});
        s->run_until(sec(59));
        CHECK(count(*s, "q", Counter::Drops) == 0);
        CHECK(node_report(*s, "q")["oldest_message_age_s_peak"].get<double>() >= 0);
        s->run_until(sec(61));
        CHECK(count(*s, "q", Counter::Drops) == 1);
        CHECK(logged(*s, "message expired in q: MessageRetentionPeriod 60 s passed before it was deleted"));
        CHECK(drop_reason(*s, "message expired in q") == sim::DropReason::Expired);
    }

    TEST_CASE("with ReportBatchItemFailures only failed records return to the queue") {
        auto s = build(queue_to_fn("{}", R"({"RecordErrorRate": 0.3})",
                                   R"({"BatchSize": 10, "FunctionResponseTypes": ["ReportBatchItemFailures"]})",
                                   R"({"maxReceiveCount": 5})"));
        for (int i = 0; i < 100; ++i) s->fire("q", {{"n", i}});
        s->run_until(sec(600));
        const auto q = node_report(*s, "q");
        CHECK(q["messages_deleted"].get<int>() + q["messages_dead_lettered"].get<int>() == 100);
        CHECK(q["messages_received"].get<int>() > 100);
        CHECK(q["messages_received"].get<int>() < 200);  // whole batches are not redelivered
    }

    TEST_CASE("a FIFO group blocks behind a failing message while other groups flow") {
        // fn forwards each record to a FIFO sink; a record without "g" fails (MissingParameter).
        auto s = build(pattern(
            R"([{"id": "in-q", "type": "sqs", "config": {"FifoQueue": true, "VisibilityTimeout": 30}},
                {"id": "dead-q", "type": "sqs", "config": {"FifoQueue": true}},
                {"id": "fn", "type": "lambda", "config": {"Actions": [{"target": "sink-q", "operation": "SendMessage",
                  "MessageBody": "$.body", "MessageGroupId": "$.body.g", "MessageDeduplicationId": "$.messageId"}]}},
                {"id": "sink-q", "type": "sqs", "config": {"FifoQueue": true}}])",
            R"([{"from": "in-q", "to": "fn", "config": {"BatchSize": 1}},
                {"from": "in-q", "port": "dlq", "to": "dead-q", "config": {"maxReceiveCount": 2}},
                {"from": "fn", "to": "sink-q"}])"));
        auto send = [&](const std::string& group, nlohmann::json body) {
            s->fire("in-q", {{"operation", "SendMessage"},
                             {"MessageBody", body},
                             {"MessageGroupId", group},
                             {"MessageDeduplicationId", body.dump()}});
        };
        send("A", {{"poison", true}});
        send("A", {{"g", "A"}, {"n", 2}});
        send("A", {{"g", "A"}, {"n", 3}});
        send("B", {{"g", "B"}, {"n", 1}});
        s->run_until(sec(20));
        CHECK(node_report(*s, "sink-q")["messages_sent"] == 1);  // only group B got through
        s->run_until(sec(50));
        CHECK(node_report(*s, "sink-q")["messages_sent"] == 1);  // A still blocked (2nd receive failed)
        s->run_until(sec(70));
        CHECK(node_report(*s, "dead-q")["messages_sent"] == 1);
        CHECK(node_report(*s, "sink-q")["messages_sent"] == 3);
    }

    // ---- determinism ----
    TEST_CASE("the same seed gives the same fingerprint, also with duplicates and partial failures") {
        const std::string p = queue_to_fn(R"({"DuplicateRate": 0.05})", R"({"RecordErrorRate": 0.2, "ErrorRate": 0.1})",
                                          R"({"FunctionResponseTypes": ["ReportBatchItemFailures"]})");
        std::string fp[2];
        for (auto& f : fp) {
            auto s = build(p);
            for (int i = 0; i < 300; ++i) s->fire("q", {{"n", i}});
            s->run_until(sec(900));
            f = s->report()["trace_fingerprint"];
            CHECK(node_report(*s, "q")["duplicate_deliveries"].get<int>() > 0);
        }
        CHECK(fp[0] == fp[1]);
    }
}
