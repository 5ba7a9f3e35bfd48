// ip_address.cpp — IP literal and CIDR parsing (event-ruler CIDR.java semantics, reimplemented).
#include "match/ip_address.h"

namespace sim::match {

namespace {

bool is_hex(char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

int hex_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    return c - 'A' + 10;
}

// event-ruler only tries to read text shaped like [0-9]+(\.[0-9]+){3} or [0-9a-fA-F:]*:[0-9a-fA-F:]*.
bool looks_like_ipv4(std::string_view text) {
    int dots = 0;
    bool digit_seen = false;
    for (const char c : text) {
        if (c == '.') {
            if (!digit_seen) return false;
            ++dots;
            digit_seen = false;
        } else if (c >= '0' && c <= '9') {
            digit_seen = true;
        } else {
            return false;
        }
    }
    return dots == 3 && digit_seen;
}

bool looks_like_ipv6(std::string_view text) {
    bool colon = false;
    for (const char c : text) {
        if (c == ':') {
            colon = true;
        } else if (!is_hex(c)) {
            return false;
        }
    }
    return colon;
}

std::optional<IpAddress> parse_ipv4(std::string_view text) {
    IpAddress out;
    out.size = 4;
    std::size_t part = 0;
    unsigned value = 0;
    std::size_t digits = 0;
    for (std::size_t i = 0; i <= text.size(); ++i) {
        if (i == text.size() || text[i] == '.') {
            if (digits == 0 || part >= 4) return std::nullopt;
            out.bytes[part++] = static_cast<std::uint8_t>(value);
            value = 0;
            digits = 0;
            continue;
        }
        value = value * 10 + static_cast<unsigned>(text[i] - '0');
        ++digits;
        if (value > 255) return std::nullopt;
    }
    if (part != 4) return std::nullopt;
    return out;
}

// Up to 8 hex groups of 1-4 digits separated by ':'; no allocation (runs per event value).
struct Groups {
    std::array<std::uint16_t, 8> values{};
    std::size_t count = 0;
};

bool parse_groups(std::string_view text, Groups& groups) {
    if (text.empty()) return true;
    std::size_t start = 0;
    while (true) {
        const std::size_t colon = text.find(':', start);
        const std::string_view group =
            text.substr(start, colon == std::string_view::npos ? std::string_view::npos : colon - start);
        if (group.empty() || group.size() > 4) return false;
        unsigned value = 0;
        for (const char c : group) value = value * 16 + static_cast<unsigned>(hex_value(c));
        if (groups.count == groups.values.size()) return false;
        groups.values[groups.count++] = static_cast<std::uint16_t>(value);
        if (colon == std::string_view::npos) return true;
        start = colon + 1;
    }
}

std::optional<IpAddress> parse_ipv6(std::string_view text) {
    Groups head;
    Groups tail;
    const std::size_t gap = text.find("::");
    if (gap == std::string_view::npos) {
        if (!parse_groups(text, head) || head.count != 8) return std::nullopt;
    } else {
        if (text.find("::", gap + 1) != std::string_view::npos) return std::nullopt;
        if (!parse_groups(text.substr(0, gap), head)) return std::nullopt;
        if (!parse_groups(text.substr(gap + 2), tail)) return std::nullopt;
        if (head.count + tail.count > 7) return std::nullopt;
    }
    IpAddress out;
    out.size = 16;
    for (std::size_t i = 0; i < head.count; ++i) {
        out.bytes[2 * i] = static_cast<std::uint8_t>(head.values[i] >> 8);
        out.bytes[2 * i + 1] = static_cast<std::uint8_t>(head.values[i] & 0xff);
    }
    const std::size_t offset = 8 - tail.count;
    for (std::size_t i = 0; i < tail.count; ++i) {
        out.bytes[2 * (offset + i)] = static_cast<std::uint8_t>(tail.values[i] >> 8);
        out.bytes[2 * (offset + i) + 1] = static_cast<std::uint8_t>(tail.values[i] & 0xff);
    }
    // Java's InetAddress turns IPv4-mapped IPv6 addresses into IPv4 ones; event-ruler inherits it.
    bool mapped = out.bytes[10] == 0xff && out.bytes[11] == 0xff;
    for (std::size_t i = 0; i < 10 && mapped; ++i) mapped = out.bytes[i] == 0;
    if (mapped) {
        IpAddress v4;
        v4.size = 4;
        for (std::size_t i = 0; i < 4; ++i) v4.bytes[i] = out.bytes[12 + i];
        return v4;
    }
    return out;
}

// Java Integer.parseInt: optional sign, decimal digits, 32-bit range.
std::optional<long long> parse_java_int(std::string_view text) {
    std::size_t i = 0;
    bool negative = false;
    if (i < text.size() && (text[i] == '+' || text[i] == '-')) negative = text[i++] == '-';
    if (i == text.size()) return std::nullopt;
    long long value = 0;
    for (; i < text.size(); ++i) {
        if (text[i] < '0' || text[i] > '9') return std::nullopt;
        value = value * 10 + (text[i] - '0');
        if (value > 2147483648LL) return std::nullopt;
    }
    value = negative ? -value : value;
    if (value > 2147483647LL) return std::nullopt;
    return value;
}

}  // namespace

std::optional<IpAddress> parse_ip(std::string_view text) {
    if (looks_like_ipv4(text)) return parse_ipv4(text);
    if (looks_like_ipv6(text)) return parse_ipv6(text);
    return std::nullopt;
}

std::variant<CidrRange, CidrError> parse_cidr(std::string_view text) {
    // Java's String.split("/") drops trailing empty parts, so "10.0.0.0/" has one part.
    std::string_view trimmed = text;
    while (!trimmed.empty() && trimmed.back() == '/') trimmed.remove_suffix(1);
    const std::size_t slash = trimmed.find('/');
    if (trimmed.empty() || slash == std::string_view::npos || trimmed.find('/', slash + 1) != std::string_view::npos) {
        return CidrError{"CIDR \"" + std::string(text) + "\" must be an address, one '/', and mask bits",
                         "Malformed CIDR, one '/' required"};
    }
    const std::string_view address_text = trimmed.substr(0, slash);
    const std::string_view mask_text = trimmed.substr(slash + 1);
    const auto mask = parse_java_int(mask_text);
    if (!mask) {
        return CidrError{"CIDR mask bits \"" + std::string(mask_text) + "\" are not an integer",
                         "Malformed CIDR, mask bits must be an integer"};
    }
    if (*mask < 0) {
        return CidrError{"CIDR mask bits " + std::to_string(*mask) + " are negative",
                         "Malformed CIDR, mask bits must not be negative"};
    }
    const bool shaped = looks_like_ipv4(address_text) || looks_like_ipv6(address_text);
    if (!shaped) {
        return CidrError{"CIDR address \"" + std::string(address_text) + "\" is not an IPv4 or IPv6 address",
                         "Nonstandard IP address: " + std::string(address_text)};
    }
    const auto address = parse_ip(address_text);
    if (!address) {
        return CidrError{"CIDR address \"" + std::string(address_text) + "\" is not a valid IP address",
                         "Invalid IP address: " + std::string(address_text)};
    }
    const long long width = address->size == 4 ? 32 : 128;
    if (*mask >= width) {
        return CidrError{"CIDR mask bits " + std::to_string(*mask) + " must be below " + std::to_string(width) +
                             " for an " + (width == 32 ? "IPv4" : "IPv6") + " address",
                         width == 32 ? "IPv4 mask bits must be < 32" : "IPv6 mask bits must be < 128"};
    }
    CidrRange range;
    range.low = *address;
    range.high = *address;
    long long host_bits = width - *mask;
    for (int i = address->size - 1; i >= 0 && host_bits > 0; --i, host_bits -= 8) {
        const auto index = static_cast<std::size_t>(i);
        if (host_bits >= 8) {
            range.high.bytes[index] = 0xff;
        } else {
            range.high.bytes[index] =
                static_cast<std::uint8_t>(range.high.bytes[index] | ((1u << static_cast<unsigned>(host_bits)) - 1u));
        }
    }
    return range;
}

CidrRange single_address_range(const IpAddress& address) {
    return CidrRange{address, address};
}

bool range_contains(const CidrRange& range, const IpAddress& address) {
    if (address.size != range.low.size) return false;
    for (std::size_t i = 0; i < address.size; ++i) {
        if (address.bytes[i] != range.low.bytes[i]) {
            if (address.bytes[i] < range.low.bytes[i]) return false;
            break;
        }
    }
    for (std::size_t i = 0; i < address.size; ++i) {
        if (address.bytes[i] != range.high.bytes[i]) return address.bytes[i] < range.high.bytes[i];
    }
    return true;
}

}  // namespace sim::match
