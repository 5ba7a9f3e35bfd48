// test_aurora.cpp — Aurora Serverless v2: scaling config validation, scale with load, auto-pause
// and resume (queries wait ~15 s), connection limits, ACU-hour cost, determinism.
#include "support/test_support.h"

using namespace sim;
using namespace sim::test;

namespace {
std::string cluster(const std::string& config, double rps, const std::string& duration = "60s") {
    return R"({"format": "serverless-playground/1", "name": "t", "seed": 7, "nodes": [
        {"id": "u", "type": "client", "config": {}},
        {"id": "fn", "type": "lambda", "config": {"DurationMs": 5, "Timeout": 30, "Actions": [{"target": "db", "operation": "ExecuteStatement", "sql": "SELECT 1"}]}},
        {"id": "db", "type": "aurora", "config": )" +
           config + R"(}],
      "edges": [{"from": "u", "to": "fn"}, {"from": "fn", "to": "db"}],
      "traffic": [{"id": "t", "source": "u", "arrival": "uniform", "duration": ")" +
           duration + R"(", "profile": {"type": "constant", "rps": )" + std::to_string(rps) + "}}]}";
}
Json rep(const Simulation& s) {
    return s.report()["nodes"]["db"];
}
}  // namespace

TEST_SUITE("aurora") {
    TEST_CASE("scaling configuration is validated in 0.5 ACU steps within AWS's range") {
        auto d = build_errors(cluster(
            R"({"ServerlessV2ScalingConfiguration": {"MinCapacity": 0.7, "MaxCapacity": 300, "SecondsUntilAutoPause": 60}})",
            1));
        CHECK(has_error(d, "/nodes/2/config/ServerlessV2ScalingConfiguration/MinCapacity",
                        "MinCapacity must be a multiple of 0.5 ACU, got 0.7"));
        CHECK(has_error(d, "/nodes/2/config/ServerlessV2ScalingConfiguration/MaxCapacity",
                        "MaxCapacity must be 0.5..256 ACU, got 300"));
        CHECK(has_error(d, "/nodes/2/config/ServerlessV2ScalingConfiguration/SecondsUntilAutoPause",
                        "SecondsUntilAutoPause must be 300..86400 s, got 60"));
        auto none = build_errors(cluster("{}", 1));
        CHECK(has_error(none, "/nodes/2/config/ServerlessV2ScalingConfiguration",
                        "an Aurora Serverless v2 cluster needs ServerlessV2ScalingConfiguration {\"MinCapacity\", "
                        "\"MaxCapacity\"}"));
    }

    TEST_CASE("capacity grows with the load and bills per ACU-hour") {
        auto s = build_ok(cluster(
            R"({"ServerlessV2ScalingConfiguration": {"MinCapacity": 0.5, "MaxCapacity": 8}, "AcuSecondsPerQuery": 0.01})",
            400));
        s->run_until(sec(60));
        CHECK(rep(*s)["peak_acu"].get<double>() >= 4);
        CHECK(rep(*s)["peak_acu"].get<double>() <= 8);
        CHECK(counter(*s, "fn", Counter::Errors) == 0);
        const double acu_h = rep(*s)["acu_hours"].get<double>();
        CHECK(s->report()["cost_usd"]["db"].get<double>() == doctest::Approx(acu_h * 0.12).epsilon(0.01));
    }

    TEST_CASE("a paused cluster resumes in about 15 s while the first queries wait, then pauses again when idle") {
        auto s = build_ok(cluster(
            R"({"ServerlessV2ScalingConfiguration": {"MinCapacity": 0, "MaxCapacity": 4, "SecondsUntilAutoPause": 300}})",
            1, "10s"));
        s->run_until(sec(14));
        CHECK(counter(*s, "db", Counter::Invocations) >= 10);
        CHECK(rep(*s)["resumes"] == 1);
        CHECK(s->node_inspect(node_index(*s, "db"))["waiting_for_resume"].get<int>() >= 10);
        s->run_until(sec(20));
        CHECK(s->node_inspect(node_index(*s, "db"))["waiting_for_resume"] == 0);
        CHECK(s->report()["sources"]["t"]["latency_ms"]["max"].get<double>() >= 14000);
        s->run_until(sec(400));
        CHECK(rep(*s)["paused"] == true);
        CHECK(rep(*s)["pauses"] == 1);
        const double cost = s->report()["cost_usd"]["db"].get<double>();
        s->run_until(hours(5));
        CHECK(s->report()["cost_usd"]["db"].get<double>() == doctest::Approx(cost));  // paused: no ACU charges
    }

    TEST_CASE("queries beyond MaxConnections are refused") {
        auto s = build_ok(cluster(
            R"({"ServerlessV2ScalingConfiguration": {"MinCapacity": 1, "MaxCapacity": 1}, "MaxConnections": 2, "QueryLatencyMs": 500})",
            20, "5s"));
        s->run_until(sec(10));
        CHECK(rep(*s)["connection_refusals"].get<int>() > 50);
        CHECK(counter(*s, "fn", Counter::Errors) == rep(*s)["connection_refusals"].get<std::uint64_t>());
    }

    TEST_CASE("the same seed gives the same trace fingerprint") {
        const std::string p =
            cluster(R"({"ServerlessV2ScalingConfiguration": {"MinCapacity": 0, "MaxCapacity": 4}})", 30);
        auto a = build_ok(p), b = build_ok(p);
        a->run_until(sec(90));
        b->run_until(sec(90));
        CHECK(a->trace().fingerprint() == b->trace().fingerprint());
    }
}
