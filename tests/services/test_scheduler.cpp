// test_scheduler.cpp — EventBridge Scheduler: rate, cron in a time zone (DST), one-time at(),
// flexible windows, retries and the DLQ, DISABLED schedules, pricing, CreateSchedule, and
// templates whose AWS::Scheduler::Schedule or ScheduleV2 event becomes a scheduler node.
#include "messaging_test_util.h"

#include "export/sam_import.h"
#include "schedule/utc_time.h"
#include "services/scheduler/scheduler.h"
#include "services/scheduler/scheduler_time.h"

using namespace msgtest;
using sim::Counter;
using sim::sec;

namespace {

// A scheduler node "sch" with `config`, a function "fn", a queue "q" and a DLQ "dead".
std::string group(const std::string& config, const std::string& extra_nodes = "", const std::string& extra_edges = "") {
    return pattern(
        R"J([{"id": "sch", "type": "scheduler", "config": )J" + config + R"J(},
                       {"id": "fn", "type": "lambda", "config": {}}, {"id": "q", "type": "sqs", "config": {}},
                       {"id": "dead", "type": "sqs", "config": {}})J" +
            extra_nodes + "]",
        R"J([{"from": "sch", "to": "fn"}, {"from": "sch", "to": "q"}, {"from": "sch", "port": "dlq", "to": "dead"})J" +
            extra_edges + "]");
}

std::int64_t utc(const char* text) {
    return *sim::schedule::parse_utc(text);
}

nlohmann::json fires(const sim::Simulation& s) {
    return s.node_inspect(node(s, "sch"))["recent_invocations"];
}

}  // namespace

