// test_time_based_charges.cpp — charges that accrue with time (not per request) are billed pro
// rata, so the cost read at any instant — and the 30-day projection made from it — is right.
// AWS bills these per hour (or GB-month, ACU-hour, shard-hour) in proportion to the time used:
// a provisioned DynamoDB table run for 10 minutes is 1/6 of an hour of WCU/RCU, not $0.
#include "support/test_support.h"

using namespace sim;
using namespace sim::test;

namespace {
std::string one_node(const std::string& type, const std::string& config) {
    return R"({"format": "serverless-playground/1", "name": "t", "seed": 5,
      "nodes": [{"id": "n", "type": ")" +
           type + R"(", "config": )" + config + "}]}";
}
double cost_at(Simulation& s, SimTime t) {
    s.run_until(t);
    return s.report()["cost_usd"]["n"].get<double>();
}
}  // namespace

TEST_SUITE("time-based charges") {
    TEST_CASE("a provisioned DynamoDB table bills its capacity for exactly the time it has run") {
        // 5 WCU × $0.00065/h + 5 RCU × $0.00013/h = $0.0039 per hour.
        auto s = build_ok(one_node(
            "dynamodb", R"({"KeySchema": [{"AttributeName": "id", "KeyType": "HASH"}], "BillingMode": "PROVISIONED",
            "ProvisionedThroughput": {"ReadCapacityUnits": 5, "WriteCapacityUnits": 5}})"));
        const double hourly = 5 * 0.00065 + 5 * 0.00013;
        CHECK(cost_at(*s, minutes(10)) == doctest::Approx(hourly / 6).epsilon(1e-6));
        CHECK(cost_at(*s, minutes(90)) == doctest::Approx(hourly * 1.5).epsilon(1e-6));
        // The projection a report makes (cost / elapsed × 30 days) is the monthly bill.
        CHECK(s->total_cost_usd() / minutes(90).seconds() * 86400 * 30 ==
              doctest::Approx(hourly * 24 * 30).epsilon(1e-6));
    }

    TEST_CASE("a REST stage cache bills per hour pro rata, between its minute marks too") {
        // 0.5 GB cache: $0.020 per hour. 90 s = $0.0005.
        auto s = build_ok(one_node("apigateway", R"({"CacheClusterEnabled": true})"));
        CHECK(cost_at(*s, sec(90)) == doctest::Approx(0.020 * 90 / 3600).epsilon(1e-6));
    }

    TEST_CASE("an idle Kinesis stream bills its shard-hours without any write") {
        // 2 shards × $0.015 per shard-hour × 0.5 h = $0.015.
        auto s = build_ok(one_node("kinesis", R"({"ShardCount": 2})"));
        CHECK(cost_at(*s, minutes(30)) == doctest::Approx(2 * 0.015 * 0.5).epsilon(1e-6));
    }

    TEST_CASE("provisioned concurrency bills its allocation continuously") {
        // 5 environments × 1 GB × 150 s × $0.0000041667 per GB-s (x86).
        auto s = build_ok(one_node("lambda", R"({"MemorySize": 1024, "ReservedConcurrentExecutions": 5,
            "ProvisionedConcurrencyConfig": {"ProvisionedConcurrentExecutions": 5}})"));
        CHECK(cost_at(*s, sec(150)) == doctest::Approx(5 * 1.0 * 150 * 0.0000041667).epsilon(1e-6));
    }

    TEST_CASE("Aurora Serverless v2 bills its minimum ACUs per ACU-hour while idle") {
        // MinCapacity 2 ACU × $0.12 per ACU-hour × 0.25 h = $0.06, read half-way between ticks.
        auto s = build_ok(
            one_node("aurora", R"({"ServerlessV2ScalingConfiguration": {"MinCapacity": 2, "MaxCapacity": 4}})"));
        CHECK(cost_at(*s, minutes(15) + msec(500)) == doctest::Approx(2 * 0.12 * (900.5 / 3600)).epsilon(1e-6));
    }

    TEST_CASE("EC2 instances and the ALB bill to the second, between the group's 10 s ticks") {
        // 2 × m5.large ($0.096/h) + ALB ($0.0225/h) for 15 s.
        auto s = build_ok(one_node("ec2", R"({"InstanceType": "m5.large", "DesiredCapacity": 2, "MinSize": 2})"));
        CHECK(cost_at(*s, sec(15)) == doctest::Approx((2 * 0.096 + 0.0225) * 15 / 3600).epsilon(1e-6));
    }

    TEST_CASE("S3 storage accrues per GB-month up to the instant of the report") {
        // One 1 GiB object stored at t=0, read after 73 h: 1 GB × $0.023 × 73 / 730 h = $0.0023,
        // plus the PUT request ($0.005 per 1,000).
        auto s = build_ok(one_node("s3", "{}"));
        s->fire("n", {{"operation", "PutObject"}, {"Key", "big"}, {"SizeBytes", 1073741824}});
        CHECK(cost_at(*s, hours(73)) == doctest::Approx(0.023 * 73 / 730 + 0.005 / 1000).epsilon(1e-6));
    }
}
