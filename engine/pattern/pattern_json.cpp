// pattern_json.cpp — pattern JSON ⇄ Pattern. The only place that catches nlohmann exceptions:
// syntax errors become diagnostics with line and column; everything else is checked by hand.
#include "core/contract.h"
#include "pattern/json_guard.h"
#include "pattern/pattern.h"

#include <algorithm>
#include <cstdio>

namespace sim {

const NodeSpec* Pattern::find_node(std::string_view id) const {
    for (const auto& n : nodes)
        if (n.id == id) return &n;
    return nullptr;
}

int Pattern::node_index(std::string_view id) const {
    for (std::size_t i = 0; i < nodes.size(); ++i)
        if (nodes[i].id == id) return static_cast<int>(i);
    return -1;
}

std::string format_diagnostic(const Diagnostic& d) {
    std::string s = d.severity == Severity::Error ? "error: " : "warning: ";
    if (!d.path.empty()) s += d.path + ": ";
    s += d.message;
    if (!d.hint.empty()) s += " (" + d.hint + ")";
    return s;
}

namespace {

constexpr std::size_t kMaxNodes = 5000;
constexpr std::size_t kMaxEdges = 20000;
constexpr std::size_t kMaxTraffic = 200;

bool valid_id(const std::string& id) {
    if (id.empty() || id.size() > 64) return false;
    return std::all_of(id.begin(), id.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
    });
}

// Reads an object's members: known keys through `take`, the rest into `extra`.
class ObjectReader {
public:
    ObjectReader(const Json& obj, std::string path, Diagnostics& d) : obj_(obj), path_(std::move(path)), d_(d) {}
    const Json* get(const char* key) {
        known_.push_back(key);
        auto it = obj_.find(key);
        return it == obj_.end() ? nullptr : &*it;
    }
    std::string path(const char* key) const { return path_ + "/" + key; }
    bool string(const char* key, std::string& out, bool required) {
        const Json* v = get(key);
        if (!v) {
            if (required) d_.error(path_, std::string("missing \"") + key + "\": expected a string");
            return false;
        }
        if (!v->is_string()) {
            d_.error(path(key), std::string(key) + " must be a string, got " + json_type_name(*v));
            return false;
        }
        out = v->get<std::string>();
        return true;
    }
    bool object(const char* key, Json& out) {
        const Json* v = get(key);
        if (!v) return false;
        if (!v->is_object()) {
            d_.error(path(key), std::string(key) + " must be an object, got " + json_type_name(*v));
            return false;
        }
        out = *v;
        return true;
    }
    bool duration(const char* key, SimTime& out) {
        const Json* v = get(key);
        if (!v) return false;
        std::optional<SimTime> t;
        if (v->is_string())
            t = parse_duration(v->get<std::string>());
        else if (v->is_number() && v->get<double>() >= 0)
            t = from_seconds(v->get<double>());
        if (!t) {
            d_.error(path(key),
                     std::string(key) + " must be a duration such as \"90s\", \"10m\" or \"2h\", got " + v->dump());
            return false;
        }
        out = *t;
        return true;
    }
    // A key this build does not read but knows is kept for others (no warning when present).
    void kept(const char* key) { kept_.push_back(key); }
    Json extra(bool warn) const {
        Json e = Json::object();
        for (auto it = obj_.begin(); it != obj_.end(); ++it) {
            if (std::find(known_.begin(), known_.end(), it.key()) != known_.end()) continue;
            e[it.key()] = it.value();
            const bool quiet = std::find(kept_.begin(), kept_.end(), it.key()) != kept_.end();
            if (warn && !quiet)
                d_.warning(path_ + "/" + it.key(), "unknown key '" + it.key() + "' is kept but ignored");
        }
        return e;
    }

private:
    const Json& obj_;
    std::string path_;
    Diagnostics& d_;
    std::vector<std::string> known_;
    std::vector<std::string> kept_;
};

// settings.faults: [{"az": "use1-az1", "from": "5m", "to": "10m"}] — AZ outages ("to" optional:
// down until the run ends).
void parse_faults(const Json& v, Settings& s, Diagnostics& d) {
    if (!v.is_array()) {
        d.error("/settings/faults",
                std::string("faults must be an array of {\"az\", \"from\", \"to\"}, got ") + json_type_name(v));
        return;
    }
    for (std::size_t i = 0; i < v.size(); ++i) {
        const std::string path = "/settings/faults/" + std::to_string(i);
        if (!v[i].is_object()) {
            d.error(path, std::string("a fault must be an object such as {\"az\": \"use1-az1\", \"from\": \"5m\", "
                                      "\"to\": \"10m\"}, got ") +
                              json_type_name(v[i]));
            continue;
        }
        AzFault f;
        ObjectReader r(v[i], path, d);
        if (r.string("az", f.az, true) && !valid_az_id(f.az))
            d.error(path + "/az", "az must be a us-east-1 AZ ID use1-az1..use1-az6, got \"" + f.az + "\"",
                    "AZ IDs are stable across accounts; names like us-east-1a are not");
        if (!r.duration("from", f.from) && !v[i].contains("from"))
            d.error(path, "missing \"from\": expected a duration such as \"5m\"");
        r.duration("to", f.to);
        if (f.to <= f.from) d.error(path + "/to", "to must be later than from");
        r.extra(true);
        s.faults.push_back(std::move(f));
    }
}

// An account quota given as a whole number in [lo, hi]; anything else is an error naming the range.
void whole_number_setting(ObjectReader& r, Diagnostics& d, const char* key, std::int64_t lo, std::int64_t hi,
                          std::int64_t& out, const char* hint) {
    const Json* v = r.get(key);
    if (!v) return;
    if (v->is_number_integer() && v->get<std::int64_t>() >= lo && v->get<std::int64_t>() <= hi)
        out = v->get<std::int64_t>();
    else
        d.error(r.path(key),
                std::string(key) + " must be a whole number " + std::to_string(lo) + ".." + std::to_string(hi) +
                    ", got " + v->dump(),
                hint);
}

void parse_settings(const Json& j, Settings& s, Diagnostics& d) {
    if (!j.is_object()) {
        d.error("/settings", std::string("settings must be an object, got ") + json_type_name(j));
        return;
    }
    ObjectReader r(j, "/settings", d);
    r.duration("duration", s.duration);
    r.string("startTime", s.start_time, false);
    whole_number_setting(r, d, "lambdaConcurrencyLimit", 100, 1'000'000, s.lambda_concurrency_limit,
                         "the account ConcurrentExecutions quota; AWS default 1,000");
    if (const Json* v = r.get("lambdaScaling")) {
        // Dated behaviour profile: per-function 1,000 environments / 10 s (since Nov 2023) or the
        // older account-level burst (3,000 in us-east-1, then +500 per minute).
        if (v->is_string() && (*v == "2023-11" || *v == "legacy-burst"))
            s.lambda_scaling = v->get<std::string>();
        else
            d.error(r.path("lambdaScaling"), "lambdaScaling must be \"2023-11\" or \"legacy-burst\", got " + v->dump());
    }
    whole_number_setting(
        r, d, "apiGatewayAccountRps", 2, 1'000'000, s.api_gateway_account_rps,
        "API Gateway's throttle quota per account and Region, shared by all APIs; AWS default 10,000 (burst 5,000)");
    if (const Json* v = r.get("freeTier")) {
        if (v->is_boolean())
            s.free_tier = v->get<bool>();
        else
            d.error(r.path("freeTier"), "freeTier must be true or false, got " + v->dump(),
                    "true applies AWS's always-free monthly allowances (Lambda, SQS, SNS, Step Functions) to cost");
    }
    if (const Json* v = r.get("maxEvents")) {
        if (v->is_number_integer() && v->get<std::int64_t>() >= 1 && v->get<std::int64_t>() <= 10'000'000'000LL)
            s.max_events = v->get<std::uint64_t>();
        else
            d.error(r.path("maxEvents"), "maxEvents must be a whole number 1..10000000000, got " + v->dump());
    }
    if (const Json* v = r.get("faults")) parse_faults(*v, s, d);
    s.extra = r.extra(true);
}

void parse_node(const Json& j, std::size_t i, Pattern& p, Diagnostics& d) {
    const std::string path = "/nodes/" + std::to_string(i);
    if (!j.is_object()) {
        d.error(path, std::string("node must be an object, got ") + json_type_name(j));
        return;
    }
    NodeSpec n;
    ObjectReader r(j, path, d);
    if (r.string("id", n.id, true) && !valid_id(n.id))
        d.error(path + "/id", "id must be 1..64 letters, digits, '-' or '_', got \"" + n.id + "\"");
    r.string("type", n.type, true);
    r.object("config", n.config);
    r.kept(kCfnLogicalIdKey);  // the template's logical id, kept by an import for the export
    n.extra = r.extra(true);
    p.nodes.push_back(std::move(n));
}

void parse_edge(const Json& j, std::size_t i, Pattern& p, Diagnostics& d) {
    const std::string path = "/edges/" + std::to_string(i);
    if (!j.is_object()) {
        d.error(path, std::string("edge must be an object, got ") + json_type_name(j));
        return;
    }
    EdgeSpec e;
    ObjectReader r(j, path, d);
    r.string("from", e.from, true);
    r.string("to", e.to, true);
    // "from": "queue.dlq" is shorthand for {"from": "queue", "port": "dlq"}.
    if (auto dot = e.from.find('.'); dot != std::string::npos) {
        e.port = e.from.substr(dot + 1);
        e.from.resize(dot);
    }
    r.string("port", e.port, false);
    r.object("config", e.config);
    e.extra = r.extra(true);
    p.edges.push_back(std::move(e));
}

void parse_traffic(const Json& j, std::size_t i, Pattern& p, Diagnostics& d) {
    const std::string path = "/traffic/" + std::to_string(i);
    if (!j.is_object()) {
        d.error(path, std::string("traffic entry must be an object, got ") + json_type_name(j));
        return;
    }
    TrafficSpec t;
    ObjectReader r(j, path, d);
    r.string("id", t.id, false);
    if (t.id.empty()) t.id = "traffic-" + std::to_string(i + 1);
    r.string("source", t.source, true);
    r.string("target", t.target, false);
    if (!r.object("profile", t.profile)) {
        if (!j.contains("profile"))
            d.error(path, "missing \"profile\": expected an object such as {\"type\": \"constant\", \"rps\": 5}");
    }
    if (r.string("arrival", t.arrival, false) && t.arrival != "poisson" && t.arrival != "uniform")
        d.error(r.path("arrival"), "arrival must be \"poisson\" or \"uniform\", got \"" + t.arrival + "\"");
    r.duration("start", t.start);
    r.duration("duration", t.duration);
    r.object("request", t.request);
    if (r.string("sender", t.sender, false) && t.sender != "aws-service")
        d.error(r.path("sender"),
                "sender must be \"aws-service\" (or left out for an application), got \"" + t.sender + "\"");
    if (const Json* v = r.get("payload")) t.payload = *v;
    t.extra = r.extra(true);
    p.traffic.push_back(std::move(t));
}

template <class F>
void parse_array(const Json& root, const char* key, std::size_t limit, Diagnostics& d, F each) {
    auto it = root.find(key);
    if (it == root.end()) return;
    if (!it->is_array()) {
        d.error(std::string("/") + key, std::string(key) + " must be an array, got " + json_type_name(*it));
        return;
    }
    if (it->size() > limit) {
        d.error(std::string("/") + key, std::string(key) + " has " + std::to_string(it->size()) + " entries; at most " +
                                            std::to_string(limit) + " are supported");
        return;
    }
    for (std::size_t i = 0; i < it->size(); ++i) each((*it)[i], i);
}

}  // namespace

ParseResult parse_pattern_json(const Json& root) {
    ParseResult res;
    Diagnostics& d = res.diagnostics;
    Pattern& p = res.pattern;
    if (!root.is_object()) {
        d.error("", std::string("a pattern must be a JSON object, got ") + json_type_name(root));
        return res;
    }
    ObjectReader r(root, "", d);
    if (const Json* f = r.get("format")) {
        if (!f->is_string() || f->get<std::string>() != kPatternFormat) {
            const std::string got = f->is_string() ? f->get<std::string>() : f->dump();
            if (f->is_string() && got.rfind("serverless-playground/", 0) == 0)
                d.error("/format",
                        "format \"" + got + "\" is newer than this build understands (" + kPatternFormat + ")",
                        "open it with a newer Serverless Playground");
            else
                d.error("/format", "format must be \"" + std::string(kPatternFormat) + "\", got " + f->dump());
        }
    } else {
        d.warning("/format", std::string("missing \"format\"; assuming \"") + kPatternFormat + "\"");
    }
    r.string("name", p.name, false);
    r.string("description", p.description, false);
    if (const Json* s = r.get("seed")) {
        if (s->is_number_unsigned() || (s->is_number_integer() && s->get<std::int64_t>() >= 0))
            p.seed = s->get<std::uint64_t>();
        else
            d.error("/seed", "seed must be a whole number >= 0, got " + s->dump());
    }
    if (const Json* s = r.get("settings")) parse_settings(*s, p.settings, d);
    r.get("nodes");
    r.get("edges");
    r.get("traffic");
    parse_array(root, "nodes", kMaxNodes, d, [&](const Json& j, std::size_t i) { parse_node(j, i, p, d); });
    parse_array(root, "edges", kMaxEdges, d, [&](const Json& j, std::size_t i) { parse_edge(j, i, p, d); });
    parse_array(root, "traffic", kMaxTraffic, d, [&](const Json& j, std::size_t i) { parse_traffic(j, i, p, d); });
    r.object("layout", p.layout);
    r.kept("cloudformation");  // an imported template's other sections, written back by the SAM export
    r.kept("import");          // what a template import did and assumed (export/sam_import.h)
    p.extra = r.extra(true);
    return res;
}

ParseResult parse_pattern(std::string_view text) {
    // Deeper nesting would recurse once per level when the value is copied or written.
    if (TextCheck c = check_json_depth(text, 256); !c.ok) {
        ParseResult res;
        res.diagnostics.error("", "pattern rejected: " + c.error);
        return res;
    }
    JsonText json = parse_json_text(text);
    if (!json.ok) {
        ParseResult res;
        res.diagnostics.error("", "invalid JSON at " + json.where());
        return res;
    }
    return parse_pattern_json(json.value);
}

// ---- Writing -----------------------------------------------------------------------------------
namespace {
using Ordered = nlohmann::ordered_json;

Ordered ordered(const Json& j) {
    return Ordered::parse(j.dump());
}

void put_extra(Ordered& out, const Json& extra) {
    for (auto it = extra.begin(); it != extra.end(); ++it) out[it.key()] = ordered(it.value());
}

std::string duration_text(SimTime t) {
    if (t.us % 3'600'000'000LL == 0) return std::to_string(t.us / 3'600'000'000LL) + "h";
    if (t.us % 60'000'000 == 0) return std::to_string(t.us / 60'000'000) + "m";
    if (t.us % 1'000'000 == 0) return std::to_string(t.us / 1'000'000) + "s";
    if (t.us % 1000 == 0) return std::to_string(t.us / 1000) + "ms";
    return std::to_string(t.us) + "us";
}
}  // namespace

Json pattern_to_json(const Pattern& p) {
    return Json::parse(write_pattern(p));
}

std::string write_pattern(const Pattern& p) {
    Ordered out;
    out["format"] = p.format;
    out["name"] = p.name;
    if (!p.description.empty()) out["description"] = p.description;
    out["seed"] = p.seed;
    Ordered s;
    const Settings dflt;
    s["duration"] = duration_text(p.settings.duration);
    if (p.settings.start_time != dflt.start_time) s["startTime"] = p.settings.start_time;
    if (p.settings.lambda_concurrency_limit != dflt.lambda_concurrency_limit)
        s["lambdaConcurrencyLimit"] = p.settings.lambda_concurrency_limit;
    if (p.settings.lambda_scaling != dflt.lambda_scaling) s["lambdaScaling"] = p.settings.lambda_scaling;
    if (p.settings.api_gateway_account_rps != dflt.api_gateway_account_rps)
        s["apiGatewayAccountRps"] = p.settings.api_gateway_account_rps;
    if (p.settings.max_events != dflt.max_events) s["maxEvents"] = p.settings.max_events;
    if (p.settings.free_tier) s["freeTier"] = true;
    if (!p.settings.faults.empty()) {
        s["faults"] = Ordered::array();
        for (const AzFault& f : p.settings.faults) {
            Ordered o;
            o["az"] = f.az;
            o["from"] = duration_text(f.from);
            if (f.to != kNever) o["to"] = duration_text(f.to);
            s["faults"].push_back(o);
        }
    }
    put_extra(s, p.settings.extra);
    out["settings"] = s;
    out["nodes"] = Ordered::array();
    for (const auto& n : p.nodes) {
        Ordered o;
        o["id"] = n.id;
        o["type"] = n.type;
        o["config"] = ordered(n.config);
        put_extra(o, n.extra);
        out["nodes"].push_back(o);
    }
    out["edges"] = Ordered::array();
    for (const auto& e : p.edges) {
        Ordered o;
        o["from"] = e.from;
        if (e.port != "out") o["port"] = e.port;
        o["to"] = e.to;
        if (!e.config.empty()) o["config"] = ordered(e.config);
        put_extra(o, e.extra);
        out["edges"].push_back(o);
    }
    out["traffic"] = Ordered::array();
    for (const auto& t : p.traffic) {
        Ordered o;
        o["id"] = t.id;
        o["source"] = t.source;
        if (!t.target.empty()) o["target"] = t.target;
        o["profile"] = ordered(t.profile);
        if (t.arrival != "poisson") o["arrival"] = t.arrival;
        if (t.start.us != 0) o["start"] = duration_text(t.start);
        if (t.duration != kNever) o["duration"] = duration_text(t.duration);
        if (!t.request.empty()) o["request"] = ordered(t.request);
        if (!t.sender.empty()) o["sender"] = t.sender;
        if (!t.payload.is_null()) o["payload"] = ordered(t.payload);
        put_extra(o, t.extra);
        out["traffic"].push_back(o);
    }
    out["layout"] = ordered(p.layout);
    put_extra(out, p.extra);
    return out.dump(2) + "\n";
}

}  // namespace sim
