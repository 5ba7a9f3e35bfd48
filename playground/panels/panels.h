// panels.h — the panels around the canvas: palette, inspector, bottom tabs (diagnostics, event
// log, trace view, charts, cost) and dialogs (gallery, fire an event). Each lives in its own file;
// Panels only holds the little state they keep between frames.
#pragma once

#include "canvas/canvas_edit.h"
#include "canvas/graph_canvas.h"
#include "document.h"
#include "node_schema.h"
#include "notices.h"
#include "sim_runner.h"
#include "theme.h"

#include <cstdint>
#include <map>
#include <string>
#include <utility>
#include <vector>

namespace pg {

class App;

// What a panel draws from. Panels propose graph edits (add, delete, duplicate) into `proposals`;
// App applies them after the frame's panels are drawn, or refuses them (canvas/canvas_edit.h). In a
// read-only embed (`read_only`) the panels show settings but offer no way to change them.
struct PanelContext {
    Document& doc;
    SimRunner& runner;
    GraphCanvas& canvas;
    const Theme& theme;
    CanvasEdits& proposals;
    bool read_only = false;
};

// One function's log stream (engine inspect()["logs"]: START, console lines, END, REPORT).
struct FunctionLogs {
    std::string function;
    std::vector<std::string> lines;
};

struct Panels {
    // palette
    sim::Json palette_items = sim::Json::object();  // type → [x0,y0,x1,y1] CSS px (automation aid)
    std::string palette_filter;
    bool palette_popup = false;
    bool focus_palette = false;  // the keyboard goes into the palette's filter next frame (shortcut A)
    // inspector
    sim::Json inspector_items = sim::Json::object();  // field → [x0,y0,x1,y1] CSS px (automation aid)
    bool focus_inspector = false;                     // the keyboard goes into the inspector next frame (shortcut I)
    sim::Json field_help_drawn;  // the field meaning a tooltip showed this frame: {key, state, text, aws}
    SchemaCache schema;
    EdgeSchemaCache edge_schema;
    std::string inspector_for;                  // node id / "#edge<i>" / "#pattern" the buffers belong to
    std::uint64_t buffers_rev = 0;              // document revision the buffers were filled from
    std::map<std::string, std::string> text;    // per-field edit buffers (text and JSON values)
    std::map<std::string, std::string> errors;  // per-field local errors ("not valid JSON yet")
    std::string rename_buffer;
    GestureId edit_gesture = 0;  // the field edit in progress (Document::begin_gesture), 0 when none
    // bottom tabs
    bool focus_bottom = false;  // the keyboard goes into the tab area next frame (shortcut B)
    std::string log_filter;
    bool log_problems_only = false;
    std::uint64_t trace_id = 0;  // trace shown in the trace view (0: the latest)
    std::string chart_node;
    sim::Json charts;             // each chart's title, legend and axis labels as the Charts tab last drew them
    bool hide_events = false;     // embeds: no Events/Trace tabs (hide=log)
    bool hide_cost = false;       // embeds: no Cost tab (hide=cost)
    int bottom_tab_request = -1;  // a tab to bring to front next frame (0 gallery, 1 problems, 2 events, 3 trace)
    int current_tab = 0;          // the tab in front (share links carry it)
    // logs (the Logs tab, shown when a function runs code)
    std::vector<FunctionLogs> logs;
    std::pair<std::uint64_t, std::uint64_t> logs_read_at{~0ull, 0};  // (build, events) they were read at
    std::string logs_function, logs_filter;
    std::size_t logs_shown = 0;  // lines the filters let through (state().logsShown)
    // dialogs
    bool show_fire = false;
    std::string fire_node, fire_text, fire_result;
    std::string fire_sample;  // the sample last offered: while the text is untouched it follows the design
    bool fire_wait = true;    // send as a caller that waits for the answer (a synchronous invoke)
    std::uint64_t fire_call = 0, fire_call_build = 0;  // the last waiting Fire: its call, the build it went to
    double fire_call_at = 0;                           // and when it was sent (simulated seconds)
    int fire_shown = 0;    // what the dialog showed last frame (no answer, waiting, an answer): on a
    float fire_width = 0;  // change it fits its height again, at the width it had
    std::string open_error;
    // refused edits: the banner and the log the Problems tab lists
    Notices notices;
};

void draw_palette(PanelContext& ctx, Panels& state);
void draw_palette_button(PanelContext& ctx, Panels& state);  // narrow layout: "+ Add" popup
void draw_inspector(PanelContext& ctx, Panels& state);
void draw_bottom_tabs(PanelContext& ctx, Panels& state, bool narrow, App& app);
void draw_diagnostics(PanelContext& ctx, Panels& state);
void draw_event_log(PanelContext& ctx, Panels& state);
void draw_trace_view(PanelContext& ctx, Panels& state);
void draw_charts(PanelContext& ctx, Panels& state);
void draw_cost(PanelContext& ctx);
void draw_logs(PanelContext& ctx, Panels& state);
// Reads the functions' logs after a build, and when `reading` (the tab is open) after every step.
void refresh_logs(PanelContext& ctx, Panels& state, bool reading);
// Every function that runs code, with its log lines (what the Logs tab shows).
std::vector<FunctionLogs> function_logs(const sim::Simulation& s);
void draw_gallery(PanelContext& ctx, Panels& state, App& app);
void draw_dialogs(PanelContext& ctx, Panels& state, App& app);
// The last waiting Fire's answer for state().fire.answer: null when there is none, {"waiting": true}
// until it arrives, else {"afterMs", "status", "error", "detail", "body"}.
sim::Json fire_answer_json(const Panels& state, const SimRunner& runner);

}  // namespace pg
