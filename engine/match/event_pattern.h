// event_pattern.h — EventBridge event patterns: compile once (validating as PutRule does), then
// match many events. https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-event-patterns.html
// Modelled:     [x] every documented comparison operator (see match/condition.h)  [x] $or
//               [x] dotted keys == nesting  [x] arrays in events, array-consistent matching
//               [x] exists on leaves only  [x] AWS's validation errors  [x] 2,048-char pattern quota
//               [x] wildcard "Rule is too complex" check (limit inferred, see wildcard_complexity.h)
// Not modelled: [ ] EventBridge Pipes' smaller operator set  [ ] JSON-string `detail` parsing (AWS
//               does not parse it either)
#pragma once

#include "match/match_error.h"
#include "match/rule_set.h"

#include <nlohmann/json.hpp>

#include <string_view>
#include <variant>

namespace sim::match {

// EventBridge quota "Event pattern size": 2,048 characters (adjustable).
inline constexpr std::size_t kMaxEventPatternChars = 2048;

class EventPattern {
public:
    // Validates and compiles a pattern object. Errors name the JSON path, the bad value and what
    // was expected; `aws_reason` carries the text AWS returns. Never throws. `max_chars` is the
    // size quota (EventBridge's by default; Lambda event filters allow 4,096).
    static std::variant<EventPattern, MatchError> compile(const nlohmann::json& pattern,
                                                          std::size_t max_chars = kMaxEventPatternChars);

    // Same, from the pattern's JSON text (as in a rule's EventPattern property); the size quota
    // is checked on this text.
    static std::variant<EventPattern, MatchError> compile_text(std::string_view text,
                                                               std::size_t max_chars = kMaxEventPatternChars);

    // True when the event matches. `event` is the full event object (envelope + detail); a
    // non-object never matches. Allocation-free; never throws.
    bool matches(const nlohmann::json& event) const;

    const RuleSet& rules() const { return rules_; }

private:
    explicit EventPattern(RuleSet rules) : rules_(std::move(rules)) {}
    RuleSet rules_;
};

}  // namespace sim::match
