// trace.h — what happened, for people and for regression checks.
//  - fingerprint: FNV-1a-style fold over every processed event (time, node, kind, trace id), so two
//    runs agree on it only if they agree on every event; asserted natively and in wasm.
//  - spans: one per service hop (like X-Ray segments); all spans of the first kKeptTraces traces are
//    kept, later ones only in a ring of the most recent spans (memory stays bounded).
//  - log: notable runtime events (drops, dead-lettering, stopped loops) in a bounded ring.
#pragma once

#include "core/sim_time.h"

#include <cstdint>
#include <deque>
#include <string>
#include <vector>

namespace sim {

enum class Outcome : std::uint8_t { Ok, Error, Throttled, Retry, Dropped, DeadLettered, TimedOut };
const char* outcome_name(Outcome o);  // "ok", "error", "throttled", ...

// Why a message left the system without being consumed (Context::drop). The detail text says the
// particulars; the reason is what a person or a test filters on.
enum class DropReason : std::uint8_t {
    None,              // not a drop
    Refused,           // the receiving service answered an error and nobody waits to retry it
    Expired,           // retention ran out before it was consumed (SQS, Kinesis)
    RetriesExhausted,  // retries or maximum event age used up, with no dead-letter queue or destination
    RecursiveLoop,     // Lambda stopped a recursive loop and there is nowhere to put the message
    NotWired,          // its node has nowhere to send it
    NotSimulated,      // its node is a resource kept for export only
};
const char* drop_reason_name(DropReason r);  // "refused", "expired", "retries exhausted", ...

struct Span {
    std::uint64_t trace = 0;
    std::uint32_t node = 0;
    SimTime start, end;
    Outcome outcome = Outcome::Ok;
    std::string operation;  // "Invoke (cold start)", "PutItem", "POST /orders"
    std::string detail;     // "init 142 ms", "ConditionalCheckFailedException"
};

struct LogEntry {
    SimTime at;
    std::uint32_t node = 0;
    std::uint64_t trace = 0;
    Outcome outcome = Outcome::Ok;
    std::string text;
    DropReason drop = DropReason::None;  // set for drops
};

class Trace {
public:
    static constexpr std::uint64_t kKeptTraces = 1000;
    static constexpr std::size_t kRecentSpans = 4000;
    static constexpr std::size_t kMaxLog = 2000;

    void fold(std::uint64_t word) { fp_ = (fp_ ^ word) * 0x100000001b3ULL; }
    std::uint64_t fingerprint() const { return fp_; }
    std::string fingerprint_hex() const;

    // Whether spans of traces past the first kKeptTraces go to the recent ring (the playground
    // shows them; the CLI and benchmarks switch it off to skip the work).
    void set_record_recent(bool on) { record_recent_ = on; }
    bool records(std::uint64_t trace) const { return trace != 0 && (trace <= kKeptTraces || record_recent_); }
    void add_span(Span span);
    void log(LogEntry entry);

    const std::vector<Span>& kept_spans() const { return kept_; }
    const std::deque<Span>& recent_spans() const { return recent_; }
    const std::deque<LogEntry>& entries() const { return log_; }
    std::uint64_t log_total() const { return log_total_; }
    // Recorded spans whose outcome is not ok (errors, throttles, retries, timeouts…), ever.
    std::uint64_t problem_spans() const { return problem_spans_; }
    // What the playground's Events header counts as notable: every problem span and log entry.
    std::uint64_t notable_total() const { return log_total_ + problem_spans_; }
    std::vector<Span> spans_of(std::uint64_t trace) const;  // sorted by start

private:
    std::uint64_t fp_ = 0xcbf29ce484222325ULL;
    std::vector<Span> kept_;
    std::deque<Span> recent_;
    std::deque<LogEntry> log_;
    std::uint64_t log_total_ = 0;
    std::uint64_t problem_spans_ = 0;
    bool record_recent_ = true;
};

}  // namespace sim
