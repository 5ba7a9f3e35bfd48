// test_tours.cpp — every shipped tour against its pattern: highlights exist, each step's actions
// apply and still build, and every watched metric moves the way the step says (so tours never lie).
// Tours live beside their patterns: patterns/tours/<p>.json names patterns/<p>.json, and
// patterns/code/tours/<p>.json names patterns/code/<p>.json (code patterns, outside the page's download).
#include "challenge/tour.h"
#include "runtime/simulation.h"
#include "support/test_support.h"

#include <filesystem>
#include <map>

using namespace sim;
using namespace sim::challenge;
using sim::test::repo_file;
using sim::test::repo_json_files;

namespace {

// Every folder of tours; each one's patterns are in its parent folder.
const std::vector<std::string> kTourDirs = {"patterns/tours", "patterns/code/tours"};

Json run_report(const Pattern& p, SimTime duration) {
    auto built = Simulation::build(p);
    REQUIRE(built.simulation != nullptr);
    built.simulation->run_until(duration);
    return built.simulation->report();
}

// "patterns/code/tours/order-api.json" → "patterns/code/order-api.json"
std::string pattern_file_of(const std::string& tour_file, const Tour& t) {
    const std::filesystem::path tours = std::filesystem::path(tour_file).parent_path();
    return (tours.parent_path() / (t.pattern + ".json")).generic_string();
}

Tour load_tour_file(const std::string& file) {
    TourLoad loaded = load_tour(repo_file(file));
    for (const auto& d : loaded.diagnostics.items()) MESSAGE(format_diagnostic(d));
    REQUIRE(loaded.ok());
    CHECK(loaded.diagnostics.empty());
    return loaded.tour;
}

Pattern load_pattern_file(const std::string& file) {
    ParseResult pattern = parse_pattern(repo_file(file));
    for (const auto& d : pattern.diagnostics.items()) MESSAGE(format_diagnostic(d));
    REQUIRE(pattern.ok());
    return pattern.pattern;
}

void check_tour_file(const std::string& file) {
    CAPTURE(file);
    const Tour t = load_tour_file(file);
    CHECK(t.pattern == std::filesystem::path(file).stem().string());
    CHECK(t.steps.size() >= 4);
    CHECK(t.steps.size() <= 8);
    const Pattern pattern = load_pattern_file(pattern_file_of(file, t));
    const Diagnostics problems = check_tour(t, pattern);
    for (const auto& d : problems.items()) MESSAGE(format_diagnostic(d));
    CHECK(problems.empty());
    const SimTime duration = t.duration.value_or(pattern.settings.duration);
    const Json baseline = run_report(pattern, duration);
    int watched = 0;
    for (const auto& step : t.steps) {
        CAPTURE(step.title);
        CHECK(!step.text.empty());
        if (!step.watch) continue;
        ++watched;
        ParseResult changed = apply_actions(pattern, step.set, step.path + "/set");
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

const TourStep& step_titled(const Tour& t, const std::string& title) {
    for (const auto& s : t.steps)
        if (s.title == title) return s;
    FAIL("the tour has no step \"" << title << "\"");
    return t.steps.front();
}

}  // namespace

TEST_SUITE("challenge") {
    TEST_CASE("every tour's steps exist, apply and move their metrics as stated") {
        std::map<std::string, std::size_t> tours;
        for (const auto& dir : kTourDirs)
            for (const auto& file : repo_json_files(dir)) {
                check_tour_file(file);
                ++tours[dir];
            }
        CHECK(tours["patterns/tours"] >= 6);
        CHECK(tours["patterns/code/tours"] >= 1);
    }

    TEST_CASE("the order-api tour's settings read: once per environment at INIT, once per request in the handler") {
        // The steps' texts say how far reads rise, which a direction alone does not check.
        const std::string file = "patterns/code/tours/order-api.json";
        const Tour t = load_tour_file(file);
        const Pattern pattern = load_pattern_file(pattern_file_of(file, t));
        const SimTime duration = t.duration.value_or(pattern.settings.duration);
        const auto run_step = [&](const std::string& title) {
            const TourStep& step = step_titled(t, title);
            ParseResult changed = apply_actions(pattern, step.set, step.path + "/set");
            REQUIRE(changed.ok());
            return run_report(changed.pattern, duration)["nodes"];
        };
        const Json at_init = run_step("INIT runs once per environment");
        CHECK(at_init["create-order"]["cold_starts"].get<int>() >= 2);
        CHECK(at_init["orders-table"]["reads"] == at_init["create-order"]["cold_starts"]);
        const Json per_request = run_step("The same read in the handler");
        CHECK(per_request["orders-table"]["reads"] == per_request["create-order"]["invocations"]);
        CHECK(per_request["orders-table"]["reads"].get<int>() > 100 * at_init["orders-table"]["reads"].get<int>());
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
