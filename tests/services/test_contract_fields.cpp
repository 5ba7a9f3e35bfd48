// test_contract_fields.cpp — the non-operation parts of every service's contract: palette data, the
// diagram shape, a sample event and the CloudFormation/SAM resources (issue 17, item 1). Exporters,
// importers, Mermaid, the palette and the Fire dialog read these instead of their own type lists,
// so a kind that leaves one out would silently drop out of them.
#include "export/sam_mapping.h"
#include "services/all_services.h"

#include <doctest/doctest.h>

#include <algorithm>

using namespace sim;

namespace {

const CfnResource* resource_of(const ServiceKind& k, std::string_view cfn_type) {
    for (const CfnResource& r : k.cfn)
        if (r.type == cfn_type) return &r;
    return nullptr;
}

bool lists(const CfnResource& r, std::string_view property) {
    return std::find(r.properties.begin(), r.properties.end(), property) != r.properties.end();
}

// Traffic sources and subscription endpoints stand for nothing in a template (Metadata only); the
// "cloudformation" node is a template resource already, written verbatim.
bool has_no_resource(const ServiceKind& k) {
    return k.group == "sources" || k.type == "http" || k.type == "email" || !k.simulated;
}

}  // namespace

TEST_SUITE("service contract fields") {
    TEST_CASE("every simulated kind has palette data, an icon, a sample event and a payload pointer") {
        for (const ServiceKind& k : default_registry().kinds()) {
            CAPTURE(k.type);
            CHECK(!k.label.empty());
            CHECK(!k.group.empty());
            CHECK(!k.description.empty());
            CHECK(!k.icon.empty());
            if (!k.simulated) continue;
            CHECK(k.sample.is_object());
            CHECK(!k.sample.empty());
            // The payload pointer names a part of the sample (or the whole event).
            if (!k.sample_payload.empty()) CHECK(k.sample.contains(Json::json_pointer(k.sample_payload)));
        }
    }

    TEST_CASE("shapes follow the role: functions, stores, sources and channels") {
        const Registry& reg = default_registry();
        CHECK(reg.find("lambda")->shape == DiagramShape::Function);
        CHECK(reg.find("dynamodb")->shape == DiagramShape::Store);
        CHECK(reg.find("s3")->shape == DiagramShape::Store);
        CHECK(reg.find("client")->shape == DiagramShape::Source);
        CHECK(reg.find("iot")->shape == DiagramShape::Source);
        CHECK(reg.find("sqs")->shape == DiagramShape::Channel);
        CHECK(reg.find("apigateway")->shape == DiagramShape::Box);
    }

    TEST_CASE("every kind but sources, endpoints and kept resources stands for a CloudFormation resource") {
        for (const ServiceKind& k : default_registry().kinds()) {
            CAPTURE(k.type);
            // An endpoint may stand for one when its config selects it (an HTTP endpoint that is an
            // EventBridge API destination).
            if (has_no_resource(k))
                for (const CfnResource& r : k.cfn) CHECK(r.selected_only);
            else
                REQUIRE(!k.cfn.empty());
            for (const CfnResource& r : k.cfn) {
                CAPTURE(r.type);
                CHECK(r.type.rfind("AWS::", 0) == 0);
                CHECK(!r.properties.empty());
            }
        }
    }

    TEST_CASE("AWS's resource types and properties (CloudFormation and SAM references)") {
        const Registry& reg = default_registry();
        // aws-resource-sqs-queue.html: AWS::SQS::Queue has VisibilityTimeout and RedrivePolicy.
        const CfnResource* queue = resource_of(*reg.find("sqs"), "AWS::SQS::Queue");
        REQUIRE(queue);
        CHECK(lists(*queue, "VisibilityTimeout"));
        CHECK(lists(*queue, "RedrivePolicy"));
        // sam-resource-function.html: AWS::Serverless::Function has MemorySize, Timeout, Runtime.
        const CfnResource* fn = resource_of(*reg.find("lambda"), "AWS::Serverless::Function");
        REQUIRE(fn);
        for (const char* p : {"MemorySize", "Timeout", "Runtime", "Handler", "CodeUri"}) CHECK(lists(*fn, p));
        CHECK_FALSE(lists(*fn, "Actions"));  // simulation-only: travels in Metadata
        // aws-resource-dynamodb-table.html: KeySchema, BillingMode.
        const CfnResource* table = resource_of(*reg.find("dynamodb"), "AWS::DynamoDB::Table");
        REQUIRE(table);
        CHECK(lists(*table, "KeySchema"));
        CHECK(lists(*table, "BillingMode"));
        // sam-resource-httpapi.html: an HTTP API is AWS::Serverless::HttpApi; REST is AWS::Serverless::Api.
        const ServiceKind& api = *reg.find("apigateway");
        CHECK(cfn_resource_for(api, Json{{"ApiType", "HTTP"}})->type == "AWS::Serverless::HttpApi");
        CHECK(cfn_resource_for(api, Json{{"ApiType", "REST"}})->type == "AWS::Serverless::Api");
        CHECK(cfn_resource_for(api, Json::object())->type == "AWS::Serverless::Api");
        CHECK(lists(*resource_of(api, "AWS::Serverless::HttpApi"), "CorsConfiguration"));
        CHECK(lists(*resource_of(api, "AWS::Serverless::Api"), "Cors"));
        // Lambda@Edge functions are written as SAM functions too.
        CHECK(resource_of(*reg.find("lambda_edge"), "AWS::Serverless::Function"));
    }

    TEST_CASE("every resource type imports as the kind that lists it") {
        for (const ServiceKind& k : default_registry().kinds())
            for (const CfnResource& r : k.cfn) {
                CAPTURE(k.type);
                CAPTURE(r.type);
                const std::string_view back = sim_type_for_cfn(r.type);
                REQUIRE(!back.empty());
                if (r.imported) {
                    CHECK(back == k.type);
                    for (const std::string& alias : r.import_aliases) CHECK(sim_type_for_cfn(alias) == k.type);
                } else {  // another kind that writes the same type claims it
                    CHECK(resource_of(*default_registry().find(back), r.type));
                }
            }
        CHECK(sim_type_for_cfn("AWS::Lambda::Function") == "lambda");
        CHECK(sim_type_for_cfn("AWS::ApiGatewayV2::Api") == "apigateway");
        CHECK(sim_type_for_cfn("AWS::Serverless::Function") == "lambda");
        CHECK(sim_type_for_cfn("AWS::IAM::Role").empty());
    }
}
