// json_value.h — values between the engine's JSON and QuickJS without going through JSON text
// (internal to engine/js; only *_quickjs.cpp files include it, where QuickJS is linked).
#pragma once

extern "C" {
#include "quickjs.h"
}

#include <nlohmann/json.hpp>

#include <cstddef>

namespace sim::js {

// A new JavaScript value equal to what JSON.parse would make of `j`'s text.
JSValue json_to_js(JSContext* ctx, const nlohmann::json& j);

// `v` as JSON.stringify would write it, parsed back: numbers that JSON text would print without a
// fraction or exponent become integers, undefined and functions are left out of objects (null in
// arrays). `json_bytes` gets the length of that JSON text. false when `v` needs JSON.stringify
// itself (an object with toJSON such as a Date, nesting deeper than 256, a BigInt, a getter that
// throws): the caller then stringifies; nothing is thrown or left pending here.
bool js_to_json(JSContext* ctx, JSValueConst v, nlohmann::json& out, std::size_t& json_bytes);

}  // namespace sim::js
