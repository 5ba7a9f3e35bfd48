// test_ec2.cpp — EC2 Auto Scaling groups: config checks, always-on cost, queueing under overload,
// target-tracking scale-out, AZ outages (scheduled and at run time) and determinism.
#include "support/test_support.h"

using namespace sim;
using namespace sim::test;

namespace {
std::string group(const std::string& ec2_config, double rps, const std::string& settings = "{}",
                  const std::string& extra_nodes = "", const std::string& extra_edges = "") {
    return R"({"format": "serverless-playground/1", "name": "t", "seed": 5, "settings": )" + settings + R"(,
      "nodes": [{"id": "u", "type": "client", "config": {}},
                {"id": "web", "type": "ec2", "config": )" +
           ec2_config + "}" + extra_nodes + R"(],
      "edges": [{"from": "u", "to": "web"})" +
           extra_edges + R"(],
      "traffic": [{"id": "t", "source": "u", "request": {"method": "GET", "path": "/"},
                   "profile": {"type": "constant", "rps": )" +
           std::to_string(rps) + "}}]}";
}
std::uint64_t status(const Simulation& s, const char* code) {
    const Json r = s.report();
    const Json& by = r["nodes"]["u"]["responses_by_status"];
    return by.contains(code) ? by[code].get<std::uint64_t>() : 0;
}
double cost(const Simulation& s, const char* node) {
    return s.report()["cost_usd"][node].get<double>();
}
}  // namespace

TEST_SUITE("ec2") {
    TEST_CASE("config validation names the instance types, sizes and AZs") {
        auto d = build_errors(R"({"format": "serverless-playground/1", "nodes": [{"id": "w", "type": "ec2",
            "config": {"InstanceType": "m9.huge", "MinSize": 2, "MaxSize": 4, "DesiredCapacity": 5,
                       "AvailabilityZones": ["use1-az1", "us-east-1a", "use1-az1"], "TargetCpuUtilization": 0}}]})");
        CHECK(has_error(d, "/nodes/0/config/InstanceType",
                        "InstanceType 'm9.huge' is not in the simulator's price table"));
        CHECK(has_error(d, "/nodes/0/config/DesiredCapacity",
                        "DesiredCapacity must be between MinSize (2) and MaxSize (4), got 5"));
        CHECK(has_error(d, "/nodes/0/config/AvailabilityZones/1",
                        "AvailabilityZones entries must be us-east-1 AZ IDs use1-az1..use1-az6, got \"us-east-1a\""));
        CHECK(has_error(d, "/nodes/0/config/AvailabilityZones/2", "AvailabilityZones lists \"use1-az1\" twice"));
        CHECK(has_error(d, "/nodes/0/config/TargetCpuUtilization", "TargetCpuUtilization must be 1..100 %, got 0"));
    }

