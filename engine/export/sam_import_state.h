// sam_import_state.h — internal: the pattern JSON being assembled by the template importer, and
// the map from logical ids to node ids. Shared by sam_import.cpp and sam_import_foreign.cpp.
#pragma once

#include "export/sam_import.h"

#include <map>
#include <set>
#include <string>

namespace sim::sami {

struct ImportState {
    const Json& tmpl;
    Diagnostics& d;
    Json nodes = Json::array();
    Json edges = Json::array();
    Json kept_resources = Json::object();        // resources kept under "cloudformation" (templates we wrote)
    bool ours = false;                           // the template carries our Metadata (export_sam wrote it)
    std::map<std::string, std::string> node_of;  // logical id → node id
    std::set<std::string> consumed;              // logical ids already turned into nodes or edges
    std::set<std::string> ids;                   // node ids in use
    // Resources of a type that maps to a service, kept as "cloudformation" nodes all the same, and why
    // (a WebSocket API): nothing that names them (a route's ApiId) finds a simulated node.
    std::map<std::string, std::string> unsimulated;
    // A foreign template as written, before Globals were merged and intrinsics resolved: for what
    // an export writes back untouched (rule targets not simulated). nullptr for templates we wrote.
    const Json* as_written = nullptr;

    ImportState(const Json& t, Diagnostics& diags) : tmpl(t), d(diags) {}

    std::string unique_id(const std::string& base);
    Json* node(const std::string& id);  // nullptr when absent
    void add_edge(const std::string& from, const std::string& port, const std::string& to, Json config);
};

// The logical id an intrinsic names: {"Ref": X}, {"Fn::GetAtt": [X, A]} or "X.A"; "" otherwise.
std::string ref_target(const Json& v);
// Same, mapped to a node id ("" when the resource is not a node).
std::string ref_node(const ImportState& s, const Json& v);

// A "cloudformation" node's config for a resource: the resource as written, without our Metadata
// key; Metadata left empty by that is dropped when `metadata_added` (our export created it).
Json resource_config(const Json& res, bool metadata_added);

// Wiring named inside a node's config (sam_import_definitions.cpp): a state machine's Task states
// (edges to the functions, tables, queues … they call, references rewritten to node ids) and an
// API's OpenAPI DefinitionBody (an edge with "Route" per path and method whose integration calls a
// node of the template). May add nodes (the default event bus): `node` is not valid afterwards.
void definition_edges(ImportState& s, const std::string& logical, Json& node);

// Resources without our Metadata: nodes first, then wiring, then the rest: "cloudformation" nodes
// in a foreign template, kept resources in one we wrote (sam_import_foreign.cpp).
void import_foreign(ImportState& s, const std::set<std::string>& skip);

}  // namespace sim::sami

namespace sim::sami {

// The node a value names: a Ref or Fn::GetAtt, a Fn::Sub placeholder, or text (an ARN, a queue URL, an
// integration URI, a request template) that ends a segment with a node's name or logical id. Only
// simulated nodes count; "" when none is named (sam_import_names.cpp).
std::string node_named(const ImportState& s, const Json& v);
// The account's default event bus (a node named "default"), added as "default-bus" when absent.
std::string default_bus(ImportState& s);
// True when `v` refers to resource `logical` anywhere inside it (Ref, GetAtt, ${logical} in a Sub).
bool mentions(const Json& v, const std::string& logical);

// Routes declared as resources: REST API Methods, HTTP API Routes, quick-create Targets
// (sam_import_routes.cpp).
void import_declared_routes(ImportState& s);

}  // namespace sim::sami

namespace sim::sami {

// Calls functions make, inferred from their SAM policy templates, IAM statements (inline, and of the
// role they run as) and environment variables naming a node (sam_import_calls.cpp). call_edges: an
// edge from `fn` on its SDK-calls port to each node it reaches. infer_calls, once every edge is in:
// for a function whose code will not run here, an Action per call marked "assumed", none to a node
// that triggers it (that edge is dropped). Both may add nodes (the default event bus).
void call_edges(ImportState& s, const std::string& fn);
void infer_calls(ImportState& s);
// The Actions infer_calls assumed for functions whose code will not run, as summary.assumed lines
// (sam_import.cpp calls it after import_foreign; summary.code is sam_code_uri.h's).
void summarize_calls(const ImportState& s, ImportSummary& summary);

}  // namespace sim::sami

namespace sim::sami {

// EventBridge Scheduler (sam_import_scheduler.cpp): an AWS::Scheduler::Schedule whose Target names
// a node becomes a "scheduler" node wired to its target and dead-letter queue (a schedule of a
// declared AWS::Scheduler::ScheduleGroup joins the group's node), replacing the node the generic
// import made of it; false for other types and for schedules whose target is not a node (their
// node is removed: they are kept as CloudFormation).
bool import_scheduler_resource(ImportState& s, const std::string& logical, const Json& res);
// A SAM function's ScheduleV2 event: a "scheduler" node invoking function node `fn`.
void import_schedule_v2(ImportState& s, const std::string& fn, const std::string& name, const Json& ev,
                        const std::string& path);

}  // namespace sim::sami
