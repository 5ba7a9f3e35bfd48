// cloudformation.h — the `cloudformation` node: a CloudFormation resource the engine does not
// simulate (an ECR repository, an alarm, a custom resource …). It is drawn on the canvas and
// written back verbatim by SAM export, but it never takes part in a run: wiring to or from it is
// refused and a message fired at it is dropped with a reason.
#pragma once

#include "core/registry.h"

#include <string_view>

namespace sim::svc {

ServiceKind cloudformation_kind();

// True for "AWS::ECR::Repository", "Vendor::Service::Resource[::MODULE]" and "Custom::Name".
bool valid_cfn_resource_type(std::string_view type);

}  // namespace sim::svc
