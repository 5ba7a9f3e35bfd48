// dynamodb.h — Amazon DynamoDB tables (AWS::DynamoDB::Table).
#pragma once

#include "core/registry.h"

namespace sim::svc {

ServiceKind dynamodb_kind();

}  // namespace sim::svc
