// test_lambda_async.cpp — Lambda asynchronous invocation (retries, event age, destinations,
// DLQ), batch invocations and recursive-loop detection.
#include "messaging_test_util.h"

using namespace msgtest;
using sim::Counter;
using sim::sec;

namespace {

std::string async_fn(const std::string& fn_cfg, const std::string& port = "on_failure") {
    return pattern(R"([{"id": "fn", "type": "lambda", "config": )" + fn_cfg + R"(},
                       {"id": "failures", "type": "sqs", "config": {}}])",
                   R"([{"from": "fn", "port": ")" + port + R"(", "to": "failures"}])");
}

}  // namespace

TEST_SUITE("lambda_async") {
    TEST_CASE("EventInvokeConfig limits are validated") {
        CHECK(first_error(async_fn(R"({"EventInvokeConfig": {"MaximumRetryAttempts": 3}})")) ==
              "/nodes/0/config/EventInvokeConfig/MaximumRetryAttempts: MaximumRetryAttempts must be 0..2, got 3");
        CHECK(first_error(async_fn(R"({"RecursiveLoop": "Sometimes"})")) ==
              "/nodes/0/config/RecursiveLoop: RecursiveLoop must be one of Terminate, Allow, got \"Sometimes\"");
    }

    TEST_CASE(
        "an async invoke that always fails is attempted 3 times at ~1 and ~2 minute intervals, then goes to "
        "on_failure") {
        auto s = build(async_fn(R"({"ErrorRate": 1, "DurationMs": 100})"));
        s->fire("fn", {{"order", 1}});
        s->run_until(sec(59));
        CHECK(count(*s, "fn", Counter::Invocations) == 1);
        s->run_until(sec(62));
        CHECK(count(*s, "fn", Counter::Invocations) == 2);
        s->run_until(sec(179));
        CHECK(count(*s, "fn", Counter::Invocations) == 2);
        s->run_until(sec(183));
        CHECK(count(*s, "fn", Counter::Invocations) == 3);
        CHECK(count(*s, "fn", Counter::Retries) == 2);
        s->run_until(sec(600));
        CHECK(count(*s, "fn", Counter::Invocations) == 3);
        CHECK(count(*s, "fn", Counter::DeadLettered) == 1);
        CHECK(node_report(*s, "failures")["messages_stored"] == 1);
        CHECK(logged(*s, "async event sent to on-failure destination: RetriesExhausted"));
    }

    TEST_CASE("MaximumRetryAttempts 0 sends the event on after one attempt") {
        auto s = build(async_fn(R"({"ErrorRate": 1, "EventInvokeConfig": {"MaximumRetryAttempts": 0}})"));
        s->fire("fn", {{"order", 1}});
        s->run_until(sec(600));
        CHECK(count(*s, "fn", Counter::Invocations) == 1);
        CHECK(node_report(*s, "failures")["messages_stored"] == 1);
    }

    TEST_CASE("MaximumEventAgeInSeconds ends retries with EventAgeExceeded") {
        auto s = build(async_fn(R"({"ErrorRate": 1, "EventInvokeConfig": {"MaximumEventAgeInSeconds": 60}})"));
        s->fire("fn", {{"order", 1}});
        s->run_until(sec(600));
        CHECK(count(*s, "fn", Counter::Invocations) == 1);
        CHECK(logged(*s, "EventAgeExceeded"));
    }

    TEST_CASE("without a destination or DLQ a failed async event is dropped with a reason") {
        auto s = build(pattern(
            R"([{"id": "fn", "type": "lambda", "config": {"ErrorRate": 1, "EventInvokeConfig": {"MaximumRetryAttempts": 0}}}])",
            "[]"));
        s->fire("fn", {{"order", 1}});
        s->run_until(sec(10));
        CHECK(count(*s, "fn", Counter::Drops) == 1);
        CHECK(logged(*s, "async invocation failed (RetriesExhausted) and no on-failure destination or DLQ is set"));
        CHECK(drop_reason(*s, "async invocation failed (RetriesExhausted)") == sim::DropReason::RetriesExhausted);
    }

    TEST_CASE("the legacy DLQ receives the original event") {
        auto s = build(async_fn(R"({"ErrorRate": 1, "EventInvokeConfig": {"MaximumRetryAttempts": 0}})", "dlq"));
        s->fire("fn", {{"order", 1}});
        s->run_until(sec(10));
        CHECK(node_report(*s, "failures")["messages_stored"] == 1);
        CHECK(logged(*s, "async event sent to dead-letter queue: RetriesExhausted"));
    }

    TEST_CASE("an async payload over 1 MB is refused") {
        auto s = build(async_fn("{}"));
        s->fire("fn", {{"blob", std::string(1100000, 'x')}});
        s->run_until(sec(1));
        CHECK(count(*s, "fn", Counter::Invocations) == 0);
        CHECK(logged(*s, "RequestTooLargeException: asynchronous payload of"));
    }

    TEST_CASE("a Lambda -> SQS -> same Lambda loop is stopped after 16 invocations with a visible message") {
        const std::string p =
            pattern(R"([{"id": "q", "type": "sqs", "config": {}}, {"id": "q-dlq", "type": "sqs", "config": {}},
            {"id": "fn", "type": "lambda", "config": {"Actions": [{"target": "q", "operation": "SendMessage", "MessageBody": "$.body"}]}}])",
                    R"([{"from": "q", "to": "fn", "config": {"BatchSize": 1}}, {"from": "fn", "to": "q"},
                                          {"from": "q", "port": "dlq", "to": "q-dlq", "config": {"maxReceiveCount": 5}}])");
        auto s = build(p);
        s->fire("q", {{"hello", "loop"}});
        s->run_until(sec(120));
        CHECK(count(*s, "fn", Counter::Invocations) == 16);
        CHECK(node_report(*s, "fn")["recursive_loops_stopped"] == 1);
        CHECK(logged(*s, "recursive loop detected: 'fn' was invoked 16 times by the same event chain"));
        CHECK(node_report(*s, "q-dlq")["messages_stored"] == 1);
    }

    TEST_CASE("RecursiveLoop Allow lets the loop run on") {
        const std::string p =
            pattern(R"([{"id": "q", "type": "sqs", "config": {}},
            {"id": "fn", "type": "lambda", "config": {"RecursiveLoop": "Allow", "Actions": [{"target": "q", "operation": "SendMessage"}]}}])",
                    R"([{"from": "q", "to": "fn", "config": {"BatchSize": 1}}, {"from": "fn", "to": "q"}])");
        auto s = build(p);
        s->fire("q", {{"hello", "loop"}});
        s->run_until(sec(60));
        CHECK(count(*s, "fn", Counter::Invocations) > 16);
    }

    TEST_CASE("the same seed gives the same fingerprint for async retries") {
        std::string fp[2];
        for (auto& f : fp) {
            auto s = build(async_fn(R"({"ErrorRate": 0.5})"));
            for (int i = 0; i < 50; ++i) s->fire("fn", {{"order", i}});
            s->run_until(sec(900));
            f = s->report()["trace_fingerprint"];
        }
        CHECK(fp[0] == fp[1]);
    }
}
