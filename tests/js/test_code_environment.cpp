// test_code_environment.cpp — the JavaScript runtime on its own, with a scripted host: handler
// forms, module systems, INIT and warm globals, virtual time, seeded randomness, the CPU guard,
// the heap bound, syntax errors and the SDK's shapes as AWS documents them.
#include "js/code_environment.h"

#include <doctest/doctest.h>

#include <map>

using namespace sim::js;

namespace {

// Records requests and logs; answers nothing by itself.
struct ScriptedHost final : CodeHost {
    std::vector<std::pair<std::uint64_t, Json>> requests;
    std::vector<std::string> logs;
    double now = 1'700'000'000'000.0;
    std::uint64_t draws = 0;
    void request(std::uint64_t call, const Json& r, std::size_t) override { requests.emplace_back(call, r); }
    void log(std::string_view level, std::string_view text) override {
        logs.push_back(std::string(level) + " " + std::string(text));
    }
    double now_unix_ms() override { return now; }
    double random() override { return static_cast<double>((draws++ * 7919) % 1000) / 1000.0; }
};

using Files = std::vector<CodeFile>;

struct Env {
    ScriptedHost host;
    std::unique_ptr<CodeEnvironment> env;
    explicit Env(Files files, std::string handler = "index.handler", CodeLimits limits = {},
                 Json vars = Json::object()) {
        env = create_code_environment(CodeBundle{std::move(files), std::move(handler)}, vars, limits, host);
    }
    RunResult init() { return env->init(); }
    RunResult invoke(const Json& event = Json::object()) {
        return env->invoke(event, {{"awsRequestId", "req-1"},
                                   {"functionName", "fn"},
                                   {"memoryLimitInMB", "128"},
                                   {"deadlineUnixMs", host.now + 3000}});
    }
};

CallAnswer ok(Json body) {
    CallAnswer a;
    a.body = std::move(body);
    return a;
}

CallAnswer failure(std::string name, std::string message, int status) {
    CallAnswer a;
    a.ok = false;
    a.error_name = std::move(name);
    a.error_message = std::move(message);
    a.status = status;
    return a;
}

// 2026-12-06T10:00:00Z
double Date_ms_2026_12_06_10h() {
    return 1'796'551'200'000.0;
}

}  // namespace

