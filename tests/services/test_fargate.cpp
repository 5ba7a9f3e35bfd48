// test_fargate.cpp — ECS services on Fargate: task sizes, vCPU/GB-hour cost, fractional vCPU speed,
// task start delay on scale-out, multi-AZ default, determinism.
#include "support/test_support.h"

#include <set>

using namespace sim;
using namespace sim::test;

namespace {
std::string service(const std::string& cfg, double rps, const std::string& settings = "{}") {
    return R"({"format": "serverless-playground/1", "name": "t", "seed": 3, "settings": )" + settings + R"(,
      "nodes": [{"id": "u", "type": "client", "config": {}}, {"id": "svc", "type": "fargate", "config": )" +
           cfg + R"(}],
      "edges": [{"from": "u", "to": "svc"}],
      "traffic": [{"id": "t", "source": "u", "profile": {"type": "constant", "rps": )" +
           std::to_string(rps) + "}}]}";
}
}  // namespace

TEST_SUITE("fargate") {
    TEST_CASE("only valid CPU and memory combinations are accepted") {
        auto d = build_errors(R"({"format": "serverless-playground/1", "nodes": [
            {"id": "a", "type": "fargate", "config": {"Cpu": "256", "Memory": "4096"}},
            {"id": "b", "type": "fargate", "config": {"Cpu": "300"}},
            {"id": "c", "type": "fargate", "config": {"Cpu": "8192", "Memory": 20000}},
            {"id": "d", "type": "fargate", "config": {"Cpu": "1024", "Memory": "2048", "DesiredCount": 3, "MaxCapacity": 2}}]})");
        CHECK(has_error(d, "/nodes/0/config/Memory", "Memory for Cpu 256 must be 512, 1024 or 2048 MB, got 4096"));
        CHECK(has_error(d, "/nodes/1/config/Cpu",
                        "Cpu must be one of 256, 512, 1024, 2048, 4096, 8192, 16384 (0.25..16 vCPU), got 300"));
        CHECK(has_error(d, "/nodes/2/config/Memory",
                        "Memory for Cpu 8192 must be 16384..61440 in steps of 4096 MB, got 20000"));
        CHECK(has_error(d, "/nodes/3/config/DesiredCount",
                        "DesiredCount must be between MinCapacity (1) and MaxCapacity (2), got 3"));
    }

    TEST_CASE("an idle hour costs vCPU-hours plus GB-hours per task") {
        // 2 tasks × (0.25 vCPU × $0.04048 + 0.5 GB × $0.004445) = $0.024685 per hour.
        auto s = build_ok(service(
            R"({"Cpu": "256", "Memory": "512", "DesiredCount": 2, "MinCapacity": 2, "LoadBalancer": "none"})", 0));
        s->run_until(hours(1));
        CHECK(s->report()["cost_usd"]["svc"].get<double>() ==
              doctest::Approx(2 * (0.25 * 0.04048 + 0.5 * 0.004445)).epsilon(1e-9));
        auto arm = build_ok(service(
            R"({"Cpu": "1024", "Memory": "2048", "RuntimePlatform": {"CpuArchitecture": "ARM64"}, "LoadBalancer": "none"})",
            0));
        arm->run_until(hours(1));
        CHECK(arm->report()["cost_usd"]["svc"].get<double>() == doctest::Approx(0.03238 + 2 * 0.00356).epsilon(1e-9));
    }

    TEST_CASE("a quarter-vCPU task takes four times the CPU time of a full vCPU") {
        auto small = build_ok(service(R"({"Cpu": "256", "Memory": "512", "RequestCpuMs": 10, "LatencyMs": 0})", 5));
        auto full = build_ok(service(R"({"Cpu": "1024", "Memory": "2048", "RequestCpuMs": 10, "LatencyMs": 0})", 5));
        small->run_until(minutes(1));
        full->run_until(minutes(1));
        CHECK(small->source_latency(0).percentile(0.5).millis() == doctest::Approx(40).epsilon(0.05));
        CHECK(full->source_latency(0).percentile(0.5).millis() == doctest::Approx(10).epsilon(0.05));
    }

    TEST_CASE("scaling out waits for new tasks to start (30-60 s by default)") {
        auto s =
            build_ok(service(R"({"Cpu": "512", "Memory": "1024", "RequestCpuMs": 50, "MaxBacklog": 10, "MaxCapacity": 8,
                                      "TargetCpuUtilization": 60})",
                             30));
        s->run_until(minutes(12));
        const Json r = s->report()["nodes"]["svc"];
        CHECK(r["launches"].get<int>() >= 3);
        CHECK(r["tasks_in_service"].get<int>() >= 4);
        bool saw_start = false;
        for (const LogEntry& e : s->trace().entries()) {
            const auto pos = e.text.find(" in service after ");
            if (pos == std::string::npos) continue;
            const int secs = std::stoi(e.text.substr(pos + 18));
            CHECK(secs >= 30);
            CHECK(secs <= 60);
            saw_start = true;
        }
        CHECK(saw_start);
    }

    TEST_CASE("tasks spread over three AZs by default, so one AZ outage costs a third of the capacity") {
        auto s = build_ok(service(R"({"Cpu": "1024", "Memory": "2048", "DesiredCount": 3, "MinCapacity": 3})", 10,
                                  R"({"faults": [{"az": "use1-az2", "from": "1m"}]})"));
        s->run_until(minutes(4));
        const Json inspect = s->node_inspect(node_index(*s, "svc"));
        std::set<std::string> azs;
        for (const Json& t : inspect["tasks"]) azs.insert(t["az"].get<std::string>());
        CHECK(azs == std::set<std::string>{"use1-az1", "use1-az4"});
        CHECK(inspect["tasks"].size() == 3);
        const Json r = s->report();
        CHECK(r["sources"]["t"]["failed"].get<int>() > 0);
        CHECK(r["sources"]["t"]["failed"].get<int>() < 10 * 70 / 3);
    }

    TEST_CASE("the same seed gives the same trace") {
        const std::string p = service(
            R"({"Cpu": "512", "Memory": "1024", "RequestCpuMs": 50, "MaxCapacity": 5, "TargetCpuUtilization": 50})",
            25);
        auto a = build_ok(p);
        auto b = build_ok(p);
        a->run_until(minutes(8));
        b->run_until(minutes(8));
        CHECK(a->report()["trace_fingerprint"] == b->report()["trace_fingerprint"]);
    }
}
