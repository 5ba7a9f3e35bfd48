// run_checks.cpp — checks measured on a run of the solution: report metrics with bounds, dead
// letters, error and throttle rates, latency percentiles, cost (total, per hour, per request,
// idle, proportional to use) and schedule timing.
#include "challenge/check_eval.h"
#include "challenge/check_spec.h"
#include "challenge/selector.h"
#include "schedule/utc_time.h"

#include <cmath>

namespace sim::challenge {

namespace {

const RunData* find(const std::vector<RunData>& runs, const std::string& id) {
    for (const auto& r : runs)
        if (r.id == id) return &r;
    return nullptr;
}

double source_count(const RunData& d, const std::string& source, const std::string& field) {
    const Json& sources = d.report["sources"];
    double total = 0;
    for (auto it = sources.begin(); it != sources.end(); ++it) {
        if (!source.empty() && it.key() != source) continue;
        const double ok = it.value().value("ok", 0.0), failed = it.value().value("failed", 0.0);
        total += field == "ok" ? ok : field == "failed" ? failed : ok + failed;
    }
    return total;
}

double resolve(const Bound& b, const RunData& d) {
    return b.source.empty() ? b.value : b.times * source_count(d, b.source, b.field);
}

// Value of `metric` (a report field, or a "latency_ms/p99" style path) for one node; nullopt when the node reports
// none.
std::optional<double> node_value(const RunData& d, const std::string& node, const std::string& metric) {
    const Json& n = d.report["nodes"].contains(node) ? d.report["nodes"][node] : Json();
    if (metric.find('~') != std::string::npos) return std::nullopt;  // not a valid pointer token
    const Json::json_pointer ptr("/" + metric);
    if (!n.is_object() || !n.contains(ptr) || !n[ptr].is_number()) return std::nullopt;
    return n[ptr].get<double>();
}

// Checks `v` against the spec's min/max; `need` gets "needs ≥ 1,200".
bool within(const Json& spec, const RunData& d, double v, std::string& need) {
    bool ok = true;
    Diagnostics ignored;
    if (spec.contains("min")) {
        const double lo = resolve(*parse_bound(spec["min"], "", ignored), d);
        ok = ok && v >= lo - 1e-9;
        need += "needs ≥ " + fmt_count(lo);
    }
    if (spec.contains("max")) {
        const double hi = resolve(*parse_bound(spec["max"], "", ignored), d);
        ok = ok && v <= hi + 1e-9;
        need += (need.empty() ? "needs ≤ " : " and ≤ ") + fmt_count(hi);
    }
    return ok;
}

std::string value_text(double v) {
    return std::fabs(v - std::round(v)) < 1e-9 ? fmt_count(v) : fmt_number(v);
}

double sum_counter(const RunData& d, const Pattern& p, const Json& spec, const char* counter, std::string* who) {
    double total = 0;
    const Json& nodes = d.report["nodes"];
    std::vector<std::size_t> chosen;
    if (spec.contains("select"))
        chosen = select_nodes(p, spec_selector(spec, "select"));
    else
        for (std::size_t i = 0; i < p.nodes.size(); ++i) chosen.push_back(i);
    for (std::size_t i : chosen) {
        const std::string& id = p.nodes[i].id;
        if (!nodes.contains(id)) continue;
        const double v = nodes[id].value(counter, 0.0);
        total += v;
        if (who && v > 0) *who += (who->empty() ? "'" : ", '") + id + "'";
    }
    return total;
}

std::string utc_text(std::int64_t unix_s) {
    std::string s = schedule::format_utc(unix_s);  // YYYY-MM-DDTHH:MM:SSZ
    return s.substr(5, 5) + " " + s.substr(11, 8);
}

double cost_per_request(const RunData& d) {
    const double requests = source_count(d, "", "requests");
    return requests > 0 ? d.report["cost_usd"].value("total", 0.0) / requests : 0;
}

}  // namespace

Counter schedule_counter(const Check& c) {
    const std::string name = c.spec.value("metric", "invocations");
    for (std::size_t i = 0; i < kCounterCount; ++i)
        if (counter_name(static_cast<Counter>(i)) == name) return static_cast<Counter>(i);
    return Counter::Invocations;
}

CheckResult evaluate_run_check(const Challenge&, const Check& c, const Pattern& p, const std::vector<RunData>& runs) {
    CheckResult r{c.id, c.kind, c.run, c.description, false, ""};
    const Json& s = c.spec;
    if (c.kind == "cost_proportional") {
        const auto ids = s["runs"].get<std::vector<std::string>>();
        const RunData* lo = find(runs, ids[0]);
        const RunData* hi = find(runs, ids[1]);
        for (const RunData* d : {lo, hi})
            if (!d || !d->ran) {
                r.measured = "not run: " + (d ? d->problem : std::string("run missing"));
                return r;
            }
        const double a = cost_per_request(*lo), b = cost_per_request(*hi);
        if (a <= 0 || b <= 0) {
            r.measured = "no requests were served in " + std::string(a <= 0 ? ids[0] : ids[1]);
            return r;
        }
        const double ratio = a / b;
        r.passed = ratio <= s["max_ratio"].get<double>() + 1e-9;
        r.measured =
            fmt_usd(a) + " vs " + fmt_usd(b) + " per request: " + fmt_number(std::round(ratio * 100) / 100) + "×";
        return r;
    }
    const RunData* d = find(runs, c.run);
    if (!d || !d->ran) {
        r.measured = "not run: " + (d ? d->problem : std::string("run '" + c.run + "' missing"));
        return r;
    }
    if (c.kind == "metric") {
        const auto nodes = select_nodes(p, spec_selector(s, "select"));
        const std::string metric = s["metric"].get<std::string>();
        const std::string agg = s.value("aggregate", "sum");
        if (nodes.empty()) {
            const std::string who = describe_selector(spec_selector(s, "select"));
            r.measured = "no " +
                         who.substr(who.rfind("a ", 0) == 0    ? 2
                                    : who.rfind("an ", 0) == 0 ? 3
                                                               : 0) +
                         " in the solution";
            return r;
        }
        std::string need, parts;
        bool all = true;
        double acc = agg == "min" ? INFINITY : agg == "max" ? -INFINITY : 0;
        for (std::size_t i : nodes) {
            const auto v = node_value(*d, p.nodes[i].id, metric);
            if (!v) {
                r.measured = "'" + p.nodes[i].id + "' reports no " + metric;
                return r;
            }
            std::string n;
            if (agg == "each") all = within(s, *d, *v, n) && all, need = n;
            acc = agg == "min" ? std::min(acc, *v) : agg == "max" ? std::max(acc, *v) : acc + *v;
            parts += (parts.empty() ? "'" : ", '") + p.nodes[i].id + "' " + value_text(*v);
        }
        if (agg == "each")
            r.passed = all;
        else
            r.passed = within(s, *d, acc, need);
        r.measured = (nodes.size() == 1 || agg == "each" ? parts : value_text(acc) + " (" + parts + ")") + "; " + need;
    } else if (c.kind == "dead_lettered") {
        std::string who, need;
        const double n = sum_counter(*d, p, s, "dead_lettered", &who);
        r.passed = within(s, *d, n, need);
        r.measured = fmt_count(n) + " message" + (n == 1 ? "" : "s") + " dead-lettered" +
                     (who.empty() ? "" : " by " + who) + "; " + need;
    } else if (c.kind == "error_rate") {
        const std::string src = s.value("source", "");
        const double total = source_count(*d, src, "requests"), failed = source_count(*d, src, "failed");
        if (total == 0) {
            r.measured = "no requests were made";
            return r;
        }
        const double pct = failed / total * 100;
        r.passed = pct <= s["max_pct"].get<double>() + 1e-9;
        r.measured = fmt_pct(pct) + " (" + fmt_count(failed) + " of " + fmt_count(total) + " failed)";
    } else if (c.kind == "throttles") {
        std::string who;
        const double n = sum_counter(*d, p, s, "throttles", &who);
        const double total = source_count(*d, "", "requests");
        r.passed = true;
        if (s.contains("max")) r.passed = n <= s["max"].get<double>();
        if (s.contains("max_pct"))
            r.passed = r.passed && (total > 0 ? n / total * 100 : 0) <= s["max_pct"].get<double>() + 1e-9;
        r.measured = (total > 0 ? fmt_pct(n / total * 100) + " (" : std::string("(")) + fmt_count(n) +
                     " throttled of " + fmt_count(total) + " requests" + (who.empty() ? "" : ", at " + who) + ")";
    } else if (c.kind == "latency") {
        const double q = s["percentile"].get<double>() / 100;
        const LatencyHistogram* h = nullptr;
        std::string of;
        if (s.contains("node")) {
            auto it = d->node_latency.find(s["node"].get<std::string>());
            if (it != d->node_latency.end()) h = &it->second;
            of = "'" + s["node"].get<std::string>() + "'";
        } else {
            for (std::size_t i = 0; i < d->source_ids.size(); ++i)
                if (d->source_ids[i] == s["source"].get<std::string>()) h = &d->source_latency[i];
            of = "'" + s["source"].get<std::string>() + "'";
        }
        if (!h || h->count() == 0) {
            r.measured = "no latency measured for " + of;
            return r;
        }
        const double ms = h->percentile(q).millis();
        r.passed = ms <= s["max_ms"].get<double>() + 1e-9;
        r.measured = "p" + fmt_number(s["percentile"].get<double>()) + " " + fmt_number(std::round(ms * 10) / 10) +
                     " ms, needs ≤ " + fmt_number(s["max_ms"].get<double>()) + " ms";
    } else if (c.kind == "cost" || c.kind == "idle_cost") {
        const double total = d->report["cost_usd"].value("total", 0.0);
        const std::string per = s.value("per", "run");
        double v = total;
        std::string unit;
        if (per == "hour") v = total / (d->duration.seconds() / 3600), unit = " per hour";
        if (per == "request" || per == "million_requests") {
            const double n = source_count(*d, "", "requests");
            if (n == 0) {
                r.measured = "no requests were made";
                return r;
            }
            v = total / n * (per == "request" ? 1 : 1e6);
            unit = per == "request" ? " per request" : " per million requests";
        }
        r.passed = true;
        if (s.contains("max_usd")) r.passed = v <= s["max_usd"].get<double>() + 1e-9;
        if (s.contains("min_usd")) r.passed = r.passed && v >= s["min_usd"].get<double>() - 1e-9;
        r.measured = fmt_usd(v) + unit;
        if (!r.passed && total > 0) {
            // Name the biggest line item: the reason a design costs what it costs.
            const Json& cost = d->report["cost_usd"];
            std::string top;
            double top_v = -1;
            for (auto it = cost.begin(); it != cost.end(); ++it)
                if (it.key() != "total" && it.value().get<double>() > top_v)
                    top = it.key(), top_v = it.value().get<double>();
            r.measured += ", " + fmt_number(std::round(top_v / total * 100)) + "% of it on '" + top + "'";
        }
    } else if (c.kind == "schedule") {
        const std::string at = s["at"].get<std::string>();
        const std::int64_t at_s = std::stoll(at.substr(0, 2)) * 3600 + std::stoll(at.substr(3)) * 60;
        const std::int64_t tol = static_cast<std::int64_t>(s.value("tolerance_s", 60.0));
        const auto it = d->samples.find(c.id);
        const std::vector<std::int64_t> rises = it == d->samples.end() ? std::vector<std::int64_t>{} : it->second;
        // Group rises closer than the tolerance into one firing (retries of one run stay one run).
        std::vector<std::int64_t> firings;
        for (std::int64_t t : rises)
            if (firings.empty() || t > firings.back() + std::max<std::int64_t>(tol, 1)) firings.push_back(t);
        std::int64_t expected = 0;
        if (s.contains("times") && s["times"].is_number())
            expected = s["times"].get<std::int64_t>();
        else {
            const std::int64_t end = d->duration.us / 1000000;
            const std::int64_t first =
                ((at_s - d->start_unix) % 86400 + 86400) % 86400;  // offset of the first at-instant
            for (std::int64_t t = first == 0 ? 86400 : first; t <= end; t += 86400) ++expected;
        }
        std::size_t off = 0;
        std::string times;
        for (std::size_t k = 0; k < firings.size(); ++k) {
            const std::int64_t unix = d->start_unix + firings[k];
            const std::int64_t late = ((unix - at_s) % 86400 + 86400) % 86400;
            if (late > tol) ++off;
            if (k < 4)
                times += (k ? ", " : "") + utc_text(unix);
            else if (k == 4)
                times += ", …";
        }
        r.passed = off == 0 && static_cast<std::int64_t>(firings.size()) == expected;
        r.measured = "ran " + std::to_string(firings.size()) + " time" + (firings.size() == 1 ? "" : "s") +
                     (firings.empty() ? "" : " (" + times + " UTC)") + ", expected " + std::to_string(expected);
        if (off) r.measured += "; " + std::to_string(off) + " not at " + at;
    }
    return r;
}

}  // namespace sim::challenge
