// timestamp.h — RFC 3339 timestamps as Step Functions accepts them (Wait Timestamp, Choice
// Timestamp* operators, IsTimestamp) and the ISO form it writes in the context object.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace sim::sfn {

// Parses "2016-03-14T01:59:00Z", "2016-03-14T01:59:00.123+02:00"... into microseconds since the
// Unix epoch (UTC). Uppercase 'T' and an explicit zone (Z or +hh:mm) are required, as AWS does;
// anything else gives nullopt.
std::optional<std::int64_t> parse_timestamp_us(std::string_view text);

// Formats epoch microseconds as "2024-01-01T00:00:00.000Z" (millisecond precision, UTC).
std::string format_timestamp_us(std::int64_t epoch_us);

}  // namespace sim::sfn
