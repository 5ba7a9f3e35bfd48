// test_cloudformation.cpp — the passive "cloudformation" node: resources kept for export only.
// Wiring to or from it is refused with the reason, a message fired at it is dropped with a reason
// naming its type, and its config is checked like any other (JSON pointers).
#include "core/registry.h"
#include "services/all_services.h"
#include "services/cloudformation/cloudformation.h"
#include "support/test_support.h"

#include <doctest/doctest.h>

using namespace sim;
using namespace sim::test;

namespace {

std::string with_nodes(const std::string& nodes, const std::string& edges = "") {
    return R"({"nodes": [)" + nodes + R"(], "edges": [)" + edges + "]}";
}

const char* const kRepo =
    R"({"id": "repo", "type": "cloudformation", "config": {"Type": "AWS::ECR::Repository", "Properties": {"RepositoryName": "images"}, "DependsOn": "fn"}})";
const char* const kFn = R"({"id": "fn", "type": "lambda", "config": {}})";

}  // namespace

TEST_SUITE("cloudformation") {
    TEST_CASE("wiring to or from a kept resource is refused with the reason") {
        const Registry& r = default_registry();
        const std::string reason = "CloudFormation resource is not simulated; it is kept for export only";
        CHECK(r.can_connect("lambda", "out", "cloudformation").reason == reason);
        CHECK(r.can_connect("cloudformation", "out", "sqs").reason == reason);
        CHECK_FALSE(r.can_connect("sns", "out", "cloudformation").ok);
        const Diagnostics d =
            build_errors(with_nodes(std::string(kFn) + ", " + kRepo, R"({"from": "fn", "to": "repo"})"));
        CHECK(has_error(d, "/edges/0", "cannot connect fn to repo: " + reason));
    }

    TEST_CASE("it is registered, passive and out of the palette") {
        const ServiceKind* k = default_registry().find("cloudformation");
        REQUIRE(k != nullptr);
        CHECK(k->label == "CloudFormation resource");
        CHECK_FALSE(k->simulated);
        CHECK_FALSE(k->accepts_input);
        CHECK(k->ports.empty());
        for (const auto& other : default_registry().kinds())
            if (other.type != "cloudformation") CHECK(other.simulated);
    }

    TEST_CASE("a message fired at it is dropped, counted and logged with the type") {
        auto s = build_ok(with_nodes(std::string(kFn) + ", " + kRepo));
        CHECK(s->fire("repo", {{"hello", "world"}}).empty());
        s->run_until(sec(1));
        CHECK(counter(*s, "repo", Counter::Drops) == 1);
        bool logged = false;
        for (const auto& e : s->trace().entries())
            logged |= e.text == "dropped: AWS::ECR::Repository is not simulated; the resource is kept for export" &&
                      e.drop == DropReason::NotSimulated;
        CHECK(logged);
    }

    TEST_CASE("config: Type is a resource type string, Properties an object, our Metadata key reserved") {
        auto node = [](const std::string& config) {
            return with_nodes(std::string(kFn) + R"(, {"id": "r", "type": "cloudformation", "config": )" + config +
                              "}");
        };
        CHECK(has_error(build_errors(node(R"({"Type": "ECR Repository"})")), "/nodes/1/config/Type",
                        "Type must be a resource type such as \"AWS::ECR::Repository\" (Service::Provider::Resource), "
                        "got \"ECR Repository\""));
        CHECK(has_error(
            build_errors(node(R"({"Type": 3})")), "/nodes/1/config/Type",
            "Type must be a resource type such as \"AWS::ECR::Repository\" (Service::Provider::Resource), got 3"));
        CHECK(has_error(
            build_errors(node(R"({})")), "/nodes/1/config/Type",
            "missing Type: a CloudFormation resource needs its resource type, such as \"AWS::ECR::Repository\""));
        CHECK(has_error(build_errors(node(R"({"Type": "AWS::ECR::Repository", "Properties": []})")),
                        "/nodes/1/config/Properties", "Properties must be an object, got an array"));
        CHECK(has_error(
            build_errors(node(R"({"Type": "AWS::ECR::Repository", "Metadata": {"ServerlessPlayground": {}}})")),
            "/nodes/1/config/Metadata/ServerlessPlayground",
            "Metadata.ServerlessPlayground is reserved for the playground's own export data"));
        // Resource attributes are kept without a warning; anything else is an unknown property.
        auto built =
            build_from_text(node(R"({"Type": "AWS::SNS::TopicPolicy", "Condition": "C", "DeletionPolicy": "Retain",
                                              "UpdateReplacePolicy": "Retain", "DependsOn": ["fn"], "Metadata": {"a": 1},
                                              "UpdatePolicy": {}, "CreationPolicy": {}, "Colour": "red"})"));
        REQUIRE(built.simulation != nullptr);
        std::vector<std::string> node_paths;
        for (const auto& d : built.diagnostics.items())
            if (d.path.rfind("/nodes/", 0) == 0) node_paths.push_back(d.path);
        CHECK(node_paths == std::vector<std::string>{"/nodes/1/config/Colour"});
    }

    TEST_CASE("resource type names") {
        for (const char* ok : {"AWS::ECR::Repository", "AWS::Serverless::LayerVersion", "MyOrg::Billing::Thing::MODULE",
                               "Custom::Seeder", "Custom::db-seed_2@x"})
            CHECK_MESSAGE(svc::valid_cfn_resource_type(ok), ok);
        for (const char* bad : {"", "AWS::ECR", "AWS::::Repository", "AWS::ECR::", "AWS ECR Repository", "::ECR::Repo",
                                "AWS::ECR::Repo sitory", "Custom::", "Custom::a b"})
            CHECK_FALSE_MESSAGE(svc::valid_cfn_resource_type(bad), bad);
    }
}
