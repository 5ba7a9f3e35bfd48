// dynamodb.h — Amazon DynamoDB tables (AWS::DynamoDB::Table).
#pragma once

#include "core/registry.h"

namespace sim::svc {

ServiceKind dynamodb_kind();
// What CloudFormation requires of its resource (dynamodb_cfn.cpp); weak: null where not linked (the page).
[[gnu::weak]] void dynamodb_cfn_complete(CfnDraft& d);

}  // namespace sim::svc
