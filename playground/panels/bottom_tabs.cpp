// bottom_tabs.cpp — the tab bar under the canvas: gallery, problems, events, trace, logs (when a
// function runs code), charts, cost (and the inspector in the narrow layout).
#include "panels/panels.h"

#include "app.h"
#include "learn/learn_ui.h"
#include "ui_marks.h"
#include "widgets.h"

namespace pg {
namespace {

// Each tab's mark ("tab.problems") is where it is and, for the keyboard, which tab has the focus.
const char* const kTabMarks[] = {"tab.gallery", "tab.problems",  "tab.events", "tab.trace", "tab.charts",
                                 "tab.cost",    "tab.inspector", "tab.learn",  "tab.logs"};

bool tab(const char* label, Panels& state, int index) {
    const ImGuiTabItemFlags flags = state.bottom_tab_request == index ? ImGuiTabItemFlags_SetSelected : 0;
    const bool open = ImGui::BeginTabItem(label, nullptr, flags);
    mark_last_item(kTabMarks[index]);
    if (state.bottom_tab_request == index) state.bottom_tab_request = -1;
    if (open) state.current_tab = index;
    return open;
}

}  // namespace

void draw_bottom_tabs(PanelContext& ctx, Panels& state, bool narrow, App& app) {
    refresh_logs(ctx, state, false);
    if (state.focus_bottom) {  // shortcut B: arrows between the tabs, Tab into the one shown
        state.focus_bottom = false;
        take_keyboard_here();
    }
    if (!ImGui::BeginTabBar("##bottom_tabs", ImGuiTabBarFlags_FittingPolicyScroll)) return;
    if (tab("Gallery", state, 0)) {
        draw_gallery(ctx, state, app);
        ImGui::EndTabItem();
    }
    // The active tour, challenge or quiz is docked here (the canvas stays whole); leaving it brings
    // back the list.
    Learn& learn = app.learn();
    const LearnMode mode = learn.mode();
    const char* learn_label = mode == LearnMode::Tour        ? "Tour###learn"
                              : mode == LearnMode::Challenge ? "Challenge###learn"
                              : mode == LearnMode::Quiz      ? "Quiz###learn"
                                                             : "Learn###learn";
    if (tab(learn_label, state, 7)) {
        if (mode == LearnMode::None)
            draw_learn_gallery(learn, ctx.theme);
        else
            draw_learn_dock(learn, ctx.theme);
        ImGui::EndTabItem();
    }
    if (narrow && tab("Inspector", state, 6)) {
        ImGui::BeginChild("##insp_narrow");
        draw_inspector(ctx, state);
        ImGui::EndChild();
        ImGui::EndTabItem();
    }
    const std::size_t problems = ctx.runner.diagnostics().items().size() + state.notices.log().size();
    const std::string diag_label = problems ? "Problems (" + std::to_string(problems) + ")###diag" : "Problems###diag";
    if (tab(diag_label.c_str(), state, 1)) {
        draw_diagnostics(ctx, state);
        ImGui::EndTabItem();
    }
    if (!state.hide_events && tab("Events", state, 2)) {
        draw_event_log(ctx, state);
        ImGui::EndTabItem();
    }
    if (!state.hide_events && tab("Trace", state, 3)) {
        draw_trace_view(ctx, state);
        ImGui::EndTabItem();
    }
    if (!state.hide_events && !state.logs.empty() && tab("Logs", state, 8)) {
        draw_logs(ctx, state);
        ImGui::EndTabItem();
    }
    if (tab("Charts", state, 4)) {
        draw_charts(ctx, state);
        ImGui::EndTabItem();
    }
    if (!state.hide_cost && tab("Cost", state, 5)) {
        draw_cost(ctx);
        ImGui::EndTabItem();
    }
    if (mode != LearnMode::None) {  // on the tab bar, so it never scrolls away with the card
        const char* leave = mode == LearnMode::Tour   ? "× Leave the tour###close_learn"
                            : mode == LearnMode::Quiz ? "× Leave the quiz###close_learn"
                                                      : "× Leave the challenge###close_learn";
        if (ImGui::TabItemButton(leave, ImGuiTabItemFlags_Trailing)) learn.close();
        record_rect(learn, ctx.theme, "close");
    }
    ImGui::EndTabBar();
}

}  // namespace pg
