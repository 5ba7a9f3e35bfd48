// test_registry.cpp — one list of services and AWS wiring rules with human reasons.
#include "core/registry.h"
#include "services/all_services.h"

#include <doctest/doctest.h>

using namespace sim;

TEST_SUITE("registry") {
    TEST_CASE("every service kind has a label, a group and a factory") {
        const Registry& r = default_registry();
        CHECK(r.kinds().size() >= 6);
        for (const auto& k : r.kinds()) {
            CAPTURE(k.type);
            CHECK_FALSE(k.label.empty());
            CHECK_FALSE(k.group.empty());
            CHECK(static_cast<bool>(k.create));
            for (const auto& p : k.ports) CHECK_FALSE(p.targets.empty());
        }
    }

    TEST_CASE("AWS-possible wirings are accepted") {
        const Registry& r = default_registry();
        CHECK(r.can_connect("client", "out", "apigateway").ok);
        CHECK(r.can_connect("apigateway", "out", "lambda").ok);
        CHECK(r.can_connect("lambda", "out", "dynamodb").ok);
        CHECK(r.can_connect("s3", "out", "lambda").ok);
    }

    TEST_CASE("impossible wirings are refused with the reason") {
        const Registry& r = default_registry();
        ConnectVerdict v = r.can_connect("s3", "out", "dynamodb");
        CHECK_FALSE(v.ok);
        CHECK(v.reason ==
              "S3 event notifications can target Lambda, SQS, SNS or EventBridge, not DynamoDB; put a Lambda function "
              "in between to write to other services");
        CHECK(r.can_connect("lambda", "out", "client").reason == "Client cannot receive: it is only a source");
        CHECK(r.can_connect("lambda", "sideways", "dynamodb").reason.rfind("Lambda has no port 'sideways'", 0) == 0);
    }

    TEST_CASE("typos get a suggestion") {
        CHECK(default_registry().suggest("lambada") == "lambda");
        CHECK(default_registry().suggest("zzzzzzzz").empty());
    }
}
