// test_contracts.cpp — each service's contract (operations and errors) is consistent, agrees with
// AWS's API references, and is what Lambda actions, Step Functions tasks and SDK-call ports read.
#include "services/all_services.h"
#include "services/lambda/lambda_actions.h"
#include "services/stepfunctions/stepfunctions_tasks.h"
#include "support/test_support.h"

#include <map>
#include <set>

using namespace sim;
using namespace sim::test;

namespace {
const ServiceKind& kind(const std::string& type) {
    const ServiceKind* k = default_registry().find(type);
    REQUIRE(k != nullptr);
    return *k;
}

const OperationSpec& operation(const std::string& type, const std::string& name) {
    const OperationSpec* op = kind(type).operation(name);
    REQUIRE_MESSAGE(op != nullptr, type << " has no operation " << name);
    return *op;
}

bool required(const std::string& type, const std::string& op, const std::string& field) {
    const FieldSpec* f = operation(type, op).field(field);
    REQUIRE_MESSAGE(f != nullptr, type << " " << op << " has no field " << field);
    return f->required;
}

// A Lambda function wired to one `type` node, calling `op` on it.
std::string lambda_calling(const std::string& type, const std::string& op) {
    return R"({"format": "serverless-playground/1", "nodes": [
        {"id": "f", "type": "lambda", "config": {"Actions": [{"target": "t", "operation": ")" +
           op + R"("}]}},
        {"id": "t", "type": ")" +
           type + R"(", "config": {}}], "edges": [{"from": "f", "to": "t"}]})";
}

// The diagnostic the action's operation got, or "" when it was accepted.
std::string operation_error(const std::string& type, const std::string& op) {
    const auto built = build_from_text(lambda_calling(type, op));
    for (const auto& d : built.diagnostics.items())
        if (d.severity == Severity::Error && d.path == "/nodes/0/config/Actions/0/operation") return d.message;
    return "";
}
// A service that keeps the body of every request it gets and answers 200: what an integration sent.
std::vector<Json>& recorded() {
    static std::vector<Json> bodies;
    return bodies;
}
class Recorder final : public Service {
public:
    void on_message(Context& ctx, const Inbound& in) override {
        recorded().push_back(in.msg.body ? *in.msg.body : Json());
        if (in.caller.valid()) ctx.reply(in.caller, Reply{});
    }
};
// A kind the API Gateway code has never heard of, with an AWS-service integration in its contract.
ServiceKind recorder_kind(const std::string& type, ApiIntegration api) {
    ServiceKind k;
    k.type = type;
    k.label = type;
    k.group = "data";
    k.create = [](BuildContext&) -> std::unique_ptr<Service> { return std::make_unique<Recorder>(); };
    k.operations = {{"Record", {{"Payload", FieldType::Any, true}}, {}, {}, "Payload"},
                    {"RecordTwice", {{"Payload", FieldType::Any, true}}, {}, {}, "Payload"}};
    k.api = api;
    return k;
}
}  // namespace

