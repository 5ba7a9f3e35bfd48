// redshift.h — Amazon Redshift Serverless as a sink: the warehouse Firehose loads through S3 COPY,
// and a target of the Redshift Data API's ExecuteStatement.
// Config: LatencyMs (a statement's duration), ErrorRate, BaseCapacity (RPUs, 8..512, for pricing),
// WorkgroupName, DatabaseName.
#pragma once

#include "core/registry.h"

namespace sim::svc {

ServiceKind redshift_kind();
// What CloudFormation requires of its resource (redshift_cfn.cpp); weak: null where not linked (the page).
[[gnu::weak]] void redshift_cfn_complete(CfnDraft& d);

}  // namespace sim::svc
