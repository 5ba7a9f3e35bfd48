// test_stepfunctions.cpp — the Step Functions service: definition validation with JSON paths,
// starts from API Gateway / Lambda / manual events, Task integrations with Retry and Catch in
// virtual time, Map ordering, Standard vs Express billing and limits, determinism.
#include "support/test_support.h"

using namespace sim;
using namespace sim::test;

namespace {
std::string machine(const std::string& definition, const std::string& extra_config = "",
                    const std::string& fn_config = R"({"DurationMs": 10, "InitDurationMs": 1})") {
    return R"({"format": "serverless-playground/1", "name": "t", "seed": 4, "nodes": [
        {"id": "sm", "type": "stepfunctions", "config": {)" +
           extra_config + R"("Definition": )" + definition + R"(}},
        {"id": "fn", "type": "lambda", "config": )" +
           fn_config + R"(},
        {"id": "table", "type": "dynamodb", "config": {"KeySchema": [{"AttributeName": "id", "KeyType": "HASH"}]}}],
      "edges": [{"from": "sm", "to": "fn"}, {"from": "sm", "to": "table"}]})";
}

Json last_run(const Simulation& s) {
    Json v = s.node_inspect(node_index(s, "sm"));
    REQUIRE(!v["recent_executions"].empty());
    return v["recent_executions"].back();
}

std::vector<double> event_times(const Json& run, const std::string& type) {
    std::vector<double> out;
    for (const Json& e : run["history"])
        if (e["type"] == type) out.push_back(e["t_s"].get<double>());
    return out;
}
// A client sending POST /orders {"x": 1} once a second for `duration` through an API to a state
// machine configured with `sm_config`.
std::string behind_api(const std::string& sm_config, const std::string& duration) {
    return R"({"format": "serverless-playground/1", "name": "t", "seed": 4, "nodes": [
        {"id": "u", "type": "client", "config": {}},
        {"id": "api", "type": "apigateway", "config": {}},
        {"id": "sm", "type": "stepfunctions", "config": )" +
           sm_config + R"(}],
      "edges": [{"from": "u", "to": "api"}, {"from": "api", "to": "sm"}],
      "traffic": [{"id": "t", "source": "u", "arrival": "uniform", "duration": ")" +
           duration + R"(", "profile": {"type": "constant", "rps": 1},
                   "request": {"method": "POST", "path": "/orders"}, "payload": {"x": 1}}]})";
}
}  // namespace

