// cloudfront.h — Amazon CloudFront distributions (AWS::CloudFront::Distribution): an edge cache in
// front of one origin, with edge functions on its viewer and origin triggers.
#pragma once

#include "core/registry.h"

namespace sim::svc {

ServiceKind cloudfront_kind();

}  // namespace sim::svc
