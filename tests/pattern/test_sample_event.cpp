// test_sample_event.cpp — the Fire dialog's sample fits the design it is fired into: fired as
// offered, it reaches the tables downstream and is stored, with no "missing the key attribute"
// failure (issue 20, item 7: a fresh table's key is 'id' while the old sample carried 'orderId').
#include "pattern/sample_event.h"
#include "services/all_services.h"
#include "support/test_support.h"

using namespace sim;
using sim::test::build_ok;
using sim::test::counter;

namespace {

Pattern parse(const std::string& json) {
    ParseResult r = parse_pattern(json);
    REQUIRE(r.ok());
    return r.pattern;
}

// Fires the sample for `node` into a fresh simulation of `json` and returns the report.
Json fire_sample(const std::string& json, const std::string& node) {
    const Json event = sample_event(default_registry(), parse(json), node);
    MESSAGE(node << " sample: " << event.dump());
    auto s = build_ok(json);
    CHECK(s->fire(node, event).empty());
    s->run_until(sec(30));
    for (std::size_t i = 0; i < s->node_count(); ++i) {
        CAPTURE(s->node_id(i));
        CHECK(s->node_metrics(i).get(Counter::Errors) == 0);
    }
    return s->report();
}

const char* kFreshApi = R"({"format": "serverless-playground/1",
  "nodes": [ {"id": "web", "type": "client"}, {"id": "api", "type": "apigateway"},
             {"id": "fn", "type": "lambda", "config": {"Actions": [{"target": "table", "operation": "PutItem", "Item": "$.body"}]}},
             {"id": "table", "type": "dynamodb"} ],
  "edges": [ {"from": "web", "to": "api"}, {"from": "api", "to": "fn"}, {"from": "fn", "to": "table"} ] })";

}  // namespace

