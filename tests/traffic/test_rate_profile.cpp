// test_rate_profile.cpp — traffic profiles give the rates they say, in either unit.
#include "support/test_support.h"
#include "traffic/rate_profile.h"

using namespace sim;
using namespace sim::test;

namespace {
RateProfile parse_ok(const char* text) {
    Diagnostics d;
    auto p = RateProfile::parse(Json::parse(text), "/p", d);
    for (const auto& item : d.items()) MESSAGE(format_diagnostic(item));
    REQUIRE(p.has_value());
    return *p;
}
std::string client_pattern(const char* profile, const char* arrival) {
    return std::string(R"({"format": "serverless-playground/1", "nodes": [{"id": "u", "type": "client", "config": {}},
        {"id": "f", "type": "lambda", "config": {"DurationMs": 1}}], "edges": [{"from": "u", "to": "f"}],
        "traffic": [{"id": "t", "source": "u", "arrival": ")") +
           arrival + R"(", "profile": )" + profile + "}]}";
}
}  // namespace

TEST_SUITE("traffic") {
    TEST_CASE("a constant rate can be given per second or per minute") {
        CHECK(parse_ok(R"({"type": "constant", "rps": 2})").rate_at({}) == 2);
        CHECK(parse_ok(R"({"type": "constant", "rpm": 120})").rate_at({}) == doctest::Approx(2));
        CHECK(parse_ok(R"({"type": "constant", "rps": 120, "unit": "rpm"})").rate_at({}) == doctest::Approx(2));
    }

    TEST_CASE("a constant profile without a rate is refused") {
        Diagnostics d;
        CHECK_FALSE(RateProfile::parse(Json::parse(R"({"type": "constant"})"), "/p", d));
        CHECK(has_error(d, "/p", "missing \"rps\": expected a rate in requests per second (or \"rpm\" per minute)"));
    }

    TEST_CASE("spike, ramp and bursts give their rates at the right instants") {
        RateProfile spike = parse_ok(R"({"type": "spike", "base": 1, "peak": 100, "at": "5m", "length": "1m"})");
        CHECK(spike.rate_at(minutes(4)) == 1);
        CHECK(spike.rate_at(minutes(5)) == 100);
        CHECK(spike.rate_at(minutes(6)) == 1);
        RateProfile ramp = parse_ok(R"({"type": "ramp", "from": 0, "to": 100, "over": "100s"})");
        CHECK(ramp.rate_at(sec(50)) == doctest::Approx(50));
        RateProfile bursts = parse_ok(R"({"type": "bursts", "base": 0, "peak": 10, "every": "10m", "length": "30s"})");
        CHECK(bursts.rate_at(sec(10)) == 10);
        CHECK(bursts.rate_at(sec(40)) == 0);
    }

    TEST_CASE("uniform arrivals send nothing while the rate is zero") {
        // 10 rps for 30 s out of every 10 min: 300 requests per 10 minutes.
        auto s = build_ok(
            client_pattern(R"({"type": "bursts", "base": 0, "peak": 10, "every": "10m", "length": "30s"})", "uniform"));
        s->run_until(minutes(30) - usec(1));
        CHECK(counter(*s, "u", Counter::Invocations) == 900);
    }

    TEST_CASE("poisson arrivals follow a spike profile on average") {
        // base 0.5 rps for 5 min with a 1-minute spike to 20 rps: ~0.5*240 + 20*60 = 1,320.
        auto s = build_ok(client_pattern(
            R"({"type": "spike", "base": 30, "peak": 1200, "at": "2m", "length": "1m", "unit": "rpm"})", "poisson"));
        s->run_until(minutes(5));
        CHECK(counter(*s, "u", Counter::Invocations) == doctest::Approx(1320).epsilon(0.08));
    }
}
