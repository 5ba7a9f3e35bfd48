// app.cpp — the frame (layout of toolbar, palette, canvas, inspector, bottom panels), commands and
// the JSON views the JS API returns.
#include "app.h"

#include "assets.h"
#include "gallery.h"
#include "learn/learn_ui.h"
#include "schedule_skip.h"
#include "services/all_services.h"
#include "ui_marks.h"
#include "widgets.h"
#include "wiring_defaults.h"

#include <imgui_internal.h>  // GetCurrentWindow: the canvas window, whose arrow keys are ours

#include <algorithm>
#include <cfloat>
#include <cmath>

namespace pg {
namespace {

constexpr double kAutosaveDelay = 0.8;  // seconds after the last edit
constexpr std::size_t kFrameWindow = 120;
constexpr double kLearnBudgetMs = 12;  // background checks/quiz runs per frame

sim::Json diagnostics_json(const sim::Diagnostics& d) {
    sim::Json out = sim::Json::array();
    for (const auto& x : d.items())
        out.push_back({{"severity", x.severity == sim::Severity::Error ? "error" : "warning"},
                       {"path", x.path},
                       {"message", x.message},
                       {"hint", x.hint}});
    return out;
}

double mean(const std::deque<double>& v) {
    if (v.empty()) return 0;
    double s = 0;
    for (double x : v) s += x;
    return s / static_cast<double>(v.size());
}

double percentile(std::deque<double> v, double q) {
    if (v.empty()) return 0;
    std::sort(v.begin(), v.end());
    return v[std::min(v.size() - 1, static_cast<std::size_t>(q * static_cast<double>(v.size())))];
}

}  // namespace

App::App(PlatformHooks hooks) : hooks_(std::move(hooks)) {
    const auto text = asset_text("patterns/rest-api.json");
    sim::ParseResult parsed = sim::parse_pattern(text);
    if (parsed.ok()) doc_.replace(std::move(parsed.pattern), "open");
    doc_.reset_history();
    saved_rev_ = first_hint_rev_ = doc_.revision();
    panels_.bottom_tab_request = 0;  // a first visit opens on the gallery
}

bool App::set_ui_scale(float scale) {
    if (scale == theme_.scale()) return false;
    return theme_.apply(scale, dark_);
}

void App::set_dark(bool dark) {
    dark_ = dark;
    theme_.apply(theme_.scale(), dark_);
}

bool App::restore_autosave(std::string_view text) {
    sim::ParseResult parsed = sim::parse_pattern(text);
    if (!parsed.ok()) return false;
    doc_.replace(std::move(parsed.pattern), "restore");
    doc_.reset_history();
    saved_rev_ = doc_.revision();
    canvas_.request_fit();
    panels_.bottom_tab_request = 1;  // coming back: show the problems, not the gallery
    first_hint_ = false;
    return true;
}

// ---- Commands ------------------------------------------------------------------------------------------
LoadResult App::load_pattern_text(std::string_view text, const std::string& label) {
    sim::ParseResult parsed = sim::parse_pattern(text);
    LoadResult r;
    r.diagnostics = parsed.diagnostics;
    r.ok = parsed.ok();
    if (!r.ok) return r;
    doc_.replace(std::move(parsed.pattern), label);
    canvas_.request_fit();
    learn_.refit_frames = 2;  // an open tour/challenge/quiz card keeps the diagram beside it
    sync_simulation();
    // Build problems (bad config, refused wirings) are part of the answer but the pattern is loaded:
    // it stays editable and shows its errors on the canvas.
    r.diagnostics.append(runner_.diagnostics());
    return r;
}

std::string App::pattern_text() const {
    return sim::write_pattern(doc_.pattern());
}

std::string App::fire(const std::string& node_id, const sim::Json& event) {
    sync_simulation();
    return runner_.fire(node_id, event);
}

std::uint64_t App::call(const std::string& node_id, const sim::Json& event, std::string& error) {
    sync_simulation();
    return runner_.call(node_id, event, error);
}

bool App::step() {
    sync_simulation();
    runner_.pause();
    return runner_.step();
}

void App::reset() {
    runner_.pause();
    runner_.rebuild(doc_.pattern());
    flow_.reset();
    built_rev_ = doc_.semantic_revision();
}

std::optional<ScheduledFire> App::next_skip() const {
    const sim::Simulation* s = runner_.simulation();
    if (!s) return std::nullopt;
    std::optional<ScheduledFire> fire = next_scheduled_fire(doc_.pattern(), s->now() + kSkipLead);
    if (fire && fire->at - kSkipLead > runner_.run_length() && !runner_.overtime()) return std::nullopt;
    return fire;
}

bool App::skip_to_next_schedule() {
    sync_simulation();
    const std::optional<ScheduledFire> fire = next_skip();
    if (!fire) return false;
    runner_.run_for((fire->at - kSkipLead - runner_.simulation()->now()).seconds());
    return true;
}

void App::new_document() {
    sim::Pattern p;
    p.name = "Untitled";
    doc_.replace(std::move(p), "new");
    canvas_.request_fit();  // an empty canvas: back to 100%, so new services arrive readable
}

void App::show_open_error(const sim::Json& errors) {
    std::string text;
    for (const auto& e : errors) {
        const std::string path = e.value("path", "");
        text += (path.empty() ? "" : path + ": ") + e.value("message", "") + "\n";
    }
    panels_.open_error = text.empty() ? "the file could not be read" : text;
}

void App::undo() {
    doc_.undo();
}
void App::redo() {
    doc_.redo();
}

bool App::select_node(const std::string& id) {
    if (!doc_.pattern().find_node(id)) return false;
    doc_.select_only(id);
    return true;
}

// The semantic part changed: rebuild (editing resets the run; the engine is never mutated).
void App::sync_simulation() {
    if (built_rev_ == doc_.semantic_revision()) return;
    const bool was_running = runner_.running();
    runner_.rebuild(doc_.pattern());
    flow_.reset();
    built_rev_ = doc_.semantic_revision();
    if (was_running) runner_.play();
}

// ---- JSON views for the API --------------------------------------------------------------------------------
sim::Json App::metrics() const {
    const sim::Simulation* s = runner_.simulation();
    if (!s) return {{"error", "the pattern has errors"}, {"diagnostics", diagnostics_json(runner_.diagnostics())}};
    return s->report();
}

// Built by assignment, not from initializer lists: nlohmann's initializer lists cost the page
// several times the code (its download budget).
sim::Json App::state() const {
    const sim::Simulation* s = runner_.simulation();
    sim::Json j = sim::Json::object();
    j["simTime"] = s ? s->now().seconds() : 0.0;
    j["runLength"] = runner_.run_length().seconds();
    j["runEnded"] = runner_.at_run_end() && !runner_.overtime();
    j["overtime"] = runner_.overtime();
    sim::Json& next_schedule = j["nextSchedule"];
    if (const auto f = s ? next_scheduled_fire(doc_.pattern(), s->now()) : std::nullopt) {
        next_schedule["at"] = f->at.seconds();
        next_schedule["bus"] = f->bus;
        next_schedule["rule"] = f->rule;
        next_schedule["utc"] = f->utc;
    }
    sim::Json& notice = j["notice"];  // null when no banner is up
    if (const Notice* n = panels_.notices.current()) {
        notice["title"] = n->title;
        notice["text"] = n->text;
    }
    sim::Json& refused = j["refusedEdits"] = sim::Json::array();
    for (const Notice& n : panels_.notices.log()) refused.push_back(n.title + ": " + n.text);
    sim::Json& unused = j["unusedLinks"] = sim::Json::array();
    const std::vector<bool> unused_flags = unused_links(doc_.pattern());
    for (std::size_t i = 0; i < unused_flags.size(); ++i)
        if (unused_flags[i]) unused.push_back(i);
    sim::Json& logs = j["logsShown"];
    logs["function"] = panels_.logs_function;
    logs["filter"] = panels_.logs_filter;
    logs["lines"] = panels_.logs_shown;
    j["running"] = runner_.running();
    j["busy"] = runner_.busy();
    j["completedRequest"] = runner_.completed_request();
    j["speed"] = runner_.speed();
    j["lagging"] = runner_.lagging();
    j["events"] = s ? s->events_processed() : 0;
    j["pendingEvents"] = s ? s->pending_events() : 0;
    j["nodeCount"] = doc_.pattern().nodes.size();
    j["edgeCount"] = doc_.pattern().edges.size();
    j["name"] = doc_.pattern().name;
    j["built"] = s != nullptr;
    j["builds"] = runner_.builds();
    j["diagnostics"] = diagnostics_json(runner_.diagnostics());
    sim::Json& selection = j["selection"];
    selection["nodes"] = doc_.selection().nodes;
    selection["edge"] = doc_.selection().edge;
    j["canUndo"] = doc_.can_undo();
    j["canRedo"] = doc_.can_redo();
    j["revision"] = doc_.revision();
    j["refusals"] = canvas_.refusals();
    j["canvasGesture"] = canvas_.gesture_name();
    j["lastRefusal"] = canvas_.last_refusal().text;
    j["dotsInFlight"] = flow_.dots_in_flight();
    j["theme"] = dark_ ? "dark" : "light";
    j["firstHint"] = first_hint_;
    j["keyboardFocus"] = keyboard_focus_mark();
    // The Fire dialog: open, for which node, the text it will send and what the last Fire did.
    sim::Json& fire = j["fire"];
    fire["open"] = panels_.show_fire;
    fire["node"] = panels_.fire_node;
    fire["event"] = panels_.fire_text;
    fire["result"] = panels_.fire_result;
    fire["wait"] = panels_.fire_wait;
    fire["answer"] = fire_answer_json(panels_, runner_);
    return j;
}

void App::record_frame_time(double interval_ms, double cpu_ms, double redrawn) {
    frame_ms_.push_back(interval_ms);
    cpu_ms_.push_back(cpu_ms);
    redrawn_.push_back(redrawn);
    if (frame_ms_.size() > kFrameWindow) frame_ms_.pop_front();
    if (cpu_ms_.size() > kFrameWindow) cpu_ms_.pop_front();
    if (redrawn_.size() > kFrameWindow) redrawn_.pop_front();
}

sim::Json App::frame_stats() const {
    const double avg = mean(frame_ms_);
    sim::Json j = sim::Json::object();
    j["frames"] = frames_;
    j["window"] = frame_ms_.size();
    j["frameMsAvg"] = avg;
    j["frameMsP95"] = percentile(frame_ms_, 0.95);
    j["cpuMsAvg"] = mean(cpu_ms_);
    j["cpuMsP95"] = percentile(cpu_ms_, 0.95);
    j["fps"] = avg > 0 ? 1000.0 / avg : 0.0;
    j["redrawnAvg"] = mean(redrawn_);
    j["dots"] = flow_.dots_in_flight();
    j["dotsDrawn"] = canvas_.dots_drawn();
    j["vertices"] = vertices_;
    j["overdraw"] =
        fill_pixels_ / std::max(1.0, static_cast<double>(ImGui::GetIO().DisplaySize.x * ImGui::GetIO().DisplaySize.y));
    return j;
}

sim::Json App::canvas_layout() const {
    const float s = theme_.scale() > 0 ? theme_.scale() : 1;
    const CanvasView& v = canvas_.view();
    auto css = [&](Vec2f w) {
        const ImVec2 p = v.to_screen(w);
        return sim::Json::array({p.x / s, p.y / s});
    };
    sim::Json nodes = sim::Json::object();
    const auto& titles = canvas_.drawn_titles();
    const auto& shapes = canvas_.shapes(doc_);
    for (std::size_t i = 0; i < shapes.size(); ++i) {
        const NodeShape& n = shapes[i];
        sim::Json ports = sim::Json::object();
        for (const auto& p : n.outputs) ports[p.name] = css(p.at);
        const ImVec2 a = v.to_screen(n.box.min), b = v.to_screen(n.box.max);
        sim::Json& node = nodes[n.spec->id];
        node["rect"] = {a.x / s, a.y / s, b.x / s, b.y / s};
        node["center"] = {(a.x + b.x) * 0.5f / s, (a.y + b.y) * 0.5f / s};
        node["input"] = n.has_input ? css(n.input) : sim::Json();
        node["outputs"] = std::move(ports);
        // The title the last frame drew (after an edit no frame has drawn yet: none).
        if (i < titles.size() && titles.size() == shapes.size() && !titles[i].text.empty()) {
            node["title"]["text"] = titles[i].text;
            node["title"]["px"] = titles[i].size / s;
        }
        if (i < titles.size() && titles.size() == shapes.size() && titles[i].icon[2] > 0)
            node["icon"] = {titles[i].icon[0] / s, titles[i].icon[1] / s, titles[i].icon[2] / s};
    }
    // Each link: its curve sampled at t = 0.1 … 0.9 and, when the last frame drew one, its label.
    sim::Json links = sim::Json::array();
    for (const EdgeShape& e : canvas_.edge_shapes()) {
        if (e.from < 0 || e.to < 0) continue;
        sim::Json& link = links.emplace_back();
        link["edge"] = e.edge;
        for (int k = 1; k < 10; ++k) link["path"].push_back(css(bezier_at(e, static_cast<float>(k) / 10)));
        for (const auto& l : canvas_.drawn_labels())
            if (l.edge == e.edge)
                link["label"] = {l.rect.min.x / s, l.rect.min.y / s, l.rect.max.x / s, l.rect.max.y / s};
    }
    const ImVec2 o = v.origin(), sz = v.size();
    sim::Json j = sim::Json::object();
    j["links"] = std::move(links);
    j["canvas"] = {o.x / s, o.y / s, (o.x + sz.x) / s, (o.y + sz.y) / s};
    j["zoom"] = v.zoom();
    j["nodes"] = std::move(nodes);
    j["palette"] = panels_.palette_items;
    j["inspector"] = panels_.inspector_items;
    if (!panels_.field_help_drawn.is_null()) j["fieldHelp"] = panels_.field_help_drawn;  // a field's tooltip
    j["toolbar"] = toolbar_items_;
    if (panels_.current_tab == 4) j["charts"] = panels_.charts;  // the Charts tab is in front
    return j;
}

// ---- Frame ---------------------------------------------------------------------------------------------
void App::maybe_autosave(double dt) {
    if (doc_.revision() == saved_rev_) {
        autosave_wait_ = 0;
        return;
    }
    autosave_wait_ += dt;
    if (autosave_wait_ < kAutosaveDelay) return;
    if (hooks_.autosave) hooks_.autosave(pattern_text());
    saved_rev_ = doc_.revision();
    autosave_wait_ = 0;
}

void App::frame(double dt) {
    ++frames_;
    sync_simulation();
    runner_.advance(dt);
    learn_.update(kLearnBudgetMs);
    flow_.update(runner_.simulation(), doc_.pattern(), runner_.diagnostics(), theme_, dt);
    const CanvasView view_before = canvas_.view();
    const bool fitting = canvas_.fit_pending();
    if (!embed_.read_only) handle_shortcuts();

    const ImGuiIO& io = ImGui::GetIO();
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(io.DisplaySize);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowRounding, 0);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowBorderSize, 0);
    ImGui::Begin("##root", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                     ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_NoScrollWithMouse |
                     ImGuiWindowFlags_NoBackground);
    ImGui::PopStyleVar(3);

    draw_toolbar();
    PanelContext ctx{doc_, runner_, canvas_, theme_, proposals_, embed_.read_only};
    const float css_w = io.DisplaySize.x / theme_.scale();
    const bool narrow = css_w < 900;
    const bool palette = !narrow && !embed_.hide_palette && !embed_.read_only;
    const bool inspector = !narrow && !embed_.hide_inspector;
    // A tour, challenge or quiz is docked in the tab area, which grows to hold it; the canvas keeps
    // its width and the diagram is fitted to what is left.
    const bool lesson = learn_.mode() != LearnMode::None && !embed_.hide_bottom;
    const void* shown = learn_.tour()        ? static_cast<const void*>(learn_.tour())
                        : learn_.challenge() ? static_cast<const void*>(learn_.challenge())
                                             : static_cast<const void*>(learn_.quiz());
    if (shown != lesson_shown_) {
        lesson_shown_ = shown;
        if (lesson) {
            panels_.bottom_tab_request = 7;
            canvas_.request_fit();
        }
    }
    const float bottom_h = embed_.hide_bottom ? 0
                           : lesson           ? std::round(std::min(theme_.px(330), io.DisplaySize.y * 0.42f))
                                              : std::round(std::min(theme_.px(230), io.DisplaySize.y * 0.34f));
    const float main_h = ImGui::GetContentRegionAvail().y - bottom_h;
    const float side_w = theme_.px(palette ? 210 : 0), insp_w = theme_.px(inspector ? 300 : 0);

    if (palette) {
        begin_painted_child("##palette", ImVec2(side_w, main_h), true);
        draw_palette(ctx, panels_);
        ImGui::EndChild();
        ImGui::SameLine(0, 0);
    }
    const float canvas_w = ImGui::GetContentRegionAvail().x - insp_w;
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
    // No keyboard navigation inside: its arrow keys move the selection (app_canvas_keys.cpp).
    ImGui::BeginChild("##canvas", ImVec2(canvas_w, main_h), false,
                      ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse |
                          ImGuiWindowFlags_NoBackground | ImGuiWindowFlags_NoNavInputs);
    canvas_window_ = ImGui::GetCurrentWindow();
    const ImVec2 canvas_min = ImGui::GetWindowPos();
    const ImVec2 canvas_max(canvas_min.x + ImGui::GetWindowWidth(), canvas_min.y + ImGui::GetWindowHeight());
    canvas_.set_editable(!embed_.read_only);
    apply_canvas_edits(canvas_.interact(doc_, theme_, sim::default_registry()));
    canvas_.draw(doc_, theme_, sim::default_registry(), flow_.overlay());
    draw_context_menu();
    draw_learn_highlight(learn_, canvas_, doc_, theme_);
    draw_first_hint(canvas_min, canvas_max, narrow);
    if (narrow && !embed_.read_only && !embed_.hide_palette) draw_palette_button(ctx, panels_);
    ImGui::EndChild();
    ImGui::PopStyleVar();
    if (inspector) {
        ImGui::SameLine(0, 0);
        begin_painted_child("##inspector", ImVec2(insp_w, main_h), true);
        draw_inspector(ctx, panels_);
        ImGui::EndChild();
    }
    if (!embed_.hide_bottom) {
        begin_painted_child("##bottom", ImVec2(0, 0), true);
        draw_bottom_tabs(ctx, panels_, narrow, *this);
        ImGui::EndChild();
    }
    ImGui::End();

    draw_learn_panel(learn_, canvas_, doc_, theme_, lesson);
    draw_dialogs(ctx, panels_, *this);
    // Narrow screens keep "+ Add service" at the canvas's top-left: the banner goes below it.
    const ImVec2 banner_min(canvas_min.x, canvas_min.y + (narrow ? theme_.px(40) : 0));
    draw_notice_banner(panels_.notices, theme_, banner_min, canvas_max);
    if (help_open_) draw_help_overlay();
    // What the panels and shortcuts proposed this frame, after the canvas' own proposals.
    apply_canvas_edits(proposals_);
    proposals_.clear();
    guard_locked_view(view_before, fitting);
    if (!embed_.embed) maybe_autosave(dt);
}

