// test_response_streaming.cpp — handlers wrapped in awslambda.streamifyResponse, written as AWS's
// "Writing response streaming-enabled Lambda functions" shows: pipeline() from a Readable, write()
// and end(), and HttpResponseStream.from's status and headers. The caller receives the whole
// response, as API Gateway and BUFFERED function URLs do.
#include "js/code_environment.h"

#include <doctest/doctest.h>

using namespace sim::js;

namespace {

// Records the code's requests; run() answers its timers.
struct QuietHost final : CodeHost {
    std::vector<std::pair<std::uint64_t, Json>> requests;
    void request(std::uint64_t call, const Json& r, std::size_t) override { requests.emplace_back(call, r); }
    void log(std::string_view, std::string_view) override {}
    double now_unix_ms() override { return 1'700'000'000'000.0; }
    double random() override { return 0.25; }
};

RunResult run(const std::string& file, const std::string& code, const Json& event) {
    QuietHost host;
    auto env = create_code_environment(CodeBundle{{{file, code}}, "index.handler"}, Json::object(), {}, host);
    const RunResult init = env->init();
    REQUIRE(init.state == RunState::Returned);
    RunResult r = env->invoke(event, {{"awsRequestId", "r-1"}, {"functionName", "stream-fn"}});
    for (std::size_t answered = 0; r.state == RunState::Waiting && answered < host.requests.size(); ++answered) {
        REQUIRE(host.requests[answered].second["client"] == "timer");
        r = env->resume(host.requests[answered].first, CallAnswer{});
    }
    return r;
}

}  // namespace

TEST_CASE("streaming: AWS's echo example pipes the event back through the response stream") {
    const RunResult r =
        run("index.mjs",
            "import { pipeline } from 'node:stream/promises';\n"
            "import { Readable } from 'node:stream';\n"
            "export const handler = awslambda.streamifyResponse(async (event, responseStream, _context) "
            "=> {\n"
            "  const requestStream = Readable.from(Buffer.from(JSON.stringify(event)));\n"
            "  await pipeline(requestStream, responseStream);\n});\n",
            {{"order", "o-1"}, {"n", 2}});
    REQUIRE(r.state == RunState::Returned);
    CHECK(r.value == Json(Json{{"order", "o-1"}, {"n", 2}}.dump()));
}

TEST_CASE("streaming: write() and end() deliver the chunks in order") {
    const RunResult r = run("index.mjs",
                            "export const handler = awslambda.streamifyResponse(async (event, responseStream) => {\n"
                            "  responseStream.setContentType('text/plain');\n"
                            "  responseStream.write('Hello, ');\n"
                            "  await new Promise((ok) => setTimeout(ok, 50));\n"
                            "  responseStream.write(new TextEncoder().encode('world'));\n"
                            "  responseStream.end('!');\n});\n",
                            Json::object());
    REQUIRE(r.state == RunState::Returned);
    CHECK(r.value == "Hello, world!");
}

TEST_CASE("streaming: HttpResponseStream.from gives a function URL its status code and headers") {
    const RunResult r = run("index.mjs",
                            "export const handler = awslambda.streamifyResponse(async (event, responseStream) => {\n"
                            "  responseStream = awslambda.HttpResponseStream.from(responseStream, {\n"
                            "    statusCode: 201, headers: { 'Content-Type': 'application/json' } });\n"
                            "  responseStream.write(JSON.stringify({ created: event.id }));\n"
                            "  responseStream.end();\n});\n",
                            {{"id", "a-7"}});
    REQUIRE(r.state == RunState::Returned);
    CHECK(r.value["statusCode"] == 201);
    CHECK(r.value["headers"]["Content-Type"] == "application/json");
    CHECK(r.value["body"] == "{\"created\":\"a-7\"}");
}

TEST_CASE("streaming: CommonJS with util.promisify(stream.pipeline), and a failure is the function's error") {
    const RunResult r = run("index.js",
                            "const util = require('util');\nconst stream = require('stream');\n"
                            "const pipeline = util.promisify(stream.pipeline);\n"
                            "exports.handler = awslambda.streamifyResponse(async (event, responseStream) => {\n"
                            "  await pipeline(stream.Readable.from(['a', 'b', 'c']), responseStream);\n"
                            "  if (event.fail) throw new Error('after streaming');\n});\n",
                            Json::object());
    REQUIRE(r.state == RunState::Returned);
    CHECK(r.value == "abc");
    const RunResult failed = run("index.js",
                                 "exports.handler = awslambda.streamifyResponse(async (event, responseStream) => {\n"
                                 "  responseStream.end('partial');\n  throw new Error('after streaming');\n});\n",
                                 Json::object());
    CHECK(failed.state == RunState::Failed);
    CHECK(failed.error_message == "after streaming");
}

TEST_CASE("streaming: an S3 object's Body pipes into the response (SDK v3 and v2 createReadStream)") {
    for (const char* code :
         {"import { S3Client, GetObjectCommand } from '@aws-sdk/client-s3';\n"
          "import { pipeline } from 'node:stream/promises';\nconst s3 = new S3Client({});\n"
          "export const handler = awslambda.streamifyResponse(async (event, responseStream) => {\n"
          "  const o = await s3.send(new GetObjectCommand({ Bucket: 'docs', Key: 'a.txt' }));\n"
          "  await pipeline(o.Body, responseStream);\n});\n",
          "const AWS = require('aws-sdk');\nconst util = require('util');\nconst stream = require('stream');\n"
          "const s3 = new AWS.S3();\n"
          "exports.handler = awslambda.streamifyResponse(async (event, responseStream) => {\n"
          "  await util.promisify(stream.pipeline)(s3.getObject({ Bucket: 'docs', Key: 'a.txt' }).createReadStream(), "
          "responseStream);\n});\n"}) {
        CAPTURE(code);
        QuietHost host;
        const bool esm = std::string(code).starts_with("import");
        auto env = create_code_environment(CodeBundle{{{esm ? "index.mjs" : "index.js", code}}, "index.handler"},
                                           Json::object(), {}, host);
        REQUIRE(env->init().state == RunState::Returned);
        RunResult r = env->invoke(Json::object(), {{"awsRequestId", "r-1"}, {"functionName", "stream-fn"}});
        REQUIRE(r.state == RunState::Waiting);
        REQUIRE(host.requests.size() == 1);
        CHECK(host.requests[0].second["command"] == "GetObject");
        r = env->resume(host.requests[0].first, CallAnswer{true, Json{{"Body", "object text"}}, "", "", 200});
        REQUIRE(r.state == RunState::Returned);
        CHECK(r.value == "object text");
    }
}
