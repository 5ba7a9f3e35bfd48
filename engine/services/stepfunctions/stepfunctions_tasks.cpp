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
        case TaskTarget::Sdk:
        case TaskTarget::Unsimulated:
            return ServiceRole::Other;
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
        case TaskTarget::Sdk:
        case TaskTarget::Unsimulated:
            return "";
    }
    return "";
}

ServiceRole role_for(const TaskTarget& t) {
    return t.kind == TaskTarget::Sdk ? t.role : role_for(t.kind);
}

std::string node_type_for(const TaskTarget& t) {
    return t.kind == TaskTarget::Sdk ? t.node_type : std::string(node_type_for(t.kind));
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

namespace {

// The patterns AWS offers per optimized integration (the "Supported integration patterns" table of
// integrate-optimized.html): request-response always; .sync only for jobs (states:startExecution,
// ecs:runTask here); .waitForTaskToken for everything that can carry the token, not DynamoDB.
bool offers(const std::string& service, Pattern p) {
    if (p == Pattern::RequestResponse) return true;
    if (p == Pattern::Callback) return service != "dynamodb";
    if (service == "states") return true;
    return service == "ecs" && p == Pattern::Sync;
}

const char* pattern_name(Pattern p) {
    switch (p) {
        case Pattern::RequestResponse:
            return "request-response";
        case Pattern::Sync:
            return ".sync";
        case Pattern::Sync2:
            return ".sync:2";
        case Pattern::Callback:
            return ".waitForTaskToken";
    }
    return "";
}

// aws-sdk services the playground has a node for: the node type, the Parameters field naming it and
// the service name AWS puts before errors (PascalCase, as in "DynamoDb.ResourceNotFoundException").
struct SdkService {
    const char* service;
    const char* node_type;
    const char* id_field;
    const char* error_prefix;
};
const SdkService kSdkServices[] = {{"dynamodb", "dynamodb", "TableName", "DynamoDb"},
                                   {"sqs", "sqs", "QueueUrl", "Sqs"},
                                   {"sns", "sns", "TopicArn", "Sns"},
                                   {"eventbridge", "eventbridge", "EventBusName", "EventBridge"},
                                   {"sfn", "stepfunctions", "StateMachineArn", "Sfn"},
                                   {"lambda", "lambda", "FunctionName", "Lambda"},
                                   {"s3", "s3", "Bucket", "S3"},
                                   {"kinesis", "kinesis", "StreamName", "Kinesis"},
                                   {"firehose", "firehose", "DeliveryStreamName", "Firehose"}};

std::string pascal_case(std::string s) {
    if (!s.empty() && s[0] >= 'a' && s[0] <= 'z') s[0] = static_cast<char>(s[0] - 'a' + 'A');
    return s;
}

}  // namespace

std::string unsimulated_note(const TaskTarget& t) {
    const std::string what =
        t.service + ":" + t.action + (t.pattern == Pattern::RequestResponse ? "" : pattern_name(t.pattern));
    if (unsimulated_is_job(t))
        return "calls " + what +
               ", which the playground does not simulate: it succeeds after 30-60 s (a Fargate task's start "
               "time; no AWS figure) with an empty result" +
               (t.pattern == Pattern::Callback ? ", as if the task called SendTaskSuccess with its token" : "");
    return "calls " + what +
           ", which the playground does not simulate: it succeeds after the task latency (TaskLatencyMs) with an "
           "empty result";
}

bool unsimulated_is_job(const TaskTarget& t) {
    return t.kind == TaskTarget::Unsimulated && t.pattern != Pattern::RequestResponse;
}

std::optional<TaskTarget> parse_resource(const std::string& resource, std::string& why) {
    TaskTarget t;
    if (resource.rfind(kOptimized, 0) == 0) {
        std::string rest = resource.substr(std::string(kOptimized).size());
        // The integration pattern is the suffix of the action.
        for (const auto& [suffix, p] : {std::pair<const char*, Pattern>{".waitForTaskToken", Pattern::Callback},
                                        {".sync:2", Pattern::Sync2},
                                        {".sync", Pattern::Sync}}) {
            const std::string sfx = suffix;
            if (rest.size() > sfx.size() && rest.compare(rest.size() - sfx.size(), sfx.size(), sfx) == 0) {
                t.pattern = p;
                rest.resize(rest.size() - sfx.size());
                break;
            }
        }
        if (rest.rfind("aws-sdk:", 0) == 0) {
            // arn:aws:states:::aws-sdk:<service>:<apiAction>
            rest = rest.substr(8);
            const auto colon = rest.find(':');
            t.aws_sdk = true;
            t.service = rest.substr(0, colon);
            t.action = colon == std::string::npos ? "" : rest.substr(colon + 1);
            if (t.service.empty() || t.action.empty()) {
                why = "'" + resource + "' must be arn:aws:states:::aws-sdk:<service>:<apiAction>";
                return std::nullopt;
            }
            if (t.pattern == Pattern::Sync || t.pattern == Pattern::Sync2) {
                why = "'" + resource + "': AWS SDK integrations support request-response and .waitForTaskToken, not " +
                      pattern_name(t.pattern);
                return std::nullopt;
            }
            t.error_service = pascal_case(t.service);
            for (const SdkService& s : kSdkServices) {
                if (t.service != s.service) continue;
                t.error_service = s.error_prefix;
                const ServiceKind* k = default_registry().find(s.node_type);
                t.op = k ? k->operation(pascal_case(t.action)) : nullptr;
                if (!t.op) break;
                t.role = k->role;
                t.node_type = s.node_type;
                t.id_field = s.id_field;
                const std::string op(t.op->name);
                const std::string svc = t.service;
                t.kind = svc == "dynamodb"                           ? TaskTarget::DynamoDb
                         : svc == "sqs" && op == "SendMessage"       ? TaskTarget::Sqs
                         : svc == "sns" && op == "Publish"           ? TaskTarget::Sns
                         : svc == "eventbridge" && op == "PutEvents" ? TaskTarget::EventBridge
                         : svc == "sfn" && op == "StartExecution"    ? TaskTarget::StepFunctions
                         : svc == "lambda" && op == "Invoke"         ? TaskTarget::LambdaInvoke
                                                                     : TaskTarget::Sdk;
                return t;
            }
            t.kind = TaskTarget::Unsimulated;
            t.op = nullptr;
            return t;
        }
        const auto colon = rest.find(':');
        const std::string service = rest.substr(0, colon);
        t.service = service;
        t.action = colon == std::string::npos ? "" : rest.substr(colon + 1);
        if (service == "ecs" && t.action == "runTask") {
            // ECS RunTask: our fargate node is a load-balanced ECS service, not run-to-completion tasks.
            if (!offers(service, t.pattern)) {
                why = "'" + resource +
                      "': AWS offers request-response, .sync and .waitForTaskToken for ecs:runTask, not " +
                      pattern_name(t.pattern);
                return std::nullopt;
            }
            t.kind = TaskTarget::Unsimulated;
            return t;
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
        if (!offers(service, t.pattern)) {
            why =
                "'" + resource + "': AWS offers no " + pattern_name(t.pattern) + " pattern for " + service + ":" +
                t.action +
                (service == "dynamodb" ? " (request-response only)" : " (request-response and .waitForTaskToken only)");
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
    if (!t.node.empty() || t.kind == TaskTarget::Unsimulated) return t.node;
    const std::string key = t.kind == TaskTarget::Sdk            ? t.id_field
                            : t.kind == TaskTarget::LambdaInvoke ? "FunctionName"
                            : t.kind == TaskTarget::DynamoDb     ? "TableName"
                            : t.kind == TaskTarget::Sns          ? "TopicArn"
                            : t.kind == TaskTarget::Sqs          ? "QueueUrl"
                            : t.kind == TaskTarget::EventBridge  ? "Entries"
                                                                 : "StateMachineArn";
    if (t.kind == TaskTarget::EventBridge) {
        const Json entries = param(input, "Entries");
        if (entries.is_array() && !entries.empty() && entries[0].is_object() && entries[0].contains("EventBusName") &&
            entries[0]["EventBusName"].is_string())
            return node_from_arn(entries[0]["EventBusName"].get<std::string>());
        why = "Parameters.Entries[0].EventBusName must name a wired event bus";
        return {};
    }
    const Json v = param(input, key.c_str());
    if (!v.is_string() || v.get<std::string>().empty()) {
        why = "Parameters." + key + " must name a wired " + node_type_for(t) + " node";
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
            for (const char* k : {"Item", "Key", "ExpressionAttributeValues", "ExclusiveStartKey"})
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
        case TaskTarget::StepFunctions: {
            Json req = {{"operation", "StartExecution"}, {"Input", param(input, "Input")}};
            // .sync / .sync:2: the child answers when its execution ends (stepfunctions.cpp).
            if (t.pattern == Pattern::Sync || t.pattern == Pattern::Sync2) req["WaitForCompletion"] = true;
            return req;
        }
        case TaskTarget::Sdk: {
            Json req = input.is_object() ? input : Json::object();
            req["operation"] = t.op->name;
            return req;
        }
        case TaskTarget::Unsimulated:
            return Json::object();
    }
    return input;
}

namespace {
// .sync / .sync:2 of states:startExecution: the child execution described as DescribeExecution
// does; .sync gives Input and Output as JSON text, .sync:2 as JSON (connect-stepfunctions.html).
Json describe_execution(const TaskTarget& t, const Json& body) {
    const bool parsed = t.pattern == Pattern::Sync2;
    auto data = [&](const char* key) -> Json {
        if (!body.contains(key) || !body[key].is_string()) return Json();
        if (!parsed) return body[key];
        Json j = Json::parse(body[key].get<std::string>(), nullptr, false);
        return j.is_discarded() ? body[key] : j;
    };
    // Built by assignment: nlohmann's initializer lists cost the page's download far more code.
    Json included = Json::object();
    included["Included"] = true;
    Json out = Json::object();
    for (const auto& [to, from] : {std::pair{"ExecutionArn", "executionArn"}, std::pair{"Name", "name"},
                                   std::pair{"StateMachineArn", "stateMachineArn"}, std::pair{"Status", "status"}})
        out[to] = body.value(from, "");
    out["Input"] = data("input");
    out["InputDetails"] = included;
    out["StartDate"] = body.value("startDate", 0.0);
    out["StopDate"] = body.value("stopDate", 0.0);
    if (body.contains("output")) {
        out["Output"] = data("output");
        out["OutputDetails"] = included;
    }
    if (body.contains("error")) out["Error"] = body["error"];
    if (body.contains("cause")) out["Cause"] = body["cause"];
    return out;
}
}  // namespace

std::optional<std::pair<std::string, std::string>> job_failure(const TaskTarget& t, const Reply& r) {
    if (t.kind != TaskTarget::StepFunctions || (t.pattern != Pattern::Sync && t.pattern != Pattern::Sync2) || !r.body ||
        !r.body->is_object())
        return std::nullopt;
    if (r.body->value("status", "") == "SUCCEEDED") return std::nullopt;
    // A child execution that fails, times out or is aborted fails the task with States.TaskFailed;
    // the cause is the child's description.
    return std::pair<std::string, std::string>{"States.TaskFailed", describe_execution(t, *r.body).dump()};
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
            // aws-sdk tasks return the whole API response (Count, ScannedCount, ...).
            Json out = t.aws_sdk && body.is_object() ? body : Json::object();
            for (const char* k : {"Item", "Attributes", "LastEvaluatedKey"})
                if (body.is_object() && body.contains(k)) out[k] = ddb::marshal_item(body[k]);
            if (t.aws_sdk && body.is_object() && body.contains("Items") && body["Items"].is_array()) {
                out["Items"] = Json::array();
                for (const Json& item : body["Items"]) out["Items"].push_back(ddb::marshal_item(item));
            }
            return out;
        }
        case TaskTarget::Sns:
            return {{"MessageId", "msg-" + std::to_string(message_id)}};
        case TaskTarget::Sqs:
            // The SDK integration names fields as the AWS SDK for Java 2.x does (Md5OfMessageBody).
            return {{"MessageId", "msg-" + std::to_string(message_id)},
                    {t.aws_sdk ? "Md5OfMessageBody" : "MD5OfMessageBody", ""}};
        case TaskTarget::EventBridge:
            return {{"Entries", Json::array({{{"EventId", "evt-" + std::to_string(message_id)}}})},
                    {"FailedEntryCount", 0}};
        case TaskTarget::StepFunctions:
            if (t.pattern == Pattern::Sync || t.pattern == Pattern::Sync2) return describe_execution(t, body);
            if (t.aws_sdk && body.is_object())
                return {{"ExecutionArn", body.value("executionArn", "")}, {"StartDate", body.value("startDate", 0.0)}};
            return body;
        case TaskTarget::Sdk:
        case TaskTarget::Unsimulated:
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
    if (t.aws_sdk) {
        // supported-services-awssdk.html: "ServiceName.ErrorName", both PascalCase, always with the
        // Exception suffix (S3's BucketAlreadyExists is S3.BucketAlreadyExistsException).
        std::string name = r.error;
        if (name.size() < 9 || name.compare(name.size() - 9, 9, "Exception") != 0) name += "Exception";
        return {t.error_service + "." + name,
                r.detail + " (Service: " + t.error_service + ", Status Code: " + std::to_string(r.status) + ")"};
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
