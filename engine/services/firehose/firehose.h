// firehose.h — Amazon Data Firehose delivery streams (AWS::KinesisFirehose::DeliveryStream) and
// the Redshift sink they load through S3 COPY.
#pragma once

#include "core/registry.h"

namespace sim::svc {

// "firehose": config BufferingHints {SizeInMBs 1..128, IntervalInSeconds 0..900}, Prefix,
// ErrorOutputPrefix, ProcessingConfiguration {NumberOfRetries}, RetryOptions {DurationInSeconds}.
// "out" edges: exactly one S3 bucket (the destination, or Redshift's intermediate bucket) and
// optionally one Redshift node; a "transform" edge names the transformation Lambda.
ServiceKind firehose_kind();

}  // namespace sim::svc
