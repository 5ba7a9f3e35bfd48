// share_payload.h — the share-link payload: a versioned JSON envelope around a pattern and the
// UI state that goes with it. The browser compresses the envelope text (CompressionStream,
// "deflate-raw") and base64url-encodes it into the URL fragment; this side owns the versioning
// and every check, so the same answers come from the CLI, the tests, the fuzzers and the page.
//
// Envelope, version 1 (compact JSON, keys in this order):
//   {"v": 1,                       required; integer; newer than kShareVersion → refused
//    "pattern": {...},             required; a pattern object (patterns/README.md)
//    "view": {...},                optional object, opaque to the engine (selection, camera, panels)
//    "seed": 42,                   optional integer ≥ 0: overrides pattern.seed when opened
//    "profile": "2023-11",         optional string: behaviour profile name ("" = the pattern's)
//    "t": 120.5}                   optional number ≥ 0: simulated time position, seconds
// Unknown envelope keys are kept in `ShareState::extra` and written back.
// Older forms, migrated with a warning: version 0 = a bare pattern object (has "format", no "v").
//
// Limits (untrusted input; each breach is a clear error, nothing is parsed past it):
//   decompressed text ≤ 2 MiB; JSON nesting ≤ 64 (checked on the raw text before parsing, so a
//   hostile link cannot overflow the parser's stack); valid UTF-8 only; nodes ≤ 500, edges ≤ 2000,
//   traffic sources ≤ 200. The pattern itself is also run through parse_pattern_json: its
//   problems come back as warnings under "/pattern/..." (a shared work in progress still opens,
//   showing its diagnostics, as a file would).
#pragma once

#include "core/diagnostics.h"
#include "core/message.h"  // sim::Json

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace sim {

inline constexpr int kShareVersion = 1;

struct ShareLimits {
    std::size_t max_bytes = 2u * 1024u * 1024u;  // decompressed envelope text
    int max_depth = 64;                          // JSON nesting (arrays + objects)
    std::size_t max_nodes = 500;
    std::size_t max_edges = 2000;
    std::size_t max_traffic = 200;
};

struct ShareState {
    Json pattern = Json::object();  // pattern JSON (as pattern_to_json writes it)
    Json view = Json::object();     // UI view state; opaque here
    std::optional<std::uint64_t> seed;
    std::string profile;          // "" = none given
    std::optional<double> t;      // simulated seconds
    Json extra = Json::object();  // unknown envelope keys, preserved
};

struct ShareDecodeResult {
    bool ok = false;  // false: `state` must not replace the current work
    int version = 0;  // envelope version found (0 = bare pattern, migrated)
    ShareState state;
    Diagnostics diagnostics;         // errors (ok == false) and warnings; JSON pointers into the envelope
    std::string error_text() const;  // every diagnostic formatted, one per line ("" when none)
};

// Decodes the decompressed envelope text. Never throws; every failure is a diagnostic, e.g.
// "/v: share link version 7 is newer than this playground understands (1)".
ShareDecodeResult decode_share_payload(std::string_view decompressed_text, const ShareLimits& limits = {});

// Writes the version-1 envelope as compact JSON (ready to compress). Empty view/profile and unset
// seed/t are left out, so links stay short.
std::string encode_share_payload(const ShareState& state);
std::string encode_share_payload(const Json& pattern_json, const Json& view_state);

// base64url (RFC 4648 §5) without padding. decode accepts only [A-Za-z0-9_-], optional correct
// '=' padding, no whitespace, and rejects non-zero trailing bits; errors name the offset.
std::string base64url_encode(std::string_view bytes);
struct Base64Result {
    bool ok = false;
    std::string bytes;
    std::string error;  // "invalid base64url character '+' at offset 12"
};
Base64Result base64url_decode(std::string_view text, std::size_t max_output = 4u * 1024u * 1024u);

}  // namespace sim
