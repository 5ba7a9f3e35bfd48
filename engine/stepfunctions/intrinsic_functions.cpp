// intrinsic_functions.cpp — the 18 States.* functions applied to evaluated arguments, with the
// argument checks the Step Functions documentation gives for each.
// https://docs.aws.amazon.com/step-functions/latest/dg/intrinsic-functions.html
#include "core/hash.h"
#include "stepfunctions/intrinsics.h"
#include "stepfunctions/json_text.h"

#include <cmath>

namespace sim::sfn {

namespace {

using nlohmann::json;

constexpr std::size_t kMaxStringChars = 10000;  // Base64Encode/Decode and Hash input limit
constexpr long long kMaxArrayRange = 1000;      // ArrayRange: at most 1000 elements

IntrinsicResult ok(json v) {
    return {true, std::move(v), {}};
}
IntrinsicResult err(const std::string& name, const std::string& why) {
    return {false, nullptr, name + ": " + why};
}

std::string type_of(const json& v) {
    if (v.is_number()) return "number";
    return v.type_name();
}

bool as_integer(const json& v, long long& out) {
    if (!is_integral_number(v)) return false;
    double d = v.get<double>();
    if (std::fabs(d) > 9.0e15) return false;
    out = v.is_number_float() ? static_cast<long long>(d) : v.get<long long>();
    return true;
}

IntrinsicResult format(const IntrinsicCall& call, const std::vector<json>& a) {
    const std::string& name = call.name;
    if (!a[0].is_string()) return err(name, "the format string must be a string, got " + type_of(a[0]));
    std::string tmpl =
        call.args[0].kind == IntrinsicArg::Kind::Literal ? call.args[0].format_template : a[0].get<std::string>();
    std::string out;
    std::size_t next_arg = 1;
    for (std::size_t k = 0; k < tmpl.size(); ++k) {
        char c = tmpl[k];
        if (c == '\\' && k + 1 < tmpl.size() && (tmpl[k + 1] == '{' || tmpl[k + 1] == '}')) {
            out.push_back(tmpl[++k]);
        } else if (c == '{' && k + 1 < tmpl.size() && tmpl[k + 1] == '}') {
            if (next_arg >= a.size())
                return err(name, "the format string has more {} placeholders than arguments (" +
                                     std::to_string(a.size() - 1) + ")");
            out += format_arg_text(a[next_arg++]);
            ++k;
        } else {
            out.push_back(c);
        }
    }
    if (next_arg != a.size())
        return err(name, "the format string has " + std::to_string(next_arg - 1) + " {} placeholders but " +
                             std::to_string(a.size() - 1) + " arguments were given");
    return ok(out);
}

IntrinsicResult array_range(const std::string& name, const std::vector<json>& a) {
    long long start = 0, end = 0, step = 0;
    if (!as_integer(a[0], start) || !as_integer(a[1], end) || !as_integer(a[2], step))
        return err(name, "start, end and step must be integers");
    if (step == 0) return err(name, "step must not be 0");
    long long count = (end - start) / step + 1;
    if ((end - start) != 0 && ((end - start) > 0) != (step > 0)) count = 0;
    if (count > kMaxArrayRange)
        return err(name, "the range would have " + std::to_string(count) + " elements; at most 1000 are allowed");
    json out = json::array();
    for (long long k = 0; k < count; ++k) out.push_back(start + k * step);
    return ok(out);
}

IntrinsicResult math_random(const std::string& name, const std::vector<json>& a, const RandomBits& random) {
    long long lo = 0, hi = 0;
    if (!as_integer(a[0], lo) || !as_integer(a[1], hi)) return err(name, "start and end must be integers");
    if (hi <= lo) return err(name, "end must be greater than start");
    std::uint64_t bits = 0;
    if (a.size() == 3) {
        long long seed = 0;
        if (!as_integer(a[2], seed)) return err(name, "the seed must be an integer");
        // SplitMix64 of the seed: the same seed always gives the same number.
        std::uint64_t z = static_cast<std::uint64_t>(seed) + 0x9e3779b97f4a7c15ULL;
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
        bits = z ^ (z >> 31);
    } else {
        bits = random ? random() : 0;
    }
    auto span = static_cast<std::uint64_t>(hi - lo);
    return ok(lo + static_cast<long long>(bits % span));  // [start, end)
}

IntrinsicResult uuid(const RandomBits& random) {
    std::uint64_t hi = random ? random() : 0, lo = random ? random() : 0;
    hi = (hi & 0xFFFFFFFFFFFF0FFFULL) | 0x0000000000004000ULL;  // version 4
    lo = (lo & 0x3FFFFFFFFFFFFFFFULL) | 0x8000000000000000ULL;  // RFC 4122 variant
    static const char* digits = "0123456789abcdef";
    std::string out;
    for (int k = 0; k < 32; ++k) {
        std::uint64_t word = k < 16 ? hi : lo;
        int shift = 60 - 4 * (k % 16);
        out.push_back(digits[(word >> shift) & 15]);
        if (k == 7 || k == 11 || k == 15 || k == 19) out.push_back('-');
    }
    return ok(out);
}

}  // namespace

IntrinsicResult apply_intrinsic(const IntrinsicCall& call, const std::vector<json>& a, const RandomBits& random) {
    const std::string& n = call.name;
    if (n == "States.Format") return format(call, a);
    if (n == "States.StringToJson") {
        if (!a[0].is_string()) return err(n, "the argument must be a string, got " + type_of(a[0]));
        const auto& text = a[0].get_ref<const std::string&>();
        if (text.find_first_not_of(" \t\r\n") == std::string::npos) return ok(nullptr);
        json v = json::parse(text, nullptr, false);
        if (v.is_discarded()) return err(n, "the argument is not valid JSON text");
        return ok(v);
    }
    if (n == "States.JsonToString") return ok(compact_json(a[0]));
    if (n == "States.Array") return ok(json(a));
    if (n == "States.ArrayPartition") {
        long long size = 0;
        if (!a[0].is_array()) return err(n, "the first argument must be an array");
        if (!as_integer(a[1], size) || size <= 0) return err(n, "the chunk size must be a positive integer");
        json out = json::array(), chunk = json::array();
        for (const auto& v : a[0]) {
            chunk.push_back(v);
            if (static_cast<long long>(chunk.size()) == size) {
                out.push_back(chunk);
                chunk = json::array();
            }
        }
        if (!chunk.empty()) out.push_back(chunk);
        return ok(out);
    }
    if (n == "States.ArrayContains") {
        if (!a[0].is_array()) return err(n, "the first argument must be an array");
        for (const auto& v : a[0])
            if (v == a[1]) return ok(true);
        return ok(false);
    }
    if (n == "States.ArrayRange") return array_range(n, a);
    if (n == "States.ArrayGetItem") {
        long long idx = 0;
        if (!a[0].is_array()) return err(n, "the first argument must be an array");
        if (!as_integer(a[1], idx) || idx < 0) return err(n, "the index must be a non-negative integer");
        if (idx >= static_cast<long long>(a[0].size()))
            return err(n, "index " + std::to_string(idx) + " is out of bounds for an array of " +
                              std::to_string(a[0].size()) + " elements");
        return ok(a[0][static_cast<std::size_t>(idx)]);
    }
    if (n == "States.ArrayLength") {
        if (!a[0].is_array()) return err(n, "the argument must be an array, got " + type_of(a[0]));
        return ok(a[0].size());
    }
    if (n == "States.ArrayUnique") {
        if (!a[0].is_array()) return err(n, "the argument must be an array, got " + type_of(a[0]));
        json out = json::array();
        for (const auto& v : a[0]) {
            bool seen = false;
            for (const auto& u : out) seen = seen || u == v;
            if (!seen) out.push_back(v);
        }
        return ok(out);
    }
    if (n == "States.Base64Encode" || n == "States.Base64Decode") {
        if (!a[0].is_string()) return err(n, "the argument must be a string, got " + type_of(a[0]));
        const auto& text = a[0].get_ref<const std::string&>();
        if (text.size() > kMaxStringChars) return err(n, "the input is longer than 10000 characters");
        if (n == "States.Base64Encode") return ok(base64_encode(text));
        auto decoded = base64_decode(text);
        if (!decoded) return err(n, "the argument is not valid Base64");
        return ok(*decoded);
    }
    if (n == "States.Hash") {
        if (a[0].is_null()) return err(n, "the data to hash must not be null");
        std::string data = a[0].is_string() ? a[0].get<std::string>() : compact_json(a[0]);
        if (data.size() > kMaxStringChars) return err(n, "the input is longer than 10000 characters");
        if (!a[1].is_string()) return err(n, "the algorithm must be a string");
        auto digest = hex_digest(a[1].get<std::string>(), data);
        if (!digest)
            return err(n, "unsupported algorithm '" + a[1].get<std::string>() +
                              "'; expected MD5, SHA-1, SHA-256, SHA-384 or SHA-512");
        return ok(*digest);
    }
    if (n == "States.JsonMerge") {
        if (!a[0].is_object() || !a[1].is_object()) return err(n, "the first two arguments must be JSON objects");
        if (!a[2].is_boolean()) return err(n, "the third argument must be a boolean");
        if (a[2].get<bool>()) return err(n, "deep merge (true) is not supported; pass false");
        json out = a[0];
        for (auto it = a[1].begin(); it != a[1].end(); ++it) out[it.key()] = it.value();
        return ok(out);
    }
    if (n == "States.MathRandom") return math_random(n, a, random);
    if (n == "States.MathAdd") {
        if (!a[0].is_number() || !a[1].is_number()) return err(n, "both arguments must be numbers");
        // Operands are rounded half up (Java Math.round), as AWS does: 1.5 -> 2, -2.5 -> -2.
        double x = std::floor(a[0].get<double>() + 0.5), y = std::floor(a[1].get<double>() + 0.5);
        if (x < -2147483648.0 || x > 2147483647.0 || y < -2147483648.0 || y > 2147483647.0)
            return err(n, "arguments must be between -2147483648 and 2147483647");
        return ok(static_cast<long long>(x) + static_cast<long long>(y));
    }
    if (n == "States.StringSplit") {
        if (!a[0].is_string() || !a[1].is_string()) return err(n, "both arguments must be strings");
        const auto& text = a[0].get_ref<const std::string&>();
        const auto& delims = a[1].get_ref<const std::string&>();
        json out = json::array();
        std::string piece;
        for (char c : text) {
            if (delims.find(c) != std::string::npos) {
                if (!piece.empty()) out.push_back(piece);
                piece.clear();
            } else {
                piece.push_back(c);
            }
        }
        if (!piece.empty()) out.push_back(piece);
        return ok(out);
    }
    if (n == "States.UUID") return uuid(random);
    return err(n, "unknown intrinsic function");
}

}  // namespace sim::sfn
