// app_canvas_edits.cpp — the app's half of imnodes' rule: the canvas proposes (canvas_edit.h), the
// app decides. Here proposals become Document edits, or are refused: a read-only embed applies
// selections only, so a stray drag there neither edits, nor rebuilds the simulation, nor tells the host.
#include "app.h"

#include "core/registry.h"
#include "services/all_services.h"
#include "wiring_defaults.h"

#include <optional>
#include <string>
#include <variant>

namespace pg {
namespace {

struct Applier {
    Document& doc;
    GraphCanvas& canvas;
    GestureId& drag_gesture;
    Notices& notices;
    double sim_time;
    ContextMenuProposal& menu;
    bool& open_menu;

    void operator()(const SelectProposal& s) const {
        Selection& sel = doc.selection();
        if (!s.add) sel = {};
        if (s.edge >= 0 && s.edge < static_cast<int>(doc.pattern().edges.size())) sel.edge = s.edge;
        if (s.add) sel.edge = -1;
        for (const auto& id : s.nodes)
            if (doc.pattern().find_node(id) && !doc.is_selected(id)) sel.nodes.push_back(id);
    }
    void operator()(const DeselectProposal& d) const {
        std::erase(doc.selection().nodes, d.node);
        doc.selection().edge = -1;
    }
    void operator()(const MoveProposal& m) const {
        // One drag, one undo step: its moves share the gesture opened by its first move.
        if (m.starts_drag || drag_gesture == 0) drag_gesture = doc.begin_gesture();
        doc.move_nodes(m.nodes, m.delta, drag_gesture);
    }
    void operator()(const ConnectProposal& c) const {
        const sim::NodeSpec* from = doc.pattern().find_node(c.from);
        const sim::NodeSpec* to = doc.pattern().find_node(c.to);
        if (!from || !to) return;
        std::string why;
        if (c.from == c.to) {
            why = "a link needs two different nodes";
        } else {
            const sim::ConnectVerdict v = sim::default_registry().can_connect(from->type, c.port, to->type);
            if (!v.ok)
                why = v.reason;
            else if (!connect_with_defaults(*from, c.port, *to))
                why = c.from + "." + c.port + " is already linked to " + c.to;
        }
        if (why.empty()) return;
        canvas.refuse(why);
        notices.post("Cannot connect " + c.from + " → " + c.to, why, sim_time);
    }
    // The link, and in the same undo step what makes it do something (wiring_defaults.h): a Lambda
    // function's default action for its new target, a silent traffic source's first traffic.
    bool connect_with_defaults(const sim::NodeSpec& from, const std::string& port, const sim::NodeSpec& to) const {
        std::optional<sim::Json> action = default_action(from, port, to);
        const bool needs_traffic = source_without_traffic(doc.pattern(), from);
        const std::string from_id = from.id;  // `from` points into the pattern the edits replace
        const GestureId g = doc.begin_gesture();
        if (!doc.connect(from_id, port, to.id, g)) return false;
        const Selection link = doc.selection();
        if (action)
            doc.edit(
                "default action",
                [&](sim::Pattern& p) {
                    sim::Json& cfg = p.nodes[static_cast<std::size_t>(p.node_index(from_id))].config;
                    if (!cfg.is_object()) cfg = sim::Json::object();
                    if (!cfg.contains("Actions") || !cfg["Actions"].is_array()) cfg["Actions"] = sim::Json::array();
                    cfg["Actions"].push_back(*action);
                },
                g);
        if (needs_traffic)
            doc.edit(
                "default traffic",
                [&](sim::Pattern& p) { p.traffic.push_back(default_traffic(from_id, p.traffic.size() + 1)); }, g);
        doc.selection() = link;
        return true;
    }
    void operator()(const AddNodeProposal& a) const { doc.add_node(a.type, a.at); }
    void operator()(const DeleteSelectionProposal&) const { doc.delete_selection(); }
    void operator()(const DuplicateSelectionProposal&) const { doc.duplicate_selection(); }
    void operator()(const ContextMenuProposal& m) const {
        menu = m;
        open_menu = true;
    }
};

}  // namespace

void App::apply_canvas_edits(const CanvasEdits& edits) {
    const Applier apply{doc_,          canvas_,           drag_gesture_, panels_.notices, runner_.sim_seconds(),
                        context_menu_, open_context_menu_};
    for (const CanvasEdit& e : edits) {
        if (embed_.read_only && edits_document(e)) continue;  // looked at, never edited
        std::visit(apply, e);
    }
}

}  // namespace pg
