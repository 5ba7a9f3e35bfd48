// app_context_menu.cpp — right-click (touch: long-press) menus on the canvas: a node's (Delete,
// Duplicate, Fire event…, Inspect), a link's (Delete link) and the canvas's own (Add service…,
// Fit). The canvas proposes the menu (ContextMenuProposal); its items propose the same edits as the
// toolbar and shortcuts (canvas_edit.h), which App applies. A read-only embed offers only what does not edit. Items are
// marked "ctx.<name>" for layout().
#include "app.h"

#include "core/registry.h"
#include "services/all_services.h"
#include "ui_marks.h"

namespace pg {

void App::draw_context_menu() {
    if (open_context_menu_) {
        ImGui::OpenPopup("##canvas_ctx");
        open_context_menu_ = false;
    }
    if (!ImGui::BeginPopup("##canvas_ctx")) return;
    const ContextMenuProposal& m = context_menu_;
    const bool edit = !embed_.read_only;
    if (!m.node.empty() && doc_.pattern().find_node(m.node)) {
        ImGui::TextDisabled("%s", m.node.c_str());
        ImGui::Separator();
        if (ImGui::MenuItem("Fire event…", "E", false, runner_.simulation() != nullptr)) {
            panels_.show_fire = true;
            panels_.fire_node = m.node;
        }
        mark_last_item("ctx.fire");
        if (ImGui::MenuItem("Inspect")) {
            doc_.select_only(m.node);
            if (ImGui::GetIO().DisplaySize.x / theme_.scale() < 900) show_tab(6);  // narrow: the Inspector tab
        }
        mark_last_item("ctx.inspect");
        if (edit) {
            if (ImGui::MenuItem("Duplicate", "Ctrl+D")) {
                if (!doc_.is_selected(m.node)) doc_.select_only(m.node);
                proposals_.push_back(DuplicateSelectionProposal{});
            }
            mark_last_item("ctx.duplicate");
            if (ImGui::MenuItem("Delete", "Del")) {
                if (!doc_.is_selected(m.node)) doc_.select_only(m.node);
                proposals_.push_back(DeleteSelectionProposal{});
            }
            mark_last_item("ctx.delete");
        }
    } else if (m.edge >= 0 && m.edge < static_cast<int>(doc_.pattern().edges.size())) {
        const sim::EdgeSpec& e = doc_.pattern().edges[static_cast<std::size_t>(m.edge)];
        ImGui::TextDisabled("%s.%s → %s", e.from.c_str(), e.port.c_str(), e.to.c_str());
        ImGui::Separator();
        if (edit && ImGui::MenuItem("Delete link", "Del")) {
            doc_.clear_selection();
            doc_.selection().edge = m.edge;
            proposals_.push_back(DeleteSelectionProposal{});
        }
        if (edit) mark_last_item("ctx.delete-link");
        if (!edit) ImGui::TextDisabled("read-only");
    } else {
        const bool adding = edit && ImGui::BeginMenu("Add service…");
        if (edit) mark_last_item("ctx.add");
        if (adding) {
            for (const auto& k : sim::default_registry().kinds()) {
                if (!k.simulated) continue;
                if (ImGui::MenuItem(k.label.c_str())) {
                    Vec2f at = canvas_.view().to_world(m.at);
                    at.x -= kNodeWidth * 0.5f;
                    proposals_.push_back(AddNodeProposal{k.type, at});
                }
                mark_last_item("ctx.add." + k.type);
            }
            ImGui::EndMenu();
        }
        if (ImGui::MenuItem("Fit", "F")) canvas_.request_fit();
        mark_last_item("ctx.fit");
    }
    ImGui::EndPopup();
}

}  // namespace pg
