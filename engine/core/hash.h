// hash.h — digests and Base64 (States.Hash and States.Base64*, SQS and SNS dedup ids, Kinesis shards),
// written here so native and wasm builds give identical bytes (no platform crypto).
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace sim {

// Lowercase hex digest of `data` with `algorithm` ("MD5", "SHA-1", "SHA-256", "SHA-384",
// "SHA-512"); nullopt for any other algorithm name.
std::optional<std::string> hex_digest(std::string_view algorithm, std::string_view data);

// Standard Base64 (RFC 4648, '+' '/', '=' padding).
std::string base64_encode(std::string_view bytes);

// Decodes standard Base64; nullopt on characters outside the alphabet or bad padding.
std::optional<std::string> base64_decode(std::string_view text);

}  // namespace sim
