// dialogs.cpp — the pattern gallery (a bottom tab, open on a first visit), the "fire an event"
// window with per-service templates, and the "could not open" message.
#include "panels/panels.h"

#include "app.h"
#include "core/registry.h"
#include "gallery.h"
#include "learn/library.h"
#include "ui_marks.h"
#include "widgets.h"

namespace pg {
namespace {

// A starting event for a node: its traffic payload when it is a traffic source, else a sample in
// the shape that service receives.
sim::Json fire_template(const sim::Pattern& p, const std::string& node_id) {
    for (const auto& t : p.traffic)
        if (t.source == node_id) {
            sim::Json e = t.request.is_object() ? t.request : sim::Json::object();
            if (!t.payload.is_null()) e["body"] = t.payload;
            return e;
        }
    const sim::NodeSpec* n = p.find_node(node_id);
    const std::string type = n ? n->type : "";
    if (type == "client" || type == "apigateway")
        return {{"method", "POST"}, {"path", "/orders"}, {"body", {{"orderId", "order-1"}, {"customer", "customer-7"}, {"total", 42}}}};
    if (type == "eventbridge")
        return {{"source", "app.orders"}, {"detail-type", "OrderPlaced"}, {"detail", {{"orderId", "order-1"}, {"total", 42}}}};
    if (type == "sns") return {{"Message", "hello"}, {"MessageAttributes", {{"kind", "order"}}}};
    if (type == "sqs") return {{"orderId", "order-1"}, {"total", 42}};
    if (type == "s3") return {{"operation", "PutObject"}, {"Key", "uploads/photo-1.jpg"}, {"SizeBytes", 204800}};
    if (type == "dynamodb") return {{"operation", "PutItem"}, {"Item", {{"orderId", "order-1"}}}};
    if (type == "kinesis" || type == "iot") return {{"partitionKey", "device-1"}, {"data", {{"temperature", 21.5}}}};
    if (type == "stepfunctions") return {{"orderId", "order-1"}, {"total", 42}};
    if (type == "lambda") {
        // Functions behind an API see {"body": ...}: start from the pattern's own request payload.
        for (const auto& t : p.traffic)
            if (!t.payload.is_null()) return {{"body", t.payload}};
        return {{"body", {{"orderId", "order-1"}}}};
    }
    return {{"id", "event-1"}};
}

void fire_window(PanelContext& ctx, Panels& state, App& app) {
    if (!state.show_fire) return;
    const ImGuiIO& io = ImGui::GetIO();
    ImGui::SetNextWindowPos(ImVec2(io.DisplaySize.x * 0.5f, io.DisplaySize.y * 0.4f), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSize(ImVec2(ctx.theme.px(440), 0), ImGuiCond_Appearing);
    if (!ImGui::Begin("Fire an event", &state.show_fire, ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoSavedSettings)) {
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
    if (state.fire_text.empty()) state.fire_text = fire_template(p, state.fire_node).dump(2);
    ImGui::PushFont(ctx.theme.fonts().mono);
    input_multiline("##fireevent", state.fire_text, ImVec2(-1, ImGui::GetTextLineHeight() * 9));
    ImGui::PopFont();
    const sim::Json event = sim::Json::parse(state.fire_text, nullptr, false);
    ImGui::BeginDisabled(event.is_discarded() || !ctx.runner.simulation());
    if (ImGui::Button("Fire")) {
        const std::string err = app.fire(state.fire_node, event);
        // A paused run would leave the event waiting at "now": run a little so it flows.
        if (err.empty() && !ctx.runner.running()) app.run_for(2);
        state.fire_result = err.empty() ? "sent to " + state.fire_node + " at t = " + std::to_string(ctx.runner.sim_seconds()) + " s"
                                        : "not sent: " + err;
        state.bottom_tab_request = 3;
    }
    ImGui::EndDisabled();
    ImGui::SameLine();
    if (ImGui::Button("Template")) state.fire_text.clear();
    ImGui::SameLine();
    if (event.is_discarded()) ImGui::TextColored(ImVec4(0.88f, 0.64f, 0.16f, 1), "not valid JSON");
    else if (!ctx.runner.simulation()) ImGui::TextColored(ImVec4(0.95f, 0.36f, 0.33f, 1), "fix the pattern's errors first");
    if (!state.fire_result.empty()) {
        ImGui::PushTextWrapPos(0);
        ImGui::TextDisabled("%s", state.fire_result.c_str());
        ImGui::PopTextWrapPos();
    }
    ImGui::End();
}

void open_error(PanelContext& ctx, Panels& state) {
    if (!state.open_error.empty() && !ImGui::IsPopupOpen("Could not open the file")) ImGui::OpenPopup("Could not open the file");
    const ImGuiIO& io = ImGui::GetIO();
    ImGui::SetNextWindowPos(ImVec2(io.DisplaySize.x * 0.5f, io.DisplaySize.y * 0.4f), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSizeConstraints(ImVec2(ctx.theme.px(360), 0), ImVec2(ctx.theme.px(640), io.DisplaySize.y * 0.8f));
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

}  // namespace

void draw_gallery(PanelContext& ctx, Panels& state, App& app) {
    (void)state;
    const auto& entries = gallery();
    ImGui::TextDisabled("Patterns to start from. Opening one replaces the canvas (Undo brings yours back).");
    ImGui::BeginChild("##gallery");
    const float avail = ImGui::GetContentRegionAvail().x;
    const float card_w = std::max(ctx.theme.px(220), std::min(ctx.theme.px(320), avail));
    const int cols = std::max(1, static_cast<int>(avail / (card_w + ImGui::GetStyle().ItemSpacing.x)));
    for (std::size_t i = 0; i < entries.size(); ++i) {
        const GalleryEntry& e = entries[i];
        ImGui::PushID(static_cast<int>(i));
        ImGui::BeginGroup();
        ImGui::BeginChild("##card", ImVec2(card_w, ctx.theme.px(118)), true, ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse);
        ImGui::PushFont(ctx.theme.fonts().bold);
        ImGui::TextUnformatted(e.name.c_str());
        ImGui::PopFont();
        ImGui::SameLine();
        ImGui::TextDisabled("%zu nodes", e.nodes);
        ImGui::PushTextWrapPos(0);
        ImGui::TextDisabled("%s", e.description.c_str());
        ImGui::PopTextWrapPos();
        bool tour_clicked = false;
        if (find_tour(e.file)) {  // seed patterns with a guided tour
            // On the title line, right-aligned (a SmallButton has its own background over a long title).
            ImGui::SetCursorPos(ImVec2(ImGui::GetWindowContentRegionMax().x - ImGui::CalcTextSize("Take the tour").x - ctx.theme.px(8),
                                       ImGui::GetWindowContentRegionMin().y));
            tour_clicked = ImGui::SmallButton("Take the tour");
            if (tour_clicked) app.learn().start_tour(e.file);
        }
        ImGui::EndChild();
        mark_last_item("gallery." + e.file);
        if (tour_clicked) {
        } else if (ImGui::IsItemClicked() || (ImGui::IsItemHovered() && ImGui::IsMouseDoubleClicked(0))) {
            app.load_pattern_text(e.text, "open " + e.file);
        }
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("open %s (%s.json)", e.name.c_str(), e.file.c_str());
        ImGui::EndGroup();
        ImGui::PopID();
        if ((i + 1) % static_cast<std::size_t>(cols) != 0 && i + 1 < entries.size()) ImGui::SameLine();
    }
    ImGui::EndChild();
}

void draw_dialogs(PanelContext& ctx, Panels& state, App& app) {
    fire_window(ctx, state, app);
    open_error(ctx, state);
}

}  // namespace pg
