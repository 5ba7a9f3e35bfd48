// test_simulation.cpp — the facade: run limits, stop reasons, manual events, idle time.
#include "support/test_support.h"

using namespace sim;
using namespace sim::test;

namespace {
std::string storm(double rps, const char* extra_settings = "") {
    return std::string(R"({"format": "serverless-playground/1", "name": "storm", "settings": {)") + extra_settings +
           R"(},
      "nodes": [{"id": "u", "type": "client", "config": {}},
                {"id": "f", "type": "lambda", "config": {"DurationMs": 5}}],
      "edges": [{"from": "u", "to": "f"}],
      "traffic": [{"id": "t", "source": "u", "profile": {"type": "constant", "rps": )" +
           std::to_string(rps) + "}}]}";
}
}  // namespace

TEST_SUITE("simulation") {
    TEST_CASE("an event storm stops at the event limit with a stated reason and keeps metrics") {
        auto s = build_ok(storm(1'000'000, R"("maxEvents": 50000)"));
        CHECK(s->run_until(hours(1)) == StopReason::EventLimit);
        CHECK(s->events_processed() == 50000);
        CHECK(counter(*s, "u", Counter::Invocations) > 1000);
        CHECK(s->report()["stop_reason"] == "event_limit");
    }

    TEST_CASE("a run ends at the requested time with the clock there") {
        auto s = build_ok(storm(1));
        CHECK(s->run_until(minutes(1)) == StopReason::TimeLimit);
        CHECK(s->now() == minutes(1));
    }

    TEST_CASE("with no traffic the queue empties and the run completes") {
        auto s = build_ok(
            R"({"format": "serverless-playground/1", "nodes": [{"id": "f", "type": "lambda", "config": {}}]})");
        CHECK(s->run_until(hours(1)) == StopReason::Completed);
        CHECK(s->now() == hours(1));
        CHECK(s->total_cost_usd() == 0.0);
    }

    TEST_CASE("progress can interrupt a run, keeping partial results") {
        auto s = build_ok(storm(10000));
        int calls = 0;
        CHECK(s->run_until(hours(1), [&](const Progress&) { return ++calls < 3; }) == StopReason::Interrupted);
        CHECK(s->now() < hours(1));
        CHECK(counter(*s, "f", Counter::Invocations) > 0);
    }

    TEST_CASE("a fired event reaches its node; an unknown node is an error") {
        auto s = build_ok(
            R"({"format": "serverless-playground/1", "nodes": [{"id": "f", "type": "lambda", "config": {}}]})");
        CHECK(s->fire("f", Json{{"hello", "world"}}).empty());
        CHECK(s->fire("nope", Json::object()) == "no node has id 'nope'");
        s->run_until(sec(10));
        CHECK(counter(*s, "f", Counter::Invocations) == 1);
    }

    TEST_CASE("step processes one event at a time") {
        auto s = build_ok(storm(1));
        const auto before = s->events_processed();
        CHECK(s->step());
        CHECK(s->events_processed() == before + 1);
    }
}
