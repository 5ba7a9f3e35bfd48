// tour.cpp — loading guided tours, applying their "set" actions to a pattern, and checking a tour
// against its pattern (see tour.h).
#include "challenge/tour.h"

#include "challenge/design_actions.h"
#include "challenge/json_fields.h"
#include "pattern/json_guard.h"
#include "runtime/simulation.h"

namespace sim::challenge {

namespace {

void load_step(Tour& t, const Json& j, const std::string& path, Diagnostics& d) {
    TourStep s;
    s.path = path;
    Fields f(j, path, d);
    if (!j.is_object()) {
        d.error(path, "a step must be an object {\"title\", \"text\", \"highlight\"}, got " + j.dump().substr(0, 80));
        return;
    }
    s.title = f.text("title", true);
    s.text = f.text("text", true);
    s.highlight = f.text("highlight", false);
    if (const Json* set = f.raw("set")) {
        if (set->is_object())
            s.set = Json::array({*set});
        else if (set->is_array())
            s.set = *set;
        else
            f.error("set", "set must be an action object or an array of them, got " + set->dump());
    }
    if (const Json* w = f.raw("watch")) {
        Fields wf(*w, f.path_of("watch"), d);
        Watch watch{wf.text("node", true), wf.text("metric", true), wf.text("direction", true)};
        if (!watch.direction.empty() && watch.direction != "up" && watch.direction != "down" &&
            watch.direction != "same")
            wf.error("direction", "direction must be \"up\", \"down\" or \"same\", got \"" + watch.direction + "\"");
        wf.finish();
        s.watch = watch;
    }
    f.finish();
    t.steps.push_back(std::move(s));
}

}  // namespace

TourLoad load_tour(std::string_view json_text) {
    TourLoad out;
    JsonText json = parse_json_text(json_text);
    if (!json.ok) {
        out.diagnostics.error("", "the tour is not valid JSON: " + json.where());
        return out;
    }
    const Json& root = json.value;
    Diagnostics& d = out.diagnostics;
    if (!root.is_object()) {
        d.error("", "a tour must be a JSON object, got " + root.dump().substr(0, 80));
        return out;
    }
    Tour& t = out.tour;
    Fields f(root, "", d);
    t.format = f.text("format", true);
    if (!t.format.empty() && t.format != kTourFormat)
        f.error("format", "format must be \"" + std::string(kTourFormat) + "\", got \"" + t.format + "\"");
    t.pattern = f.text("pattern", true);
    t.title = f.text("title", true);
    t.description = f.text("description", false);
    if (f.has("duration")) t.duration = f.duration("duration", true);
    const Json* steps = f.raw("steps");
    if (!steps || !steps->is_array() || steps->size() < 4 || steps->size() > 8) {
        f.error(steps ? "steps" : "",
                "a tour needs \"steps\": an array of 4 to 8 steps" +
                    (steps ? ", got " + std::to_string(steps->is_array() ? steps->size() : 0) : std::string()));
    } else {
        for (std::size_t i = 0; i < steps->size(); ++i) load_step(t, (*steps)[i], "/steps/" + std::to_string(i), d);
    }
    f.finish();
    return out;
}

Diagnostics check_tour(const Tour& t, const Pattern& p) {
    Diagnostics d;
    for (const auto& s : t.steps) {
        std::string from, to;
        if (!s.highlight.empty()) {
            if (split_edge(s.highlight, from, to)) {
                bool found = false;
                for (const auto& e : p.edges) found = found || (e.from == from && e.to == to);
                if (!found) d.error(s.path + "/highlight", "pattern '" + t.pattern + "' has no edge " + s.highlight);
            } else if (!p.find_node(s.highlight)) {
                d.error(s.path + "/highlight", "pattern '" + t.pattern + "' has no node '" + s.highlight + "'");
            }
        }
        if (s.watch && !p.find_node(s.watch->node))
            d.error(s.path + "/watch/node", "pattern '" + t.pattern + "' has no node '" + s.watch->node + "'");
        if (s.set.empty()) continue;
        ParseResult changed = apply_actions(p, s.set, s.path + "/set");
        for (const auto& item : changed.diagnostics.items())
            if (item.severity == Severity::Error) d.error(item.path, item.message, item.hint);
        if (!changed.ok()) continue;
        auto built = Simulation::build(changed.pattern);
        for (const auto& item : built.diagnostics.items())
            if (item.severity == Severity::Error)
                d.error(s.path + "/set", "after this step's changes: " + item.path + ": " + item.message, item.hint);
    }
    return d;
}

std::optional<double> watch_value(const Json& report, const Watch& w) {
    if (!report.contains("nodes") || !report["nodes"].contains(w.node)) return std::nullopt;
    const Json& n = report["nodes"][w.node];
    if (w.metric.find('~') != std::string::npos) return std::nullopt;  // not a valid pointer token
    const Json::json_pointer ptr("/" + w.metric);
    if (!n.contains(ptr) || !n[ptr].is_number()) return std::nullopt;
    return n[ptr].get<double>();
}

}  // namespace sim::challenge
