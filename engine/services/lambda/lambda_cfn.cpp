// lambda_cfn.cpp — what CloudFormation requires of a SAM function that a design may leave out
// (Runtime, Handler, CodeUri). Export-only: this file is not part of the services layer but of
// slsim_cfn_completion, which the CLI, the tests and the SAM tools module link and the page does
// not (the page never exports, and its download has a budget). The hook is declared weak in
// lambda.h, so in the page the contract's CfnResource::complete is null.
#include "services/lambda/lambda.h"

#include "core/contract.h"
#include "core/message.h"

#include <string>

namespace sim::svc {

void complete_sam_function(CfnDraft& d) {
    const Json& config = d.config();
    const auto runtime = config.find("Runtime");
    const bool python = runtime != config.end() && runtime->is_string() &&
                        runtime->get_ref<const std::string&>().rfind("python", 0) == 0;
    d.generate("Runtime", "nodejs20.x");
    d.generate("Handler", python ? "app.handler" : "index.handler");
    if (!config.contains("InlineCode") && !config.contains("ImageUri"))
        d.generate("CodeUri", "src/" + d.node_id() + "/");
}

}  // namespace sim::svc
