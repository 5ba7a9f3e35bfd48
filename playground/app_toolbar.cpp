// app_toolbar.cpp — the top bar (file, time controls, clock, undo/redo, theme, help), keyboard
// shortcuts and the shortcut help overlay.
#include "app.h"
#include "export/mermaid.h"
#include "time_text.h"
#include "ui_marks.h"
#include "widgets.h"

#include <cmath>
#include <cstdio>

namespace pg {
namespace {

struct Shortcut {
    const char* keys;
    const char* what;
};
const Shortcut kShortcuts[] = {
    {"Drag from palette", "add a service (or click it)"},
    {"Drag node", "move (Shift/Ctrl+click adds to the selection)"},
    {"Drag on empty canvas", "box-select"},
    {"Drag from an output port", "connect to another node"},
    {"Wheel, trackpad two-finger scroll", "pan (Shift+wheel: sideways)"},
    {"Ctrl+wheel, pinch", "zoom at the cursor"},
    {"Right/middle drag, Space+drag", "pan"},
    {"Touch: tap, drag, long-press", "click, drag, right-click"},
    {"Touch: two fingers", "pan; pinch to zoom"},
    {"F", "fit the diagram to the view"},
    {"N / Shift+N", "select the next / previous service (columns left to right, each top to bottom)"},
    {"Arrow keys", "move the selection one grid square (Shift: five)"},
    {"Delete / Backspace", "delete the selection"},
    {"Ctrl+D", "duplicate the selection"},
    {"Ctrl+A", "select all"},
    {"Ctrl+Z / Ctrl+Shift+Z, Ctrl+Y", "undo / redo"},
    {"P", "play / pause"},
    {"S", "step one event"},
    {"R", "reset the run (t = 0)"},
    {"E", "fire an event into the selected node"},
    {"Ctrl+S / Ctrl+O", "save / open a pattern file"},
    {"A", "add a service: type to filter the list, Enter adds the first match"},
    {"I", "into the inspector: Tab / Shift+Tab between its fields, Space to press or open, Enter to type"},
    {"B", "into the tabs below: arrows between tabs, Tab into the one shown (gallery, lessons, problems…)"},
    {"Esc", "clear the selection, close dialogs"},
    {"?", "this help"},
};

const double kSpeeds[] = {1, 10, 100, 1000, 10000};

}  // namespace

void App::handle_shortcuts() {
    const ImGuiIO& io = ImGui::GetIO();
    if (io.WantTextInput) return;
    const bool ctrl = io.KeyCtrl || io.KeySuper;
    if (ctrl && ImGui::IsKeyPressed(ImGuiKey_Z, false)) {
        if (io.KeyShift)
            redo();
        else
            undo();
    } else if (ctrl && ImGui::IsKeyPressed(ImGuiKey_Y, false)) {
        redo();
    } else if (ctrl && ImGui::IsKeyPressed(ImGuiKey_D, false)) {
        proposals_.push_back(DuplicateSelectionProposal{});
    } else if (ctrl && ImGui::IsKeyPressed(ImGuiKey_A, false)) {
        doc_.clear_selection();
        for (const auto& n : doc_.pattern().nodes) doc_.selection().nodes.push_back(n.id);
    } else if (ctrl && ImGui::IsKeyPressed(ImGuiKey_S, false)) {
        save_file();
    } else if (ctrl && ImGui::IsKeyPressed(ImGuiKey_O, false)) {
        if (hooks_.open_file) hooks_.open_file();
    } else if (ctrl) {
        return;
    } else if (handle_canvas_keys()) {
        return;
    } else if (ImGui::IsKeyPressed(ImGuiKey_Delete, false) || ImGui::IsKeyPressed(ImGuiKey_Backspace, false)) {
        proposals_.push_back(DeleteSelectionProposal{});
    } else if (ImGui::IsKeyPressed(ImGuiKey_F, false)) {
        canvas_.request_fit();
    } else if (ImGui::IsKeyPressed(ImGuiKey_P, false)) {
        if (runner_.running())
            pause();
        else
            play();
    } else if (ImGui::IsKeyPressed(ImGuiKey_S, false)) {
        step();
    } else if (ImGui::IsKeyPressed(ImGuiKey_R, false)) {
        reset();
    } else if (ImGui::IsKeyPressed(ImGuiKey_A, false) && !embed_.read_only && !embed_.hide_palette) {
        panels_.focus_palette = true;
    } else if (ImGui::IsKeyPressed(ImGuiKey_I, false)) {
        panels_.focus_inspector = true;
        if (io.DisplaySize.x / theme_.scale() < 900) show_tab(6);  // a phone's inspector is a tab
    } else if (ImGui::IsKeyPressed(ImGuiKey_B, false) && !embed_.hide_bottom) {
        panels_.focus_bottom = true;
    } else if (ImGui::IsKeyPressed(ImGuiKey_E, false)) {
        panels_.show_fire = true;
        if (!doc_.selection().nodes.empty()) panels_.fire_node = doc_.selection().nodes.front();
    } else if (ImGui::IsKeyPressed(ImGuiKey_Slash, false) && io.KeyShift) {
        help_open_ = !help_open_;
    } else if (ImGui::IsKeyPressed(ImGuiKey_Escape, false)) {
        give_keyboard_to_canvas();  // the keyboard leaves the panels: Tab is the browser's again
        if (help_open_)
            help_open_ = false;
        else if (panels_.show_fire)
            panels_.show_fire = false;
        else
            doc_.clear_selection();
    }
}

void App::save_file() {
    if (hooks_.download)
        hooks_.download((doc_.pattern().name.empty() ? "pattern" : doc_.pattern().name) + ".json", pattern_text());
}

// Wide: title, file buttons, run controls, clock, and undo/redo/theme/help on the right.
// Compact (< 760 CSS px, e.g. a 600 px embed): file, edit and view commands move into a menu.
void App::draw_toolbar() {
    const float h = theme_.px(40);
    const float css_w = ImGui::GetIO().DisplaySize.x / theme_.scale();
    const bool compact = css_w < 760, titled = css_w >= 1100;
    const bool phone = css_w < 480 && !embed_.embed;  // Step and Reset move into the menu: the clock fits
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(theme_.px(8), theme_.px(6)));
    begin_painted_child("##toolbar", ImVec2(0, h), false,
                        ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse);
    ImGui::SetCursorPos(ImVec2(theme_.px(10), (h - ImGui::GetFrameHeight()) * 0.5f));
    if (titled) {
        ImGui::PushFont(theme_.fonts().bold);
        ImGui::AlignTextToFramePadding();
        ImGui::TextUnformatted("Serverless Playground");
        ImGui::PopFont();
        ImGui::SameLine(0, theme_.px(16));
    }
    if (embed_.embed) {
        // Embedded: run controls only (the page shows an "open in the full playground" link).
    } else if (compact) {
        if (ImGui::Button("Menu")) ImGui::OpenPopup("##menu");
        mark_last_item("menu");
        if (ImGui::BeginPopup("##menu")) {
            if (ImGui::MenuItem("New")) new_document();
            mark_last_item("menu.new");
            if (ImGui::MenuItem("Open…", "Ctrl+O") && hooks_.open_file) hooks_.open_file();
            if (ImGui::MenuItem("Open SAM project folder…")) host_command("open-folder");
            mark_last_item("menu.open-folder");
            if (ImGui::MenuItem("Save", "Ctrl+S")) save_file();
            if (ImGui::MenuItem("Gallery")) panels_.bottom_tab_request = 0;
            mark_last_item("menu.gallery");
            if (phone) {
                ImGui::Separator();
                if (ImGui::MenuItem("Step one event", "S", false, runner_.simulation() != nullptr)) step();
                mark_last_item("menu.step");
                if (ImGui::MenuItem("Reset (t = 0)", "R", false, runner_.simulation() != nullptr)) reset();
            }
            if (has_schedules(doc_.pattern())) {
                if (ImGui::MenuItem("Skip to next scheduled event", nullptr, false, next_skip().has_value()))
                    skip_to_next_schedule();
                mark_last_item("menu.skip-schedule");
            }
            ImGui::Separator();
            export_menu_items();
            ImGui::Separator();
            if (ImGui::MenuItem("Undo", "Ctrl+Z", false, doc_.can_undo())) undo();
            if (ImGui::MenuItem("Redo", "Ctrl+Shift+Z", false, doc_.can_redo())) redo();
            ImGui::Separator();
            if (ImGui::MenuItem(dark_ ? "Light theme" : "Dark theme")) set_dark(!dark_);
            mark_last_item("menu.theme");
            if (ImGui::MenuItem("Keyboard and mouse", "?")) help_open_ = true;
            ImGui::EndPopup();
        }
        ImGui::SameLine(0, theme_.px(10));
    } else {
        if (ImGui::Button("New")) new_document();
        mark_last_item("toolbar.new");
        ImGui::SameLine();
        // A file (pattern, template or a project's .zip), or a SAM project's folder (web/loader.js).
        if (ImGui::Button("Open")) ImGui::OpenPopup("##open");
        mark_last_item("toolbar.open");
        if (ImGui::BeginPopup("##open")) {
            if (ImGui::MenuItem("File…", "Ctrl+O") && hooks_.open_file) hooks_.open_file();
            mark_last_item("open.file");
            if (ImGui::MenuItem("SAM project folder…")) host_command("open-folder");
            mark_last_item("open.folder");
            ImGui::EndPopup();
        }
        ImGui::SameLine();
        if (ImGui::Button("Save")) save_file();
        ImGui::SameLine();
        if (ImGui::Button("Gallery")) panels_.bottom_tab_request = 0;
        ImGui::SameLine();
        if (ImGui::Button("Share")) host_command("share");
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("copy a link that opens this experiment");
        record_toolbar_item("share");
        ImGui::SameLine();
        if (ImGui::Button("Export")) ImGui::OpenPopup("##export");
        record_toolbar_item("export");
        if (ImGui::BeginPopup("##export")) {
            export_menu_items();
            ImGui::EndPopup();
        }
        ImGui::SameLine(0, theme_.px(16));
    }

