// test_lambda_sdk.cpp — every AWS SDK command the runtime offers, sent by a JavaScript handler to
// a real wired service, with the output AWS documents: S3 ETag (the MD5 of a single-part object's
// bytes, quoted) and GetObject's Body, SQS/SNS MessageId, PutEvents' FailedEntryCount and
// Entries, StartExecution's executionArn, Kinesis ShardId/SequenceNumber, Firehose RecordId,
// Lambda Invoke's StatusCode/Payload/FunctionError, and S3's NoSuchKey error.
// https://docs.aws.amazon.com/AmazonS3/latest/API/API_Object.html (ETag), API_GetObject.html,
// https://docs.aws.amazon.com/lambda/latest/api/API_Invoke.html, and each service's API reference.
#include "support/test_support.h"

#include <map>

using namespace sim;
using namespace sim::test;

namespace {

const char* kHandler = R"js(import { S3Client, PutObjectCommand, GetObjectCommand } from '@aws-sdk/client-s3';
import { SQSClient, SendMessageCommand } from '@aws-sdk/client-sqs';
import { SNSClient, PublishCommand } from '@aws-sdk/client-sns';
import { EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import { SFNClient, StartExecutionCommand } from '@aws-sdk/client-sfn';
import { KinesisClient, PutRecordCommand } from '@aws-sdk/client-kinesis';
import { FirehoseClient, PutRecordCommand as FhPut } from '@aws-sdk/client-firehose';
import { LambdaClient, InvokeCommand } from '@aws-sdk/client-lambda';
const s3 = new S3Client({});
const run = async (name, p) => {
  try { const r = await p; delete r.$metadata; console.log('result', name, JSON.stringify(r)); }
  catch (e) { console.log('error', name, e.name, e.message); }
};
export const handler = async () => {
  await run('InvokeError', new LambdaClient({}).send(new InvokeCommand({ FunctionName: 'helper', Payload: JSON.stringify({ fail: true }) })).then((r) => ({ FunctionError: r.FunctionError, Payload: new TextDecoder().decode(r.Payload) })));
  await run('NoSuchKey', s3.send(new GetObjectCommand({ Bucket: 'docs', Key: 'missing.txt' })));
  await run('PutObject', s3.send(new PutObjectCommand({ Bucket: 'docs', Key: 'a.txt', Body: 'hello' })));
  await run('GetObject', s3.send(new GetObjectCommand({ Bucket: 'docs', Key: 'a.txt' })).then(async (r) => ({ text: await r.Body.transformToString(), len: r.ContentLength })));
  await run('SendMessage', new SQSClient({}).send(new SendMessageCommand({ QueueUrl: process.env.Q, MessageBody: '{"a":1}' })));
  await run('Publish', new SNSClient({}).send(new PublishCommand({ TopicArn: process.env.T, Message: 'hi' })));
  await run('PutEvents', new EventBridgeClient({}).send(new PutEventsCommand({ Entries: [{ Source: 'app', DetailType: 'x', Detail: '{"k":1}', EventBusName: 'orders-bus' }] })));
  await run('StartExecution', new SFNClient({}).send(new StartExecutionCommand({ stateMachineArn: process.env.SM, input: '{"n":1}' })));
  await run('PutRecord', new KinesisClient({}).send(new PutRecordCommand({ StreamName: 'clicks', PartitionKey: 'p', Data: new TextEncoder().encode('{"c":1}') })));
  await run('FirehosePut', new FirehoseClient({}).send(new FhPut({ DeliveryStreamName: 'logs', Record: { Data: new TextEncoder().encode('line') } })));
  await run('Invoke', new LambdaClient({}).send(new InvokeCommand({ FunctionName: 'helper', Payload: JSON.stringify({ q: 2 }) })).then((r) => ({ StatusCode: r.StatusCode, Payload: new TextDecoder().decode(r.Payload) })));
  return 'ok';
};
)js";

const char* kHelper =
    R"js(export const handler = async (event) => { if (event.fail) throw new TypeError('no good'); return { doubled: event.q * 2 }; };)js";

std::string sdk_pattern() {
    Json p = {{"format", "serverless-playground/1"}, {"name", "sdk"}, {"seed", 1}};
    p["nodes"] = Json::array();
    auto node = [&](const char* id, const char* type, Json config) {
        p["nodes"].push_back({{"id", id}, {"type", type}, {"config", std::move(config)}});
    };
    node("u", "client", Json::object());
    node("fn", "lambda",
         {{"Runtime", "nodejs22.x"},
          {"Timeout", 30},
          {"InlineCode", kHandler},
          {"Environment",
           {{"Variables", {{"Q", {{"Ref", "jobs"}}}, {"T", {{"Ref", "alerts"}}}, {"SM", {{"Ref", "flow"}}}}}}}});
    node("docs", "s3", Json::object());
    node("jobs", "sqs", Json::object());
    node("alerts", "sns", Json::object());
    node("orders-bus", "eventbridge", Json::object());
    node("flow", "stepfunctions",
         {{"Definition", {{"StartAt", "P"}, {"States", {{"P", {{"Type", "Pass"}, {"End", true}}}}}}}});
    node("clicks", "kinesis", Json::object());
    node("logs", "firehose", Json::object());
    node("helper", "lambda", {{"Runtime", "nodejs22.x"}, {"InlineCode", kHelper}});
    p["edges"] = {{{"from", "u"}, {"to", "fn"}}, {{"from", "logs"}, {"to", "docs"}}};
    for (const char* t : {"docs", "jobs", "alerts", "orders-bus", "flow", "clicks", "logs", "helper"})
        p["edges"].push_back({{"from", "fn"}, {"to", t}});
    p["traffic"] = {
        {{"id", "t"}, {"source", "u"}, {"arrival", "uniform"}, {"profile", {{"type", "constant"}, {"rps", 0.01}}}}};
    return p.dump();
}

// "result NAME {json}" / "error NAME ErrorName message" lines the handler logged, by NAME.
std::map<std::string, std::string> outcomes(const Simulation& s) {
    const Json view = s.node_inspect(node_index(s, "fn"));
    std::map<std::string, std::string> out;
    for (const Json& l : view["logs"]) {
        const std::string t = l.get<std::string>();
        const std::size_t at = t.find("\tINFO\t");
        if (at == std::string::npos) continue;
        const std::string line = t.substr(at + 6);
        const std::size_t sp1 = line.find(' '), sp2 = line.find(' ', sp1 + 1);
        out[line.substr(sp1 + 1, sp2 - sp1 - 1)] = line.substr(0, sp1) + " " + line.substr(sp2 + 1);
    }
    return out;
}

Json result_json(const std::map<std::string, std::string>& o, const std::string& name) {
    auto it = o.find(name);
    REQUIRE_MESSAGE(it != o.end(), "no outcome for " << name);
    REQUIRE_MESSAGE(it->second.starts_with("result "), name << ": " << it->second);
    return Json::parse(it->second.substr(7));
}

bool is_uuid(const Json& v) {
    if (!v.is_string()) return false;
    const std::string s = v.get<std::string>();
    return s.size() == 36 && s[8] == '-' && s[13] == '-' && s[14] == '4' && s[18] == '-' && s[23] == '-';
}

}  // namespace

