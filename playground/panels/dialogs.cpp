// dialogs.cpp — the pattern gallery (a bottom tab, open on a first visit), the "fire an event"
// window (its sample fits the design: pattern/sample_event.h) and the "could not open" message.
#include "panels/panels.h"

#include "app.h"
#include "core/registry.h"
#include "gallery.h"
#include "learn/library.h"
#include "pattern/sample_event.h"
#include "services/all_services.h"
#include "ui_marks.h"
#include "widgets.h"

#include <imgui_internal.h>  // RenderTextEllipsis

#include <algorithm>
#include <cstdio>

namespace pg {
namespace {

constexpr std::size_t kMaxAnswerText = 4096;  // of the answer's body shown in the dialog

// The answer to the last waiting Fire: its status (and error) and body, as the console's Test shows
// the response and, for a function error, X-Amz-Function-Error.
void draw_fire_answer(PanelContext& ctx, const sim::Json& a) {
    if (a.is_null()) return;
    ImGui::Separator();
    if (a.contains("waiting")) {
        ImGui::TextDisabled(ctx.runner.running() ? "Waiting for the answer..."
                                                 : "Waiting for the answer: run the clock to let it arrive.");
        return;
    }
    const std::string error = a["error"];
    const ImVec4 colour =
        error.empty() && a["status"].get<int>() < 400 ? ImVec4(0.35f, 0.75f, 0.45f, 1) : ImVec4(0.95f, 0.36f, 0.33f, 1);
    ImGui::TextColored(colour, "Answer: %d%s%s", a["status"].get<int>(), error.empty() ? "" : " \xc2\xb7 ",
                       error.c_str());
    ImGui::SameLine();
    ImGui::TextDisabled("after %.0f ms", a["afterMs"].get<double>());
    if (const std::string detail = a["detail"]; !detail.empty()) {
        ImGui::PushTextWrapPos(0);
        ImGui::TextDisabled("%s", detail.c_str());
        ImGui::PopTextWrapPos();
    }
    std::string body = a["body"].is_null() ? std::string("(no body)") : a["body"].dump(2);
    if (body.size() > kMaxAnswerText) body = body.substr(0, kMaxAnswerText) + "\n...";
    ImGui::PushFont(ctx.theme.fonts().mono);
    const float lines = static_cast<float>(std::min<std::size_t>(8, 1 + std::count(body.begin(), body.end(), '\n')));
    input_multiline("##fireanswer", body, ImVec2(-1, ImGui::GetTextLineHeightWithSpacing() * lines + 8),
                    ImGuiInputTextFlags_ReadOnly);
    mark_last_item("fire.answer");
    ImGui::PopFont();
}

void fire_window(PanelContext& ctx, Panels& state, App& app) {
    if (!state.show_fire) return;
    const ImGuiIO& io = ImGui::GetIO();
    ImGui::SetNextWindowPos(ImVec2(io.DisplaySize.x * 0.5f, io.DisplaySize.y * 0.4f), ImGuiCond_Appearing,
                            ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSize(ImVec2(ctx.theme.px(440), 0), ImGuiCond_Appearing);
    // An answer arriving (or going) changes what the dialog holds: fit its height to it again.
    const sim::Json answer = fire_answer_json(state, ctx.runner);
    const int shown = answer.is_null() ? 0 : answer.contains("waiting") ? 1 : 2;
    if (shown != state.fire_shown && state.fire_width > 0) ImGui::SetNextWindowSize(ImVec2(state.fire_width, 0));
    state.fire_shown = shown;
    if (!ImGui::Begin("Fire an event", &state.show_fire,
                      ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoSavedSettings)) {
        ImGui::End();
        return;
    }
    const sim::Pattern& p = ctx.doc.pattern();
    if (p.nodes.empty()) {
        ImGui::TextDisabled("Add a service first.");
        ImGui::End();
        return;
    }
    if (!p.find_node(state.fire_node)) {
        state.fire_node = p.nodes.front().id;
        state.fire_text.clear();
    }
    ImGui::SetNextItemWidth(-1);
    if (ImGui::BeginCombo("##firenode", state.fire_node.c_str())) {
        for (const auto& n : p.nodes)
            if (ImGui::Selectable(n.id.c_str(), n.id == state.fire_node)) {
                state.fire_node = n.id;
                state.fire_text.clear();
            }
        ImGui::EndCombo();
    }
    // The sample fits the design as it is now: an untouched sample follows edits (a table added
    // after the dialog opened brings its key); text the learner typed is kept.
    const std::string sample = sim::sample_event(sim::default_registry(), p, state.fire_node).dump(2);
    if (state.fire_text.empty() || state.fire_text == state.fire_sample) state.fire_text = sample;
    state.fire_sample = sample;
    ImGui::PushFont(ctx.theme.fonts().mono);
    input_multiline("##fireevent", state.fire_text, ImVec2(-1, ImGui::GetTextLineHeight() * 9));
    mark_last_item("fire.event");
    ImGui::PopFont();
    const sim::Json event = sim::Json::parse(state.fire_text, nullptr, false);
    ImGui::BeginDisabled(event.is_discarded() || !ctx.runner.simulation());
    // A paused run would leave the event waiting at "now", so Fire then runs the clock a little for
    // it to flow, and says so on the button and in the result: time never moves unannounced.
    constexpr double kDeliverSeconds = 2;
    const bool paused = !ctx.runner.running();
    if (ImGui::Button(paused ? "Fire and run 2 s" : "Fire")) {
        const double at = ctx.runner.sim_seconds();
        std::string err;
        state.fire_call = 0;
        if (state.fire_wait) {
            const std::uint64_t call = app.call(state.fire_node, event, err);
            state.fire_call = call;
            state.fire_call_build = ctx.runner.builds();  // after the call: it may have rebuilt first
            state.fire_call_at = at;
        } else {
            err = app.fire(state.fire_node, event);
        }
        if (err.empty() && paused) app.run_for(kDeliverSeconds);
        char when[160];
        if (!paused) std::snprintf(when, sizeof when, " at %.1f s", at);
        // run_for runs over the next frames: name where the clock is going, not where it is yet.
        else
            std::snprintf(when, sizeof when, " at %.1f s; the clock runs on to %.1f s to deliver it", at,
                          at + kDeliverSeconds);
        state.fire_result = err.empty() ? "sent to " + state.fire_node + when : "not sent: " + err;
        state.bottom_tab_request = 3;
    }
    mark_last_item("fire.send");
    if (paused && ImGui::IsItemHovered())
        ImGui::SetTooltip(
            "The simulation is paused: firing runs it for 2 simulated seconds so the event is delivered.");
    ImGui::EndDisabled();
    ImGui::SameLine();
    if (ImGui::Button("Template")) state.fire_text.clear();
    ImGui::SameLine();
    ImGui::Checkbox("Wait for the answer", &state.fire_wait);
    mark_last_item("fire.wait");
    if (ImGui::IsItemHovered())
        ImGui::SetTooltip(
            "On: sent by a caller that waits for the reply, as the Lambda console's Test button invokes\n"
            "synchronously (RequestResponse); the answer appears below.\n"
            "Off: sent with no one waiting; a function is then invoked asynchronously (Event) and Lambda\n"
            "retries a failure twice.");
    if (event.is_discarded()) {
        ImGui::SameLine();
        ImGui::TextColored(ImVec4(0.88f, 0.64f, 0.16f, 1), "not valid JSON");
    } else if (!ctx.runner.simulation()) {
        ImGui::SameLine();
        ImGui::TextColored(ImVec4(0.95f, 0.36f, 0.33f, 1), "fix the pattern's errors first");
    }
    // Always one line under the buttons (the window sizes itself to it when it opens): what firing
    // will do to the clock, then what it did.
    ImGui::PushTextWrapPos(0);
    if (!state.fire_result.empty()) {
        ImGui::TextDisabled("%s", state.fire_result.c_str());
    } else if (paused) {
        ImGui::TextDisabled("Paused: firing runs the clock 2 s so the event is delivered.");
    } else {
        ImGui::TextDisabled("Running: the event enters at the current simulated time.");
    }
    ImGui::PopTextWrapPos();
    draw_fire_answer(ctx, answer);
    state.fire_width = ImGui::GetWindowWidth();
    ImGui::End();
}

void open_error(PanelContext& ctx, Panels& state) {
    if (!state.open_error.empty() && !ImGui::IsPopupOpen("Could not open the file"))
        ImGui::OpenPopup("Could not open the file");
    const ImGuiIO& io = ImGui::GetIO();
    ImGui::SetNextWindowPos(ImVec2(io.DisplaySize.x * 0.5f, io.DisplaySize.y * 0.4f), ImGuiCond_Appearing,
                            ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSizeConstraints(ImVec2(ctx.theme.px(360), 0),
                                        ImVec2(ctx.theme.px(640), io.DisplaySize.y * 0.8f));
    if (ImGui::BeginPopupModal("Could not open the file", nullptr, ImGuiWindowFlags_AlwaysAutoResize)) {
        ImGui::TextUnformatted("Your current pattern is unchanged. The file has these problems:");
        ImGui::PushFont(ctx.theme.fonts().mono);
        ImGui::PushTextWrapPos(ctx.theme.px(600));
        ImGui::TextUnformatted(state.open_error.c_str());
        ImGui::PopTextWrapPos();
        ImGui::PopFont();
        if (ImGui::Button("OK") || ImGui::IsKeyPressed(ImGuiKey_Escape)) {
            state.open_error.clear();
            ImGui::CloseCurrentPopup();
        }
        ImGui::EndPopup();
    }
}

// One gallery card: name, size, description, and "Take the tour" when the pattern has one.
// The longest run of whole sentences of `text` that fits `lines` lines wrapped at `wrap_w`; when not
// even the first sentence fits, its whole words that do, with "…". (The card shows the rest on hover.)
std::string whole_sentences(const std::string& text, float wrap_w, int lines) {
    const float max_h = ImGui::GetTextLineHeight() * static_cast<float>(lines) + 1;
    auto fits = [&](const std::string& t) { return ImGui::CalcTextSize(t.c_str(), nullptr, false, wrap_w).y <= max_h; };
    if (fits(text)) return text;
    std::string best;
    for (std::size_t i = text.find(". "); i != std::string::npos; i = text.find(". ", i + 1)) {
        if (!fits(text.substr(0, i + 1))) break;
        best = text.substr(0, i + 1);
    }
    if (!best.empty()) return best;
    for (std::size_t i = text.find(' '); i != std::string::npos; i = text.find(' ', i + 1)) {
        if (!fits(text.substr(0, i) + "…")) break;
        best = text.substr(0, i) + "…";
    }
    return best;
}

void draw_gallery_card(PanelContext& ctx, App& app, const GalleryEntry& e, int id, float card_w) {
    ImGui::PushID(id);
    ImGui::BeginGroup();
    ImGui::BeginChild(
        "##card", ImVec2(card_w, ctx.theme.px(118)), true,
        ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse | ImGuiWindowFlags_NavFlattened);
    // The whole card is one button (the keyboard's Tab stops on it, Space opens it); the tour button
    // sits on top of it.
    const ImVec2 content = ImGui::GetCursorPos();
    ImGui::SetCursorScreenPos(ImGui::GetWindowPos());
    ImGui::SetNextItemAllowOverlap();
    const bool open_pressed = invisible_button("##open", ImGui::GetWindowSize());
    const bool card_hovered = ImGui::IsItemHovered();
    mark_last_item("gallery." + e.file);
    ImGui::SetCursorPos(content);
    // The title, shortened with "…" where it would run into the node count and the tour button.
    const bool has_tour = find_tour(e.file) != nullptr;
    char count[32];
    std::snprintf(count, sizeof count, "%zu nodes", e.nodes);
    const ImGuiStyle& style = ImGui::GetStyle();
    const float room = ImGui::GetContentRegionAvail().x - ImGui::CalcTextSize(count).x - style.ItemSpacing.x -
                       (has_tour ? ImGui::CalcTextSize("Take the tour").x + ctx.theme.px(16) : 0);
    ImGui::PushFont(ctx.theme.fonts().bold);
    const ImVec2 at = ImGui::GetCursorScreenPos(), size = ImGui::CalcTextSize(e.name.c_str());
    const float w = std::max(0.0f, std::min(size.x, room));
    ImGui::RenderTextEllipsis(ImGui::GetWindowDrawList(), at, ImVec2(at.x + w, at.y + size.y), at.x + w, at.x + w,
                              e.name.c_str(), nullptr, &size);
    ImGui::Dummy(ImVec2(w, size.y));
    ImGui::PopFont();
    ImGui::SameLine();
    ImGui::TextDisabled("%s", count);
    // As many whole sentences as the card holds (the full text is in the tooltip).
    const float text_h = ImGui::GetContentRegionAvail().y - ImGui::GetStyle().ItemSpacing.y;
    const int lines = std::max(1, static_cast<int>(text_h / ImGui::GetTextLineHeight()));
    const std::string shown = whole_sentences(e.description, ImGui::GetContentRegionAvail().x, lines);
    const bool shortened = shown.size() < e.description.size();
    ImGui::PushTextWrapPos(0);
    ImGui::TextDisabled("%s", shown.c_str());
    ImGui::PopTextWrapPos();
    mark_last_item("gallery-text." + e.file);
    bool tour_clicked = false;
    if (has_tour) {  // patterns with a guided tour
        // On the title line, right-aligned (a SmallButton has its own background over a long title).
        ImGui::SetCursorPos(
            ImVec2(ImGui::GetWindowContentRegionMax().x - ImGui::CalcTextSize("Take the tour").x - ctx.theme.px(8),
                   ImGui::GetWindowContentRegionMin().y));
        tour_clicked = ImGui::SmallButton("Take the tour");
        mark_last_item("gallery-tour." + e.file);
        if (tour_clicked) app.learn().start_tour(e.file);
    }
    ImGui::EndChild();
    if (open_pressed && !tour_clicked) app.load_pattern_text(e.text, "open " + e.file);
    if (card_hovered) {
        ImGui::BeginTooltip();
        ImGui::Text("open %s (%s%s.json)", e.name.c_str(), e.code ? "code/" : "", e.file.c_str());
        if (shortened) {
            ImGui::PushTextWrapPos(ctx.theme.px(420));
            ImGui::TextDisabled("%s", e.description.c_str());
            ImGui::PopTextWrapPos();
        }
        ImGui::EndTooltip();
    }
    ImGui::EndGroup();
    ImGui::PopID();
}

}  // namespace

sim::Json fire_answer_json(const Panels& state, const SimRunner& runner) {
    sim::Json j;
    if (!state.fire_call || state.fire_call_build != runner.builds()) return j;
    const sim::Simulation::Answer* a = runner.answer(state.fire_call_build, state.fire_call);
    if (!a) {
        j["waiting"] = true;
        return j;
    }
    j["afterMs"] = (a->at.seconds() - state.fire_call_at) * 1000;
    j["status"] = a->reply.status;
    j["error"] = a->reply.error;
    j["detail"] = a->reply.detail;
    j["body"] = a->reply.body ? *a->reply.body : sim::Json();
    return j;
}

void draw_gallery(PanelContext& ctx, Panels& state, App& app) {
    (void)state;
    request_code_gallery();  // the patterns whose functions are code arrive a moment later
    const auto& entries = gallery();
    ImGui::TextDisabled("Patterns to start from. Opening one replaces the canvas (Undo brings yours back).");
    ImGui::BeginChild("##gallery", ImVec2(0, 0), false, ImGuiWindowFlags_NavFlattened);
    const float avail = ImGui::GetContentRegionAvail().x;
    const float card_w = std::max(ctx.theme.px(220), std::min(ctx.theme.px(320), avail));
    const int cols = std::max(1, static_cast<int>(avail / (card_w + ImGui::GetStyle().ItemSpacing.x)));
    std::size_t in_row = 0;
    bool code_heading = false;
    for (std::size_t i = 0; i < entries.size(); ++i) {
        const GalleryEntry& e = entries[i];
        if (e.code && !code_heading) {  // the code patterns come last, under their own heading
            code_heading = true;
            in_row = 0;
            ImGui::Spacing();
            ImGui::TextUnformatted("Functions written in JavaScript");
            ImGui::SameLine();
            ImGui::TextDisabled("(their code runs in the page: open a function to read and edit it)");
        }
        if (in_row % static_cast<std::size_t>(cols) != 0) ImGui::SameLine();
        ++in_row;
        draw_gallery_card(ctx, app, e, static_cast<int>(i), card_w);
    }
    switch (code_gallery_state()) {
        case CodeGallery::Loading:
            ImGui::TextDisabled("Loading the patterns whose functions are written in JavaScript...");
            break;
        case CodeGallery::Failed:
            ImGui::TextColored(ImVec4(0.95f, 0.36f, 0.33f, 1), "The JavaScript patterns did not load: %s",
                               code_gallery_error().c_str());
            ImGui::SameLine();
            if (ImGui::SmallButton("Retry")) request_code_gallery();
            break;
        case CodeGallery::NotAsked:
        case CodeGallery::Ready:
            break;
    }
    ImGui::EndChild();
}

void draw_dialogs(PanelContext& ctx, Panels& state, App& app) {
    fire_window(ctx, state, app);
    open_error(ctx, state);
}

}  // namespace pg
