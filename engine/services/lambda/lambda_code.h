// lambda_code.h — a function whose handler is JavaScript: its code as CloudFormation/SAM hold it
// (InlineCode, Code.ZipFile, or the sim-only CodeFiles for several files), its environment
// variables, the event its handler sees, and where each SDK call it makes goes.
#pragma once

#include "core/registry.h"
#include "js/code_environment.h"

#include <memory>
#include <string>
#include <vector>

namespace sim::svc {

struct LambdaCode {
    js::CodeBundle bundle;
    Json environment = Json::object();  // process.env: Environment.Variables + what Lambda sets
    std::string function_name;
    struct Target {
        const Link* link = nullptr;
        std::string name;  // the resource's name as AWS knows it (TableName, QueueName, …)
    };
    std::vector<Target> targets;  // the "out" links an SDK call may reach
};

// The resource's name as AWS knows it: its name property (TableName, QueueName …, the parameter of
// the SAM policy template that grants calls to it) when set, else the node's id.
std::string lambda_resource_name(const Registry& reg, const NodeSpec& n);

// Reads the function's code; null when it has none or its Runtime is not Node.js (then a
// warning says the latency model runs instead). Syntax errors become diagnostics with their
// line and column. Only called where code runs (js::code_runs_here()).
std::shared_ptr<const LambdaCode> read_lambda_code(BuildContext& ctx, const std::string& runtime,
                                                   std::int64_t memory_mb);

// Where an SDK request ({"client", "command", "input"}) goes: the wired link and the engine
// request, or AWS's error for a resource the function cannot reach.
struct SdkRoute {
    const Link* link = nullptr;
    Json request;                // the input plus "operation"
    std::string error, message;  // when link is null: "AccessDeniedException", why and how to fix
    int status = 400;
    // Lambda Invoke: the request is the Payload (the event); the answer is shaped as Invoke's
    // output (StatusCode, FunctionError, Payload). `async` for InvocationType "Event".
    bool invoke = false, async = false;
};
SdkRoute route_sdk_call(const LambdaCode& code, const Json& request);

// The event a handler receives for `msg`: its body, or for a batch the records as Lambda builds
// them for SQS and Kinesis event sources.
Json lambda_code_event(const Message& msg, std::uint64_t start_unix_ms);

// The handler's `context` (awsRequestId, functionName, invokedFunctionArn, memoryLimitInMB, log
// names) and its deadline for getRemainingTimeInMillis().
Json lambda_code_context(const LambdaCode& code, const std::string& request_id, std::int64_t memory_mb,
                         double deadline_unix_ms);

// The code's view of an engine reply: the body, or AWS's error (name, message, status). For
// Lambda Invoke, Invoke's output: a function error is FunctionError "Unhandled", not an exception.
js::CallAnswer lambda_code_answer(const Reply& r, bool invoke);

// Lambda's log text: a request id in UUID form (unique per invocation, the same every run), the
// REPORT line (Duration, Billed Duration, Memory Size, Init Duration on a cold start) and the
// error record of a failed invocation (errorType, errorMessage, trace).
std::string lambda_request_id(const std::string& function_name, std::uint64_t invocation);
std::string lambda_report_line(const std::string& request_id, SimTime handler, std::int64_t billed_ms,
                               std::int64_t memory_mb, SimTime init);
Json lambda_error_record(const js::RunResult& r);

}  // namespace sim::svc
