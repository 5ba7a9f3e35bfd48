// test_execution.cpp — driving executions in virtual time: tasks, retries, catches, waits,
// Parallel/Map concurrency, timeouts, history and transition counts.
#include <doctest/doctest.h>

#include "stepfunctions/asl_parse.h"
#include "stepfunctions/execution.h"

#include <algorithm>

using nlohmann::json;
using namespace sim::sfn;

namespace {

constexpr std::int64_t kSec = 1000000;

std::shared_ptr<const StateMachineDef> load(const char* text) {
    auto r = load_state_machine_text(text);
    REQUIRE_MESSAGE(r.ok(), (r.errors.empty() ? "" : r.errors.front().message));
    return r.machine;
}

// Runs a machine without Task states to completion, jumping to each wake-up time.
Execution& run(Execution& ex) {
    std::int64_t now = 0;
    for (int k = 0; k < 1000; ++k) {
        auto adv = ex.advance(now);
        if (adv.kind == AdvanceKind::Finished) break;
        REQUIRE(adv.kind == AdvanceKind::WaitUntil);
        now = *adv.wake_at_us;
    }
    return ex;
}

std::vector<std::int64_t> event_times(const Execution& ex, const std::string& type) {
    std::vector<std::int64_t> out;
    for (const auto& e : ex.history())
        if (e.type == type) out.push_back(e.timestamp_us);
    return out;
}

const char* kRetryCatch = R"J({
  "StartAt": "Call",
  "States": {
    "Call": {"Type": "Task", "Resource": "arn:aws:lambda:us-east-1:1:function:f",
             "Retry": [{"ErrorEquals": ["Boom"], "MaxAttempts": 2, "BackoffRate": 2}],
             "Catch": [{"ErrorEquals": ["States.ALL"], "ResultPath": "$.error", "Next": "Fallback"}],
             "End": true},
    "Fallback": {"Type": "Pass", "End": true}
  }})J";

}  // namespace

