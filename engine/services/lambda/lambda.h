// lambda.h — AWS Lambda functions (AWS::Serverless::Function / AWS::Lambda::Function).
#pragma once

#include "core/registry.h"

namespace sim::svc {

ServiceKind lambda_kind();

// The SAM function resource and its properties; Lambda@Edge functions are written as one too.
CfnResource sam_function_resource();
// What a SAM function needs that a design may leave out: Runtime, Handler, CodeUri (lambda_cfn.cpp);
// weak: null where not linked (the page).
[[gnu::weak]] void complete_sam_function(CfnDraft& draft);

// Cold-start INIT duration defaults per runtime family (hello-world floor, maxday/lambda-perf
// 2026-08-22 via AWS-FACTS.md §1), as p50/p99 in ms. Unknown runtimes return false.
bool runtime_init_ms(const std::string& runtime, double& p50, double& p99);

}  // namespace sim::svc
