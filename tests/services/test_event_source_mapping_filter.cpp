// test_event_source_mapping_filter.cpp — Lambda event filtering (FilterCriteria) on the SQS,
// Kinesis and DynamoDB Streams event source mappings: validation, what each source's filters see,
// what happens to records no filter matches, and who pays for them.
// AWS: https://docs.aws.amazon.com/lambda/latest/dg/invocation-eventfiltering.html (and the
// archived guide's "Properly filtering Amazon SQS messages" / "... Kinesis and DynamoDB" tables).
#include "messaging_test_util.h"
#include "services/lambda/event_source_mapping_filter.h"

using namespace msgtest;
using sim::Counter;
using sim::sec;
using Json = nlohmann::json;

namespace {

// A FilterCriteria value with one filter per pattern.
Json criteria(std::initializer_list<Json> patterns) {
    Json filters = Json::array();
    for (const Json& p : patterns) filters.push_back({{"Pattern", p.dump()}});
    return {{"Filters", filters}};
}

// Queue q → functions fn0..fnN-1, each with its own mapping config; every record a function gets
// is written to its table t<i> (keyed by the body's "type"), so t<i>'s PutItem count is the number
// of records fn<i> received and its item count the number of distinct types it saw.
std::string queue_to_functions(const std::vector<Json>& esm_configs) {
    Json nodes = Json::array({{{"id", "q"}, {"type", "sqs"}, {"config", Json::object()}}});
    Json edges = Json::array();
    for (std::size_t i = 0; i < esm_configs.size(); ++i) {
        const std::string fn = "fn" + std::to_string(i), table = "t" + std::to_string(i);
        nodes.push_back(
            {{"id", fn},
             {"type", "lambda"},
             {"config",
              {{"DurationMs", 5},
               {"Actions",
                Json::array({{{"target", table}, {"operation", "PutItem"}, {"Item", {{"type", "$.body.type"}}}}})}}}});
        nodes.push_back({{"id", table},
                         {"type", "dynamodb"},
                         {"config", {{"KeySchema", Json::array({{{"AttributeName", "type"}, {"KeyType", "HASH"}}})}}}});
        edges.push_back({{"from", "q"}, {"to", fn}, {"config", esm_configs[i]}});
        edges.push_back({{"from", fn}, {"to", table}});
    }
    return pattern(nodes.dump(), edges.dump());
}

std::string stream_to_fn(const Json& esm_config) {
    return pattern(R"([{"id": "s", "type": "kinesis", "config": {}},
                       {"id": "fn", "type": "lambda", "config": {"DurationMs": 5}}])",
                   R"([{"from": "s", "to": "fn", "config": )" + esm_config.dump() + "}]");
}

Json put_record(const std::string& key, const Json& data) {
    return {{"operation", "PutRecord"}, {"PartitionKey", key}, {"Data", data}};
}

std::size_t warnings_at(const std::string& text, const std::string& path) {
    std::size_t n = 0;
    const auto built = sim::build_from_text(text);  // kept alive: items() refers into it
    for (const auto& d : built.diagnostics.items()) n += d.severity == sim::Severity::Warning && d.path == path;
    return n;
}

}  // namespace

