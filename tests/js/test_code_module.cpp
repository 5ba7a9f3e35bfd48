// test_code_module.cpp — a CodeEnvironment split in two halves joined only by JSON text, as the
// page joins itself to its code module: a handler must behave exactly as it does in one binary
// (same host requests and their sizes, same logs, same results, globals kept between
// invocations), and calls to an environment that is gone must not reach its old host.
#include "js/code_module.h"
#include "js/code_wire.h"

#include <doctest/doctest.h>

using namespace sim::js;

namespace {

// The JavaScript between the page and the module, as plain calls: text only.
struct TextWire final : ModuleCalls, HostCalls {
    CodeModule module{*this};
    int create(const std::string& spec) override { return module.create(spec); }
    std::string init(int env) override { return module.init(env); }
    std::string invoke(int env, const std::string& e, const std::string& c) override {
        return module.invoke(env, e, c);
    }
    std::string resume(int env, std::uint64_t call, const std::string& a) override {
        return module.resume(env, call, a);
    }
    double heap_used(int env) override { return module.heap_used(env); }
    void destroy(int env) override { module.destroy(env); }
    std::string check(const std::string& bundle) override { return CodeModule::check(bundle); }

    void request(int env, std::uint64_t call, const std::string& json, std::size_t bytes) override {
        deliver_host_request(env, call, json, bytes);
    }
    void log(int env, std::string_view level, std::string_view text) override { deliver_host_log(env, level, text); }
    double now_unix_ms(int env) override { return deliver_host_now(env); }
    double random(int env) override { return deliver_host_random(env); }
};

struct RecordingHost final : CodeHost {
    std::vector<std::tuple<std::uint64_t, Json, std::size_t>> requests;
    std::vector<std::string> logs;
    std::uint64_t draws = 0;
    void request(std::uint64_t call, const Json& r, std::size_t bytes) override {
        requests.emplace_back(call, r, bytes);
    }
    void log(std::string_view level, std::string_view text) override {
        logs.push_back(std::string(level) + " " + std::string(text));
    }
    double now_unix_ms() override { return 1'796'551'200'000.0; }
    double random() override { return static_cast<double>(draws++ % 10) / 10.0; }
};

const Json kContext = {{"awsRequestId", "req-1"},
                       {"functionName", "orders-fn"},
                       {"memoryLimitInMB", "128"},
                       {"deadlineUnixMs", 1'796'551'203'000.0}};

// Writes an order with the document client, logs, and counts its warm invocations in a global.
const CodeBundle kOrderCode{{{"index.mjs", R"(
import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { DynamoDBDocumentClient, PutCommand } from "@aws-sdk/lib-dynamodb";
const doc = DynamoDBDocumentClient.from(new DynamoDBClient({}));
let invocations = 0;
export const handler = async (event) => {
  invocations += 1;
  const id = crypto.randomUUID();
  console.log("order", event.sku, "at", new Date().toISOString());
  const out = await doc.send(new PutCommand({ TableName: process.env.TABLE, Item: { id, sku: event.sku, qty: 1.5 } }));
  return { id, invocations, status: out.$metadata.httpStatusCode, ratio: 1 / 3 };
};
)"}},
                            "index.handler"};

struct Run {
    RecordingHost host;
    std::vector<RunResult> results;
};

// Two invocations, each answered with an empty PutItem reply.
void run_orders(Run& run, CodeEnvironment& env) {
    REQUIRE(env.init().state == RunState::Returned);
    for (const char* sku : {"book", "lamp"}) {
        RunResult r = env.invoke({{"sku", sku}}, kContext);
        REQUIRE(r.state == RunState::Waiting);
        REQUIRE(!run.host.requests.empty());
        CallAnswer a;
        a.body = Json::object();
        run.results.push_back(env.resume(std::get<0>(run.host.requests.back()), a));
    }
}

}  // namespace

TEST_SUITE("js code module") {
    TEST_CASE("a handler behaves the same across the text bridge as in one binary") {
        const Json vars = {{"TABLE", "orders"}};
        Run direct, remote;
        auto d = create_code_environment(kOrderCode, vars, {}, direct.host);
        run_orders(direct, *d);
        TextWire wire;
        auto r = remote_code_environment(wire, kOrderCode, vars, {}, remote.host);
        run_orders(remote, *r);

        REQUIRE(remote.results.size() == 2);
        CHECK(remote.results[1].state == RunState::Returned);
        CHECK(remote.results[1].value["invocations"] == 2);  // the module's global survived the bridge
        CHECK(remote.results[1].value["status"] == 200);
        for (std::size_t i = 0; i < 2; ++i) CHECK(remote.results[i].value == direct.results[i].value);
        CHECK(remote.host.logs == direct.host.logs);
        REQUIRE(remote.host.requests.size() == direct.host.requests.size());
        for (std::size_t i = 0; i < direct.host.requests.size(); ++i) {
            CHECK(std::get<1>(remote.host.requests[i]) == std::get<1>(direct.host.requests[i]));
            CHECK(std::get<1>(remote.host.requests[i]).dump() == std::get<1>(direct.host.requests[i]).dump());
            CHECK(std::get<2>(remote.host.requests[i]) == std::get<2>(direct.host.requests[i]));
        }
        CHECK(r->heap_used() > 0);
    }

    TEST_CASE("a module's top-level await on a call waits at INIT across the bridge as in one binary") {
        const CodeBundle code{{{"index.mjs", R"(
import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { DynamoDBDocumentClient, GetCommand } from "@aws-sdk/lib-dynamodb";
const doc = DynamoDBDocumentClient.from(new DynamoDBClient({}));
const settings = (await doc.send(new GetCommand({ TableName: "config", Key: { id: "limits" } }))).Item;
export const handler = async () => settings.max;
)"}},
                              "index.handler"};
        // INIT waits on the GetItem; its answer finishes INIT, and the handler sees the global.
        auto run = [&](CodeEnvironment& env, RecordingHost& host) {
            const RunResult init = env.init();
            REQUIRE(init.state == RunState::Waiting);
            REQUIRE(host.requests.size() == 1);
            CHECK(std::get<1>(host.requests[0])["command"] == "GetItem");
            CallAnswer a;
            a.body = {{"Item", {{"id", "limits"}, {"max", 7}}}};  // the table's item as the engine holds it
            CHECK(env.resume(std::get<0>(host.requests[0]), a).state == RunState::Returned);
            return env.invoke(Json::object(), kContext);
        };
        RecordingHost direct_host, remote_host;
        auto d = create_code_environment(code, Json::object(), {}, direct_host);
        const RunResult direct = run(*d, direct_host);
        TextWire wire;
        auto r = remote_code_environment(wire, code, Json::object(), {}, remote_host);
        const RunResult remote = run(*r, remote_host);
        CHECK(direct.state == RunState::Returned);
        CHECK(direct.value == 7);
        CHECK(remote.value == direct.value);
    }

    TEST_CASE("errors cross the bridge with their type, message and trace") {
        const CodeBundle code{{{"index.js", "exports.handler = async () => { null.x; };"}}, "index.handler"};
        RecordingHost h1, h2;
        auto d = create_code_environment(code, Json::object(), {}, h1);
        TextWire wire;
        auto r = remote_code_environment(wire, code, Json::object(), {}, h2);
        REQUIRE(d->init().state == RunState::Returned);
        REQUIRE(r->init().state == RunState::Returned);
        const RunResult a = d->invoke(Json::object(), kContext), b = r->invoke(Json::object(), kContext);
        CHECK(b.state == RunState::Failed);
        CHECK(b.error_type == "TypeError");
        CHECK(b.error_type == a.error_type);
        CHECK(b.error_message == a.error_message);
        CHECK(b.trace == a.trace);
    }

    TEST_CASE("a runaway loop times out across the bridge") {
        const CodeBundle code{{{"index.js", "exports.handler = async () => { for (;;) {} };"}}, "index.handler"};
        RecordingHost h;
        TextWire wire;
        CodeLimits limits;
        limits.cpu_polls = 50;
        auto r = remote_code_environment(wire, code, Json::object(), limits, h);
        REQUIRE(r->init().state == RunState::Returned);
        CHECK(r->invoke(Json::object(), kContext).state == RunState::TimedOut);
    }

    TEST_CASE("syntax errors keep their file, line and column") {
        const CodeBundle code{{{"index.mjs", "export const handler = async () => {\n  return 1 +;\n};"}},
                              "index.handler"};
        TextWire wire;
        const std::vector<CodeProblem> remote = remote_check_code(wire, code), direct = check_code(code);
        REQUIRE(remote.size() == 1);
        CHECK(remote[0].file == "index.mjs");
        CHECK(remote[0].line == 2);
        CHECK(remote[0].message == direct[0].message);
        CHECK(remote[0].column == direct[0].column);
    }

    TEST_CASE("an environment that is gone gets no host calls and answers as gone") {
        TextWire wire;
        RecordingHost h;
        int handle = 0;
        {
            auto r = remote_code_environment(wire, kOrderCode, {{"TABLE", "orders"}}, {}, h);
            handle = wire.module.create("{}");  // the next handle, to learn the numbering
            wire.module.destroy(handle);
            handle -= 1;
        }
        deliver_host_log(handle, "INFO", "late");
        CHECK(h.logs.empty());
        const RunResult gone = result_from_json(Json::parse(wire.module.init(handle)));
        CHECK(gone.state == RunState::Failed);
    }
}
