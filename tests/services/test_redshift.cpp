// test_redshift.cpp — Redshift Serverless as a sink (the worked example of docs/ADDING-A-SERVICE.md):
// its contract, and compute billed per second in RPU-hours with a 60-second minimum per statement
// ("You pay for compute in RPU-hours, billed for each second, with a 60-second minimum",
// https://docs.aws.amazon.com/redshift/latest/mgmt/serverless-billing.html).
#include "messaging_test_util.h"

#include "services/all_services.h"

using namespace msgtest;
using sim::Counter;
using sim::sec;

namespace {

// The cost of one statement that runs `latency_ms` on a workgroup of `rpus` base capacity.
double one_statement(int latency_ms, int rpus) {
    auto s = build(pattern(R"J([{"id": "rs", "type": "redshift", "config": {"LatencyMs": )J" +
                               std::to_string(latency_ms) + R"J(, "BaseCapacity": )J" + std::to_string(rpus) + "}}]",
                           "[]"));
    s->fire("rs", {{"Sql", "COPY sales FROM 's3://bucket/key'"}});
    s->run_until(sec(600));
    REQUIRE(count(*s, "rs", Counter::Invocations) == 1);
    return s->node_cost_usd(node(*s, "rs"));
}

}  // namespace

TEST_SUITE("redshift") {
    TEST_CASE("the contract: Redshift Serverless workgroup, the Data API's ExecuteStatement, a data store") {
        const sim::ServiceKind* k = sim::default_registry().find("redshift");
        REQUIRE(k != nullptr);
        REQUIRE(!k->cfn.empty());
        CHECK(k->cfn.front().type == "AWS::RedshiftServerless::Workgroup");
        const sim::OperationSpec* op = k->operation("ExecuteStatement");
        REQUIRE(op != nullptr);
        // ExecuteStatement's one required request parameter is Sql (Redshift Data API Reference).
        REQUIRE(op->field("Sql") != nullptr);
        CHECK(op->field("Sql")->required);
        CHECK(k->shape == sim::DiagramShape::Store);
        // Firehose loads it: its "out" port lists Redshift, which needs nothing outside this folder.
        CHECK(sim::default_registry().can_connect("firehose", "out", "redshift").ok);
    }

    TEST_CASE("a statement shorter than a minute is billed as 60 seconds, longer ones per second") {
        const double one_second = one_statement(1000, 8);
        const double one_minute = one_statement(60000, 8);
        const double two_minutes = one_statement(120000, 8);
        CHECK(one_second > 0);
        CHECK(one_second == doctest::Approx(one_minute));
        CHECK(two_minutes == doctest::Approx(2 * one_minute));
    }

    TEST_CASE("compute is billed in RPUs: twice the base capacity costs twice as much") {
        CHECK(one_statement(90000, 16) == doctest::Approx(2 * one_statement(90000, 8)));
    }
}
