// payload.h — JSONPath-mode data processing: `.$` payload templates (Parameters, ResultSelector,
// ItemSelector), path-or-intrinsic values (ErrorPath/CausePath) and InputPath/ResultPath/OutputPath.
// https://docs.aws.amazon.com/step-functions/latest/dg/input-output-inputpath-params.html
// https://docs.aws.amazon.com/step-functions/latest/dg/input-output-resultpath.html
#pragma once

#include <nlohmann/json.hpp>

#include "stepfunctions/intrinsics.h"
#include "stepfunctions/jsonpath.h"

#include <map>
#include <optional>
#include <string>

namespace sim::sfn {

// A `$...` / `$$...` path or a `States.X(...)` call, as accepted by `.$` fields.
struct ValueExpr {
    std::string text;
    std::optional<JsonPath> path;
    std::shared_ptr<const IntrinsicCall> call;

    // nullopt with *error set (the path or intrinsic syntax problem) on bad text.
    static std::optional<ValueExpr> parse(const std::string& text, std::string* error);
};

struct ValueResult {
    bool ok = false;
    nlohmann::json value;
    std::string error;  // the cause text AWS gives (without the "An error occurred..." prefix)
};

// Evaluates `expr` for the field `field` (e.g. "m.$", used in messages).
ValueResult evaluate_value(const ValueExpr& expr, const std::string& field, const nlohmann::json& input,
                           const nlohmann::json& context, const RandomBits& random);

// A compiled payload template: keys ending in ".$" are evaluated, everything else is literal.
class PayloadTemplate {
public:
    // nullopt with *error ("/a/b.$: the value ...") when a `.$` value is not a string, path or call.
    static std::optional<PayloadTemplate> compile(const nlohmann::json& tmpl, std::string* error);
    ValueResult evaluate(const nlohmann::json& input, const nlohmann::json& context, const RandomBits& random) const;

private:
    nlohmann::json template_;
    std::map<std::string, ValueExpr> exprs_;  // keyed by expression text
};

// InputPath / OutputPath / ResultPath: absent means "$", JSON null means "discard".
struct OptionalPath {
    enum class Kind { Default, Null, Path };
    Kind kind = Kind::Default;
    std::optional<JsonPath> path;
};

// InputPath/OutputPath selection: Default keeps `doc`, Null gives {}, a path selects.
// On a missing path returns ok=false with "Invalid path '$.x' : No results for path: $['x']".
ValueResult select_path(const OptionalPath& p, const nlohmann::json& doc, const nlohmann::json& context);

// ResultPath: Default replaces the input with `result`, Null keeps `raw_input`, a path merges
// `result` into a copy of `raw_input`. ok=false (error text) when the path cannot be applied.
ValueResult apply_result_path(const OptionalPath& p, const nlohmann::json& raw_input, nlohmann::json result);

}  // namespace sim::sfn
