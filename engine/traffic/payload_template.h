// payload_template.h — per-request event payloads from a JSON template.
// Strings may hold placeholders, replaced per request:
//   {{uuid}}        a random UUID (from the source's own RNG stream, so runs reproduce)
//   {{seq}}         1, 2, 3 ... per source
//   {{int:LO:HI}}   a random integer in [LO, HI]
//   {{pick:a|b|c}}  one of the listed strings
//   {{time}}        the simulated UTC instant, ISO-8601
// A string that is exactly one {{seq}} or {{int:..}} placeholder becomes a JSON number.
// Templates without placeholders are shared, not copied, by every request.
#pragma once

#include "core/diagnostics.h"
#include "core/message.h"
#include "core/rng.h"

#include <cstdint>
#include <string>

namespace sim {

class PayloadTemplate {
public:
    // Checks placeholders; reports problems under `path`.
    static PayloadTemplate compile(const Json& tmpl, const std::string& path, Diagnostics& d);

    JsonPtr instantiate(Rng& rng, std::uint64_t seq, std::uint64_t unix_s) const;
    bool is_constant() const { return constant_ != nullptr; }

private:
    Json template_;
    JsonPtr constant_;  // set when the template has no placeholders
};

// "2026-01-01T00:00:00Z" for Unix seconds (UTC).
std::string iso8601_utc(std::uint64_t unix_s);
// A random RFC 4122 version-4 UUID text.
std::string random_uuid(Rng& rng);

}  // namespace sim
