// check_spec.cpp — per-kind validation of acceptance checks (JSON paths in every message) and
// the number formatting used in descriptions and measured values.
#include "challenge/check_spec.h"

#include "challenge/json_fields.h"
#include "core/metrics.h"
#include "core/registry.h"
#include "services/all_services.h"

#include <cctype>
#include <cmath>
#include <cstdio>

namespace sim::challenge {

// ---- Formatting -------------------------------------------------------------------------------------
std::string fmt_number(double v) {
    char buf[64];
    if (std::fabs(v - std::round(v)) < 1e-9 && std::fabs(v) < 1e15)
        std::snprintf(buf, sizeof buf, "%.0f", v);
    else
        std::snprintf(buf, sizeof buf, "%.4g", v);
    return buf;
}

std::string fmt_count(double n) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.0f", std::round(n));
    std::string s = buf, out;
    const std::size_t start = s[0] == '-' ? 1 : 0;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (i > start && (s.size() - i) % 3 == 0) out += ',';
        out += s[i];
    }
    return out;
}

std::string fmt_usd(double usd) {
    char buf[64];
    const double a = std::fabs(usd);
    if (a < 5e-10) return "$0.00";
    if (a >= 0.01)
        std::snprintf(buf, sizeof buf, "$%.2f", usd);
    else
        std::snprintf(buf, sizeof buf, "$%.2g", usd);
    std::string s = buf;
    // %g may print an exponent for tiny amounts: spell it out (two significant digits).
    if (s.find('e') != std::string::npos) {
        const int digits = static_cast<int>(std::ceil(-std::log10(a))) + 1;
        std::snprintf(buf, sizeof buf, "$%.*f", digits, usd);
        s = buf;
    }
    return s;
}

std::string fmt_pct(double pct) {
    char buf[64];
    if (pct == std::round(pct) && pct != 0)
        std::snprintf(buf, sizeof buf, "%.0f%%", pct);
    else
        std::snprintf(buf, sizeof buf, "%.2f%%", pct);
    return buf;
}

std::string fmt_span(SimTime t) {
    const std::int64_t s = t.us / 1000000;
    auto unit = [](std::int64_t n, const char* word) { return std::to_string(n) + " " + word + (n == 1 ? "" : "s"); };
    if (t.us % 1000000 != 0) return fmt_number(t.seconds()) + " seconds";
    if (s > 0 && s % 86400 == 0) return unit(s / 86400, "day");
    if (s > 0 && s % 3600 == 0) return unit(s / 3600, "hour");
    if (s > 0 && s % 60 == 0) return unit(s / 60, "minute");
    return unit(s, "second");
}

std::string run_phrase(const Run& r) {
    return r.label.empty() ? "run '" + r.id + "'" : r.label;
}

// ---- Bounds and selectors ---------------------------------------------------------------------------
std::optional<Bound> parse_bound(const Json& j, const std::string& path, Diagnostics& diags) {
    Bound b;
    if (j.is_number()) {
        b.value = j.get<double>();
        return b;
    }
    if (!j.is_object()) {
        diags.error(path, "a bound must be a number or {\"source\": <traffic id>, \"field\": \"ok\"}, got " + j.dump());
        return std::nullopt;
    }
    const std::size_t before = diags.error_count();
    Fields f(j, path, diags);
    b.source = f.text("source", true);
    b.field = f.text("field", false, "ok");
    if (b.field != "ok" && b.field != "failed" && b.field != "requests")
        f.error("field", "field must be \"ok\", \"failed\" or \"requests\", got \"" + b.field + "\"");
    b.times = f.number("times", false, 0, 1e300).value_or(1);
    f.finish();
    if (diags.error_count() != before) return std::nullopt;
    return b;
}

std::string describe_bound(const Bound& b) {
    if (b.source.empty())
        return fmt_count(b.value) == fmt_number(b.value) || b.value >= 1000 ? fmt_count(b.value) : fmt_number(b.value);
    const std::string what = b.field == "ok"       ? "the accepted requests of '" + b.source + "'"
                             : b.field == "failed" ? "the failed requests of '" + b.source + "'"
                                                   : "the requests of '" + b.source + "'";
    return b.times == 1 ? what : fmt_number(b.times) + " × " + what;
}

Selector spec_selector(const Json& spec, const char* key) {
    Diagnostics ignored;
    auto s = parse_selector(spec.at(key), "", ignored);
    return s ? *s : Selector{};
}

