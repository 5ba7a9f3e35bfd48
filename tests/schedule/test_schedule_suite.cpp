// test_schedule_suite.cpp — the recorded AWS schedule-expression cases (../shared/conformance)
// and the runner's handling of malformed cases.
#include "conformance/conformance.h"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <fstream>
#include <string>

#ifndef SLSIM_SOURCE_DIR
#define SLSIM_SOURCE_DIR "."
#endif

using nlohmann::json;
using sim::conformance::run_schedule_suite;

TEST_SUITE("schedule") {
    TEST_CASE("the shared schedule-expressions conformance file passes with no failures") {
        const std::string path = std::string(SLSIM_SOURCE_DIR) + "/../shared/conformance/schedule-expressions.json";
        std::ifstream in(path);
        if (!in) {
            MESSAGE("skipped: " << path << " is not present");
            return;
        }
        const json cases = json::parse(in, nullptr, /*allow_exceptions=*/false);
        REQUIRE_FALSE(cases.is_discarded());
        const auto report = run_schedule_suite(cases);
        for (const auto& f : report.failures) MESSAGE(f.id << ": " << f.why);
        CHECK(report.failures.empty());
        CHECK(report.passed == static_cast<int>(cases.size()));
    }

    TEST_CASE("schedule suite reports wrong fire times with both lists") {
        const json cases = json::parse(R"json([
      {"id": "ok", "expression": "cron(0 10 * * ? *)", "after": "2024-03-10T09:59:30Z",
       "next": ["2024-03-10T10:00:00Z", "2024-03-11T10:00:00Z", "2024-03-12T10:00:00Z"]},
      {"id": "wrong", "expression": "cron(0 10 * * ? *)", "after": "2024-03-10T09:59:30Z",
       "next": ["2024-03-10T10:00:00Z"]},
      {"id": "rate", "expression": "rate(2 hours)", "after": "2024-01-01T00:00:00Z",
       "next": ["2024-01-01T02:00:00Z", "2024-01-01T04:00:00Z", "2024-01-01T06:00:00Z"]}
    ])json");
        const auto report = run_schedule_suite(cases);
        CHECK(report.passed == 2);
        REQUIRE(report.failures.size() == 1);
        CHECK(report.failures[0].id == "wrong");
        CHECK(report.failures[0].why ==
              "expected [2024-03-10T10:00:00Z], got [2024-03-10T10:00:00Z, 2024-03-11T10:00:00Z, "
              "2024-03-12T10:00:00Z]");
    }

    TEST_CASE("schedule suite checks that invalid expressions are rejected") {
        const json cases = json::parse(R"json([
      {"id": "bad", "expression": "rate(1 minutes)", "invalid": true},
      {"id": "good", "expression": "rate(1 minute)", "invalid": true},
      {"id": "valid-but-error", "expression": "cron(71 8 1 * ? *)", "after": "2024-01-01T00:00:00Z",
       "next": []}
    ])json");
        const auto report = run_schedule_suite(cases);
        CHECK(report.passed == 1);
        REQUIRE(report.failures.size() == 2);
        CHECK(report.failures[0].id == "good");
        CHECK(report.failures[0].why == "expected 'rate(1 minute)' to be rejected, but it parsed");
        CHECK(report.failures[1].id == "valid-but-error");
        CHECK(report.failures[1].why ==
              "expected 'cron(71 8 1 * ? *)' to be valid, got error: cron "
              "minutes field '71': 71 is out of range 0-59");
    }

    TEST_CASE("schedule suite reports malformed cases by their missing key") {
        const json cases = json::parse(R"json([
      {"expression": "rate(1 minute)"},
      {"id": "no-expr"},
      {"id": "no-after", "expression": "rate(1 minute)", "next": []},
      {"id": "bad-after", "expression": "rate(1 minute)", "after": "yesterday", "next": []},
      {"id": "no-next", "expression": "rate(1 minute)", "after": "2024-01-01T00:00:00Z"},
      42
    ])json");
        const auto report = run_schedule_suite(cases);
        CHECK(report.passed == 0);
        REQUIRE(report.failures.size() == 6);
        CHECK(report.failures[0].id == "(case 0)");
        CHECK(report.failures[0].why == "case has no string key 'id'");
        CHECK(report.failures[1].why == "case has no string key 'expression'");
        CHECK(report.failures[2].why == "case has no string key 'after'");
        CHECK(report.failures[3].why == "bad 'after': expected YYYY-MM-DDTHH:MM:SSZ, got 'yesterday'");
        CHECK(report.failures[4].why == "case has no array key 'next'");
        CHECK(report.failures[5].id == "(case 5)");
        CHECK(report.failures[5].why == "case is not a JSON object");
        CHECK(run_schedule_suite(json::object()).failures.size() == 1);
    }

}  // TEST_SUITE