    const bool can_run = runner_.simulation() != nullptr;
    ImGui::BeginDisabled(!can_run);
    if (runner_.running()) {
        if (ImGui::Button("Pause")) pause();
    } else if (ImGui::Button(" Play ")) {
        play();
    }
    mark_last_item("toolbar.play");
    ImGui::SameLine();
    if (!phone) {
        if (ImGui::Button("Step")) step();
        ImGui::SameLine();
        if (ImGui::Button("Reset")) reset();
        ImGui::SameLine();
    }
    char speed[32];
    std::snprintf(speed, sizeof speed, "×%g", runner_.speed());
    ImGui::SetNextItemWidth(theme_.px(compact ? 72 : 84));
    if (ImGui::BeginCombo("##speed", speed)) {
        for (double s : kSpeeds) {
            char label[32];
            std::snprintf(label, sizeof label, "×%g", s);
            if (ImGui::Selectable(label, s == runner_.speed())) set_speed(s);
        }
        ImGui::EndCombo();
    }
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("simulated seconds per real second");
    ImGui::SameLine();
    if (ImGui::Button("Fire")) {
        panels_.show_fire = true;
        if (!doc_.selection().nodes.empty()) panels_.fire_node = doc_.selection().nodes.front();
    }
    mark_last_item("toolbar.fire");
    if (!compact && has_schedules(doc_.pattern())) skip_button();
    ImGui::EndDisabled();
    ImGui::SameLine(0, theme_.px(12));
    // The clock changes every frame while time runs: in a child window of its own, its own draw
    // list, so only the clock's few pixels are redrawn, not the whole bar (frame_damage.h).
    ImGui::PushFont(theme_.fonts().mono);
    const std::string clock = clock_text(runner_.sim_seconds());
    const ImVec2 clock_size(ImGui::CalcTextSize(clock.c_str()).x, ImGui::GetFrameHeight());
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
    ImGui::BeginChild(
        "##clock", clock_size, false,
        ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse | ImGuiWindowFlags_NoBackground);
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(clock.c_str());
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("simulated time (hh:mm:ss.mmm)");
    ImGui::EndChild();
    record_toolbar_item("clock");
    ImGui::PopStyleVar();
    ImGui::PopFont();
    run_length_status(phone);
    if (runner_.lagging() && runner_.running() && !compact) {
        ImGui::SameLine();
        ImGui::TextColored(ImVec4(0.85f, 0.6f, 0.1f, 1), "(max speed)");
        if (ImGui::IsItemHovered())
            ImGui::SetTooltip("the engine cannot simulate this fast; time runs as fast as it can");
    }

