// test_challenges.cpp — every shipped challenge: its starting canvas fails it, its reference
// solution passes every check and its wrong solution fails exactly the checks it is meant to fail,
// with the measured reason. Challenges live in patterns/challenges/ and, for the code patterns
// (solved by editing a function's code), in patterns/code/challenges/; solutions beside them.
#include "challenge/challenge.h"
#include "challenge/evaluate.h"
#include "support/test_support.h"

#include <filesystem>
#include <map>
#include <set>

using namespace sim;
using namespace sim::challenge;
using sim::test::repo_file;
using sim::test::repo_json_files;

namespace {

constexpr const char* kChallenges = "patterns/challenges";
constexpr const char* kCodeChallenges = "patterns/code/challenges";

Challenge load(const std::string& id, const std::string& dir = kChallenges) {
    LoadResult r = load_challenge(repo_file(dir + "/" + id + ".json"));
    for (const auto& d : r.diagnostics.items()) MESSAGE(format_diagnostic(d));
    REQUIRE(r.ok());
    CHECK(r.diagnostics.empty());
    return r.challenge;
}

// `must_build`: false for a starting canvas, which may be unfinished (its runs then fail).
Result evaluate_printed(const Challenge& ch, const Pattern& p, bool must_build = true) {
    Result r = evaluate(ch, p);
    for (const auto& c : r.checks) MESSAGE((c.passed ? "PASS " : "FAIL ") << c.id << ": " << c.measured);
    if (must_build) CHECK(!r.diagnostics.has_errors());
    return r;
}

Result run(const Challenge& ch, const std::string& file, const std::string& dir = kChallenges) {
    ParseResult p = parse_pattern(repo_file(dir + "/solutions/" + file));
    REQUIRE(p.ok());
    return evaluate_printed(ch, p.pattern);
}

std::set<std::string> failed(const Result& r) {
    std::set<std::string> out;
    for (const auto& c : r.checks)
        if (!c.passed) out.insert(c.id);
    return out;
}

const CheckResult& get(const Result& r, const std::string& id) {
    for (const auto& c : r.checks)
        if (c.id == id) return c;
    FAIL("no check " << id);
    return r.checks.front();
}

bool contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

// A pattern's JSON without what a code challenge lets the learner change (functions' code) and
// without its name and description.
Json without_code(const Pattern& p) {
    Json j = pattern_to_json(p);
    j.erase("name");
    j.erase("description");
    for (Json& n : j["nodes"])
        if (n.contains("config"))
            for (const char* key : {"InlineCode", "CodeFiles", "Code"}) n["config"].erase(key);
    return j;
}

}  // namespace

