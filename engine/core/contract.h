// contract.h — the vocabulary of a service contract: the operations a service accepts (as AWS's
// API names them, so an SDK command maps onto one), the errors it answers with, the CloudFormation
// resources it stands for and how it is drawn. Each service writes its contract once, in its own
// folder (engine/services/<service>/); the registry hands it to every consumer: Lambda actions,
// Step Functions tasks, API Gateway integrations, clients, the SAM exporter and importer, Mermaid,
// the palette, the inspector and the Fire dialog.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace sim {

// JSON shape of one request or reply field.
enum class FieldType : std::uint8_t { String, Number, Integer, Boolean, Object, Array, Any };

std::string_view field_type_name(FieldType t);  // "string", "number", … (for messages and docs)

struct FieldSpec {
    std::string name;  // AWS's parameter name: "TableName", "MessageBody"
    FieldType type = FieldType::Any;
    bool required = false;  // AWS rejects the request without it (before the simulation fills it)
};

// How a caller should treat an error: retry it (throttles and server faults, as AWS SDKs do) or not.
enum class ErrorClass : std::uint8_t { Client, Throttle, Server };

// One error a service answers with, by AWS's name. Services define theirs as constants in their
// folder and build replies from them (Reply::failure(spec, detail)), so the code, its HTTP status
// and whether it is a throttle are written once.
struct ErrorSpec {
    std::string_view code;  // "ProvisionedThroughputExceededException"
    int status = 400;       // the HTTP status a caller sees
    ErrorClass kind = ErrorClass::Client;
};

// One API action a service accepts from a caller (a Lambda action, a Step Functions task, an API
// Gateway service integration, a client). `name` is AWS's action name; the AWS SDK for JavaScript
// v3 command is name + "Command" (PutItem → PutItemCommand).
struct OperationSpec {
    std::string name;
    std::vector<FieldSpec> request;        // fields the engine reads; the rest are accepted and ignored
    std::vector<FieldSpec> reply;          // fields the reply body carries on success
    std::vector<std::string_view> errors;  // codes of the ErrorSpecs this operation can answer with
    // The request field that carries the calling event when a Lambda action names no payload
    // ("MessageBody" for SendMessage); empty when the operation has no payload field.
    std::string payload_field;

    const FieldSpec* field(std::string_view field_name) const;
};

// A CloudFormation or SAM resource type the service stands for, and the properties that map one to
// one onto its config (the rest of what the service reads is simulation-only, exported as Metadata).
struct CfnResource {
    std::string type;  // "AWS::SQS::Queue"
    std::vector<std::string_view> properties;
    std::string variant;  // for a service with several resource types, which one ("REST", "HTTP")
};

// How a diagram (Mermaid, the canvas' compact view) draws the service: by its role.
enum class DiagramShape : std::uint8_t { Box, Function, Store, Source, Channel };

}  // namespace sim
