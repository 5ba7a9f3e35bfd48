// eventbridge_rules.cpp — reading rules/targets (AWS::Events::Rule shape) and building target
// input. Input transformers substitute <var> textually, as EventBridge does: a string value
// inside quotes stays a string; the result is delivered as JSON when it parses, else as text.
// AWS: https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-transform-target-input.html
#include "services/eventbridge/eventbridge_rules.h"

#include "pattern/config_reader.h"
#include "pattern/pattern.h"
#include "services/json_path.h"

namespace sim::svc::eb {
namespace {

std::string json_escape_inner(const std::string& s) {
    const std::string quoted = Json(s).dump();
    return quoted.substr(1, quoted.size() - 2);
}

void read_target(BuildContext& ctx, const Json& tj, const std::string& path, Rule& rule) {
    ConfigReader tr(tj, path, ctx.diagnostics);
    Target t;
    t.id = tr.text("Id", "");
    const std::string arn = tr.text("Arn", "");
    for (const Link& l : ctx.links)
        if (l.port == "out" && l.target_id == arn) t.link = &l;
    if (!t.link) {
        if (!ctx.pattern.find_node(arn))
            tr.error("Arn", "target '" + arn + "' does not exist", "Arn names a node id in this pattern");
        else
            tr.error("Arn", "target '" + arn + "' is not wired to bus '" + ctx.spec.id + "'",
                     "add an edge from " + ctx.spec.id + " to " + arn);
    }
    if (t.id.empty()) t.id = arn;
    if (const Json* in = tr.raw("Input")) {
        Json v = in->is_string() ? Json::parse(in->get<std::string>(), nullptr, false) : *in;
        if (v.is_discarded())
            tr.error("Input", "Input must be valid JSON text, got " + in->dump());
        else
            t.input = v;
    }
    t.input_path = tr.text("InputPath", "");
    if (!t.input_path.empty() && !is_simple_path(t.input_path))
        tr.error("InputPath", "InputPath must be a JSONPath like \"$.detail\", got \"" + t.input_path + "\"");
    if (const Json* it = tr.raw("InputTransformer")) {
        ConfigReader xr(*it, tr.path_of("InputTransformer"), ctx.diagnostics);
        t.transformer = true;
        t.input_template = xr.text("InputTemplate", "");
        if (!xr.has("InputTemplate")) xr.error("InputTemplate", "InputTransformer needs an InputTemplate");
        if (const Json* pm = xr.raw("InputPathsMap")) {
            if (!pm->is_object() || pm->size() > 100)
                xr.error("InputPathsMap",
                         "InputPathsMap must be an object of at most 100 variables, got " + pm->dump().substr(0, 80));
            else
                for (auto kv = pm->begin(); kv != pm->end(); ++kv) {
                    if (!kv.value().is_string() || !is_simple_path(kv.value().get<std::string>())) {
                        xr.error("InputPathsMap", "InputPathsMap." + kv.key() +
                                                      " must be a JSONPath like \"$.detail.id\", got " +
                                                      kv.value().dump());
                        continue;
                    }
                    if (kv.key().rfind("aws.events.", 0) == 0)
                        xr.error("InputPathsMap", "variable name '" + kv.key() + "' is reserved");
                    t.paths_map.emplace_back(kv.key(), kv.value().get<std::string>());
                }
        }
        xr.finish();
    }
    if ((t.input ? 1 : 0) + (t.input_path.empty() ? 0 : 1) + (t.transformer ? 1 : 0) > 1)
        tr.error("Input", "a target takes at most one of Input, InputPath and InputTransformer");
    if (const Json* rp = tr.raw("RetryPolicy")) {
        ConfigReader rr(*rp, tr.path_of("RetryPolicy"), ctx.diagnostics);
        t.max_retries = static_cast<int>(rr.integer("MaximumRetryAttempts", 185, 0, 185, ""));
        t.max_age = sec(rr.integer("MaximumEventAgeInSeconds", 86400, 60, 86400, "s"));
        rr.finish();
    }
    if (const Json* dl = tr.raw("DeadLetterConfig")) {
        const std::string q =
            dl->is_object() && dl->contains("Arn") && (*dl)["Arn"].is_string() ? (*dl)["Arn"].get<std::string>() : "";
        for (const Link& l : ctx.links)
            if (l.port == "dlq" && l.target_id == q) t.dlq = &l;
        if (!t.dlq) {
            if (!ctx.pattern.find_node(q))
                tr.error("DeadLetterConfig", "dead-letter queue '" + q + "' does not exist");
            else
                tr.error("DeadLetterConfig",
                         "dead-letter queue '" + q + "' is not wired to bus '" + ctx.spec.id + "' on its dlq port",
                         "add an edge {\"from\": \"" + ctx.spec.id + "\", \"port\": \"dlq\", \"to\": \"" + q + "\"}");
        } else if (const NodeSpec* n = ctx.pattern.find_node(q); n && n->config.value("FifoQueue", false)) {
            tr.error("DeadLetterConfig",
                     "an EventBridge dead-letter queue must be a standard SQS queue, but '" + q + "' is FIFO");
        }
    }
    tr.raw("RoleArn");
    tr.finish();
    rule.targets.push_back(std::move(t));
}

void read_rule(BuildContext& ctx, const Json& rj, const std::string& path, const std::string& bus,
               std::vector<Rule>& out) {
    ConfigReader rr(rj, path, ctx.diagnostics);
    Rule rule;
    rule.name = rr.text("Name", "rule-" + std::to_string(out.size() + 1));
    rule.arn = "arn:aws:events:us-east-1:123456789012:rule/" + bus + "/" + rule.name;
    rule.enabled = rr.choice("State", "ENABLED", {"ENABLED", "DISABLED"}) == "ENABLED";
    if (const Json* p = rr.raw("EventPattern")) {
        auto res = p->is_string() ? match::EventPattern::compile_text(p->get<std::string>())
                                  : match::EventPattern::compile(*p);
        if (auto* err = std::get_if<match::MatchError>(&res))
            rr.error("EventPattern",
                     "invalid event pattern" + (err->path.empty() ? "" : " at " + err->path) + ": " + err->message,
                     err->aws_reason.empty() ? "" : "AWS says: " + err->aws_reason);
        else
            rule.pattern = std::get<match::EventPattern>(std::move(res));
    }
    if (const Json* s = rr.raw("ScheduleExpression")) {
        if (!s->is_string()) {
            rr.error("ScheduleExpression",
                     "ScheduleExpression must be a string like \"rate(5 minutes)\", got " + s->dump());
        } else {
            auto res = schedule::ScheduleExpression::parse(s->get<std::string>());
            if (auto* err = std::get_if<schedule::ScheduleError>(&res))
                rr.error("ScheduleExpression", "invalid schedule expression: " + err->message);
            else if (std::get<schedule::ScheduleExpression>(res).is_at())
                rr.error("ScheduleExpression",
                         "at() expressions are for EventBridge Scheduler, not rules; use rate() or cron()");
            else
                rule.schedule = std::get<schedule::ScheduleExpression>(std::move(res));
        }
    }
    if (rr.has("EventPattern") == rr.has("ScheduleExpression"))
        rr.error("EventPattern", "a rule needs exactly one of EventPattern and ScheduleExpression");
    rr.raw("Description");
    rr.raw("EventBusName");
    rr.raw(kCfnLogicalIdKey);  // what an import keeps for the export (core/contract.h)
    rr.raw(kCfnTargetsKey);
    const Json* targets = rr.raw("Targets");
    if (targets && targets->is_array()) {
        if (targets->size() > kMaxTargetsPerRule)
            rr.error("Targets", "a rule has at most 5 targets, got " + std::to_string(targets->size()));
        for (std::size_t i = 0; i < targets->size() && i < kMaxTargetsPerRule; ++i)
            read_target(ctx, (*targets)[i], rr.path_of("Targets") + "/" + std::to_string(i), rule);
    } else if (targets) {
        rr.error("Targets", "Targets must be an array of {\"Id\", \"Arn\"}, got " + targets->dump());
    }
    rr.finish();
    out.push_back(std::move(rule));
}

}  // namespace

std::vector<Rule> read_rules(BuildContext& ctx, const std::string& bus) {
    std::vector<Rule> rules;
    if (const Json* rs = ctx.config.raw("Rules")) {
        if (!rs->is_array())
            ctx.config.error("Rules", "Rules must be an array of rules, got " + rs->dump().substr(0, 80));
        else {
            if (rs->size() > kMaxRulesPerBus)
                ctx.config.error("Rules", "a bus has at most 300 rules, got " + std::to_string(rs->size()));
            for (std::size_t i = 0; i < rs->size(); ++i)
                read_rule(ctx, (*rs)[i], ctx.config.path_of("Rules") + "/" + std::to_string(i), bus, rules);
        }
    }
    // Edge shorthand: {"from": bus, "to": target, "config": {"EventPattern": ...}} is a rule.
    for (const Link& l : ctx.links) {
        if (l.port != "out" || !l.config.is_object() ||
            (!l.config.contains("EventPattern") && !l.config.contains("ScheduleExpression")))
            continue;
        Json rj = l.config;
        if (!rj.contains("Name")) rj["Name"] = ctx.spec.id + "-to-" + l.target_id;
        Json target = {{"Id", l.target_id}, {"Arn", l.target_id}};
        for (const char* k : {"Input", "InputPath", "InputTransformer", "RetryPolicy", "DeadLetterConfig"})
            if (rj.contains(k)) {
                target[k] = rj[k];
                rj.erase(k);
            }
        rj["Targets"] = Json::array({target});
        read_rule(ctx, rj, "/edges/" + std::to_string(l.edge) + "/config", bus, rules);
    }
    for (const Link& l : ctx.links) {
        if (l.port != "out") continue;
        bool used = false;
        for (const Rule& r : rules)
            for (const Target& t : r.targets) used = used || t.link == &l;
        if (!used)
            ctx.diagnostics.warning("/edges/" + std::to_string(l.edge),
                                    "no rule of bus '" + ctx.spec.id + "' targets '" + l.target_id + "'",
                                    "add a rule with this target, or put EventPattern in the edge config");
    }
    return rules;
}

JsonPtr target_input(const Target& t, const Rule& r, const JsonPtr& event) {
    if (t.input) return std::make_shared<const Json>(*t.input);
    if (!t.input_path.empty()) {
        const Json* v = select_path(*event, t.input_path);
        return std::make_shared<const Json>(v ? *v : Json());
    }
    if (!t.transformer) return event;
    std::string out;
    const std::string& tpl = t.input_template;
    for (std::size_t i = 0; i < tpl.size();) {
        if (tpl[i] != '<') {
            out += tpl[i++];
            continue;
        }
        const std::size_t close = tpl.find('>', i);
        if (close == std::string::npos) {
            out += tpl.substr(i);
            break;
        }
        const std::string var = tpl.substr(i + 1, close - i - 1);
        const bool quoted = i > 0 && tpl[i - 1] == '"';
        std::optional<Json> value;
        if (var == "aws.events.rule-arn")
            value = r.arn;
        else if (var == "aws.events.rule-name")
            value = r.name;
        else if (var == "aws.events.event" || var == "aws.events.event.json")
            value = *event;
        else if (var == "aws.events.event.ingestion-time")
            value = event->value("time", "");
        else
            for (const auto& [name, path] : t.paths_map)
                if (name == var) {
                    const Json* v = select_path(*event, path);
                    value = v ? *v : Json();
                }
        if (!value) {
            out += tpl.substr(i, close - i + 1);  // not a variable: literal text
        } else if (value->is_string()) {
            out += quoted ? json_escape_inner(value->get<std::string>()) : value->get<std::string>();
        } else {
            out += value->dump();
        }
        i = close + 1;
    }
    Json parsed = Json::parse(out, nullptr, false);
    return std::make_shared<const Json>(parsed.is_discarded() ? Json(out) : std::move(parsed));
}

}  // namespace sim::svc::eb
