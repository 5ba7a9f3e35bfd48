// cognito.h — Amazon Cognito user pools (AWS::Cognito::UserPool) as the authorizer of API Gateway
// APIs and AppSync APIs: wire `api.authorizer -> pool` (the API's authorizer names the pool).
#pragma once

#include "core/registry.h"

namespace sim::svc {

ServiceKind cognito_kind();

// Where a request carries its token: headers.Authorization ("Bearer " optional), else body.token,
// else the top-level "token". Empty when there is none.
std::string token_of(const Json& request);

}  // namespace sim::svc