// Bottom-left of the canvas, clear of the zoom buttons; drawn only (clicks go to the canvas), and
// gone for good once the visitor plays, edits, selects or starts a lesson.
void App::draw_first_hint(ImVec2 canvas_min, ImVec2 canvas_max, bool narrow) {
    if (first_hint_ && (runner_.running() || doc_.revision() != first_hint_rev_ || !doc_.selection().empty() ||
                        learn_.mode() != LearnMode::None))
        first_hint_ = false;
    if (!first_hint_) return;
    const char* text = narrow ? "New here? Press Play to watch this design run. Tap + Add service to build your own."
                              : "New here? Press Play to watch this design run: requests flow along the links and "
                                "every service counts what it does. Drag a service from the left onto the canvas to "
                                "build your own, or pick a pattern from the gallery below.";
    const float pad = theme_.px(10), wrap = std::min(canvas_max.x - canvas_min.x - theme_.px(190), theme_.px(470));
    if (wrap < theme_.px(120)) return;
    ImFont* font = theme_.fonts().ui;
    const ImVec2 ts = font->CalcTextSizeA(font->FontSize, FLT_MAX, wrap, text);
    const ImVec2 a(canvas_min.x + theme_.px(12), canvas_max.y - theme_.px(12) - ts.y - 2 * pad);
    const ImVec2 b(a.x + ts.x + 2 * pad, canvas_max.y - theme_.px(12));
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(a, b, theme_.colours().badge_bg, theme_.px(6));
    dl->AddRect(a, b, theme_.colours().selection, theme_.px(6));
    dl->AddText(font, font->FontSize, ImVec2(a.x + pad, a.y + pad), theme_.colours().node_text, text, nullptr, wrap);
    mark_rect("hint", a, b);
}

