// apigateway_cfn.cpp — what CloudFormation requires of the resource apigateway.cpp's contract names, that a
// design may leave out. Export-only: this file is not part of the services layer but of
// slsim_cfn_completion, which the CLI, the tests and the SAM tools module link and the page does
// not (the page never exports, and its download has a budget). The hooks are declared weak in
// apigateway.h, so in the page the contract's CfnResource::complete is null.
#include "services/apigateway/apigateway.h"

#include "core/contract.h"
#include "core/message.h"

#include <string>

namespace sim::svc {

void apigateway_cfn_complete(CfnDraft& d) {
    d.generate("StageName", "prod");
    // An imported AWS::ApiGateway::RestApi names its endpoint type as {Types: [REGIONAL],
    // VpcEndpointIds}; the AWS::Serverless::Api it is written as takes {Type: REGIONAL,
    // VPCEndpointIds}. The config keeps the RestApi form (in Metadata) for the round trip.
    const auto ec = d.config().find("EndpointConfiguration");
    if (ec == d.config().end() || !ec->is_object()) return;
    const auto types = ec->find("Types");
    if (types == ec->end() || !types->is_array() || types->size() != 1 || !(*types)[0].is_string()) return;
    CfnDraft::OJson sam = {{"Type", (*types)[0]}};
    if (const auto vpc = ec->find("VpcEndpointIds"); vpc != ec->end()) sam["VPCEndpointIds"] = CfnDraft::ordered(*vpc);
    d.rewrite("EndpointConfiguration", std::move(sam));
}

}  // namespace sim::svc
