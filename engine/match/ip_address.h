// ip_address.h — IPv4/IPv6 literals and CIDR blocks, read the way EventBridge's event-ruler reads
// them (the `cidr` operator, and pattern strings that are IP addresses).
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>

namespace sim::match {

struct IpAddress {
    std::array<std::uint8_t, 16> bytes{};
    std::uint8_t size = 0;  // 4 (IPv4) or 16 (IPv6); IPv4-mapped IPv6 (::ffff:a.b.c.d) becomes 4
};

// An IPv4 dotted quad (decimal octets 0..255) or an IPv6 literal of hex groups with at most one
// "::". Anything else (host names, zone ids, dotted IPv6 tails) gives nullopt.
std::optional<IpAddress> parse_ip(std::string_view text);

// Inclusive address range of one family.
struct CidrRange {
    IpAddress low;
    IpAddress high;
};

struct CidrError {
    std::string message;     // ours, e.g. `mask bits "x" are not an integer`
    std::string aws_reason;  // AWS's, e.g. "Malformed CIDR, mask bits must be an integer"
};

// "10.0.0.0/24" -> [10.0.0.0, 10.0.0.255]. Like event-ruler, the range starts at the address as
// written (host bits are not cleared) and the mask must be < 32 (IPv4) or < 128 (IPv6).
std::variant<CidrRange, CidrError> parse_cidr(std::string_view text);

// A single address as a one-address range (a pattern string that is an IP literal).
CidrRange single_address_range(const IpAddress& address);

bool range_contains(const CidrRange& range, const IpAddress& address);

}  // namespace sim::match
