// inspector_links.cpp — see inspector_links.h.
#include "panels/inspector_links.h"

#include "services/all_services.h"
#include "ui_marks.h"

namespace pg {

void node_links(PanelContext& ctx, const sim::NodeSpec& node) {
    const sim::Registry& reg = sim::default_registry();
    const sim::ServiceKind* kind = reg.find(node.type);
    if (!kind || kind->ports.empty()) return;
    const sim::Pattern& p = ctx.doc.pattern();
    for (const sim::PortSpec& port : kind->ports) {
        ImGui::PushID(port.name.c_str());
        std::string linked;
        for (const auto& e : p.edges)
            if (e.from == node.id && e.port == port.name) linked += (linked.empty() ? "" : ", ") + e.to;
        ImGui::AlignTextToFramePadding();
        ImGui::TextDisabled("%s", port.label.empty() ? port.name.c_str() : port.label.c_str());
        ImGui::SameLine();
        ImGui::TextUnformatted(linked.empty() ? "(none)" : ("→ " + linked).c_str());
        if (!ctx.read_only) {
            ImGui::SetNextItemWidth(-1);
            if (ImGui::BeginCombo("##to", "+ link to...")) {
                bool any = false;
                for (const auto& n : p.nodes) {
                    if (n.id == node.id || !reg.can_connect(node.type, port.name, n.type).ok) continue;
                    bool already = false;
                    for (const auto& e : p.edges)
                        already = already || (e.from == node.id && e.port == port.name && e.to == n.id);
                    if (already) continue;
                    any = true;
                    const sim::ServiceKind* to = reg.find(n.type);
                    const std::string item = n.id + "  (" + (to ? to->label : n.type) + ")";
                    if (ImGui::Selectable(item.c_str()))
                        ctx.proposals.push_back(ConnectProposal{node.id, port.name, n.id, ImGui::GetItemRectMin()});
                    mark_last_item("inspector.link." + port.name + "." + n.id);
                }
                if (!any) ImGui::TextDisabled("nothing here that AWS lets %s reach", port.name.c_str());
                ImGui::EndCombo();
            }
            mark_last_item("inspector.link." + port.name);
        }
        ImGui::PopID();
    }
}

}  // namespace pg