    if (!compact && !embed_.read_only) {
        // Right-aligned when there is room, else right after the clock.
        const float right_w = theme_.px(212);
        ImGui::SameLine(std::max(ImGui::GetCursorPosX() + theme_.px(12), ImGui::GetWindowWidth() - right_w));
        ImGui::BeginDisabled(!doc_.can_undo());
        if (ImGui::Button("Undo")) undo();
        if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled) && doc_.can_undo())
            ImGui::SetTooltip("undo %s (Ctrl+Z)", doc_.undo_label().c_str());
        ImGui::EndDisabled();
        ImGui::SameLine();
        ImGui::BeginDisabled(!doc_.can_redo());
        if (ImGui::Button("Redo")) redo();
        ImGui::EndDisabled();
        ImGui::SameLine();
        if (ImGui::Button(dark_ ? "Light" : "Dark")) set_dark(!dark_);
        ImGui::SameLine();
        if (ImGui::Button("?")) help_open_ = !help_open_;
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("keyboard and mouse");
    }
    ImGui::EndChild();
    ImGui::PopStyleVar();
}

// "Skip to schedule": a nightly cron leaves the canvas idle for hours of simulated time.
void App::skip_button() {
    const std::optional<ScheduledFire> next = next_skip();
    ImGui::SameLine();
    ImGui::BeginDisabled(!next);
    if (ImGui::Button("Skip to schedule")) skip_to_next_schedule();
    ImGui::EndDisabled();
    mark_last_item("toolbar.skip-schedule");
    if (!ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled)) return;
    if (next)
        ImGui::SetTooltip("Skip to 2 s before the next scheduled event:\nrule %s of %s fires at %s (t = %s)",
                          next->rule.c_str(), next->bus.c_str(), next->utc.c_str(),
                          clock_text(next->at.seconds()).c_str());
    else
        ImGui::SetTooltip("No scheduled event is left before the run length (%s)",
                          run_length_text(runner_.run_length()).c_str());
}