    TEST_CASE("fault schedules are checked, and round-trip through the pattern writer") {
        auto d = build_errors(
            R"({"format": "serverless-playground/1", "settings": {"faults": [{"az": "us-east-1a", "from": "5m"},
            {"az": "use1-az2", "from": "10m", "to": "5m"}, 7]}, "nodes": []})");
        CHECK(has_error(d, "/settings/faults/0/az",
                        "az must be a us-east-1 AZ ID use1-az1..use1-az6, got \"us-east-1a\""));
        CHECK(has_error(d, "/settings/faults/1/to", "to must be later than from"));
        CHECK(has_error(d, "/settings/faults/2",
                        "a fault must be an object such as {\"az\": \"use1-az1\", \"from\": \"5m\", \"to\": \"10m\"}, "
                        "got a number"));
        ParseResult p = parse_pattern(R"({"format": "serverless-playground/1", "name": "f",
            "settings": {"faults": [{"az": "use1-az1", "from": "5m", "to": "10m"}, {"az": "use1-az3", "from": "1h"}]}})");
        REQUIRE(p.ok());
        REQUIRE(p.pattern.settings.faults.size() == 2);
        CHECK(p.pattern.settings.faults[0].to == minutes(10));
        CHECK(p.pattern.settings.faults[1].to == kNever);
        ParseResult again = parse_pattern(write_pattern(p.pattern));
        CHECK(write_pattern(again.pattern) == write_pattern(p.pattern));
        CHECK(again.pattern.settings.faults[1].az == "use1-az3");
    }

    TEST_CASE("an idle hour costs 2 x m5.large x 1 h = $0.192, plus $0.0225 with the ALB") {
        auto bare = build_ok(
            group(R"({"InstanceType": "m5.large", "DesiredCapacity": 2, "MinSize": 2, "LoadBalancer": "none"})", 0));
        bare->run_until(hours(1));
        CHECK(cost(*bare, "web") == doctest::Approx(0.192).epsilon(1e-9));
        CHECK(counter(*bare, "web", Counter::Invocations) == 0);
        auto alb = build_ok(group(R"({"InstanceType": "m5.large", "DesiredCapacity": 2, "MinSize": 2})", 0));
        alb->run_until(hours(1));
        CHECK(cost(*alb, "web") == doctest::Approx(0.192 + 0.0225).epsilon(1e-9));
        // The cost accrues as time passes, not at the end: the first minute already holds 1/60.
        const auto& buckets = alb->node_metrics(node_index(*alb, "web")).series().buckets();
        double first_minute = 0;
        const std::int64_t width = alb->node_metrics(node_index(*alb, "web")).series().width().us;
        for (std::size_t i = 0; i < buckets.size() && static_cast<std::int64_t>(i) * width < minutes(1).us; ++i)
            first_minute += buckets[i].cost_usd;
        CHECK(first_minute > 0);
    }

    TEST_CASE("the same idle hour costs $0 for Lambda behind API Gateway") {
        auto s = build_ok(R"({"format": "serverless-playground/1", "name": "idle", "nodes": [
            {"id": "u", "type": "client", "config": {}}, {"id": "api", "type": "apigateway", "config": {}},
            {"id": "f", "type": "lambda", "config": {}}],
          "edges": [{"from": "u", "to": "api"}, {"from": "api", "to": "f"}],
          "traffic": [{"id": "t", "source": "u", "profile": {"type": "constant", "rps": 0}}]})");
        s->run_until(hours(1));
        CHECK(s->total_cost_usd() == 0);
        CHECK(s->node_metrics(node_index(*s, "f")).peak_concurrency() == 0);
    }

    TEST_CASE("requests are served by the group and its application calls DynamoDB") {
        auto s = build_ok(group(
            R"({"InstanceType": "c5.large", "DesiredCapacity": 2, "MinSize": 2, "AvailabilityZones": ["use1-az1", "use1-az2"],
                                    "RequestCpuMs": 10, "Actions": [{"target": "tbl", "operation": "PutItem", "Item": {"id": "$.path"}}]})",
            20, "{}",
            R"(, {"id": "tbl", "type": "dynamodb", "config": {"KeySchema": [{"AttributeName": "id", "KeyType": "HASH"}],
                                      "AttributeDefinitions": [{"AttributeName": "id", "AttributeType": "S"}]}})",
            R"(, {"from": "web", "to": "tbl"})"));
        s->run_until(minutes(1));
        CHECK(status(*s, "200") > 1000);
        CHECK(status(*s, "200") + 5 >= counter(*s, "web", Counter::Invocations));
        CHECK(counter(*s, "tbl", Counter::Invocations) + 2 >=
              counter(*s, "web", Counter::Invocations));  // minus in-flight
        CHECK(s->report()["nodes"]["web"]["instances_in_service"] == 2);
    }

    TEST_CASE("an overloaded group queues: latency grows with load, then a full backlog answers 503") {
        // t3.micro: 2 vCPUs; 100 ms of CPU per request → at most 20 requests/s.
        const std::string cfg =
            R"({"InstanceType": "t3.micro", "RequestCpuMs": 100, "MaxBacklog": 50, "LoadBalancer": "none"})";
        auto light = build_ok(group(cfg, 10));
        auto busy = build_ok(group(cfg, 18));
        auto over = build_ok(group(cfg, 40));
        for (auto* s : {light.get(), busy.get(), over.get()}) s->run_until(minutes(2));
        const auto p99 = [](const Simulation& s) { return s.source_latency(0).percentile(0.99).millis(); };
        CHECK(status(*light, "503") == 0);
        CHECK(p99(*light) < 400);
        CHECK(p99(*busy) > 2 * p99(*light));  // M/M/c: waiting grows sharply as utilisation nears 1
        CHECK(status(*over, "503") > 1500);   // ~20 of the 40 requests/s are refused
        CHECK(counter(*over, "web", Counter::Throttles) <= status(*over, "503") + 2);  // replies still on the wire
        CHECK(over->node_metrics(node_index(*over, "web")).peak_queue_depth() == 50);
        CHECK(p99(*over) > 2000);  // 50 waiting × 50 ms each
    }

    TEST_CASE("target tracking adds instances after three minutes above target and they serve after launching") {
        auto s = build_ok(
            group(R"({"InstanceType": "t3.micro", "RequestCpuMs": 100, "MaxBacklog": 20, "MinSize": 1, "MaxSize": 6,
                                    "TargetCpuUtilization": 50, "InstanceWarmupSeconds": 60, "LaunchDelayMs": 30000})",
                  30));
        s->run_until(minutes(15));
        const Json r = s->report()["nodes"]["web"];
        CHECK(r["desired_capacity"].get<int>() >= 3);
        CHECK(r["launches"].get<int>() >= 2);
        CHECK(status(*s, "503") > 0);  // before the new capacity arrived
        // After scaling, the last minutes are served without refusals.
        const auto& b = s->node_metrics(node_index(*s, "u")).series().buckets();
        std::uint64_t late_errors = 0;
        for (std::size_t i = b.size() - 60; i < b.size(); ++i)
            late_errors += b[i].counters[static_cast<std::size_t>(Counter::Errors)];
        CHECK(late_errors == 0);
    }

    TEST_CASE("a single-AZ group fails during an AZ outage while a Lambda design keeps serving") {
        const std::string faults = R"({"faults": [{"az": "use1-az1", "from": "2m", "to": "4m"}]})";
        auto ec2 = build_ok(group(
            R"({"InstanceType": "m5.large", "DesiredCapacity": 2, "MinSize": 2, "LaunchDelayMs": 40000})", 10, faults));
        ec2->run_until(minutes(8));
        CHECK(status(*ec2, "502") + status(*ec2, "503") >= 10 * 120 - 50);  // the whole outage fails
        CHECK(ec2->report()["nodes"]["web"]["terminations"] == 2);
        const auto& b = ec2->node_metrics(node_index(*ec2, "u")).series().buckets();
        std::uint64_t late_errors = 0;
        for (std::size_t i = 6 * 60; i < b.size(); ++i)
            late_errors += b[i].counters[static_cast<std::size_t>(Counter::Errors)];
        CHECK(late_errors == 0);  // replaced once the AZ was back (+ launch delay)

        auto lambda = build_ok(R"({"format": "serverless-playground/1", "name": "l", "settings": )" + faults + R"(,
            "nodes": [{"id": "u", "type": "client", "config": {}}, {"id": "api", "type": "apigateway", "config": {}},
                      {"id": "f", "type": "lambda", "config": {}}],
            "edges": [{"from": "u", "to": "api"}, {"from": "api", "to": "f"}],
            "traffic": [{"id": "t", "source": "u", "profile": {"type": "constant", "rps": 10}}]})");
        lambda->run_until(minutes(8));
        CHECK(lambda->report()["sources"]["t"]["failed"] == 0);
        CHECK(lambda->report()["sources"]["t"]["ok"].get<int>() > 4500);
    }

    TEST_CASE("a multi-AZ group fails over after its health checks and replaces capacity in the other AZ") {
        auto s = build_ok(group(
            R"({"InstanceType": "m5.large", "DesiredCapacity": 2, "MinSize": 2, "AvailabilityZones": ["use1-az1", "use1-az2"],
                                    "HealthCheckIntervalSeconds": 10, "UnhealthyThresholdCount": 2, "LaunchDelayMs": 40000})",
            10, R"({"faults": [{"az": "use1-az1", "from": "2m", "to": "10m"}]})"));
        s->run_until(minutes(6));
        // Half the requests go to the lost instance until two failed checks (≤ 20 s) take it out.
        CHECK(status(*s, "502") > 0);
        CHECK(status(*s, "502") < 10 * 25 / 2 + 20);
        CHECK(status(*s, "503") == 0);
        const Json inspect = s->node_inspect(node_index(*s, "web"));
        REQUIRE(inspect["instances"].size() == 2);
        CHECK(inspect["instances"][0]["az"] == "use1-az2");
        CHECK(inspect["instances"][1]["az"] == "use1-az2");
    }

    TEST_CASE("Simulation::set_az_down takes an AZ down at run time and brings it back") {
        auto s = build_ok(group(R"({"InstanceType": "m5.large", "LaunchDelayMs": 30000})", 5));
        CHECK(s->set_az_down("use1-az9", true) == "az must be a us-east-1 AZ ID use1-az1..use1-az6, got \"use1-az9\"");
        s->run_until(minutes(1));
        CHECK(status(*s, "200") > 250);
        CHECK(s->set_az_down("use1-az1", true).empty());
        CHECK(s->az_down("use1-az1"));
        s->run_until(minutes(3));
        const std::uint64_t failed = status(*s, "502") + status(*s, "503");
        CHECK(failed > 500);
        s->set_az_down("use1-az1", false);
        s->run_until(minutes(5));
        CHECK(status(*s, "502") + status(*s, "503") < failed + 5 * 45);  // back after launching a new instance
        CHECK(s->report()["nodes"]["web"]["instances_in_service"] == 1);
    }

    TEST_CASE("the same seed gives the same trace") {
        const std::string p =
            group(R"({"InstanceType": "t3.small", "RequestCpuMs": {"p50": 40, "p99": 200}, "TargetCpuUtilization": 40,
                                        "MaxSize": 4, "AvailabilityZones": ["use1-az1", "use1-az2"]})",
                  30, R"({"faults": [{"az": "use1-az2", "from": "3m", "to": "6m"}]})");
        auto a = build_ok(p);
        auto b = build_ok(p);
        a->run_until(minutes(10));
        b->run_until(minutes(10));
        CHECK(a->report()["trace_fingerprint"] == b->report()["trace_fingerprint"]);
        CHECK(a->report().dump() == b->report().dump());
    }

    TEST_CASE("the shipped ec2-comparison pattern runs: always-on cost, and the AZ outage fails it for minutes") {
        auto s = build_ok(repo_file("patterns/ec2-comparison.json"));
        s->run_until(minutes(15));
        const Json r = s->report();
        CHECK(r["sources"]["checkout"]["ok"].get<int>() > 10000);
        CHECK(r["sources"]["checkout"]["failed"].get<int>() > 20 * 180);  // the 3-minute outage and the relaunch
        CHECK(r["nodes"]["orders-asg"]["compute_cost_usd"].get<double>() > 2 * 0.096 * 0.2);
    }
}
