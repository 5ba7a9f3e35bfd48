// stepfunctions_tasks.cpp — Task state service integrations: Resource parsing, requests to wired
// nodes, and results / errors in the shape Step Functions gives them (see stepfunctions_tasks.h).
#include "services/stepfunctions/stepfunctions_tasks.h"

#include "services/all_services.h"
#include "services/dynamodb/dynamodb_storage.h"
#include "services/lambda/lambda_contract.h"

namespace sim::svc::sfn_tasks {

namespace {
const char* kOptimized = "arn:aws:states:::";

// Step Functions' optimized integrations in request-response form (integrate-optimized.html): the
// ARN's service prefix, the node it calls and the operations of that node's contract it exposes
// (the ARN names each in camelCase: PutItem → dynamodb:putItem).
struct Integration {
    const char* prefix;
    TaskTarget::Kind kind;
    std::vector<const char*> operations;
};
const Integration kIntegrations[] = {
    {"lambda", TaskTarget::LambdaInvoke, {"Invoke"}},
    {"dynamodb", TaskTarget::DynamoDb, {"PutItem", "GetItem", "DeleteItem", "UpdateItem"}},
    {"sns", TaskTarget::Sns, {"Publish"}},
    {"sqs", TaskTarget::Sqs, {"SendMessage"}},
    {"events", TaskTarget::EventBridge, {"PutEvents"}},
    {"states", TaskTarget::StepFunctions, {"StartExecution"}}};

std::string camel_case(std::string_view op) {
    std::string out(op);
    if (!out.empty()) out[0] = static_cast<char>(out[0] - 'A' + 'a');
    return out;
}

// "lambda:invoke, dynamodb:putItem/getItem/deleteItem/updateItem, ..." for a refusal.
std::string integration_list() {
    std::string out;
    for (const Integration& in : kIntegrations) {
        out += (out.empty() ? "" : ", ") + std::string(in.prefix) + ":";
        for (std::size_t i = 0; i < in.operations.size(); ++i) out += (i ? "/" : "") + camel_case(in.operations[i]);
    }
    return out;
}

Json param(const Json& input, const char* key) {
    return input.is_object() && input.contains(key) ? input[key] : Json();
}
}  // namespace

ServiceRole role_for(TaskTarget::Kind k) {
    switch (k) {
        case TaskTarget::LambdaInvoke:
        case TaskTarget::LambdaDirect:
            return ServiceRole::Function;
        case TaskTarget::DynamoDb:
            return ServiceRole::Table;
        case TaskTarget::Sns:
            return ServiceRole::Topic;
        case TaskTarget::Sqs:
            return ServiceRole::Queue;
        case TaskTarget::EventBridge:
            return ServiceRole::EventBus;
        case TaskTarget::StepFunctions:
            return ServiceRole::StateMachine;
    }
    return ServiceRole::Other;
}

const char* node_type_for(TaskTarget::Kind k) {
    switch (k) {
        case TaskTarget::LambdaInvoke:
        case TaskTarget::LambdaDirect:
            return "lambda";
        case TaskTarget::DynamoDb:
            return "dynamodb";
        case TaskTarget::Sns:
            return "sns";
        case TaskTarget::Sqs:
            return "sqs";
        case TaskTarget::EventBridge:
            return "eventbridge";
        case TaskTarget::StepFunctions:
            return "stepfunctions";
    }
    return "";
}

std::string node_from_arn(const std::string& text) {
    // Lambda: ...:function:<name>[:alias]; SNS topic / SQS queue / table: last ':' or '/' segment.
    if (auto f = text.find(":function:"); f != std::string::npos) {
        std::string rest = text.substr(f + 10);
        return rest.substr(0, rest.find(':'));
    }
    const auto cut = text.find_last_of(":/");
    return cut == std::string::npos ? text : text.substr(cut + 1);
}

std::optional<TaskTarget> parse_resource(const std::string& resource, std::string& why) {
    TaskTarget t;
    if (resource.rfind(kOptimized, 0) == 0) {
        std::string rest = resource.substr(std::string(kOptimized).size());
        const auto colon = rest.find(':');
        const std::string service = rest.substr(0, colon);
        t.action = colon == std::string::npos ? "" : rest.substr(colon + 1);
        if (t.action.find(".sync") != std::string::npos || t.action.find(".waitForTaskToken") != std::string::npos) {
            why =
                "the .sync and .waitForTaskToken integration patterns are not simulated; use the request-response form";
            return std::nullopt;
        }
        for (const Integration& in : kIntegrations) {
            if (service != in.prefix) continue;
            for (const char* op : in.operations) {
                if (t.action != camel_case(op)) continue;
                const ServiceKind* target = default_registry().find(node_type_for(in.kind));
                t.kind = in.kind;
                t.op = target ? target->operation(op) : nullptr;
            }
        }
        if (!t.op) {
            why = "'" + resource + "' is not an integration this simulator supports (" + integration_list() + ")";
            return std::nullopt;
        }
        return t;
    }
    if (resource.rfind("arn:aws:lambda:", 0) == 0 || resource.find(':') == std::string::npos) {
        t.kind = TaskTarget::LambdaDirect;
        t.node = node_from_arn(resource);
        return t;
    }
    why = "'" + resource + "' is not a Lambda function or an arn:aws:states::: service integration";
    return std::nullopt;
}

std::string target_node(const TaskTarget& t, const Json& input, std::string& why) {
    if (!t.node.empty()) return t.node;
    const char* key = t.kind == TaskTarget::LambdaInvoke  ? "FunctionName"
                      : t.kind == TaskTarget::DynamoDb    ? "TableName"
                      : t.kind == TaskTarget::Sns         ? "TopicArn"
                      : t.kind == TaskTarget::Sqs         ? "QueueUrl"
                      : t.kind == TaskTarget::EventBridge ? "Entries"
                                                          : "StateMachineArn";
    if (t.kind == TaskTarget::EventBridge) {
        const Json entries = param(input, "Entries");
        if (entries.is_array() && !entries.empty() && entries[0].is_object() && entries[0].contains("EventBusName") &&
            entries[0]["EventBusName"].is_string())
            return node_from_arn(entries[0]["EventBusName"].get<std::string>());
        why = "Parameters.Entries[0].EventBusName must name a wired event bus";
        return {};
    }
    const Json v = param(input, key);
    if (!v.is_string() || v.get<std::string>().empty()) {
        why = std::string("Parameters.") + key + " must name a wired " + node_type_for(t.kind) + " node";
        return {};
    }
    return node_from_arn(v.get<std::string>());
}

Json request_for(const TaskTarget& t, const Json& input) {
    switch (t.kind) {
        case TaskTarget::LambdaDirect:
            return input;
        case TaskTarget::LambdaInvoke:
            return input.is_object() && input.contains("Payload") ? input["Payload"] : Json::object();
        case TaskTarget::DynamoDb: {
            Json req = input.is_object() ? input : Json::object();
            req.erase("TableName");
            for (const char* k : {"Item", "Key", "ExpressionAttributeValues"})
                if (req.contains(k)) req[k] = ddb::unmarshal_item(req[k]);
            req["operation"] = t.op->name;
            return req;
        }
        case TaskTarget::Sns: {
            Json req = {{"operation", "Publish"}, {"Message", param(input, "Message")}};
            for (const char* k : {"Subject", "MessageAttributes", "MessageGroupId"})
                if (input.is_object() && input.contains(k)) req[k] = input[k];
            return req;
        }
        case TaskTarget::Sqs: {
            Json req = {{"operation", "SendMessage"}, {"MessageBody", param(input, "MessageBody")}};
            req["Body"] = req["MessageBody"];
            for (const char* k : {"MessageAttributes", "DelaySeconds", "MessageGroupId"})
                if (input.is_object() && input.contains(k)) req[k] = input[k];
            return req;
        }
        case TaskTarget::EventBridge:
            return {{"operation", "PutEvents"}, {"Entries", param(input, "Entries")}};
        case TaskTarget::StepFunctions:
            return {{"operation", "StartExecution"}, {"Input", param(input, "Input")}};
    }
    return input;
}

Json result_of(const TaskTarget& t, const Reply& r, std::uint64_t message_id) {
    const Json body = r.body ? *r.body : Json::object();
    switch (t.kind) {
        case TaskTarget::LambdaDirect:
            return r.body ? *r.body : Json();
        case TaskTarget::LambdaInvoke:
            return {{"ExecutedVersion", "$LATEST"},
                    {"Payload", r.body ? *r.body : Json()},
                    {"StatusCode", 200},
                    {"SdkHttpMetadata", {{"HttpStatusCode", 200}}}};
        case TaskTarget::DynamoDb: {
            Json out = Json::object();
            if (body.is_object() && body.contains("Item")) out["Item"] = ddb::marshal_item(body["Item"]);
            if (body.is_object() && body.contains("Attributes"))
                out["Attributes"] = ddb::marshal_item(body["Attributes"]);
            return out;
        }
        case TaskTarget::Sns:
            return {{"MessageId", "msg-" + std::to_string(message_id)}};
        case TaskTarget::Sqs:
            return {{"MessageId", "msg-" + std::to_string(message_id)}, {"MD5OfMessageBody", ""}};
        case TaskTarget::EventBridge:
            return {{"Entries", Json::array({{{"EventId", "evt-" + std::to_string(message_id)}}})},
                    {"FailedEntryCount", 0}};
        case TaskTarget::StepFunctions:
            return body;
    }
    return body;
}

std::pair<std::string, std::string> error_of(const TaskTarget& t, const Reply& r) {
    if (t.kind == TaskTarget::LambdaInvoke || t.kind == TaskTarget::LambdaDirect) {
        if (r.status == 429) return {"Lambda.TooManyRequestsException", "Rate Exceeded. " + r.detail};
        if (r.is(kLambdaFunctionTimedOut)) return {"Sandbox.Timedout", Json{{"errorMessage", r.detail}}.dump()};
        if (r.is(kLambdaFunctionUnhandled)) {
            // The function threw: Step Functions reports its errorType (Node.js `Error` here).
            return {"Error", Json{{"errorType", "Error"}, {"errorMessage", r.detail}}.dump()};
        }
        return {"Lambda." + r.error, r.detail};
    }
    const char* service = t.kind == TaskTarget::DynamoDb      ? "DynamoDB"
                          : t.kind == TaskTarget::Sns         ? "SNS"
                          : t.kind == TaskTarget::Sqs         ? "SQS"
                          : t.kind == TaskTarget::EventBridge ? "EventBridge"
                                                              : "StepFunctions";
    return {std::string(service) + "." + r.error,
            r.detail + " (Service: " + service + ", Status Code: " + std::to_string(r.status) + ")"};
}

}  // namespace sim::svc::sfn_tasks