TEST_SUITE("stepfunctions") {
    // ---- config validation ----
    TEST_CASE("invalid ASL is rejected at load with the state name, reason and JSON path") {
        auto d = build_errors(machine(
            R"({"StartAt": "A", "States": {"A": {"Type": "Pass", "Next": "Nowhere"}, "B": {"Type": "Pass", "End": true}}})"));
        CHECK(has_error(d, "/nodes/0/config/Definition/States/A/Next",
                        "state 'A': Next 'Nowhere' does not name a state"));
        CHECK(has_error(d, "/nodes/0/config/Definition/States/B", "state 'B': is not reachable from StartAt 'A'"));
        auto bad_type = build_errors(machine(R"({"StartAt": "B", "States": {"B": {"Type": "Bogus", "End": true}}})"));
        bool found = false;
        for (const auto& e : bad_type.items())
            found = found || (e.path.rfind("/nodes/0/config/Definition/States/B", 0) == 0 &&
                              e.message.find("Bogus") != std::string::npos);
        CHECK(found);
    }

    TEST_CASE("a Task must call a node wired from the state machine, and the type must fit") {
        auto d = build_errors(machine(R"({"StartAt": "A", "States": {
            "A": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "Parameters": {"FunctionName": "other"}, "Next": "B"},
            "B": {"Type": "Task", "Resource": "arn:aws:states:::dynamodb:scan", "End": true}}})",
                                      R"("Type": "STANDARD", "ApiAction": "StartSyncExecution", )"));
        CHECK(has_error(d, "/nodes/0/config/Definition/States/A/Resource",
                        "state 'A': Task calls 'other', which is not a lambda node wired from 'sm'"));
        CHECK(has_error(
            d, "/nodes/0/config/Definition/States/B/Resource",
            "state 'B': 'arn:aws:states:::dynamodb:scan' is not an integration this simulator supports (lambda:invoke, "
            "dynamodb:putItem/getItem/deleteItem/updateItem, sns:publish, sqs:sendMessage, events:putEvents, "
            "states:startExecution)"));
        CHECK(has_error(d, "/nodes/0/config/ApiAction",
                        "ApiAction StartSyncExecution needs Type EXPRESS (AWS allows synchronous starts of Express "
                        "workflows only)"));
        auto missing = build_errors(
            R"({"format": "serverless-playground/1", "nodes": [{"id": "sm", "type": "stepfunctions", "config": {}}]})");
        CHECK(has_error(missing, "/nodes/0/config/Definition",
                        "a state machine needs a Definition (an Amazon States Language object)"));
    }

    // ---- happy path ----
    TEST_CASE("a Lambda task and a DynamoDB putItem run in order and the execution succeeds") {
        auto s = build_ok(machine(R"J({"StartAt": "Charge", "States": {
            "Charge": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke",
                       "Parameters": {"FunctionName": "fn", "Payload.$": "$"}, "ResultSelector": {"charged.$": "$.Payload.amount"},
                       "ResultPath": "$.charge", "Next": "Save"},
            "Save": {"Type": "Task", "Resource": "arn:aws:states:::dynamodb:putItem",
                     "Parameters": {"TableName": "table", "Item": {"id": {"S.$": "$.id"}, "amount": {"N.$": "States.Format('{}', $.amount)"}}},
                     "ResultPath": null, "End": true}}})J"));
        s->fire("sm", {{"id", "o-1"}, {"amount", 25}});
        s->run_until(sec(5));
        const Json run = last_run(*s);
        CHECK(run["status"] == "SUCCEEDED");
        CHECK(run["output"] == Json{{"id", "o-1"}, {"amount", 25}, {"charge", {{"charged", 25}}}});
        const Json table = s->node_inspect(node_index(*s, "table"));
        CHECK(table["items"] == Json::array({{{"id", "o-1"}, {"amount", 25}}}));
        CHECK(s->report()["nodes"]["sm"]["executions_succeeded"] == 1);
    }

    TEST_CASE("a Map over 5 items yields the 5 results in order") {
        auto s = build_ok(machine(
            R"({"StartAt": "Each", "States": {"Each": {"Type": "Map", "ItemsPath": "$.items", "MaxConcurrency": 0,
            "ItemProcessor": {"StartAt": "Call", "States": {"Call": {"Type": "Task", "Resource": "fn", "End": true}}}, "End": true}}})",
            "", R"({"DurationMs": {"min": 5, "max": 200}, "InitDurationMs": 1})"));
        s->fire("sm", {{"items", {{{"n", 1}}, {{"n", 2}}, {{"n", 3}}, {{"n", 4}}, {{"n", 5}}}}});
        s->run_until(sec(5));
        const Json run = last_run(*s);
        CHECK(run["status"] == "SUCCEEDED");
        CHECK(run["output"] == Json::array({{{"n", 1}}, {{"n", 2}}, {{"n", 3}}, {{"n", 4}}, {{"n", 5}}}));
        CHECK(counter(*s, "fn", Counter::Invocations) == 5);
    }

    TEST_CASE("API Gateway starts a Standard execution and gets 200 with an executionArn at once") {
        auto s = build_ok(behind_api(
            R"({"Definition": {"StartAt": "W", "States": {"W": {"Type": "Wait", "Seconds": 60, "End": true}}}})",
            "5s"));
        s->run_until(sec(10));
        const Json r = s->report();
        CHECK(r["nodes"]["u"]["responses_by_status"]["200"] == 5);
        CHECK(r["sources"]["t"]["latency_ms"]["max"].get<double>() < 1000);  // answered before the 60 s wait ends
        CHECK(r["nodes"]["sm"]["executions_running"] == 5);
        s->run_until(sec(70));
        CHECK(s->report()["nodes"]["sm"]["executions_succeeded"] == 5);
    }

    TEST_CASE("ApiAction StartSyncExecution: API Gateway waits for an Express execution of the request body") {
        // AWS: StartSyncExecution returns when the Express execution completes, with its output.
        auto s = build_ok(behind_api(R"({"Type": "EXPRESS", "ApiAction": "StartSyncExecution",
              "Definition": {"StartAt": "W", "States": {"W": {"Type": "Wait", "Seconds": 2, "End": true}}}})",
                                     "1s"));
        s->run_until(sec(10));
        const Json r = s->report();
        CHECK(r["nodes"]["u"]["responses_by_status"]["200"] == 1);
        CHECK(r["sources"]["t"]["latency_ms"]["p50"].get<double>() >= 2000);  // answered after the 2 s wait
        const Json run = last_run(*s);
        CHECK(run["status"] == "SUCCEEDED");
        CHECK(run["output"] == Json{{"x", 1}});  // the request body (a Wait passes it on), not the request
    }

    // ---- failure path ----
    TEST_CASE("a failing task retries at 1 s then 2 s backoff, then its Catch routes to the fallback") {
        auto s =
            build_ok(machine(R"({"StartAt": "Charge", "States": {
            "Charge": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "Parameters": {"FunctionName": "fn", "Payload.$": "$"},
                       "Retry": [{"ErrorEquals": ["States.ALL"], "IntervalSeconds": 1, "MaxAttempts": 2, "BackoffRate": 2}],
                       "Catch": [{"ErrorEquals": ["States.ALL"], "ResultPath": "$.error", "Next": "Fallback"}], "End": true},
            "Fallback": {"Type": "Pass", "Result": "compensated", "ResultPath": "$.outcome", "End": true}}})",
                             R"("TaskLatencyMs": 0, )", R"({"DurationMs": 10, "InitDurationMs": 5, "ErrorRate": 1})"));
        s->fire("sm", {{"id", 1}});
        s->run_until(sec(10));
        const Json run = last_run(*s);
        CHECK(run["status"] == "SUCCEEDED");
        CHECK(run["output"]["outcome"] == "compensated");
        CHECK(run["output"]["error"]["Error"] == "Error");
        CHECK(counter(*s, "fn", Counter::Invocations) == 3);
        // Attempts: t=0 (cold, fails at 15 ms), +1 s → 1.015 (fails 1.025), +2 s → 3.025 (fails 3.035).
        const auto scheduled = event_times(run, "TaskScheduled");
        REQUIRE(scheduled.size() == 3);
        CHECK(scheduled[0] == doctest::Approx(0.0));
        CHECK(scheduled[1] == doctest::Approx(1.015));
        CHECK(scheduled[2] == doctest::Approx(3.025));
        const auto failed = event_times(run, "TaskFailed");
        REQUIRE(failed.size() == 3);
        CHECK(failed[2] == doctest::Approx(3.035));
        CHECK(event_times(run, "PassStateEntered").front() == doctest::Approx(3.035));
    }

    TEST_CASE("a path that does not resolve fails the execution with States.Runtime, which Catch cannot handle") {
        auto s = build_ok(machine(
            R"({"StartAt": "P", "States": {"P": {"Type": "Pass", "InputPath": "$.missing.deep", "End": true}}})"));
        s->fire("sm", Json::object());
        s->run_until(sec(1));
        const Json run = last_run(*s);
        CHECK(run["status"] == "FAILED");
        CHECK(run["error"]["Error"] == "States.Runtime");
        CHECK(counter(*s, "sm", Counter::Errors) == 1);
    }

    // ---- limits ----
    TEST_CASE("an Express workflow stops at 5 minutes and bills per request and duration") {
        auto s = build_ok(machine(R"({"StartAt": "W", "States": {"W": {"Type": "Wait", "Seconds": 600, "End": true}}})",
                                  R"("Type": "EXPRESS", )"));
        s->fire("sm", Json::object());
        s->run_until(sec(700));
        const Json run = last_run(*s);
        CHECK(run["status"] == "ABORTED");
        CHECK(run["error"]["Error"] == "States.Timeout");
        // $1 per 1M requests + 300 s × 64 MB × $0.00001667 per GB-s.
        CHECK(s->report()["cost_usd"]["sm"].get<double>() ==
              doctest::Approx(1e-6 + 300 * 0.0625 * 0.00001667).epsilon(0.001));
    }

    TEST_CASE("an Express workflow's exact duration is rounded up to the next 100 ms") {
        // AWS: Express duration is "rounded up to the nearest 100 ms". One Task whose call takes a
        // fixed 100.4 ms (TaskLatencyMs 100 + a 0.4 ms function, warm) bills 200 ms, not 100:
        // $1 per 1M requests + 0.2 s × 64 MB × $0.00001667 per GB-s.
        auto s = build_ok(
            machine(R"({"StartAt": "T", "States": {"T": {"Type": "Task", "Resource": "fn", "End": true}}})",
                    R"("Type": "EXPRESS", "TaskLatencyMs": 100, )", R"({"DurationMs": 0.4, "InitDurationMs": 1})"));
        s->fire("sm", Json::object());
        s->run_until(sec(5));  // the first execution pays the function's cold start
        const double first = s->report()["cost_usd"]["sm"].get<double>();
        s->fire("sm", Json::object());
        s->run_until(sec(10));
        const double second = s->report()["cost_usd"]["sm"].get<double>() - first;
        CHECK(second == doctest::Approx(1e-6 + 0.2 * 0.0625 * 0.00001667).epsilon(1e-6));
    }

    TEST_CASE("the node report keeps type = stepfunctions and gives STANDARD/EXPRESS as workflow_type") {
        auto std_sm = build_ok(machine(R"({"StartAt": "A", "States": {"A": {"Type": "Pass", "End": true}}})"));
        auto exp_sm = build_ok(
            machine(R"({"StartAt": "A", "States": {"A": {"Type": "Pass", "End": true}}})", R"("Type": "EXPRESS", )"));
        CHECK(std_sm->report()["nodes"]["sm"]["type"] == "stepfunctions");
        CHECK(std_sm->report()["nodes"]["sm"]["workflow_type"] == "STANDARD");
        CHECK(exp_sm->report()["nodes"]["sm"]["type"] == "stepfunctions");
        CHECK(exp_sm->report()["nodes"]["sm"]["workflow_type"] == "EXPRESS");
    }

    TEST_CASE("Standard workflows bill per state transition, retries included") {
        auto s = build_ok(machine(
            R"({"StartAt": "A", "States": {"A": {"Type": "Pass", "Next": "B"}, "B": {"Type": "Pass", "End": true}}})"));
        for (int i = 0; i < 4; ++i) s->fire("sm", Json::object());
        s->run_until(sec(1));
        const Json r = s->report();
        const double per_run = r["nodes"]["sm"]["state_transitions"].get<double>() / 4;
        CHECK(per_run >= 2);
        CHECK(r["cost_usd"]["sm"].get<double>() == doctest::Approx(4 * per_run * 0.025 / 1000));
    }

    // ---- determinism ----
    TEST_CASE("the same seed gives the same trace fingerprint, even with jittered retries") {
        const std::string p = machine(R"({"StartAt": "T", "States": {"T": {"Type": "Task", "Resource": "fn",
            "Retry": [{"ErrorEquals": ["States.ALL"], "MaxAttempts": 3, "JitterStrategy": "FULL"}], "End": true}}})",
                                      "", R"({"DurationMs": 10, "ErrorRate": 0.5})");
        auto a = build_ok(p), b = build_ok(p);
        for (int i = 0; i < 20; ++i) {
            a->fire("sm", {{"i", i}});
            b->fire("sm", {{"i", i}});
        }
        a->run_until(sec(60));
        b->run_until(sec(60));
        CHECK(a->trace().fingerprint() == b->trace().fingerprint());
        CHECK(a->report() == b->report());
    }
}
