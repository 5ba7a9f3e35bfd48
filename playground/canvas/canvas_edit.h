// canvas_edit.h — what the canvas and the panels propose (imnodes' rule: the canvas proposes, the
// app decides). GraphCanvas, the palette, the inspector's buttons and the keyboard shortcuts read the
// Document but never change its graph: they return these proposals and App applies them to the
// Document or refuses them (a read-only embed applies only selections).
#pragma once

#include "document.h"

#include "imgui.h"

#include <string>
#include <variant>
#include <vector>

namespace pg {

// Replaces the selection with `nodes` and `edge` (index into pattern.edges, -1 for none), or,
// with `add`, adds `nodes` to it. An empty Select clears the selection. Not a document edit.
struct SelectProposal {
    std::vector<std::string> nodes;
    int edge = -1;
    bool add = false;
};

// Takes one node out of the selection (Ctrl/Shift-click on a selected node).
struct DeselectProposal {
    std::string node;
};

// Moves nodes by a delta in canvas units. Every move of one drag belongs to one undo step: the
// first move of a drag has `starts_drag` set and the app opens a new gesture for it.
struct MoveProposal {
    std::vector<std::string> nodes;
    Vec2f delta;
    bool starts_drag = false;
};

// Links `from`.`port` to `to` (a port dragged onto a node). The app checks it (two different
// nodes, Registry::can_connect, not already linked) and shows a refusal at `at` (screen px).
struct ConnectProposal {
    std::string from, port, to;
    ImVec2 at;
};

// Adds a node of `type` with its top-left corner at `at` (canvas units): a palette item dropped.
struct AddNodeProposal {
    std::string type;
    Vec2f at;
};

// Deletes the selected nodes (with their links) or the selected link.
struct DeleteSelectionProposal {};

// Duplicates the selected nodes (and the links among them), offset a little.
struct DuplicateSelectionProposal {};

// A right click (or a long press) that did not drag: the app opens a context menu for `node`, or
// link `edge`, or, with neither, the canvas itself. `at` is where it happened (screen px).
struct ContextMenuProposal {
    std::string node;
    int edge = -1;
    ImVec2 at;
};

using CanvasEdit = std::variant<SelectProposal, DeselectProposal, MoveProposal, ConnectProposal, AddNodeProposal,
                                DeleteSelectionProposal, DuplicateSelectionProposal, ContextMenuProposal>;
using CanvasEdits = std::vector<CanvasEdit>;

// True for proposals that change the document (everything but selection and context menus).
inline bool edits_document(const CanvasEdit& e) {
    return !std::holds_alternative<SelectProposal>(e) && !std::holds_alternative<DeselectProposal>(e) &&
           !std::holds_alternative<ContextMenuProposal>(e);
}

}  // namespace pg
