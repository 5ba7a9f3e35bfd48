// appsync.h — AWS AppSync GraphQL APIs (AWS::AppSync::GraphQLApi) with resolvers on edges.
#pragma once

#include "core/registry.h"

namespace sim::svc {

ServiceKind appsync_kind();
// What CloudFormation requires of its resource (appsync_cfn.cpp); weak: null where not linked (the page).
[[gnu::weak]] void appsync_cfn_complete(CfnDraft& d);

}  // namespace sim::svc
