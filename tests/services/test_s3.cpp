// test_s3.cpp — S3 buckets: config validation, objects and listing, notifications with filters
// (at-least-once, delayed), per-prefix rate limits, storage cost over time, determinism.
#include "support/test_support.h"

using namespace sim;
using namespace sim::test;

namespace {
std::string bucket_to_fn(const std::string& bucket_config, const std::string& edge_config) {
    return R"({"format": "serverless-playground/1", "name": "t", "seed": 8, "nodes": [
        {"id": "b", "type": "s3", "config": )" +
           bucket_config + R"(},
        {"id": "f", "type": "lambda", "config": {"DurationMs": 5}}],
      "edges": [{"from": "b", "to": "f", "config": )" +
           edge_config + "}]}";
}
// A bucket notifying two functions, f (edge 0) and g (edge 1).
std::string bucket_to_two(const std::string& edge_f, const std::string& edge_g) {
    return R"({"format": "serverless-playground/1", "name": "t", "seed": 8, "nodes": [
        {"id": "b", "type": "s3", "config": {}},
        {"id": "f", "type": "lambda", "config": {}}, {"id": "g", "type": "lambda", "config": {}}],
      "edges": [{"from": "b", "to": "f", "config": )" +
           edge_f + R"(}, {"from": "b", "to": "g", "config": )" + edge_g + "}]}";
}
Json put(const std::string& key, std::int64_t size = 100) {
    return {{"operation", "PutObject"}, {"Key", key}, {"SizeBytes", size}};
}
}  // namespace

