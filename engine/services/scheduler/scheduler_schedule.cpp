// scheduler_schedule.cpp — reading schedules and targets (AWS::Scheduler::Schedule's properties).
// AWS: scheduler/latest/APIReference/API_CreateSchedule.html, API_Target.html,
//      scheduler/latest/UserGuide/managing-targets-universal.html
#include "services/scheduler/scheduler_schedule.h"

#include "pattern/config_reader.h"

#include <algorithm>
#include <cctype>

namespace sim::svc::sched {
namespace {

constexpr std::string_view kUniversal = "arn:aws:scheduler:::aws-sdk:";

// `text` is `id` itself or ends with it after ':' or '/' (a function ARN, a queue URL).
bool names(const std::string& text, const std::string& id) {
    if (text == id) return true;
    if (id.empty() || text.size() <= id.size() || text.compare(text.size() - id.size(), id.size(), id) != 0)
        return false;
    const char before = text[text.size() - id.size() - 1];
    return before == ':' || before == '/';
}

const Link* wired(const std::vector<Link>& links, const std::string& port, const std::string& arn) {
    for (const Link& l : links)
        if (l.port == port && l.target_id == arn) return &l;
    for (const Link& l : links)
        if (l.port == port && names(arn, l.target_id)) return &l;
    return nullptr;
}

void read_target(ConfigReader& r, const std::vector<Link>& links, const Registry& registry, const std::string& node,
                 Target& t) {
    const Json* tj = r.raw("Target");
    if (!tj || !tj->is_object()) {
        r.error("Target", "a schedule needs a Target object with an Arn", "\"Target\": {\"Arn\": \"<node id>\"}");
        return;
    }
    ConfigReader tr(*tj, r.path_of("Target"), r.diagnostics());
    t.arn = tr.text("Arn", "");
    tr.raw("RoleArn");
    if (const Json* in = tr.raw("Input")) {
        if (in->is_string()) {
            Json v = Json::parse(in->get<std::string>(), nullptr, false);
            t.input = v.is_discarded() ? *in : v;  // "the text, or well-formed JSON, passed to the target"
        } else {
            t.input = *in;
        }
    } else {
        t.input = Json::object();
    }
    if (t.arn.rfind(kUniversal, 0) == 0) {
        // arn:aws:scheduler:::aws-sdk:<service>:<apiAction>: the action on whichever wired node offers it.
        const std::string rest = t.arn.substr(kUniversal.size());
        const std::size_t colon = rest.find(':');
        std::string action = colon == std::string::npos ? "" : rest.substr(colon + 1);
        if (!action.empty()) action[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(action[0])));
        t.action = action;
        std::vector<const Link*> offer;
        for (const Link& l : links) {
            const ServiceKind* k = l.port == "out" ? registry.find(l.target_type) : nullptr;
            if (k && k->operation(action)) offer.push_back(&l);
        }
        const std::string text = t.input.dump();
        if (offer.size() > 1)
            offer.erase(std::remove_if(offer.begin(), offer.end(),
                                       [&](const Link* l) {
                                           return text.find("\"" + l->target_id + "\"") == std::string::npos &&
                                                  text.find("/" + l->target_id + "\"") == std::string::npos &&
                                                  text.find(":" + l->target_id + "\"") == std::string::npos;
                                       }),
                        offer.end());
        if (action.empty())
            tr.error("Arn",
                     "a universal target is arn:aws:scheduler:::aws-sdk:<service>:<apiAction>, got '" + t.arn + "'");
        else if (offer.empty())
            tr.error("Arn", "no node wired to '" + node + "' offers the action " + action,
                     "wire the node whose API has " + action + " to " + node);
        else if (offer.size() > 1)
            tr.error("Arn", "several wired nodes offer " + action + "; name one of them in Input",
                     "e.g. the QueueUrl or TableName of the node to call");
        else
            t.link = offer.front();
    } else {
        t.link = wired(links, "out", t.arn);
        if (!t.link)
            tr.error("Arn", "target '" + t.arn + "' is not wired to scheduler '" + node + "'",
                     "add an edge from " + node + " to the target node (Arn names its node id)");
    }
    if (const Json* rp = tr.raw("RetryPolicy"); rp && rp->is_object()) {
        ConfigReader rr(*rp, tr.path_of("RetryPolicy"), r.diagnostics());
        t.max_retries = static_cast<int>(rr.integer("MaximumRetryAttempts", 185, 0, 185, ""));
        t.max_age = sec(rr.integer("MaximumEventAgeInSeconds", 86400, 60, 86400, "s"));
        rr.finish();
    }
    if (const Json* dl = tr.raw("DeadLetterConfig")) {
        const std::string q =
            dl->is_object() && dl->contains("Arn") && (*dl)["Arn"].is_string() ? (*dl)["Arn"].get<std::string>() : "";
        t.dlq = wired(links, "dlq", q);
        if (!t.dlq)
            tr.error("DeadLetterConfig", "dead-letter queue '" + q + "' is not wired to '" + node + "' on its dlq port",
                     "add an edge {\"from\": \"" + node + "\", \"port\": \"dlq\", \"to\": \"" + q + "\"}");
    }
    if (const Json* eb = tr.raw("EventBridgeParameters")) t.eventbridge = *eb;
    for (const char* k : {"SqsParameters", "KinesisParameters", "EcsParameters", "SageMakerPipelineParameters"})
        tr.raw(k);
    tr.finish();
}

}  // namespace

