// test_tours.cpp — every shipped tour against its pattern: highlights exist, each step's actions
// apply and still build, and every watched metric moves the way the step says (so tours never lie).
#include "challenge/tour.h"
#include "runtime/simulation.h"
#include "support/test_support.h"

#include <map>

using namespace sim;
using namespace sim::challenge;
using sim::test::repo_file;

namespace {

Json run_report(const Pattern& p, SimTime duration) {
    auto built = Simulation::build(p);
    REQUIRE(built.simulation != nullptr);
    built.simulation->run_until(duration);
    return built.simulation->report();
}

void check_tour_file(const std::string& name) {
    CAPTURE(name);
    TourLoad loaded = load_tour(repo_file("patterns/tours/" + name + ".json"));
    for (const auto& d : loaded.diagnostics.items()) MESSAGE(format_diagnostic(d));
    REQUIRE(loaded.ok());
    CHECK(loaded.diagnostics.empty());
    const Tour& t = loaded.tour;
    CHECK(t.pattern == name);
    CHECK(t.steps.size() >= 4);
    CHECK(t.steps.size() <= 8);
    ParseResult pattern = parse_pattern(repo_file("patterns/" + t.pattern + ".json"));
    REQUIRE(pattern.ok());
    const Diagnostics problems = check_tour(t, pattern.pattern);
    for (const auto& d : problems.items()) MESSAGE(format_diagnostic(d));
    CHECK(problems.empty());
    const SimTime duration = t.duration.value_or(pattern.pattern.settings.duration);
    const Json baseline = run_report(pattern.pattern, duration);
    int watched = 0;
    for (const auto& step : t.steps) {
        CAPTURE(step.title);
        CHECK(!step.text.empty());
        if (!step.watch) continue;
        ++watched;
        ParseResult changed = apply_actions(pattern.pattern, step.set, step.path + "/set");
        REQUIRE(changed.ok());
        const Json after = run_report(changed.pattern, duration);
        const auto before_v = watch_value(baseline, *step.watch);
        const auto after_v = watch_value(after, *step.watch);
        REQUIRE(before_v.has_value());
        REQUIRE(after_v.has_value());
        MESSAGE(step.watch->node << " " << step.watch->metric << ": " << *before_v << " -> " << *after_v);
        if (step.watch->direction == "up") CHECK(*after_v > *before_v);
        if (step.watch->direction == "down") CHECK(*after_v < *before_v);
        if (step.watch->direction == "same") CHECK(*after_v == *before_v);
    }
    CHECK(watched >= 2);
}

}  // namespace

TEST_SUITE("challenge") {
    TEST_CASE("the REST API tour's steps exist, apply and move their metrics as stated") {
        check_tour_file("rest-api");
    }
    TEST_CASE("the event-driven tour's steps exist, apply and move their metrics as stated") {
        check_tour_file("event-driven");
    }
    TEST_CASE("the async queue tour's steps exist, apply and move their metrics as stated") {
        check_tour_file("async-queue");
    }
    TEST_CASE("the scheduled task tour's steps exist, apply and move their metrics as stated") {
        check_tour_file("scheduled-task");
    }
    TEST_CASE("the streaming tour's steps exist, apply and move their metrics as stated") {
        check_tour_file("streaming");
    }
    TEST_CASE("the fan-out tour's steps exist, apply and move their metrics as stated") {
        check_tour_file("fan-out");
    }

    TEST_CASE(
        "a tour with a missing highlight, an unknown node in an action and a bad direction is reported with paths") {
        TourLoad t =
            load_tour(R"({"format": "serverless-playground-tour/1", "pattern": "rest-api", "title": "T", "steps": [
            {"title": "a", "text": "x", "highlight": "nope"},
            {"title": "b", "text": "x", "highlight": "orders-api->orders-table"},
            {"title": "c", "text": "x", "set": {"node": "ghost", "config": {"ErrorRate": 1}}},
            {"title": "d", "text": "x", "set": [{"edge": "orders-fn"}], "watch": {"node": "orders-fn", "metric": "errors", "direction": "sideways"}}]})");
        CHECK(sim::test::has_error(t.diagnostics, "/steps/3/watch/direction",
                                   "direction must be \"up\", \"down\" or \"same\", got \"sideways\""));
        ParseResult p = parse_pattern(repo_file("patterns/rest-api.json"));
        REQUIRE(p.ok());
        const Diagnostics d = check_tour(t.tour, p.pattern);
        CHECK(sim::test::has_error(d, "/steps/0/highlight", "pattern 'rest-api' has no node 'nope'"));
        CHECK(sim::test::has_error(d, "/steps/1/highlight", "pattern 'rest-api' has no edge orders-api->orders-table"));
        CHECK(sim::test::has_error(d, "/steps/2/set/0/node", "the pattern has no node 'ghost'"));
        CHECK(sim::test::has_error(d, "/steps/3/set/0/edge", "edge must look like \"from->to\", got \"orders-fn\""));
    }

    TEST_CASE("a tour needs 4 to 8 steps") {
        TourLoad t = load_tour(
            R"({"format": "serverless-playground-tour/1", "pattern": "x", "title": "T", "steps": [{"title": "a", "text": "b"}]})");
        CHECK(sim::test::has_error(t.diagnostics, "/steps", "a tour needs \"steps\": an array of 4 to 8 steps, got 1"));
    }

    TEST_CASE("a step's config change that breaks the pattern is reported with the pattern's own message") {
        ParseResult p = parse_pattern(repo_file("patterns/rest-api.json"));
        REQUIRE(p.ok());
        TourLoad t =
            load_tour(R"({"format": "serverless-playground-tour/1", "pattern": "rest-api", "title": "T", "steps": [
            {"title": "a", "text": "x", "set": {"node": "orders-fn", "config": {"MemorySize": 64}}},
            {"title": "b", "text": "x"}, {"title": "c", "text": "x"}, {"title": "d", "text": "x"}]})");
        REQUIRE(t.ok());
        const Diagnostics d = check_tour(t.tour, p.pattern);
        REQUIRE(d.error_count() == 1);
        CHECK(d.items()[0].path == "/steps/0/set");
        CHECK(d.items()[0].message.find("after this step's changes: /nodes/2/config/MemorySize: ") == 0);
    }
}
