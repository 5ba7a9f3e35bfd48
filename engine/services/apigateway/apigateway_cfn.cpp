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
}

}  // namespace sim::svc
