// aurora_cfn.cpp — what CloudFormation requires of the resource aurora.cpp's contract names, that a
// design may leave out. Export-only: this file is not part of the services layer but of
// slsim_cfn_completion, which the CLI, the tests and the SAM tools module link and the page does
// not (the page never exports, and its download has a budget). The hooks are declared weak in
// aurora.h, so in the page the contract's CfnResource::complete is null.
#include "services/aurora/aurora.h"

#include "core/contract.h"
#include "core/message.h"

#include <string>

namespace sim::svc {

void aurora_cfn_complete(CfnDraft& d) {
    const CfnDraft::OJson engine = d.generate("Engine", "aurora-postgresql");
    d.generate("MasterUsername", "admin");
    d.generate("ManageMasterUserPassword", true);
    d.add_resource("Instance", "AWS::RDS::DBInstance",
                   {{"DBClusterIdentifier", CfnDraft::ref(d.logical_id())},
                    {"DBInstanceClass", "db.serverless"},
                    {"Engine", engine}});
}

}  // namespace sim::svc
