// web_bridge.cpp — the C functions behind window.playground (web/playground_api.js). Strings in
// and out are UTF-8 JSON; every call goes to the same App methods the UI uses. Results live in a
// static buffer until the next call (ccall copies them at once).
#include "export/mermaid.h"
#include "gallery.h"
#include "panels/panels.h"
#include "platform/json_reply.h"
#include "platform/web_host.h"
#include "runtime/simulation.h"
#include "share/share_payload.h"
#include "ui_marks.h"

#include <emscripten.h>

#include <string>
#include <string_view>

namespace {

const char* out(const sim::Json& j) {
    return pg::json_reply(j);
}
sim::Json diags(const sim::Diagnostics& d) {
    return pg::diagnostics_json(d);
}

}  // namespace

extern "C" {

// {ok, errors, warnings}: errors (and the document is untouched) when the text does not parse.
EMSCRIPTEN_KEEPALIVE const char* pg_load_pattern(const char* text, int from_ui) {
    const pg::LoadResult r = pg::web_app().load_pattern_text(text ? text : "", from_ui ? "open file" : "load");
    sim::Json errors = sim::Json::array(), warnings = sim::Json::array();
    for (const auto& d : diags(r.diagnostics)) (d["severity"] == "error" ? errors : warnings).push_back(d);
    if (!r.ok && from_ui) pg::web_app().show_open_error(errors);
    return out({{"ok", r.ok}, {"errors", errors}, {"warnings", warnings}});
}

EMSCRIPTEN_KEEPALIVE const char* pg_get_pattern() {
    return pg::text_reply(pg::web_app().pattern_text());
}

// {ok, error}
EMSCRIPTEN_KEEPALIVE const char* pg_fire(const char* node, const char* event_json) {
    sim::Json event = sim::Json::parse(event_json ? event_json : "null", nullptr, false);
    if (event.is_discarded()) return out({{"ok", false}, {"error", "event must be JSON"}});
    const std::string err = pg::web_app().fire(node ? node : "", event);
    return out({{"ok", err.empty()}, {"error", err}});
}

EMSCRIPTEN_KEEPALIVE void pg_play() {
    pg::web_app().play();
}
EMSCRIPTEN_KEEPALIVE void pg_pause() {
    pg::web_app().pause();
}
EMSCRIPTEN_KEEPALIVE int pg_step() {
    return pg::web_app().step() ? 1 : 0;
}
EMSCRIPTEN_KEEPALIVE void pg_reset() {
    pg::web_app().reset();
}
EMSCRIPTEN_KEEPALIVE void pg_set_speed(double speed) {
    pg::web_app().set_speed(speed);
}
// Returns a request id; state().completedRequest reaches it when the run is done.
EMSCRIPTEN_KEEPALIVE double pg_run_for(double seconds) {
    return static_cast<double>(pg::web_app().run_for(seconds));
}
EMSCRIPTEN_KEEPALIVE const char* pg_metrics() {
    return out(pg::web_app().metrics());
}
// {title, state, clock, nodes: [{id, text}], links: [text], problems: [text]} (web/outline.js).
EMSCRIPTEN_KEEPALIVE const char* pg_outline() {
    return out(pg::web_app().outline());
}
EMSCRIPTEN_KEEPALIVE int pg_select_node(const char* id) {
    return pg::web_app().select_node(id ? id : "") ? 1 : 0;
}
EMSCRIPTEN_KEEPALIVE const char* pg_state() {
    sim::Json state = pg::web_app().state();
    state["codeRuntime"] = pg::code_runtime_state();
    state["codeGallery"] = pg::code_gallery_state_name();
    return out(state);
}
EMSCRIPTEN_KEEPALIVE const char* pg_frame_stats() {
    return out(pg::web_app().frame_stats());
}
// The canvas layout plus `items`: named widgets drawn in the last frame (ui_marks.h), e.g. popup items.
EMSCRIPTEN_KEEPALIVE const char* pg_canvas_layout() {
    sim::Json layout = pg::web_app().canvas_layout();
    layout["items"] = pg::ui_marks_json();
    return out(layout);
}
EMSCRIPTEN_KEEPALIVE void pg_undo() {
    pg::web_app().undo();
}
EMSCRIPTEN_KEEPALIVE void pg_redo() {
    pg::web_app().redo();
}
EMSCRIPTEN_KEEPALIVE void pg_new() {
    pg::web_app().new_document();
}
EMSCRIPTEN_KEEPALIVE void pg_set_theme(int dark) {
    pg::web_app().set_dark(dark != 0);
}
EMSCRIPTEN_KEEPALIVE void pg_fit() {
    pg::web_app().fit();
}
// Brings a bottom tab to the front: 0 gallery, 1 problems, 2 events, 3 trace, 4 charts, 5 cost.
// {function id: [log lines]} for every function that runs code (the Logs tab's source).
EMSCRIPTEN_KEEPALIVE const char* pg_logs() {
    sim::Json logs = sim::Json::object();
    if (const sim::Simulation* s = pg::web_app().runner().simulation())
        for (pg::FunctionLogs& f : pg::function_logs(*s)) logs[f.function] = std::move(f.lines);
    return out(logs);
}

EMSCRIPTEN_KEEPALIVE void pg_show_tab(int tab) {
    pg::web_app().show_tab(tab);
}

// ---- Share links and embeds (web/share.js, web/embed.js) ----
// {ok, text, error, available}: a pattern shipped with the playground (patterns/<name>.json), for
// `?pattern=<name>` links.
EMSCRIPTEN_KEEPALIVE const char* pg_shipped_pattern(const char* name) {
    const std::string want = name ? name : "";
    sim::Json available = sim::Json::array();
    for (const auto& e : pg::gallery()) {
        if (e.file == want) return out({{"ok", true}, {"text", std::string(e.text)}});
        available.push_back(e.file);
    }
    return out({{"ok", false}, {"error", "no shipped pattern is called \"" + want + "\""}, {"available", available}});
}

// {ok, text, filename} for kind "mermaid" (engine/export/mermaid.h): the Export menu's file. SAM
// templates come from the on-demand tools module instead (playground/tools/sam_tools.cpp, loaded
// by web/share.js: window.playground.exportSam), which keeps the exporter out of the page budget.
EMSCRIPTEN_KEEPALIVE const char* pg_export(const char* kind) {
    const std::string k = kind ? kind : "";
    const sim::Pattern& p = pg::web_app().document().pattern();
    const std::string base = p.name.empty() ? "pattern" : p.name;
    if (k == "mermaid") return out({{"ok", true}, {"filename", base + ".mmd"}, {"text", sim::export_mermaid(p)}});
    if (k == "sam-yaml" || k == "sam-json")
        return out({{"ok", false},
                    {"error",
                     "SAM templates come from window.playground.exportSam(format), which loads tools/ on first use"}});
    return out({{"ok", false}, {"error", "unknown export \"" + k + "\"; expected mermaid"}});
}

// {ok, errors}: embed options (playground/embed_options.h); the valid part applies even on errors.
EMSCRIPTEN_KEEPALIVE const char* pg_set_embed_options(const char* json) {
    sim::Diagnostics d;
    const sim::Json j = sim::Json::parse(json ? json : "", nullptr, false);
    if (j.is_discarded())
        d.error("", "embed options must be JSON");
    else
        pg::web_app().set_embed_options(pg::parse_embed_options(j, d));
    return out({{"ok", !d.has_errors()},
                {"errors", diags(d)},
                {"options", pg::embed_options_json(pg::web_app().embed_options())}});
}

// The share envelope (engine/share/share_payload.h) of the document: pattern, view and, when
// `with_time`, the simulated time. The page compresses it into the link.
EMSCRIPTEN_KEEPALIVE const char* pg_share_payload(int with_time) {
    sim::ShareState s;
    s.pattern = sim::Json::parse(pg::web_app().pattern_text(), nullptr, false);
    s.view = pg::web_app().view_state();
    if (with_time) s.t = pg::web_app().state().value("simTime", 0.0);
    return pg::text_reply(sim::encode_share_payload(s));
}

// Opens a decompressed share envelope (`len` bytes, untrusted: any bytes at all). {ok, version,
// errors, warnings, t, buildErrors}: when ok is false the document is untouched. A pattern that
// does not build (bad config, an event storm beyond the traffic limits) is refused too, with
// buildErrors true, unless `force` (the page's "Open anyway": a shared work in progress). The
// envelope's seed and behaviour profile, when given, override the pattern's.
EMSCRIPTEN_KEEPALIVE const char* pg_open_share(const char* bytes, int len, int force) {
    const std::string_view text(bytes ? bytes : "", len > 0 ? static_cast<std::size_t>(len) : 0);
    const sim::ShareDecodeResult r = sim::decode_share_payload(text);
    sim::Json errors = sim::Json::array(), warnings = sim::Json::array();
    auto split = [&](const sim::Diagnostics& d) {
        for (const auto& x : diags(d)) (x["severity"] == "error" ? errors : warnings).push_back(x);
    };
    // The reply, built by assignment (initializer lists cost the page far more code).
    auto reply = [&](bool ok) {
        sim::Json j = sim::Json::object();
        j["ok"] = ok;
        j["version"] = r.version;
        j["errors"] = errors;
        j["warnings"] = warnings;
        return j;
    };
    split(r.diagnostics);
    if (!r.ok) return out(reply(false));
    sim::Json pattern = r.state.pattern;
    if (r.state.seed) pattern["seed"] = *r.state.seed;
    if (!r.state.profile.empty() && (!pattern.contains("settings") || pattern["settings"].is_object()))
        pattern["settings"]["lambdaScaling"] = r.state.profile;
    const std::string pattern_text = pattern.dump();
    if (!force) {
        const sim::Simulation::BuildResult trial = sim::build_from_text(pattern_text);
        if (trial.diagnostics.has_errors()) {
            errors = sim::Json::array();
            warnings = sim::Json::array();
            split(trial.diagnostics);
            sim::Json j = reply(false);
            j["buildErrors"] = true;
            return out(j);
        }
    }
    const pg::LoadResult loaded = pg::web_app().load_pattern_text(pattern_text, "open link");
    if (!loaded.ok) {
        errors = sim::Json::array();  // the pattern's own errors (the envelope's warnings repeat them)
        warnings = sim::Json::array();
        split(loaded.diagnostics);
        return out(reply(false));
    }
    pg::web_app().apply_view_state(r.state.view);
    errors = sim::Json::array();
    warnings = sim::Json::array();
    split(loaded.diagnostics);
    for (const auto& x : diags(r.diagnostics))
        if (x["path"].get<std::string>().rfind("/pattern", 0) != 0) warnings.push_back(x);
    sim::Json j = reply(true);
    j["t"] = r.state.t ? sim::Json(*r.state.t) : sim::Json();
    return out(j);
}

}  // extern "C"
