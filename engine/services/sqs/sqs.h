// sqs.h — Amazon SQS queues (AWS::SQS::Queue), standard and FIFO, with Lambda event source
// mappings on the queue's "out" edges and a redrive policy on its "dlq" edge.
#pragma once

#include "core/registry.h"

namespace sim::svc {

// The "sqs" service kind. Config: CloudFormation AWS::SQS::Queue properties (VisibilityTimeout s,
// MessageRetentionPeriod s, DelaySeconds s, MaximumMessageSize B, FifoQueue, RedrivePolicy ...).
// Edge config on sqs → lambda: the event source mapping (BatchSize, MaximumBatchingWindowInSeconds,
// ScalingConfig.MaximumConcurrency, FunctionResponseTypes). Edge config on the "dlq" edge may
// carry maxReceiveCount instead of RedrivePolicy.
ServiceKind sqs_kind();
// What CloudFormation requires of its resource (sqs_cfn.cpp); weak: null where not linked (the page).
[[gnu::weak]] void sqs_cfn_complete(CfnDraft& d);

}  // namespace sim::svc
