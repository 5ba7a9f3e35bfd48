// appsync.h — AWS AppSync GraphQL APIs (AWS::AppSync::GraphQLApi) with resolvers on edges.
#pragma once

#include "core/registry.h"

namespace sim::svc {

ServiceKind appsync_kind();

}  // namespace sim::svc
