// s3.h — Amazon S3 buckets (AWS::S3::Bucket).
#pragma once

#include "core/registry.h"

namespace sim::svc {

ServiceKind s3_kind();

}  // namespace sim::svc
