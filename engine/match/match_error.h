// match_error.h — the error value returned when an event pattern or filter policy is invalid.
#pragma once

#include <string>

namespace sim::match {

// Why a pattern or policy was rejected at compile time. Never thrown; returned in a variant.
struct MatchError {
    std::string path;        // where in the pattern, e.g. "detail.price[0].numeric[2]"; "" = whole
    std::string message;     // our explanation: names the bad value and what was expected
    std::string aws_reason;  // the reason text AWS itself gives for this mistake (informational)
};

}  // namespace sim::match
