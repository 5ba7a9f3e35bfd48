// dynamodb_cfn.cpp — what CloudFormation requires of the resource dynamodb.cpp's contract names, that a
// design may leave out. Export-only: this file is not part of the services layer but of
// slsim_cfn_completion, which the CLI, the tests and the SAM tools module link and the page does
// not (the page never exports, and its download has a budget). The hooks are declared weak in
// dynamodb.h, so in the page the contract's CfnResource::complete is null.
#include "services/dynamodb/dynamodb.h"

#include "core/contract.h"
#include "core/message.h"

#include <string>

namespace sim::svc {

void dynamodb_cfn_complete(CfnDraft& d) {
    const Json& config = d.config();
    const CfnDraft::OJson keys = config.contains("KeySchema")
                                     ? CfnDraft::ordered(config["KeySchema"])
                                     : CfnDraft::OJson::array({{{"AttributeName", "id"}, {"KeyType", "HASH"}}});
    d.generate("KeySchema", keys);
    CfnDraft::OJson defs = CfnDraft::OJson::array();
    if (keys.is_array())
        for (const auto& key : keys)
            if (key.is_object() && key.contains("AttributeName"))
                defs.push_back({{"AttributeName", key["AttributeName"]}, {"AttributeType", "S"}});
    d.generate("AttributeDefinitions", defs);
    if (!config.contains("ProvisionedThroughput")) d.generate("BillingMode", "PAY_PER_REQUEST");
}

}  // namespace sim::svc