TEST_SUITE("stepfunctions") {
    TEST_CASE(
        "a Task with Retry MaxAttempts 2 and BackoffRate 2 fails three times at the right virtual instants and then "
        "its Catch routes to the fallback state") {
        Execution ex(load(kRetryCatch), json{{"order", 7}}, 0);
        std::vector<std::int64_t> invoked;
        std::int64_t now = 0;
        for (int attempt = 0; attempt < 3; ++attempt) {
            auto adv = ex.advance(now);
            REQUIRE(adv.kind == AdvanceKind::InvokeTasks);
            REQUIRE(adv.tasks.size() == 1);
            CHECK(adv.tasks[0].input == json{{"order", 7}});
            invoked.push_back(now);
            now += kSec / 2;  // the function fails after 0.5 s
            CHECK(ex.fail_task(adv.tasks[0].id, "Boom", "it broke"));
            adv = ex.advance(now);
            if (attempt < 2) {
                REQUIRE(adv.kind == AdvanceKind::WaitUntil);
                now = *adv.wake_at_us;
            } else {
                CHECK(adv.kind == AdvanceKind::Finished);
            }
        }
        // Retry delays: IntervalSeconds 1 * BackoffRate^(n-1) -> 1 s, then 2 s.
        CHECK(invoked == std::vector<std::int64_t>{0, 1500000, 4000000});
        CHECK(event_times(ex, "TaskScheduled") == invoked);
        REQUIRE(ex.status() == ExecutionStatus::Succeeded);
        CHECK(ex.output() == json::parse(R"({"order": 7, "error": {"Error": "Boom", "Cause": "it broke"}})"));
        CHECK(event_times(ex, "PassStateEntered") == std::vector<std::int64_t>{4500000});
        // Call entered once + 2 retries + Fallback entered.
        CHECK(ex.state_transitions() == 4);
    }

    TEST_CASE("a loop of Pass states fails at AWS's 25,000-event history quota instead of running forever") {
        // AWS: at 24,999 events, if event 25,000 is not ExecutionSucceeded, ExecutionFailed is
        // logged and the execution fails ("Avoid reaching the history quota"). ExecutionStarted is
        // event 1; each Pass state adds PassStateEntered + PassStateExited, so events 2..24,999
        // are the loop and event 25,000 would be another PassStateEntered.
        Execution ex(load(R"({"StartAt": "A", "States": {"A": {"Type": "Pass", "Next": "B"},
                                                         "B": {"Type": "Pass", "Next": "A"}}})"),
                     json::object(), 0);
        CHECK(ex.advance(0).kind == AdvanceKind::Finished);
        CHECK(ex.status() == ExecutionStatus::Failed);
        REQUIRE(ex.history().size() == 25000);
        CHECK(ex.history().back().type == "ExecutionFailed");
        CHECK(ex.history()[24998].type == "PassStateExited");
        CHECK(ex.error().cause ==
              std::optional<std::string>("The execution reached the maximum number of history events (25000)."));
    }

    TEST_CASE("a Map over 5 items yields the 5 results in order") {
        auto machine = load(R"J({"StartAt": "M", "States": {"M": {
            "Type": "Map", "ItemsPath": "$.items", "MaxConcurrency": 2,
            "ItemSelector": {"n.$": "$$.Map.Item.Value", "i.$": "$$.Map.Item.Index"},
            "ItemProcessor": {"StartAt": "Work", "States": {
                "Work": {"Type": "Task", "Resource": "worker", "End": true}}},
            "ResultPath": "$.results", "End": true}}})J");
        Execution ex(machine, json{{"items", {10, 20, 30, 40, 50}}}, 0);
        std::vector<TaskRequest> outstanding;
        std::int64_t now = 0;
        std::size_t max_outstanding = 0;
        for (int k = 0; k < 20; ++k) {
            auto adv = ex.advance(now);
            if (adv.kind == AdvanceKind::Finished) break;
            for (auto& t : adv.tasks) outstanding.push_back(t);
            max_outstanding = std::max(max_outstanding, outstanding.size());
            REQUIRE_FALSE(outstanding.empty());
            // Finish the most recent task first so completions arrive out of order.
            TaskRequest t = outstanding.back();
            outstanding.pop_back();
            now += kSec;
            CHECK(ex.complete_task(t.id, json{{"doubled", t.input["n"].get<int>() * 2}, {"i", t.input["i"]}}));
        }
        REQUIRE(ex.status() == ExecutionStatus::Succeeded);
        CHECK(max_outstanding == 2);  // MaxConcurrency
        CHECK(ex.output()["results"] == json::parse(R"([{"doubled":20,"i":0},{"doubled":40,"i":1},
            {"doubled":60,"i":2},{"doubled":80,"i":3},{"doubled":100,"i":4}])"));
        CHECK(event_times(ex, "MapIterationStarted").size() == 5);
    }

    TEST_CASE("Wait states ask to be woken at Seconds later or at the Timestamp") {
        auto machine = load(R"J({"StartAt": "W1", "States": {
            "W1": {"Type": "Wait", "Seconds": 10, "Next": "W2"},
            "W2": {"Type": "Wait", "TimestampPath": "$.at", "End": true}}})J");
        ExecutionOptions opts;
        opts.epoch_offset_us = 1704067200LL * kSec;  // 2024-01-01T00:00:00Z at virtual 0
        Execution ex(machine, json{{"at", "2024-01-01T00:01:00Z"}}, 5 * kSec, opts);
        auto adv = ex.advance(5 * kSec);
        REQUIRE(adv.kind == AdvanceKind::WaitUntil);
        CHECK(*adv.wake_at_us == 15 * kSec);
        CHECK(ex.advance(14 * kSec).kind == AdvanceKind::WaitUntil);
        adv = ex.advance(15 * kSec);
        REQUIRE(adv.kind == AdvanceKind::WaitUntil);
        CHECK(*adv.wake_at_us == 60 * kSec);
        CHECK(ex.advance(60 * kSec).kind == AdvanceKind::Finished);
        CHECK(ex.status() == ExecutionStatus::Succeeded);
    }

    TEST_CASE("a failing Parallel branch cancels its siblings' tasks and is caught with the branch error") {
        auto machine = load(R"J({"StartAt": "P", "States": {
            "P": {"Type": "Parallel", "Branches": [
                {"StartAt": "A", "States": {"A": {"Type": "Task", "Resource": "a", "End": true}}},
                {"StartAt": "B", "States": {"B": {"Type": "Task", "Resource": "b", "End": true}}}],
              "Catch": [{"ErrorEquals": ["Lambda.Unknown"], "Next": "Caught"}], "End": true},
            "Caught": {"Type": "Pass", "End": true}}})J");
        Execution ex(machine, json::object(), 0);
        auto adv = ex.advance(0);
        REQUIRE(adv.tasks.size() == 2);
        CHECK(adv.tasks[0].resource == "a");
        CHECK(ex.fail_task(adv.tasks[1].id, "Lambda.Unknown", "bad"));
        CHECK(ex.advance(kSec).kind == AdvanceKind::Finished);
        CHECK(ex.take_cancelled_tasks() == std::vector<std::uint64_t>{adv.tasks[0].id});
        CHECK_FALSE(ex.complete_task(adv.tasks[0].id, 1));  // too late: cancelled
        CHECK(ex.output() == json::parse(R"({"Error": "Lambda.Unknown", "Cause": "bad"})"));
    }

    TEST_CASE("a Task TimeoutSeconds fails it with States.Timeout at the deadline") {
        auto machine = load(R"J({"StartAt": "T", "States": {
            "T": {"Type": "Task", "Resource": "slow", "TimeoutSeconds": 3, "End": true}}})J");
        Execution ex(machine, json::object(), 0);
        auto adv = ex.advance(0);
        REQUIRE(adv.kind == AdvanceKind::InvokeTasks);
        CHECK(*adv.tasks[0].timeout_us == 3 * kSec);
        CHECK(*adv.wake_at_us == 3 * kSec);
        CHECK(ex.advance(3 * kSec).kind == AdvanceKind::Finished);
        CHECK(ex.status() == ExecutionStatus::Failed);
        CHECK(ex.error().error == "States.Timeout");
        CHECK(event_times(ex, "TaskTimedOut") == std::vector<std::int64_t>{3 * kSec});
    }

    TEST_CASE("Full jitter draws the retry delay from the caller's random source") {
        auto machine = load(R"J({"StartAt": "T", "States": {"T": {"Type": "Task", "Resource": "r",
            "Retry": [{"ErrorEquals": ["States.ALL"], "IntervalSeconds": 10, "JitterStrategy": "FULL"}],
            "End": true}}})J");
        ExecutionOptions opts;
        opts.random = [] { return std::uint64_t{1} << 63; };  // uniform draw of exactly 0.5
        Execution ex(machine, json::object(), 0, opts);
        auto adv = ex.advance(0);
        ex.fail_task(adv.tasks[0].id, "X", std::nullopt);
        adv = ex.advance(0);
        REQUIRE(adv.kind == AdvanceKind::WaitUntil);
        CHECK(*adv.wake_at_us == 5 * kSec);
    }

    TEST_CASE("States.Runtime errors are not caught by States.ALL") {
        auto machine = load(R"J({"StartAt": "P", "States": {
            "P": {"Type": "Parallel", "Branches": [{"StartAt": "A", "States": {
                "A": {"Type": "Pass", "Parameters": {"v.$": "$.missing"}, "End": true}}}],
              "Catch": [{"ErrorEquals": ["States.ALL"], "Next": "C"}], "End": true},
            "C": {"Type": "Pass", "End": true}}})J");
        Execution ex(machine, json{{"x", "a"}}, 0);
        run(ex);
        CHECK(ex.status() == ExecutionStatus::Failed);
        CHECK(ex.error().error == "States.Runtime");
        CHECK(*ex.error().cause ==
              "An error occurred while executing the state 'A' (entered at the event id #4). The "
              "JSONPath '$.missing' specified for the field 'v.$' could not be found in the input "
              "'{\"x\":\"a\"}'");
    }

    TEST_CASE("the context object gives execution, state and retry details") {
        auto machine = load(R"J({"StartAt": "S", "States": {"S": {"Type": "Pass", "Parameters": {
            "name.$": "$$.State.Name", "input.$": "$$.Execution.Input", "start.$": "$$.Execution.StartTime",
            "entered.$": "$$.State.EnteredTime", "retries.$": "$$.State.RetryCount",
            "id.$": "$$.Execution.Id"}, "End": true}}})J");
        ExecutionOptions opts;
        opts.name = "run-1";
        opts.state_machine_name = "Orders";
        Execution ex(machine, json{{"k", 1}}, 2 * kSec, opts);
        ex.advance(3 * kSec);
        REQUIRE(ex.status() == ExecutionStatus::Succeeded);
        CHECK(ex.output() == json::parse(R"({"name": "S", "input": {"k": 1},
            "start": "2024-01-01T00:00:02.000Z", "entered": "2024-01-01T00:00:03.000Z", "retries": 0,
            "id": "arn:aws:states:us-east-1:123456789012:execution:Orders:run-1"})"));
    }

    TEST_CASE("history lists events with ids, previous ids and state names") {
        auto machine = load(R"J({"StartAt": "A", "States": {"A": {"Type": "Pass", "Next": "B"},
                                 "B": {"Type": "Succeed"}}})J");
        Execution ex(machine, json::object(), 0);
        run(ex);
        std::vector<std::string> types;
        for (const auto& e : ex.history()) types.push_back(e.type);
        CHECK(types == std::vector<std::string>{"ExecutionStarted", "PassStateEntered", "PassStateExited",
                                                "SucceedStateEntered", "SucceedStateExited", "ExecutionSucceeded"});
        CHECK(ex.history()[1].id == 2);
        CHECK(ex.history()[1].previous_id == 1);
        CHECK(ex.history()[3].state_name == "B");
        CHECK(ex.state_transitions() == 2);
    }

    TEST_CASE("execution TimeoutSeconds ends a long execution as TIMED_OUT") {
        auto machine = load(R"J({"StartAt": "W", "TimeoutSeconds": 5, "States": {
            "W": {"Type": "Wait", "Seconds": 60, "End": true}}})J");
        Execution ex(machine, json::object(), 0);
        auto adv = ex.advance(0);
        CHECK(*adv.wake_at_us == 5 * kSec);
        CHECK(ex.advance(5 * kSec).kind == AdvanceKind::Finished);
        CHECK(ex.status() == ExecutionStatus::TimedOut);
        CHECK(ex.error().error == "States.Timeout");
    }

    TEST_CASE("stop aborts the execution and cancels outstanding tasks") {
        auto machine = load(R"J({"StartAt": "T", "States": {"T": {"Type": "Task", "Resource": "r", "End": true}}})J");
        Execution ex(machine, json::object(), 0);
        auto adv = ex.advance(0);
        ex.stop(kSec, "Stopped", "by the user");
        CHECK(ex.status() == ExecutionStatus::Aborted);
        CHECK(ex.take_cancelled_tasks() == std::vector<std::uint64_t>{adv.tasks[0].id});
        CHECK(ex.advance(2 * kSec).kind == AdvanceKind::Finished);
    }

    TEST_CASE("task output flows through ResultSelector, ResultPath and OutputPath in order") {
        auto machine = load(R"J({"StartAt": "T", "States": {"T": {"Type": "Task", "Resource": "r",
            "InputPath": "$.req", "Parameters": {"q.$": "$.q"},
            "ResultSelector": {"code.$": "$.StatusCode"}, "ResultPath": "$.res",
            "OutputPath": "$.res", "End": true}}})J");
        Execution ex(machine, json::parse(R"({"req": {"q": "x"}, "other": 1})"), 0);
        auto adv = ex.advance(0);
        CHECK(adv.tasks[0].input == json{{"q", "x"}});
        ex.complete_task(adv.tasks[0].id, json{{"StatusCode", 200}, {"Payload", "big"}});
        ex.advance(kSec);
        CHECK(ex.output() == json{{"code", 200}});
    }

    TEST_CASE("a ResultPath that cannot be applied raises a catchable States.ResultPathMatchFailure") {
        auto machine = load(R"J({"StartAt": "T", "States": {
            "T": {"Type": "Task", "Resource": "r", "ResultPath": "$.a.b",
                  "Catch": [{"ErrorEquals": ["States.ResultPathMatchFailure"], "ResultPath": null,
                             "Next": "Recover"}], "End": true},
            "Recover": {"Type": "Pass", "Result": "recovered", "End": true}}})J");
        Execution ex(machine, json{{"a", "text"}}, 0);
        auto adv = ex.advance(0);
        ex.complete_task(adv.tasks[0].id, 1);
        ex.advance(kSec);
        REQUIRE(ex.status() == ExecutionStatus::Succeeded);
        CHECK(ex.output() == "recovered");
        bool saw_exit = false;
        for (const auto& e : ex.history()) saw_exit = saw_exit || e.type == "TaskStateExited";
        CHECK(saw_exit);
    }

    TEST_CASE("Map tolerated failures are counted and exceeding them fails the state") {
        auto machine = load(R"J({"StartAt": "M", "States": {"M": {"Type": "Map",
            "ToleratedFailureCount": 1, "ItemProcessor": {"StartAt": "C", "States": {
              "C": {"Type": "Choice", "Choices": [{"Variable": "$", "NumericGreaterThan": 1, "Next": "F"}],
                    "Default": "OK"},
              "F": {"Type": "Fail", "Error": "TooBig"}, "OK": {"Type": "Pass", "End": true}}},
            "End": true}}})J");
        Execution ok(machine, json::array({1, 2}), 0);
        run(ok);
        REQUIRE(ok.status() == ExecutionStatus::Succeeded);
        CHECK(ok.output() == json::parse(R"([1, {"Error": "TooBig"}])"));
        Execution bad(machine, json::array({3, 2}), 0);
        run(bad);
        CHECK(bad.error().error == "States.ExceedToleratedFailureThreshold");
    }
}
