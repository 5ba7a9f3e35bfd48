// fuzz_schedule.cpp — libFuzzer target for schedule expressions (engine/schedule): arbitrary text
// through ScheduleExpression::parse; an accepted expression's fire times must strictly increase
// (next_after(t) > t), from a few instants including the ends of the supported range.
#include "schedule/schedule_expression.h"

#include <cstdint>
#include <cstdlib>
#include <string_view>
#include <variant>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    namespace sch = sim::schedule;
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    auto parsed = sch::ScheduleExpression::parse(text);
    if (auto* e = std::get_if<sch::ScheduleError>(&parsed)) {
        if (e->message.empty()) std::abort();  // a refusal always says why
        return 0;
    }
    const auto& expr = std::get<sch::ScheduleExpression>(parsed);
    if (expr.text() != text) std::abort();
    // 1970, 2024-01-01, 2199-12-31 (the last year cron accepts) and a time before 1970.
    for (std::int64_t start :
         {std::int64_t{0}, std::int64_t{1704067200}, std::int64_t{7258032000}, std::int64_t{-86400}}) {
        std::int64_t t = start;
        for (int k = 0; k < 5; ++k) {
            const auto next = expr.next_after(t, start);
            if (!next) break;
            if (*next <= t) std::abort();
            t = *next;
        }
    }
    return 0;
}
