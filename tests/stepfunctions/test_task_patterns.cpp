// test_task_patterns.cpp — Step Functions service integration patterns in whole runs: a child
// execution run with .sync / .sync:2, callbacks with $$.Task.Token (.waitForTaskToken) resumed by
// Lambda code or timing out, AWS SDK integrations (aws-sdk:<service>:<apiAction>) on wired nodes and
// on services the playground does not simulate.
// AWS: https://docs.aws.amazon.com/step-functions/latest/dg/connect-to-resource.html (patterns)
//      https://docs.aws.amazon.com/step-functions/latest/dg/connect-stepfunctions.html (.sync, .sync:2)
//      https://docs.aws.amazon.com/step-functions/latest/dg/supported-services-awssdk.html
#include "support/test_support.h"

using namespace sim;
using namespace sim::test;

namespace {

// A state machine "sm" with `definition`, wired to a function "fn" (config `fn`), a table "table"
// and a child state machine "child" (definition `child`); `extra` adds nodes and edges.
std::string pattern(const std::string& definition, const std::string& fn = R"J({"DurationMs": 10})J",
                    const std::string& child = R"J({"StartAt": "P", "States": {"P": {"Type": "Pass", "End": true}}})J",
                    const std::string& sm_extra = "", const std::string& edges_extra = "") {
    return R"J({"format": "serverless-playground/1", "name": "t", "seed": 4, "nodes": [
        {"id": "sm", "type": "stepfunctions", "config": {)J" +
           sm_extra + R"J("Definition": )J" + definition + R"J(}},
        {"id": "child", "type": "stepfunctions", "config": {"Definition": )J" +
           child + R"J(}},
        {"id": "fn", "type": "lambda", "config": )J" +
           fn + R"J(},
        {"id": "table", "type": "dynamodb", "config": {"KeySchema": [{"AttributeName": "id", "KeyType": "HASH"}]}}],
      "edges": [{"from": "sm", "to": "fn"}, {"from": "sm", "to": "table"}, {"from": "sm", "to": "child"})J" +
           edges_extra + "]}";
}

Json last_run(const Simulation& s, const std::string& node = "sm") {
    Json v = s.node_inspect(node_index(s, node));
    REQUIRE(!v["recent_executions"].empty());
    return v["recent_executions"].back();
}

double event_time(const Json& run, const std::string& type) {
    for (const Json& e : run["history"])
        if (e["type"] == type) return e["t_s"].get<double>();
    FAIL("no " << type << " event");
    return -1;
}

std::vector<std::string> warnings(std::string_view json) {
    auto built = build_from_text(json);
    std::vector<std::string> out;
    for (const auto& d : built.diagnostics.items())
        if (d.severity == Severity::Warning) out.push_back(d.path + ": " + d.message);
    return out;
}

bool has_warning(const std::vector<std::string>& ws, const std::string& text) {
    for (const auto& w : ws)
        if (w == text) return true;
    std::string all;
    for (const auto& w : ws) all += "\n  " + w;
    MESSAGE("looked for " << text << " among:" << all);
    return false;
}

// A handler that approves the order it is given by calling back with its task token after 2 s,
// as AWS's callback example does with @aws-sdk/client-sfn.
const char* kApprove = R"J(import { SFNClient, SendTaskSuccessCommand } from '@aws-sdk/client-sfn';
const client = new SFNClient({});
export const handler = async (event) => {
  await new Promise((resolve) => setTimeout(resolve, 2000));
  await client.send(new SendTaskSuccessCommand({
    taskToken: event.token,
    output: JSON.stringify({ approved: true, orderId: event.order.id }) }));
  return { statusCode: 200 };
};)J";

}  // namespace

