// registry.h — the one list of service types: how to build each, its ports, and which wirings AWS
// allows. The canvas reads the same data for its palette and for accepting or refusing links.
#pragma once

#include "core/contract.h"
#include "core/diagnostics.h"
#include "core/service.h"

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace sim {

class ConfigReader;
class Registry;
struct NodeSpec;
struct Pattern;

// Where a port's targets come from: listed by the port, or every kind whose contract says it can be
// called that way (the registry fills `targets` as kinds are added, in registration order).
enum class PortReach : std::uint8_t {
    Listed,           // `targets` as written
    Operations,       // "SDK calls" (Lambda, EC2, Fargate): every kind with operations
    ApiIntegrations,  // an API's integrations: every kind with an ApiIntegration
    ClientRequests,   // a client's requests: every kind with a public endpoint or operations
    IotRuleActions,   // devices' messages: every kind an AWS IoT rule action sends to
    Roles,            // every kind whose role is one of `roles` (AWS's destination types)
};

// An output port and the service types it can reach in AWS.
struct PortSpec {
    std::string name;                  // "out", "dlq", "on_failure"
    std::string label;                 // "event notifications", "dead-letter queue"
    std::vector<std::string> targets;  // allowed target types
    std::string hint;                  // said when a wiring is refused: what to do instead
    PortReach reach = PortReach::Listed;
    std::vector<ServiceRole> roles;  // PortReach::Roles: the roles it reaches

    // A port that reaches kinds by what they are (queues, topics, functions …), so a new kind of
    // queue can be wired wherever AWS accepts a queue without the port naming it.
    static PortSpec to(std::string name, std::string label, std::vector<ServiceRole> roles, std::string hint) {
        PortSpec p{std::move(name), std::move(label), {}, std::move(hint), PortReach::Roles, std::move(roles)};
        return p;
    }
};

// What a service factory gets: its spec, checked config reads and resolved links.
struct BuildContext {
    const NodeSpec& spec;
    ConfigReader& config;
    const std::vector<Link>& links;
    Diagnostics& diagnostics;
    std::string path;  // "/nodes/3"
    const Pattern& pattern;
    const Registry& registry;  // the contracts of the kinds it links to
    // A look at what the service reads, on a made-up config (the inspector's probe, node_schema.h):
    // the factory must not act on it, e.g. start fetching the JavaScript runtime.
    bool probe = false;
};

struct ServiceKind {
    std::string type;         // "lambda": the spelling used in pattern files
    std::string label;        // "Lambda"
    std::string group;        // "compute", "api", "messaging", "data", "orchestration", "edge", "sources"
    std::string description;  // one line for the palette tooltip
    std::vector<PortSpec> ports;
    bool accepts_input = true;
    // false: a resource kept for export only (the "cloudformation" node). It is drawn but never
    // wired (can_connect refuses both ends), never listed in the palette, and does nothing in a run.
    bool simulated = true;
    // Builds the service, reporting config problems through ctx (never throws).
    std::unique_ptr<Service> (*create)(BuildContext& ctx) = nullptr;

    // ---- The rest of the contract (core/contract.h): what callers, exporters and the UI read.
    // What it is to the services that deliver to it: senders branch on this, never on `type`.
    ServiceRole role = ServiceRole::Other;
    std::string icon;  // icon key for the palette and the node (defaults to `type` when empty)
    DiagramShape shape = DiagramShape::Box;
    std::vector<OperationSpec> operations;  // API actions callers may ask of it (SDK commands map here)
    std::vector<ErrorSpec> errors;          // every error code it answers with
    std::vector<CfnResource> cfn;           // CloudFormation/SAM resource types it stands for
    // A sample event for its input (the Fire dialog, tests); sample_payload is the JSON pointer of the
    // part a design's keys are fitted into ("/body"; "" = the whole event).
    Json sample;
    std::string sample_payload;
    // true: the sample's payload is the pattern's own request payload when it has one (a function
    // behind an API sees the request body).
    bool sample_from_traffic = false;
    // What the node's concurrency badge counts: "busy" handlers, or "in flight" messages (a queue's
    // received but not yet deleted ones).
    std::string concurrency_label = "busy";
    // How an API Gateway route integrates with it (none: an API cannot target it).
    ApiIntegration api;
    // Reached directly from outside AWS (an API, a CDN, a GraphQL API, a user pool, a server, a
    // function URL): clients may call it. Clients also reach every kind with operations (SDK calls).
    bool public_endpoint = false;
    // The AWS IoT rule action that sends device messages to it ("kinesis", "dynamoDBv2"); empty:
    // devices' messages cannot reach it.
    std::string_view iot_rule_action;

    const OperationSpec* operation(std::string_view name) const;
    const ErrorSpec* error(std::string_view code) const;
};

struct ConnectVerdict {
    bool ok = false;
    std::string reason;  // why not, in AWS terms, when !ok
};

class Registry {
public:
    void add(ServiceKind kind);
    const ServiceKind* find(std::string_view type) const;
    ServiceRole role_of(std::string_view type) const;  // Other for an unknown type
    const std::vector<ServiceKind>& kinds() const { return kinds_; }
    // Can a `from_type` node's `port` send to a `to_type` node? If not, says why.
    ConnectVerdict can_connect(std::string_view from_type, std::string_view port, std::string_view to_type) const;
    // Closest known type name for a typo ("lambada" → "lambda"), empty if none is close.
    std::string suggest(std::string_view unknown) const;

private:
    void fill_derived_ports();
    std::vector<ServiceKind> kinds_;
};

}  // namespace sim
