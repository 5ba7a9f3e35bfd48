// test_sns.cpp — SNS topics: validation, fan-out, filter policies, envelopes, delivery retries and
// subscription DLQs, FIFO topics, determinism.
#include "messaging_test_util.h"
#include "services/sns/sns_delivery.h"

using namespace msgtest;
using sim::Counter;
using sim::sec;

namespace {

nlohmann::json publish(const nlohmann::json& message, const std::string& type = "") {
    nlohmann::json p = {{"operation", "Publish"}, {"Message", message}};
    if (!type.empty()) p["MessageAttributes"] = {{"type", {{"Type", "String"}, {"Value", type}}}};
    return p;
}

const char* kFanOut = R"([{"id": "t", "type": "sns", "config": {}},
    {"id": "a", "type": "sqs", "config": {}}, {"id": "b", "type": "sqs", "config": {}}, {"id": "c", "type": "sqs", "config": {}}])";

}  // namespace

TEST_SUITE("sns") {
    // ---- config validation ----
    TEST_CASE("an invalid filter policy is rejected at load with the reason") {
        const std::string p = pattern(
            kFanOut, R"([{"from": "t", "to": "a", "config": {"FilterPolicy": {"price": [{"numeric": [">", "x"]}]}}}])");
        const std::string e = first_error(p);
        CHECK(e.rfind("/edges/0/config/FilterPolicy: invalid filter policy", 0) == 0);
    }

    TEST_CASE("a FIFO topic only delivers to SQS") {
        const std::string p = pattern(
            R"([{"id": "t", "type": "sns", "config": {"FifoTopic": true}}, {"id": "f", "type": "lambda", "config": {}}])",
            R"([{"from": "t", "to": "f"}])");
        CHECK(first_error(p) == "/edges/0: FIFO topic 't' can only deliver to SQS queues, not lambda");
    }

    TEST_CASE("a subscription DLQ must be wired on the topic's dlq port") {
        const std::string p = pattern(
            kFanOut, R"([{"from": "t", "to": "a", "config": {"RedrivePolicy": {"deadLetterTargetArn": "b"}}}])");
        CHECK(first_error(p) ==
              "/edges/0/config/RedrivePolicy: redrive target 'b' is not wired to topic 't' on its dlq port");
        const std::string q = pattern(
            kFanOut, R"([{"from": "t", "to": "a", "config": {"RedrivePolicy": {"deadLetterTargetArn": "zz"}}}])");
        CHECK(first_error(q) == "/edges/0/config/RedrivePolicy: redrive target 'zz' does not exist");
    }

    TEST_CASE("the documented retry phases give the documented delays") {
        const auto managed = sim::svc::aws_managed_policy();
        CHECK(sim::svc::retry_delay(managed, 1) == sec(0));
        CHECK(sim::svc::retry_delay(managed, 4) == sec(1));
        CHECK(sim::svc::retry_delay(managed, 15) == sec(20));
        CHECK(sim::svc::retry_delay(managed, 100015) == sec(20));
        CHECK(sim::svc::retry_delay(managed, 100016) == sim::kNever);
        const auto http = sim::svc::http_default_policy();
        CHECK(sim::svc::retry_delay(http, 3) == sec(20));
        CHECK(sim::svc::retry_delay(http, 4) == sim::kNever);
        CHECK(sim::svc::email_policy().total() == 50);
    }

    // ---- happy path ----
    TEST_CASE("a publish fans out to every subscription in an envelope") {
        auto s = build(pattern(
            kFanOut,
            R"([{"from": "t", "to": "a"}, {"from": "t", "to": "b"}, {"from": "t", "to": "c", "config": {"RawMessageDelivery": true}}])"));
        s->fire("t", publish({{"order", 1}}));
        s->run_until(sec(2));
        for (const char* q : {"a", "b", "c"}) CHECK(node_report(*s, q)["messages_sent"] == 1);
        CHECK(node_report(*s, "t")["delivered"] == 3);
    }

    TEST_CASE("an SNS subscription with a filter policy receives only matching messages") {
        auto s = build(pattern(kFanOut, R"([{"from": "t", "to": "a", "config": {"FilterPolicy": {"type": ["order"]}}},
                                            {"from": "t", "to": "b", "config": {"FilterPolicyScope": "MessageBody", "FilterPolicy": {"total": [{"numeric": [">", 100]}]}}},
                                            {"from": "t", "to": "c"}])"));
        s->fire("t", publish({{"total", 50}}, "order"));
        s->fire("t", publish({{"total", 500}}, "refund"));
        s->fire("t", publish({{"total", 150}}, "order"));
        s->run_until(sec(2));
        CHECK(node_report(*s, "a")["messages_sent"] == 2);
        CHECK(node_report(*s, "b")["messages_sent"] == 2);
        CHECK(node_report(*s, "c")["messages_sent"] == 3);
        CHECK(node_report(*s, "t")["filtered_out"] == 2);
    }

    TEST_CASE("a Lambda subscriber is invoked asynchronously with Records[].Sns") {
        auto s =
            build(pattern(R"([{"id": "t", "type": "sns", "config": {}}, {"id": "f", "type": "lambda", "config": {}}])",
                          R"([{"from": "t", "to": "f"}])"));
        s->fire("t", publish("hello"));
        s->run_until(sec(2));
        CHECK(count(*s, "f", Counter::Invocations) == 1);
    }

    // ---- limits ----
    TEST_CASE("a message over 256 KB is refused") {
        auto s = build(pattern(kFanOut, R"([{"from": "t", "to": "a"}])"));
        s->fire("t", publish(std::string(300000, 'x')));
        s->run_until(sec(1));
        CHECK(count(*s, "t", Counter::Drops) == 1);
        CHECK(logged(*s, "InvalidParameter: Invalid parameter: Message too long"));
    }

    TEST_CASE("a FIFO topic deduplicates and delivers a group in order to a FIFO queue") {
        auto s = build(
            pattern(R"([{"id": "t", "type": "sns", "config": {"FifoTopic": true, "ContentBasedDeduplication": true}},
                                   {"id": "q", "type": "sqs", "config": {"FifoQueue": true}}])",
                    R"([{"from": "t", "to": "q"}])"));
        for (int i = 0; i < 3; ++i) {
            auto p = publish({{"n", i}});
            p["MessageGroupId"] = "g";
            s->fire("t", p);
            s->fire("t", p);
        }
        s->run_until(sec(2));
        CHECK(node_report(*s, "t")["deduplicated"] == 3);
        CHECK(node_report(*s, "q")["messages_sent"] == 3);
    }

    // ---- failure path ----
    TEST_CASE("a failing HTTP endpoint gets 3 retries 20 s apart, then the subscription DLQ") {
        auto s = build(pattern(
            R"([{"id": "t", "type": "sns", "config": {}}, {"id": "hook", "type": "http", "config": {"ErrorRate": 1, "LatencyMs": 10}},
                                   {"id": "dead", "type": "sqs", "config": {}}])",
            R"([{"from": "t", "to": "hook", "config": {"RedrivePolicy": {"deadLetterTargetArn": "dead"}}},
                                   {"from": "t", "port": "dlq", "to": "dead"}])"));
        s->fire("t", publish("ping"));
        s->run_until(sec(30));
        CHECK(count(*s, "hook", Counter::Invocations) == 2);
        s->run_until(sec(120));
        CHECK(count(*s, "hook", Counter::Invocations) == 4);
        CHECK(node_report(*s, "dead")["messages_sent"] == 1);
        CHECK(logged(*s, "sent to subscription DLQ 'dead': delivery retries exhausted (3 retries)"));
    }

    TEST_CASE("an HTTP 4xx is not retried and is dropped with a reason without a DLQ") {
        auto s = build(pattern(
            R"([{"id": "t", "type": "sns", "config": {}}, {"id": "hook", "type": "http", "config": {"ClientErrorRate": 1}}])",
            R"([{"from": "t", "to": "hook"}])"));
        s->fire("t", publish("ping"));
        s->run_until(sec(120));
        CHECK(count(*s, "hook", Counter::Invocations) == 1);
        CHECK(count(*s, "t", Counter::Drops) == 1);
        CHECK(logged(*s, "HTTP endpoint answered 400 (client error, not retried)"));
    }

    // ---- determinism ----
    TEST_CASE("the same seed gives the same fingerprint") {
        std::string fp[2];
        for (auto& f : fp) {
            auto s = build(pattern(
                R"([{"id": "t", "type": "sns", "config": {}}, {"id": "hook", "type": "http", "config": {"ErrorRate": 0.3}},
                                       {"id": "a", "type": "sqs", "config": {}}])",
                R"([{"from": "t", "to": "hook"}, {"from": "t", "to": "a"}])"));
            for (int i = 0; i < 100; ++i) s->fire("t", publish({{"n", i}}));
            s->run_until(sec(300));
            f = s->report()["trace_fingerprint"];
        }
        CHECK(fp[0] == fp[1]);
    }
}
