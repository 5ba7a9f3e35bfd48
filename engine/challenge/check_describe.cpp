// check_describe.cpp — the plain-words description of each check kind, shown before any run
// ("p99 latency of 'spike' ≤ 500 ms (a spike of 10,000 requests/minute)").
#include "challenge/check_spec.h"

namespace sim::challenge {

namespace {

std::string list_selectors(const Json& arr) {
    std::string out;
    for (std::size_t i = 0; i < arr.size(); ++i) {
        Diagnostics ignored;
        auto s = parse_selector(arr[i], "", ignored);
        if (i) out += i + 1 == arr.size() ? " and " : ", ";
        out += s ? describe_selector(*s) : arr[i].dump();
    }
    return out;
}

std::string bounds_text(const Json& spec, const std::string& unit_suffix = {}) {
    std::string out;
    Diagnostics ignored;
    if (spec.contains("min"))
        if (auto b = parse_bound(spec["min"], "", ignored)) out += "≥ " + describe_bound(*b) + unit_suffix;
    if (spec.contains("max"))
        if (auto b = parse_bound(spec["max"], "", ignored))
            out += (out.empty() ? "≤ " : " and ≤ ") + describe_bound(*b) + unit_suffix;
    return out;
}

std::string strip_article(const std::string& s) {
    if (s.rfind("a ", 0) == 0) return s.substr(2);
    if (s.rfind("an ", 0) == 0) return s.substr(3);
    return s;
}

std::string per_text(const std::string& per) {
    if (per == "hour") return "cost per hour";
    if (per == "request") return "cost per request";
    if (per == "million_requests") return "cost per million requests";
    return "total cost";
}

std::string usd_bounds(const Json& spec) {
    std::string out;
    if (spec.contains("min_usd")) out += "≥ " + fmt_usd(spec["min_usd"].get<double>());
    if (spec.contains("max_usd")) out += (out.empty() ? "≤ " : " and ≤ ") + fmt_usd(spec["max_usd"].get<double>());
    return out;
}

}  // namespace

std::string describe_check(const Challenge& ch, const Check& c) {
    const Json& s = c.spec;
    const std::string& k = c.kind;
    const Run* run = ch.find_run(c.run);
    const std::string during = run ? " (" + run_phrase(*run) + ")" : "";
    if (k == "no_always_on")
        return "no always-on compute: no EC2 or Fargate, and Aurora only with auto-pause (MinCapacity 0)";
    if (k == "no_node_type")
        return "uses no " + type_labels(s["types"].is_array()
                                            ? s["types"].get<std::vector<std::string>>()
                                            : std::vector<std::string>{s["types"].get<std::string>()});
    if (k == "node_exists") {
        const int min = static_cast<int>(s.value("min", 1.0));
        return "has " + (min > 1 ? "at least " + std::to_string(min) + " × " : std::string()) +
               describe_selector(spec_selector(s, "select"));
    }
    if (k == "wired") {
        const int n = static_cast<int>(s.value("min_targets", 1.0));
        std::string out = describe_selector(spec_selector(s, "from")) + " is wired";
        if (s.contains("port")) out += " through its '" + s["port"].get<std::string>() + "' port";
        out += " to " + (n > 1 ? "at least " + std::to_string(n) + " × " : std::string()) +
               describe_selector(spec_selector(s, "to"));
        return out;
    }
    if (k == "path") {
        std::string out = "a path leads from " + describe_selector(spec_selector(s, "from"));
        if (s.contains("via")) out += " through " + describe_selector(spec_selector(s, "via"));
        return out + " to " + describe_selector(spec_selector(s, "to"));
    }
    if (k == "fan_out")
        return "one " + strip_article(describe_selector(spec_selector(s, "via"))) + " delivers each event to " +
               list_selectors(s["to"]);
    if (k == "keeps_start") {
        if (!s.contains("nodes")) return "the starting canvas's nodes keep their type and settings";
        std::string ids;
        for (const auto& id : s["nodes"].is_array() ? s["nodes"] : Json::array({s["nodes"]}))
            ids += (ids.empty() ? "'" : ", '") + id.get<std::string>() + "'";
        return ids + " keep" + (s["nodes"].is_array() && s["nodes"].size() > 1 ? "" : "s") +
               " the type and settings of the starting canvas";
    }
    if (k == "metric") {
        const std::string agg = s.value("aggregate", "sum");
        const Selector sel = spec_selector(s, "select");
        const std::string& m = s["metric"].get_ref<const std::string&>();
        std::string what;
        if (!sel.node.empty())
            what = m + " of " + describe_selector(sel);
        else if (agg == "each")
            what = m + " of every " + strip_article(describe_selector(sel));
        else if (agg == "sum")
            what = m + " summed over every " + strip_article(describe_selector(sel));
        else
            what = (agg == "min" ? "the lowest " : "the highest ") + m + " of any " +
                   strip_article(describe_selector(sel));
        return what + " " + bounds_text(s) + during;
    }
    if (k == "dead_lettered") {
        std::string where = s.contains("select") ? " by " + describe_selector(spec_selector(s, "select")) : "";
        return "failed messages end in a dead-letter queue: messages dead-lettered" + where + " " + bounds_text(s) +
               during;
    }
    if (k == "error_rate") {
        const std::string src = s.contains("source") ? " from '" + s["source"].get<std::string>() + "'" : "";
        return "at most " + fmt_pct(s["max_pct"].get<double>()) + " of requests" + src + " fail" + during;
    }
    if (k == "throttles") {
        std::string where = s.contains("select") ? " by " + describe_selector(spec_selector(s, "select")) : "";
        if (s.contains("max_pct"))
            return "at most " + fmt_pct(s["max_pct"].get<double>()) + " of requests are throttled" + where + during;
        return "at most " + fmt_count(s["max"].get<double>()) + " throttled requests" + where + during;
    }
    if (k == "latency") {
        const std::string of = s.contains("node") ? "'" + s["node"].get<std::string>() + "'"
                                                  : "requests from '" + s["source"].get<std::string>() + "'";
        return "p" + fmt_number(s["percentile"].get<double>()) + " latency of " + of + " ≤ " +
               fmt_number(s["max_ms"].get<double>()) + " ms" + during;
    }
    if (k == "cost") return per_text(s.value("per", "run")) + " " + usd_bounds(s) + during;
    if (k == "idle_cost") {
        const std::string span = run ? " over " + fmt_span(run->duration) + " of no traffic" : "";
        if (s["max_usd"].get<double>() == 0) return "idle cost is $0.00" + span;
        return "idle cost ≤ " + fmt_usd(s["max_usd"].get<double>()) + span;
    }
    if (k == "cost_proportional") {
        const auto runs = s["runs"].get<std::vector<std::string>>();
        const Run* lo = ch.find_run(runs[0]);
        const Run* hi = ch.find_run(runs[1]);
        return "cost follows use: the cost per request " + (lo ? "in " + run_phrase(*lo) : runs[0]) + " is at most " +
               fmt_number(s["max_ratio"].get<double>()) + "× the cost per request " +
               (hi ? "in " + run_phrase(*hi) : runs[1]);
    }
    if (k == "schedule") {
        const std::string who = describe_selector(spec_selector(s, "select"));
        const std::string at = s["at"].get<std::string>();
        const Json times = s.value("times", Json("daily"));
        const std::string count =
            times == "daily" ? "exactly once a day" : "exactly " + times.dump() + " time" + (times == 1 ? "" : "s");
        return who + " runs " + count + ", at " + at + " UTC (within " + fmt_number(s.value("tolerance_s", 60.0)) +
               " s)" + during;
    }
    return k;
}

}  // namespace sim::challenge
