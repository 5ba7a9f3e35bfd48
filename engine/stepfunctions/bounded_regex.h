// bounded_regex.h — the regular expressions of a JSONPath `=~` filter, matched without recursion
// or backtracking. Step Functions evaluates paths with Jayway JsonPath, whose `=~` is a Java
// Pattern matched against the WHOLE string (Matcher.matches), `/…/i` adding CASE_INSENSITIVE
// (ASCII-only by default). std::regex recursed once per input character (libstdc++), which a long
// string turns into a stack overflow in wasm's 1 MB stack; this is a Thompson NFA (Pike VM):
// time O(pattern × input), memory O(pattern), no recursion while matching.
//
// Supported: literals, '.', [classes] with ranges and negation, \d \w \s \D \W \S, escaped
// punctuation, \t \n \r \f \xhh \uhhhh, ^ $, groups ( ) and (?: ), alternation |, quantifiers
// * + ? {n} {n,} {n,m} (a lazy '?' suffix is accepted: it changes nothing for a whole-string
// match). Refused with a reason: lookaround, backreferences, \b and other escapes, possessive
// quantifiers, nesting deeper than 32 groups, patterns whose expansion exceeds 10,000 steps.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <variant>

namespace sim::sfn {

class BoundedRegex {
public:
    // The compiled pattern, or why it was refused.
    static std::variant<BoundedRegex, std::string> compile(std::string_view pattern, bool ignore_case);
    // True when the whole of `text` (UTF-8, matched by code point) matches.
    bool full_match(std::string_view text) const;

    struct Program;

private:
    std::shared_ptr<const Program> program_;
};

}  // namespace sim::sfn
