// json_value_quickjs.cpp — JSON values to and from QuickJS values directly (see json_value.h).
// Every SDK call and answer crosses here; going through JSON text cost a stringify and a parse on
// each side.
#include "js/json_value.h"

#include <cmath>
#include <string>

namespace sim::js {

namespace {

constexpr int kMaxDepth = 256;

// Length of `s` (UTF-8) as a JSON string literal, quotes included.
std::size_t quoted_length(const char* s, std::size_t n) {
    std::size_t out = 2;
    for (std::size_t i = 0; i < n; ++i) {
        const auto c = static_cast<unsigned char>(s[i]);
        if (c == '"' || c == '\\' || c == '\b' || c == '\f' || c == '\n' || c == '\r' || c == '\t')
            out += 2;
        else if (c < 0x20)
            out += 6;  // \u00XX
        else
            out += 1;
    }
    return out;
}

std::size_t digits(long long v) {
    return std::to_string(v).size();
}

bool convert(JSContext* ctx, JSValueConst v, nlohmann::json& out, std::size_t& bytes, int depth);

bool convert_object(JSContext* ctx, JSValueConst v, nlohmann::json& out, std::size_t& bytes, int depth) {
    if (JS_IsFunction(ctx, v)) return false;  // the caller decides: skipped in objects, null in arrays
    JSValue to_json = JS_GetPropertyStr(ctx, v, "toJSON");
    const bool has_to_json = !JS_IsUndefined(to_json);
    JS_FreeValue(ctx, to_json);
    if (has_to_json || JS_HasException(ctx)) return false;
    const int is_array = JS_IsArray(ctx, v);
    if (is_array < 0) return false;
    if (is_array) {
        JSValue len_v = JS_GetPropertyStr(ctx, v, "length");
        std::int64_t len = 0;
        const bool ok = JS_ToInt64(ctx, &len, len_v) == 0;
        JS_FreeValue(ctx, len_v);
        if (!ok) return false;
        out = nlohmann::json::array();
        bytes += 2 + static_cast<std::size_t>(len > 0 ? len - 1 : 0);  // brackets and commas
        for (std::int64_t i = 0; i < len; ++i) {
            JSValue e = JS_GetPropertyUint32(ctx, v, static_cast<std::uint32_t>(i));
            if (JS_IsException(e)) return false;
            nlohmann::json item;
            bool ok_item = true;
            if (JS_IsUndefined(e) || (JS_IsObject(e) && JS_IsFunction(ctx, e))) {
                bytes += 4;  // null
            } else {
                ok_item = convert(ctx, e, item, bytes, depth + 1);
            }
            JS_FreeValue(ctx, e);
            if (!ok_item) return false;
            out.push_back(std::move(item));
        }
        return true;
    }
    JSPropertyEnum* tab = nullptr;
    std::uint32_t n = 0;
    if (JS_GetOwnPropertyNames(ctx, &tab, &n, v, JS_GPN_STRING_MASK | JS_GPN_ENUM_ONLY) < 0) return false;
    out = nlohmann::json::object();
    bool ok = true;
    std::size_t members = 0;
    for (std::uint32_t i = 0; i < n && ok; ++i) {
        JSValue e = JS_GetProperty(ctx, v, tab[i].atom);
        if (JS_IsException(e)) {
            ok = false;
        } else if (!JS_IsUndefined(e) && !(JS_IsObject(e) && JS_IsFunction(ctx, e))) {
            std::size_t key_len = 0;
            const char* key = JS_AtomToCString(ctx, tab[i].atom);
            if (!key) {
                ok = false;
            } else {
                key_len = std::strlen(key);
                nlohmann::json item;
                ok = convert(ctx, e, item, bytes, depth + 1);
                if (ok) {
                    bytes += quoted_length(key, key_len) + 1;  // "key":
                    out[std::string(key, key_len)] = std::move(item);
                    ++members;
                }
                JS_FreeCString(ctx, key);
            }
        }
        JS_FreeValue(ctx, e);
    }
    for (std::uint32_t i = 0; i < n; ++i) JS_FreeAtom(ctx, tab[i].atom);
    js_free(ctx, tab);
    bytes += 2 + (members > 0 ? members - 1 : 0);  // braces and commas
    return ok;
}

bool convert(JSContext* ctx, JSValueConst v, nlohmann::json& out, std::size_t& bytes, int depth) {
    if (depth > kMaxDepth) return false;
    switch (JS_VALUE_GET_NORM_TAG(v)) {
        case JS_TAG_NULL:
            out = nullptr;
            bytes += 4;
            return true;
        case JS_TAG_BOOL: {
            const bool b = JS_VALUE_GET_BOOL(v) != 0;
            out = b;
            bytes += b ? 4 : 5;
            return true;
        }
        case JS_TAG_INT: {
            const int i = JS_VALUE_GET_INT(v);
            out = static_cast<std::int64_t>(i);
            bytes += digits(i);
            return true;
        }
        case JS_TAG_FLOAT64: {
            const double d = JS_VALUE_GET_FLOAT64(v);
            if (!std::isfinite(d)) {
                out = nullptr;  // JSON.stringify writes NaN and Infinity as null
                bytes += 4;
            } else if (d == std::floor(d) && std::fabs(d) < 9.2e18 && std::fabs(d) < 1e21) {
                // JSON text of an integral number below 1e21 has no fraction or exponent: an integer.
                out = static_cast<std::int64_t>(d);
                bytes += digits(static_cast<long long>(d));
            } else {
                out = d;
                std::size_t n = 0;
                const char* text = JS_ToCStringLen(ctx, &n, v);  // JavaScript's own number formatting
                bytes += n;
                JS_FreeCString(ctx, text);
            }
            return true;
        }
        case JS_TAG_STRING: {
            std::size_t n = 0;
            const char* s = JS_ToCStringLen(ctx, &n, v);
            if (!s) return false;
            out = std::string(s, n);
            bytes += quoted_length(s, n);
            JS_FreeCString(ctx, s);
            return true;
        }
        case JS_TAG_OBJECT:
            return convert_object(ctx, v, out, bytes, depth);
        default:
            return false;  // undefined at the top, BigInt, symbols: as JSON.stringify decides
    }
}

}  // namespace

JSValue json_to_js(JSContext* ctx, const nlohmann::json& j) {
    switch (j.type()) {
        case nlohmann::json::value_t::boolean:
            return JS_NewBool(ctx, j.get<bool>());
        case nlohmann::json::value_t::number_integer:
            return JS_NewInt64(ctx, j.get<std::int64_t>());
        case nlohmann::json::value_t::number_unsigned: {
            const auto u = j.get<std::uint64_t>();
            return u <= static_cast<std::uint64_t>(INT64_MAX) ? JS_NewInt64(ctx, static_cast<std::int64_t>(u))
                                                              : JS_NewFloat64(ctx, static_cast<double>(u));
        }
        case nlohmann::json::value_t::number_float:
            return JS_NewFloat64(ctx, j.get<double>());
        case nlohmann::json::value_t::string: {
            const auto& s = j.get_ref<const std::string&>();
            return JS_NewStringLen(ctx, s.data(), s.size());
        }
        case nlohmann::json::value_t::array: {
            JSValue a = JS_NewArray(ctx);
            std::uint32_t i = 0;
            for (const auto& e : j) JS_SetPropertyUint32(ctx, a, i++, json_to_js(ctx, e));
            return a;
        }
        case nlohmann::json::value_t::object: {
            JSValue o = JS_NewObject(ctx);
            for (auto it = j.begin(); it != j.end(); ++it) {
                const std::string& k = it.key();
                const JSAtom atom = JS_NewAtomLen(ctx, k.data(), k.size());
                JS_DefinePropertyValue(ctx, o, atom, json_to_js(ctx, it.value()), JS_PROP_C_W_E);
                JS_FreeAtom(ctx, atom);
            }
            return o;
        }
        default:
            return JS_NULL;
    }
}

bool js_to_json(JSContext* ctx, JSValueConst v, nlohmann::json& out, std::size_t& json_bytes) {
    std::size_t bytes = 0;
    nlohmann::json value;
    if (!convert(ctx, v, value, bytes, 0)) {
        if (JS_HasException(ctx)) JS_FreeValue(ctx, JS_GetException(ctx));
        return false;
    }
    out = std::move(value);
    json_bytes = bytes;
    return true;
}

}  // namespace sim::js
