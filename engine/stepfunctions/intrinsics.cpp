// intrinsics.cpp — intrinsic call syntax (parser, arity checks) and argument evaluation.
#include "stepfunctions/intrinsics.h"

#include <cctype>
#include <map>

namespace sim::sfn {

namespace {

using nlohmann::json;

// Documented arities: {min, max}; max -1 = unbounded.
const std::map<std::string, std::pair<int, int>>& arities() {
    static const std::map<std::string, std::pair<int, int>> table = {
        {"States.Format", {1, -1}},     {"States.StringToJson", {1, 1}},   {"States.JsonToString", {1, 1}},
        {"States.Array", {0, -1}},      {"States.ArrayPartition", {2, 2}}, {"States.ArrayContains", {2, 2}},
        {"States.ArrayRange", {3, 3}},  {"States.ArrayGetItem", {2, 2}},   {"States.ArrayLength", {1, 1}},
        {"States.ArrayUnique", {1, 1}}, {"States.Base64Encode", {1, 1}},   {"States.Base64Decode", {1, 1}},
        {"States.Hash", {2, 2}},        {"States.JsonMerge", {3, 3}},      {"States.MathRandom", {2, 3}},
        {"States.MathAdd", {2, 2}},     {"States.StringSplit", {2, 2}},    {"States.UUID", {0, 0}},
    };
    return table;
}

constexpr int kMaxNesting = 10;  // AWS: up to 10 intrinsic functions nested within one field

struct CallParser {
    std::string_view s;
    std::size_t i = 0;
    std::string error;
    int calls = 0;

    void ws() {
        while (i < s.size() && std::isspace(static_cast<unsigned char>(s[i]))) ++i;
    }
    bool fail(const std::string& what) {
        if (error.empty()) error = what;
        return false;
    }

    bool string_literal(IntrinsicArg& arg) {
        ++i;  // opening quote
        std::string value, tmpl;
        while (i < s.size() && s[i] != '\'') {
            if (s[i] == '\\' && i + 1 < s.size()) {
                char next = s[i + 1];
                value.push_back(next);
                if (next == '{' || next == '}') tmpl.push_back('\\');
                tmpl.push_back(next);
                i += 2;
                continue;
            }
            value.push_back(s[i]);
            tmpl.push_back(s[i]);
            ++i;
        }
        if (i >= s.size()) return fail("unterminated string literal in '" + std::string(s) + "'");
        ++i;
        arg.kind = IntrinsicArg::Kind::Literal;
        arg.literal = value;
        arg.format_template = tmpl;
        return true;
    }

    bool path_arg(IntrinsicArg& arg) {
        // The path runs to the next top-level ',' or ')' (brackets and quotes may contain them).
        std::size_t start = i, depth = 0;
        char quote = 0;
        for (; i < s.size(); ++i) {
            char c = s[i];
            if (quote) {
                if (c == '\\')
                    ++i;
                else if (c == quote)
                    quote = 0;
                continue;
            }
            if (c == '\'' || c == '"')
                quote = c;
            else if (c == '[' || c == '(')
                ++depth;
            else if ((c == ']' || c == ')') && depth > 0)
                --depth;
            else if (depth == 0 && (c == ',' || c == ')' || std::isspace(static_cast<unsigned char>(c))))
                break;
        }
        std::string text(s.substr(start, i - start));
        std::string err;
        auto path = JsonPath::parse(text, &err);
        if (!path) return fail("invalid path argument '" + text + "': " + err);
        arg.kind = IntrinsicArg::Kind::Path;
        arg.path = std::move(path);
        return true;
    }

    bool literal_word(IntrinsicArg& arg) {
        std::size_t start = i;
        while (i < s.size() && s[i] != ',' && s[i] != ')' && !std::isspace(static_cast<unsigned char>(s[i]))) ++i;
        std::string word(s.substr(start, i - start));
        json v = json::parse(word, nullptr, false);
        if (v.is_discarded() || v.is_object() || v.is_array() || v.is_string())
            return fail("invalid argument '" + word + "'");
        arg.kind = IntrinsicArg::Kind::Literal;
        arg.literal = v;
        return true;
    }