TEST_SUITE("s3") {
    TEST_CASE("config validation names the field and the expected form") {
        auto d = build_errors(
            bucket_to_fn(R"({"DuplicateNotificationRate": 2})", R"({"Events": ["ObjectCreated"], "Prefix": 5})"));
        CHECK(
            has_error(d, "/nodes/0/config/DuplicateNotificationRate", "DuplicateNotificationRate must be 0..1, got 2"));
        CHECK(has_error(d, "/edges/0/config/Events",
                        "each event type must look like \"s3:ObjectCreated:*\", got \"ObjectCreated\""));
        CHECK(has_error(d, "/edges/0/config/Prefix", "Prefix must be a string, got 5"));
    }

    TEST_CASE("overlapping notification configurations are refused with S3's reason") {
        // S3 refuses two rules when an object could match both: the event types overlap (equal,
        // or "s3:X:*" covering "s3:X:Put"), the prefixes overlap (one starts the other; none =
        // every key) and the suffixes overlap (one ends the other). AWS's text (re:Post knowledge
        // center "lambda-s3-event-configuration-error"):
        const std::string reason =
            "S3 refuses this: Configuration is ambiguously defined. Cannot have overlapping suffixes in two rules "
            "if the prefixes are overlapping for the same event type.";
        // Same event, same prefix, no suffixes.
        CHECK(has_error(build_errors(bucket_to_two(R"({"Prefix": "images/"})", R"({"Prefix": "images/"})")),
                        "/edges/1/config",
                        "notifications to 'f' (edge 0) and 'g' both match s3:ObjectCreated:* for keys starting with "
                        "\"images/\" and any suffix; " +
                            reason));
        // A wildcard covers the specific event; no prefix overlaps every prefix.
        CHECK(has_error(build_errors(bucket_to_two(R"({"Events": ["s3:ObjectCreated:*"]})",
                                                   R"({"Events": ["s3:ObjectCreated:Put"], "Prefix": "images/"})")),
                        "/edges/1/config",
                        "notifications to 'f' (edge 0) and 'g' both match s3:ObjectCreated:Put for keys starting with "
                        "\"images/\" and any suffix; " +
                            reason));
        // Nested prefixes and suffixes where one ends the other.
        CHECK(has_error(build_errors(bucket_to_two(R"({"Prefix": "images/", "Suffix": "jpg"})",
                                                   R"({"Prefix": "images/thumbs/", "Suffix": ".jpg"})")),
                        "/edges/1/config",
                        "notifications to 'f' (edge 0) and 'g' both match s3:ObjectCreated:* for keys starting with "
                        "\"images/thumbs/\" ending with \".jpg\"; " +
                            reason));
    }

    TEST_CASE("notification configurations that cannot match the same object are accepted") {
        // Knowledge center: overlapping events with non-overlapping prefixes or suffixes are
        // allowed, and so are non-overlapping events with overlapping prefixes or suffixes.
        build_ok(bucket_to_two(R"({"Prefix": "images/"})", R"({"Prefix": "logs/"})"));
        build_ok(
            bucket_to_two(R"({"Prefix": "images/", "Suffix": ".jpg"})", R"({"Prefix": "images/", "Suffix": ".png"})"));
        build_ok(bucket_to_two(R"({"Events": ["s3:ObjectCreated:*"]})", R"({"Events": ["s3:ObjectRemoved:*"]})"));
        build_ok(bucket_to_two(R"({"Events": ["s3:ObjectCreated:Put"]})", R"({"Events": ["s3:ObjectCreated:Copy"]})"));
        // EventBridge is not a notification configuration: it gets every event beside the rules.
        build_ok(R"({"format": "serverless-playground/1", "nodes": [{"id": "b", "type": "s3", "config": {}},
            {"id": "f", "type": "lambda", "config": {}}, {"id": "bus", "type": "eventbridge", "config": {}}],
          "edges": [{"from": "b", "to": "f"}, {"from": "b", "to": "bus"}]})");
    }

    TEST_CASE("put, get, list and delete keep counts and bytes") {
        auto s =
            build_ok(R"({"format": "serverless-playground/1", "nodes": [{"id": "b", "type": "s3", "config": {}}]})");
        s->fire("b", put("a/1.txt", 10));
        s->fire("b", put("a/2.txt", 20));
        s->fire("b", put("b/3.txt", 30));
        s->fire("b", {{"operation", "DeleteObject"}, {"Key", "a/2.txt"}});
        s->fire("b", {{"operation", "GetObject"}, {"Key", "missing"}});
        s->run_until(sec(1));
        const Json v = s->node_inspect(0);
        CHECK(v["object_count"] == 2);
        CHECK(v["bytes"] == 40);
        CHECK(counter(*s, "b", Counter::Errors) == 1);  // NoSuchKey
        CHECK(counter(*s, "b", Counter::Drops) == 1);
    }

    TEST_CASE("a notification reaches Lambda only for matching prefix and suffix, some time later") {
        auto s =
            build_ok(bucket_to_fn(R"({"DuplicateNotificationRate": 0})",
                                  R"({"Events": ["s3:ObjectCreated:*"], "Prefix": "uploads/", "Suffix": ".jpg"})"));
        s->fire("b", put("uploads/cat.jpg"));
        s->run_until(msec(50));
        CHECK(counter(*s, "f", Counter::Invocations) == 0);  // not delivered instantly
        s->run_until(sec(60));
        CHECK(counter(*s, "f", Counter::Invocations) == 1);
    }

    TEST_CASE("an S3 put under a non-matching prefix triggers nothing") {
        auto s = build_ok(bucket_to_fn("{}", R"({"Prefix": "uploads/"})"));
        s->fire("b", put("other/cat.jpg"));
        s->fire("b", put("uploads.jpg"));
        s->fire("b", {{"operation", "DeleteObject"}, {"Key", "uploads/x"}});  // ObjectRemoved is not subscribed
        s->run_until(sec(120));
        CHECK(counter(*s, "f", Counter::Invocations) == 0);
        CHECK(s->report()["nodes"]["b"]["notifications_sent"] == 0);
    }

    TEST_CASE("notifications are at least once: with a duplicate rate of 1 every event arrives twice") {
        auto s = build_ok(bucket_to_fn(R"({"DuplicateNotificationRate": 1})", "{}"));
        for (int i = 0; i < 5; ++i) s->fire("b", put("k" + std::to_string(i)));
        s->run_until(sec(120));
        CHECK(counter(*s, "f", Counter::Invocations) == 10);
        CHECK(s->report()["nodes"]["b"]["notification_duplicates"] == 5);
    }

    TEST_CASE("more than 3,500 writes per second to one prefix get 503 SlowDown") {
        auto s = build_ok(R"({"format": "serverless-playground/1", "name": "t", "seed": 2, "nodes": [
            {"id": "u", "type": "client", "config": {}}, {"id": "b", "type": "s3", "config": {}}],
          "edges": [{"from": "u", "to": "b"}],
          "traffic": [{"id": "w", "source": "u", "arrival": "uniform", "profile": {"type": "constant", "rps": 4000},
                       "payload": {"operation": "PutObject", "Key": "logs/{{seq}}", "SizeBytes": 10}}]})");
        s->run_until(sec(5));
        const auto throttles = counter(*s, "b", Counter::Throttles);
        CHECK(throttles >= 4 * 500);
        CHECK(throttles <= 5 * 500 + 10);
        CHECK(s->report()["nodes"]["u"]["responses_by_status"].contains("503"));
    }

    TEST_CASE("storage cost accrues per GB-month of simulated time") {
        auto s =
            build_ok(R"({"format": "serverless-playground/1", "nodes": [{"id": "b", "type": "s3", "config": {}}]})");
        s->fire("b", put("big", 1024LL * 1024 * 1024));  // 1 GB
        s->run_until(hours(730));                        // one month
        const double usd = s->report()["cost_usd"]["b"].get<double>();
        CHECK(usd == doctest::Approx(0.023 + 0.005 / 1000).epsilon(0.001));
    }

    TEST_CASE("the same seed gives the same trace fingerprint") {
        const std::string p = bucket_to_fn(R"({"DuplicateNotificationRate": 0.3})", "{}");
        auto a = build_ok(p), b = build_ok(p);
        for (int i = 0; i < 20; ++i) {
            a->fire("b", put("k" + std::to_string(i)));
            b->fire("b", put("k" + std::to_string(i)));
        }
        a->run_until(sec(60));
        b->run_until(sec(60));
        CHECK(a->trace().fingerprint() == b->trace().fingerprint());
    }
}