// Play stops at the run length: say so, and say so too when time runs on past it (overtime).
void App::run_length_status(bool short_text) {
    if (!runner_.simulation()) return;
    const std::string length = run_length_text(runner_.run_length());
    const ImVec4 amber(0.85f, 0.6f, 0.1f, 1);
    if (runner_.overtime()) {
        ImGui::SameLine();
        ImGui::TextColored(amber, "%s", short_text ? "overtime" : ("past the " + length + " run length").c_str());
        mark_last_item("toolbar.run-status");
        if (ImGui::IsItemHovered())
            ImGui::SetTooltip(
                "Play was pressed at the end of the run: time keeps going past its\n"
                "%s run length until you pause. Reset starts the run again.",
                length.c_str());
    } else if (runner_.at_run_end()) {
        ImGui::SameLine();
        ImGui::TextColored(amber, "%s", short_text ? "ended" : ("run ended at " + length).c_str());
        mark_last_item("toolbar.run-status");
        if (ImGui::IsItemHovered())
            ImGui::SetTooltip(
                "The run stops at its run length (%s; change it in the inspector with nothing\n"
                "selected). Reset runs it again; Play keeps going past it.",
                length.c_str());
    }
}

// Share and export entries (the toolbar's Export popup and the compact menu). The page does the
// work (web/share.js): links need CompressionStream, pictures need the canvas.
void App::record_toolbar_item(const char* name) {
    const float s = theme_.scale() > 0 ? theme_.scale() : 1;
    const ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
    toolbar_items_[name] = {a.x / s, a.y / s, b.x / s, b.y / s};
}

void App::export_menu_items() {
    if (ImGui::MenuItem("Share link")) host_command("share");
    if (ImGui::MenuItem("PNG image")) host_command("export-png");
    if (!hooks_.download) return;
    const std::string base = doc_.pattern().name.empty() ? "pattern" : doc_.pattern().name;
    if (ImGui::MenuItem("Mermaid diagram")) hooks_.download(base + ".mmd", sim::export_mermaid(doc_.pattern()));
    // SAM templates are built by an on-demand module the page fetches on first use (web/share.js).
    if (ImGui::MenuItem("SAM template (YAML)")) host_command("export-sam-yaml");
    if (ImGui::MenuItem("SAM template (JSON)")) host_command("export-sam-json");
}

void App::draw_help_overlay() {
    const ImGuiIO& io = ImGui::GetIO();
    ImGui::SetNextWindowPos(ImVec2(io.DisplaySize.x * 0.5f, io.DisplaySize.y * 0.5f), ImGuiCond_Always,
                            ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowBgAlpha(0.97f);
    if (!ImGui::Begin(
            "Keyboard and mouse", &help_open_,
            ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoSavedSettings)) {
        ImGui::End();
        return;
    }
    if (ImGui::BeginTable("##keys", 2, ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingFixedFit)) {
        for (const auto& s : kShortcuts) {
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::PushFont(theme_.fonts().mono);
            ImGui::TextUnformatted(s.keys);
            ImGui::PopFont();
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(s.what);
        }
        ImGui::EndTable();
    }
    ImGui::End();
}

}  // namespace pg