TEST_SUITE("contracts") {
    TEST_CASE("every kind's operations and errors have unique names, and operations name only declared errors") {
        for (const ServiceKind& k : default_registry().kinds()) {
            CAPTURE(k.type);
            std::set<std::string> ops;
            for (const OperationSpec& op : k.operations) {
                CHECK(ops.insert(std::string(op.name)).second);
                std::set<std::string> fields;
                for (const FieldSpec& f : op.request) CHECK(fields.insert(std::string(f.name)).second);
                for (std::string_view code : op.errors) {
                    CAPTURE(op.name);
                    CAPTURE(code);
                    CHECK(k.error(code) != nullptr);
                }
            }
            std::set<std::string_view> codes;
            for (const ErrorSpec& e : k.errors) CHECK(codes.insert(e.code).second);
        }
    }

    TEST_CASE("the services Lambda code calls have the operations AWS's SDK sends them") {
        // AWS SDK for JavaScript v3 command names without "Command" (PutItemCommand → PutItem).
        const std::vector<std::pair<std::string, std::vector<std::string>>> sdk = {
            {"dynamodb", {"PutItem", "GetItem", "DeleteItem", "UpdateItem", "Query"}},
            {"s3", {"PutObject", "GetObject", "DeleteObject"}},
            {"sqs", {"SendMessage"}},
            {"sns", {"Publish"}},
            {"eventbridge", {"PutEvents"}},
            {"kinesis", {"PutRecord"}},
            {"firehose", {"PutRecord"}},
            {"lambda", {"Invoke"}},
            {"stepfunctions", {"StartExecution", "StartSyncExecution"}},
            {"aurora", {"ExecuteStatement"}},
            {"redshift", {"ExecuteStatement"}}};
        for (const auto& [type, ops] : sdk)
            for (const std::string& op : ops) CHECK(operation(type, op).name == op);
        CHECK(kind("appsync").operation("GraphQL") != nullptr);
    }

    TEST_CASE("required request fields are the ones AWS's API references require") {
        // SQS SendMessage: QueueUrl and MessageBody required; the rest optional.
        CHECK(required("sqs", "SendMessage", "QueueUrl"));
        CHECK(required("sqs", "SendMessage", "MessageBody"));
        CHECK_FALSE(required("sqs", "SendMessage", "DelaySeconds"));
        CHECK_FALSE(required("sqs", "SendMessage", "MessageGroupId"));
        // DynamoDB: PutItem needs TableName and Item; GetItem/DeleteItem/UpdateItem TableName and Key.
        CHECK(required("dynamodb", "PutItem", "TableName"));
        CHECK(required("dynamodb", "PutItem", "Item"));
        CHECK_FALSE(required("dynamodb", "PutItem", "ConditionExpression"));
        for (const char* op : {"GetItem", "DeleteItem", "UpdateItem"}) {
            CAPTURE(op);
            CHECK(required("dynamodb", op, "TableName"));
            CHECK(required("dynamodb", op, "Key"));
        }
        CHECK(required("dynamodb", "Query", "TableName"));
        CHECK_FALSE(required("dynamodb", "Query", "KeyConditionExpression"));
        // Kinesis PutRecord: Data and PartitionKey; the stream by StreamName or StreamARN (neither alone).
        CHECK(required("kinesis", "PutRecord", "Data"));
        CHECK(required("kinesis", "PutRecord", "PartitionKey"));
        CHECK_FALSE(required("kinesis", "PutRecord", "StreamName"));
        CHECK_FALSE(required("kinesis", "PutRecord", "StreamARN"));
        // SNS Publish: only Message (the topic may be TopicArn, TargetArn or PhoneNumber).
        CHECK(required("sns", "Publish", "Message"));
        CHECK_FALSE(required("sns", "Publish", "TopicArn"));
        CHECK(required("eventbridge", "PutEvents", "Entries"));
        CHECK(required("s3", "PutObject", "Bucket"));
        CHECK(required("s3", "PutObject", "Key"));
        CHECK(required("firehose", "PutRecord", "DeliveryStreamName"));
        CHECK(required("firehose", "PutRecord", "Record"));
        CHECK(required("lambda", "Invoke", "FunctionName"));
        CHECK_FALSE(required("lambda", "Invoke", "Payload"));
        CHECK(required("stepfunctions", "StartExecution", "stateMachineArn"));
        CHECK_FALSE(required("stepfunctions", "StartExecution", "input"));
        CHECK(required("aurora", "ExecuteStatement", "resourceArn"));
        CHECK(required("aurora", "ExecuteStatement", "secretArn"));
        CHECK(required("aurora", "ExecuteStatement", "sql"));
        CHECK(required("redshift", "ExecuteStatement", "Sql"));
    }

    TEST_CASE("errors carry AWS's status and whether SDKs treat them as throttles") {
        // DynamoDB answers every error with HTTP 400; ProvisionedThroughputExceededException and
        // ThrottlingException are throttles the SDK retries.
        for (const char* code : {"ProvisionedThroughputExceededException", "ThrottlingException"}) {
            CAPTURE(code);
            REQUIRE(kind("dynamodb").error(code) != nullptr);
            CHECK(kind("dynamodb").error(code)->status == 400);
            CHECK(kind("dynamodb").error(code)->kind == ErrorClass::Throttle);
        }
        CHECK(kind("dynamodb").error("ConditionalCheckFailedException")->kind == ErrorClass::Client);
        CHECK(kind("kinesis").error("ProvisionedThroughputExceededException")->kind == ErrorClass::Throttle);
        // Lambda Invoke: TooManyRequestsException is 429, RequestTooLargeException 413.
        const ErrorSpec* tmr = kind("lambda").error("TooManyRequestsException");
        REQUIRE(tmr != nullptr);
        CHECK(tmr->status == 429);
        CHECK(tmr->kind == ErrorClass::Throttle);
        CHECK(kind("lambda").error("RequestTooLargeException")->status == 413);
        // S3: a missing key is 404 NoSuchKey; SlowDown is 503 and asks callers to back off.
        CHECK(kind("s3").error("NoSuchKey")->status == 404);
        CHECK(kind("s3").error("SlowDown")->status == 503);
        CHECK(kind("s3").error("SlowDown")->kind == ErrorClass::Throttle);
        // Replies built from a spec answer throttled()/retryable()/is() from it.
        const Reply r = Reply::failure(*kind("sqs").error("ThrottlingException"), "FIFO queue send rate above 300");
        CHECK(r.throttled());
        CHECK(r.retryable());
        CHECK(r.is(*kind("sqs").error("ThrottlingException")));
        CHECK_FALSE(Reply::failure(*kind("sqs").error("MissingParameter"), "").retryable());
        // API Gateway's gateway responses: THROTTLED 429, MISSING_AUTHENTICATION_TOKEN 403,
        // UNAUTHORIZED 401, RESOURCE_NOT_FOUND 404, INTEGRATION_TIMEOUT 504.
        const std::vector<std::pair<std::string, int>> gateway = {{"TooManyRequestsException", 429},
                                                                  {"MissingAuthenticationTokenException", 403},
                                                                  {"Unauthorized", 401},
                                                                  {"NotFound", 404},
                                                                  {"IntegrationTimeout", 504},
                                                                  {"BadGateway", 502},
                                                                  {"InternalServerError", 500}};
        for (const auto& row : gateway) {
            const std::string& code = row.first;  // no structured binding: clang 14 cannot capture one
            CAPTURE(code);
            REQUIRE(kind("apigateway").error(code) != nullptr);
            CHECK(kind("apigateway").error(code)->status == row.second);
            CHECK(kind("apigateway").error(code)->kind == (row.second == 429   ? ErrorClass::Throttle
                                                           : row.second >= 500 ? ErrorClass::Server
                                                                               : ErrorClass::Client));
        }
    }

    TEST_CASE("Lambda actions accept exactly the operations of the target's contract") {
        // What a function's SDK-call port reaches, as the registry derives it.
        const std::vector<std::string>& sdk_targets = kind("lambda").ports.at(0).targets;
        REQUIRE(kind("lambda").ports.at(0).reach == PortReach::Operations);
        REQUIRE_FALSE(sdk_targets.empty());
        std::set<std::string> candidates = {"Scan", "ReceiveMessage", "ListObjectsV2", "PutRecords", "Subscribe"};
        for (const std::string& type : sdk_targets)
            for (const OperationSpec& op : kind(type).operations) candidates.insert(std::string(op.name));
        for (const std::string& type : sdk_targets) {
            for (const std::string& op : candidates) {
                CAPTURE(type);
                CAPTURE(op);
                const bool in_contract = kind(type).operation(op) != nullptr;
                CHECK(operation_error(type, op).empty() == in_contract);
            }
        }
    }

    TEST_CASE("an unknown operation's error lists the contract's operations") {
        const std::string error = operation_error("dynamodb", "Scan");
        std::string names;
        for (const OperationSpec& op : kind("dynamodb").operations)
            names += (names.empty() ? "" : " ") + std::string(op.name);
        CHECK(error == "operation 'Scan' is not one dynamodb supports here; expected one of: " + names);
        for (const char* op : {"PutItem", "GetItem", "DeleteItem", "UpdateItem", "Query"})
            CHECK(error.find(op) != std::string::npos);
    }

    TEST_CASE("SDK-call ports reach exactly the services whose contract has operations") {
        const Registry& r = default_registry();
        for (const char* caller : {"lambda", "ec2", "fargate"}) {
            for (const ServiceKind& k : r.kinds()) {
                if (!k.simulated || !k.accepts_input) continue;
                CAPTURE(caller);
                CAPTURE(k.type);
                CHECK(r.can_connect(caller, "out", k.type).ok == !k.operations.empty());
            }
        }
    }

    TEST_CASE("Step Functions integrations map onto contract operations by camelCase name") {
        const std::vector<std::pair<std::string, std::string>> arns = {{"lambda:invoke", "Invoke"},
                                                                       {"dynamodb:putItem", "PutItem"},
                                                                       {"dynamodb:getItem", "GetItem"},
                                                                       {"dynamodb:deleteItem", "DeleteItem"},
                                                                       {"dynamodb:updateItem", "UpdateItem"},
                                                                       {"sns:publish", "Publish"},
                                                                       {"sqs:sendMessage", "SendMessage"},
                                                                       {"events:putEvents", "PutEvents"},
                                                                       {"states:startExecution", "StartExecution"}};
        for (const auto& row : arns) {
            const std::string& arn = row.first;  // no structured binding: clang 14 cannot capture one
            const std::string& op = row.second;
            CAPTURE(arn);
            std::string why;
            const auto t = svc::sfn_tasks::parse_resource("arn:aws:states:::" + arn, why);
            REQUIRE(t.has_value());
            REQUIRE(t->op != nullptr);
            CHECK(t->op->name == op);
            CHECK(kind(svc::sfn_tasks::node_type_for(t->kind)).operation(op) == t->op);
        }
        // Step Functions' optimized DynamoDB integration has no query (AWS: use an aws-sdk task).
        std::string why;
        CHECK_FALSE(svc::sfn_tasks::parse_resource("arn:aws:states:::dynamodb:query", why).has_value());
        CHECK(why ==
              "'arn:aws:states:::dynamodb:query' is not an integration this simulator supports (lambda:invoke, "
              "dynamodb:putItem/getItem/deleteItem/updateItem, sns:publish, sqs:sendMessage, events:putEvents, "
              "states:startExecution)");
    }

    TEST_CASE("API Gateway's integrations reach exactly the services whose contract declares one") {
        const Registry& r = default_registry();
        for (const ServiceKind& k : r.kinds()) {
            if (!k.simulated || !k.accepts_input) continue;
            CAPTURE(k.type);
            CHECK(r.can_connect("apigateway", "out", k.type).ok == (k.api.kind != ApiIntegration::Kind::None));
        }
        // AWS's service integrations: each action is one of the service's own operations.
        for (const ServiceKind& k : r.kinds()) {
            if (k.api.kind != ApiIntegration::Kind::Action) continue;
            CAPTURE(k.type);
            CHECK(k.operation(k.api.action) != nullptr);
            CHECK_FALSE(k.api.payload.empty());
        }
    }

    TEST_CASE("an AWS service integration calls the contract's action with the request body as its payload") {
        // A registry with a service API Gateway's code does not name: wiring it and the request it
        // gets come from its contract alone.
        Registry reg;
        reg.add(kind("client"));
        reg.add(kind("apigateway"));
        reg.add(recorder_kind("recorder", ApiIntegration::call("Record", "Payload", "Action")));
        reg.add(recorder_kind("plain", {}));
        CHECK(reg.can_connect("apigateway", "out", "recorder").ok);
        CHECK_FALSE(reg.can_connect("apigateway", "out", "plain").ok);
        BuildOptions options;
        options.registry = &reg;
        for (const char* config : {R"({})", R"({"Action": "RecordTwice"})", R"({"Action": "NoSuchOperation"})"}) {
            CAPTURE(config);
            recorded().clear();
            auto s = build_ok(R"({"format": "serverless-playground/1", "name": "t", "seed": 1, "nodes": [
                {"id": "u", "type": "client", "config": {}},
                {"id": "api", "type": "apigateway", "config": {}},
                {"id": "rec", "type": "recorder", "config": )" +
                                  std::string(config) + R"(}],
              "edges": [{"from": "u", "to": "api"}, {"from": "api", "to": "rec"}],
              "traffic": [{"id": "t", "source": "u", "arrival": "uniform", "duration": "2s", "profile": {"type": "constant", "rps": 1},
                           "request": {"method": "POST", "path": "/orders"}, "payload": {"orderId": "o-1"}}]})",
                              options);
            s->run_until(sec(5));
            REQUIRE(recorded().size() == 2);
            // The node's config may name another operation of its contract; an unknown one is ignored.
            const std::string action =
                std::string(config).find("RecordTwice") != std::string::npos ? "RecordTwice" : "Record";
            CHECK(recorded()[0] == Json{{"operation", action}, {"Payload", {{"orderId", "o-1"}}}});
            CHECK(s->report()["nodes"]["u"]["responses_by_status"]["200"] == 2);
        }
    }

    TEST_CASE("every simulated kind says what it is to the services that deliver to it") {
        // Senders branch on the target's role (an S3 notification to a bus is EventBridgeConfiguration,
        // an SNS subscription's protocol follows its endpoint), so each kind declares one, and the
        // destination types AWS tells apart map onto the kinds that stand for them.
        std::map<ServiceRole, std::set<std::string>> holders;
        for (const ServiceKind& k : default_registry().kinds()) {
            CAPTURE(k.type);
            CHECK((k.role == ServiceRole::Other) == !k.simulated);
            holders[k.role].insert(k.type);
        }
        using R = ServiceRole;
        const std::map<R, std::set<std::string>> expected = {{R::Function, {"lambda"}},
                                                             {R::EdgeFunction, {"lambda_edge"}},
                                                             {R::ViewerFunction, {"cloudfront_function"}},
                                                             {R::Queue, {"sqs"}},
                                                             {R::Topic, {"sns"}},
                                                             {R::EventBus, {"eventbridge"}},
                                                             {R::ObjectStore, {"s3"}},
                                                             {R::Table, {"dynamodb"}},
                                                             {R::Stream, {"kinesis"}},
                                                             {R::DeliveryStream, {"firehose"}},
                                                             {R::Warehouse, {"redshift"}},
                                                             {R::StateMachine, {"stepfunctions"}},
                                                             {R::Source, {"client", "iot", "scheduler"}},
                                                             {R::Server, {"ec2", "fargate"}},
                                                             {R::HttpEndpoint, {"http"}},
                                                             {R::Email, {"email"}}};
        for (const auto& [role, types] : expected) {
            const auto& got = holders[role];
            CHECK(got == types);
        }
    }

    TEST_CASE("a kind no port names is wired wherever AWS accepts what it is, and delivered to as one") {
        // A second kind of queue: S3 notifications, SNS subscriptions, Lambda destinations,
        // EventBridge targets and redrive policies reach it because it is a queue.
        Registry reg;
        for (const char* type : {"client", "apigateway", "sns", "s3", "lambda", "eventbridge", "sqs"})
            reg.add(kind(type));
        ServiceKind mq = recorder_kind("mq", {});
        mq.role = ServiceRole::Queue;
        reg.add(mq);
        CHECK(reg.can_connect("s3", "out", "mq").ok);
        CHECK(reg.can_connect("sns", "out", "mq").ok);
        CHECK(reg.can_connect("lambda", "on_failure", "mq").ok);
        CHECK(reg.can_connect("lambda", "dlq", "mq").ok);
        CHECK(reg.can_connect("eventbridge", "out", "mq").ok);
        CHECK(reg.can_connect("sqs", "dlq", "mq").ok);
        CHECK_FALSE(reg.can_connect("sqs", "out", "mq").ok);  // a queue is consumed by functions only
        // SNS delivers to it as to an SQS subscription: the notification envelope as the body.
        BuildOptions options;
        options.registry = &reg;
        recorded().clear();
        auto s = build_ok(R"({"format": "serverless-playground/1", "name": "t", "seed": 1, "nodes": [
            {"id": "u", "type": "client", "config": {}},
            {"id": "api", "type": "apigateway", "config": {}},
            {"id": "topic", "type": "sns", "config": {}},
            {"id": "q", "type": "mq", "config": {}}],
          "edges": [{"from": "u", "to": "api"}, {"from": "api", "to": "topic"}, {"from": "topic", "to": "q"}],
          "traffic": [{"id": "t", "source": "u", "arrival": "uniform", "duration": "1s", "profile": {"type": "constant", "rps": 1},
                       "request": {"method": "POST", "path": "/orders"}, "payload": {"orderId": "o-1"}}]})",
                          options);
        s->run_until(sec(5));
        REQUIRE(recorded().size() == 1);
        CHECK(recorded()[0]["Type"] == "Notification");
        CHECK(recorded()[0]["Message"] == Json{{"orderId", "o-1"}});
    }

    TEST_CASE("clients reach every public endpoint and every service with operations; devices reach IoT rule targets") {
        const Registry& r = default_registry();
        // AWS IoT rule actions (docs.aws.amazon.com/iot/latest/developerguide/iot-rule-actions.html)
        // among our services: DynamoDB(v2), HTTP (an API), Firehose, Kinesis Data Streams, Lambda,
        // S3, SNS, SQS and Step Functions. EventBridge has no rule action.
        const std::set<std::string> rule_targets = {"dynamodb", "apigateway", "firehose", "kinesis",      "lambda",
                                                    "s3",       "sns",        "sqs",      "stepfunctions"};
        for (const ServiceKind& k : r.kinds()) {
            if (!k.simulated || !k.accepts_input) continue;
            CAPTURE(k.type);
            CHECK(r.can_connect("iot", "out", k.type).ok == (rule_targets.count(k.type) == 1));
            CHECK(r.can_connect("client", "out", k.type).ok == (k.public_endpoint || !k.operations.empty()));
        }
        // What a client calls over the internet without an SDK: APIs, a CDN, GraphQL, a user pool,
        // servers and function URLs. Event targets that only AWS services call are not.
        for (const char* type : {"apigateway", "cloudfront", "appsync", "cognito", "ec2", "fargate", "lambda"})
            CHECK(r.find(type)->public_endpoint);
        for (const char* type : {"lambda_edge", "cloudfront_function", "http", "email"})
            CHECK_FALSE(r.can_connect("client", "out", type).ok);
    }
}
