// check_spec.h — validating one acceptance check's JSON for its kind, and writing the plain-words
// description a learner sees before any run. Internal to engine/challenge/.
#pragma once

#include "challenge/challenge.h"
#include "challenge/selector.h"

#include <optional>
#include <string>

namespace sim::challenge {

// A bound that is a number or a count measured in the same run:
// {"source": "orders", "field": "ok"|"failed"|"requests", "times": 1}.
struct Bound {
    double value = 0;
    std::string source;  // non-empty: a traffic source's count
    std::string field;   // "ok", "failed", "requests"
    double times = 1;
};

std::optional<Bound> parse_bound(const Json& j, const std::string& path, Diagnostics& diags);
std::string describe_bound(const Bound& b);

// Validates `c.spec` for `c.kind` (kind and id already set), resolving `c.run`; errors and
// warnings go to `diags` at `c.path`. Run ids come from `ch.runs`.
void validate_check(const Challenge& ch, Check& c, Diagnostics& diags);

// The generated description (used when the check gives none). Call after validation succeeded.
std::string describe_check(const Challenge& ch, const Check& c);

// Selector stored in spec[key] (already validated).
Selector spec_selector(const Json& spec, const char* key);

// Formatting shared by descriptions and measured values.
std::string fmt_usd(double usd);       // "$0.00", "$12.34", "$0.0000042"
std::string fmt_count(double n);       // "12,345"
std::string fmt_number(double v);      // "1.5", "3", "0.25"
std::string fmt_pct(double pct);       // "0.42%"
std::string fmt_span(SimTime t);       // "1 hour", "10 minutes", "3 days"
std::string run_phrase(const Run& r);  // the run's label, or "a 10m run"

}  // namespace sim::challenge