    std::shared_ptr<const IntrinsicCall> call(int depth) {
        if (depth > kMaxNesting || ++calls > kMaxNesting) {
            fail("more than 10 nested intrinsic functions");
            return nullptr;
        }
        std::size_t start = i;
        while (i < s.size() && (std::isalnum(static_cast<unsigned char>(s[i])) || s[i] == '.')) ++i;
        auto out = std::make_shared<IntrinsicCall>();
        out->name = std::string(s.substr(start, i - start));
        auto found = arities().find(out->name);
        if (found == arities().end()) {
            fail("unknown intrinsic function '" + out->name + "'");
            return nullptr;
        }
        ws();
        if (i >= s.size() || s[i] != '(') {
            fail("expected '(' after " + out->name);
            return nullptr;
        }
        ++i;
        ws();
        if (i < s.size() && s[i] == ')') {
            ++i;
        } else {
            for (;;) {
                ws();
                IntrinsicArg arg;
                if (i >= s.size()) {
                    fail("unterminated call to " + out->name);
                    return nullptr;
                }
                bool ok = true;
                if (s[i] == '\'')
                    ok = string_literal(arg);
                else if (s[i] == '$')
                    ok = path_arg(arg);
                else if (s.substr(i, 7) == "States.") {
                    arg.kind = IntrinsicArg::Kind::Call;
                    arg.call = call(depth + 1);
                    ok = arg.call != nullptr;
                } else
                    ok = literal_word(arg);
                if (!ok) return nullptr;
                out->args.push_back(std::move(arg));
                ws();
                if (i < s.size() && s[i] == ',') {
                    ++i;
                    continue;
                }
                if (i < s.size() && s[i] == ')') {
                    ++i;
                    break;
                }
                fail("expected ',' or ')' in call to " + out->name);
                return nullptr;
            }
        }
        int n = static_cast<int>(out->args.size());
        auto [lo, hi] = found->second;
        if (n < lo || (hi >= 0 && n > hi)) {
            std::string expected = lo == hi ? std::to_string(lo)
                                   : hi < 0 ? "at least " + std::to_string(lo)
                                            : std::to_string(lo) + " to " + std::to_string(hi);
            fail(out->name + " expects " + expected + " argument" + (lo == 1 && hi == 1 ? "" : "s") + ", got " +
                 std::to_string(n));
            return nullptr;
        }
        out->text = std::string(s.substr(start, i - start));
        return out;
    }
};

}  // namespace

bool is_intrinsic_text(std::string_view text) {
    return text.substr(0, 7) == "States.";
}

std::shared_ptr<const IntrinsicCall> parse_intrinsic(std::string_view text, std::string* error) {
    CallParser p{text, 0, {}, 0};
    p.ws();
    auto call = p.call(1);
    if (call) {
        p.ws();
        if (p.i != text.size()) {
            p.fail("unexpected text after the call: '" + std::string(text.substr(p.i)) + "'");
            call = nullptr;
        }
    }
    if (!call && error) *error = p.error;
    return call;
}

IntrinsicResult evaluate_intrinsic(const IntrinsicCall& call, const json& input, const json& context,
                                   const RandomBits& random) {
    std::vector<json> args;
    args.reserve(call.args.size());
    for (const auto& arg : call.args) {
        switch (arg.kind) {
            case IntrinsicArg::Kind::Literal:
                args.push_back(arg.literal);
                break;
            case IntrinsicArg::Kind::Path: {
                bool ctx = arg.path->root() == JsonPath::Root::Context;
                auto found = arg.path->find(ctx ? context : input);
                if (!found.found) {
                    IntrinsicResult r;
                    r.error = "the JsonPath argument '" + arg.path->text() + "' of " + call.name +
                              " could not be found in the " + (ctx ? "context object" : "input") + ": " + found.error;
                    return r;
                }
                args.push_back(std::move(found.value));
                break;
            }
            case IntrinsicArg::Kind::Call: {
                auto inner = evaluate_intrinsic(*arg.call, input, context, random);
                if (!inner.ok) return inner;
                args.push_back(std::move(inner.value));
                break;
            }
        }
    }
    return apply_intrinsic(call, args, random);
}

}  // namespace sim::sfn
