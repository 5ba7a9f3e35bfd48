// appsync_contract.h — what an AppSync GraphQL API accepts from callers and the errors it answers
// with. GraphQL is AppSync's data-plane request (POST /graphql with query, variables and
// operationName); resolver failures answer 200 with an "errors" array, not an error code.
#pragma once

#include "core/contract.h"

#include <vector>

namespace sim::svc {

inline constexpr ErrorSpec kAppSyncUnauthorized{"UnauthorizedException", 401, ErrorClass::Client};

std::vector<OperationSpec> appsync_operations();
std::vector<ErrorSpec> appsync_errors();

}  // namespace sim::svc
