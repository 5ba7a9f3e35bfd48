// lambda_code.cpp — reading a function's JavaScript and routing its SDK calls to wired nodes
// AWS: https://docs.aws.amazon.com/lambda/latest/dg/nodejs-handler.html,
//      https://docs.aws.amazon.com/lambda/latest/dg/configuration-envvars-runtime.html,
//      https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-lambda-function-code.html
#include "services/lambda/lambda_code.h"

#include "core/hash.h"
#include "core/rng.h"
#include "pattern/config_reader.h"
#include "pattern/pattern.h"
#include "services/lambda/event_source_mapping_filter.h"
#include "services/stepfunctions/stepfunctions.h"

#include <algorithm>
#include <cstdio>

namespace sim::svc {

namespace {

constexpr const char* kAccount = "123456789012";
constexpr const char* kRegion = "us-east-1";

const NodeSpec* node_by_id(const Pattern& p, const std::string& id) {
    for (const NodeSpec& n : p.nodes)
        if (n.id == id) return &n;
    return nullptr;
}

}  // namespace

std::string lambda_resource_name(const Registry& reg, const NodeSpec& n) {
    if (const ServiceKind* k = reg.find(n.type); k && !k->cfn.empty()) {
        const std::string key(k->cfn[0].call_policy.parameter);
        if (!key.empty())
            if (auto it = n.config.find(key); it != n.config.end() && it->is_string()) return it->get<std::string>();
    }
    if (auto it = n.config.find("Name"); it != n.config.end() && it->is_string()) return it->get<std::string>();
    return n.id;
}

namespace {

std::string prefix(const char* service) {
    return std::string("arn:aws:") + service + ":" + kRegion + ":" + kAccount + ":";
}

// The ARN AWS gives a resource of this role and name.
std::string arn_of(ServiceRole role, const std::string& name) {
    switch (role) {
        case ServiceRole::Table:
            return prefix("dynamodb") + "table/" + name;
        case ServiceRole::Queue:
            return prefix("sqs") + name;
        case ServiceRole::Topic:
            return prefix("sns") + name;
        case ServiceRole::Function:
            return prefix("lambda") + "function:" + name;
        case ServiceRole::StateMachine:
            return prefix("states") + "stateMachine:" + name;
        case ServiceRole::Stream:
            return prefix("kinesis") + "stream/" + name;
        case ServiceRole::DeliveryStream:
            return prefix("firehose") + "deliverystream/" + name;
        case ServiceRole::EventBus:
            return prefix("events") + "event-bus/" + name;
        case ServiceRole::ObjectStore:
            return "arn:aws:s3:::" + name;
        default:
            return prefix("sim") + name;
    }
}
std::string queue_url(const std::string& name) {
    return std::string("https://sqs.") + kRegion + ".amazonaws.com/" + kAccount + "/" + name;
}

// {"Ref": id} / {"Fn::GetAtt": [id, attr]} in Environment.Variables → what CloudFormation gives.
Json resolve_reference(const BuildContext& ctx, const Json& v) {
    if (!v.is_object() || v.size() != 1) return v;
    std::string id, attr;
    if (auto r = v.find("Ref"); r != v.end() && r->is_string()) {
        id = r->get<std::string>();
    } else if (auto g = v.find("Fn::GetAtt"); g != v.end()) {
        if (g->is_array() && g->size() == 2 && (*g)[0].is_string() && (*g)[1].is_string()) {
            id = (*g)[0].get<std::string>();
            attr = (*g)[1].get<std::string>();
        } else if (g->is_string()) {
            const std::string s = g->get<std::string>();
            id = s.substr(0, s.find('.'));
            attr = s.find('.') == std::string::npos ? "" : s.substr(s.find('.') + 1);
        }
    }
    const NodeSpec* n = id.empty() ? nullptr : node_by_id(ctx.pattern, id);
    if (!n) return v;
    const ServiceKind* k = ctx.registry.find(n->type);
    const ServiceRole role = k ? k->role : ServiceRole::Other;
    const std::string name = lambda_resource_name(ctx.registry, *n);
    if (attr.empty()) {
        if (role == ServiceRole::Queue) return queue_url(name);
        if (k && !k->cfn.empty() && k->cfn[0].ref_is_arn) return arn_of(role, name);
        return name;
    }
    if (attr == "Arn" || attr.ends_with("Arn")) return arn_of(role, name);
    if (attr == "QueueUrl") return queue_url(name);
    return name;
}

bool names(const std::string& ident, const std::string& name) {
    if (ident == name) return true;
    if (ident.size() <= name.size()) return false;
    const char sep = ident[ident.size() - name.size() - 1];
    return (sep == ':' || sep == '/') && ident.ends_with(name);
}

struct ClientSpec {
    std::string_view client;
    ServiceRole role;
    std::string_view identifier;  // the input field that names the resource
    std::string_view service;     // AWS's service name in errors
};
constexpr ClientSpec kClients[] = {
    {"dynamodb", ServiceRole::Table, "TableName", "DynamoDB"},
    {"s3", ServiceRole::ObjectStore, "Bucket", "S3"},
    {"sqs", ServiceRole::Queue, "QueueUrl", "SQS"},
    {"sns", ServiceRole::Topic, "TopicArn", "SNS"},
    {"eventbridge", ServiceRole::EventBus, "EventBusName", "EventBridge"},
    {"sfn", ServiceRole::StateMachine, "stateMachineArn", "Step Functions"},
    {"kinesis", ServiceRole::Stream, "StreamName", "Kinesis"},
    {"firehose", ServiceRole::DeliveryStream, "DeliveryStreamName", "Firehose"},
    {"lambda", ServiceRole::Function, "FunctionName", "Lambda"},
};

std::string text_at(const Json& o, std::string_view key) {
    if (!o.is_object()) return {};
    auto it = o.find(std::string(key));
    return it != o.end() && it->is_string() ? it->get<std::string>() : std::string();
}

}  // namespace

std::shared_ptr<const LambdaCode> read_lambda_code(BuildContext& ctx, const std::string& runtime,
                                                   std::int64_t memory_mb) {
    ConfigReader& r = ctx.config;
    LambdaCode code;
    code.bundle.handler = r.text("Handler", "index.handler");
    const std::string base = code.bundle.handler.substr(0, code.bundle.handler.rfind('.'));
    std::string code_key;  // the property the code came from, where its syntax errors are reported
    if (const Json* inline_code = r.raw("InlineCode"); inline_code && inline_code->is_string()) {
        code.bundle.files.push_back({base + ".js", inline_code->get<std::string>()});
        code_key = "InlineCode";
    }
    if (const Json* c = r.raw("Code"); c && c->is_object())
        if (auto z = c->find("ZipFile"); z != c->end() && z->is_string()) {
            code.bundle.files.push_back({base + ".js", z->get<std::string>()});
            code_key = "Code";
        }
    if (const Json* files = r.raw("CodeFiles"); files && files->is_object())
        for (const auto& [path, text] : files->items())
            if (text.is_string()) {
                code.bundle.files.push_back({path, text.get<std::string>()});
                code_key = "CodeFiles";
            }
    const Json* env = r.raw("Environment");
    if (code.bundle.files.empty()) return nullptr;
    if (!runtime.starts_with("nodejs")) {
        ctx.diagnostics.warning(ctx.path + "/config/Runtime",
                                "'" + ctx.spec.id + "' has code for " + runtime +
                                    ": only Node.js code runs in the playground, so its DurationMs model runs instead",
                                "set Runtime to nodejs22.x to run the code");
        return nullptr;
    }
    for (const js::CodeProblem& p : js::check_code(code.bundle))
        ctx.diagnostics.error(ctx.path + "/config/" + code_key,
                              p.file + ":" + std::to_string(p.line) + ":" + std::to_string(p.column) + ": " + p.message,
                              "fix the code; the function cannot load until it parses");

    if (const Json* actions = r.raw("Actions"); actions && actions->is_array() && !actions->empty())
        ctx.diagnostics.warning(ctx.path + "/config/Actions",
                                "'" + ctx.spec.id + "' runs its code; its Actions are not used",
                                "make the calls from the code with the AWS SDK, or remove the code to use Actions");
    code.function_name = text_at(ctx.spec.config, "FunctionName");
    if (code.function_name.empty()) code.function_name = ctx.spec.id;
    Json& vars = code.environment;
    vars["AWS_REGION"] = kRegion;
    vars["AWS_DEFAULT_REGION"] = kRegion;
    vars["AWS_LAMBDA_FUNCTION_NAME"] = code.function_name;
    vars["AWS_LAMBDA_FUNCTION_MEMORY_SIZE"] = std::to_string(memory_mb);
    vars["AWS_LAMBDA_FUNCTION_VERSION"] = "$LATEST";
    vars["AWS_EXECUTION_ENV"] = "AWS_Lambda_" + runtime;
    vars["LAMBDA_TASK_ROOT"] = "/var/task";
    vars["TZ"] = ":UTC";
    vars["_HANDLER"] = code.bundle.handler;
    if (env && env->is_object())
        if (auto v = env->find("Variables"); v != env->end() && v->is_object())
            for (const auto& [k, value] : v->items()) {
                const Json resolved = resolve_reference(ctx, value);
                vars[k] = resolved.is_string() ? resolved : Json(resolved.dump());
            }

    for (const Link& l : ctx.links) {
        if (l.port != "out") continue;
        const NodeSpec* n = node_by_id(ctx.pattern, l.target_id);
        code.targets.push_back({&l, n ? lambda_resource_name(ctx.registry, *n) : l.target_id});
    }
    return std::make_shared<const LambdaCode>(std::move(code));
}

SdkRoute route_sdk_call(const LambdaCode& code, const Json& request) {
    SdkRoute out;
    const std::string client = text_at(request, "client"), command = text_at(request, "command");
    // Read in place: the input is copied once, into the engine request (this runs per SDK call).
    static const Json kNoInput = Json::object();
    const Json* given = member(request, "input");
    const Json& input = given && given->is_object() ? *given : kNoInput;
    const ClientSpec* spec = nullptr;
    for (const ClientSpec& c : kClients)
        if (c.client == client) spec = &c;
    if (!spec) {
        out.error = "UnknownOperationException";
        out.message = "the playground does not simulate the " + client + " client";
        return out;
    }
    std::string ident = text_at(input, spec->identifier);
    if (spec->role == ServiceRole::Topic && ident.empty()) ident = text_at(input, "TargetArn");
    if (spec->role == ServiceRole::Stream && ident.empty()) ident = text_at(input, "StreamARN");
    // SendTaskSuccess / SendTaskFailure / SendTaskHeartbeat name no state machine: the task token does.
    if (spec->role == ServiceRole::StateMachine && ident.empty())
        ident = sfn_task_token_node(text_at(input, "taskToken"));
    if (spec->role == ServiceRole::EventBus && input.contains("Entries") && input["Entries"].is_array() &&
        !input["Entries"].empty())
        ident = text_at(input["Entries"][0], "EventBusName");
    const bool default_bus = spec->role == ServiceRole::EventBus && (ident.empty() || ident == "default");
    std::vector<const LambdaCode::Target*> candidates;
    for (const LambdaCode::Target& t : code.targets)
        if (t.link->target_role == spec->role) candidates.push_back(&t);
    for (const LambdaCode::Target* t : candidates)
        if (!ident.empty() && (names(ident, t->name) || names(ident, t->link->target_id))) out.link = t->link;
    if (!out.link && default_bus && candidates.size() == 1) out.link = candidates[0]->link;
    if (!out.link) {
        out.error = "AccessDeniedException";
        const std::string what = ident.empty() ? std::string(spec->identifier) + " is missing" : "'" + ident + "'";
        out.message = "User: arn:aws:sts::" + std::string(kAccount) + ":assumed-role/" + code.function_name +
                      "-role is not authorized to perform: " + std::string(client == "sfn" ? "states" : client) + ":" +
                      command + " on " + what + " (the playground: no " + std::string(spec->service) +
                      " node by that name is wired from this function; draw a link to it)";
        return out;
    }
    if (spec->role == ServiceRole::Function) {
        out.invoke = true;
        out.async = text_at(input, "InvocationType") == "Event";
        out.request = input.contains("Payload") && !input["Payload"].is_null() ? input["Payload"] : Json::object();
        return out;
    }
    out.request = input;
    out.request["operation"] = command;
    return out;
}

Json lambda_code_context(const LambdaCode& code, const std::string& request_id, std::int64_t memory_mb,
                         double deadline_unix_ms) {
    return {{"awsRequestId", request_id},
            {"functionName", code.function_name},
            {"functionVersion", "$LATEST"},
            {"invokedFunctionArn", arn_of(ServiceRole::Function, code.function_name)},
            {"memoryLimitInMB", std::to_string(memory_mb)},
            {"logGroupName", "/aws/lambda/" + code.function_name},
            {"logStreamName", "$LATEST"},
            {"deadlineUnixMs", deadline_unix_ms}};
}

js::CallAnswer lambda_code_answer(const Reply& r, bool invoke) {
    js::CallAnswer a;
    a.ok = r.ok();
    if (invoke && (r.ok() || r.status == 200)) {
        // https://docs.aws.amazon.com/lambda/latest/api/API_Invoke.html
        a.ok = true;
        a.body = {{"StatusCode", 200}, {"ExecutedVersion", "$LATEST"}};
        if (r.ok()) {
            a.body["Payload"] = r.body ? *r.body : Json();
        } else {
            a.body["FunctionError"] = "Unhandled";
            a.body["Payload"] = r.body ? *r.body : Json{{"errorType", r.error}, {"errorMessage", r.detail}};
        }
    } else if (r.ok()) {
        a.body = r.body ? *r.body : Json();
    } else {
        a.error_name = r.error;
        a.error_message = r.detail.empty() ? r.error : r.detail;
        a.status = r.status;
    }
    return a;
}

std::string lambda_request_id(const std::string& function_name, std::uint64_t invocation) {
    // A UUID as Lambda's are, unique across functions (the first group is the function's name
    // hashed) and deterministic (the last is the invocation's number).
    char buf[40];
    std::snprintf(buf, sizeof buf, "%08llx-0000-4000-8000-%012llx",
                  static_cast<unsigned long long>(fnv1a(function_name) & 0xffffffffULL),
                  static_cast<unsigned long long>(invocation));
    return buf;
}

std::string lambda_report_line(const std::string& request_id, SimTime handler, std::int64_t billed_ms,
                               std::int64_t memory_mb, SimTime init) {
    char buf[256];
    std::snprintf(
        buf, sizeof buf, "REPORT RequestId: %s\tDuration: %.2f ms\tBilled Duration: %lld ms\tMemory Size: %lld MB",
        request_id.c_str(), handler.millis(), static_cast<long long>(billed_ms), static_cast<long long>(memory_mb));
    std::string line = buf;
    if (init.us) {
        std::snprintf(buf, sizeof buf, "\tInit Duration: %.2f ms", init.millis());
        line += buf;
    }
    return line;
}

Json lambda_error_record(const js::RunResult& r) {
    return {{"errorType", r.error_type}, {"errorMessage", r.error_message}, {"trace", r.trace}};
}

namespace {

// Events are built by assignment, not nested initializer lists: in the size-optimised page each
// nested list expands to a copy of nlohmann's construction code (this file was 22 KB of wasm).

// API Gateway's Lambda proxy event (payload format 1.0): the body as JSON text, as AWS sends it,
// so handlers written for AWS (`JSON.parse(event.body)`) run unchanged.
// https://docs.aws.amazon.com/apigateway/latest/developerguide/set-up-lambda-proxy-integrations.html
Json api_proxy_event(const Message& msg, const Json& request) {
    std::string method = text_at(request, "method"), path = text_at(request, "path");
    if (method.empty()) method = "GET";
    if (path.empty()) path = "/";
    const Json* body = member(request, "body");
    const Json* headers = member(request, "headers");
    const Json* query = member(request, "queryStringParameters");
    Json context = Json::object();
    context["resourcePath"] = path;
    context["httpMethod"] = method;
    context["path"] = path;
    context["requestId"] = "request-" + std::to_string(msg.id);
    context["accountId"] = kAccount;
    Json e = Json::object();
    e["resource"] = path;
    e["path"] = path;
    e["httpMethod"] = method;
    if (headers) {
        e["headers"] = *headers;
    } else {
        e["headers"] = Json::object();
        e["headers"]["content-type"] = "application/json";
    }
    e["queryStringParameters"] = query ? *query : Json();
    e["pathParameters"] = nullptr;
    e["stageVariables"] = nullptr;
    e["requestContext"] = std::move(context);
    e["body"] = !body || body->is_null() ? Json() : body->is_string() ? *body : Json(body->dump());
    e["isBase64Encoded"] = false;
    return e;
}

std::string record_text(const Message& rec) {
    return !rec.body ? std::string() : rec.body->is_string() ? rec.body->get<std::string>() : rec.body->dump();
}

// https://docs.aws.amazon.com/firehose/latest/dev/data-transformation.html
Json firehose_transform_event(const Message& msg, std::uint64_t start_unix_ms) {
    Json records = Json::array();
    for (const Message& rec : *msg.batch) {
        Json r = Json::object();
        r["recordId"] = std::to_string(rec.id);
        r["approximateArrivalTimestamp"] = start_unix_ms + static_cast<std::uint64_t>(rec.origin.us / 1000);
        r["data"] = base64_encode(record_text(rec));
        records.push_back(std::move(r));
    }
    Json e = Json::object();
    e["invocationId"] = "invocation-" + std::to_string(msg.id);
    e["deliveryStreamArn"] = prefix("firehose") + "deliverystream/stream";
    e["region"] = kRegion;
    e["records"] = std::move(records);
    return e;
}

// https://docs.aws.amazon.com/lambda/latest/dg/with-kinesis.html
Json kinesis_record(const Message& rec, std::uint64_t unix_ms) {
    const Json none = Json::object();
    const Json& a = rec.attributes ? *rec.attributes : none;
    const std::string shard = a.value("shardId", "shardId-000000000000");
    const std::string seq = a.value("sequenceNumber", std::to_string(rec.id));
    Json k = Json::object();
    k["kinesisSchemaVersion"] = "1.0";
    k["partitionKey"] = a.value("partitionKey", "");
    k["sequenceNumber"] = seq;
    k["data"] = base64_encode(record_text(rec));
    k["approximateArrivalTimestamp"] = static_cast<double>(unix_ms) / 1000;
    Json r = Json::object();
    r["kinesis"] = std::move(k);
    r["eventSource"] = "aws:kinesis";
    r["eventVersion"] = "1.0";
    r["eventID"] = shard + ":" + seq;
    r["eventName"] = "aws:kinesis:record";
    r["awsRegion"] = kRegion;
    return r;
}

// https://docs.aws.amazon.com/lambda/latest/dg/with-sqs.html
Json sqs_record(const Message& rec, std::uint64_t unix_ms) {
    Json attributes = Json::object();
    attributes["ApproximateReceiveCount"] = std::to_string(rec.attempt + 1);
    attributes["SentTimestamp"] = std::to_string(unix_ms);
    Json r = Json::object();
    r["messageId"] = std::to_string(rec.id);
    r["receiptHandle"] = "rh-" + std::to_string(rec.id);
    r["body"] = record_text(rec);
    r["attributes"] = std::move(attributes);
    r["messageAttributes"] = esm::lambda_message_attributes(rec.attributes.get());
    r["eventSource"] = "aws:sqs";
    r["awsRegion"] = kRegion;
    return r;
}

}  // namespace

Json lambda_code_event(const Message& msg, std::uint64_t start_unix_ms) {
    if (!msg.batch) {
        if (!msg.body) return Json::object();
        if (std::string_view(msg.type) == "apigateway.proxy" && msg.body->is_object())
            return api_proxy_event(msg, *msg.body);
        return *msg.body;
    }
    const std::string_view type = msg.type;
    if (type == "firehose.transform") return firehose_transform_event(msg, start_unix_ms);
    Json records = Json::array();
    for (const Message& rec : *msg.batch) {
        const std::uint64_t unix_ms = start_unix_ms + static_cast<std::uint64_t>(rec.origin.us / 1000);
        records.push_back(type == "kinesis.batch" ? kinesis_record(rec, unix_ms) : sqs_record(rec, unix_ms));
    }
    Json e = Json::object();
    e["Records"] = std::move(records);
    return e;
}

}  // namespace sim::svc
