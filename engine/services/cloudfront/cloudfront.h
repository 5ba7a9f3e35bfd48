// cloudfront.h — Amazon CloudFront distributions (AWS::CloudFront::Distribution): an edge cache in
// front of one origin, with edge functions on its viewer and origin triggers.
#pragma once

#include "core/registry.h"

namespace sim::svc {

ServiceKind cloudfront_kind();
// What CloudFormation requires of its resource (cloudfront_cfn.cpp); weak: null where not linked (the page).
[[gnu::weak]] void cloudfront_cfn_complete(CfnDraft& d);

}  // namespace sim::svc
