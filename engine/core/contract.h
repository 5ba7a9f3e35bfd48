// contract.h — the vocabulary of a service contract: the operations a service accepts (as AWS's
// API names them, so an SDK command maps onto one), the errors it answers with, the CloudFormation
// resources it stands for and how it is drawn. Each service writes its contract once, in its own
// folder (engine/services/<service>/); the registry hands it to every consumer: Lambda actions,
// Step Functions tasks, API Gateway integrations, clients, the SAM exporter and importer, Mermaid,
// the palette, the inspector and the Fire dialog.
#pragma once

#include <nlohmann/json.hpp>

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace sim {

// JSON shape of one request or reply field.
enum class FieldType : std::uint8_t { String, Number, Integer, Boolean, Object, Array, Any };

std::string_view field_type_name(FieldType t);  // "string", "number", … (for messages and docs)

// Names are string_views of literals: a contract is static data, and the page pays for every byte
// of code that builds it.
struct FieldSpec {
    std::string_view name;  // AWS's parameter name: "TableName", "MessageBody"
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
    std::string_view name;
    std::vector<FieldSpec> request;        // fields the engine reads; the rest are accepted and ignored
    std::vector<FieldSpec> reply;          // fields the reply body carries on success
    std::vector<std::string_view> errors;  // codes of the ErrorSpecs this operation can answer with
    // The request field that carries the calling event when a Lambda action names no payload
    // ("MessageBody" for SendMessage); empty when the operation has no payload field.
    std::string_view payload_field;

    const FieldSpec* field(std::string_view field_name) const;
};

// A resource being written into a template, as a service's CfnResource::complete hook sees it.
class CfnDraft {
public:
    using OJson = nlohmann::ordered_json;  // templates keep CloudFormation's key order
    virtual ~CfnDraft() = default;
    virtual const std::string& node_id() const = 0;
    virtual const std::string& logical_id() const = 0;
    virtual const nlohmann::json& config() const = 0;
    // Sets Properties[key] unless the node's config already set it (the key is marked generated in
    // Metadata so an import leaves it out); returns the property.
    virtual OJson& generate(const std::string& key, OJson value) = 0;
    // Adds a resource of `type` the node needs (a cluster's instance), named after the node's
    // logical id + `suffix`; returns its logical id.
    virtual std::string add_resource(const std::string& suffix, const char* type, OJson properties) = 0;

    // Sets Properties[key] to what CloudFormation needs in place of the config's own value (a node
    // id rewritten to an ARN); the config's value stays in Metadata, so an import restores it.
    virtual void rewrite(const std::string& key, OJson value) = 0;
    // The ARN of another node's resource, as the template refers to it; null when it has none.
    virtual OJson arn_of(const std::string& node_id) const = 0;
    // Another node's logical id (what Ref and Fn::GetAtt name in the template); empty when it has
    // no resource.
    virtual std::string logical_id_of(const std::string& node_id) const = 0;
    // Sets Properties[key], last, as the node's own value from now on (not marked generated, so an
    // import keeps it): a function's CodeUri naming the folder its files are written to.
    virtual void set(const std::string& key, OJson value) = 0;
    // A file written beside the template (`slsim export sam --out DIR`): `path` inside `folder`,
    // both relative to the template ('/'-separated). A path that is absolute or leaves the folder
    // ('..') is refused with an error naming `key` (the config key the file comes from) instead.
    virtual void add_file(const std::string& key, const std::string& folder, const std::string& path,
                          std::string text) = 0;
    // Config `key` is not SAM and reaches AWS another way (as files): it is left out of the
    // template, its Metadata included.
    virtual void leave_out(const std::string& key) = 0;
    // A problem that stops the export (the CLI writes nothing): what is wrong and how to fix it.
    virtual void error(std::string message) = 0;

    static OJson ref(const std::string& logical) { return OJson{{"Ref", logical}}; }
    static OJson get_att(const std::string& logical, const std::string& attribute) {
        return OJson{{"Fn::GetAtt", OJson::array({logical, attribute})}};
    }
    static OJson ordered(const nlohmann::json& j) {
        return OJson::parse(j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
    }
};

// A SAM policy template that grants a function or state machine calling the resource
// ("DynamoDBCrudPolicy" with TableName: Ref of the table).
struct SamPolicyTemplate {
    std::string_view name;       // empty: SAM has none; the exporter says so
    std::string_view parameter;  // "TableName"
    std::string_view attribute;  // the Fn::GetAtt attribute that gives it ("QueueName"); empty: Ref
};

// Keys a template import adds so that an export writes back what the template had; the simulation
// ignores them. A node or an EventBridge rule keeps its logical id where the export would not derive
// the same one, so a Ref, Fn::GetAtt or Fn::Sub kept from the template still names it; a rule keeps
// the targets the playground does not simulate (an SSM automation, another account's bus).
inline constexpr const char* kCfnLogicalIdKey = "cfnLogicalId";
inline constexpr const char* kCfnTargetsKey = "cfnTargets";

// A CloudFormation or SAM resource type the service stands for, and the properties that map one to
// one onto its config (the rest of what the service reads is simulation-only, exported as Metadata).
// A service's first resource is its default; another is picked by `variant`.
struct CfnResource {
    std::string type;  // "AWS::SQS::Queue"
    std::vector<std::string_view> properties;
    // For a service with several resource types, which one: the value of the config key
    // `variant_key` that selects it ("HTTP" when "ApiType" is "HTTP").
    std::string variant;
    std::string variant_key;
    // Other spellings of the same resource that an import reads as this service
    // ("AWS::Lambda::Function" for a SAM function).
    std::vector<std::string> import_aliases;
    // false: an import reads this type as another service (Lambda@Edge's SAM function is a plain
    // function to a template that does not say otherwise).
    bool imported = true;
    // Fills in what AWS requires of the resource that a design may leave out (a function's Runtime
    // and Handler, a table's KeySchema) and adds the resources it needs; nullptr: nothing required.
    void (*complete)(CfnDraft& draft) = nullptr;
    // Ref gives the resource's ARN (a topic, a state machine); else Fn::GetAtt <logical>.Arn does.
    bool ref_is_arn = false;
    // The SAM policy template a caller's Policies get for calling it (SAM policy templates).
    SamPolicyTemplate call_policy;
    // Its Type as a Lambda destination or dead-letter target ("SQS", "S3Bucket"); empty: not one.
    std::string_view destination_type;
    // Written only for a node whose config selects it (`variant_key` is `variant`); a node of the
    // service that does not is no resource (an HTTP endpoint that is no API destination).
    bool selected_only = false;

    CfnResource() = default;
    CfnResource(std::string type_, std::vector<std::string_view> properties_, std::string variant_ = {},
                std::string variant_key_ = {}, std::vector<std::string> import_aliases_ = {})
        : type(std::move(type_)),
          properties(std::move(properties_)),
          variant(std::move(variant_)),
          variant_key(std::move(variant_key_)),
          import_aliases(std::move(import_aliases_)) {}
};

// How an API Gateway route reaches a service (AWS: the integration's type).
struct ApiIntegration {
    enum class Kind : std::uint8_t {
        None,    // not an integration target
        Proxy,   // proxy integration: the target gets the request itself (method, path, headers, body)
        Action,  // AWS service integration: API Gateway calls `action` with the request body in the
                 // operation's payload field ({"operation": "SendMessage", "MessageBody": body})
    };
    Kind kind = Kind::None;
    std::string_view action;   // the operation called (Action)
    std::string_view payload;  // its request field that carries the request body ("MessageBody")
    // A config key of the target node that may name another of its operations for the action
    // ("ApiAction" on a state machine: StartSyncExecution); empty when the action is fixed.
    std::string_view action_key;

    static ApiIntegration proxy() { return {Kind::Proxy, {}, {}, {}}; }
    static ApiIntegration call(std::string_view op, std::string_view payload, std::string_view key = {}) {
        return {Kind::Action, op, payload, key};
    }
};

// How a diagram (Mermaid, the canvas' compact view) draws the service: by its role.
enum class DiagramShape : std::uint8_t { Box, Function, Store, Source, Channel };

}  // namespace sim
