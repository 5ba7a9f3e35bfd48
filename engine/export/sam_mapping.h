// sam_mapping.h — how pattern service types map to CloudFormation / SAM resource types, which
// config keys are real CloudFormation properties of that type (the rest are simulation-only and
// travel in Metadata), and how node ids become logical ids. Shared by export and import.
#pragma once

#include "services/cloudformation/cloudformation.h"  // kCfnNodeType

#include <span>
#include <string>
#include <string_view>

namespace sim {

inline constexpr const char* kCfnLogicalIdKey = "cfnLogicalId";

struct SamTypeMap {
    std::string_view sim_type;                     // "lambda"
    std::string_view cfn_type;                     // "AWS::Serverless::Function"; "" = no resource
    std::span<const std::string_view> properties;  // config keys copied to Properties
};

// The mapping for a pattern type; `api_type` picks REST or HTTP for apigateway. nullptr: unknown.
const SamTypeMap* sam_map_for(std::string_view sim_type, std::string_view api_type = "REST");
// The pattern type a CloudFormation type imports as ("" when none does).
std::string_view sim_type_for_cfn(std::string_view cfn_type);
// True when `key` is a CloudFormation property of the mapped type.
bool is_cfn_property(const SamTypeMap& map, std::string_view key);

// Logical id for a node id: PascalCase of its words ("orders-fn" → "OrdersFn", "archiver" →
// "Archiver", "OrdersFn" unchanged); "N" when nothing alphanumeric is left. A node imported from
// a logical id this would not reproduce keeps it in its "cfnLogicalId" key (kCfnLogicalIdKey).
std::string logical_id_for(std::string_view node_id);
// Node id for a logical id (alphanumeric already; cut to 64 characters).
std::string node_id_for(std::string_view logical_id);

}  // namespace sim
