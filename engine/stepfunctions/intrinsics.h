// intrinsics.h — ASL intrinsic functions (JSONPath query language): parsing `States.X(...)` calls
// at load time and evaluating them against a state's input and the context object.
// https://docs.aws.amazon.com/step-functions/latest/dg/intrinsic-functions.html
// Modelled:     [x] all 18 functions with their argument checks  [x] nesting (<= 10 calls)
//               [x] '...' literals with \' \{ \} \\ escapes  [x] $ and $$ path arguments
// Not modelled: [ ] JSONata $-functions  [ ] workflow variables ($name) as arguments
#pragma once

#include <nlohmann/json.hpp>

#include "stepfunctions/jsonpath.h"

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace sim::sfn {

struct IntrinsicCall;

struct IntrinsicArg {
    enum class Kind { Literal, Path, Call };
    Kind kind = Kind::Literal;
    nlohmann::json literal;        // Literal: string / number / boolean / null
    std::string format_template;   // Literal strings: text keeping \{ \} escapes (States.Format)
    std::optional<JsonPath> path;  // Path: `$...` (state input) or `$$...` (context object)
    std::shared_ptr<const IntrinsicCall> call;
};

struct IntrinsicCall {
    std::string name;  // "States.Format"
    std::vector<IntrinsicArg> args;
    std::string text;  // the whole call as written
};

// Deterministic random source: returns 64 uniformly random bits (MathRandom, UUID).
using RandomBits = std::function<std::uint64_t()>;

// True when `text` is written as an intrinsic call ("States." prefix), not a path.
bool is_intrinsic_text(std::string_view text);

// Parses a call; on failure returns nullptr and sets *error, e.g.
// "unknown intrinsic function 'States.Foo'" or "States.ArrayRange expects 3 arguments, got 2".
std::shared_ptr<const IntrinsicCall> parse_intrinsic(std::string_view text, std::string* error);

struct IntrinsicResult {
    bool ok = false;
    nlohmann::json value;
    std::string error;  // why the call failed (bad argument type/value, path not found)
};

// Evaluates a parsed call. `input` is what `$` means and `context` what `$$` means.
IntrinsicResult evaluate_intrinsic(const IntrinsicCall& call, const nlohmann::json& input,
                                   const nlohmann::json& context, const RandomBits& random);

// One function applied to already-evaluated arguments (intrinsic_functions.cpp).
IntrinsicResult apply_intrinsic(const IntrinsicCall& call, const std::vector<nlohmann::json>& args,
                                const RandomBits& random);

}  // namespace sim::sfn
