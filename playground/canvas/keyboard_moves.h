// keyboard_moves.h — the canvas without a mouse: N / Shift+N step the selection through the
// services in the order requests flow (left to right), the arrow keys move the selected ones (app_toolbar.cpp binds the
// keys). Pure functions of positions, so the order and the steps are tested without a frame.
#pragma once

#include "document.h"

#include <string>
#include <vector>

namespace pg {

struct NodeAt {
    std::string id;
    Vec2f at;  // top-left corner, canvas units
};

// The node after `current` in flow order — diagrams run left to right, so columns left to right,
// each top to bottom (nodes whose left edges are less than half a node apart share a column) —
// wrapping round; the one before it with `backwards`. The first (or last) node when `current` is
// empty or gone; "" when there are none.
std::string next_in_flow_order(const std::vector<NodeAt>& nodes, const std::string& current, bool backwards);

// One press of an arrow key moves the selection one grid square (24 units, the canvas grid);
// with Shift a major square (five). dx, dy in {-1, 0, 1}.
Vec2f arrow_step(int dx, int dy, bool large);

}  // namespace pg
