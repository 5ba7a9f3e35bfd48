// lambda.cpp — AWS Lambda: execution environments, concurrency, cold starts, sync and async
// invocation, batch (event source) invocations, timeouts, errors, downstream actions, billing.
// Modelled:     [x] environments cold → init → busy → idle → reclaimed (LIFO reuse)
//               [x] account concurrency (shared), ReservedConcurrentExecutions (incl. 0) → 429
//               [x] scaling rate: 1,000 new environments per 10 s per function, continuous refill
//               [x] INIT duration per runtime, billed (since 1 Aug 2025); Timeout 1..900 s
//               [x] sync (RequestResponse): errors return 200 + FunctionError; throttles 429
//               [x] async (Event): 2 retries after ~1 min and ~2 min (MaximumRetryAttempts 0..2);
//                   throttles retried with backoff 1 s → 5 min until MaximumEventAgeInSeconds;
//                   then on_failure destination (record with condition), else dlq, else dropped
//               [x] batch invocations from event source mappings: Actions run per record;
//                   RecordErrorRate fails single records, reported as batchItemFailures when the
//                   mapping has ReportBatchItemFailures, else the whole invocation fails
//               [x] recursive-loop detection (RecursiveLoop Terminate|Allow): the 17th invocation
//                   by the same event chain is stopped, logged, and sent to DLQ / destination
//               [x] payload limits: 6 MB sync (413 RequestTooLargeException), 1 MB async
//               [x] Actions: sequential SDK calls to wired services; a failed call fails the invocation
//               [x] provisioned concurrency: N environments ready at t=0, billed per GB-s allocated
//                   (accrued continuously) plus the lower PC duration rate; overflow scales on demand
//               [x] memory → CPU (1,769 MB = 1 vCPU): DurationMs is the time at
//                   DurationReferenceMemoryMB (default 128 MB); its CpuFraction (default 1) scales
//                   with the vCPUs usable at MemorySize (Parallelism threads); CpuFraction 0 = I/O-bound
//               [x] scaling profiles: settings.lambdaScaling "2023-11" | "legacy-burst"
//               [x] requests per second across the account's functions at most 10 × its concurrency
//                   limit (10,000/s by default) → 429 "Rate Exceeded"; modelled as a token bucket
//                   refilled continuously with one second of burst (the bucket shape is assumed)
// Not modelled: [ ] SnapStart  [ ] PC allocation ramp-up time  [ ] PC auto scaling
//               [ ] async duplicates  [ ] loop counts per function (one counter per event chain)
// AWS: https://docs.aws.amazon.com/lambda/latest/dg/lambda-concurrency.html, scaling-behavior.html,
//      invocation-async-error-handling.html, invocation-recursion.html, services-sqs-errorhandling.html
#include "services/lambda/lambda_function.h"

namespace sim::svc {

namespace {

std::unique_ptr<Service> create_lambda(BuildContext& ctx) {
    LambdaConfig c = read_lambda_config(ctx);
    if (c.code) return make_lambda_code_function(std::move(c));
    return std::make_unique<lambda_detail::LambdaFunction>(std::move(c));
}

}  // namespace

ServiceKind lambda_kind() {
    ServiceKind k;
    k.iot_rule_action = "lambda";
    k.public_endpoint = true;
    k.type = "lambda";
    k.role = ServiceRole::Function;
    k.label = "Lambda";
    k.group = "compute";
    k.description = "Functions that scale from zero, billed per request and per ms";
    k.ports = {
        {"out", "SDK calls", {}, "wire it to the data or messaging service its code calls", PortReach::Operations},
        PortSpec::to("on_success", "on-success destination",
                     {ServiceRole::Queue, ServiceRole::Topic, ServiceRole::Function, ServiceRole::EventBus}, ""),
        PortSpec::to("on_failure", "on-failure destination",
                     {ServiceRole::Queue, ServiceRole::Topic, ServiceRole::Function, ServiceRole::EventBus,
                      ServiceRole::ObjectStore},
                     ""),
        PortSpec::to("dlq", "dead-letter queue", {ServiceRole::Queue, ServiceRole::Topic},
                     "a Lambda DLQ must be an SQS queue or SNS topic")};
    k.operations = lambda_operations();
    k.api = ApiIntegration::proxy();
    k.errors = lambda_errors();
    k.create = create_lambda;
    k.icon = "lambda";
    k.shape = DiagramShape::Function;
    k.cfn = {sam_function_resource()};
    k.sample = {{"body", {{"orderId", "order-1"}, {"total", 42}}}};
    k.sample_payload = "/body";
    k.sample_from_traffic = true;
    k.cfn[0].call_policy = {"LambdaInvokePolicy", "FunctionName", ""};
    k.cfn[0].destination_type = "Lambda";
    return k;
}

// https://docs.aws.amazon.com/serverless-application-model/latest/developerguide/sam-resource-function.html
CfnResource sam_function_resource() {
    CfnResource r{"AWS::Serverless::Function",
                  {"Architectures",
                   "AutoPublishAlias",
                   "CodeUri",
                   "DeadLetterQueue",
                   "Description",
                   "Environment",
                   "EphemeralStorage",
                   "EventInvokeConfig",
                   "FunctionName",
                   "FunctionUrlConfig",
                   "Handler",
                   "ImageUri",
                   "InlineCode",
                   "KmsKeyArn",
                   "Layers",
                   "LoggingConfig",
                   "MemorySize",
                   "PackageType",
                   "Policies",
                   "ProvisionedConcurrencyConfig",
                   "RecursiveLoop",
                   "ReservedConcurrentExecutions",
                   "Role",
                   "Runtime",
                   "SnapStart",
                   "Tags",
                   "Timeout",
                   "Tracing",
                   "VpcConfig"},
                  "",
                  "",
                  {"AWS::Lambda::Function"}};
    r.complete = complete_sam_function;
    return r;
}

}  // namespace sim::svc
