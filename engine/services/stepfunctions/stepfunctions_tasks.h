// stepfunctions_tasks.h — internal to the Step Functions service: how a Task state's Resource
// maps to a wired node and request, and how that node's reply becomes the task's result or error.
// https://docs.aws.amazon.com/step-functions/latest/dg/integrate-optimized.html
// Modelled:     [x] arn:aws:states:::lambda:invoke (Parameters.FunctionName = node id or ARN; result
//                   {ExecutedVersion, Payload, StatusCode}); a Lambda node id / function ARN as the
//                   Resource (result = the payload)
//               [x] arn:aws:states:::dynamodb:putItem / getItem / deleteItem / updateItem (typed
//                   AttributeValues converted to the table's plain JSON and back)
//               [x] arn:aws:states:::sns:publish, sqs:sendMessage, events:putEvents, states:startExecution
//               [x] errors: function error → its errorType ("Error"), Sandbox.Timedout,
//                   Lambda.TooManyRequestsException; service errors → "<Service>.<ErrorCode>"
// Not modelled: [ ] .sync / .waitForTaskToken  [ ] activities  [ ] HTTP tasks  [ ] aws-sdk:* tasks
#pragma once

#include "core/service.h"

#include <optional>
#include <string>
#include <vector>

namespace sim::svc::sfn_tasks {

// A Task state's Resource, understood.
struct TaskTarget {
    enum Kind { LambdaInvoke, LambdaDirect, DynamoDb, Sns, Sqs, EventBridge, StepFunctions } kind = LambdaDirect;
    std::string action;  // "putItem", "publish", ... (lowercase-first, as in the ARN)
    // The integration's operation in the target's contract (registry-owned); null for a Lambda
    // function named directly as the Resource.
    const OperationSpec* op = nullptr;
    std::string node;  // wired node id when fixed by the Resource; empty = from Parameters
};

// Parses a Resource ARN; nullopt with `why` when it is not one this simulator integrates.
std::optional<TaskTarget> parse_resource(const std::string& resource, std::string& why);

// The node id named by an ARN or plain id ("arn:aws:lambda:us-east-1:1:function:fn" → "fn").
std::string node_from_arn(const std::string& text);

// The node a task calls: from the Resource, or from its effective input's FunctionName /
// TableName / TopicArn / QueueUrl. Empty with `why` when it names nothing usable.
std::string target_node(const TaskTarget& t, const Json& input, std::string& why);

// The request body sent to the node (operation + parameters in the node's terms).
Json request_for(const TaskTarget& t, const Json& input);

// A successful reply → the task's result.
Json result_of(const TaskTarget& t, const Reply& r, std::uint64_t message_id);

// A failed reply → (error, cause) as Step Functions reports them.
std::pair<std::string, std::string> error_of(const TaskTarget& t, const Reply& r);

// What the node a target kind calls must be (a function, a table, ...), and how a refusal names it
// ("lambda", "dynamodb", ...).
ServiceRole role_for(TaskTarget::Kind k);
const char* node_type_for(TaskTarget::Kind k);

}  // namespace sim::svc::sfn_tasks
