// cloudfront_cfn.cpp — what CloudFormation requires of the resource cloudfront.cpp's contract names, that a
// design may leave out. Export-only: this file is not part of the services layer but of
// slsim_cfn_completion, which the CLI, the tests and the SAM tools module link and the page does
// not (the page never exports, and its download has a budget). The hooks are declared weak in
// cloudfront.h, so in the page the contract's CfnResource::complete is null.
#include "services/cloudfront/cloudfront.h"

#include "core/contract.h"
#include "core/message.h"

#include <string>

namespace sim::svc {

void cloudfront_cfn_complete(CfnDraft& d) {
    CfnDraft::OJson& config = d.generate(
        "DistributionConfig",
        {{"Enabled", true},
         {"Origins", CfnDraft::OJson::array()},
         {"DefaultCacheBehavior",
          {{"ViewerProtocolPolicy", "redirect-to-https"}, {"CachePolicyId", "658327ea-f89d-4fab-a63d-7e88639e58f6"}}}});
    if (d.config().contains("DefaultRootObject"))
        config["DefaultRootObject"] = CfnDraft::ordered(d.config()["DefaultRootObject"]);
}

}  // namespace sim::svc
