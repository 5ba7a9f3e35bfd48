// base64url.cpp — RFC 4648 §5 base64url with strict decoding: only the URL-safe alphabet,
// optional but exact '=' padding, no whitespace, zero trailing bits (one text per byte string).
#include "share/share_payload.h"

#include <array>

namespace sim {

namespace {

constexpr char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

int value_of(char c) {
    if (c >= 'A' && c <= 'Z') return c - 'A';
    if (c >= 'a' && c <= 'z') return c - 'a' + 26;
    if (c >= '0' && c <= '9') return c - '0' + 52;
    if (c == '-') return 62;
    if (c == '_') return 63;
    return -1;
}

std::string describe(char c) {
    const auto u = static_cast<unsigned char>(c);
    if (u >= 0x20 && u < 0x7F) return std::string("'") + c + "'";
    static constexpr char kHex[] = "0123456789abcdef";
    return std::string("byte 0x") + kHex[u >> 4] + kHex[u & 0xF];
}

Base64Result fail(std::string error) {
    Base64Result r;
    r.error = std::move(error);
    return r;
}

}  // namespace

std::string base64url_encode(std::string_view bytes) {
    std::string out;
    out.reserve((bytes.size() + 2) / 3 * 4);
    std::size_t i = 0;
    for (; i + 3 <= bytes.size(); i += 3) {
        const unsigned v = (static_cast<unsigned char>(bytes[i]) << 16) |
                           (static_cast<unsigned char>(bytes[i + 1]) << 8) | static_cast<unsigned char>(bytes[i + 2]);
        out += kAlphabet[(v >> 18) & 63];
        out += kAlphabet[(v >> 12) & 63];
        out += kAlphabet[(v >> 6) & 63];
        out += kAlphabet[v & 63];
    }
    const std::size_t rest = bytes.size() - i;
    if (rest == 1) {
        const unsigned v = static_cast<unsigned char>(bytes[i]) << 16;
        out += kAlphabet[(v >> 18) & 63];
        out += kAlphabet[(v >> 12) & 63];
    } else if (rest == 2) {
        const unsigned v =
            (static_cast<unsigned char>(bytes[i]) << 16) | (static_cast<unsigned char>(bytes[i + 1]) << 8);
        out += kAlphabet[(v >> 18) & 63];
        out += kAlphabet[(v >> 12) & 63];
        out += kAlphabet[(v >> 6) & 63];
    }
    return out;
}

Base64Result base64url_decode(std::string_view text, std::size_t max_output) {
    // Padding: only at the end, only to a multiple of 4, and only as much as the data needs.
    std::size_t data_len = text.size();
    while (data_len > 0 && text[data_len - 1] == '=') --data_len;
    const std::size_t pad = text.size() - data_len;
    if (pad > 0) {
        if (text.size() % 4 != 0 || pad > 2)
            return fail("invalid base64url padding at offset " + std::to_string(data_len));
        if ((data_len + pad) % 4 != 0 || (4 - data_len % 4) % 4 != pad)
            return fail("invalid base64url padding at offset " + std::to_string(data_len));
    }
    if (data_len % 4 == 1)
        return fail("invalid base64url length " + std::to_string(data_len) +
                    " (truncated: a length of 4n+1 cannot be decoded)");
    const std::size_t out_len = data_len / 4 * 3 + (data_len % 4 == 0 ? 0 : data_len % 4 - 1);
    if (out_len > max_output)
        return fail("base64url payload too large: " + std::to_string(out_len) + " bytes (limit " +
                    std::to_string(max_output) + ")");
    Base64Result r;
    r.bytes.reserve(out_len);
    unsigned acc = 0;
    int bits = 0;
    for (std::size_t i = 0; i < data_len; ++i) {
        const int v = value_of(text[i]);
        if (v < 0) return fail("invalid base64url character " + describe(text[i]) + " at offset " + std::to_string(i));
        acc = ((acc << 6) | static_cast<unsigned>(v)) & 0xFFFFu;
        bits += 6;
        if (bits >= 8) {
            bits -= 8;
            r.bytes += static_cast<char>((acc >> bits) & 0xFFu);
        }
    }
    if (bits > 0 && (acc & ((1u << bits) - 1u)) != 0)
        return fail("invalid base64url ending: non-zero trailing bits at offset " + std::to_string(data_len - 1));
    r.ok = true;
    return r;
}

}  // namespace sim
