// ec2.h — EC2 instances in an Auto Scaling group (AWS::AutoScaling::AutoScalingGroup + launch
// template), behind an Application Load Balancer. The request model lives in ec2_group.h.
#pragma once

#include "core/registry.h"
#include "prices/price_table.h"

#include <string>
#include <vector>

namespace sim::svc {

ServiceKind ec2_kind();
// What CloudFormation requires of its resource (ec2_cfn.cpp); weak: null where not linked (the page).
[[gnu::weak]] void ec2_cfn_complete(CfnDraft& d);

// On-demand Linux prices, us-east-1 (AWS-FACTS.md §16): the table is price_table::kEc2InstanceTypes.
using InstanceType = price_table::Ec2InstanceType;
const InstanceType* find_instance_type(const std::string& name);  // nullptr when unknown
std::string instance_type_names();                                // "t3.micro, t3.small, ..."

}  // namespace sim::svc
