// lambda_actions.h — a Lambda function's "Actions": the SDK calls its code makes to wired services,
// with "$.path" selectors resolved against the invocation event or, in batch invocations (SQS,
// Kinesis, DynamoDB streams, Firehose), against each record.
#pragma once

#include "core/registry.h"

#include <string>
#include <vector>

namespace sim::svc {

struct LambdaAction {
    const Link* link = nullptr;
    std::string operation;              // "PutItem", "SendMessage", "Publish", ...
    const OperationSpec* op = nullptr;  // the operation in the target's contract (registry-owned)
    Json params;                        // the remaining keys, "$.x" selectors resolved at run time
    bool record_body_only = true;       // in batch records, every selector reads only the payload
};

// The operations `type`'s contract lists, space separated ("" when none).
std::string lambda_operations_for(const std::string& type);

// Reads config "Actions"; every problem becomes a diagnostic naming the action's path.
std::vector<LambdaAction> read_lambda_actions(BuildContext& ctx);

// The request body for `a` against a plain event: params resolved, "operation" set, and the
// event itself as the payload when the action names none (the operation's payload_field:
// MessageBody for SQS, Message for SNS, Data for Kinesis/Firehose, Detail for EventBridge; Event
// otherwise).
Json lambda_request(const LambdaAction& a, const Json& event);

// Same against one batch record. In records, "$.body" (also "$.kinesis.data", "$.dynamodb")
// selects into the record's payload, "$.messageId"/"$.eventID" is its id, and
// "$.kinesis.partitionKey"/"$.kinesis.sequenceNumber" read its attributes.
Json lambda_record_request(const LambdaAction& a, const Message& record);

// The requests of one function's actions, rebuilt only when the event changes. Events and
// requests are immutable and shared, so invocations with the same event (a constant traffic
// payload) share one request instead of resolving the selectors again for each.
class ActionRequests {
public:
    // lambda_request(actions[i], *event) (a null event reads as JSON null).
    JsonPtr plain(const std::vector<LambdaAction>& actions, std::size_t i, const JsonPtr& event);
    // lambda_record_request(actions[i], record); shared only when the action reads nothing but
    // the record's payload (no "$.messageId", no attributes).
    JsonPtr record(const std::vector<LambdaAction>& actions, std::size_t i, const Message& record);

private:
    struct Entry {
        bool valid = false;
        JsonPtr event, request;  // holding `event` keeps its address from being reused
    };
    std::vector<Entry> plain_, record_;
};
}  // namespace sim::svc