TEST_SUITE("scheduler") {
    TEST_CASE("a rate schedule fires every interval from its creation") {
        auto s = build(group(R"J({"Schedules": [
            {"Name": "tick", "ScheduleExpression": "rate(5 minutes)", "FlexibleTimeWindow": {"Mode": "OFF"}, "Target": {"Arn": "fn"}},
            {"Name": "to-q", "ScheduleExpression": "rate(1 hour)", "Target": {"Arn": "q", "Input": "{\"job\": \"nightly\"}"}}]})J"));
        s->run_until(sec(299));
        CHECK(count(*s, "fn", Counter::Invocations) == 0);
        s->run_until(sec(3605));  // deliveries take 20-100 ms
        CHECK(count(*s, "fn", Counter::Invocations) == 12);
        CHECK(node_report(*s, "q")["messages_sent"] == 1);
        CHECK(node_report(*s, "sch")["schedule_invocations"] == 13);
        CHECK(fires(*s)[0] == "2026-01-01T00:05:00Z");
    }

    TEST_CASE("Scheduler accepts rate(5 minute), which rules refuse") {
        auto s = build(group(R"J({"ScheduleExpression": "rate(5 minute)", "Target": {"Arn": "fn"}})J"));
        s->run_until(sec(605));  // the invocation at 600 s reaches the function 20-100 ms later
        CHECK(count(*s, "fn", Counter::Invocations) == 2);
    }

    TEST_CASE("a cron schedule runs in UTC by default and in its ScheduleExpressionTimezone otherwise") {
        auto s = build(group(R"J({"Schedules": [
            {"Name": "utc", "ScheduleExpression": "cron(0 9 ? * MON-FRI *)", "Target": {"Arn": "q"}},
            {"Name": "ny", "ScheduleExpression": "cron(0 9 ? * MON-FRI *)", "ScheduleExpressionTimezone": "America/New_York", "Target": {"Arn": "fn"}}]})J"));
        s->run_until(sim::hours(24 * 2));
        const auto f = fires(*s);
        REQUIRE(f.size() == 4);  // Thursday 1 and Friday 2 January 2026
        CHECK(f[0] == "2026-01-01T09:00:00Z");
        CHECK(f[1] == "2026-01-01T14:00:00Z");  // 09:00 EST = 14:00 UTC
        CHECK(count(*s, "fn", Counter::Invocations) == 2);
    }

    TEST_CASE("daylight saving: Berlin's 09:00 moves from 08:00 to 07:00 UTC on 29 March 2026") {
        auto s = build(group(
            R"J({"ScheduleExpression": "cron(0 9 * * ? *)", "ScheduleExpressionTimezone": "Europe/Berlin", "Target": {"Arn": "fn"}})J"));
        s->run_until(sim::hours(24 * 90));
        const auto f = fires(*s);
        REQUIRE(f.size() == 90);
        CHECK(f[86] == "2026-03-28T08:00:00Z");
        CHECK(f[87] == "2026-03-29T07:00:00Z");
    }

    TEST_CASE("DST gaps are skipped and repeated hours run once") {
        using namespace sim::svc::sched;
        const TimeZone ny = *find_time_zone("America/New_York");
        auto daily = [](const char* e) {
            return std::get<sim::schedule::ScheduleExpression>(sim::schedule::ScheduleExpression::parse(e));
        };
        // 8 March 2026: 02:00 EST jumps to 03:00 EDT, so 02:30 does not exist that day.
        const auto at_230 = daily("cron(30 2 * * ? *)");
        CHECK(next_fire(at_230, ny, utc("2026-03-07T08:00:00Z"), 0) == utc("2026-03-09T06:30:00Z"));
        // 1 November 2026: 02:00 EDT falls back to 01:00 EST; 01:30 happens twice and runs once.
        const auto at_130 = daily("cron(30 1 * * ? *)");
        CHECK(next_fire(at_130, ny, utc("2026-11-01T00:00:00Z"), 0) == utc("2026-11-01T05:30:00Z"));
        CHECK(next_fire(at_130, ny, utc("2026-11-01T05:30:00Z"), 0) == utc("2026-11-02T06:30:00Z"));
        CHECK(find_time_zone("Etc/GMT+5")->offset_at(0) == -5 * 3600);
        CHECK_FALSE(find_time_zone("Mars/Olympus_Mons"));
    }

    TEST_CASE("an at() schedule fires once, in its time zone, and DELETE removes it afterwards") {
        auto s = build(group(R"J({"Schedules": [
            {"Name": "once", "ScheduleExpression": "at(2026-01-01T00:10:00)", "ActionAfterCompletion": "DELETE", "Target": {"Arn": "fn"}},
            {"Name": "tokyo", "ScheduleExpression": "at(2026-01-01T10:00:00)", "ScheduleExpressionTimezone": "Asia/Tokyo", "Target": {"Arn": "q"}}]})J"));
        s->run_until(sim::hours(3));
        CHECK(count(*s, "fn", Counter::Invocations) == 1);
        CHECK(node_report(*s, "q")["messages_sent"] == 1);
        const auto f = fires(*s);
        CHECK(f[0] == "2026-01-01T00:10:00Z");
        CHECK(f[1] == "2026-01-01T01:00:00Z");  // 10:00 JST = 01:00 UTC
        CHECK(node_report(*s, "sch")["schedules_deleted"] == 1);
        CHECK(node_report(*s, "sch")["schedules"] == 1);
    }

    TEST_CASE("StartDate and EndDate bound a rate schedule") {
        auto s = build(group(R"J({"ScheduleExpression": "rate(10 minutes)", "StartDate": "2026-01-01T01:00:00Z",
                                  "EndDate": "2026-01-01T02:00:00.000Z", "Target": {"Arn": "fn"}})J"));
        s->run_until(sim::hours(5));
        const auto f = fires(*s);
        REQUIRE(f.size() == 6);  // 01:00, 01:10 … 01:50; EndDate is exclusive
        CHECK(f[0] == "2026-01-01T01:00:00Z");
        CHECK(f[5] == "2026-01-01T01:50:00Z");
    }

    TEST_CASE("a flexible window spreads invocations within it, the same way for the same seed") {
        const std::string p = group(R"J({"ScheduleExpression": "rate(1 hour)",
            "FlexibleTimeWindow": {"Mode": "FLEXIBLE", "MaximumWindowInMinutes": 15}, "Target": {"Arn": "fn"}})J");
        auto s = build(p);
        s->run_until(sim::hours(25));
        const auto f = fires(*s);
        REQUIRE(f.size() == 24);
        const std::int64_t t0 = utc("2026-01-01T00:00:00Z");
        int off_the_hour = 0;
        for (std::size_t i = 0; i < f.size(); ++i) {
            const std::int64_t scheduled = t0 + 3600 * static_cast<std::int64_t>(i + 1);
            const std::int64_t t = utc(f[i].get<std::string>().c_str());
            CHECK(t >= scheduled);
            CHECK(t < scheduled + 15 * 60);
            off_the_hour += t != scheduled;
        }
        CHECK(off_the_hour > 20);
        auto again = build(p);
        again->run_until(sim::hours(25));
        CHECK(fires(*again) == f);
    }

    TEST_CASE("a DISABLED schedule never fires") {
        auto s =
            build(group(R"J({"ScheduleExpression": "rate(1 minute)", "State": "DISABLED", "Target": {"Arn": "fn"}})J"));
        s->run_until(sim::hours(2));
        CHECK(count(*s, "fn", Counter::Invocations) == 0);
        CHECK(node_report(*s, "sch")["schedule_invocations"] == 0);
    }

    TEST_CASE("5xx answers are retried up to MaximumRetryAttempts, then the invocation goes to the DLQ") {
        // A universal target (Redshift Data API ExecuteStatement) that always answers 500 InternalError.
        auto s = build(group(R"J({"ScheduleExpression": "at(2026-01-01T00:01:00)", "Target": {
                "Arn": "arn:aws:scheduler:::aws-sdk:redshiftdata:executeStatement",
                "Input": "{\"WorkgroupName\": \"wh\", \"Sql\": \"CALL nightly()\"}",
                "RetryPolicy": {"MaximumRetryAttempts": 2}, "DeadLetterConfig": {"Arn": "dead"}}})J",
                             R"J(, {"id": "wh", "type": "redshift", "config": {"ErrorRate": 1}})J",
                             R"J(, {"from": "sch", "to": "wh"})J"));
        s->run_until(sim::hours(1));
        CHECK(count(*s, "wh", Counter::Invocations) == 3);  // the first attempt and 2 retries
        CHECK(count(*s, "sch", Counter::Retries) == 2);
        CHECK(count(*s, "sch", Counter::DeadLettered) == 1);
        CHECK(node_report(*s, "dead")["messages_sent"] == 1);
        CHECK(logged(*s, "sent to dead-letter queue 'dead': InternalError (MaximumRetryAttemptsExhausted)"));
    }

    TEST_CASE("a client error is not retried: the invocation goes straight to the DLQ") {
        // A FIFO queue refuses a message without a message group id (400 MissingParameter).
        auto s = build(group(R"J({"ScheduleExpression": "at(2026-01-01T00:01:00)",
                                  "Target": {"Arn": "f", "DeadLetterConfig": {"Arn": "dead"}}})J",
                             R"J(, {"id": "f", "type": "sqs", "config": {"FifoQueue": true}})J",
                             R"J(, {"from": "sch", "to": "f"})J"));
        s->run_until(sim::hours(1));
        CHECK(count(*s, "sch", Counter::Retries) == 0);
        CHECK(node_report(*s, "dead")["messages_sent"] == 1);
        CHECK(logged(*s, "MissingParameter (none (non-retriable error))"));
    }

    TEST_CASE("pricing: 14 million invocations a month are free, then $1.00 per million") {
        using sim::svc::scheduler_invocation_cost;
        CHECK(scheduler_invocation_cost(0, 14e6) == doctest::Approx(0.0));
        CHECK(scheduler_invocation_cost(14e6, 1e6) == doctest::Approx(1.00));
        CHECK(scheduler_invocation_cost(13.5e6, 1e6) == doctest::Approx(0.50));
        CHECK(scheduler_invocation_cost(20e6, 3e6) == doctest::Approx(3.00));
        // A month of rate(1 minute) is 44,640 invocations: well inside the free 14M.
        auto s = build(group(R"J({"ScheduleExpression": "rate(1 minute)", "Target": {"Arn": "q"}})J"));
        s->run_until(sim::hours(24));
        CHECK(node_report(*s, "sch")["schedule_invocations"] == 1440);
        CHECK(node_report(*s, "sch")["cost_usd"] == doctest::Approx(0.0));
    }

    TEST_CASE("bad schedules are refused at load with the reason") {
        CHECK(first_error(group(R"J({"ScheduleExpression": "rate(5 fortnights)", "Target": {"Arn": "fn"}})J"))
                  .rfind("/nodes/0/config/ScheduleExpression: invalid schedule expression", 0) == 0);
        CHECK(first_error(group(R"J({"ScheduleExpression": "rate(5 minutes)", "Target": {"Arn": "nowhere"}})J")) ==
              "/nodes/0/config/Target/Arn: target 'nowhere' is not wired to scheduler 'sch'");
        CHECK(first_error(group(R"J({"ScheduleExpression": "rate(5 minutes)", "ScheduleExpressionTimezone": "Mars/Base",
                                     "Target": {"Arn": "fn"}})J"))
                  .rfind("/nodes/0/config/ScheduleExpressionTimezone: time zone 'Mars/Base' is not simulated", 0) == 0);
        CHECK(
            first_error(group(R"J({"ScheduleExpression": "rate(5 minutes)", "FlexibleTimeWindow": {"Mode": "FLEXIBLE"},
                                     "Target": {"Arn": "fn"}})J")) ==
            "/nodes/0/config/FlexibleTimeWindow/MaximumWindowInMinutes: a FLEXIBLE window needs MaximumWindowInMinutes "
            "(1-1440)");
    }

    TEST_CASE("CreateSchedule adds a schedule at run time; DeleteSchedule removes it") {
        auto s = build(group(R"J({"Resource": "ScheduleGroup", "Name": "jobs"})J"));
        s->fire("sch", {{"operation", "CreateSchedule"},
                        {"Name", "reminder"},
                        {"ScheduleExpression", "rate(10 minutes)"},
                        {"FlexibleTimeWindow", {{"Mode", "OFF"}}},
                        {"Target",
                         {{"Arn", "arn:aws:lambda:us-east-1:123456789012:function:fn"}, {"Input", "{\"user\": 1}"}}}});
        s->run_until(sec(3605));
        CHECK(count(*s, "fn", Counter::Invocations) == 6);
        s->fire("sch", {{"operation", "DeleteSchedule"}, {"Name", "reminder"}});
        s->run_until(sec(7200));
        CHECK(count(*s, "fn", Counter::Invocations) == 6);
    }
}