TEST_SUITE("stepfunctions task patterns") {
    TEST_CASE("a .sync:2 child execution: the task waits for the child's 30 s and gets its Output as JSON") {
        // connect-stepfunctions.html: .sync waits for the child to finish; the result is
        // DescribeExecution's response, Output as JSON text for .sync and as JSON for .sync:2.
        auto s = build_ok(pattern(R"J({"StartAt": "Run", "States": {
            "Run": {"Type": "Task", "Resource": "arn:aws:states:::states:startExecution.sync:2",
                    "Parameters": {"StateMachineArn": "child", "Input": {"n.$": "$.n"}}, "End": true}}})J",
                                  R"J({"DurationMs": 10})J",
                                  R"J({"StartAt": "W", "States": {"W": {"Type": "Wait", "Seconds": 30, "Next": "D"},
                                      "D": {"Type": "Pass", "Parameters": {"doubled.$": "States.MathAdd($.n, $.n)"}, "End": true
}
}
})J"));
        s->fire("sm", {{"n", 21}});
        s->run_until(sec(20));
        CHECK(s->node_inspect(node_index(*s, "sm"))["recent_executions"].empty());  // still waiting
        s->run_until(sec(60));
        const Json run = last_run(*s);
        CHECK(run["status"] == "SUCCEEDED");
        CHECK(run["output"]["Status"] == "SUCCEEDED");
        CHECK(run["output"]["Output"] == Json{{"doubled", 42}});
        CHECK(run["output"]["Input"] == Json{{"n", 21}});
        const double waited = event_time(run, "TaskSucceeded") - event_time(run, "TaskStarted");
        CHECK(waited >= 30.0);
        CHECK(waited < 30.5);
        CHECK(last_run(*s, "child")["status"] == "SUCCEEDED");
    }

    TEST_CASE(".sync gives the child's Output as JSON text; a failed child fails the task with States.TaskFailed") {
        auto s = build_ok(pattern(R"J({"StartAt": "Run", "States": {
            "Run": {"Type": "Task", "Resource": "arn:aws:states:::states:startExecution.sync",
                    "Parameters": {"StateMachineArn": "child", "Input.$": "$"}, "End": true}}})J",
                                  R"J({"DurationMs": 10})J",
                                  R"J({"StartAt": "C", "States": {"C": {"Type": "Choice",
                                      "Choices": [{"Variable": "$.ok", "BooleanEquals": true, "Next": "Y"}], "Default": "N"},
                                      "Y": {"Type": "Pass", "Result": {"r": 1}, "End": true},
                                      "N": {"Type": "Fail", "Error": "Rejected", "Cause": "not ok"}}})J"));
        s->fire("sm", {{"ok", true}});
        s->run_until(sec(5));
        const Json ok = last_run(*s);
        CHECK(ok["status"] == "SUCCEEDED");
        CHECK(ok["output"]["Output"] == R"J({"r":1})J");
        s->fire("sm", {{"ok", false}});
        s->run_until(sec(10));
        const Json failed = last_run(*s);
        CHECK(failed["status"] == "FAILED");
        CHECK(failed["error"]["Error"] == "States.TaskFailed");
        const Json cause = Json::parse(failed["error"]["Cause"].get<std::string>());
        CHECK(cause["Status"] == "FAILED");
        CHECK(cause["Error"] == "Rejected");
    }

    TEST_CASE("a callback task resumed by Lambda code calling SendTaskSuccess continues with the given output") {
        // connect-to-resource.html#connect-wait-token: the task pauses until SendTaskSuccess arrives
        // with $$.Task.Token; its output is the callback's output.
        auto s = build_ok(pattern(
            R"J({"StartAt": "Approve", "States": {
            "Approve": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke.waitForTaskToken", "TimeoutSeconds": 300,
                        "Parameters": {"FunctionName": "fn", "Payload": {"order.$": "$", "token.$": "$$.Task.Token"}},
                        "ResultPath": "$.approval", "End": true}}})J",
            R"J({"Runtime": "nodejs22.x", "DurationMs": 10, "InlineCode": )J" + Json(kApprove).dump() + "}",
            R"J({"StartAt": "P", "States": {"P": {"Type": "Pass", "End": true}}})J", "",
            R"J(, {"from": "fn", "to": "sm"})J"));
        s->fire("sm", {{"id", "o-7"}});
        s->run_until(sec(30));
        const Json run = last_run(*s);
        CHECK(run["status"] == "SUCCEEDED");
        CHECK(run["output"] == Json{{"id", "o-7"}, {"approval", {{"approved", true}, {"orderId", "o-7"}}}});
        const double waited = event_time(run, "TaskSucceeded") - event_time(run, "TaskStarted");
        CHECK(waited >= 2.0);  // the handler's 2 s before it calls back
        CHECK(waited < 5.0);
        CHECK(s->report()["nodes"]["fn"]["errors"] == 0);
    }

    TEST_CASE("a callback that never comes times out at TimeoutSeconds with States.Timeout, and a Catch takes it") {
        // A Lambda model without code never calls SendTaskSuccess: the task waits TimeoutSeconds (60 s)
        // and fails with States.Timeout (concepts-error-handling.html), which the Catch routes.
        auto s = build_ok(pattern(R"J({"StartAt": "Wait for approval", "States": {
            "Wait for approval": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke.waitForTaskToken",
                    "TimeoutSeconds": 60,
                    "Parameters": {"FunctionName": "fn", "Payload": {"token.$": "$$.Task.Token"}},
                    "Catch": [{"ErrorEquals": ["States.Timeout"], "ResultPath": "$.error", "Next": "Escalate"}], "End": true},
            "Escalate": {"Type": "Pass", "End": true}}})J"));
        s->fire("sm", {{"id", "o-1"}});
        s->run_until(sec(59));
        CHECK(s->node_inspect(node_index(*s, "sm"))["recent_executions"].empty());
        s->run_until(sec(90));
        const Json run = last_run(*s);
        CHECK(run["status"] == "SUCCEEDED");
        CHECK(run["output"]["error"]["Error"] == "States.Timeout");
        CHECK(event_time(run, "TaskTimedOut") - event_time(run, "TaskStarted") == doctest::Approx(60.0).epsilon(0.001));
        CHECK(counter(*s, "fn", Counter::Invocations) == 1);  // the function ran once; it just never called back
    }

    TEST_CASE("HeartbeatSeconds without a heartbeat fails with States.HeartbeatTimeout") {
        auto s = build_ok(pattern(R"J({"StartAt": "T", "States": {
            "T": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke.waitForTaskToken",
                  "TimeoutSeconds": 600, "HeartbeatSeconds": 20,
                  "Parameters": {"FunctionName": "fn", "Payload": {"token.$": "$$.Task.Token"}}, "End": true}}})J"));
        s->fire("sm", {{"id", "o-1"}});
        s->run_until(sec(60));
        const Json run = last_run(*s);
        CHECK(run["status"] == "FAILED");
        CHECK(run["error"]["Error"] == "States.HeartbeatTimeout");
        CHECK(event_time(run, "TaskTimedOut") - event_time(run, "TaskStarted") == doctest::Approx(20.0).epsilon(0.001));
    }

    TEST_CASE("an aws-sdk:dynamodb:putItem task stores the item through the table's PutItem") {
        // supported-services-awssdk.html: Parameters in PascalCase, the API's own AttributeValues.
        auto s = build_ok(pattern(R"J({"StartAt": "Save", "States": {
            "Save": {"Type": "Task", "Resource": "arn:aws:states:::aws-sdk:dynamodb:putItem",
                     "Parameters": {"TableName": "table", "Item": {"id": {"S.$": "$.id"}, "qty": {"N": "3"}}},
                     "ResultPath": "$.put", "Next": "Load"},
            "Load": {"Type": "Task", "Resource": "arn:aws:states:::aws-sdk:dynamodb:getItem",
                     "Parameters": {"TableName": "table", "Key": {"id": {"S.$": "$.id"}}},
                     "ResultSelector": {"qty.$": "$.Item.qty.N"}, "ResultPath": "$.loaded", "End": true}}})J"));
        s->fire("sm", {{"id", "o-9"}});
        s->run_until(sec(5));
        const Json run = last_run(*s);
        CHECK(run["status"] == "SUCCEEDED");
        CHECK(run["output"]["loaded"]["qty"] == "3");
        const Json table = s->node_inspect(node_index(*s, "table"));
        CHECK(table["items"] == Json::array({{{"id", "o-9"}, {"qty", 3}}}));
    }

    TEST_CASE("an aws-sdk error is <Service>.<Name>Exception, catchable by that name") {
        auto s = build_ok(pattern(R"J({"StartAt": "Save", "States": {
            "Save": {"Type": "Task", "Resource": "arn:aws:states:::aws-sdk:dynamodb:putItem",
                     "Parameters": {"TableName": "table", "Item": {"id": {"S": "a"}},
                                    "ConditionExpression": "attribute_not_exists(id)"},
                     "Catch": [{"ErrorEquals": ["DynamoDb.ConditionalCheckFailedException"], "Next": "Dup"}], "End": true
    }
    , "Dup" : {
        "Type" : "Pass", "Result" : "duplicate", "End" : true
    }
    }
    })J"));
        s->fire("sm", Json::object());
        s->run_until(sec(2));
        CHECK(last_run(*s)["status"] == "SUCCEEDED");
        s->fire("sm", Json::object());
        s->run_until(sec(4));
        CHECK(last_run(*s)["output"] == "duplicate");
    }

    TEST_CASE("an aws-sdk task to a service the playground does not simulate validates with a warning and succeeds") {
        const std::string json = pattern(R"J({"StartAt": "CreateSchedule", "States": {
            "CreateSchedule": {"Type": "Task", "Resource": "arn:aws:states:::aws-sdk:scheduler:createSchedule",
                     "Parameters": {"Name": "s1", "ScheduleExpression": "at(2026-01-01T00:00:00)"}, "Next": "Done"
    }
    , "Done" : {
        "Type" : "Succeed"
    }
    }
    })J");
        CHECK(has_warning(warnings(json),
                          "/nodes/0/config/Definition/States/CreateSchedule/Resource: state 'CreateSchedule': calls "
                          "scheduler:createSchedule, which the playground does not simulate: it succeeds after the "
                          "task latency (TaskLatencyMs) with an empty result"));
        auto s = build_ok(json);
        s->fire("sm", {{"scheduleDate", "2026-01-01"}});
        s->run_until(sec(2));
        const Json run = last_run(*s);
        CHECK(run["status"] == "SUCCEEDED");
        CHECK(run["output"] == Json::object());
    }

    TEST_CASE("patterns AWS does not offer are refused at validation, naming the integration") {
        auto d = build_errors(pattern(R"J({"StartAt": "A", "States": {
            "A": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke.sync", "Parameters": {"FunctionName": "fn"}, "Next": "B"},
            "B": {"Type": "Task", "Resource": "arn:aws:states:::dynamodb:putItem.waitForTaskToken",
                  "Parameters": {"TableName": "table", "Item": {}}, "Next": "C"},
            "C": {"Type": "Task", "Resource": "arn:aws:states:::aws-sdk:dynamodb:putItem.sync", "End": true}}})J"));
        CHECK(has_error(d, "/nodes/0/config/Definition/States/A/Resource",
                        "state 'A': 'arn:aws:states:::lambda:invoke.sync': AWS offers no .sync pattern for "
                        "lambda:invoke (request-response and .waitForTaskToken only)"));
        CHECK(has_error(d, "/nodes/0/config/Definition/States/B/Resource",
                        "state 'B': 'arn:aws:states:::dynamodb:putItem.waitForTaskToken': AWS offers no "
                        ".waitForTaskToken pattern for dynamodb:putItem (request-response only)"));
        CHECK(has_error(d, "/nodes/0/config/Definition/States/C/Resource",
                        "state 'C': 'arn:aws:states:::aws-sdk:dynamodb:putItem.sync': AWS SDK integrations support "
                        "request-response and .waitForTaskToken, not .sync"));
        // Express workflows support neither .sync nor .waitForTaskToken (concepts-standard-vs-express.html).
        auto express = build_errors(pattern(R"J({"StartAt": "A", "States": {
            "A": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke.waitForTaskToken", "TimeoutSeconds": 60,
                  "Parameters": {"FunctionName": "fn"}, "End": true}}})J",
                                            R"J({"DurationMs": 10})J",
                                            R"J({"StartAt": "P", "States": {"P": {"Type": "Pass", "End": true}}})J",
                                            R"J("Type": "EXPRESS", )J"));
        CHECK(has_error(express, "/nodes/0/config/Definition/States/A/Resource",
                        "state 'A': Express workflows do not support the .sync or .waitForTaskToken integration "
                        "patterns"));
    }

    TEST_CASE("ecs:runTask.waitForTaskToken is not simulated: it succeeds after a Fargate task's start time") {
        const std::string json = pattern(R"J({"StartAt": "Run", "States": {
            "Run": {"Type": "Task", "Resource": "arn:aws:states:::ecs:runTask.waitForTaskToken",
                    "Parameters": {"LaunchType": "FARGATE", "Cluster": "c", "TaskDefinition": "td",
                                   "Overrides": {"ContainerOverrides": [{"Name": "app",
                                       "Environment": [{"Name": "TASK_TOKEN", "Value.$": "$$.Task.Token"}]}]}},
                    "End": true}}})J");
        CHECK(has_warning(warnings(json),
                          "/nodes/0/config/Definition/States/Run/Resource: state 'Run': calls "
                          "ecs:runTask.waitForTaskToken, which the playground does not simulate: it succeeds after "
                          "30-60 s (a Fargate task's start time; no AWS figure) with an empty result, as if the task "
                          "called SendTaskSuccess with its token"));
        auto s = build_ok(json);
        s->fire("sm", Json::object());
        s->run_until(sec(29));
        CHECK(s->node_inspect(node_index(*s, "sm"))["recent_executions"].empty());
        s->run_until(sec(61));
        CHECK(last_run(*s)["status"] == "SUCCEEDED");
    }
}
