// lambda_contract.h — what a Lambda function accepts from callers and the errors the Lambda
// service answers with, by AWS's names (API_Invoke in the AWS Lambda API Reference). A function's
// own errors ("Unhandled", "Sandbox.Timedout") come back with status 200 and are not these.
#pragma once

#include "core/contract.h"

#include <vector>

namespace sim::svc {

// Concurrency or rate limits reached.
inline constexpr ErrorSpec kLambdaTooManyRequests{"TooManyRequestsException", 429, ErrorClass::Throttle};
inline constexpr ErrorSpec kLambdaRequestTooLarge{"RequestTooLargeException", 413, ErrorClass::Client};
// Recursive-loop detection stopped the invocation.
inline constexpr ErrorSpec kLambdaRecursiveInvocation{"RecursiveInvocationException", 400, ErrorClass::Client};

// A function's own errors, as Lambda reports them to a synchronous caller (X-Amz-Function-Error):
// answered with status 200, so they are not among the service's errors.
inline constexpr ErrorSpec kLambdaFunctionUnhandled{"Unhandled", 200, ErrorClass::Client};
inline constexpr ErrorSpec kLambdaFunctionTimedOut{"Sandbox.Timedout", 200, ErrorClass::Client};

std::vector<OperationSpec> lambda_operations();
std::vector<ErrorSpec> lambda_errors();

}  // namespace sim::svc
