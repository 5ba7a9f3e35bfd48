// cloudformation.h — the `cloudformation` node: a CloudFormation resource the engine does not
// simulate (an ECR repository, an alarm, a custom resource …). It is drawn on the canvas and
// written back verbatim by SAM export, but it never takes part in a run: wiring to or from it is
// refused and a message fired at it is dropped with a reason.
#pragma once

#include "core/registry.h"

#include <string_view>

namespace sim {

// The Metadata key under which SAM export writes the playground's own data (node type, layout,
// traffic); a template resource may not use it for anything else.
inline constexpr const char* kSamMetadataKey = "ServerlessPlayground";
// The node type of resources kept for export only: config is the resource as CloudFormation
// writes it (Type, Properties, DependsOn, Metadata …).
inline constexpr const char* kCfnNodeType = "cloudformation";

}  // namespace sim

namespace sim::svc {

ServiceKind cloudformation_kind();

// True for "AWS::ECR::Repository", "Vendor::Service::Resource[::MODULE]" and "Custom::Name".
bool valid_cfn_resource_type(std::string_view type);

}  // namespace sim::svc
