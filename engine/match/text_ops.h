// text_ops.h — string operators shared by EventBridge and SNS: case-insensitive comparison and
// the `wildcard` glob (`*` = any run of characters, `\*` and `\\` escapes).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace sim::match {

// Case-insensitive comparisons over UTF-8 text. Folding covers ASCII, Latin-1, Latin Extended-A,
// Greek, Cyrillic, Armenian and fullwidth Latin letters (simple one-to-one case mappings only;
// event-ruler uses Java's per-character toLowerCase/toUpperCase).
bool equals_ignore_case(std::string_view a, std::string_view b);
bool starts_with_ignore_case(std::string_view text, std::string_view prefix);
bool ends_with_ignore_case(std::string_view text, std::string_view suffix);

// A compiled wildcard: literal parts between unescaped stars ("a*b*" -> {"a", "b", ""}).
struct WildcardPattern {
    std::string source;              // the operand as written
    std::vector<std::string> parts;  // parts.size() - 1 == number of stars
};

struct WildcardError {
    std::size_t pos = 0;       // AWS counts bytes in the quoted operand, so the first char is pos 1
    bool consecutive = false;  // true: "**"; false: a backslash escaping something else
};

// Parses an operand; errors follow event-ruler's WildcardParser (consecutive stars, or a
// backslash not followed by `*` or `\`).
std::variant<WildcardPattern, WildcardError> parse_wildcard(std::string_view operand);

// True when `text` matches the whole pattern. Allocation-free, linear in practice.
bool wildcard_matches(const WildcardPattern& pattern, std::string_view text);

}  // namespace sim::match