namespace {

bool is_counter(const std::string& name) {
    for (std::size_t c = 0; c < kCounterCount; ++c)
        if (counter_name(static_cast<Counter>(c)) == name) return true;
    return false;
}

void need_selector(Fields& f, const char* key, bool required) {
    const Json* v = f.raw(key);
    if (!v) {
        if (required)
            f.error("",
                    std::string("missing \"") + key + "\" (a node id or a selector such as {\"type\": \"lambda\"})");
        return;
    }
    parse_selector(*v, f.path_of(key), f.diagnostics());
}

void need_bounds(Fields& f, bool required) {
    bool any = false;
    for (const char* k : {"min", "max"})
        if (const Json* v = f.raw(k)) {
            any = true;
            parse_bound(*v, f.path_of(k), f.diagnostics());
        }
    if (!any && required)
        f.error("", "missing \"min\" or \"max\" (a number, or {\"source\": <traffic id>, \"field\": \"ok\"})");
}

void need_run(const Challenge& ch, Check& c, Fields& f) {
    if (f.has("run")) {
        c.run = f.text("run", true);
        if (!c.run.empty() && !ch.find_run(c.run)) {
            std::string ids;
            for (const auto& r : ch.runs) ids += (ids.empty() ? "\"" : ", \"") + r.id + "\"";
            f.error("run", "no run has id \"" + c.run + "\"", "runs: " + ids);
        }
    } else if (ch.runs.size() == 1) {
        c.run = ch.runs[0].id;
    } else {
        std::string ids;
        for (const auto& r : ch.runs) ids += (ids.empty() ? "\"" : ", \"") + r.id + "\"";
        f.error(
            "",
            "a " + c.kind + " check needs \"run\" when the challenge has " + std::to_string(ch.runs.size()) + " runs",
            "one of " + ids);
    }
}

void check_source(const Challenge& ch, Fields& f, const std::string& run, const char* key) {
    const std::string src = f.text(key, false);
    const Run* r = ch.find_run(run);
    if (src.empty() || !r) return;
    const Json& traffic = r->has_traffic ? r->traffic : Json::array();
    bool found = false;
    for (const auto& t : traffic) found = found || t.value("id", "") == src;
    if (!r->has_traffic)
        for (const auto& t : ch.start.traffic) found = found || t.id == src;
    if (!found) f.error(key, "run \"" + run + "\" has no traffic source \"" + src + "\"");
}

}  // namespace

