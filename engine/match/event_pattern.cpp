// event_pattern.cpp — the EventBridge front end: size quota, structure and operators (shared
// compiler), then the wildcard complexity check.
#include "match/event_pattern.h"

#include "match/rule_compile.h"
#include "match/wildcard_complexity.h"
#include "pattern/json_guard.h"

#include <map>
#include <string>
#include <vector>

namespace sim::match {

namespace {

std::size_t count_code_points(std::string_view text) {
    std::size_t n = 0;
    for (const char c : text) {
        if ((static_cast<unsigned char>(c) & 0xC0u) != 0x80u) ++n;
    }
    return n;
}

std::optional<MatchError> check_size(std::size_t chars, std::size_t max_chars) {
    if (chars <= max_chars) return std::nullopt;
    if (max_chars != kMaxEventPatternChars)
        return MatchError{"",
                          "pattern is " + std::to_string(chars) + " characters long; at most " +
                              std::to_string(max_chars) + " are allowed",
                          ""};
    return MatchError{"",
                      "pattern is " + std::to_string(chars) + " characters long; EventBridge allows at most " +
                          std::to_string(kMaxEventPatternChars) + " (quota \"Event pattern size\")",
                      ""};
}

// event-ruler keeps one byte machine per field; AWS refuses the rule when the wildcard patterns
// of any one field could keep too many prefixes alive at once.
std::optional<MatchError> check_wildcards(const RuleSet& rules) {
    std::map<std::string, std::vector<const WildcardPattern*>> by_path;
    for (const Branch& branch : rules.branches()) {
        for (const FieldTest& field : branch.fields) {
            for (const Condition& c : field.conditions) {
                if (c.op == Op::Wildcard) by_path[field.path].push_back(&c.wildcards.front());
            }
        }
    }
    for (const auto& [path, patterns] : by_path) {
        const int complexity = wildcard_complexity(patterns, kMaxWildcardComplexity);
        if (complexity > kMaxWildcardComplexity) {
            return MatchError{path,
                              "wildcards on \"" + path + "\" are too complex: an input could match " +
                                  std::to_string(complexity) + "+ wildcard prefixes at once (limit " +
                                  std::to_string(kMaxWildcardComplexity) +
                                  "); use fewer '*' or fewer repeated characters after a '*'",
                              "Rule is too complex - try using fewer wildcard characters or fewer repeating "
                              "character sequences after a wildcard character"};
        }
    }
    return std::nullopt;
}

}  // namespace

std::variant<EventPattern, MatchError> EventPattern::compile(const nlohmann::json& pattern, std::size_t max_chars) {
    if (pattern.is_object()) {
        if (auto e = check_size(
                count_code_points(pattern.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace)), max_chars))
            return *e;
    }
    auto compiled = compile_rules(pattern, Dialect::EventBridge);
    if (auto* e = std::get_if<MatchError>(&compiled)) return std::move(*e);
    RuleSet rules = std::move(std::get<RuleSet>(compiled));
    if (auto e = check_wildcards(rules)) return *e;
    return EventPattern(std::move(rules));
}

std::variant<EventPattern, MatchError> EventPattern::compile_text(std::string_view text, std::size_t max_chars) {
    if (auto e = check_size(count_code_points(text), max_chars)) return *e;
    const JsonText parsed = parse_json_text(text);
    if (!parsed.ok) return MatchError{"", "pattern is not valid JSON at " + parsed.where(), ""};
    return compile(parsed.value, max_chars);
}

bool EventPattern::matches(const nlohmann::json& event) const {
    return event.is_object() && rules_.matches(event);
}

}  // namespace sim::match