// ---- Embedding -----------------------------------------------------------------------------------------
void App::set_embed_options(const EmbedOptions& o) {
    embed_ = o;
    if (o.embed) first_hint_ = false;  // the host page says what to do
    panels_.hide_events = o.hide_log;
    panels_.hide_cost = o.hide_cost;
    panels_.bottom_tab_request = o.hide_log ? 4 : 2;  // an embed opens on its events (or charts), not the gallery
    if (!o.highlight.empty()) select_node(o.highlight);
    canvas_.request_fit();
}

// Locked view: pan/zoom made this frame are undone. (Read-only needs no such guard: nothing in a
// read-only embed edits the document — proposals are refused and the inspector is disabled.)
void App::guard_locked_view(const CanvasView& view_before, bool fitting) {
    if (embed_.lock_view && !fitting && !canvas_.fit_pending()) canvas_.view() = view_before;
}

namespace {
const char* const kTabNames[] = {"gallery", "problems", "events", "trace", "charts", "cost"};
}

sim::Json App::view_state() const {
    sim::Json v = sim::Json::object();
    if (!doc_.selection().nodes.empty()) v["sel"] = doc_.selection().nodes;
    if (panels_.current_tab >= 1 && panels_.current_tab < 6) v["tab"] = kTabNames[panels_.current_tab];
    return v;
}

void App::apply_view_state(const sim::Json& view) {
    if (!view.is_object()) return;
    if (auto t = view.find("tab"); t != view.end() && t->is_string())
        for (int i = 0; i < 6; ++i)
            if (*t == kTabNames[i]) show_tab(i);
    if (auto sel = view.find("sel"); sel != view.end() && sel->is_array()) {
        doc_.clear_selection();
        for (const auto& id : *sel)
            if (id.is_string() && doc_.pattern().find_node(id.get<std::string>()))
                doc_.selection().nodes.push_back(id.get<std::string>());
    }
}

}  // namespace pg
