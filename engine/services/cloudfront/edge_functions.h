// edge_functions.h — code that runs on CloudFront requests: CloudFront Functions
// (AWS::CloudFront::Function; viewer triggers only, sub-millisecond, in every edge location) and
// Lambda@Edge (Lambda functions replicated to regional edge caches; viewer and origin triggers,
// cold starts). Wired from a distribution's viewer_request / viewer_response / origin_request /
// origin_response ports; the limits depend on the trigger (AWS-FACTS §15).
#pragma once

#include "core/registry.h"

namespace sim::svc {

ServiceKind cloudfront_function_kind();  // "cloudfront_function"
// What CloudFormation requires of its resource (edge_functions_cfn.cpp); weak: null where not linked (the page).
[[gnu::weak]] void cloudfront_function_cfn_complete(CfnDraft& d);
ServiceKind lambda_edge_kind();  // "lambda_edge"
// What CloudFormation requires of its resource (edge_functions_cfn.cpp); weak: null where not linked (the page).
[[gnu::weak]] void lambda_edge_cfn_complete(CfnDraft& d);

}  // namespace sim::svc
