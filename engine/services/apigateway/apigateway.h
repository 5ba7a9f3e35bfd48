// apigateway.h — Amazon API Gateway: REST APIs (v1) and HTTP APIs (v2).
#pragma once

#include "core/registry.h"

namespace sim::svc {

ServiceKind apigateway_kind();
// What CloudFormation requires of its resource (apigateway_cfn.cpp); weak: null where not linked (the page).
[[gnu::weak]] void apigateway_cfn_complete(CfnDraft& d);

}  // namespace sim::svc