void validate_check(const Challenge& ch, Check& c, Diagnostics& diags) {
    Fields f(c.spec, c.path, diags);
    f.raw("id");
    f.raw("kind");
    f.text("description", false);
    const std::string& k = c.kind;
    if (!is_design_check(k) && k != "cost_proportional") need_run(ch, c, f);
    if (k == "no_always_on") {
    } else if (k == "no_node_type") {
        for (std::size_t i = 0; const auto& t : f.texts("types", true)) {
            if (!default_registry().find(t))
                diags.error(
                    c.spec["types"].is_array() ? f.path_of("types") + "/" + std::to_string(i) : f.path_of("types"),
                    "unknown service type '" + t + "'");
            ++i;
        }
    } else if (k == "node_exists") {
        need_selector(f, "select", true);
        f.number("min", false, 1, 1e6);
    } else if (k == "wired") {
        need_selector(f, "from", true);
        need_selector(f, "to", true);
        f.text("port", false);
        f.number("min_targets", false, 1, 1000);
    } else if (k == "path") {
        need_selector(f, "from", true);
        need_selector(f, "to", true);
        need_selector(f, "via", false);
    } else if (k == "fan_out") {
        need_selector(f, "via", true);
        const Json* to = f.raw("to");
        if (!to || !to->is_array() || to->size() < 2)
            f.error(to ? "to" : "", "fan_out needs \"to\": an array of at least 2 node selectors" +
                                        (to ? ", got " + to->dump() : std::string()));
        else
            for (std::size_t i = 0; i < to->size(); ++i)
                parse_selector((*to)[i], f.path_of("to") + "/" + std::to_string(i), diags);
    } else if (k == "keeps_start") {
        if (f.has("nodes"))
            for (const auto& id : f.texts("nodes", true))
                if (!ch.start.find_node(id)) f.error("nodes", "the starting canvas has no node '" + id + "'");
    } else if (k == "metric") {
        need_selector(f, "select", true);
        f.text("metric", true);
        const std::string agg = f.text("aggregate", false, "sum");
        if (agg != "sum" && agg != "each" && agg != "min" && agg != "max")
            f.error("aggregate", "aggregate must be \"sum\", \"each\", \"min\" or \"max\", got \"" + agg + "\"");
        need_bounds(f, true);
    } else if (k == "dead_lettered") {
        need_selector(f, "select", false);
        need_bounds(f, true);
    } else if (k == "error_rate") {
        check_source(ch, f, c.run, "source");
        f.number("max_pct", true, 0, 100);
    } else if (k == "throttles") {
        need_selector(f, "select", false);
        const bool pct = f.number("max_pct", false, 0, 100).has_value(),
                   abs = f.number("max", false, 0, 1e300).has_value();
        if (!pct && !abs && !f.has("max_pct") && !f.has("max"))
            f.error("", "a throttles check needs \"max_pct\" (of requests) or \"max\" (a count)");
    } else if (k == "latency") {
        if (f.has("node"))
            f.text("node", true);
        else {
            if (!f.has("source"))
                f.error("", "a latency check needs \"source\" (a traffic id) or \"node\" (a node id)");
            check_source(ch, f, c.run, "source");
        }
        f.number("percentile", true, 1, 100);
        f.number("max_ms", true, 0, 1e300);
    } else if (k == "cost" || k == "idle_cost") {
        const bool mx = f.number("max_usd", k == "idle_cost", 0, 1e300).has_value();
        const bool mn = k == "cost" && f.number("min_usd", false, 0, 1e300).has_value();
        if (k == "cost" && !mx && !mn && !f.has("max_usd") && !f.has("min_usd"))
            f.error("", "a cost check needs \"max_usd\" or \"min_usd\"");
        if (k == "cost") {
            const std::string per = f.text("per", false, "run");
            if (per != "run" && per != "hour" && per != "request" && per != "million_requests")
                f.error("per",
                        "per must be \"run\", \"hour\", \"request\" or \"million_requests\", got \"" + per + "\"");
        }
        const Run* r = ch.find_run(c.run);
        if (k == "idle_cost" && r && (!r->has_traffic || !r->traffic.empty()))
            f.error("run",
                    "idle_cost needs a run with \"traffic\": [] (no requests), run \"" + c.run + "\" has traffic");
    } else if (k == "cost_proportional") {
        const auto runs = f.texts("runs", true);
        if (runs.size() != 2 && f.has("runs"))
            f.error("runs",
                    "runs must name 2 runs (low traffic first, then high traffic), got " + c.spec["runs"].dump());
        for (const auto& r : runs)
            if (!ch.find_run(r)) f.error("runs", "no run has id \"" + r + "\"");
        f.number("max_ratio", true, 1, 1e300);
    } else if (k == "schedule") {
        need_selector(f, "select", true);
        const std::string metric = f.text("metric", false, "invocations");
        if (!is_counter(metric))
            f.error("metric",
                    "metric must be a counter such as \"invocations\" or \"messages_in\", got \"" + metric + "\"");
        const std::string at = f.text("at", true);
        const bool at_ok = at.size() == 5 && at[2] == ':' && std::isdigit(static_cast<unsigned char>(at[0])) &&
                           std::isdigit(static_cast<unsigned char>(at[1])) &&
                           std::isdigit(static_cast<unsigned char>(at[3])) &&
                           std::isdigit(static_cast<unsigned char>(at[4])) && std::stoi(at.substr(0, 2)) < 24 &&
                           std::stoi(at.substr(3)) < 60;
        if (!at.empty() && !at_ok) f.error("at", "at must be a UTC time of day \"HH:MM\", got \"" + at + "\"");
        if (const Json* t = f.raw("times");
            t && !(t->is_number_integer() && t->get<std::int64_t>() >= 0) && *t != "daily")
            f.error("times", "times must be a whole number >= 0 or \"daily\", got " + t->dump());
        f.number("tolerance_s", false, 0, 3600);
    } else {
        std::string kinds;
        for (const auto& name : check_kinds()) kinds += (kinds.empty() ? "" : ", ") + name;
        diags.error(c.path + "/kind", "unknown check kind \"" + k + "\"", "kinds: " + kinds);
        return;
    }
    f.finish();
}

}  // namespace sim::challenge
