// edge_functions_cfn.cpp — what CloudFormation requires of the resources edge_functions.cpp's contract names, that a
// design may leave out. Export-only: this file is not part of the services layer but of
// slsim_cfn_completion, which the CLI, the tests and the SAM tools module link and the page does
// not (the page never exports, and its download has a budget). The hooks are declared weak in
// edge_functions.h, so in the page the contract's CfnResource::complete is null.
#include "services/cloudfront/edge_functions.h"

#include "core/contract.h"
#include "core/message.h"
#include "services/lambda/lambda.h"

#include <string>

namespace sim::svc {

void cloudfront_function_cfn_complete(CfnDraft& d) {
    d.generate("Name", d.node_id());
    d.generate("FunctionCode", "function handler(event) { return event.request; }");
    d.generate("FunctionConfig",
               {{"Comment", d.node_id()}, {"Runtime", d.config().value("Runtime", "cloudfront-js-2.0")}});
    d.generate("AutoPublish", true);
}

void lambda_edge_cfn_complete(CfnDraft& d) {
    complete_sam_function(d);
    d.generate("AutoPublishAlias", "live");  // CloudFront associates a published version
}

}  // namespace sim::svc
