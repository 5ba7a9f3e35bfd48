// apigateway.h — Amazon API Gateway: REST APIs (v1) and HTTP APIs (v2).
#pragma once

#include "core/registry.h"

namespace sim::svc {

ServiceKind apigateway_kind();

}  // namespace sim::svc
