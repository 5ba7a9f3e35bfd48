// web_bridge.cpp — the C functions behind window.playground (web/playground_api.js). Strings in
// and out are UTF-8 JSON; every call goes to the same App methods the UI uses. Results live in a
// static buffer until the next call (ccall copies them at once).
#include "platform/web_host.h"

#include <emscripten.h>

#include <string>

namespace {

std::string g_result;

const char* out(const sim::Json& j) {
    g_result = j.dump();
    return g_result.c_str();
}

sim::Json diags(const sim::Diagnostics& d) {
    sim::Json a = sim::Json::array();
    for (const auto& x : d.items())
        a.push_back({{"severity", x.severity == sim::Severity::Error ? "error" : "warning"},
                     {"path", x.path}, {"message", x.message}, {"hint", x.hint}});
    return a;
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
    g_result = pg::web_app().pattern_text();
    return g_result.c_str();
}

// {ok, error}
EMSCRIPTEN_KEEPALIVE const char* pg_fire(const char* node, const char* event_json) {
    sim::Json event = sim::Json::parse(event_json ? event_json : "null", nullptr, false);
    if (event.is_discarded()) return out({{"ok", false}, {"error", "event must be JSON"}});
    const std::string err = pg::web_app().fire(node ? node : "", event);
    return out({{"ok", err.empty()}, {"error", err}});
}

EMSCRIPTEN_KEEPALIVE void pg_play() { pg::web_app().play(); }
EMSCRIPTEN_KEEPALIVE void pg_pause() { pg::web_app().pause(); }
EMSCRIPTEN_KEEPALIVE int pg_step() { return pg::web_app().step() ? 1 : 0; }
EMSCRIPTEN_KEEPALIVE void pg_reset() { pg::web_app().reset(); }
EMSCRIPTEN_KEEPALIVE void pg_set_speed(double speed) { pg::web_app().set_speed(speed); }
// Returns a request id; state().completedRequest reaches it when the run is done.
EMSCRIPTEN_KEEPALIVE double pg_run_for(double seconds) { return static_cast<double>(pg::web_app().run_for(seconds)); }
EMSCRIPTEN_KEEPALIVE const char* pg_metrics() { return out(pg::web_app().metrics()); }
EMSCRIPTEN_KEEPALIVE int pg_select_node(const char* id) { return pg::web_app().select_node(id ? id : "") ? 1 : 0; }
EMSCRIPTEN_KEEPALIVE const char* pg_state() { return out(pg::web_app().state()); }
EMSCRIPTEN_KEEPALIVE const char* pg_frame_stats() { return out(pg::web_app().frame_stats()); }
EMSCRIPTEN_KEEPALIVE const char* pg_canvas_layout() { return out(pg::web_app().canvas_layout()); }
EMSCRIPTEN_KEEPALIVE void pg_undo() { pg::web_app().undo(); }
EMSCRIPTEN_KEEPALIVE void pg_redo() { pg::web_app().redo(); }
EMSCRIPTEN_KEEPALIVE void pg_new() { pg::web_app().new_document(); }
EMSCRIPTEN_KEEPALIVE void pg_set_theme(int dark) { pg::web_app().set_dark(dark != 0); }
EMSCRIPTEN_KEEPALIVE void pg_fit() { pg::web_app().fit(); }
// Brings a bottom tab to the front: 0 gallery, 1 problems, 2 events, 3 trace, 4 charts, 5 cost.
EMSCRIPTEN_KEEPALIVE void pg_show_tab(int tab) { pg::web_app().show_tab(tab); }

}  // extern "C"
