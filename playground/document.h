// document.h — the editable pattern and all UI state that belongs to it: selection, node positions
// (pattern.layout) and the undo stack. Every edit goes through here; the simulation is rebuilt from
// the document when its semantic part changes (a running engine is never mutated).
// Layout format (documented in web/API.md): layout.nodes.<id> = {"x": float, "y": float}, the node's
// top-left corner in canvas units (1 unit = 1 CSS pixel at 100% zoom).
#pragma once

#include "pattern/pattern.h"

#include <cstdint>
#include <string>
#include <vector>

namespace pg {

struct Vec2f {
    float x = 0, y = 0;
};

// Groups the edits of one gesture (a drag, typing into one field) into one undo step; 0 is none.
using GestureId = std::uint64_t;

struct Selection {
    std::vector<std::string> nodes;  // node ids, in selection order
    int edge = -1;                   // index into pattern.edges, -1 when none
    bool empty() const { return nodes.empty() && edge < 0; }
};

class Document {
public:
    Document();

    const sim::Pattern& pattern() const { return pattern_; }
    // Bumped by every change to nodes/edges/traffic/settings (not by moves): the app rebuilds the
    // simulation when it differs from the revision it last built.
    std::uint64_t semantic_revision() const { return semantic_rev_; }
    // Bumped by every change at all (autosave watches this).
    std::uint64_t revision() const { return rev_; }

    // Replaces the whole pattern (load, New, gallery). Undoable; positions are filled in for nodes
    // the layout does not place.
    void replace(sim::Pattern pattern, const std::string& label);

    // A new gesture id, never handed out before: edits made with it merge into one undo step.
    GestureId begin_gesture() { return next_gesture_++; }

    // ---- Edits (each is one undo step unless merged by `gesture`) ----
    // Adds a node of `type` with its top-left at `pos`; returns its new unique id ("lambda-2").
    std::string add_node(const std::string& type, Vec2f pos);
    // Moves nodes by a delta; calls with the same non-zero `gesture` merge into one undo step.
    void move_nodes(const std::vector<std::string>& ids, Vec2f delta, GestureId gesture);
    void delete_selection();
    void duplicate_selection();
    // Appends an edge (the caller has checked can_connect). Returns false when it already exists.
    // Edits made with the same `gesture` afterwards (a default action) join its undo step.
    bool connect(const std::string& from, const std::string& port, const std::string& to, GestureId gesture = 0);
    // Replaces a node's or edge's config object.
    void set_node_config(const std::string& id, const sim::Json& config, GestureId gesture = 0);
    void set_edge_config(int edge, const sim::Json& config, GestureId gesture = 0);
    // Any other semantic edit (pattern name, settings, traffic, ...): `fn(pattern)` mutates it.
    template <class Fn>
    void edit(const std::string& label, Fn&& fn, GestureId gesture = 0) {
        checkpoint(label, true, gesture);
        fn(pattern_);
        changed(true);
    }
    // Renames a node, rewriting edges, traffic and layout; false when `to` is taken or invalid.
    bool rename_node(const std::string& from, const std::string& to);

    // Forgets undo/redo history (after restoring an autosave: there is nothing before it).
    void reset_history() {
        undo_.clear();
        redo_.clear();
    }
    bool can_undo() const { return !undo_.empty(); }
    bool can_redo() const { return !redo_.empty(); }
    void undo();
    void redo();
    const std::string& undo_label() const;  // "" when nothing to undo
    const std::string& redo_label() const;

    // ---- Selection and layout (not undoable) ----
    Selection& selection() { return selection_; }
    const Selection& selection() const { return selection_; }
    bool is_selected(const std::string& id) const;
    void select_only(const std::string& id);
    void clear_selection() { selection_ = {}; }
    Vec2f position(const std::string& id) const;
    // A new id for a node of `type`: the type itself, then type-2, type-3, ...
    std::string unique_id(const std::string& type) const;

private:
    struct Snapshot {
        sim::Pattern pattern;
        Selection selection;
        std::string label;
        bool semantic = true;
        GestureId gesture = 0;
    };
    // Records the state before an edit; merges with the previous step for the same gesture.
    void checkpoint(const std::string& label, bool semantic, GestureId gesture = 0);
    void changed(bool semantic);
    void place_unpositioned_nodes();
    void set_position(const std::string& id, Vec2f pos);
    void restore(Snapshot& from, std::vector<Snapshot>& push_to);

    sim::Pattern pattern_;
    Selection selection_;
    std::vector<Snapshot> undo_, redo_;
    std::uint64_t rev_ = 1, semantic_rev_ = 1;
    GestureId next_gesture_ = 1;
};

}  // namespace pg
