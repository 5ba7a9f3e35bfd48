// fargate_cfn.cpp — what CloudFormation requires of the resource fargate.cpp's contract names, that a
// design may leave out. Export-only: this file is not part of the services layer but of
// slsim_cfn_completion, which the CLI, the tests and the SAM tools module link and the page does
// not (the page never exports, and its download has a budget). The hooks are declared weak in
// fargate.h, so in the page the contract's CfnResource::complete is null.
#include "services/fargate/fargate.h"

#include "core/contract.h"
#include "core/message.h"

#include <string>

namespace sim::svc {

void fargate_cfn_complete(CfnDraft& d) {
    d.generate("RequiresCompatibilities", CfnDraft::OJson::array({"FARGATE"}));
    d.generate("NetworkMode", "awsvpc");
    d.generate("ContainerDefinitions",
               CfnDraft::OJson::array({{{"Name", d.node_id()},
                                        {"Image", d.config().value("Image", "public.ecr.aws/nginx/nginx:latest")}}}));
}

}  // namespace sim::svc
