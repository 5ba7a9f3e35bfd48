// message.h — what flows between services: a cheap-to-copy value with a shared immutable payload.
#pragma once

#include "core/contract.h"
#include "core/sim_time.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace sim {

using Json = nlohmann::json;
using JsonPtr = std::shared_ptr<const Json>;

inline constexpr std::uint32_t kNoSource = UINT32_MAX;

struct Message;
using MessageBatch = std::shared_ptr<const std::vector<Message>>;

struct Message {
    std::uint64_t trace = 0;           // follows one request across services (X-Ray trace id)
    std::uint64_t id = 0;              // unique per run
    SimTime origin;                    // when the trace began: end-to-end latency = reply time - origin
    const char* type = "event";        // static string: "apigateway.request", "s3.object_created", ...
    JsonPtr body;                      // the event as the receiving service sees it (may be null)
    JsonPtr attributes;                // SNS/SQS message attributes (may be null)
    MessageBatch batch;                // event-source batches (SQS, Kinesis): the records
    std::int64_t size_bytes = 0;       // drives size limits, capacity units and per-64 KB billing
    std::uint32_t source = kNoSource;  // index of the traffic source that began the trace
    std::uint16_t attempt = 0;         // 0 on first delivery; incremented on each redelivery
    std::uint16_t depth = 0;           // service hops so far (recursive-loop detection)
    std::uint16_t recursion = 0;       // Lambda invocations so far in this event's chain: Lambda stops
                                       // the chain after 16 (recursive-loop detection); services copy it
};

// How a derived message counts toward Lambda's recursive-loop detection. AWS follows a chain
// through Lambda, SQS, SNS and S3 (Keep); a Lambda's own calls and destinations add its hop; batch
// messages (SQS, Kinesis) leave the count on each record, and Step Functions and Firehose are not
// followed (Restart).
enum class LoopCount : std::uint8_t { Keep, AddLambdaHop, Restart };

// A message caused by `cause` (a call it makes, an event it triggers, a record it forwards): the
// same trace, trace start, traffic source and hop count; a new id and type. Every service that
// sends on behalf of a message starts from this (Context::derive draws the id).
inline Message derived_message(const Message& cause, std::uint64_t id, const char* type, LoopCount loop) {
    Message m;
    m.trace = cause.trace;
    m.id = id;
    m.origin = cause.origin;
    m.type = type;
    m.source = cause.source;
    m.depth = cause.depth;
    m.recursion = loop == LoopCount::Keep           ? cause.recursion
                  : loop == LoopCount::AddLambdaHop ? static_cast<std::uint16_t>(cause.recursion + 1)
                                                    : std::uint16_t{0};
    return m;
}

// The answer to a synchronous call. `error` empty means success. (Context::reply moves it field by
// field: a new field must be added there too.)
struct Reply {
    int status = 200;    // HTTP-style status as the caller sees it
    std::string error;   // AWS error code, e.g. "TooManyRequestsException"
    std::string detail;  // human text: "Reserved concurrency 10 reached"
    JsonPtr body;
    std::int64_t size_bytes = 0;
    ErrorClass error_class = ErrorClass::Client;  // meaningful when !ok(): throttle, client or server fault
    bool ok() const { return error.empty(); }
    bool throttled() const { return !ok() && error_class == ErrorClass::Throttle; }
    // What AWS SDKs retry: throttles and server faults.
    bool retryable() const { return !ok() && error_class != ErrorClass::Client; }
    bool is(const ErrorSpec& spec) const { return error == spec.code; }

    // A failure the service's contract declares: its code, status and class come from the spec.
    static Reply failure(const ErrorSpec& spec, std::string detail_text) {
        Reply r = failure(spec.status, std::string(spec.code), std::move(detail_text));
        r.error_class = spec.kind;
        return r;
    }
    // A failure whose code is not the service's own (a function's error name, a States.* error, a
    // status relayed from another service). Prefer the ErrorSpec form for a service's own errors.
    static Reply failure(int status, std::string error_code, std::string detail_text) {
        Reply r;
        r.status = status;
        r.error = std::move(error_code);
        r.detail = std::move(detail_text);
        if (status == 429)
            r.error_class = ErrorClass::Throttle;
        else if (status >= 500)
            r.error_class = ErrorClass::Server;
        return r;
    }
};

// A reply to a call from outside the design (Simulation::call, the playground's Fire that waits):
// kept for the caller to read instead of being dispatched to a node.
struct OutsideAnswer {
    SimTime at;  // when it reached the caller
    Reply reply;
};

// The member `key` of a JSON object, or null when it is missing or `j` is not an object: one
// lookup, and a string_view key is compared without the strlen a char* key costs per comparison
// (the per-request paths look members up this way).
inline const Json* member(const Json& j, std::string_view key) {
    if (!j.is_object()) return nullptr;
    const auto& obj = j.get_ref<const Json::object_t&>();
    if (obj.size() <= 8) {
        // Requests are small objects: a scan comparing lengths first beats the tree walk, whose
        // every step is a full string comparison.
        for (const auto& [k, v] : obj)
            if (k == key) return &v;
        return nullptr;
    }
    const auto it = obj.find(key);
    return it == obj.end() ? nullptr : &it->second;
}

// A member of an immutable message body, shared without a copy (the pointer keeps the whole body
// alive); a JSON null when the member is missing. Services that unwrap a request ({"operation":
// "SendMessage", "MessageBody": …}) hand its payload on this way.
inline JsonPtr part_of(const JsonPtr& whole, const Json* part) {
    static const JsonPtr kNull = std::make_shared<const Json>();
    return part ? JsonPtr(whole, part) : kNull;
}

// "a string", "an object", ... for messages that say what a JSON value was instead of what was expected.
inline const char* json_type_name(const Json& j) {
    switch (j.type()) {
        case Json::value_t::null:
            return "null";
        case Json::value_t::boolean:
            return "a boolean";
        case Json::value_t::string:
            return "a string";
        case Json::value_t::array:
            return "an array";
        case Json::value_t::object:
            return "an object";
        default:
            return "a number";
    }
}

}  // namespace sim
