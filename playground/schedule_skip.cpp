// schedule_skip.cpp — see schedule_skip.h. Reads scheduled rules the way the event bus does
// (eventbridge_rules.cpp): "Rules" entries with a ScheduleExpression, and the edge shorthand (an
// "out" link whose config has one). Rules the bus would refuse (bad or at() expressions) are skipped.
#include "schedule_skip.h"

#include "schedule/schedule_expression.h"
#include "schedule/utc_time.h"
#include "services/all_services.h"

#include <functional>

namespace pg {
namespace {

using Visit =
    std::function<void(const std::string& bus, const std::string& rule, const sim::schedule::ScheduleExpression& expr)>;

void visit_rule(const std::string& bus, const sim::Json& rule, const std::string& default_name, const Visit& f) {
    if (!rule.is_object() || rule.value("State", std::string("ENABLED")) == "DISABLED") return;
    const auto s = rule.find("ScheduleExpression");
    if (s == rule.end() || !s->is_string()) return;
    auto parsed = sim::schedule::ScheduleExpression::parse(s->get<std::string>());
    const auto* expr = std::get_if<sim::schedule::ScheduleExpression>(&parsed);
    if (!expr || expr->is_at()) return;
    f(bus, rule.value("Name", default_name), *expr);
}

void visit_schedules(const sim::Pattern& p, const Visit& f) {
    for (const auto& n : p.nodes) {
        if (sim::default_registry().role_of(n.type) != sim::ServiceRole::EventBus) continue;
        if (const auto rules = n.config.find("Rules"); rules != n.config.end() && rules->is_array())
            for (std::size_t i = 0; i < rules->size(); ++i)
                visit_rule(n.id, (*rules)[i], "rule-" + std::to_string(i + 1), f);
        for (const auto& e : p.edges)
            if (e.from == n.id && e.port == "out") visit_rule(n.id, e.config, n.id + "-to-" + e.to, f);
    }
}

}  // namespace

bool has_schedules(const sim::Pattern& pattern) {
    bool any = false;
    visit_schedules(pattern, [&](const std::string&, const std::string&, const auto&) { any = true; });
    return any;
}

std::optional<ScheduledFire> next_scheduled_fire(const sim::Pattern& pattern, sim::SimTime after) {
    const std::optional<std::int64_t> start = sim::schedule::parse_utc(pattern.settings.start_time);
    if (!start) return std::nullopt;
    // As the bus computes it: whole seconds since t = 0, the next fire strictly after them.
    const std::int64_t after_unix = *start + after.us / 1000000;
    std::optional<ScheduledFire> best;
    visit_schedules(pattern, [&](const std::string& bus, const std::string& rule, const auto& expr) {
        const std::optional<std::int64_t> next = expr.next_after(after_unix, *start);
        if (!next) return;
        const sim::SimTime at = sim::sec(*next - *start);
        if (at <= after || (best && best->at <= at)) return;
        best = ScheduledFire{at, bus, rule, sim::schedule::format_utc(*next)};
    });
    return best;
}

}  // namespace pg
