// condition.h — one compiled match condition (a literal or an operator from a pattern's value
// array) and the shared rule for whether a JSON leaf satisfies it.
// Modelled:     [x] exact string/number/boolean/null  [x] prefix/suffix (+ignore case)
//               [x] equals-ignore-case  [x] wildcard  [x] numeric ranges  [x] cidr + IP literals
//               [x] exists  [x] anything-but: values, numbers, prefix, suffix, ignore-case, wildcard
// Not modelled: [ ] event-ruler's quirk of skipping IP parsing when a field also has numeric rules
#pragma once

#include "match/ip_address.h"
#include "match/leaf_value.h"
#include "match/text_ops.h"

#include <cstdint>
#include <string>
#include <vector>

namespace sim::match {

enum class Op : std::uint8_t {
    ExactString,
    ExactNumber,
    ExactBoolean,
    ExactNull,
    IpAddress,  // a pattern string that is an IP literal: matches that address in any spelling
    Prefix,
    Suffix,
    EqualsIgnoreCase,
    PrefixIgnoreCase,
    SuffixIgnoreCase,
    Wildcard,
    Numeric,
    Cidr,
    Exists,  // flag = true: any leaf; false: handled by FieldTest::absent_ok
    AnythingButStrings,
    AnythingButNumbers,
    AnythingButPrefixes,
    AnythingButSuffixes,
    AnythingButIgnoreCase,
    AnythingButWildcards,
};

// One end of a numeric range, in comparable keys (millionths); absent = unbounded.
struct NumericBound {
    bool present = false;
    bool open = false;  // true: strict (< or >)
    std::int64_t key = 0;
};

struct Condition {
    Op op = Op::ExactNull;
    bool flag = false;  // ExactBoolean value; Exists true/false
    std::string text;   // ExactString, Prefix, Suffix, *IgnoreCase operand
    LeafValue number;   // ExactNumber (kind Number)
    NumericBound low;   // Numeric
    NumericBound high;
    CidrRange range;                         // Cidr, IpAddress
    std::vector<std::string> texts;          // AnythingBut{Strings,Prefixes,Suffixes,IgnoreCase}
    std::vector<std::int64_t> keys;          // AnythingButNumbers (comparable keys)
    std::vector<WildcardPattern> wildcards;  // Wildcard (one), AnythingButWildcards (several)
};

// Whether one leaf value satisfies the condition. String operators (prefix, suffix, wildcard,
// ignore-case, cidr) only ever match strings; numeric ones only JSON numbers; every anything-but
// form matches any leaf of another type (including null), as in event-ruler.
bool condition_matches(const Condition& condition, const LeafValue& leaf);

}  // namespace sim::match
