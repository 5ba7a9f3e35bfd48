// test_eventbridge.cpp — EventBridge buses: rule validation, matching, targets and input
// transformers, DLQ, scheduled rules over a simulated month, determinism.
#include "messaging_test_util.h"
#include "services/eventbridge/eventbridge_rules.h"

using namespace msgtest;
using sim::Counter;
using sim::sec;

namespace {

std::string bus(const std::string& rules, const std::string& extra_nodes = "", const std::string& extra_edges = "") {
    return pattern(R"J([{"id": "bus", "type": "eventbridge", "config": {"Rules": )J" + rules + R"J(}},
                       {"id": "q", "type": "sqs", "config": {}}, {"id": "fn", "type": "lambda", "config": {}})J" +
                       extra_nodes + "]",
                   R"J([{"from": "bus", "to": "q"}, {"from": "bus", "to": "fn"})J" + extra_edges + "]");
}

nlohmann::json put(const std::string& source, const std::string& type, const nlohmann::json& detail) {
    return {{"operation", "PutEvents"}, {"Entries", {{{"Source", source}, {"DetailType", type}, {"Detail", detail}}}}};
}

}  // namespace

TEST_SUITE("eventbridge") {
    // ---- config validation ----
    TEST_CASE("an invalid event pattern is rejected at load with the reason") {
        const std::string e = first_error(bus(
            R"J([{"Name": "r", "EventPattern": {"detail": {"n": [{"numeric": [">"]}]}}, "Targets": [{"Id": "1", "Arn": "q"}]}])J"));
        CHECK(e.rfind("/nodes/0/config/Rules/0/EventPattern: invalid event pattern", 0) == 0);
    }

    TEST_CASE("an invalid schedule expression is rejected at load with the reason") {
        CHECK(
            first_error(bus(
                R"J([{"Name": "r", "ScheduleExpression": "rate(1 minutes)", "Targets": [{"Id": "1", "Arn": "fn"}]}])J")) ==
            "/nodes/0/config/Rules/0/ScheduleExpression: invalid schedule expression: rate value 1 needs the singular "
            "unit 'minute', got 'minutes'");
    }

    TEST_CASE("a rule has at most five targets and targets must be wired") {
        CHECK(
            first_error(bus(
                R"J([{"Name": "r", "EventPattern": {"source": ["a"]}, "Targets": [{"Arn": "q"}, {"Arn": "q"}, {"Arn": "q"}, {"Arn": "q"}, {"Arn": "q"}, {"Arn": "q"}]}])J")) ==
            "/nodes/0/config/Rules/0/Targets: a rule has at most 5 targets, got 6");
        CHECK(first_error(
                  bus(R"J([{"Name": "r", "EventPattern": {"source": ["a"]}, "Targets": [{"Arn": "nowhere"}]}])J")) ==
              "/nodes/0/config/Rules/0/Targets/0/Arn: target 'nowhere' does not exist");
    }

    TEST_CASE("a rule needs exactly one of EventPattern and ScheduleExpression") {
        CHECK(first_error(bus(R"J([{"Name": "r", "Targets": [{"Arn": "q"}]}])J")) ==
              "/nodes/0/config/Rules/0/EventPattern: a rule needs exactly one of EventPattern and ScheduleExpression");
    }

    // ---- happy path ----
    TEST_CASE("events reach only the targets of matching rules") {
        auto s = build(bus(
            R"J([{"Name": "orders", "EventPattern": {"source": ["shop"], "detail": {"total": [{"numeric": [">", 100]}]}},
                               "Targets": [{"Id": "1", "Arn": "q"}]},
                              {"Name": "all", "EventPattern": {"source": [{"prefix": ""}]}, "Targets": [{"Id": "2", "Arn": "fn"}]}])J"));
        s->fire("bus", put("shop", "OrderPlaced", {{"total", 500}}));
        s->fire("bus", put("shop", "OrderPlaced", {{"total", 5}}));
        s->fire("bus", put("other", "Thing", nlohmann::json::object()));
        s->run_until(sec(2));
        CHECK(node_report(*s, "q")["messages_sent"] == 1);
        CHECK(count(*s, "fn", Counter::Invocations) == 3);
        CHECK(node_report(*s, "bus")["rule_matches"] == 4);
    }

    TEST_CASE("an edge with an EventPattern is a one-target rule") {
        const std::string p = pattern(
            R"J([{"id": "bus", "type": "eventbridge", "config": {}}, {"id": "q", "type": "sqs", "config": {}}])J",
            R"J([{"from": "bus", "to": "q", "config": {"EventPattern": {"detail-type": ["Ping"]}}}])J");
        auto s = build(p);
        s->fire("bus", put("app", "Ping", nlohmann::json::object()));
        s->fire("bus", put("app", "Pong", nlohmann::json::object()));
        s->run_until(sec(2));
        CHECK(node_report(*s, "q")["messages_sent"] == 1);
    }

    TEST_CASE("an input transformer builds the target input from the event") {
        auto t = sim::svc::eb::Target{};
        t.transformer = true;
        t.paths_map = {{"id", "$.detail.id"}, {"n", "$.detail.n"}};
        t.input_template = R"J({"order": "<id>", "count": <n>, "rule": "<aws.events.rule-name>"})J";
        sim::svc::eb::Rule r;
        r.name = "orders";
        auto event = std::make_shared<const nlohmann::json>(nlohmann::json{{"detail", {{"id", "A-1"}, {"n", 3}}}});
        const auto out = sim::svc::eb::target_input(t, r, event);
        CHECK(*out == nlohmann::json{{"order", "A-1"}, {"count", 3}, {"rule", "orders"}});
    }

    TEST_CASE("a cron schedule fires at the expected UTC instants over a simulated month") {
        auto s = build(bus(
            R"J([{"Name": "weekdays", "ScheduleExpression": "cron(0 12 ? * MON-FRI *)", "Targets": [{"Id": "1", "Arn": "fn"}]}])J"));
        s->run_until(sim::hours(24 * 31));
        CHECK(node_report(*s, "bus")["schedule_fires"] == 22);  // January 2026 has 22 weekdays
        CHECK(count(*s, "fn", Counter::Invocations) == 22);
        const auto fires = s->node_inspect(node(*s, "bus"))["recent_schedule_fires"];
        CHECK(fires[0] == "2026-01-01T12:00:00Z");
        CHECK(fires[1] == "2026-01-02T12:00:00Z");
        CHECK(fires[2] == "2026-01-05T12:00:00Z");
        CHECK(fires[21] == "2026-01-30T12:00:00Z");
    }

    TEST_CASE("a rate schedule starts when the rule is created") {
        auto s = build(bus(
            R"J([{"Name": "tick", "ScheduleExpression": "rate(5 minutes)", "Targets": [{"Id": "1", "Arn": "fn"}]}])J"));
        s->run_until(sec(299));
        CHECK(node_report(*s, "bus")["schedule_fires"] == 0);
        s->run_until(sec(3600));
        CHECK(node_report(*s, "bus")["schedule_fires"] == 12);
    }

    // ---- limits and bad input ----
    TEST_CASE("PutEvents takes at most 10 entries and no aws.* sources") {
        auto s = build(bus(
            R"J([{"Name": "all", "EventPattern": {"source": [{"prefix": ""}]}, "Targets": [{"Id": "1", "Arn": "q"}]}])J"));
        nlohmann::json many = {{"operation", "PutEvents"}, {"Entries", nlohmann::json::array()}};
        for (int i = 0; i < 11; ++i)
            many["Entries"].push_back({{"Source", "a"}, {"DetailType", "b"}, {"Detail", nlohmann::json::object()}});
        s->fire("bus", many);
        s->fire("bus", put("aws.s3", "Fake", nlohmann::json::object()));
        s->run_until(sec(2));
        CHECK(count(*s, "bus", Counter::Drops) == 2);
        CHECK(logged(*s, "Member must have length less than or equal to 10"));
        CHECK(logged(*s, "NotAuthorizedForSourceException"));
        CHECK(node_report(*s, "q")["messages_sent"] == 0);
    }

    // ---- failure path ----
    TEST_CASE("a non-retriable target error goes to the target's DLQ with the error attributes") {
        // A FIFO queue target without a message group id refuses the event (400 MissingParameter).
        const std::string p = pattern(
            R"J([{"id": "bus", "type": "eventbridge", "config": {"Rules": [{"Name": "r", "EventPattern": {"source": ["app"]},
                 "Targets": [{"Id": "t", "Arn": "f", "DeadLetterConfig": {"Arn": "dead"}}]}]}},
                {"id": "f", "type": "sqs", "config": {"FifoQueue": true}}, {"id": "dead", "type": "sqs", "config": {}}])J",
            R"J([{"from": "bus", "to": "f"}, {"from": "bus", "port": "dlq", "to": "dead"}])J");
        auto s = build(p);
        s->fire("bus", put("app", "X", nlohmann::json::object()));
        s->run_until(sec(5));
        CHECK(node_report(*s, "dead")["messages_sent"] == 1);
        CHECK(logged(*s, "sent to dead-letter queue 'dead': MissingParameter (none (non-retriable error))"));
    }

    // ---- determinism ----
    TEST_CASE("the same seed gives the same fingerprint") {
        std::string fp[2];
        for (auto& f : fp) {
            auto s = build(bus(
                R"J([{"Name": "all", "EventPattern": {"source": ["a"]}, "Targets": [{"Id": "1", "Arn": "q"}, {"Id": "2", "Arn": "fn"}]},
                                  {"Name": "tick", "ScheduleExpression": "rate(1 minute)", "Targets": [{"Id": "3", "Arn": "fn"}]}])J"));
            for (int i = 0; i < 50; ++i) s->fire("bus", put("a", "b", {{"i", i}}));
            s->run_until(sec(600));
            f = s->report()["trace_fingerprint"];
        }
        CHECK(fp[0] == fp[1]);
    }

    TEST_CASE("S3 sends Object Created events to a bus, where a rule on source aws.s3 matches them") {
        // AWS: with EventBridge notifications on, S3 sends every object event to the default bus
        // as source "aws.s3", detail-type "Object Created" (docs: EventBridge and Amazon S3).
        auto s = build(pattern(
            R"J([{"id": "b", "type": "s3", "config": {}},
                 {"id": "bus", "type": "eventbridge", "config": {"Rules": [{"Name": "r",
                   "EventPattern": {"source": ["aws.s3"], "detail-type": ["Object Created"], "detail": {"bucket": {"name": ["b"]}}},
                   "Targets": [{"Id": "1", "Arn": "q"}]}]}},
                 {"id": "q", "type": "sqs", "config": {}}])J",
            R"J([{"from": "b", "to": "bus"}, {"from": "bus", "to": "q"}])J"));
        s->fire("b", {{"operation", "PutObject"}, {"Key", "a.txt"}, {"SizeBytes", 10}});
        s->fire("b", {{"operation", "PutObject"}, {"Key", "b.txt"}, {"SizeBytes", 10}});
        s->run_until(sec(10));
        CHECK(node_report(*s, "q")["messages_in"] == 2);
        CHECK(node_report(*s, "bus")["drops"] == 0);
        // An application may not send the same event: PutEvents refuses "aws." sources.
        s->fire("bus", put("aws.s3", "Object Created", {{"bucket", {{"name", "b"}}}}));
        s->run_until(sec(20));
        CHECK(node_report(*s, "q")["messages_in"] == 2);
    }
}
