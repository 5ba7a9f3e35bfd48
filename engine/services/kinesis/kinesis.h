// kinesis.h — Amazon Kinesis Data Streams (AWS::Kinesis::Stream) with Lambda event source
// mappings on the stream's "out" edges and their on-failure destinations on "on_failure".
#pragma once

#include "core/registry.h"

namespace sim::svc {

// "kinesis": config ShardCount, StreamModeDetails {StreamMode: PROVISIONED | ON_DEMAND},
// RetentionPeriodHours, and PartitionKeyPath ("$.deviceId": where producers that are not SDK
// calls keep the partition key). Edge config on kinesis → lambda: BatchSize,
// MaximumBatchingWindowInSeconds, ParallelizationFactor, BisectBatchOnFunctionError,
// MaximumRetryAttempts, MaximumRecordAgeInSeconds, FunctionResponseTypes, StartingPosition,
// DestinationConfig {"OnFailure": {"Destination": <node wired on the stream's on_failure port>}}.
ServiceKind kinesis_kind();
// What CloudFormation requires of its resource (kinesis_cfn.cpp); weak: null where not linked (the page).
[[gnu::weak]] void kinesis_cfn_complete(CfnDraft& d);

// Shard index of a partition key among `shards` equal hash-key ranges (MD5, 128-bit).
std::size_t kinesis_shard_for(const std::string& partition_key, std::size_t shards);

}  // namespace sim::svc