TEST_SUITE("challenge") {
    TEST_CASE(
        "scale-to-zero API: the reference passes; an Aurora cluster that never pauses fails on always-on compute and "
        "idle cost") {
        const Challenge ch = load("scale-to-zero-api");
        const Result ok = run(ch, "scale-to-zero-api.reference.json");
        CHECK(ok.passed());
        CHECK(get(ok, "idle-cost").measured == "$0.00");
        CHECK(get(ok, "idle-cost").description == "idle cost is $0.00 over 1 hour of no traffic");
        const Result bad = run(ch, "scale-to-zero-api.wrong.json");
        CHECK(failed(bad) == std::set<std::string>{"no-always-on", "idle-cost"});
        CHECK(get(bad, "no-always-on").measured ==
              "'orders-db' (Aurora Serverless v2) has MinCapacity 0.5 ACU, so it never pauses");
        CHECK(contains(get(bad, "idle-cost").measured, "% of it on 'orders-db'"));
    }

    TEST_CASE(
        "order fan-out: the reference passes; without a DLQ the failing consumer's messages are never dead-lettered") {
        const Challenge ch = load("order-fan-out");
        const Result ok = run(ch, "order-fan-out.reference.json");
        CHECK(ok.passed());
        CHECK(get(ok, "fan-out").measured == "'orders-topic' reaches all 3");
        const Result bad = run(ch, "order-fan-out.wrong.json");
        CHECK(failed(bad) == std::set<std::string>{"failed-to-dlq"});
        CHECK(contains(get(bad, "failed-to-dlq").measured, "0 messages dead-lettered; needs ≥ "));
        // The failing consumer does not block the others: both still receive every order.
        CHECK(get(bad, "shipping-gets-all").passed);
    }

    TEST_CASE(
        "nightly cleanup: cron(0 0 * * ? *) runs once a night at 00:00 UTC; rate(1 day) runs at 06:00 and leaves "
        "expired records") {
        const Challenge ch = load("nightly-cleanup");
        const Result ok = run(ch, "nightly-cleanup.reference.json");
        CHECK(ok.passed());
        CHECK(contains(get(ok, "midnight").measured, "ran 3 times (03-02 00:00:"));
        const Result bad = run(ch, "nightly-cleanup.wrong.json");
        CHECK(failed(bad) == std::set<std::string>{"midnight", "expired-gone"});
        CHECK(contains(get(bad, "midnight").measured, "not at 00:00"));
        CHECK(contains(get(bad, "midnight").measured, "06:00:"));
    }

    TEST_CASE(
        "unpredictable traffic: Lambda scales and bills per request; reserved concurrency throttles; the EC2 fleet "
        "fails side by side") {
        const Challenge ch = load("unpredictable-traffic");
        REQUIRE(ch.compare.size() == 1);
        const Result ok = run(ch, "unpredictable-traffic.reference.json");
        CHECK(ok.passed());
        const Result bad = run(ch, "unpredictable-traffic.wrong.json");
        CHECK(failed(bad) == std::set<std::string>{"surge-errors", "surge-throttles"});
        CHECK(contains(get(bad, "surge-throttles").measured, "at 'tickets-fn'"));
        const Result ec2 = run(ch, "unpredictable-traffic.ec2.json");
        CHECK(!get(ec2, "cost-follows-use").passed);  // an always-on fleet: a quiet hour's requests cost far more each
        CHECK(!get(ec2, "surge-errors").passed);      // instances launch a minute or more after the surge starts
    }

    TEST_CASE(
        "protect a database: a queue with MaximumConcurrency stores every order; direct writes are throttled and "
        "checkouts fail") {
        const Challenge ch = load("protect-database");
        const Result ok = run(ch, "protect-database.reference.json");
        CHECK(ok.passed());
        const Result bad = run(ch, "protect-database.wrong.json");
        CHECK(failed(bad) == std::set<std::string>{"queue-in-front", "accepted", "db-not-hammered"});
        CHECK(get(bad, "queue-in-front").measured == "no such path");
        CHECK(contains(get(bad, "db-not-hammered").measured, "at 'orders-db'"));
    }

    TEST_CASE("steady high volume: the EC2 fleet costs under $1 per hour; the same load on Lambda does not") {
        const Challenge ch = load("steady-high-volume");
        const Result ok = run(ch, "steady-high-volume.reference.json");
        CHECK(ok.passed());
        const Result bad = run(ch, "steady-high-volume.wrong.json");
        CHECK(failed(bad) == std::set<std::string>{"cost-per-hour"});
        CHECK(contains(get(bad, "cost-per-hour").measured, " per hour, "));
    }

    TEST_CASE("every challenge's starting canvas fails it and its reference solution passes") {
        std::map<std::string, std::size_t> count;
        for (const std::string dir : {kChallenges, kCodeChallenges})
            for (const auto& file : repo_json_files(dir)) {
                CAPTURE(file);
                const std::string id = std::filesystem::path(file).stem().string();
                const Challenge ch = load(id, dir);
                CHECK(ch.id == id);
                CHECK(!evaluate_printed(ch, ch.start, false).passed());
                CHECK(run(ch, id + ".reference.json", dir).passed());
                ++count[dir];
            }
        CHECK(count[kChallenges] >= 6);
        CHECK(count[kCodeChallenges] >= 1);
    }

    TEST_CASE("a code challenge's reference solution changes only functions' code") {
        for (const auto& file : repo_json_files(kCodeChallenges)) {
            CAPTURE(file);
            const std::string id = std::filesystem::path(file).stem().string();
            const Challenge ch = load(id, kCodeChallenges);
            ParseResult ref =
                parse_pattern(repo_file(std::string(kCodeChallenges) + "/solutions/" + id + ".reference.json"));
            REQUIRE(ref.ok());
            CHECK(without_code(ref.pattern) == without_code(ch.start));
            CHECK(pattern_to_json(ref.pattern) != pattern_to_json(ch.start));
        }
    }

    TEST_CASE(
        "partial batch failures: a worker that throws fails whole batches, reships orders and dead-letters good ones; "
        "reporting batchItemFailures fixes it; swallowing errors loses the bad orders") {
        const Challenge ch = load("partial-batch-failures", kCodeChallenges);
        const Result start = evaluate_printed(ch, ch.start);
        CHECK(failed(start) == std::set<std::string>{"no-batch-errors", "shipped-once", "good-orders-shipped"});
        CHECK(contains(get(start, "good-orders-shipped").measured, "dead-lettered by 'fulfilment-queue'"));
        const Result ok = run(ch, "partial-batch-failures.reference.json", kCodeChallenges);
        CHECK(ok.passed());
        const Result bad = run(ch, "partial-batch-failures.wrong.json", kCodeChallenges);
        CHECK(failed(bad) == std::set<std::string>{"manual-checks-kept"});
        CHECK(contains(get(bad, "manual-checks-kept").measured, "0 messages dead-lettered"));
    }

    TEST_CASE("the same challenge and solution give the same measured values") {
        const Challenge ch = load("order-fan-out");
        const Result a = run(ch, "order-fan-out.reference.json");
        const Result b = run(ch, "order-fan-out.reference.json");
        REQUIRE(a.checks.size() == b.checks.size());
        for (std::size_t i = 0; i < a.checks.size(); ++i) CHECK(a.checks[i].measured == b.checks[i].measured);
        CHECK(a.runs[0].report["trace_fingerprint"] == b.runs[0].report["trace_fingerprint"]);
    }

    TEST_CASE("an evaluation advanced in small event budgets gives the same result as one run to the end") {
        const Challenge ch = load("scale-to-zero-api");
        ParseResult p = parse_pattern(repo_file("patterns/challenges/solutions/scale-to-zero-api.reference.json"));
        REQUIRE(p.ok());
        Evaluation e(ch, p.pattern);
        int steps = 0;
        double last = -1;
        while (!e.advance(20000)) {
            CHECK(e.progress() >= last);
            last = e.progress();
            ++steps;
        }
        CHECK(steps > 2);
        CHECK(e.progress() == 1);
        const Result whole = evaluate(ch, p.pattern);
        const Result parts = e.result();
        for (std::size_t i = 0; i < whole.checks.size(); ++i)
            CHECK(parts.checks[i].measured == whole.checks[i].measured);
    }
}
