// trace.cpp — bounded span and log storage.
#include "core/trace.h"

#include <algorithm>
#include <cstdio>

namespace sim {

const char* drop_reason_name(DropReason r) {
    switch (r) {
        case DropReason::None:
            return "none";
        case DropReason::Refused:
            return "refused";
        case DropReason::Expired:
            return "expired";
        case DropReason::RetriesExhausted:
            return "retries exhausted";
        case DropReason::RecursiveLoop:
            return "recursive loop";
        case DropReason::NotWired:
            return "not wired";
        case DropReason::NotSimulated:
            return "not simulated";
    }
    return "?";
}

const char* outcome_name(Outcome o) {
    switch (o) {
        case Outcome::Ok:
            return "ok";
        case Outcome::Error:
            return "error";
        case Outcome::Throttled:
            return "throttled";
        case Outcome::Retry:
            return "retry";
        case Outcome::Dropped:
            return "dropped";
        case Outcome::DeadLettered:
            return "dead_lettered";
        case Outcome::TimedOut:
            return "timed_out";
    }
    return "?";
}

std::string Trace::fingerprint_hex() const {
    char buf[17];
    std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(fp_));
    return buf;
}

void Trace::add_span(Span span) {
    if (!records(span.trace)) return;
    if (span.outcome != Outcome::Ok) ++problem_spans_;
    if (span.trace <= kKeptTraces) {
        kept_.push_back(std::move(span));
        return;
    }
    if (recent_.size() >= kRecentSpans) recent_.pop_front();
    recent_.push_back(std::move(span));
}

void Trace::log(LogEntry entry) {
    ++log_total_;
    if (log_.size() >= kMaxLog) log_.pop_front();
    log_.push_back(std::move(entry));
}

std::vector<Span> Trace::spans_of(std::uint64_t trace) const {
    std::vector<Span> out;
    for (const auto& s : kept_)
        if (s.trace == trace) out.push_back(s);
    for (const auto& s : recent_)
        if (s.trace == trace) out.push_back(s);
    std::stable_sort(out.begin(), out.end(), [](const Span& a, const Span& b) { return a.start < b.start; });
    return out;
}

}  // namespace sim