TEST_SUITE("sample event") {
    TEST_CASE("a fresh table's key is 'id': the sample fired at the client carries it and the item is stored") {
        const Json event = sample_event(default_registry(), parse(kFreshApi), "web");
        CHECK(event["body"].contains("id"));
        CHECK(event["body"]["orderId"] == "order-1");  // the generic order fields stay
        for (const std::string node : {"web", "api", "fn"}) {
            CAPTURE(node);
            const Json report = fire_sample(kFreshApi, node);
            CHECK(report["nodes"]["table"]["items"] == 1);
        }
    }

    TEST_CASE("fired into a function that writes each event as it comes, the key sits at the event's root") {
        // The action a wiring adds by default (no Item): Lambda writes the whole event it got, so
        // an event fired into the function itself must carry the table's key at its top level.
        const std::string json = R"({"format": "serverless-playground/1",
          "nodes": [ {"id": "fn", "type": "lambda", "config": {"Actions": [{"target": "orders", "operation": "PutItem"}]}},
                     {"id": "orders", "type": "dynamodb", "config": {"KeySchema": [{"AttributeName": "pk", "KeyType": "HASH"}],
                       "AttributeDefinitions": [{"AttributeName": "pk", "AttributeType": "S"}]}} ],
          "edges": [ {"from": "fn", "to": "orders"} ] })";
        const Json event = sample_event(default_registry(), parse(json), "fn");
        CHECK(event.contains("pk"));
        CHECK(event["body"]["orderId"] == "order-1");  // the function's usual sample stays
        CHECK(fire_sample(json, "fn")["nodes"]["orders"]["items"] == 1);
    }

    TEST_CASE("a function that maps fields gets those fields, nested ones included") {
        const std::string json = R"({"format": "serverless-playground/1",
          "nodes": [ {"id": "fn", "type": "lambda", "config": {"Actions": [
                       {"target": "orders", "operation": "PutItem", "Item": {"orderNo": "$.body.order.no", "kind": "sale"}}]}},
                     {"id": "orders", "type": "dynamodb", "config": {"KeySchema": [{"AttributeName": "orderNo", "KeyType": "HASH"}],
                       "AttributeDefinitions": [{"AttributeName": "orderNo", "AttributeType": "N"}]}} ],
          "edges": [ {"from": "fn", "to": "orders"} ] })";
        const Json event = sample_event(default_registry(), parse(json), "fn");
        CHECK(event["body"]["order"]["no"] == 1);  // a Number key gets a number
        CHECK(fire_sample(json, "fn")["nodes"]["orders"]["items"] == 1);
    }

    TEST_CASE("fired straight into a table, the sample has its hash and range keys") {
        const std::string json = R"({"format": "serverless-playground/1",
          "nodes": [ {"id": "t", "type": "dynamodb", "config": {"KeySchema": [{"AttributeName": "pk", "KeyType": "HASH"},
                       {"AttributeName": "sk", "KeyType": "RANGE"}],
                       "AttributeDefinitions": [{"AttributeName": "pk", "AttributeType": "S"}, {"AttributeName": "sk", "AttributeType": "N"}]}} ],
          "edges": [] })";
        const Json event = sample_event(default_registry(), parse(json), "t");
        CHECK(event["operation"] == "PutItem");
        CHECK(event["Item"]["pk"] == "pk-1");
        CHECK(event["Item"]["sk"] == 1);
        CHECK(fire_sample(json, "t")["nodes"]["t"]["items"] == 1);
    }

    TEST_CASE("through a queue: the API's sample carries what the queue's consumer writes as the key") {
        const std::string json = R"({"format": "serverless-playground/1",
          "nodes": [ {"id": "api", "type": "apigateway"}, {"id": "q", "type": "sqs"},
                     {"id": "fn", "type": "lambda", "config": {"Actions": [
                       {"target": "t", "operation": "PutItem", "Item": {"id": "$.body.ticketId"}}]}},
                     {"id": "t", "type": "dynamodb"} ],
          "edges": [ {"from": "api", "to": "q"}, {"from": "q", "to": "fn"}, {"from": "fn", "to": "t"} ] })";
        CHECK(sample_event(default_registry(), parse(json), "api")["body"]["ticketId"] == "ticketId-1");
        CHECK(sample_event(default_registry(), parse(json), "q")["ticketId"] == "ticketId-1");
        CHECK(fire_sample(json, "api")["nodes"]["t"]["items"] == 1);
        CHECK(fire_sample(json, "q")["nodes"]["t"]["items"] == 1);
    }

    TEST_CASE("a traffic source keeps its own request and payload, with the missing key added") {
        std::string json = kFreshApi;
        json.insert(json.rfind('}'),
                    R"(, "traffic": [ {"id": "o", "source": "web", "profile": {"type": "constant", "rps": 1},
            "request": {"method": "PUT", "path": "/carts"}, "payload": {"cart": "c-1"}} ])");
        const Json event = sample_event(default_registry(), parse(json), "web");
        CHECK(event["method"] == "PUT");
        CHECK(event["body"]["cart"] == "c-1");
        CHECK(event["body"]["id"] == "id-1");
    }

    TEST_CASE("nothing downstream needs a key: the service's usual sample; an unknown node: {}") {
        const Pattern p =
            parse(R"({"format": "serverless-playground/1", "nodes": [ {"id": "topic", "type": "sns"} ], "edges": []})");
        CHECK(sample_event(default_registry(), p, "topic")["Message"] == "hello");
        CHECK(sample_event(default_registry(), p, "nope") == Json::object());
    }

    TEST_CASE("the sample and where its payload sits come from the service's contract") {
        Registry reg;
        ServiceKind widget;
        widget.type = "widget";
        widget.sample = {{"envelope", {{"note", "hi"}}}};
        widget.sample_payload = "/envelope";
        reg.add(widget);
        // What a function and a table are (their roles) comes from the same registry.
        reg.add(*default_registry().find("lambda"));
        reg.add(*default_registry().find("dynamodb"));
        const Pattern p = parse(R"({"format": "serverless-playground/1",
          "nodes": [ {"id": "w", "type": "widget"}, {"id": "other", "type": "unknown"},
                     {"id": "fn", "type": "lambda", "config": {"Actions": [{"target": "t", "operation": "PutItem"}]}},
                     {"id": "t", "type": "dynamodb"} ],
          "edges": [ {"from": "w", "to": "fn"}, {"from": "fn", "to": "t"} ] })");
        const Json event = sample_event(reg, p, "w");
        CHECK(event["envelope"]["note"] == "hi");
        REQUIRE(event["envelope"].contains("id"));
        CHECK(event["envelope"]["id"] == "id-1");                         // the table's key, fitted into the payload
        CHECK(sample_event(reg, p, "other") == Json{{"id", "event-1"}});  // a kind without a contract
    }
}