TEST_SUITE("event source mapping filter") {
    // ---- config validation ----
    TEST_CASE("FilterCriteria is validated at load with the path of the bad filter") {
        const std::string base = "/edges/0/config/FilterCriteria";
        CHECK(first_error(stream_to_fn({{"FilterCriteria", {{"Filters", "x"}}}})) ==
              base + ": FilterCriteria must be {\"Filters\": [{\"Pattern\": \"...\"}]}, got {\"Filters\":\"x\"}");
        CHECK(first_error(stream_to_fn({{"FilterCriteria", {{"Filters", Json::array({{{"Pattern", 5}}})}}}})) ==
              base +
                  "/Filters/0/Pattern: each filter needs a Pattern string (an event pattern as JSON text), got "
                  "{\"Pattern\":5}");
        CHECK(
            first_error(stream_to_fn({{"FilterCriteria", {{"Filters", Json::array({{{"Pattern", "{\"a\": "}}})}}}})) ==
            base +
                "/Filters/0/Pattern: invalid filter pattern: pattern is not valid JSON at line 1, column 7: syntax "
                "error while "
                "parsing value - unexpected end of input; expected '[', '{', or a literal");
        CHECK(
            first_error(stream_to_fn(
                            {{"FilterCriteria",
                              criteria({{{"data", {{"n", Json::array({{{"numeric", Json::array({">", "x"})}}})}}}}})}}))
                .rfind(base + "/Filters/0/Pattern: invalid filter pattern at data.n", 0) == 0);
        // The Pattern property is at most 4,096 characters (AWS::Lambda::EventSourceMapping Filter).
        const std::string long_value(4100, 'a');
        CHECK(first_error(
                  stream_to_fn({{"FilterCriteria", criteria({{{"data", {{"k", Json::array({long_value})}}}}})}})) ==
              base +
                  "/Filters/0/Pattern: invalid filter pattern: pattern is 4119 characters long; at most 4096 are "
                  "allowed");
    }

    TEST_CASE("a stream's data pattern must be JSON; an SQS body pattern may be a plain string") {
        // Archived guide, Kinesis/DynamoDB table: a non-JSON filter pattern for data properties makes
        // Lambda throw at create or update. SQS's table allows plain-string body patterns.
        CHECK(first_error(stream_to_fn({{"FilterCriteria", criteria({{{"data", Json::array({"on"})}}})}})) ==
              "/edges/0/config/FilterCriteria/Filters/0/Pattern: the pattern for the data key 'data' must be an object "
              "of fields (JSON), got [\"on\"]");
        CHECK(first_error(queue_to_functions({{{"FilterCriteria", criteria({{{"body", Json::array({"on"})}}})}}})) ==
              "");
    }

    TEST_CASE("five filters by default, up to ten with a quota increase, never more") {
        std::vector<Json> six, eleven;
        for (int i = 0; i < 11; ++i) (i < 6 ? six : eleven).push_back({{"body", {{"n", Json::array({i})}}}});
        for (int i = 0; i < 6; ++i) eleven.push_back({{"body", {{"n", Json::array({i})}}}});
        auto fc = [](const std::vector<Json>& ps) {
            Json f = Json::array();
            for (const Json& p : ps) f.push_back({{"Pattern", p.dump()}});
            return Json{{"Filters", f}};
        };
        const std::string with_six = queue_to_functions({{{"FilterCriteria", fc(six)}}});
        CHECK(first_error(with_six) == "");
        CHECK(warnings_at(with_six, "/edges/0/config/FilterCriteria/Filters") == 1);
        CHECK(first_error(queue_to_functions({{{"FilterCriteria", fc(eleven)}}})) ==
              "/edges/0/config/FilterCriteria/Filters: FilterCriteria has 11 filters; Lambda allows at most 5 per "
              "event source mapping, 10 with a quota increase");
        // {} and {"Filters": []} mean "no filtering" (UpdateEventSourceMapping with {} removes filters).
        CHECK(first_error(queue_to_functions(
                  {{{"FilterCriteria", Json::object()}}, {{"FilterCriteria", {{"Filters", Json::array()}}}}})) == "");
    }

    TEST_CASE("data is matched as JSON when it parses, else as a plain string") {
        using sim::svc::esm::decode_data;
        const Json text = "{\"type\": \"order\"}", plain = "order", object = {{"type", "order"}};
        CHECK(decode_data(&text).is_json);
        CHECK(decode_data(&text).value == object);
        CHECK(!decode_data(&plain).is_json);
        CHECK(decode_data(&plain).value == "order");
        CHECK(decode_data(&object).is_json);
    }

    // ---- SQS: non-matching messages are deleted ----
    TEST_CASE("SQS: messages no filter matches are deleted; SQS bills their receive and delete, Lambda nothing") {
        // One mapping with the filter body.type = "order". Mix: 30 JSON "order", 50 JSON "refund",
        // 20 plain-text bodies "order" (a JSON body pattern never matches a plain-string body).
        // Sent 1 s apart, each message is received alone: expected 30 delivered, 70 deleted by the
        // filter. SQS requests: 100 SendMessage + 100 ReceiveMessage + 100 deletes (30 after
        // processing, 70 for the filtered) = 300 × $0.40 / 1M. Lambda: 30 invocations only.
        auto s = build(
            queue_to_functions({{{"FilterCriteria", criteria({{{"body", {{"type", Json::array({"order"})}}}}})}}}));
        for (int i = 0; i < 100; ++i) {
            const Json body = i < 30   ? Json{{"type", "order"}, {"n", i}}
                              : i < 80 ? Json{{"type", "refund"}, {"n", i}}
                                       : Json("order");
            s->fire("q", {{"operation", "SendMessage"}, {"MessageBody", body}});
            s->run_until(sec(i + 1));
        }
        s->run_until(sec(120));
        const Json q = node_report(*s, "q");
        CHECK(q["messages_sent"] == 100);
        CHECK(q["messages_received"] == 100);
        CHECK(q["messages_filtered"] == 70);
        CHECK(q["messages_deleted"] == 100);
        CHECK(q["messages_stored"] == 0);
        CHECK(count(*s, "t0", Counter::Invocations) == 30);  // records fn0 processed
        CHECK(count(*s, "fn0", Counter::Invocations) == 30);
        CHECK(node_report(*s, "q")["cost_usd"].get<double>() == doctest::Approx(300 * 0.40 / 1e6).epsilon(1e-9));
        CHECK(logged(*s, "deleted by the event source mapping for 'fn0': no filter matched"));
    }

    TEST_CASE("SQS: body formats follow AWS's table; metadata-only filters ignore the body format") {
        // Plain pattern ["order"] matches only the plain-string body "order"; a metadata-only filter
        // on messageAttributes matches whatever the body is.
        auto s = build(queue_to_functions({{{"FilterCriteria", criteria({{{"body", Json::array({"order"})}}})}}}));
        s->fire("q", {{"operation", "SendMessage"}, {"MessageBody", "order"}});
        s->fire("q", {{"operation", "SendMessage"}, {"MessageBody", {{"type", "order"}}}});
        s->fire("q", {{"operation", "SendMessage"}, {"MessageBody", "refund"}});
        s->run_until(sec(10));
        CHECK(node_report(*s, "q")["messages_filtered"] == 2);
        CHECK(count(*s, "fn0", Counter::Invocations) == 1);  // each message was its own batch

        auto m = build(queue_to_functions(
            {{{"FilterCriteria",
               criteria({{{"messageAttributes", {{"kind", {{"stringValue", Json::array({"vip"})}}}}}}})}}}));
        const Json vip = {{"kind", {{"DataType", "String"}, {"StringValue", "vip"}}}};
        m->fire("q", {{"operation", "SendMessage"}, {"MessageBody", "plain text"}, {"MessageAttributes", vip}});
        m->fire("q", {{"operation", "SendMessage"}, {"MessageBody", {{"type", "x"}}}, {"MessageAttributes", vip}});
        m->fire("q", {{"operation", "SendMessage"}, {"MessageBody", {{"type", "y"}}}});
        m->run_until(sec(10));
        CHECK(node_report(*m, "q")["messages_filtered"] == 1);
        CHECK(count(*m, "fn0", Counter::Invocations) == 2);
    }

    TEST_CASE("SQS: six functions with distinct filters on one queue each receive only their matching messages") {
        // Mix: 600 messages, type T0..T5 in a scrambled order (100 of each). Each message is
        // received by one mapping (pollers compete); a mapping whose filter does not match deletes
        // it. So: fn<i> sees only T<i> (its table holds exactly one type), every message is either
        // delivered once or deleted by a filter (delivered + filtered = 600), fn<i> gets at most
        // its 100, nothing is left in the queue, and Lambda runs only for matching records.
        std::vector<Json> esms;
        for (int i = 0; i < 6; ++i)
            esms.push_back(
                {{"FilterCriteria", criteria({{{"body", {{"type", Json::array({"T" + std::to_string(i)})}}}}})}});
        const std::string text = queue_to_functions(esms);
        CHECK(warnings_at(text, "/edges/0/config/FilterCriteria") ==
              1);  // competing mappings delete each other's messages
        auto s = build(text);
        for (int k = 0; k < 600; ++k) {
            s->fire("q", {{"type", "T" + std::to_string((k * 7 + k / 6) % 6)}, {"n", k}});
            if (k % 10 == 9) s->run_until(sec(k / 10 + 1));
        }
        s->run_until(sec(200));
        std::uint64_t delivered = 0;
        for (int i = 0; i < 6; ++i) {
            const std::string t = "t" + std::to_string(i);
            CAPTURE(i);
            const nlohmann::json table = s->node_inspect(node(*s, t));
            CHECK(table["item_count"] == 1);
            CHECK(table["items"][0]["type"] == "T" + std::to_string(i));
            CHECK(count(*s, t, Counter::Invocations) <= 100);
            CHECK(count(*s, t, Counter::Invocations) > 0);
            delivered += count(*s, t, Counter::Invocations);
        }
        const Json q = node_report(*s, "q");
        CHECK(delivered + q["messages_filtered"].get<std::uint64_t>() == 600);
        CHECK(q["messages_stored"] == 0);
        // Taking batches in turn, a message lands on its own function's mapping about 1 time in 6.
        CHECK(delivered < 300);
    }

    // ---- streams: non-matching records are skipped ----
    TEST_CASE("Kinesis: data is decoded and matched as JSON; records no filter matches are skipped") {
        // 100 records n = 0..99 on one key, filter data.n >= 50: the iterator skips the first 50,
        // the function gets exactly the other 50. A non-JSON record never matches a JSON data
        // pattern; a metadata-only filter (partitionKey) matches whatever the data is.
        auto s = build(pattern(
            R"([{"id": "s", "type": "kinesis", "config": {}},
                                  {"id": "fn", "type": "lambda", "config": {"DurationMs": 5,
                                     "Actions": [{"target": "t", "operation": "PutItem", "Item": {"n": "$.kinesis.data.n"}}]}},
                                  {"id": "t", "type": "dynamodb", "config": {"KeySchema": [{"AttributeName": "n", "KeyType": "HASH"}]}}])",
            R"([{"from": "s", "to": "fn", "config": {"BatchSize": 10, "FilterCriteria": )" +
                criteria({{{"data", {{"n", Json::array({{{"numeric", Json::array({">=", 50})}}})}}}}}).dump() + R"(}},
                                   {"from": "fn", "to": "t"}])"));
        for (int n = 0; n < 100; ++n) s->fire("s", put_record("k", {{"n", n}}));
        s->fire("s", put_record("k", "not json"));
        s->run_until(sec(30));
        const Json r = node_report(*s, "s");
        CHECK(r["records_filtered"] == 51);
        CHECK(r["records_processed"] == 50);
        CHECK(count(*s, "t", Counter::Invocations) == 50);
        CHECK(s->node_inspect(node(*s, "t"))["item_count"] == 50);

        auto m = build(stream_to_fn({{"FilterCriteria", criteria({{{"partitionKey", Json::array({"a"})}}})}}));
        m->fire("s", put_record("a", "plain text"));
        m->fire("s", put_record("a", {{"x", 1}}));
        m->fire("s", put_record("b", {{"x", 1}}));
        m->run_until(sec(10));
        CHECK(node_report(*m, "s")["records_processed"] == 2);
        CHECK(node_report(*m, "s")["records_filtered"] == 1);
    }

    TEST_CASE("Kinesis: a batch whose records all fail to match invokes nothing") {
        auto s = build(stream_to_fn({{"FilterCriteria", criteria({{{"data", {{"kind", Json::array({"alert"})}}}}})}}));
        for (int n = 0; n < 20; ++n) s->fire("s", put_record("k", {{"kind", "info"}}));
        s->run_until(sec(10));
        CHECK(count(*s, "fn", Counter::Invocations) == 0);
        CHECK(node_report(*s, "fn")["cost_usd"] == 0);
        CHECK(node_report(*s, "s")["records_filtered"] == 20);
    }

    TEST_CASE("DynamoDB Streams: filters on eventName and NewImage skip the other records") {
        // 10 INSERTs (status "new"), 10 MODIFYs (5 to "paid"), 5 REMOVEs. Filter 1: INSERT;
        // filter 2 (ORed): NewImage.status.S = "paid". Delivered 10 + 5 = 15, skipped 10.
        auto s = build(pattern(
            R"([{"id": "t", "type": "dynamodb", "config": {"KeySchema": [{"AttributeName": "id", "KeyType": "HASH"}],
                                     "StreamSpecification": {"StreamViewType": "NEW_AND_OLD_IMAGES"}}},
                                  {"id": "fn", "type": "lambda", "config": {"DurationMs": 5}}])",
            R"([{"from": "t", "port": "stream", "to": "fn", "config": {"FilterCriteria": )" +
                criteria({{{"eventName", Json::array({"INSERT"})}},
                          {{"dynamodb", {{"NewImage", {{"status", {{"S", Json::array({"paid"})}}}}}}}}})
                    .dump() +
                "}}]"));
        for (int i = 0; i < 10; ++i)
            s->fire("t", {{"operation", "PutItem"}, {"Item", {{"id", std::to_string(i)}, {"status", "new"}}}});
        for (int i = 0; i < 10; ++i)
            s->fire("t", {{"operation", "PutItem"},
                          {"Item", {{"id", std::to_string(i)}, {"status", i < 5 ? "paid" : "late"}}}});
        for (int i = 5; i < 10; ++i) s->fire("t", {{"operation", "DeleteItem"}, {"Key", {{"id", std::to_string(i)}}}});
        s->run_until(sec(10));
        const Json r = node_report(*s, "t");
        CHECK(r["stream_records"] == 25);
        CHECK(r["stream_records_filtered"] == 10);
        CHECK(r["stream_records_delivered"] == 15);
    }

    // ---- determinism ----
    TEST_CASE("the same seed gives the same trace with competing filtered mappings") {
        auto run = [] {
            std::vector<Json> esms;
            for (int i = 0; i < 3; ++i)
                esms.push_back(
                    {{"FilterCriteria", criteria({{{"body", {{"type", Json::array({"T" + std::to_string(i)})}}}}})}});
            auto s = build(queue_to_functions(esms));
            for (int k = 0; k < 90; ++k) s->fire("q", {{"type", "T" + std::to_string(k % 3)}});
            s->run_until(sec(60));
            return s->trace().fingerprint();
        };
        CHECK(run() == run());
    }
}
