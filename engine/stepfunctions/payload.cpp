// payload.cpp — payload templates, path-or-intrinsic values and the I/O path fields.
#include "stepfunctions/payload.h"

#include "stepfunctions/json_text.h"

namespace sim::sfn {

using nlohmann::json;

namespace {

bool is_dollar_key(const std::string& key) {
    return key.size() > 2 && key.compare(key.size() - 2, 2, ".$") == 0;
}

bool compile_node(const json& node, const std::string& where, std::map<std::string, ValueExpr>& out,
                  std::string* error) {
    if (node.is_array()) {
        for (std::size_t k = 0; k < node.size(); ++k)
            if (!compile_node(node[k], where + "/" + std::to_string(k), out, error)) return false;
        return true;
    }
    if (!node.is_object()) return true;
    for (auto it = node.begin(); it != node.end(); ++it) {
        std::string field_where = where + "/" + it.key();
        if (is_dollar_key(it.key())) {
            if (!it.value().is_string()) {
                *error = field_where + ": the value for the field '" + it.key() +
                         "' must be a valid JSONPath or a valid intrinsic function call";
                return false;
            }
            const std::string text = it.value().get<std::string>();
            if (out.count(text)) continue;
            std::string why;
            auto expr = ValueExpr::parse(text, &why);
            if (!expr) {
                *error = field_where + ": the value for the field '" + it.key() +
                         "' must be a valid JSONPath or a valid intrinsic function call (" + why + ")";
                return false;
            }
            out.emplace(text, std::move(*expr));
        } else if (!compile_node(it.value(), field_where, out, error)) {
            return false;
        }
    }
    return true;
}

}  // namespace

std::optional<ValueExpr> ValueExpr::parse(const std::string& text, std::string* error) {
    ValueExpr expr;
    expr.text = text;
    if (is_intrinsic_text(text)) {
        expr.call = parse_intrinsic(text, error);
        if (!expr.call) return std::nullopt;
        return expr;
    }
    expr.path = JsonPath::parse(text, error);
    if (!expr.path) return std::nullopt;
    return expr;
}

ValueResult evaluate_value(const ValueExpr& expr, const std::string& field, const json& input, const json& context,
                           const RandomBits& random) {
    ValueResult r;
    if (expr.call) {
        auto res = evaluate_intrinsic(*expr.call, input, context, random);
        if (!res.ok) {
            r.error = "The function '" + expr.call->text + "' for the field '" + field + "' failed: " + res.error;
            return r;
        }
        r.ok = true;
        r.value = std::move(res.value);
        return r;
    }
    bool ctx = expr.path->root() == JsonPath::Root::Context;
    auto found = expr.path->find(ctx ? context : input);
    if (!found.found) {
        r.error = "The JSONPath '" + expr.text + "' specified for the field '" + field +
                  "' could not be found in the " + (ctx ? "context object" : "input") + " '" +
                  compact_json(ctx ? context : input) + "'";
        return r;
    }
    r.ok = true;
    r.value = std::move(found.value);
    return r;
}

std::optional<PayloadTemplate> PayloadTemplate::compile(const json& tmpl, std::string* error) {
    PayloadTemplate out;
    out.template_ = tmpl;
    std::string why;
    if (!compile_node(tmpl, "", out.exprs_, &why)) {
        if (error) *error = why;
        return std::nullopt;
    }
    return out;
}

namespace {

bool eval_node(const json& node, const std::map<std::string, ValueExpr>& exprs, const json& input, const json& context,
               const RandomBits& random, json& out, std::string& error) {
    if (node.is_array()) {
        out = json::array();
        for (const auto& item : node) {
            json v;
            if (!eval_node(item, exprs, input, context, random, v, error)) return false;
            out.push_back(std::move(v));
        }
        return true;
    }
    if (!node.is_object()) {
        out = node;
        return true;
    }
    out = json::object();
    for (auto it = node.begin(); it != node.end(); ++it) {
        if (is_dollar_key(it.key()) && it.value().is_string()) {
            auto found = exprs.find(it.value().get<std::string>());
            if (found == exprs.end()) {
                error = "the field '" + it.key() + "' was not compiled";
                return false;
            }
            auto r = evaluate_value(found->second, it.key(), input, context, random);
            if (!r.ok) {
                error = r.error;
                return false;
            }
            out[it.key().substr(0, it.key().size() - 2)] = std::move(r.value);
        } else {
            json v;
            if (!eval_node(it.value(), exprs, input, context, random, v, error)) return false;
            out[it.key()] = std::move(v);
        }
    }
    return true;
}

}  // namespace

ValueResult PayloadTemplate::evaluate(const json& input, const json& context, const RandomBits& random) const {
    ValueResult r;
    r.ok = eval_node(template_, exprs_, input, context, random, r.value, r.error);
    return r;
}

ValueResult select_path(const OptionalPath& p, const json& doc, const json& context) {
    ValueResult r;
    if (p.kind == OptionalPath::Kind::Default) return {true, doc, {}};
    if (p.kind == OptionalPath::Kind::Null) return {true, json::object(), {}};
    bool ctx = p.path->root() == JsonPath::Root::Context;
    auto found = p.path->find(ctx ? context : doc);
    if (!found.found) {
        r.error = "Invalid path '" + p.path->text() + "' : " + found.error;
        return r;
    }
    r.ok = true;
    r.value = std::move(found.value);
    return r;
}

ValueResult apply_result_path(const OptionalPath& p, const json& raw_input, json result) {
    if (p.kind == OptionalPath::Kind::Default) return {true, std::move(result), {}};
    if (p.kind == OptionalPath::Kind::Null) return {true, raw_input, {}};
    json doc = raw_input;
    if (p.path->segments().empty()) return {true, std::move(result), {}};
    if (auto why = p.path->assign(doc, std::move(result))) {
        ValueResult r;
        r.error =
            "Unable to apply ResultPath '" + p.path->text() + "' to input '" + compact_json(raw_input) + "': " + *why;
        return r;
    }
    return {true, std::move(doc), {}};
}

}  // namespace sim::sfn
