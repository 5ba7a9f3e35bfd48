// apigateway_contract.h — the answers API Gateway gives in its own name, by the codes AWS's
// gateway responses carry (x-amzn-ErrorType). Integration failures are the HTTP front door's
// 500/502 (core/http_errors.h).
#pragma once

#include "core/contract.h"

#include <vector>

namespace sim::svc {

inline constexpr ErrorSpec kApiTooManyRequests{"TooManyRequestsException", 429, ErrorClass::Throttle};
// REST APIs answer a request that matches no route 403 Missing Authentication Token; HTTP APIs 404.
inline constexpr ErrorSpec kApiMissingAuthenticationToken{"MissingAuthenticationTokenException", 403,
                                                          ErrorClass::Client};
inline constexpr ErrorSpec kApiNotFound{"NotFound", 404, ErrorClass::Client};
inline constexpr ErrorSpec kApiUnauthorized{"Unauthorized", 401, ErrorClass::Client};
inline constexpr ErrorSpec kApiIntegrationTimeout{"IntegrationTimeout", 504, ErrorClass::Server};

std::vector<ErrorSpec> apigateway_errors();

}  // namespace sim::svc