TEST_SUITE("js runtime") {
    TEST_CASE("the interpreter is linked into the tests") {
        REQUIRE(code_runs_here());
    }

    TEST_CASE("an async ES module handler returns its value") {
        Env e(Files{{"index.mjs", "export const handler = async (event) => ({ statusCode: 200, body: event.name });"}});
        REQUIRE(e.init().state == RunState::Returned);
        RunResult r = e.invoke({{"name", "ada"}});
        CHECK(r.state == RunState::Returned);
        CHECK(r.value == Json{{"statusCode", 200}, {"body", "ada"}});
    }

    TEST_CASE("CommonJS: exports.handler, module.exports, callback handlers and require of own files") {
        Env a(Files{{"index.js", "exports.handler = async () => 1;"}});
        REQUIRE(a.init().state == RunState::Returned);
        CHECK(a.invoke().value == 1);

        Env b(Files{{"app.js",
                     "const { twice } = require('./lib/math');\n"
                     "module.exports = { run: (event, context, callback) => callback(null, twice(event.n)) };"},
                    {"lib/math.js", "exports.twice = (n) => n * 2;"}},
              "app.run");
        REQUIRE(b.init().state == RunState::Returned);
        CHECK(b.invoke({{"n", 21}}).value == 42);

        Env c(Files{{"index.js", "exports.handler = (e, ctx, cb) => cb(new Error('bad input'));"}});
        REQUIRE(c.init().state == RunState::Returned);
        RunResult r = c.invoke();
        CHECK(r.state == RunState::Failed);
        CHECK(r.error_type == "Error");
        CHECK(r.error_message == "bad input");
    }

    TEST_CASE("ES modules import their own files and the SDK by name") {
        Env e(Files{{"index.mjs",
                     "import { label } from './lib/label.mjs';\n"
                     "import { DynamoDBClient } from '@aws-sdk/client-dynamodb';\n"
                     "export const handler = async () => label(typeof DynamoDBClient);"},
                    {"lib/label.mjs", "export const label = (s) => `client is a ${s}`;"}});
        REQUIRE(e.init().state == RunState::Returned);
        CHECK(e.invoke().value == "client is a function");
    }

    TEST_CASE("module code runs once at INIT; globals persist across warm invocations") {
        Env e(Files{{"index.mjs",
                     "let count = 0; console.log('init');\n"
                     "export const handler = async () => ++count;"}});
        REQUIRE(e.init().state == RunState::Returned);
        CHECK(e.host.logs.size() == 1);
        CHECK(e.invoke().value == 1);
        CHECK(e.invoke().value == 2);
        CHECK(e.invoke().value == 3);
        // A new environment (after a reclaim) starts again.
        Env fresh(Files{{"index.mjs", "let count = 0;\nexport const handler = async () => ++count;"}});
        REQUIRE(fresh.init().state == RunState::Returned);
        CHECK(fresh.invoke().value == 1);
    }

    TEST_CASE("a missing handler is Runtime.HandlerNotFound; a missing file Runtime.ImportModuleError") {
        Env e(Files{{"index.mjs", "export const other = 1;"}});
        RunResult r = e.init();
        CHECK(r.state == RunState::Failed);
        CHECK(r.error_type == "Runtime.HandlerNotFound");
        CHECK(r.error_message == "index.handler is undefined or not exported");
        Env f(Files{{"main.mjs", "export const handler = 1;"}});
        CHECK(f.init().error_type == "Runtime.ImportModuleError");
    }

    TEST_CASE("a package the runtime lacks fails INIT with Node's message and what the playground has") {
        // Node.js: "Cannot find module 'x'" for require, "Cannot find package 'x'" for import.
        Env cjs(Files{{"index.js", "const gm = require('gm');\nexports.handler = async () => 1;"}});
        RunResult r = cjs.init();
        CHECK(r.state == RunState::Failed);
        CHECK(r.error_message.starts_with("Error: Cannot find module 'gm' ("));
        CHECK(r.error_message.find("node_modules are not loaded") != std::string::npos);
        Env esm(Files{{"index.mjs",
                       "import { ApiGatewayManagementApiClient } from "
                       "'@aws-sdk/client-apigatewaymanagementapi';\nexport const handler = async () => 1;"}});
        r = esm.init();
        CHECK(r.error_type == "Runtime.ImportModuleError");
        CHECK(r.error_message.find("Cannot find package '@aws-sdk/client-apigatewaymanagementapi'") !=
              std::string::npos);
        CHECK(r.error_message.find("simulates the AWS SDK clients client-dynamodb, lib-dynamodb") != std::string::npos);
    }

    TEST_CASE("an SDK call suspends the handler until the host answers") {
        Env e(Files{{"index.mjs",
                     "import { DynamoDBClient } from '@aws-sdk/client-dynamodb';\n"
                     "import { DynamoDBDocumentClient, PutCommand, GetCommand } from '@aws-sdk/lib-dynamodb';\n"
                     "const doc = DynamoDBDocumentClient.from(new DynamoDBClient({}));\n"
                     "export const handler = async (event) => {\n"
                     "  await doc.send(new PutCommand({ TableName: 'orders', Item: { id: event.id, n: 2 } }));\n"
                     "  const r = await doc.send(new GetCommand({ TableName: 'orders', Key: { id: event.id } }));\n"
                     "  return r.Item;\n"
                     "};"}});
        REQUIRE(e.init().state == RunState::Returned);
        RunResult r = e.invoke({{"id", "o-1"}});
        CHECK(r.state == RunState::Waiting);
        REQUIRE(e.host.requests.size() == 1);
        CHECK(e.host.requests[0].second ==
              Json{{"client", "dynamodb"},
                   {"command", "PutItem"},
                   {"input", {{"TableName", "orders"}, {"Item", {{"id", "o-1"}, {"n", 2}}}}}});
        r = e.env->resume(e.host.requests[0].first, ok(Json::object()));
        CHECK(r.state == RunState::Waiting);
        REQUIRE(e.host.requests.size() == 2);
        CHECK(e.host.requests[1].second["command"] == "GetItem");
        r = e.env->resume(e.host.requests[1].first, ok({{"Item", {{"id", "o-1"}, {"n", 2}}}}));
        CHECK(r.state == RunState::Returned);
        CHECK(r.value == Json{{"id", "o-1"}, {"n", 2}});
    }

    TEST_CASE("the low-level DynamoDB client speaks AttributeValues") {
        Env e(Files{{"index.mjs",
                     "import { DynamoDBClient, PutItemCommand, GetItemCommand } from '@aws-sdk/client-dynamodb';\n"
                     "const c = new DynamoDBClient({});\n"
                     "export const handler = async () => {\n"
                     "  await c.send(new PutItemCommand({ TableName: 't', Item: { id: { S: 'a' }, n: { N: '5' },\n"
                     "     tags: { SS: ['x'] }, ok: { BOOL: true } } }));\n"
                     "  return (await c.send(new GetItemCommand({ TableName: 't', Key: { id: { S: 'a' } } }))).Item;\n"
                     "};"}});
        REQUIRE(e.init().state == RunState::Returned);
        e.invoke();
        REQUIRE(e.host.requests.size() == 1);
        CHECK(e.host.requests[0].second["input"]["Item"] == Json{{"id", "a"}, {"n", 5}, {"tags", {"x"}}, {"ok", true}});
        e.env->resume(e.host.requests[0].first, ok(Json::object()));
        RunResult r = e.env->resume(e.host.requests[1].first, ok({{"Item", {{"id", "a"}, {"n", 5}}}}));
        CHECK(r.value == Json{{"id", {{"S", "a"}}}, {"n", {{"N", "5"}}}});
    }

    TEST_CASE("a failed call rejects with AWS's error shape; uncaught, it fails the invocation") {
        Env e(Files{
            {"index.mjs",
             "import { SQSClient, SendMessageCommand } from '@aws-sdk/client-sqs';\n"
             "const sqs = new SQSClient({});\n"
             "export const handler = async () => {\n"
             "  try { await sqs.send(new SendMessageCommand({ QueueUrl: 'q', MessageBody: 'x' })); }\n"
             "  catch (err) { return [err.name, err.$metadata.httpStatusCode, err.message, err instanceof Error]; }\n"
             "};"}});
        REQUIRE(e.init().state == RunState::Returned);
        e.invoke();
        RunResult r = e.env->resume(e.host.requests[0].first, failure("AccessDeniedException", "not authorized", 400));
        CHECK(r.value == Json{"AccessDeniedException", 400, "not authorized", true});
    }

    TEST_CASE("Promise.all sends every call before any answer") {
        Env e(Files{{"index.mjs",
                     "import { SNSClient, PublishCommand } from '@aws-sdk/client-sns';\n"
                     "const sns = new SNSClient({});\n"
                     "export const handler = async () => {\n"
                     "  const r = await Promise.all([1, 2, 3].map((n) =>\n"
                     "    sns.send(new PublishCommand({ TopicArn: 't', Message: String(n) }))));\n"
                     "  return r.map((x) => x.MessageId);\n"
                     "};"}});
        REQUIRE(e.init().state == RunState::Returned);
        CHECK(e.invoke().state == RunState::Waiting);
        REQUIRE(e.host.requests.size() == 3);
        e.env->resume(e.host.requests[2].first, ok({{"MessageId", "m3"}}));
        e.env->resume(e.host.requests[0].first, ok({{"MessageId", "m1"}}));
        RunResult r = e.env->resume(e.host.requests[1].first, ok({{"MessageId", "m2"}}));
        CHECK(r.value == Json{"m1", "m2", "m3"});
    }

    TEST_CASE("time is the host's clock, local time is UTC, randomness is the host's stream") {
        Env e(Files{{"index.mjs",
                     "export const handler = async () => [Date.now(), new Date().toISOString(),\n"
                     "  new Date().getHours(), new Date().getTimezoneOffset(), Math.random()];"}});
        REQUIRE(e.init().state == RunState::Returned);
        e.host.now = Date_ms_2026_12_06_10h();
        RunResult r = e.invoke();
        REQUIRE(r.state == RunState::Returned);
        CHECK(r.value[0] == e.host.now);
        CHECK(r.value[1] == "2026-12-06T10:00:00.000Z");
        CHECK(r.value[2] == 10);
        CHECK(r.value[3] == 0);
        CHECK(r.value[4].get<double>() >= 0);
        CHECK(e.host.draws == 1);
    }

    TEST_CASE("Date() without new is the simulated time as text; new Date() is still a Date") {
        // ECMA-262 21.4.2.1: called as a function, Date returns ToDateString(the current time value).
        Env e(Files{{"index.mjs",
                     "class Stamp extends Date {}\n"
                     "export const handler = async () => [Date(), new Date() instanceof Date,\n"
                     "  new Stamp(0).toISOString(), new Stamp(0) instanceof Stamp, Date.UTC(2026, 0, 1)];"}});
        REQUIRE(e.init().state == RunState::Returned);
        e.host.now = Date_ms_2026_12_06_10h();
        RunResult r = e.invoke();
        REQUIRE(r.state == RunState::Returned);
        CHECK(r.value[0] == "Sun Dec 06 2026 10:00:00 GMT+0000 (Coordinated Universal Time)");
        CHECK(r.value[1] == true);
        CHECK(r.value[2] == "1970-01-01T00:00:00.000Z");
        CHECK(r.value[3] == true);
        CHECK(r.value[4] == 1767225600000.0);
    }

    TEST_CASE("setTimeout waits on the host; fetch fails with a clear message") {
        Env e(Files{{"index.mjs",
                     "export const handler = async () => {\n"
                     "  await new Promise((r) => setTimeout(r, 250));\n"
                     "  try { await fetch('https://example.com'); } catch (err) { return err.message; }\n"
                     "};"}});
        REQUIRE(e.init().state == RunState::Returned);
        CHECK(e.invoke().state == RunState::Waiting);
        REQUIRE(e.host.requests.size() == 1);
        CHECK(e.host.requests[0].second == Json{{"client", "timer"}, {"ms", 250}});
        RunResult r = e.env->resume(e.host.requests[0].first, ok(nullptr));
        CHECK(r.value.get<std::string>().find("no network") != std::string::npos);
    }

    TEST_CASE("console lines carry Lambda's timestamp, request id and level") {
        Env e(Files{{"index.mjs",
                     "export const handler = async () => { console.log('hi', { a: 1 }); console.error('oops'); };"}});
        REQUIRE(e.init().state == RunState::Returned);
        e.host.now = Date_ms_2026_12_06_10h();
        e.invoke();
        REQUIRE(e.host.logs.size() == 2);
        CHECK(e.host.logs[0] == "INFO 2026-12-06T10:00:00.000Z\treq-1\tINFO\thi {\n  \"a\": 1\n}");
        CHECK(e.host.logs[1] == "ERROR 2026-12-06T10:00:00.000Z\treq-1\tERROR\toops");
    }

    TEST_CASE("process.env holds the function's variables; context has AWS's fields") {
        Env e(Files{{"index.mjs",
                     "export const handler = async (e, ctx) => [process.env.TABLE, ctx.functionName,\n"
                     "  ctx.awsRequestId, ctx.getRemainingTimeInMillis()];"}},
              "index.handler", {}, {{"TABLE", "orders"}});
        REQUIRE(e.init().state == RunState::Returned);
        CHECK(e.invoke().value == Json{"orders", "fn", "req-1", 3000});
    }

    TEST_CASE("a runaway loop is stopped by the CPU guard, the same way every time") {
        Env e(Files{{"index.mjs", "export const handler = async () => { for (;;) {} };"}}, "index.handler",
              CodeLimits{64u << 20, 50});
        REQUIRE(e.init().state == RunState::Returned);
        CHECK(e.invoke().state == RunState::TimedOut);
        Env loop_at_init(Files{{"index.mjs", "while (true) {}\nexport const handler = async () => 1;"}},
                         "index.handler", CodeLimits{64u << 20, 50});
        CHECK(loop_at_init.init().state == RunState::TimedOut);
    }

    TEST_CASE("a runaway allocation is an out-of-memory function error, not a crash") {
        Env e(Files{{"index.mjs",
                     "export const handler = async () => { const a = []; for (;;) a.push(new Array(1e5).fill(1)); };"}},
              "index.handler", CodeLimits{16u << 20, 100000});
        REQUIRE(e.init().state == RunState::Returned);
        RunResult r = e.invoke();
        CHECK(r.state == RunState::Failed);
        CHECK(r.error_message.find("out of memory") != std::string::npos);
    }

    TEST_CASE("syntax errors are found before any run, with file, line and column") {
        auto problems = check_code({{{"index.mjs", "export const handler = async () => {\n  return 1 +;\n};"}}});
        REQUIRE(problems.size() == 1);
        CHECK(problems[0].file == "index.mjs");
        CHECK(problems[0].line == 2);
        CHECK(problems[0].column > 0);
        CHECK(problems[0].message.starts_with("SyntaxError"));
        CHECK(check_code({{{"index.js", "exports.handler = async () => 1;"}}}).empty());
    }
}
