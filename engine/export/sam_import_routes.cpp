// sam_import_routes.cpp — routes a template declares as resources of their own: API Gateway REST
// methods (AWS::ApiGateway::Method under an AWS::ApiGateway::Resource tree), HTTP API routes
// (AWS::ApiGatewayV2::Route with its AWS::ApiGatewayV2::Integration) and an HTTP API's quick-create
// Target. Each becomes a route on the link from the API to what its integration names. The resources
// themselves stay "cloudformation" nodes, written back on export as they were; the link says which
// resource declared it ("DeclaredBy"), so the exporter does not write the route a second time.
// Routes of an API that is no simulated node (a WebSocket API, sam_import_foreign.cpp) wire nothing.
#include "export/sam_import_state.h"
#include "pattern/routes.h"
#include "services/all_services.h"

#include <set>

namespace sim::sami {

namespace {

const Json* props_of(const Json& resources, const std::string& logical) {
    auto r = resources.find(logical);
    if (r == resources.end() || !r->is_object()) return nullptr;
    auto p = r->find("Properties");
    return p != r->end() && p->is_object() ? &*p : nullptr;
}

std::string type_of(const Json& resources, const std::string& logical) {
    auto r = resources.find(logical);
    return r != resources.end() && r->is_object() ? r->value("Type", "") : "";
}

// The path of an AWS::ApiGateway::Resource: its parents' PathParts, up to the API's root
// (ParentId: !GetAtt Api.RootResourceId). "" when the tree cannot be followed.
std::string resource_path(const Json& resources, const Json& id, int depth = 0) {
    if (depth > 32) return {};
    const std::string logical = ref_target(id);
    if (logical.empty()) return {};
    if (auto g = id.find("Fn::GetAtt"); g != id.end()) return "/";  // Api.RootResourceId
    if (type_of(resources, logical) != "AWS::ApiGateway::Resource") return "/";
    const Json* p = props_of(resources, logical);
    if (!p || !p->contains("PathPart") || !(*p)["PathPart"].is_string()) return {};
    const std::string parent = resource_path(resources, p->value("ParentId", Json()), depth + 1);
    if (parent.empty()) return {};
    return (parent == "/" ? "" : parent) + "/" + (*p)["PathPart"].get<std::string>();
}

// The API node a Method or Route names in RestApiId / ApiId; "" when it is no simulated API (a
// WebSocket API is a "cloudformation" node: its routes wire nothing).
std::string api_node(ImportState& s, const Json& id) {
    const std::string api = ref_node(s, id);
    const Json* n = api.empty() ? nullptr : s.node(api);
    return n && default_registry().role_of(n->value("type", "")) == ServiceRole::Api ? api : "";
}

void add_route(ImportState& s, const std::string& api, const std::string& target, const std::string& route,
               const std::string& declared_by) {
    s.add_edge(api, "out", target, {{"Route", route}, {"DeclaredBy", declared_by}});
}

// AWS::ApiGateway::Method: HttpMethod on the path of ResourceId, integrated with what Integration.Uri names.
void rest_method(ImportState& s, const std::string& logical, const Json& p) {
    const std::string api = api_node(s, p.value("RestApiId", Json()));
    const Json integration = p.value("Integration", Json::object());
    if (api.empty() || !integration.is_object()) return;
    const std::string kind = integration.value("Type", "");
    if (kind == "MOCK") return;  // answered by API Gateway itself
    std::string target = integration.contains("Uri") ? node_named(s, integration["Uri"]) : "";
    if (target.empty() && integration.contains("RequestTemplates"))
        target = node_named(s, integration["RequestTemplates"]);
    if (target.empty()) return;
    const std::string path = resource_path(s.tmpl["Resources"], p.value("ResourceId", Json()));
    if (path.empty()) return;
    const std::string method = p.value("HttpMethod", "ANY");
    add_route(s, api, target, method + " " + path, logical);
}

// AWS::ApiGatewayV2::Route: RouteKey ("GET /items", "$default") with Target "integrations/<id>".
void http_route(ImportState& s, const std::string& logical, const Json& p) {
    const std::string api = api_node(s, p.value("ApiId", Json()));
    std::string key = p.value("RouteKey", "");
    if (api.empty() || key.empty()) return;
    const Json& resources = s.tmpl["Resources"];
    // Target: !Sub "integrations/${Integration}" or !Join ["/", ["integrations", !Ref Integration]].
    std::string integration;
    const Json target = p.value("Target", Json());
    for (auto it = resources.begin(); it != resources.end() && integration.empty(); ++it)
        if (it.value().value("Type", "") == "AWS::ApiGatewayV2::Integration" && mentions(target, it.key()))
            integration = it.key();
    const Json* ip = integration.empty() ? nullptr : props_of(resources, integration);
    if (!ip) return;
    std::string to = ip->contains("IntegrationUri") ? node_named(s, (*ip)["IntegrationUri"]) : "";
    if (to.empty() && ip->contains("RequestParameters")) to = node_named(s, (*ip)["RequestParameters"]);
    if (to.empty()) return;
    if (key == "$default") key = "ANY /{proxy+}";
    if (key.find(' ') == std::string::npos) return;  // not "METHOD /path" (a WebSocket key: $connect, sendmessage)
    add_route(s, api, to, key, logical);
}

}  // namespace

void import_declared_routes(ImportState& s) {
    const Json& resources = s.tmpl["Resources"];
    for (auto it = resources.begin(); it != resources.end(); ++it) {
        if (!it->is_object()) continue;
        const std::string type = it->value("Type", "");
        const Json* p = props_of(resources, it.key());
        if (!p) continue;
        if (type == "AWS::ApiGateway::Method") {
            rest_method(s, it.key(), *p);
        } else if (type == "AWS::ApiGatewayV2::Route") {
            http_route(s, it.key(), *p);
        } else if (type == "AWS::ApiGatewayV2::Api" && p->contains("Target")) {
            // Quick create: the API's $default route integrates with Target (a function).
            const std::string api = api_node(s, Json{{"Ref", it.key()}});
            const std::string to = node_named(s, (*p)["Target"]);
            if (!api.empty() && !to.empty()) add_route(s, api, to, "ANY /{proxy+}", it.key());
        }
    }
}

}  // namespace sim::sami
