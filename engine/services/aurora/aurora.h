// aurora.h — Aurora Serverless v2 clusters (AWS::RDS::DBCluster with ServerlessV2ScalingConfiguration).
#pragma once

#include "core/registry.h"

namespace sim::svc {

ServiceKind aurora_kind();

}  // namespace sim::svc
