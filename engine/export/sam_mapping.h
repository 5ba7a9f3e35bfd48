// sam_mapping.h — lookups over the service contracts for SAM export/import: which CloudFormation /
// SAM resource a pattern node is written as, which config keys are real CloudFormation properties
// of it (the rest are simulation-only and travel in Metadata), which service a resource type imports
// as, and how node ids become logical ids. The tables themselves are in each service's contract
// (ServiceKind::cfn, engine/services/<service>/).
#pragma once

#include "core/registry.h"
#include "services/cloudformation/cloudformation.h"  // kCfnNodeType

#include <string>
#include <string_view>

namespace sim {

// The resource a node of `kind` with `config` is written as: the one whose variant its config
// selects, else the kind's first unless that one is `selected_only`. nullptr: the kind has none
// (traffic sources) or the config selects none (an HTTP endpoint that is no API destination).
const CfnResource* cfn_resource_for(const ServiceKind& kind, const Json& config);
// The resource a `sim_type` node is written as (see above); nullptr for none or an unknown type.
const CfnResource* sam_map_for(std::string_view sim_type, const Json& config = Json::object());
// The pattern type a CloudFormation type imports as ("" when none does); with the resource it
// matched in `matched` (aliases included).
std::string_view sim_type_for_cfn(std::string_view cfn_type, const CfnResource** matched = nullptr);
// True when `key` is a CloudFormation property of the resource.
bool is_cfn_property(const CfnResource& resource, std::string_view key);

// Logical id for a node id: PascalCase of its words ("orders-fn" → "OrdersFn", "archiver" →
// "Archiver", "OrdersFn" unchanged); "N" when nothing alphanumeric is left. A node imported from
// a logical id this would not reproduce keeps it in its "cfnLogicalId" key (kCfnLogicalIdKey,
// core/contract.h).
std::string logical_id_for(std::string_view node_id);
// Node id for a logical id (alphanumeric already; cut to 64 characters).
std::string node_id_for(std::string_view logical_id);

}  // namespace sim
