// pattern.h — the document: what the user designed. A semantic part the engine reads (nodes,
// edges, traffic, settings) and a `layout` part it ignores (canvas positions). Unknown keys are
// kept in `extra` objects so a load/save round trip loses nothing.
#pragma once

#include "core/az_state.h"
#include "core/diagnostics.h"
#include "core/message.h"
#include "core/sim_time.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace sim {

inline constexpr const char* kPatternFormat = "serverless-playground/1";

struct NodeSpec {
    std::string id;                // stable, unique: [A-Za-z0-9_-], 1..64 chars
    std::string type;              // registry type: "lambda", "apigateway", ...
    Json config = Json::object();  // CloudFormation property names where one exists
    Json extra = Json::object();   // unknown keys, preserved
};

struct EdgeSpec {
    std::string from;              // node id
    std::string port = "out";      // source port ("out", "dlq", "on_failure", ...)
    std::string to;                // node id
    Json config = Json::object();  // e.g. event source mapping: {"BatchSize": 10}
    Json extra = Json::object();
};

struct TrafficSpec {
    std::string id;
    std::string source;               // a client node id
    std::string target;               // optional: which of the client's links (default: its only one)
    Json profile = Json::object();    // {"type": "constant", "rps": 5} ... (see traffic.h)
    std::string arrival = "poisson";  // "poisson" or "uniform"
    SimTime start;
    SimTime duration = kNever;      // kNever: until the run ends
    Json request = Json::object();  // {"method": "POST", "path": "/orders"}
    Json payload;                   // event template ({{uuid}}, {{seq}}, {{int:1:100}}, ...)
    // "" : an application calls the target and waits for its answer. "aws-service": the events are an
    // AWS service's own (EC2 state changes, CloudTrail calls), delivered as AWS delivers them: sent,
    // not called, so an event bus accepts their "aws." source and does not bill them.
    std::string sender;
    Json extra = Json::object();
};

struct Settings {
    SimTime duration = minutes(10);                   // default run length when the CLI gives none
    std::string start_time = "2026-01-01T00:00:00Z";  // the UTC instant t=0 stands for
    std::int64_t lambda_concurrency_limit = 1000;     // account ConcurrentExecutions
    std::string lambda_scaling = "2023-11";           // Lambda scaling profile: "2023-11" | "legacy-burst"
    std::int64_t api_gateway_account_rps = 10000;     // API Gateway account throttle (burst = rps / 2)
    std::uint64_t max_events = 200'000'000;           // run limit: events per run
    bool free_tier = false;                           // apply always-free monthly allowances to cost
    std::vector<AzFault> faults;                      // AZ outages: [{"az", "from", "to"}]
    Json extra = Json::object();
};

struct Pattern {
    std::string format = kPatternFormat;
    std::string name;
    std::string description;
    std::uint64_t seed = 1;
    Settings settings;
    std::vector<NodeSpec> nodes;
    std::vector<EdgeSpec> edges;
    std::vector<TrafficSpec> traffic;
    Json layout = Json::object();  // UI only; the engine never reads it
    Json extra = Json::object();   // unknown top-level keys

    const NodeSpec* find_node(std::string_view id) const;
    int node_index(std::string_view id) const;  // -1 when absent
};

struct ParseResult {
    Pattern pattern;
    Diagnostics diagnostics;  // errors mean `pattern` must not be built
    bool ok() const { return !diagnostics.has_errors(); }
};

// Parses pattern JSON text. Syntax errors give line and column; structural errors give the JSON
// pointer of the bad value. Never throws.
ParseResult parse_pattern(std::string_view json_text);
// Same, from an already-parsed JSON value (e.g. from the web bridge).
ParseResult parse_pattern_json(const Json& root);
// Writes a pattern with a stable key order (known keys first, in document order; then unknown keys
// sorted), two-space indented, ending in a newline.
std::string write_pattern(const Pattern& pattern);
Json pattern_to_json(const Pattern& pattern);

}  // namespace sim
