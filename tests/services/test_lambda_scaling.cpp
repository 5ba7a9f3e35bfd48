// test_lambda_scaling.cpp — Lambda scaling fidelity: provisioned concurrency, memory → CPU,
// the dated scaling profiles (2023-11 vs legacy burst) and the INIT duration histogram.
#include "support/test_support.h"

using namespace sim;
using namespace sim::test;

namespace {
std::string one_function(const std::string& fn_config, const std::string& settings = "{}") {
    return R"({"format": "serverless-playground/1", "name": "t", "seed": 3, "settings": )" + settings + R"(,
      "nodes": [{"id": "f", "type": "lambda", "config": )" +
           fn_config + "}]}";
}

double billed_gbs(Simulation& s) {
    return s.report()["nodes"]["f"]["billed_gb_seconds"].get<double>();
}
}  // namespace

TEST_SUITE("lambda") {
    TEST_CASE("provisioned concurrency is validated against reserved and account concurrency") {
        auto d = build_errors(one_function(R"({"ReservedConcurrentExecutions": 10,
            "ProvisionedConcurrencyConfig": {"ProvisionedConcurrentExecutions": 11}})"));
        CHECK(has_error(d, "/nodes/0/config/ProvisionedConcurrencyConfig/ProvisionedConcurrentExecutions",
                        "ProvisionedConcurrentExecutions must be 1..10, got 11"));
        auto d2 =
            build_errors(one_function(R"({"ProvisionedConcurrencyConfig": {"ProvisionedConcurrentExecutions": 901}})"));
        CHECK(has_error(d2, "/nodes/0/config/ProvisionedConcurrencyConfig/ProvisionedConcurrentExecutions",
                        "ProvisionedConcurrentExecutions must be 1..900, got 901"));
    }

    TEST_CASE("five concurrent requests on five provisioned environments do not cold-start") {
        auto s = build_ok(one_function(
            R"({"DurationMs": 1000, "ProvisionedConcurrencyConfig": {"ProvisionedConcurrentExecutions": 5}})"));
        for (int i = 0; i < 5; ++i) s->fire("f", Json::object());
        s->run_until(sec(3));
        CHECK(counter(*s, "f", Counter::Invocations) == 5);
        CHECK(counter(*s, "f", Counter::ColdStarts) == 0);
        CHECK(s->report()["nodes"]["f"]["init_ms"]["p50"].get<double>() == 0);
    }

    TEST_CASE("a sixth concurrent request spills over to an on-demand environment and cold-starts") {
        auto s = build_ok(one_function(R"({"DurationMs": 1000, "InitDurationMs": 200,
            "ProvisionedConcurrencyConfig": {"ProvisionedConcurrentExecutions": 5}})"));
        for (int i = 0; i < 6; ++i) s->fire("f", Json::object());
        s->run_until(sec(3));
        CHECK(counter(*s, "f", Counter::Invocations) == 6);
        CHECK(counter(*s, "f", Counter::ColdStarts) == 1);
        CHECK(s->report()["nodes"]["f"]["environments"].get<std::int64_t>() == 6);
        CHECK(s->report()["nodes"]["f"]["init_ms"]["p50"].get<double>() == doctest::Approx(200).epsilon(0.04));
    }

    TEST_CASE("an idle hour of provisioned concurrency costs N x memory GB x 3600 s at the allocation price") {
        auto s = build_ok(one_function(
            R"({"MemorySize": 1024, "ProvisionedConcurrencyConfig": {"ProvisionedConcurrentExecutions": 5}})"));
        s->run_until(hours(1));
        CHECK(s->total_cost_usd() == doctest::Approx(5 * 1.0 * 3600 * 0.0000041667).epsilon(1e-9));
        CHECK(s->report()["nodes"]["f"]["provisioned_gb_seconds"].get<double>() == doctest::Approx(18000));
    }

    TEST_CASE("duration on a provisioned environment is billed at the provisioned duration rate") {
        auto s = build_ok(one_function(R"({"MemorySize": 1024, "DurationReferenceMemoryMB": 1024, "DurationMs": 100,
            "ProvisionedConcurrencyConfig": {"ProvisionedConcurrentExecutions": 1}})"));
        s->fire("f", Json::object());
        s->run_until(sec(30));
        CHECK(billed_gbs(*s) == doctest::Approx(0.1));
        // The request + 0.1 GB-s at the provisioned duration rate + 30 s of 1 GB allocated.
        CHECK(s->total_cost_usd() == doctest::Approx(0.2e-6 + 0.1 * 0.0000097222 + 30 * 1.0 * 0.0000041667));
    }

    TEST_CASE("doubling memory from 512 to 1024 MB halves the handler time and keeps GB-s constant") {
        double warm_gbs[2];
        const char* memory[2] = {"512", "1024"};
        for (int i = 0; i < 2; ++i) {
            auto s = build_ok(
                one_function(std::string(R"({"DurationMs": 100, "DurationReferenceMemoryMB": 512, "MemorySize": )") +
                             memory[i] + "}"));
            s->fire("f", Json::object());
            s->run_until(sec(1));
            const double cold = billed_gbs(*s);
            s->fire("f", Json::object());
            s->run_until(sec(2));
            warm_gbs[i] = billed_gbs(*s) - cold;
        }
        CHECK(warm_gbs[0] == doctest::Approx(0.05));  // 100 ms at 0.5 GB
        CHECK(warm_gbs[1] == doctest::Approx(0.05));  // 50 ms at 1 GB
    }

    TEST_CASE("by default raising memory speeds up a CPU-bound handler: DurationMs is its time at 128 MB") {
        // AWS allocates CPU in proportion to memory (1,769 MB = 1 vCPU). A handler that takes
        // 1,000 ms at 128 MB gets 8× the CPU at 1,024 MB: 125 ms, the same 0.125 GB-s.
        auto warm_gbs = [](const std::string& config) {
            auto s = build_ok(one_function(config));
            s->fire("f", Json::object());
            s->run_until(sec(5));
            const double cold = billed_gbs(*s);
            s->fire("f", Json::object());
            s->run_until(sec(10));
            return billed_gbs(*s) - cold;
        };
        CHECK(warm_gbs(R"({"DurationMs": 1000, "Timeout": 5})") == doctest::Approx(0.125));  // 1 s at 128 MB
        CHECK(warm_gbs(R"({"DurationMs": 1000, "Timeout": 5, "MemorySize": 1024})") ==
              doctest::Approx(0.125));  // 125 ms at 1 GB
        // I/O-bound (CpuFraction 0): the same 1 s at 1 GB, eight times the cost.
        CHECK(warm_gbs(R"({"DurationMs": 1000, "Timeout": 5, "MemorySize": 1024, "CpuFraction": 0})") ==
              doctest::Approx(1.0));
        // Half CPU: 500 ms of waiting + 500 ms of CPU / 8 = 562.5 ms, billed as 563 ms (1 ms steps) at 1 GB.
        CHECK(warm_gbs(R"({"DurationMs": 1000, "Timeout": 5, "MemorySize": 1024, "CpuFraction": 0.5})") ==
              doctest::Approx(0.563));
        // Single-threaded work stops gaining at one vCPU: 1,000 × 128 / 1,769 = 72.36 ms → 73 ms billed at 3,538 MB.
        CHECK(warm_gbs(R"({"DurationMs": 1000, "Timeout": 5, "MemorySize": 3538})") ==
              doctest::Approx(0.073 * 3538 / 1024));
    }

    TEST_CASE("above 1,769 MB a single-threaded handler gains nothing unless Parallelism is above 1") {
        auto warm_ms = [](const std::string& extra) {
            auto s = build_ok(one_function(
                R"({"DurationMs": 100, "DurationReferenceMemoryMB": 1769, "MemorySize": 3538)" + extra + "}"));
            s->fire("f", Json::object());
            s->run_until(sec(1));
            const double cold = billed_gbs(*s);
            s->fire("f", Json::object());
            s->run_until(sec(2));
            return (billed_gbs(*s) - cold) / (3538.0 / 1024.0) * 1000;
        };
        CHECK(warm_ms("") == doctest::Approx(100).epsilon(0.01));
        CHECK(warm_ms(R"(, "Parallelism": 2)") == doctest::Approx(50).epsilon(0.02));
    }

    TEST_CASE("a 5,000 spike gets 1,000 new environments at once under 2023-11 scaling and 3,000 under legacy burst") {
        const std::string fn = R"({"DurationMs": 10000, "Timeout": 30})";
        auto current = build_ok(one_function(fn, R"({"lambdaConcurrencyLimit": 10000})"));
        auto legacy =
            build_ok(one_function(fn, R"({"lambdaConcurrencyLimit": 10000, "lambdaScaling": "legacy-burst"})"));
        for (int i = 0; i < 5000; ++i) {
            current->fire("f", Json::object());
            legacy->fire("f", Json::object());
        }
        current->run_until(msec(900));
        legacy->run_until(msec(900));
        CHECK(counter(*current, "f", Counter::ColdStarts) == 1000);
        CHECK(counter(*legacy, "f", Counter::ColdStarts) == 3000);
        CHECK(counter(*current, "f", Counter::Throttles) == 4000);
        CHECK(counter(*legacy, "f", Counter::Throttles) == 2000);
    }

    TEST_CASE("lambdaScaling accepts only the known profiles and round-trips") {
        auto d = build_errors(one_function("{}", R"({"lambdaScaling": "2019"})"));
        CHECK(has_error(d, "/settings/lambdaScaling",
                        "lambdaScaling must be \"2023-11\" or \"legacy-burst\", got \"2019\""));
        auto parsed = parse_pattern(one_function("{}", R"({"lambdaScaling": "legacy-burst"})"));
        REQUIRE(parsed.ok());
        CHECK(pattern_to_json(parsed.pattern)["settings"]["lambdaScaling"] == "legacy-burst");
    }

    TEST_CASE("provisioned concurrency runs are deterministic") {
        const std::string p =
            R"({"format": "serverless-playground/1", "seed": 9, "nodes": [{"id": "u", "type": "client", "config": {}},
            {"id": "f", "type": "lambda", "config": {"DurationMs": {"p50": 200, "p99": 900}, "ProvisionedConcurrencyConfig": {"ProvisionedConcurrentExecutions": 3}}}],
          "edges": [{"from": "u", "to": "f"}],
          "traffic": [{"id": "t", "source": "u", "arrival": "poisson", "profile": {"type": "constant", "rps": 20}}]})";
        auto a = build_ok(p), b = build_ok(p);
        a->run_until(sec(60));
        b->run_until(sec(60));
        CHECK(a->report()["trace_fingerprint"] == b->report()["trace_fingerprint"]);
        CHECK(counter(*a, "f", Counter::ColdStarts) > 0);
    }

    TEST_CASE("invocations across the account are limited to 10 × its concurrency per second") {
        // AWS (lambda-concurrency.html): "Across all functions in an account, Lambda enforces a
        // requests-per-second limit of 10 times your account concurrency": 10,000/s at the default
        // 1,000. 15,000 short (1 ms) invocations per second need only ~15 environments, so the rate
        // is the limit that bites: once any burst is spent, exactly 10,000 a second get through.
        auto s = build_ok(R"({"format": "serverless-playground/1", "name": "t", "seed": 3,
          "nodes": [{"id": "u", "type": "client", "config": {}}, {"id": "f", "type": "lambda", "config": {"DurationMs": 1}}],
          "edges": [{"from": "u", "to": "f"}],
          "traffic": [{"id": "t", "source": "u", "arrival": "uniform", "profile": {"type": "constant", "rps": 15000}}]})");
        s->run_until(sec(5) - SimTime{1});
        const std::uint64_t before = counter(*s, "f", Counter::Invocations);
        s->run_until(sec(10) - SimTime{1});
        CHECK(static_cast<double>(counter(*s, "f", Counter::Invocations) - before) ==
              doctest::Approx(50000).epsilon(0.0001));
        CHECK(counter(*s, "f", Counter::Throttles) > 25000);
        CHECK(s->report()["nodes"]["u"]["responses_by_status"].value("429", 0) == counter(*s, "f", Counter::Throttles));
    }
}
