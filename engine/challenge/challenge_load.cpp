// challenge_load.cpp — loading a challenge file: structure, starting canvas, runs (their traffic
// and settings are validated against the starting canvas) and checks, every problem reported with
// its JSON pointer into the challenge file.
#include "challenge/challenge.h"

#include "challenge/check_spec.h"
#include "challenge/design_actions.h"
#include "challenge/json_fields.h"
#include "pattern/json_guard.h"
#include "services/all_services.h"
#include "traffic/payload_template.h"
#include "traffic/rate_profile.h"

#include <set>

namespace sim::challenge {

namespace {

bool valid_id(const std::string& id) {
    if (id.empty() || id.size() > 64) return false;
    for (char c : id)
        if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_')) return false;
    return true;
}

// Pattern diagnostics re-rooted under the challenge: "/nodes/1/type" → "/start/nodes/1/type".
void append_under(Diagnostics& out, const Diagnostics& in, const std::string& prefix) {
    for (const auto& d : in.items()) {
        if (d.severity == Severity::Error)
            out.error(prefix + d.path, d.message, d.hint);
        else
            out.warning(prefix + d.path, d.message, d.hint);
    }
}

// The starting canvas with a run applied, as the JSON a solution with that run would have.
Json apply_run_json(Json pattern, const Run& r) {
    if (!pattern.contains("settings") || !pattern["settings"].is_object()) pattern["settings"] = Json::object();
    for (auto it = r.settings.begin(); it != r.settings.end(); ++it) pattern["settings"][it.key()] = it.value();
    if (r.has_traffic) pattern["traffic"] = r.traffic;
    return pattern;
}

void load_run(Challenge& ch, const Json& j, const std::string& path, Diagnostics& diags, std::set<std::string>& ids) {
    Run r;
    r.path = path;
    if (!j.is_object()) {
        diags.error(path, "a run must be an object {\"id\", \"duration\", \"traffic\"}, got " + j.dump());
        return;
    }
    Fields f(j, path, diags);
    r.id = f.text("id", true);
    if (!r.id.empty() && !valid_id(r.id)) f.error("id", "id must be 1..64 of [A-Za-z0-9_-], got \"" + r.id + "\"");
    if (!r.id.empty() && !ids.insert(r.id).second) f.error("id", "two runs have id \"" + r.id + "\"");
    r.label = f.text("label", false);
    r.duration = f.duration("duration", true).value_or(minutes(10));
    if (const Json* t = f.raw("traffic")) {
        if (!t->is_array())
            f.error("traffic", "traffic must be an array of traffic entries (as in a pattern), got " + t->dump());
        else {
            r.has_traffic = true;
            r.traffic = *t;
        }
    }
    if (const Json* s = f.raw("settings")) {
        if (!s->is_object())
            f.error("settings", "settings must be an object (as in a pattern), got " + s->dump());
        else
            r.settings = *s;
        if (s->is_object() && s->contains("duration"))
            f.error("settings", "a run's length is its \"duration\", not settings.duration");
    }
    f.finish();
    // Validate the run's traffic and settings as part of the starting canvas.
    Json probe = ch.start_json;
    probe["nodes"] = Json::array();
    for (const auto& n : ch.start.nodes) probe["nodes"].push_back({{"id", n.id}, {"type", n.type}});
    probe["edges"] = Json::array();
    ParseResult parsed = parse_pattern_json(apply_run_json(probe, r));
    for (const auto& d : parsed.diagnostics.items()) {
        std::string p = d.path;
        if (p.rfind("/traffic", 0) == 0)
            p = path + p;
        else if (p.rfind("/settings", 0) == 0)
            p = path + p;
        else
            continue;  // the starting canvas's own problems are reported under /start
        if (d.severity == Severity::Error)
            diags.error(p, d.message, d.hint);
        else
            diags.warning(p, d.message, d.hint);
    }
    if (parsed.ok())
        for (std::size_t i = 0; i < parsed.pattern.traffic.size(); ++i) {
            const TrafficSpec& t = parsed.pattern.traffic[i];
            const NodeSpec* src = ch.start.find_node(t.source);
            // Profiles and payload templates are checked when a client is built: check them now too.
            const std::string tp = path + "/traffic/" + std::to_string(i);
            RateProfile::parse(t.profile, tp + "/profile", diags);
            if (!t.payload.is_null()) PayloadTemplate::compile(t.payload, tp + "/payload", diags);
            if (r.has_traffic && (!src || default_registry().role_of(src->type) != ServiceRole::Source))
                diags.error(path + "/traffic/" + std::to_string(i) + "/source",
                            "traffic source '" + t.source + "' must be a client or iot node of the starting canvas",
                            "add it to \"start\" so every solution keeps it");
        }
    ch.runs.push_back(std::move(r));
}

// A hint is a string, or {"text", "edits": [design actions]}.
void load_hints(Challenge& ch, const Json& hints, Diagnostics& d) {
    if (!hints.is_array())
        return d.error("/hints",
                       "hints must be an array of strings or {\"text\", \"edits\"}, got " + hints.dump().substr(0, 80));
    for (std::size_t i = 0; i < hints.size(); ++i) {
        Hint h;
        h.path = "/hints/" + std::to_string(i);
        if (hints[i].is_string())
            h.text = hints[i].get<std::string>();
        else if (!hints[i].is_object())
            d.error(h.path, "a hint must be a string or {\"text\", \"edits\"}, got " + hints[i].dump().substr(0, 80));
        else {
            Fields hf(hints[i], h.path, d);
            h.text = hf.text("text", true);
            if (const Json* e = hf.raw("edits")) {
                if (e->is_array())
                    h.edits = *e;
                else
                    hf.error("edits",
                             "edits must be an array of design actions ({\"add\"}, {\"connect\"}, {\"node\"}, "
                             "{\"edge\"}), got " +
                                 e->dump().substr(0, 80));
            }
            hf.finish();
        }
        ch.hints.push_back(std::move(h));
    }
}

}  // namespace

ParseResult solution_from_hints(const Challenge& ch) {
    ParseResult out{ch.start, {}};
    for (const Hint& h : ch.hints) {
        if (h.edits.empty()) continue;
        ParseResult next = apply_actions(out.pattern, h.edits, h.path + "/edits");
        // The changed design's own problems ("/nodes/3/type") are the hint's: report them there.
        for (const auto& item : next.diagnostics.items()) {
            const bool own = item.path.rfind("/hints", 0) == 0;
            const std::string where = own ? item.path : h.path + "/edits";
            const std::string what = own ? item.message : "after this hint's edits, " + item.path + ": " + item.message;
            if (item.severity == Severity::Error)
                out.diagnostics.error(where, what, item.hint);
            else
                out.diagnostics.warning(where, what, item.hint);
        }
        out.pattern = std::move(next.pattern);
        if (!next.ok()) break;
    }
    return out;
}

const Run* Challenge::find_run(std::string_view run_id) const {
    for (const auto& r : runs)
        if (r.id == run_id) return &r;
    return nullptr;
}

const std::vector<std::string>& check_kinds() {
    static const std::vector<std::string> kinds = {"no_always_on",  "no_node_type", "node_exists",       "wired",
                                                   "path",          "fan_out",      "keeps_start",       "metric",
                                                   "dead_lettered", "error_rate",   "throttles",         "latency",
                                                   "cost",          "idle_cost",    "cost_proportional", "schedule"};
    return kinds;
}

bool is_design_check(std::string_view kind) {
    for (const char* k : {"no_always_on", "no_node_type", "node_exists", "wired", "path", "fan_out", "keeps_start"})
        if (kind == k) return true;
    return false;
}

LoadResult load_challenge(std::string_view json_text) {
    JsonText json = parse_json_text(json_text);
    if (!json.ok) {
        LoadResult out;
        out.diagnostics.error("", "the challenge is not valid JSON: " + json.where());
        return out;
    }
    return load_challenge_json(json.value);
}

LoadResult load_challenge_json(const Json& root) {
    LoadResult out;
    Challenge& ch = out.challenge;
    Diagnostics& d = out.diagnostics;
    if (!root.is_object()) {
        d.error("", "a challenge must be a JSON object, got " + root.dump().substr(0, 80));
        return out;
    }
    Fields f(root, "", d);
    ch.format = f.text("format", true);
    if (!ch.format.empty() && ch.format != kChallengeFormat)
        f.error("format", "format must be \"" + std::string(kChallengeFormat) + "\", got \"" + ch.format + "\"");
    ch.id = f.text("id", true);
    if (!ch.id.empty() && !valid_id(ch.id)) f.error("id", "id must be 1..64 of [A-Za-z0-9_-], got \"" + ch.id + "\"");
    ch.title = f.text("title", true);
    ch.scenario = f.text("scenario", true);
    if (f.has("constraints")) ch.constraints = f.texts("constraints", true);
    if (const Json* hints = f.raw("hints")) load_hints(ch, *hints, d);

    // Starting canvas: a pattern (possibly with no nodes).
    if (const Json* s = f.raw("start")) {
        if (!s->is_object())
            f.error("start", "start must be a pattern object (the starting canvas), got " + s->dump().substr(0, 80));
        else
            ch.start_json = *s;
    }
    if (!ch.start_json.contains("format")) ch.start_json["format"] = kPatternFormat;
    if (!ch.start_json.contains("name")) ch.start_json["name"] = ch.title;
    ParseResult start = parse_pattern_json(ch.start_json);
    append_under(d, start.diagnostics, "/start");
    ch.start = start.pattern;

    if (start.ok()) {
        ParseResult built = solution_from_hints(ch);
        for (const auto& item : built.diagnostics.items())
            if (item.severity == Severity::Error) d.error(item.path, item.message, item.hint);
    }

    const Json* runs = f.raw("runs");
    if (!runs || !runs->is_array() || runs->empty()) {
        f.error(runs ? "runs" : "",
                "a challenge needs \"runs\": a non-empty array of {\"id\", \"duration\", \"traffic\"}" +
                    (runs ? ", got " + runs->dump().substr(0, 80) : std::string()));
    } else {
        std::set<std::string> ids;
        for (std::size_t i = 0; i < runs->size(); ++i) load_run(ch, (*runs)[i], "/runs/" + std::to_string(i), d, ids);
    }

    const Json* checks = f.raw("checks");
    if (!checks || !checks->is_array() || checks->empty()) {
        f.error(checks ? "checks" : "", "a challenge needs \"checks\": a non-empty array of {\"kind\", ...}" +
                                            (checks ? ", got " + checks->dump().substr(0, 80) : std::string()));
    } else {
        std::set<std::string> ids;
        for (std::size_t i = 0; i < checks->size(); ++i) {
            const Json& cj = (*checks)[i];
            Check c;
            c.path = "/checks/" + std::to_string(i);
            if (!cj.is_object() || !cj.contains("kind") || !cj["kind"].is_string()) {
                d.error(c.path,
                        "a check must be an object with \"kind\" (e.g. \"idle_cost\"), got " + cj.dump().substr(0, 80));
                continue;
            }
            c.spec = cj;
            c.kind = cj["kind"].get<std::string>();
            c.id = cj.contains("id") && cj["id"].is_string() ? cj["id"].get<std::string>()
                                                             : "check-" + std::to_string(i + 1);
            if (cj.contains("id") && (!cj["id"].is_string() || !valid_id(c.id)))
                d.error(c.path + "/id", "id must be 1..64 of [A-Za-z0-9_-], got " + cj["id"].dump());
            if (!ids.insert(c.id).second) d.error(c.path + "/id", "two checks have id \"" + c.id + "\"");
            const std::size_t before = d.error_count();
            validate_check(ch, c, d);
            if (d.error_count() != before) continue;
            c.description = cj.contains("description") ? cj["description"].get<std::string>() : describe_check(ch, c);
            ch.checks.push_back(std::move(c));
        }
    }

    if (const Json* cmp = f.raw("compare")) {
        if (!cmp->is_array())
            f.error("compare", "compare must be an array of {\"label\", \"design\"}, got " + cmp->dump().substr(0, 80));
        else
            for (std::size_t i = 0; i < cmp->size(); ++i) {
                Fields cf((*cmp)[i], "/compare/" + std::to_string(i), d);
                Comparison c{cf.text("label", true), cf.text("design", true)};
                cf.finish();
                ch.compare.push_back(std::move(c));
            }
    }
    f.finish();
    return out;
}

}  // namespace sim::challenge
