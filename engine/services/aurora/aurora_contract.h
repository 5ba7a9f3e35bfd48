// aurora_contract.h — what an Aurora Serverless cluster accepts from callers through the RDS
// Data API and the errors it answers with, by AWS's names (ExecuteStatement in the Amazon RDS
// Data Service API Reference, whose request fields are lower camel case).
#pragma once

#include "core/contract.h"

#include <vector>

namespace sim::svc {

// "too many connections": the cluster's connection limit reached (answered as a server fault).
inline constexpr ErrorSpec kAuroraDatabaseError{"DatabaseErrorException", 500, ErrorClass::Server};

std::vector<OperationSpec> aurora_operations();
std::vector<ErrorSpec> aurora_errors();

}  // namespace sim::svc