TEST_SUITE("scheduler import") {
    // The template's functions have no code here: the latency model runs, so invocations are what counts.
    TEST_CASE("an AWS::Scheduler::Schedule becomes a scheduler node wired to the function and runs") {
        const auto res = sim::import_template(R"Y(
Transform: AWS::Serverless-2016-10-31
Resources:
  Fn:
    Type: AWS::Serverless::Function
    Properties: {Runtime: nodejs22.x, Handler: index.handler, InlineCode: "exports.handler = async () => 1;"}
  Dlq:
    Type: AWS::SQS::Queue
  Every5:
    Type: AWS::Scheduler::Schedule
    Properties:
      ScheduleExpression: rate(5 minutes)
      FlexibleTimeWindow: {Mode: 'OFF'}
      Target:
        Arn: !GetAtt Fn.Arn
        RoleArn: arn:aws:iam::123456789012:role/x
        Input: '{"k": 1}'
        DeadLetterConfig: {Arn: !GetAtt Dlq.Arn}
)Y");
        REQUIRE(res.ok());
        const sim::NodeSpec* n = res.pattern.find_node("Every5");
        REQUIRE(n);
        CHECK(n->type == "scheduler");
        CHECK(n->config["Target"]["Arn"] == "Fn");
        CHECK(n->config["Target"]["DeadLetterConfig"]["Arn"] == "Dlq");
        auto b = sim::Simulation::build(res.pattern);
        REQUIRE(b.simulation);
        b.simulation->run_until(sec(905));
        CHECK(count(*b.simulation, "Fn", Counter::Invocations) == 3);
    }

    TEST_CASE("a ScheduleV2 event becomes a scheduler node invoking its function; a group gathers its schedules") {
        const auto res = sim::import_template(R"Y(
Transform: AWS::Serverless-2016-10-31
Resources:
  Jobs:
    Type: AWS::Scheduler::ScheduleGroup
    Properties: {Name: jobs}
  Fn:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: nodejs22.x
      Handler: index.handler
      InlineCode: "exports.handler = async () => 1;"
      Events:
        Tick:
          Type: ScheduleV2
          Properties:
            ScheduleExpression: rate(1 minute)
            Input: '{"from": "v2"}'
        Nightly:
          Type: ScheduleV2
          Properties:
            ScheduleExpression: cron(0 2 * * ? *)
            ScheduleExpressionTimezone: Europe/London
            GroupName: !Ref Jobs
)Y");
        REQUIRE(res.ok());
        const sim::NodeSpec* tick = res.pattern.find_node("FnTick");
        REQUIRE(tick);
        CHECK(tick->type == "scheduler");
        CHECK(tick->config["Target"]["Arn"] == "Fn");
        CHECK(tick->config["Target"]["Input"] == "{\"from\": \"v2\"}");
        const sim::NodeSpec* jobs = res.pattern.find_node("Jobs");
        REQUIRE(jobs);
        CHECK(jobs->config["Resource"] == "ScheduleGroup");
        CHECK(jobs->config["Schedules"].size() == 1);
        CHECK(res.pattern.find_node("default-bus") == nullptr);  // no longer a rule on the default bus
        auto b = sim::Simulation::build(res.pattern);
        REQUIRE(b.simulation);
        b.simulation->run_until(sim::hours(3) + sec(5));
        CHECK(count(*b.simulation, "Fn", Counter::Invocations) == 180 + 1);  // every minute, and 02:00 London
    }
}
