// app.h — the playground application: one frame draws the UI from the Document and a snapshot of
// the Simulation, and turns input into Document edits or runner commands. The JS API (web_bridge)
// calls the same methods the UI does, so both drive one code path and one engine.
#pragma once

#include "canvas/graph_canvas.h"
#include "document.h"
#include "embed_options.h"
#include "flow.h"
#include "learn/learn.h"
#include "panels/panels.h"
#include "schedule_skip.h"
#include "sim_runner.h"
#include "theme.h"

#include <deque>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

struct ImGuiWindow;  // imgui_internal.h

namespace pg {

// What the platform layer provides (browser downloads, file picker, localStorage).
struct PlatformHooks {
    std::function<void(const std::string& filename, const std::string& text)> download;
    std::function<void()> open_file;                        // result arrives via App::load_pattern_text
    std::function<void(const std::string& text)> autosave;  // called ~1 s after the last edit
    // Page-side commands (web/share.js): "share" (copy a share link), "export-png".
    std::function<void(const std::string& command)> host_command;
};

struct LoadResult {
    bool ok = false;
    sim::Diagnostics diagnostics;
};

class App {
public:
    explicit App(PlatformHooks hooks = {});

    // ---- Platform side ----
    // Sets the device pixel ratio; true when the font atlas was rebuilt (re-upload the texture).
    bool set_ui_scale(float scale);
    // One UI frame; `dt` is real seconds since the previous frame.
    void frame(double dt);
    // Timing of the previous frame, for frameStats(): full frame interval, CPU time in our code and
    // the share of the screen the renderer redrew (0 when nothing changed).
    void record_frame_time(double interval_ms, double cpu_ms, double redrawn);
    // Sampled every few frames: pixels covered by the frame's triangles and its vertex count.
    void record_fill(double pixels, int vertices) {
        fill_pixels_ = pixels;
        vertices_ = vertices;
    }
    // Restores the autosaved document (if valid) instead of the default pattern. Not undoable.
    bool restore_autosave(std::string_view text);

    // ---- Commands shared by the UI and the JS API ----
    // Loads pattern text; on errors the current document is untouched and the errors are returned.
    LoadResult load_pattern_text(std::string_view text, const std::string& label = "open");
    std::string pattern_text() const;
    std::string fire(const std::string& node_id, const sim::Json& event);
    // Fires as a caller that waits for the answer (SimRunner::call): the call's id, 0 with `error` set.
    std::uint64_t call(const std::string& node_id, const sim::Json& event, std::string& error);
    void play() { runner_.play(); }
    void pause() { runner_.pause(); }
    bool step();
    std::uint64_t run_for(double sim_seconds) { return runner_.run_for(sim_seconds); }
    void reset();
    // The JavaScript runtime for Lambda code arrived (or failed to): the design is built again so
    // its functions run their code (or say why not), keeping Play's state.
    void code_runtime_changed() { built_rev_ = kNotBuilt; }
    // Advances the run to just before the next scheduled rule fire (schedule_skip.h), served over
    // the next frames like run_for; false when there is none before the run length.
    bool skip_to_next_schedule();
    // Where that skip would go: the next fire at least kSkipLead away, within the run length.
    std::optional<ScheduledFire> next_skip() const;
    void new_document();
    void undo();
    void redo();
    bool select_node(const std::string& id);
    void set_speed(double speed) { runner_.set_speed(speed); }
    void set_dark(bool dark);
    void fit() { canvas_.request_fit(); }
    void show_tab(int tab) { panels_.bottom_tab_request = tab; }
    // A file the user opened did not parse: show why (the document is untouched).
    void show_open_error(const sim::Json& errors);
    sim::Json metrics() const;  // Simulation::report(), or {"error": ...} when not built
    // The diagram as text for the page's accessible outline (app_outline.cpp, web/outline.js).
    sim::Json outline() const;
    sim::Json state() const;  // simTime, running, counts, diagnostics, ...
    sim::Json frame_stats() const;
    sim::Json canvas_layout() const;  // node/port screen positions in CSS px (automation aid)
    // Embedding (web/EMBED.md): read-only, hidden panels, locked view, highlighted node.
    void set_embed_options(const EmbedOptions& o);
    const EmbedOptions& embed_options() const { return embed_; }
    // The view part of a share link: {"tab": name, "sel": [ids]} (defaults left out), and back.
    sim::Json view_state() const;
    void apply_view_state(const sim::Json& view);

    Document& document() { return doc_; }
    Learn& learn() { return learn_; }
    SimRunner& runner() { return runner_; }
    const Theme& theme() const { return theme_; }

private:
    void sync_simulation();
    // Applies what the canvas proposed this frame, or refuses it (app_canvas_edits.cpp).
    void apply_canvas_edits(const CanvasEdits& edits);
    void handle_shortcuts();
    // N / Shift+N and the arrows: select and move services without a mouse (app_canvas_keys.cpp).
    bool handle_canvas_keys();
    void give_keyboard_to_canvas();
    void draw_toolbar();
    void save_file();
    void draw_help_overlay();
    void maybe_autosave(double dt);
    void draw_first_hint(ImVec2 canvas_min, ImVec2 canvas_max, bool narrow);
    void guard_locked_view(const CanvasView& view_before, bool fitting);
    void host_command(const char* command) {
        if (hooks_.host_command) hooks_.host_command(command);
    }
    void draw_context_menu();                    // right-click menus on the canvas (app_context_menu.cpp)
    void export_menu_items();                    // Share/Export menu entries (app_toolbar.cpp)
    void skip_button();                          // "Skip to schedule" (app_toolbar.cpp)
    void run_length_status(bool short_text);     // "run ended at 10m" / "past the 10m run length"
    void record_toolbar_item(const char* name);  // the last item's rect, for layout()

    PlatformHooks hooks_;
    Theme theme_;
    Document doc_;
    SimRunner runner_;
    GraphCanvas canvas_;
    FlowTracker flow_;
    Panels panels_;
    Learn learn_{doc_, runner_, canvas_};  // tours, challenges, quiz (learn/)
    const void* lesson_shown_ = nullptr;   // the tour/challenge/quiz the tab area last opened on
    static constexpr std::uint64_t kNotBuilt = ~std::uint64_t{0};
    std::uint64_t built_rev_ = 0;
    CanvasEdits proposals_;                 // proposed by panels and shortcuts this frame (canvas_edit.h)
    GestureId drag_gesture_ = 0;            // the canvas drag in progress: its moves are one undo step
    ImGuiWindow* canvas_window_ = nullptr;  // the canvas's window: the arrows move nodes while it has the focus
    ContextMenuProposal context_menu_;      // what the open (or opening) context menu is for
    bool open_context_menu_ = false;        // the canvas asked for it this frame
    std::uint64_t saved_rev_ = 0;
    // A first visit's hint on the canvas (what to do first), until the visitor does anything.
    bool first_hint_ = true;
    std::uint64_t first_hint_rev_ = 0;
    double autosave_wait_ = 0;
    bool dark_ = true, help_open_ = false;
    EmbedOptions embed_;
    sim::Json toolbar_items_ = sim::Json::object();  // toolbar button → [x0,y0,x1,y1] CSS px (automation aid)
    std::deque<double> frame_ms_, cpu_ms_, redrawn_;
    std::uint64_t frames_ = 0;
    double fill_pixels_ = 0;
    int vertices_ = 0;
};

}  // namespace pg
