// keyboard_moves.cpp — see keyboard_moves.h.
#include "canvas/keyboard_moves.h"

#include <algorithm>

namespace pg {
namespace {

constexpr float kGrid = 24;        // canvas_draw.cpp's grid square
constexpr float kSameColumn = 78;  // half a node's width (node_layout.h: kNodeWidth)

}  // namespace

std::string next_in_flow_order(const std::vector<NodeAt>& nodes, const std::string& current, bool backwards) {
    if (nodes.empty()) return {};
    std::vector<const NodeAt*> order;
    for (const auto& n : nodes) order.push_back(&n);
    std::stable_sort(order.begin(), order.end(), [](const NodeAt* a, const NodeAt* b) { return a->at.x < b->at.x; });
    // Columns: a node joins the column of the leftmost node left of it by less than kSameColumn.
    std::vector<int> column(order.size());
    float column_left = order.front()->at.x;
    for (std::size_t i = 0, c = 0; i < order.size(); ++i) {
        if (order[i]->at.x - column_left >= kSameColumn) {
            ++c;
            column_left = order[i]->at.x;
        }
        column[i] = static_cast<int>(c);
    }
    std::vector<std::size_t> idx(order.size());
    for (std::size_t i = 0; i < idx.size(); ++i) idx[i] = i;
    std::stable_sort(idx.begin(), idx.end(), [&](std::size_t a, std::size_t b) {
        return column[a] != column[b] ? column[a] < column[b] : order[a]->at.y < order[b]->at.y;
    });
    const std::size_t n = idx.size();
    for (std::size_t k = 0; k < n; ++k)
        if (order[idx[k]]->id == current) return order[idx[backwards ? (k + n - 1) % n : (k + 1) % n]]->id;
    return order[idx[backwards ? n - 1 : 0]]->id;
}

Vec2f arrow_step(int dx, int dy, bool large) {
    const float step = large ? 5 * kGrid : kGrid;
    return {static_cast<float>(dx) * step, static_cast<float>(dy) * step};
}

}  // namespace pg
