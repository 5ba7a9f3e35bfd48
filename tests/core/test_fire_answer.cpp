// test_fire_answer.cpp — Simulation::call, the playground's "wait for the answer" Fire: an event
// sent as a caller that waits, the way the Lambda console's Test button makes a synchronous
// (RequestResponse) invoke. The node's reply is kept and shown; nothing else about the run changes.
#include "support/test_support.h"

using namespace sim;
using namespace sim::test;

namespace {

// A function with `code` (DurationMs 20) behind an API Gateway and a client; no traffic.
std::string design(const std::string& code) {
    return R"({"format": "serverless-playground/1", "name": "t", "seed": 3,
      "nodes": [{"id": "u", "type": "client", "config": {}},
                {"id": "api", "type": "apigateway", "config": {}},
                {"id": "fn", "type": "lambda", "config": {"Runtime": "nodejs22.x", "DurationMs": 20,
                   "InlineCode": )" +
           Json(code).dump() + R"(}}],
      "edges": [{"from": "u", "to": "api"}, {"from": "api", "to": "fn", "config": {"Route": "POST /hello"}}]})";
}

const char* kGreeter = R"(export const handler = async (event) => {
  const who = event.name ?? JSON.parse(event.body ?? '{}').name;
  return { statusCode: 200, body: JSON.stringify({ hello: who }) };
};)";

}  // namespace

TEST_SUITE("fire answer") {
    TEST_CASE("a synchronous invoke's answer is the handler's return value, once its time has come") {
        auto s = build_ok(design(kGreeter));
        std::string error;
        const std::uint64_t call = s->call("fn", {{"name", "Ada"}}, error);
        REQUIRE(call != 0);
        CHECK(error.empty());
        CHECK(s->answer(call) == nullptr);  // nothing has run yet
        s->run_until(sec(1));
        const Simulation::Answer* a = s->answer(call);
        REQUIRE(a != nullptr);
        // Lambda's Invoke answers 200 with the handler's result as the payload.
        CHECK(a->reply.status == 200);
        CHECK(a->reply.ok());
        REQUIRE(a->reply.body);
        CHECK(*a->reply.body == Json({{"statusCode", 200}, {"body", R"({"hello":"Ada"})"}}));
        // A cold start (INIT) plus the handler's 20 ms: the answer cannot come sooner.
        CHECK(a->at >= msec(20));
        CHECK(a->at < sec(1));
        // Sync invokes do not go through the async queue: one invocation, no retries.
        CHECK(s->report()["nodes"]["fn"]["invocations"] == 1);
    }

    TEST_CASE("a handler that throws answers 200 with X-Amz-Function-Error: Unhandled and its error record") {
        auto s = build_ok(design("export const handler = async () => { throw new TypeError('no order'); };"));
        std::string error;
        const std::uint64_t call = s->call("fn", Json::object(), error);
        s->run_until(sec(1));
        const Simulation::Answer* a = s->answer(call);
        REQUIRE(a != nullptr);
        CHECK(a->reply.status == 200);
        CHECK(a->reply.error == "Unhandled");
        REQUIRE(a->reply.body);
        CHECK((*a->reply.body)["errorType"] == "TypeError");
        CHECK((*a->reply.body)["errorMessage"] == "no order");
    }

    TEST_CASE("through a client and API Gateway the answer is the HTTP response") {
        auto s = build_ok(design(kGreeter));
        std::string error;
        const std::uint64_t call =
            s->call("u", {{"method", "POST"}, {"path", "/hello"}, {"body", {{"name", "Lin"}}}}, error);
        REQUIRE(call != 0);
        s->run_until(sec(1));
        const Simulation::Answer* a = s->answer(call);
        REQUIRE(a != nullptr);
        CHECK(a->reply.status == 200);  // the proxy integration's statusCode
        REQUIRE(a->reply.body);
        CHECK(a->reply.body->dump().find("Lin") != std::string::npos);
        // The client counted the request as it counts its own traffic.
        CHECK(s->report()["nodes"]["u"]["responses_by_status"]["200"] == 1);
    }

    TEST_CASE("an unknown node is an error and no call is made") {
        auto s = build_ok(design(kGreeter));
        std::string error;
        CHECK(s->call("nope", Json::object(), error) == 0);
        CHECK(error == "no node has id 'nope'");
        CHECK(s->answer(12345) == nullptr);
    }

    TEST_CASE("a fired event (no caller) still runs as an asynchronous invoke") {
        auto s = build_ok(design("export const handler = async () => { throw new Error('x'); };"));
        CHECK(s->fire("fn", Json::object()).empty());
        s->run_until(sec(600));
        // Lambda retries a failed asynchronous invocation twice: three attempts.
        CHECK(s->report()["nodes"]["fn"]["invocations"] == 3);
    }
}
