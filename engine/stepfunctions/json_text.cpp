// json_text.cpp — Java-style number text and States.Format argument text.
#include "stepfunctions/json_text.h"

#include <cmath>
#include <cstdio>
#include <cstdlib>

namespace sim::sfn {

namespace {

// Shortest decimal digits that round-trip `v` (v finite, > 0): digits "d1d2..." and exponent e
// such that v = 0.d1d2... * 10^(e+1), i.e. d1.d2... * 10^e.
void shortest_digits(double v, std::string& digits, int& exponent) {
    char buf[64];
    for (int precision = 0; precision <= 17; ++precision) {
        std::snprintf(buf, sizeof buf, "%.*e", precision, v);
        if (std::strtod(buf, nullptr) == v || precision == 17) break;
    }
    // buf looks like "d.ddddde+XX".
    std::string text(buf);
    auto e_pos = text.find('e');
    std::string mantissa = text.substr(0, e_pos);
    exponent = std::atoi(text.c_str() + e_pos + 1);
    digits.clear();
    for (char c : mantissa)
        if (c != '.') digits.push_back(c);
    while (digits.size() > 1 && digits.back() == '0') digits.pop_back();
}

std::string java_double_text(double v) {
    if (std::isnan(v)) return "NaN";
    if (std::isinf(v)) return v > 0 ? "Infinity" : "-Infinity";
    if (v == 0) return std::signbit(v) ? "-0.0" : "0.0";
    std::string sign = v < 0 ? "-" : "";
    double a = std::fabs(v);
    std::string digits;
    int exp10 = 0;
    shortest_digits(a, digits, exp10);
    if (a >= 1e-3 && a < 1e7) {
        std::string out;
        if (exp10 >= 0) {
            std::string int_part =
                digits.substr(0, std::min<std::size_t>(digits.size(), static_cast<std::size_t>(exp10) + 1));
            while (int_part.size() < static_cast<std::size_t>(exp10) + 1) int_part.push_back('0');
            std::string frac = digits.size() > static_cast<std::size_t>(exp10) + 1
                                   ? digits.substr(static_cast<std::size_t>(exp10) + 1)
                                   : "0";
            out = int_part + "." + frac;
        } else {
            out = "0." + std::string(static_cast<std::size_t>(-exp10 - 1), '0') + digits;
        }
        return sign + out;
    }
    std::string frac = digits.size() > 1 ? digits.substr(1) : "0";
    return sign + digits.substr(0, 1) + "." + frac + "E" + std::to_string(exp10);
}

}  // namespace

std::string java_number_text(const nlohmann::json& number) {
    if (number.is_number_integer()) return number.dump();
    if (number.is_number_float()) return java_double_text(number.get<double>());
    return number.dump();
}

std::string format_arg_text(const nlohmann::json& value) {
    switch (value.type()) {
        case nlohmann::json::value_t::string:
            return value.get<std::string>();
        case nlohmann::json::value_t::null:
            return "null";
        case nlohmann::json::value_t::boolean:
            return value.get<bool>() ? "true" : "false";
        case nlohmann::json::value_t::number_integer:
        case nlohmann::json::value_t::number_unsigned:
        case nlohmann::json::value_t::number_float:
            return java_number_text(value);
        case nlohmann::json::value_t::object: {
            std::string out = "{";
            bool first = true;
            for (auto it = value.begin(); it != value.end(); ++it) {
                if (!first) out += ", ";
                first = false;
                out += it.key() + "=" + format_arg_text(it.value());
            }
            return out + "}";
        }
        case nlohmann::json::value_t::array: {
            std::string out = "[";
            bool first = true;
            for (const auto& item : value) {
                if (!first) out += ", ";
                first = false;
                out += format_arg_text(item);
            }
            return out + "]";
        }
        default:
            return compact_json(value);
    }
}

std::string compact_json(const nlohmann::json& value) {
    return value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

bool is_integral_number(const nlohmann::json& value) {
    if (value.is_number_integer() || value.is_number_unsigned()) return true;
    if (!value.is_number_float()) return false;
    double d = value.get<double>();
    return std::isfinite(d) && std::floor(d) == d;
}

}  // namespace sim::sfn
