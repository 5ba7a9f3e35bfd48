// aurora.h — Aurora Serverless v2 clusters (AWS::RDS::DBCluster with ServerlessV2ScalingConfiguration).
#pragma once

#include "core/registry.h"

namespace sim::svc {

ServiceKind aurora_kind();
// What CloudFormation requires of its resource (aurora_cfn.cpp); weak: null where not linked (the page).
[[gnu::weak]] void aurora_cfn_complete(CfnDraft& d);

}  // namespace sim::svc
