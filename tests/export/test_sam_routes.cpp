// test_sam_routes.cpp — routes a template declares as resources of their own (REST API Method and
// Resource trees, HTTP API Route and Integration, quick-create Target) become routes that run, and
// are written back by those resources on export, not a second time. A WebSocket API is not an API
// here: it is kept as a CloudFormation node and its routes wire nothing.
#include "export/sam_export.h"
#include "export/sam_import.h"
#include "pattern/pattern.h"
#include "pattern/routes.h"
#include "support/import_support.h"

#include <doctest/doctest.h>

#include <algorithm>

using namespace sim;
using namespace sim::test;

namespace {

const EdgeSpec* edge(const Pattern& p, const std::string& from, const std::string& to) {
    for (const auto& e : p.edges)
        if (e.from == from && e.to == to) return &e;
    return nullptr;
}

}  // namespace

TEST_SUITE("import") {
    TEST_CASE("a REST API's Method under a Resource tree is a route to the function its integration URI names") {
        // AWS::ApiGateway::Resource: PathPart under ParentId (the API's RootResourceId, or another Resource);
        // AWS::ApiGateway::Method: HttpMethod on ResourceId, Integration.Uri
        // arn:aws:apigateway:{region}:lambda:path/2015-03-31/functions/{function ARN}/invocations
        // (https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-apigateway-method.html).
        const ImportResult r = import_ok(R"({"Resources": {
          "Api": {"Type": "AWS::ApiGateway::RestApi", "Properties": {"Name": "orders"}},
          "Orders": {"Type": "AWS::ApiGateway::Resource",
                     "Properties": {"RestApiId": {"Ref": "Api"}, "ParentId": {"Fn::GetAtt": ["Api", "RootResourceId"]}, "PathPart": "orders"}},
          "Order": {"Type": "AWS::ApiGateway::Resource",
                    "Properties": {"RestApiId": {"Ref": "Api"}, "ParentId": {"Ref": "Orders"}, "PathPart": "{id}"}},
          "GetOrder": {"Type": "AWS::ApiGateway::Method",
                       "Properties": {"RestApiId": {"Ref": "Api"}, "ResourceId": {"Ref": "Order"}, "HttpMethod": "GET",
                                      "AuthorizationType": "NONE",
                                      "Integration": {"Type": "AWS_PROXY", "IntegrationHttpMethod": "POST",
                                        "Uri": {"Fn::Sub": "arn:aws:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/${Fn.Arn}/invocations"}}}},
          "Options": {"Type": "AWS::ApiGateway::Method",
                      "Properties": {"RestApiId": {"Ref": "Api"}, "ResourceId": {"Ref": "Order"}, "HttpMethod": "OPTIONS",
                                     "Integration": {"Type": "MOCK"}}},
          "Fn": {"Type": "AWS::Serverless::Function", "Properties": {"Runtime": "python3.12", "Handler": "a.h"}}}})");
        const EdgeSpec* e = edge(r.pattern, "Api", "Fn");
        REQUIRE(e != nullptr);
        CHECK(routes_of(e->config) == std::vector<std::string>{"GET /orders/{id}"});  // MOCK answers itself
        CHECK(e->config["DeclaredBy"] == "GetOrder");
        CHECK(r.pattern.find_node("GetOrder")->type == "cloudformation");  // kept as written

        // The client the import adds sends GET /orders/1, which reaches the function.
        auto s = build_ok(write_pattern(r.pattern));
        s->run_until(minutes(1));
        CHECK(s->report()["nodes"]["Fn"]["invocations"].get<std::uint64_t>() > 30);

        // Export writes the Method back and no SAM Api event on the function.
        const Json t = Json::parse(export_sam_json(r.pattern));
        CHECK(t["Resources"]["GetOrder"]["Type"] == "AWS::ApiGateway::Method");
        CHECK_FALSE(t["Resources"]["Fn"]["Properties"].contains("Events"));
    }

    TEST_CASE("an HTTP API Route's Target names the Integration whose IntegrationUri names the function") {
        // AWS::ApiGatewayV2::Route Target "integrations/{IntegrationId}"; RouteKey "METHOD /path" or $default
        // (https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-apigatewayv2-route.html).
        const ImportResult r = import_ok(R"({"Resources": {
          "Http": {"Type": "AWS::ApiGatewayV2::Api", "Properties": {"Name": "h", "ProtocolType": "HTTP"}},
          "Integ": {"Type": "AWS::ApiGatewayV2::Integration",
                    "Properties": {"ApiId": {"Ref": "Http"}, "IntegrationType": "AWS_PROXY",
                                   "IntegrationUri": {"Fn::GetAtt": ["Fn", "Arn"]}, "PayloadFormatVersion": "2.0"}},
          "Get": {"Type": "AWS::ApiGatewayV2::Route",
                  "Properties": {"ApiId": {"Ref": "Http"}, "RouteKey": "GET /items", "Target": {"Fn::Sub": "integrations/${Integ}"}}},
          "Post": {"Type": "AWS::ApiGatewayV2::Route",
                   "Properties": {"ApiId": {"Ref": "Http"}, "RouteKey": "POST /items",
                                  "Target": {"Fn::Join": ["/", ["integrations", {"Ref": "Integ"}]]}}},
          "Fn": {"Type": "AWS::Serverless::Function", "Properties": {"Runtime": "python3.12", "Handler": "a.h"}}}})");
        const EdgeSpec* e = edge(r.pattern, "Http", "Fn");
        REQUIRE(e != nullptr);
        CHECK(routes_of(e->config) == std::vector<std::string>{"GET /items", "POST /items"});
        auto s = build_ok(write_pattern(r.pattern));
        s->run_until(minutes(1));
        CHECK(s->report()["nodes"]["Fn"]["invocations"].get<std::uint64_t>() > 60);  // both routes, 1/s each
    }

    TEST_CASE("a quick-create HTTP API's Target is its $default route") {
        // AWS::ApiGatewayV2::Api Target: quick create makes a $default route to it (the function).
        const ImportResult r = import_ok(R"({"Resources": {
          "Http": {"Type": "AWS::ApiGatewayV2::Api", "Properties": {"Name": "h", "ProtocolType": "HTTP",
                   "Target": {"Fn::GetAtt": ["Fn", "Arn"]}}},
          "Fn": {"Type": "AWS::Serverless::Function", "Properties": {"Runtime": "python3.12", "Handler": "a.h"}}}})");
        const EdgeSpec* e = edge(r.pattern, "Http", "Fn");
        REQUIRE(e != nullptr);
        CHECK(routes_of(e->config) == std::vector<std::string>{"ANY /{proxy+}"});
    }

    TEST_CASE("a WebSocket API is kept as a CloudFormation node, and its routes and integrations wire nothing") {
        // ProtocolType WEBSOCKET: route keys are $connect, $disconnect, $default or an action chosen by
        // RouteSelectionExpression, over connections the playground does not simulate
        // (https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-websocket-api-overview.html).
        const ImportResult r = import_ok(R"({"Resources": {
          "Ws": {"Type": "AWS::ApiGatewayV2::Api",
                 "Properties": {"Name": "chat", "ProtocolType": "WEBSOCKET", "RouteSelectionExpression": "$request.body.action"}},
          "Integ": {"Type": "AWS::ApiGatewayV2::Integration",
                    "Properties": {"ApiId": {"Ref": "Ws"}, "IntegrationType": "AWS_PROXY",
                                   "IntegrationUri": {"Fn::Sub": "arn:aws:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/${Fn.Arn}/invocations"}}},
          "Default": {"Type": "AWS::ApiGatewayV2::Route",
                      "Properties": {"ApiId": {"Ref": "Ws"}, "RouteKey": "$default", "Target": {"Fn::Sub": "integrations/${Integ}"}}},
          "Connect": {"Type": "AWS::ApiGatewayV2::Route",
                      "Properties": {"ApiId": {"Ref": "Ws"}, "RouteKey": "$connect", "Target": {"Fn::Sub": "integrations/${Integ}"}}},
          "Stage": {"Type": "AWS::ApiGatewayV2::Stage", "Properties": {"ApiId": {"Ref": "Ws"}, "StageName": "prod", "AutoDeploy": true}},
          "Fn": {"Type": "AWS::Serverless::Function",
                 "Properties": {"Runtime": "python3.12", "Handler": "a.h",
                                "Events": {"Q": {"Type": "SQS", "Properties": {"Queue": {"Fn::GetAtt": ["Queue", "Arn"]}}}}}},
          "Queue": {"Type": "AWS::SQS::Queue"}}})");
        const Pattern& p = r.pattern;
        REQUIRE(p.find_node("Ws") != nullptr);
        CHECK(p.find_node("Ws")->type == "cloudformation");
        CHECK(std::none_of(p.nodes.begin(), p.nodes.end(), [](const NodeSpec& n) { return n.type == "apigateway"; }));
        for (const char* logical : {"Ws", "Integ", "Default", "Connect", "Stage"})
            for (const auto& e : p.edges) {
                INFO(std::string(logical) << ": " << e.from << " -> " << e.to);
                CHECK((e.from != logical && e.to != logical));
            }
        // The rest imports: the queue feeds the function, and a client feeds the queue.
        CHECK(p.find_node("Fn")->type == "lambda");
        CHECK(p.find_node("Queue")->type == "sqs");
        CHECK(edge(p, "Queue", "Fn") != nullptr);
        CHECK(r.summary.simulated == 2);

        const std::string why =
            "Ws (AWS::ApiGatewayV2::Api): a WebSocket API (ProtocolType WEBSOCKET) is not "
            "simulated by the playground; it and its routes and integrations are left out of the "
            "simulation, drawn and written back on export";
        CHECK(std::count(r.summary.kept.begin(), r.summary.kept.end(), why) == 1);
        CHECK(import_summary_text(r.summary).find("  " + why + "\n") != std::string::npos);

        auto s = build_ok(write_pattern(p));
        s->run_until(minutes(1));
        CHECK(s->report()["nodes"]["Fn"]["invocations"].get<std::uint64_t>() > 0);

        // Written back as it was.
        const Json t = Json::parse(export_sam_json(p));
        CHECK(t["Resources"]["Ws"]["Properties"]["ProtocolType"] == "WEBSOCKET");
        CHECK(t["Resources"]["Default"]["Properties"]["RouteKey"] == "$default");
    }
}
