// stepfunctions_tasks.h — internal to the Step Functions service: how a Task state's Resource
// maps to a wired node and request, and how that node's reply becomes the task's result or error.
// https://docs.aws.amazon.com/step-functions/latest/dg/integrate-optimized.html
// https://docs.aws.amazon.com/step-functions/latest/dg/connect-to-resource.html (patterns)
// https://docs.aws.amazon.com/step-functions/latest/dg/supported-services-awssdk.html
// Modelled:     [x] arn:aws:states:::lambda:invoke (Parameters.FunctionName = node id or ARN; result
//                   {ExecutedVersion, Payload, StatusCode}); a Lambda node id / function ARN as the
//                   Resource (result = the payload)
//               [x] arn:aws:states:::dynamodb:putItem / getItem / deleteItem / updateItem (typed
//                   AttributeValues converted to the table's plain JSON and back)
//               [x] arn:aws:states:::sns:publish, sqs:sendMessage, events:putEvents, states:startExecution
//               [x] patterns: request-response; .sync / .sync:2 for states:startExecution (the task
//                   waits for the child execution: DescribeExecution's fields, Output a string for
//                   .sync and JSON for .sync:2); .waitForTaskToken for lambda, sns, sqs, events,
//                   states and aws-sdk tasks (the task waits for SendTask* with $$.Task.Token)
//               [x] arn:aws:states:::aws-sdk:<service>:<apiAction> onto the wired node's contract
//                   operation (dynamodb, sqs, sns, eventbridge, sfn, lambda, s3, kinesis, firehose);
//                   errors "<Service>.<Name>Exception" as AWS names them
//               [x] services the playground does not simulate (aws-sdk:scheduler:*, ecs:runTask, ...):
//                   the task succeeds after a latency with an empty result (a validation warning)
//               [x] errors: function error → its errorType ("Error"), Sandbox.Timedout,
//                   Lambda.TooManyRequestsException; service errors → "<Service>.<ErrorCode>"
// Not modelled: [ ] activities  [ ] HTTP tasks  [ ] .sync for services other than states (ecs
//               .sync is the unsimulated form)  [ ] ecs:runTask on a wired fargate node (that node
//               is a load-balanced service, not a run-to-completion task)
#pragma once

#include "core/service.h"

#include <optional>
#include <string>
#include <vector>

namespace sim::svc::sfn_tasks {

// How the task waits (the Resource's suffix).
enum class Pattern { RequestResponse, Sync, Sync2, Callback };

// A Task state's Resource, understood.
struct TaskTarget {
    enum Kind {
        LambdaInvoke,
        LambdaDirect,
        DynamoDb,
        Sns,
        Sqs,
        EventBridge,
        StepFunctions,
        Sdk,          // aws-sdk:<service>:<action> on a wired node (not one of the kinds above)
        Unsimulated,  // a service the playground does not simulate: succeeds after a latency
    } kind = LambdaDirect;
    Pattern pattern = Pattern::RequestResponse;
    std::string action;  // "putItem", "publish", ... (lowercase-first, as in the ARN)
    // The integration's operation in the target's contract (registry-owned); null for a Lambda
    // function named directly as the Resource and for unsimulated services.
    const OperationSpec* op = nullptr;
    std::string node;           // wired node id when fixed by the Resource; empty = from Parameters
    bool aws_sdk = false;       // arn:aws:states:::aws-sdk:...
    std::string service;        // the ARN's service ("dynamodb", "scheduler", "ecs")
    std::string error_service;  // error prefix for aws-sdk tasks ("DynamoDb", "Sqs")
    // Sdk kind: the node the service is and the Parameters field that names it.
    ServiceRole role = ServiceRole::Other;
    std::string node_type;
    std::string id_field;
};

// Parses a Resource ARN; nullopt with `why` when it is not one this simulator integrates.
std::optional<TaskTarget> parse_resource(const std::string& resource, std::string& why);

// For an Unsimulated target: what the validation warning says and how long it takes.
std::string unsimulated_note(const TaskTarget& t);
bool unsimulated_is_job(const TaskTarget& t);  // true: a job's run time (ecs .sync / callback)

// The node id named by an ARN or plain id ("arn:aws:lambda:us-east-1:1:function:fn" → "fn").
std::string node_from_arn(const std::string& text);

// The node a task calls: from the Resource, or from its effective input's FunctionName /
// TableName / TopicArn / QueueUrl. Empty with `why` when it names nothing usable.
std::string target_node(const TaskTarget& t, const Json& input, std::string& why);

// The request body sent to the node (operation + parameters in the node's terms).
Json request_for(const TaskTarget& t, const Json& input);

// A successful reply → the task's result.
Json result_of(const TaskTarget& t, const Reply& r, std::uint64_t message_id);

// A .sync child execution that did not succeed → (States.TaskFailed, its description).
std::optional<std::pair<std::string, std::string>> job_failure(const TaskTarget& t, const Reply& r);

// A failed reply → (error, cause) as Step Functions reports them.
std::pair<std::string, std::string> error_of(const TaskTarget& t, const Reply& r);

// What the node a target kind calls must be (a function, a table, ...), and how a refusal names it
// ("lambda", "dynamodb", ...).
ServiceRole role_for(TaskTarget::Kind k);
const char* node_type_for(TaskTarget::Kind k);
ServiceRole role_for(const TaskTarget& t);
std::string node_type_for(const TaskTarget& t);

}  // namespace sim::svc::sfn_tasks
