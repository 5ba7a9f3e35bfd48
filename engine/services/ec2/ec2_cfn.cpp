// ec2_cfn.cpp — what CloudFormation requires of the resource ec2.cpp's contract names, that a
// design may leave out. Export-only: this file is not part of the services layer but of
// slsim_cfn_completion, which the CLI, the tests and the SAM tools module link and the page does
// not (the page never exports, and its download has a budget). The hooks are declared weak in
// ec2.h, so in the page the contract's CfnResource::complete is null.
#include "services/ec2/ec2.h"

#include "core/contract.h"
#include "core/message.h"

#include <string>

namespace sim::svc {

void ec2_cfn_complete(CfnDraft& d) {
    const Json& config = d.config();
    d.generate("MinSize", std::to_string(config.value("MinSize", 1)));
    d.generate("MaxSize", std::to_string(config.value("MaxSize", 1)));
    const std::string lt = d.add_resource(
        "LaunchTemplate", "AWS::EC2::LaunchTemplate",
        {{"LaunchTemplateData",
          {{"InstanceType", config.value("InstanceType", "m5.large")},
           {"ImageId", "{{resolve:ssm:/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64}}"}}}});
    d.generate("LaunchTemplate",
               {{"LaunchTemplateId", CfnDraft::ref(lt)}, {"Version", CfnDraft::get_att(lt, "LatestVersionNumber")}});
}

}  // namespace sim::svc
