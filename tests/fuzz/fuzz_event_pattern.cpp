// fuzz_event_pattern.cpp — libFuzzer target for the filter languages (engine/match): the first
// text as an EventBridge event pattern and as an SNS filter policy (both scopes), the second as
// the event / message attributes / message body they are matched against. Never crash or hang;
// a refusal always says why; matching the same input twice gives the same answer.
#include "fuzz_split.h"
#include "match/event_pattern.h"
#include "match/sns_filter_policy.h"
#include "pattern/json_guard.h"

#include <cstdint>
#include <cstdlib>
#include <string_view>
#include <variant>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const auto [filter_text, event_text] = fuzz::split_input({reinterpret_cast<const char*>(data), size});
    const sim::JsonText event = sim::parse_json_text(event_text);
    if (!event.ok && event.reason.empty()) std::abort();

    auto pattern = sim::match::EventPattern::compile_text(filter_text);
    if (auto* e = std::get_if<sim::match::MatchError>(&pattern)) {
        if (e->message.empty()) std::abort();
    } else if (event.ok) {
        const auto& p = std::get<sim::match::EventPattern>(pattern);
        if (p.matches(event.value) != p.matches(event.value)) std::abort();
    }

    const sim::JsonText policy = sim::parse_json_text(filter_text);
    if (!policy.ok) return 0;
    for (auto scope : {sim::match::FilterScope::MessageAttributes, sim::match::FilterScope::MessageBody}) {
        auto compiled = sim::match::SnsFilterPolicy::compile(policy.value, scope);
        if (auto* e = std::get_if<sim::match::MatchError>(&compiled)) {
            if (e->message.empty()) std::abort();
            continue;
        }
        if (!event.ok) continue;
        const auto& p = std::get<sim::match::SnsFilterPolicy>(compiled);
        (void)(scope == sim::match::FilterScope::MessageAttributes ? p.matches_attributes(event.value)
                                                                   : p.matches_body(event.value));
    }
    return 0;
}
