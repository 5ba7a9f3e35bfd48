// lambda_starter.cpp — starter handlers (lambda_starter.h).
// AWS: https://docs.aws.amazon.com/sdk-for-javascript/v3/developer-guide/javascript_code_examples.html
#include "services/lambda/lambda_starter.h"

#include "services/lambda/lambda_code.h"

#include <set>

namespace sim::svc {

namespace {

struct Use {
    std::string imports;  // import lines
    std::string clients;  // INIT: client construction
    std::string call;     // the awaited call inside the handler
};

// What the starter does with a service of each role, as the SDK's examples write it. `command`
// is the argument of send(): $NAME is the resource's name (quoted), $ITEM a DynamoDB item with
// the table's key attributes.
struct RoleStarter {
    ServiceRole role;
    const char* imports;
    const char* client;  // the client's construction
    const char* command;
};
constexpr RoleStarter kStarters[] = {
    {ServiceRole::Table,
     "import { DynamoDBClient } from \"@aws-sdk/client-dynamodb\";\n"
     "import { DynamoDBDocumentClient, PutCommand } from \"@aws-sdk/lib-dynamodb\";\n",
     "DynamoDBDocumentClient.from(new DynamoDBClient({}))", "new PutCommand({ TableName: $NAME, Item: $ITEM })"},
    {ServiceRole::Queue, "import { SQSClient, SendMessageCommand } from \"@aws-sdk/client-sqs\";\n",
     "new SQSClient({})", "new SendMessageCommand({ QueueUrl: $NAME, MessageBody: JSON.stringify(event) })"},
    {ServiceRole::Topic, "import { SNSClient, PublishCommand } from \"@aws-sdk/client-sns\";\n", "new SNSClient({})",
     "new PublishCommand({ TopicArn: $NAME, Message: JSON.stringify(event) })"},
    {ServiceRole::ObjectStore, "import { S3Client, PutObjectCommand } from \"@aws-sdk/client-s3\";\n",
     "new S3Client({})",
     "new PutObjectCommand({ Bucket: $NAME, Key: `events/${context.awsRequestId}.json`, Body: JSON.stringify(event) "
     "})"},
    {ServiceRole::EventBus, "import { EventBridgeClient, PutEventsCommand } from \"@aws-sdk/client-eventbridge\";\n",
     "new EventBridgeClient({})",
     "new PutEventsCommand({ Entries: [{ EventBusName: $NAME, Source: \"playground.starter\", DetailType: "
     "\"EventReceived\", Detail: JSON.stringify(event) }] })"},
    {ServiceRole::Stream, "import { KinesisClient, PutRecordCommand } from \"@aws-sdk/client-kinesis\";\n",
     "new KinesisClient({})",
     "new PutRecordCommand({ StreamName: $NAME, PartitionKey: context.awsRequestId, Data: "
     "Buffer.from(JSON.stringify(event)) })"},
    {ServiceRole::DeliveryStream,
     "import { FirehoseClient, PutRecordCommand as PutFirehoseRecord } from \"@aws-sdk/client-firehose\";\n",
     "new FirehoseClient({})",
     "new PutFirehoseRecord({ DeliveryStreamName: $NAME, Record: { Data: Buffer.from(JSON.stringify(event) + "
     "\"\\n\") } })"},
    {ServiceRole::StateMachine, "import { SFNClient, StartExecutionCommand } from \"@aws-sdk/client-sfn\";\n",
     "new SFNClient({})", "new StartExecutionCommand({ stateMachineArn: $NAME, input: JSON.stringify(event) })"},
    {ServiceRole::Function, "import { LambdaClient, InvokeCommand } from \"@aws-sdk/client-lambda\";\n",
     "new LambdaClient({})",
     "new InvokeCommand({ FunctionName: $NAME, InvocationType: \"Event\", Payload: JSON.stringify(event) })"},
};

std::string quoted(const std::string& s) {
    return Json(s).dump();
}

// The table's key attributes from its KeySchema (DynamoDB's default in the engine: "id").
std::string key_item(const NodeSpec& table) {
    std::string keys;
    bool any = false;
    if (auto ks = table.config.find("KeySchema"); ks != table.config.end() && ks->is_array())
        for (const Json& k : *ks)
            if (k.is_object() && k.contains("AttributeName") && k["AttributeName"].is_string()) {
                keys += (any ? ", " : "") + k["AttributeName"].get<std::string>() + ": context.awsRequestId";
                any = true;
            }
    if (!any) keys = "id: context.awsRequestId";
    return "{ " + keys + ", receivedAt: new Date().toISOString(), event }";
}

void replace_all(std::string& text, std::string_view from, const std::string& to) {
    for (std::size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size()))
        text.replace(at, from.size(), to);
}

Use use_for(ServiceRole role, const NodeSpec& target, const std::string& name, int n) {
    for (const RoleStarter& s : kStarters) {
        if (s.role != role) continue;
        const std::string c = "c" + std::to_string(n);
        std::string command = s.command;
        replace_all(command, "$NAME", quoted(name));
        if (role == ServiceRole::Table) replace_all(command, "$ITEM", key_item(target));
        return {s.imports, "const " + c + " = " + s.client + ";\n", "  await " + c + ".send(" + command + ");\n"};
    }
    return {};
}

}  // namespace

std::string lambda_starter_code(const Registry& reg, const Pattern& pattern, const std::string& function_id) {
    std::string imports, clients, calls;
    std::set<std::string> seen_imports;
    int n = 0;
    for (const EdgeSpec& e : pattern.edges) {
        if (e.from != function_id || (!e.port.empty() && e.port != "out")) continue;
        const NodeSpec* target = pattern.find_node(e.to);
        if (!target) continue;
        const Use u = use_for(reg.role_of(target->type), *target, lambda_resource_name(reg, *target), ++n);
        if (u.call.empty()) continue;
        if (seen_imports.insert(u.imports).second) imports += u.imports;
        clients += u.clients;
        calls += u.call;
    }
    std::string code =
        "// Starter handler: edit it and press Play. Code outside the handler runs once per\n"
        "// execution environment (INIT, a cold start); what it creates is reused while warm.\n";
    code += imports;
    if (!clients.empty()) code += "\n" + clients;
    code +=
        "\nexport const handler = async (event, context) => {\n"
        "  console.log(\"event\", JSON.stringify(event));\n";
    code += calls;
    code += "  return { statusCode: 200, body: JSON.stringify({ requestId: context.awsRequestId }) };\n};\n";
    return code;
}

}  // namespace sim::svc
