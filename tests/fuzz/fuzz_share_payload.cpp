// fuzz_share_payload.cpp — libFuzzer target for the share-link decoder: arbitrary bytes as the
// decompressed envelope and as base64url text. Besides "never crash", it checks two properties:
// an accepted envelope re-encodes to one that decodes to the same state, and accepted base64url
// re-encodes to the same canonical text (strict decoding: one text per byte string).
#include "share/share_payload.h"

#include <cstdint>
#include <cstdlib>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);

    sim::ShareDecodeResult r = sim::decode_share_payload(text);
    if (r.ok) {
        sim::ShareDecodeResult again = sim::decode_share_payload(sim::encode_share_payload(r.state));
        if (!again.ok || again.state.pattern != r.state.pattern || again.state.view != r.state.view ||
            again.state.seed != r.state.seed || again.state.profile != r.state.profile || again.state.t != r.state.t ||
            again.state.extra != r.state.extra)
            std::abort();
    } else if (r.diagnostics.error_count() == 0) {
        std::abort();  // a refusal always says why
    }

    sim::Base64Result b = sim::base64url_decode(text);
    if (b.ok) {
        std::string_view canonical = text;
        while (!canonical.empty() && canonical.back() == '=') canonical.remove_suffix(1);
        if (sim::base64url_encode(b.bytes) != canonical) std::abort();
    } else if (b.error.empty()) {
        std::abort();
    }
    return 0;
}
