// condition.cpp — evaluation of one compiled condition against one leaf value.
#include "match/condition.h"

#include <algorithm>

namespace sim::match {

namespace {

bool in_bounds(const Condition& c, std::int64_t key) {
    if (c.low.present && (c.low.open ? key <= c.low.key : key < c.low.key)) return false;
    if (c.high.present && (c.high.open ? key >= c.high.key : key > c.high.key)) return false;
    return true;
}

bool string_in(const std::vector<std::string>& texts, std::string_view s) {
    return std::find(texts.begin(), texts.end(), s) != texts.end();
}

}  // namespace

bool condition_matches(const Condition& c, const LeafValue& leaf) {
    const bool is_string = leaf.kind == LeafKind::String;
    switch (c.op) {
        case Op::ExactString:
            return is_string && leaf.text == c.text;
        case Op::ExactNumber:
            return leaf.kind == LeafKind::Number && numbers_equal(leaf, c.number);
        case Op::ExactBoolean:
            return leaf.kind == LeafKind::Boolean && leaf.boolean == c.flag;
        case Op::ExactNull:
            return leaf.kind == LeafKind::Null;
        case Op::IpAddress:
        case Op::Cidr: {
            if (!is_string) return false;
            const auto address = parse_ip(leaf.text);
            return address && range_contains(c.range, *address);
        }
        case Op::Prefix:
            return is_string && leaf.text.substr(0, c.text.size()) == c.text;
        case Op::Suffix:
            return is_string && leaf.text.size() >= c.text.size() &&
                   leaf.text.substr(leaf.text.size() - c.text.size()) == c.text;
        case Op::EqualsIgnoreCase:
            return is_string && equals_ignore_case(leaf.text, c.text);
        case Op::PrefixIgnoreCase:
            return is_string && starts_with_ignore_case(leaf.text, c.text);
        case Op::SuffixIgnoreCase:
            return is_string && ends_with_ignore_case(leaf.text, c.text);
        case Op::Wildcard:
            return is_string && wildcard_matches(c.wildcards.front(), leaf.text);
        case Op::Numeric: {
            if (leaf.kind != LeafKind::Number) return false;
            const auto key = comparable_key(leaf.number);
            return key && in_bounds(c, *key);
        }
        case Op::Exists:
            return c.flag;
        case Op::AnythingButStrings:
            return !is_string || !string_in(c.texts, leaf.text);
        case Op::AnythingButNumbers: {
            if (leaf.kind != LeafKind::Number) return true;
            const auto key = comparable_key(leaf.number);
            return !key || std::find(c.keys.begin(), c.keys.end(), *key) == c.keys.end();
        }
        case Op::AnythingButPrefixes:
            return !is_string || std::none_of(c.texts.begin(), c.texts.end(),
                                              [&](const std::string& p) { return leaf.text.substr(0, p.size()) == p; });
        case Op::AnythingButSuffixes:
            return !is_string || std::none_of(c.texts.begin(), c.texts.end(), [&](const std::string& s) {
                return leaf.text.size() >= s.size() && leaf.text.substr(leaf.text.size() - s.size()) == s;
            });
        case Op::AnythingButIgnoreCase:
            return !is_string || std::none_of(c.texts.begin(), c.texts.end(),
                                              [&](const std::string& t) { return equals_ignore_case(leaf.text, t); });
        case Op::AnythingButWildcards:
            return !is_string || std::none_of(c.wildcards.begin(), c.wildcards.end(),
                                              [&](const WildcardPattern& w) { return wildcard_matches(w, leaf.text); });
    }
    return false;
}

}  // namespace sim::match