TEST_SUITE("lambda sdk") {
    TEST_CASE("each SDK command reaches its wired service and returns AWS's output shape") {
        auto s = build_ok(sdk_pattern());
        s->run_until(sec(20));
        const auto o = outcomes(*s);
        // S3: ETag is the MD5 of the bytes, in quotes; GetObject returns the stored text.
        CHECK(result_json(o, "PutObject") == Json{{"ETag", "\"5d41402abc4b2a76b9719d911017c592\""}});
        CHECK(result_json(o, "GetObject") == Json{{"text", "hello"}, {"len", 5}});
        CHECK(o.at("NoSuchKey").starts_with("error NoSuchKey "));
        CHECK(is_uuid(result_json(o, "SendMessage")["MessageId"]));
        CHECK(is_uuid(result_json(o, "Publish")["MessageId"]));
        const Json events = result_json(o, "PutEvents");
        CHECK(events["FailedEntryCount"] == 0);
        CHECK(events["Entries"].size() == 1);
        CHECK(result_json(o, "StartExecution")["executionArn"].get<std::string>().starts_with(
            "arn:aws:states:us-east-1:123456789012:execution:flow:"));
        const Json put = result_json(o, "PutRecord");
        CHECK(put["ShardId"] == "shardId-000000000000");
        CHECK(put["SequenceNumber"].is_string());
        const Json fh = result_json(o, "FirehosePut");
        CHECK(is_uuid(fh["RecordId"]));
        CHECK(fh["Encrypted"] == false);
        // Invoke: the function's result as the Payload; a thrown error is FunctionError, not an exception.
        CHECK(result_json(o, "Invoke") == Json{{"StatusCode", 200}, {"Payload", "{\"doubled\":4}"}});
        const Json failed = result_json(o, "InvokeError");
        CHECK(failed["FunctionError"] == "Unhandled");
        CHECK(Json::parse(failed["Payload"].get<std::string>())["errorType"] == "TypeError");

        // The side effects are the services' own.
        const Json docs = s->node_inspect(node_index(*s, "docs"));
        CHECK(docs["objects"][0] == Json{{"Key", "a.txt"}, {"Size", 5}, {"Body", "hello"}});
        const Json report = s->report();
        CHECK(report["nodes"]["jobs"]["messages_in"] == 1);
        CHECK(report["nodes"]["alerts"]["messages_in"] == 1);
        CHECK(report["nodes"]["flow"]["messages_in"] == 1);
        CHECK(report["nodes"]["helper"]["invocations"] == 2);
        CHECK(report["nodes"]["fn"]["errors"] == 0);
    }
}
