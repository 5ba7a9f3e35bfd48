// leaf_value.cpp — JSON leaf views and the numeric comparison rules shared by both front ends.
#include "match/leaf_value.h"

#include <cmath>
#include <cstdlib>
#include <string>

namespace sim::match {

std::optional<LeafValue> leaf_from_json(const nlohmann::json& value) {
    LeafValue leaf;
    switch (value.type()) {
        case nlohmann::json::value_t::string:
            leaf.kind = LeafKind::String;
            leaf.text = value.get_ref<const std::string&>();
            return leaf;
        case nlohmann::json::value_t::number_integer:
            leaf.kind = LeafKind::Number;
            leaf.is_integer = true;
            leaf.integer = value.get<std::int64_t>();
            leaf.number = static_cast<double>(leaf.integer);
            return leaf;
        case nlohmann::json::value_t::number_unsigned: {
            leaf.kind = LeafKind::Number;
            const auto u = value.get<std::uint64_t>();
            leaf.number = static_cast<double>(u);
            if (u <= static_cast<std::uint64_t>(INT64_MAX)) {
                leaf.is_integer = true;
                leaf.integer = static_cast<std::int64_t>(u);
            }
            return leaf;
        }
        case nlohmann::json::value_t::number_float:
            leaf.kind = LeafKind::Number;
            leaf.number = value.get<double>();
            return leaf;
        case nlohmann::json::value_t::boolean:
            leaf.kind = LeafKind::Boolean;
            leaf.boolean = value.get<bool>();
            return leaf;
        case nlohmann::json::value_t::null:
            leaf.kind = LeafKind::Null;
            return leaf;
        default:
            return std::nullopt;
    }
}

LeafValue string_leaf(std::string_view text) {
    LeafValue leaf;
    leaf.kind = LeafKind::String;
    leaf.text = text;
    return leaf;
}

LeafValue number_leaf(double value) {
    LeafValue leaf;
    leaf.kind = LeafKind::Number;
    leaf.number = value;
    return leaf;
}

std::optional<std::int64_t> comparable_key(double value) {
    if (!std::isfinite(value) || value < -kNumericLimit || value > kNumericLimit) return std::nullopt;
    // |value * 1e6| <= 5e15 < 2^53, so the scaled double is exact to within one unit.
    return static_cast<std::int64_t>(std::llround(value * 1e6));
}

std::optional<double> parse_json_number(std::string_view text) {
    std::size_t i = 0;
    const std::size_t n = text.size();
    auto digit = [&](std::size_t k) { return k < n && text[k] >= '0' && text[k] <= '9'; };
    if (i < n && text[i] == '-') ++i;
    if (!digit(i)) return std::nullopt;
    if (text[i] == '0') {
        ++i;
    } else {
        while (digit(i)) ++i;
    }
    if (i < n && text[i] == '.') {
        ++i;
        if (!digit(i)) return std::nullopt;
        while (digit(i)) ++i;
    }
    if (i < n && (text[i] == 'e' || text[i] == 'E')) {
        ++i;
        if (i < n && (text[i] == '+' || text[i] == '-')) ++i;
        if (!digit(i)) return std::nullopt;
        while (digit(i)) ++i;
    }
    if (i != n) return std::nullopt;
    const std::string copy(text);  // strtod needs a terminated buffer; the grammar is C-locale safe
    const double parsed = std::strtod(copy.c_str(), nullptr);
    if (!std::isfinite(parsed)) return std::nullopt;
    return parsed;
}

bool numbers_equal(const LeafValue& a, const LeafValue& b) {
    const auto ka = comparable_key(a.number);
    const auto kb = comparable_key(b.number);
    if (ka && kb) return *ka == *kb;
    if (a.is_integer && b.is_integer) return a.integer == b.integer;
    return a.number == b.number;
}

}  // namespace sim::match
