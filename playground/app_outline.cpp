// app_outline.cpp — the diagram as text for the page's accessible outline (web/outline.js keeps
// it in the DOM beside the canvas): the run state, each service with its kind and live figures,
// each link, and the problems. Read every second by the page; built from the same state the canvas
// draws, so a screen reader hears what sighted users see.
#include "app.h"

#include "pattern/routes.h"
#include "runtime/simulation.h"
#include "services/all_services.h"
#include "time_text.h"

#include <cstdio>

namespace pg {
namespace {

// "1,523"
std::string count_text(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.0f", v);
    std::string s = buf;
    for (int i = static_cast<int>(s.size()) - 3; i > 0; i -= 3) s.insert(static_cast<std::size_t>(i), ",");
    return s;
}

// "221 requests, 1 error, 7 cold starts, 219 items": the figures a badge or the inspector shows,
// the ones that are zero left out (but the requests).
std::string figures_text(const sim::Json& m) {
    struct Figure {
        const char* key;
        const char* one;
        const char* many;
    };
    static const Figure kFigures[] = {
        {"invocations", "request", "requests"},   {"errors", "error", "errors"},
        {"throttles", "throttle", "throttles"},   {"cold_starts", "cold start", "cold starts"},
        {"retries", "retry", "retries"},          {"dead_lettered", "message dead-lettered", "messages dead-lettered"},
        {"items", "item stored", "items stored"}, {"objects", "object stored", "objects stored"},
    };
    std::string text;
    for (const Figure& f : kFigures) {
        const auto it = m.find(f.key);
        if (it == m.end() || !it->is_number()) continue;
        const double v = it->get<double>();
        if (v == 0 && std::string(f.key) != "invocations") continue;
        text += (text.empty() ? "" : ", ") + count_text(v) + " " + (v == 1 ? f.one : f.many);
    }
    return text;
}

}  // namespace

sim::Json App::outline() const {
    const sim::Simulation* s = runner_.simulation();
    const sim::Pattern& p = doc_.pattern();
    sim::Json j = sim::Json::object();
    j["title"] = p.name.empty() ? std::string("Untitled") : p.name;
    // `state` changes only when the run does (a live region reads it out); `clock` ticks.
    j["state"] = !s                     ? "Not running: the pattern has errors."
                 : runner_.running()    ? "Running at ×" + count_text(runner_.speed()) + "."
                 : runner_.at_run_end() ? "Run ended at " + run_length_text(runner_.run_length()) + "."
                                        : std::string("Paused.");
    j["clock"] = "Simulated time " + clock_text(runner_.sim_seconds()) + " of a " +
                 run_length_text(runner_.run_length()) + " run; " +
                 count_text(s ? static_cast<double>(s->events_processed()) : 0) + " events.";
    const sim::Json report = s ? s->report() : sim::Json::object();
    const sim::Json* reported = report.contains("nodes") ? &report["nodes"] : nullptr;
    sim::Json& nodes = j["nodes"] = sim::Json::array();
    for (const auto& n : p.nodes) {
        const sim::ServiceKind* kind = sim::default_registry().find(n.type);
        std::string text = n.id + ", " + (kind ? kind->label : "unknown type " + n.type);
        if (reported && reported->contains(n.id))
            if (const std::string f = figures_text((*reported)[n.id]); !f.empty()) text += ": " + f;
        sim::Json& node = nodes.emplace_back();
        node["id"] = n.id;
        node["text"] = text;
    }
    sim::Json& links = j["links"] = sim::Json::array();
    for (const auto& e : p.edges) {
        std::string text = e.from + (e.port == "out" ? "" : " (" + e.port + ")") + " to " + e.to;
        if (e.config.is_object())
            if (const std::string routes = sim::routes_label(e.config); !routes.empty()) text += ", " + routes;
        links.push_back(text);
    }
    sim::Json& problems = j["problems"] = sim::Json::array();
    for (const auto& d : runner_.diagnostics().items())
        problems.push_back((d.severity == sim::Severity::Error ? "Error: " : "Warning: ") + d.message);
    return j;
}

}  // namespace pg