std::optional<std::int64_t> Schedule::next_after(std::int64_t after) const {
    if (!expr) return std::nullopt;
    // rate(): with a StartDate the first invocation is the StartDate itself, else one interval
    // after the schedule was created.
    const std::int64_t anchor = start ? *start - expr->rate_seconds() : created;
    if (start) after = std::max(after, *start - 1);
    auto next = next_fire(*expr, tz, after, anchor);
    if (next && end && *next >= *end) return std::nullopt;  // EndDate: invocations happen before it
    return next;
}

Schedule read_schedule(ConfigReader& r, const std::vector<Link>& links, const Registry& registry,
                       const std::string& node, const std::string& default_name, const std::string& default_group) {
    Schedule s;
    s.name = r.text("Name", default_name);
    s.group = r.text("GroupName", default_group);
    s.arn = "arn:aws:scheduler:us-east-1:123456789012:schedule/" + s.group + "/" + s.name;
    const std::string zone = r.text("ScheduleExpressionTimezone", "UTC");
    std::string why;
    if (auto tz = find_time_zone(zone, &why))
        s.tz = *tz;
    else
        r.error("ScheduleExpressionTimezone", why);
    if (const Json* e = r.raw("ScheduleExpression"); e && e->is_string()) {
        auto res = schedule::ScheduleExpression::parse(lenient_rate(e->get<std::string>()));
        if (auto* err = std::get_if<schedule::ScheduleError>(&res))
            r.error("ScheduleExpression", "invalid schedule expression: " + err->message);
        else
            s.expr = std::get<schedule::ScheduleExpression>(std::move(res));
    } else {
        r.error("ScheduleExpression", "a schedule needs a ScheduleExpression: rate(…), cron(…) or at(…)",
                "e.g. \"rate(5 minutes)\"");
    }
    for (const char* key : {"StartDate", "EndDate"}) {
        if (!r.has(key)) continue;
        const std::string text = r.text(key, "");
        auto t = parse_iso_date(text);
        if (!t)
            r.error(key,
                    std::string(key) + " must be an ISO-8601 date such as 2026-01-01T00:00:00Z, got '" + text + "'");
        else
            (std::string_view(key) == "StartDate" ? s.start : s.end) = t;
    }
    if (s.start && s.end && *s.end <= *s.start) r.error("EndDate", "EndDate must be after StartDate");
    s.enabled = r.choice("State", "ENABLED", {"ENABLED", "DISABLED"}) == "ENABLED";
    if (const Json* fw = r.raw("FlexibleTimeWindow"); fw && fw->is_object()) {
        ConfigReader fr(*fw, r.path_of("FlexibleTimeWindow"), r.diagnostics());
        const bool flexible = fr.choice("Mode", "OFF", {"OFF", "FLEXIBLE"}) == "FLEXIBLE";
        const std::int64_t minutes = fr.integer("MaximumWindowInMinutes", flexible ? 1 : 1, 1, 1440, "min");
        if (flexible && !fr.has("MaximumWindowInMinutes"))
            fr.error("MaximumWindowInMinutes", "a FLEXIBLE window needs MaximumWindowInMinutes (1-1440)");
        s.window_s = flexible ? minutes * 60 : 0;
        fr.finish();
    }
    s.delete_after = r.choice("ActionAfterCompletion", "NONE", {"NONE", "DELETE"}) == "DELETE";
    r.raw("Description");
    r.raw("KmsKeyArn");
    read_target(r, links, registry, node, s.target);
    return s;
}

}  // namespace sim::svc::sched
