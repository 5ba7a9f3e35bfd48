// http_errors.h — the answers every HTTP front door gives in its own name (a load balancer,
// CloudFront, API Gateway) when what is behind it fails, is missing or is too slow. Written once
// so a 502 is a server fault that SDKs retry, wherever it comes from.
#pragma once

#include "core/contract.h"

namespace sim {

inline constexpr ErrorSpec kHttpInternalServerError{"InternalServerError", 500, ErrorClass::Server};
inline constexpr ErrorSpec kHttpBadGateway{"BadGateway", 502, ErrorClass::Server};
inline constexpr ErrorSpec kHttpServiceUnavailable{"ServiceUnavailable", 503, ErrorClass::Server};
inline constexpr ErrorSpec kHttpGatewayTimeout{"GatewayTimeout", 504, ErrorClass::Server};

}  // namespace sim
