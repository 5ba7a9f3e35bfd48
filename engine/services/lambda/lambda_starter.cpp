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

Use use_for(ServiceRole role, const NodeSpec& target, const std::string& name, int n) {
    const std::string q = quoted(name), c = "c" + std::to_string(n);
    switch (role) {
        case ServiceRole::Table:
            return {
                "import { DynamoDBClient } from \"@aws-sdk/client-dynamodb\";\n"
                "import { DynamoDBDocumentClient, PutCommand } from \"@aws-sdk/lib-dynamodb\";\n",
                "const " + c + " = DynamoDBDocumentClient.from(new DynamoDBClient({}));\n",
                "  await " + c + ".send(new PutCommand({ TableName: " + q + ", Item: " + key_item(target) + " }));\n"};
        case ServiceRole::Queue:
            return {"import { SQSClient, SendMessageCommand } from \"@aws-sdk/client-sqs\";\n",
                    "const " + c + " = new SQSClient({});\n",
                    "  await " + c + ".send(new SendMessageCommand({ QueueUrl: " + q +
                        ", MessageBody: JSON.stringify(event) }));\n"};
        case ServiceRole::Topic:
            return {"import { SNSClient, PublishCommand } from \"@aws-sdk/client-sns\";\n",
                    "const " + c + " = new SNSClient({});\n",
                    "  await " + c + ".send(new PublishCommand({ TopicArn: " + q +
                        ", Message: JSON.stringify(event) }));\n"};
        case ServiceRole::ObjectStore:
            return {"import { S3Client, PutObjectCommand } from \"@aws-sdk/client-s3\";\n",
                    "const " + c + " = new S3Client({});\n",
                    "  await " + c + ".send(new PutObjectCommand({ Bucket: " + q +
                        ", Key: `events/${context.awsRequestId}.json`, Body: JSON.stringify(event) }));\n"};
        case ServiceRole::EventBus:
            return {"import { EventBridgeClient, PutEventsCommand } from \"@aws-sdk/client-eventbridge\";\n",
                    "const " + c + " = new EventBridgeClient({});\n",
                    "  await " + c + ".send(new PutEventsCommand({ Entries: [{ EventBusName: " + q +
                        ", Source: \"playground.starter\", DetailType: \"EventReceived\", Detail: "
                        "JSON.stringify(event) }] }));\n"};
        case ServiceRole::Stream:
            return {"import { KinesisClient, PutRecordCommand } from \"@aws-sdk/client-kinesis\";\n",
                    "const " + c + " = new KinesisClient({});\n",
                    "  await " + c + ".send(new PutRecordCommand({ StreamName: " + q +
                        ", PartitionKey: context.awsRequestId, Data: Buffer.from(JSON.stringify(event)) }));\n"};
        case ServiceRole::DeliveryStream:
            return {
                "import { FirehoseClient, PutRecordCommand as PutFirehoseRecord } from "
                "\"@aws-sdk/client-firehose\";\n",
                "const " + c + " = new FirehoseClient({});\n",
                "  await " + c + ".send(new PutFirehoseRecord({ DeliveryStreamName: " + q +
                    ", Record: { Data: Buffer.from(JSON.stringify(event) + \"\\n\") } }));\n"};
        case ServiceRole::StateMachine:
            return {"import { SFNClient, StartExecutionCommand } from \"@aws-sdk/client-sfn\";\n",
                    "const " + c + " = new SFNClient({});\n",
                    "  await " + c + ".send(new StartExecutionCommand({ stateMachineArn: " + q +
                        ", input: JSON.stringify(event) }));\n"};
        case ServiceRole::Function:
            return {"import { LambdaClient, InvokeCommand } from \"@aws-sdk/client-lambda\";\n",
                    "const " + c + " = new LambdaClient({});\n",
                    "  await " + c + ".send(new InvokeCommand({ FunctionName: " + q +
                        ", InvocationType: \"Event\", Payload: JSON.stringify(event) }));\n"};
        default:
            return {};
    }
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
