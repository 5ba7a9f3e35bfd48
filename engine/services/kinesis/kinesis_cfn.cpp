// kinesis_cfn.cpp — what CloudFormation requires of the resource kinesis.cpp's contract names, that a
// design may leave out. Export-only: this file is not part of the services layer but of
// slsim_cfn_completion, which the CLI, the tests and the SAM tools module link and the page does
// not (the page never exports, and its download has a budget). The hooks are declared weak in
// kinesis.h, so in the page the contract's CfnResource::complete is null.
#include "services/kinesis/kinesis.h"

#include "core/contract.h"
#include "core/message.h"

#include <string>

namespace sim::svc {

void kinesis_cfn_complete(CfnDraft& d) {
    if (!d.config().contains("StreamModeDetails")) d.generate("ShardCount", 1);  // provisioned mode
}

}  // namespace sim::svc
