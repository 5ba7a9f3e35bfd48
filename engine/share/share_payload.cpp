// share_payload.cpp — decoding and encoding the share-link envelope (see share_payload.h):
// guards on the raw text first (size, UTF-8, depth), then the envelope, then the pattern.
#include "share/share_payload.h"

#include "pattern/json_guard.h"
#include "pattern/pattern.h"

#include <cmath>

namespace sim {

namespace {

// Size limits on the pattern before the pattern loader walks it.
void check_counts(const Json& pattern, const ShareLimits& limits, Diagnostics& d) {
    struct Limit {
        const char* key;
        std::size_t max;
        const char* what;
    };
    const Limit list[] = {{"nodes", limits.max_nodes, "nodes"},
                          {"edges", limits.max_edges, "edges"},
                          {"traffic", limits.max_traffic, "traffic sources"}};
    for (const Limit& l : list) {
        auto it = pattern.find(l.key);
        if (it != pattern.end() && it->is_array() && it->size() > l.max)
            d.error(std::string("/pattern/") + l.key, std::string("shared pattern has ") + std::to_string(it->size()) +
                                                          " " + l.what + "; share links allow at most " +
                                                          std::to_string(l.max));
    }
}

// Envelope fields other than the pattern; unknown keys go to `extra`.
void read_envelope(const Json& root, ShareState& s, Diagnostics& d) {
    for (auto it = root.begin(); it != root.end(); ++it) {
        const std::string& key = it.key();
        const Json& v = it.value();
        if (key == "v" || key == "pattern") continue;
        if (key == "view") {
            if (v.is_object())
                s.view = v;
            else
                d.error("/view", std::string("view must be an object, got ") + json_type_name(v));
        } else if (key == "seed") {
            if (v.is_number_unsigned())
                s.seed = v.get<std::uint64_t>();
            else
                d.error("/seed", "seed must be a whole number >= 0, got " + v.dump());
        } else if (key == "profile") {
            if (v.is_string())
                s.profile = v.get<std::string>();
            else
                d.error("/profile", std::string("profile must be a string, got ") + json_type_name(v));
        } else if (key == "t") {
            if (v.is_number() && std::isfinite(v.get<double>()) && v.get<double>() >= 0)
                s.t = v.get<double>();
            else
                d.error("/t", "t must be a number of simulated seconds >= 0, got " + v.dump());
        } else {
            s.extra[key] = v;
        }
    }
}

// Invalid UTF-8 is replaced rather than thrown on: the engine never produces it, a caller might.
std::string safe_dump(const Json& j) {
    return j.dump(-1, ' ', false, Json::error_handler_t::replace);
}

}  // namespace

std::string ShareDecodeResult::error_text() const {
    std::string out;
    for (const Diagnostic& item : diagnostics.items()) {
        if (!out.empty()) out += '\n';
        out += format_diagnostic(item);
    }
    return out;
}

ShareDecodeResult decode_share_payload(std::string_view text, const ShareLimits& limits) {
    ShareDecodeResult res;
    Diagnostics& d = res.diagnostics;
    if (text.size() > limits.max_bytes) {
        d.error("", "share link too large: " + std::to_string(text.size()) +
                        " bytes after decompression; the limit is " + std::to_string(limits.max_bytes));
        return res;
    }
    if (TextCheck c = check_utf8(text); !c.ok) {
        d.error("", "share link is not valid text: " + c.error);
        return res;
    }
    if (TextCheck c = check_json_depth(text, limits.max_depth); !c.ok) {
        d.error("", "share link rejected: " + c.error);
        return res;
    }
    JsonText json = parse_json_text(text, limits.max_depth);
    if (!json.ok) {
        d.error("", "share link is not valid JSON (truncated or corrupted?): " + json.where());
        return res;
    }
    const Json& root = json.value;
    if (!root.is_object()) {
        d.error("", std::string("share link must hold a JSON object, got ") + json_type_name(root));
        return res;
    }
    const Json* pattern = nullptr;
    if (auto v = root.find("v"); v != root.end()) {
        if (!v->is_number_integer() || v->get<std::int64_t>() < 1) {
            d.error("/v", "v must be a whole number >= 1, got " + v->dump());
            return res;
        }
        if (v->get<std::int64_t>() > kShareVersion) {
            d.error("/v",
                    "share link version " + v->dump() + " is newer than this playground understands (" +
                        std::to_string(kShareVersion) + ")",
                    "open the link in a newer Serverless Playground");
            return res;
        }
        res.version = static_cast<int>(v->get<std::int64_t>());
        auto p = root.find("pattern");
        if (p == root.end()) {
            d.error("", "missing \"pattern\": expected the shared pattern object");
            return res;
        }
        pattern = &*p;
        read_envelope(root, res.state, d);
    } else if (root.contains("format") || root.contains("nodes")) {
        // Version 0: a bare pattern (early links and hand-made ones) → the v1 envelope.
        res.version = 0;
        pattern = &root;
        d.warning("/v", "share link without a version: read as a bare pattern (version 0)");
    } else {
        d.error("", "missing \"v\": not a Serverless Playground share link");
        return res;
    }
    if (!pattern->is_object()) {
        d.error(res.version == 0 ? "" : "/pattern",
                std::string("pattern must be an object, got ") + json_type_name(*pattern));
        return res;
    }
    check_counts(*pattern, limits, d);
    if (d.has_errors()) return res;
    // The pattern's own problems are reported, not fatal: the page shows them as for a file.
    ParseResult parsed = parse_pattern_json(*pattern);
    const std::string prefix = res.version == 0 ? "" : "/pattern";
    for (const Diagnostic& item : parsed.diagnostics.items()) d.warning(prefix + item.path, item.message, item.hint);
    res.state.pattern = *pattern;
    res.ok = true;
    return res;
}

std::string encode_share_payload(const ShareState& s) {
    nlohmann::ordered_json out;
    out["v"] = kShareVersion;
    out["pattern"] = nlohmann::ordered_json::parse(safe_dump(s.pattern));
    if (s.view.is_object() && !s.view.empty()) out["view"] = nlohmann::ordered_json::parse(safe_dump(s.view));
    if (s.seed) out["seed"] = *s.seed;
    if (!s.profile.empty()) out["profile"] = s.profile;
    if (s.t) out["t"] = *s.t;
    for (auto it = s.extra.begin(); it != s.extra.end(); ++it)
        if (!out.contains(it.key())) out[it.key()] = nlohmann::ordered_json::parse(safe_dump(it.value()));
    return out.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

std::string encode_share_payload(const Json& pattern_json, const Json& view_state) {
    ShareState s;
    s.pattern = pattern_json;
    if (view_state.is_object()) s.view = view_state;
    return encode_share_payload(s);
}

}  // namespace sim
