// test_asl_conformance.cpp — the shared, AWS-recorded ASL cases must all pass.
#include <doctest/doctest.h>

#include "conformance/conformance.h"

#include <fstream>
#include <string>

TEST_SUITE("stepfunctions") {
    TEST_CASE("every shared asl-cases.json case passes") {
        const std::string file = std::string(SLSIM_SOURCE_DIR) + "/../shared/conformance/asl-cases.json";
        std::ifstream in(file);
        if (!in) {
            MESSAGE("skipped: " << file << " is not available");
            return;
        }
        auto cases = nlohmann::json::parse(in, nullptr, false);
        REQUIRE_FALSE(cases.is_discarded());
        auto report = sim::conformance::run_asl_suite(cases);
        for (const auto& f : report.failures) MESSAGE(f.id << ": " << f.why);
        CHECK(report.failures.empty());
        CHECK(report.passed == static_cast<int>(cases.size()));
    }

    TEST_CASE("malformed asl cases are reported, never thrown") {
        auto report = sim::conformance::run_asl_suite(nlohmann::json::parse(R"([
            {"id": "no-definition", "input": {}, "expected": {"status": "SUCCEEDED", "output": {}}},
            {"id": "bad-definition", "definition": {"StartAt": "A", "States": {}}, "input": {},
             "expected": {"status": "SUCCEEDED", "output": {}}},
            {"id": "wrong-output", "definition": {"StartAt": "A", "States": {"A": {"Type": "Pass", "Result": 2, "End": true}}},
             "input": {}, "expected": {"status": "SUCCEEDED", "output": 2.0}},
            42])"));
        CHECK(report.passed == 1);
        REQUIRE(report.failures.size() == 3);
        CHECK(report.failures[0].why == "case is missing key 'definition'");
        CHECK(report.failures[1].why ==
              "definition rejected: the definition: States is required and "
              "must be a non-empty object at /States");
        CHECK(report.failures[2].id == "(case 3)");
    }
}
