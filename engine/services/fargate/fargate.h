// fargate.h — an ECS service running tasks on AWS Fargate (AWS::ECS::Service + TaskDefinition),
// behind an Application Load Balancer. The request model lives in ec2_group.h.
#pragma once

#include "core/registry.h"

namespace sim::svc {

ServiceKind fargate_kind();
// What CloudFormation requires of its resource (fargate_cfn.cpp); weak: null where not linked (the page).
[[gnu::weak]] void fargate_cfn_complete(CfnDraft& d);

// Fargate price per task-hour for a task size (Cpu in CPU units, 1024 = 1 vCPU; memory in MB).
double fargate_task_hourly_usd(std::int64_t cpu_units, std::int64_t memory_mb, bool arm);

}  // namespace sim::svc
