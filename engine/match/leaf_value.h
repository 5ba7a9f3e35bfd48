// leaf_value.h — a non-owning view of one JSON leaf (string, number, boolean or null) as the
// matcher sees it, plus the numeric helpers shared by EventBridge and SNS.
#pragma once

#include <nlohmann/json.hpp>

#include <cstdint>
#include <optional>
#include <string_view>

namespace sim::match {

enum class LeafKind : std::uint8_t { String, Number, Boolean, Null };

// Cheap to copy; `text` points into the JSON value it was made from (strings only).
struct LeafValue {
    LeafKind kind = LeafKind::Null;
    std::string_view text;    // String only
    double number = 0.0;      // Number only
    bool is_integer = false;  // Number only: `integer` holds the exact value
    std::int64_t integer = 0;
    bool boolean = false;  // Boolean only
};

// Views a primitive JSON value; objects and arrays give nullopt (they are not leaves).
std::optional<LeafValue> leaf_from_json(const nlohmann::json& value);

// Leaves built by hand (SNS attributes). `text` must outlive the LeafValue.
LeafValue string_leaf(std::string_view text);
LeafValue number_leaf(double value);

// Numbers are compared as AWS's event-ruler compares them: scaled to millionths, so two values
// are equal when they agree to 6 decimal places. Only values in [-5e9, 5e9] have such a key
// (event-ruler README, "Numeric matching"); others give nullopt and never match `numeric`.
inline constexpr double kNumericLimit = 5.0e9;
std::optional<std::int64_t> comparable_key(double value);

// Strict JSON-number grammar (no spaces, no hex, no "inf"); used for SNS `Number` attribute
// values, which arrive as text such as "3.015e2". Returns nullopt for anything else.
std::optional<double> parse_json_number(std::string_view text);

// Two JSON numbers denote the same value (within the 6-decimal key when both have one).
bool numbers_equal(const LeafValue& a, const LeafValue& b);

}  // namespace sim::match
