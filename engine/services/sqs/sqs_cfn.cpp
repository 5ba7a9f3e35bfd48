// sqs_cfn.cpp — what CloudFormation needs of the resource sqs.cpp's contract names that a design
// writes differently. Export-only: part of slsim_cfn_completion, not of the services layer (the
// page never exports); the hook is declared weak in sqs.h.
#include "services/sqs/sqs.h"

#include "core/contract.h"
#include "core/message.h"

#include <string>

namespace sim::svc {

// A pattern's RedrivePolicy names its dead-letter queue by node id; AWS wants the queue's ARN. The
// design's own value stays in Metadata, so an import restores it exactly.
void sqs_cfn_complete(CfnDraft& d) {
    auto rp = d.config().find("RedrivePolicy");
    if (rp == d.config().end() || !rp->is_object()) return;
    auto dlq = rp->find("deadLetterTargetArn");
    if (dlq == rp->end() || !dlq->is_string()) return;
    CfnDraft::OJson arn = d.arn_of(dlq->get<std::string>());
    if (arn.is_null()) return;
    CfnDraft::OJson rewritten = CfnDraft::ordered(*rp);
    rewritten["deadLetterTargetArn"] = std::move(arn);
    d.rewrite("RedrivePolicy", std::move(rewritten));
}

}  // namespace sim::svc
