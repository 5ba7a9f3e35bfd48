// test_lambda_code.cpp — Lambda functions whose handler is JavaScript, inside whole runs: SDK
// calls reach wired nodes in virtual time, INIT and warm globals follow the environment's life,
// timeouts and errors follow Lambda's rules, and an unwired resource is AccessDenied.
#include "support/test_support.h"

using namespace sim;
using namespace sim::test;

namespace {

// client → API (POST /orders) → function with `code` → table "orders" (node id orders-table).
std::string order_api(const std::string& code, const std::string& fn_extra = "", double rps = 1) {
    return R"({"format": "serverless-playground/1", "name": "t", "seed": 7,
      "nodes": [{"id": "u", "type": "client", "config": {}},
                {"id": "api", "type": "apigateway", "config": {}},
                {"id": "fn", "type": "lambda", "config": {"Runtime": "nodejs22.x", "DurationMs": 10,
                   "Environment": {"Variables": {"TABLE": {"Ref": "orders-table"}}},
                   "InlineCode": )" +
           Json(code).dump() + fn_extra + R"(}},
                {"id": "orders-table", "type": "dynamodb", "config": {"TableName": "orders",
                   "KeySchema": [{"AttributeName": "orderId", "KeyType": "HASH"}]}}],
      "edges": [{"from": "u", "to": "api"}, {"from": "api", "to": "fn"}, {"from": "fn", "to": "orders-table"}],
      "traffic": [{"id": "t", "source": "u", "arrival": "uniform", "request": {"method": "POST", "path": "/orders"},
                   "payload": {"orderId": "o-{{seq}}", "total": 42},
                   "profile": {"type": "constant", "rps": )" +
           std::to_string(rps) + "}}]}";
}

Json inspect(const Simulation& s, const std::string& id) {
    return s.node_inspect(node_index(s, id));
}

// The function's log lines that `console` wrote with `tag` as first word: the words after it.
std::vector<std::string> logged(const Simulation& s, const std::string& tag) {
    const Json view = inspect(s, "fn");
    std::vector<std::string> out;
    for (const Json& l : view["logs"])
        if (auto t = l.get<std::string>(); t.find("\tINFO\t" + tag + " ") != std::string::npos)
            out.push_back(t.substr(t.find("\tINFO\t" + tag + " ") + 7 + tag.size()));
    return out;
}

const char* kPutOrder = R"(import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb';
const doc = DynamoDBDocumentClient.from(new DynamoDBClient({}));
export const handler = async (event) => {
  const order = JSON.parse(event.body);  // API Gateway sends the body as JSON text
  await doc.send(new PutCommand({ TableName: process.env.TABLE, Item: { ...order, status: 'NEW' } }));
  return { statusCode: 201, body: JSON.stringify({ id: order.orderId }) };
};)";

}  // namespace

TEST_SUITE("lambda code") {
    TEST_CASE("an API-fronted handler writes with the document client; the API answers its statusCode") {
        auto s = build_ok(order_api(kPutOrder));
        s->run_until(sec(5));
        const Json table = inspect(*s, "orders-table");
        CHECK(table["item_count"] == 5);
        bool found = false;
        for (const Json& item : table["items"])
            if (item["orderId"] == "o-1") {
                found = true;
                CHECK(item["total"] == 42);
                CHECK(item["status"] == "NEW");
            }
        CHECK(found);
        const Json r = s->report();
        CHECK(r["nodes"]["fn"]["errors"] == 0);
        CHECK(counter(*s, "api", Counter::Errors) == 0);
        // 1 cold start, then warm: START, END and REPORT per invocation.
        const Json logs = inspect(*s, "fn")["logs"];
        REQUIRE(logs.size() >= 3);
        CHECK(logs[0].get<std::string>().starts_with("START RequestId: "));
        CHECK(logs[2].get<std::string>().find("Init Duration: ") != std::string::npos);
    }

    TEST_CASE("a call to a table that is not wired is AccessDeniedException, with a hint") {
        auto s = build_ok(order_api(R"(import { DynamoDBClient, PutItemCommand } from '@aws-sdk/client-dynamodb';
const c = new DynamoDBClient({});
export const handler = async () => {
  try { await c.send(new PutItemCommand({ TableName: 'elsewhere', Item: { orderId: { S: 'x' } } })); }
  catch (e) { console.log(e.name, e.message); return { statusCode: 403, body: e.name }; }
};)"));
        s->run_until(sec(2));
        CHECK(inspect(*s, "orders-table")["item_count"] == 0);
        const Json view = inspect(*s, "fn");
        const Json& logs = view["logs"];
        bool denied = false;
        for (const Json& l : logs)
            denied = denied || l.get<std::string>().find(
                                   "AccessDeniedException User: arn:aws:sts::123456789012:"
                                   "assumed-role/fn-role is not authorized to perform: "
                                   "dynamodb:PutItem on 'elsewhere'") != std::string::npos;
        CHECK(denied);
    }

    TEST_CASE("a module that cannot load logs the runtime's Uncaught Exception and INIT_REPORT lines") {
        // Node.js runtime: a missing package fails INIT with Runtime.ImportModuleError; the error record is
        // logged outside any request ("undefined" request id) and INIT_REPORT gives "Status: error" with the
        // error type (https://docs.aws.amazon.com/lambda/latest/dg/nodejs-handler.html, "Lambda init errors").
        auto s = build_ok(order_api("const gm = require('gm');\nexports.handler = async () => ({ statusCode: 200 });"));
        s->run_until(sec(2));
        CHECK(s->report()["nodes"]["fn"]["errors"].get<std::uint64_t>() >= 1);
        bool uncaught = false, init_report = false;
        const Json view = inspect(*s, "fn");
        for (const Json& l : view["logs"]) {
            const std::string t = l.get<std::string>();
            uncaught |= t.find("\tundefined\tERROR\tUncaught Exception \t") != std::string::npos &&
                        t.find("\"errorType\":\"Runtime.ImportModuleError\"") != std::string::npos &&
                        t.find("Cannot find module 'gm'") != std::string::npos;
            init_report |= t.starts_with("INIT_REPORT Init Duration: ") &&
                           t.ends_with("\tPhase: init\tStatus: error\tError Type: Runtime.ImportModuleError");
        }
        CHECK(uncaught);
        CHECK(init_report);
    }

    TEST_CASE("module globals persist across warm invocations and are lost when the environment is reclaimed") {
        const char* counter_code = R"(let n = 0;
export const handler = async () => { n += 1; console.log('count', n); return { statusCode: 200, body: String(n) }; };)";
        // One request a second for 3 s: one environment serves all three (1, 2, 3).
        auto s = build_ok(order_api(counter_code));
        s->run_until(sec(2) + from_ms(500));
        CHECK(logged(*s, "count") == std::vector<std::string>{"1", "2", "3"});

        // EnvironmentIdleSeconds 60 and one request every 100 s: every request starts cold.
        auto sparse = build_ok(order_api(counter_code, R"(, "EnvironmentIdleSeconds": 60)", 0.01));
        sparse->run_until(sec(250));
        CHECK(logged(*sparse, "count") == std::vector<std::string>{"1", "1", "1"});
        CHECK(sparse->report()["nodes"]["fn"]["environments"] == 1);
    }

    TEST_CASE("Promise.all of writes waits for the slowest, not the sum; a thrown error is a 502") {
        auto s = build_ok(order_api(R"(import { DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
const doc = DynamoDBDocumentClient.from(new DynamoDBClient({}));
export const handler = async (event) => {
  const t0 = Date.now();
  const done = await Promise.all(['a', 'b', 'c'].map((k) =>
    doc.send(new PutCommand({ TableName: 'orders', Item: { orderId: k } })).then(() => Date.now() - t0)));
  const total = Date.now() - t0;
  for (const k of ['d', 'e', 'f']) await doc.send(new PutCommand({ TableName: 'orders', Item: { orderId: k } }));
  console.log('timing', total, Math.max(...done), done.reduce((a, b) => a + b, 0));
  throw new Error('boom');
};)"));
        s->run_until(sec(1) + from_ms(500));
        CHECK(inspect(*s, "orders-table")["item_count"] == 6);
        double total = -1, slowest = -1, sum = -1;
        const std::vector<std::string> timing = logged(*s, "timing");
        REQUIRE(!timing.empty());
        std::sscanf(timing[0].c_str(), "%lf %lf %lf", &total, &slowest, &sum);
        REQUIRE(total > 0);
        CHECK(total == slowest);  // the three writes overlap: done when the slowest is
        CHECK(total < sum);
        CHECK(counter(*s, "api", Counter::Errors) >= 1);
    }

    TEST_CASE("a runaway loop times out at the function's Timeout and its environment is replaced") {
        auto s = build_ok(order_api("export const handler = async () => { for (;;) {} };", R"(, "Timeout": 2)"));
        s->run_until(sec(1) + from_ms(100));
        CHECK(counter(*s, "fn", Counter::Timeouts) == 0);  // still "running" until the deadline
        s->run_until(sec(4));
        CHECK(counter(*s, "fn", Counter::Timeouts) >= 1);
    }

    TEST_CASE("a syntax error is a build error with file, line and column") {
        auto d = build_errors(order_api("export const handler = async () => {\n  return 1 +;\n};"));
        bool found = false;
        for (const auto& e : d.items())
            found = found || (e.path == "/nodes/2/config/InlineCode" && e.message.starts_with("index.js:2:"));
        CHECK(found);
    }
}

TEST_SUITE("lambda code") {
    TEST_CASE("a Kinesis handler's partial batch failure names the record by its sequence number") {
        // Record 3 fails the first time it is seen; AWS retries the batch from that record, so
        // records 0..2 are processed once and 3 twice.
        const Json code = R"js(const seen = new Set();
export const handler = async (event) => {
  for (const r of event.Records) {
    const n = JSON.parse(Buffer.from(r.kinesis.data, 'base64').toString('utf8')).n;
    if (n === 3 && !seen.has(n)) { seen.add(n); console.log('failed', n); return { batchItemFailures: [{ itemIdentifier: r.kinesis.sequenceNumber }] }; }
    console.log('processed', n);
  }
  return { batchItemFailures: [] };
};)js";
        const std::string p = R"({"format": "serverless-playground/1", "name": "k", "seed": 3,
          "nodes": [{"id": "s", "type": "kinesis", "config": {}},
                    {"id": "fn", "type": "lambda", "config": {"Runtime": "nodejs22.x", "InlineCode": )" +
                              code.dump() + R"(}}],
          "edges": [{"from": "s", "to": "fn", "config": {"BatchSize": 10, "FunctionResponseTypes": ["ReportBatchItemFailures"]}}]})";
        auto s = build_ok(p);
        for (int i = 0; i < 6; ++i)
            s->fire("s", {{"operation", "PutRecord"}, {"PartitionKey", "k"}, {"Data", {{"n", i}}}});
        s->run_until(sec(30));
        CHECK(logged(*s, "failed") == std::vector<std::string>{"3"});
        CHECK(logged(*s, "processed") == std::vector<std::string>{"0", "1", "2", "3", "4", "5"});
    }

    TEST_CASE("a Firehose transformation in code: ProcessingFailed records go to the error prefix") {
        const Json code = R"js(export const handler = async (event) => ({
  records: event.records.map((r) => {
    const n = JSON.parse(Buffer.from(r.data, 'base64').toString()).n;
    return { recordId: r.recordId, result: n % 4 === 0 ? 'ProcessingFailed' : 'Ok',
             data: Buffer.from(JSON.stringify({ n, double: n * 2 })).toString('base64') };
  }),
});)js";
        const std::string p = R"({"format": "serverless-playground/1", "name": "f", "seed": 3,
          "nodes": [{"id": "fh", "type": "firehose", "config": {"BufferingHints": {"IntervalInSeconds": 10}}},
                    {"id": "bucket", "type": "s3", "config": {}},
                    {"id": "tx", "type": "lambda", "config": {"Runtime": "nodejs22.x", "InlineCode": )" +
                              code.dump() + R"(}}],
          "edges": [{"from": "fh", "to": "bucket"}, {"from": "fh", "port": "transform", "to": "tx"}]})";
        auto s = build_ok(p);
        for (int i = 0; i < 100; ++i) s->fire("fh", {{"operation", "PutRecord"}, {"Record", {{"Data", {{"n", i}}}}}});
        s->run_until(sec(30));
        const Json r = s->report()["nodes"]["fh"];
        CHECK(r["records_failed_processing"] == 25);
        CHECK(r["records_delivered"] == 75);
    }

    TEST_CASE("a module's top-level await keeps INIT open until it settles; warm invocations reuse its result") {
        // Node.js ES modules may await at top level; Lambda's INIT lasts until the module has
        // loaded, and the REPORT line's Init Duration includes the wait.
        auto s = build_ok(order_api(R"js(import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
const doc = DynamoDBDocumentClient.from(new DynamoDBClient({}));
const t0 = Date.now();
await new Promise((r) => setTimeout(r, 300));
const settings = await doc.send(new GetCommand({ TableName: process.env.TABLE, Key: { orderId: 'settings' } }));
console.log('init', Date.now() - t0 >= 300, settings.Item === undefined);
export const handler = async () => { console.log('handler', 'ran'); return { statusCode: 200, body: 'ok' }; };)js"));
        s->run_until(sec(2) + from_ms(500));
        CHECK(logged(*s, "init") == std::vector<std::string>{"true true"});
        CHECK(logged(*s, "handler").size() == 3);  // one cold start, then two warm invocations
        CHECK(s->report()["nodes"]["fn"]["cold_starts"] == 1);
        CHECK(s->report()["nodes"]["orders-table"]["reads"] == 1);  // the read ran once, at INIT
        std::vector<double> init_ms;
        const Json view = inspect(*s, "fn");
        for (const Json& l : view["logs"]) {
            const std::string line = l.get<std::string>();
            if (const auto at = line.find("Init Duration: "); at != std::string::npos)
                init_ms.push_back(std::atof(line.c_str() + at + 15));
        }
        REQUIRE(init_ms.size() == 1);
        CHECK(init_ms[0] >= 300);
        CHECK(s->report()["nodes"]["u"]["responses_by_status"]["200"] == 3);
    }

    TEST_CASE("a top-level await that rejects fails INIT: the invocation is a function error") {
        auto s = build_ok(order_api(R"js(import { SQSClient, SendMessageCommand } from '@aws-sdk/client-sqs';
await new SQSClient({}).send(new SendMessageCommand({ QueueUrl: 'not-wired', MessageBody: 'x' }));
export const handler = async () => ({ statusCode: 200 });)js"));
        s->run_until(sec(1) + from_ms(500));
        // A function error behind API Gateway is a 502; each request starts a new INIT that fails.
        CHECK(s->report()["nodes"]["u"]["responses_by_status"]["502"] == 2);
        CHECK(s->report()["nodes"]["fn"]["errors"] == 2);
    }

    TEST_CASE("clearTimeout cancels a timer; setTimeout waits in virtual time") {
        auto s = build_ok(order_api(R"js(export const handler = async () => {
  const t0 = Date.now();
  const cancelled = setTimeout(() => console.log('fired', 'cancelled'), 5);
  clearTimeout(cancelled);
  await new Promise((r) => setTimeout(r, 250));
  console.log('waited', Date.now() - t0);
  return { statusCode: 204 };
};)js"));
        s->run_until(sec(1));
        CHECK(logged(*s, "fired").empty());
        CHECK(logged(*s, "waited") == std::vector<std::string>{"250"});
    }
}

TEST_SUITE("lambda code") {
    TEST_CASE("the v2 SDK style: require('aws-sdk'), DocumentClient().put(p).promise() and callbacks") {
        auto s = build_ok(order_api(R"js(const AWS = require('aws-sdk');
const doc = new AWS.DynamoDB.DocumentClient();
exports.handler = async (event) => {
  const order = JSON.parse(event.body);
  await doc.put({ TableName: process.env.TABLE, Item: { orderId: order.orderId, via: 'v2' } }).promise();
  const got = await new Promise((resolve, reject) =>
    doc.get({ TableName: process.env.TABLE, Key: { orderId: order.orderId } }, (err, data) => (err ? reject(err) : resolve(data))));
  console.log('read', got.Item.via);
  return { statusCode: 201 };
};)js"));
        s->run_until(sec(2) + from_ms(500));
        CHECK(logged(*s, "read") == std::vector<std::string>{"v2", "v2", "v2"});
        CHECK(inspect(*s, "orders-table")["item_count"] == 3);
    }
}

TEST_SUITE("lambda code") {
    TEST_CASE("request ids are UUIDs, different across functions and the same in every run") {
        // Lambda's request id is a UUID per invocation; two functions never share one.
        const char* design = R"({"format": "serverless-playground/1", "name": "ids", "seed": 3,
          "nodes": [{"id": "first", "type": "lambda", "config": {"Runtime": "nodejs22.x", "InlineCode":
                       "import { LambdaClient, InvokeCommand } from '@aws-sdk/client-lambda';\nconst c = new LambdaClient({});\nexport const handler = async (e) => { await c.send(new InvokeCommand({ FunctionName: 'second', Payload: '{}' })); };"}},
                    {"id": "second", "type": "lambda", "config": {"Runtime": "nodejs22.x", "InlineCode":
                       "exports.handler = async () => 1;"}}],
          "edges": [{"from": "first", "to": "second"}]})";
        auto start_id = [&](Simulation& s, const std::string& fn) {
            const std::string line = inspect(s, fn)["logs"][0].get<std::string>();
            REQUIRE(line.starts_with("START RequestId: "));
            return line.substr(17, 36);
        };
        auto run = [&] {
            auto s = build_ok(design);
            REQUIRE(s->fire("first", Json::object()).empty());
            s->run_until(sec(5));
            return std::pair{start_id(*s, "first"), start_id(*s, "second")};
        };
        const auto [a, b] = run();
        for (const std::string& id : {a, b}) {
            CHECK(id.size() == 36);
            CHECK(id[8] == '-');
            CHECK(id[14] == '4');  // version 4 layout
            CHECK(id.find_first_not_of("0123456789abcdef-") == std::string::npos);
        }
        CHECK(a != b);
        CHECK(run() == std::pair{a, b});
    }
}
