// The canvas's keyboard order and steps (playground/canvas/keyboard_moves.h).
#include "canvas/keyboard_moves.h"

#include <doctest/doctest.h>

using pg::NodeAt;

TEST_CASE("N walks the services column by column, each top to bottom, and wraps round") {
    // Two columns: the second column's nodes are 10 units apart sideways (same column), and the
    // first column's lower node is 30 units further right than its upper one (still the same column).
    const std::vector<NodeAt> nodes = {
        {"table", {410, 300}},
        {"api", {30, 200}},
        {"queue", {400, 0}},
        {"client", {0, 0}},
    };
    CHECK(pg::next_in_flow_order(nodes, "", false) == "client");
    CHECK(pg::next_in_flow_order(nodes, "client", false) == "api");
    CHECK(pg::next_in_flow_order(nodes, "api", false) == "queue");
    CHECK(pg::next_in_flow_order(nodes, "queue", false) == "table");
    CHECK(pg::next_in_flow_order(nodes, "table", false) == "client");
    CHECK(pg::next_in_flow_order(nodes, "client", true) == "table");
    CHECK(pg::next_in_flow_order(nodes, "", true) == "table");
    CHECK(pg::next_in_flow_order(nodes, "gone", false) == "client");
    CHECK(pg::next_in_flow_order({}, "", false).empty());
}

TEST_CASE("A node far enough to the right starts a new column even when it is higher") {
    const std::vector<NodeAt> nodes = {{"a", {0, 300}}, {"b", {200, 0}}};
    CHECK(pg::next_in_flow_order(nodes, "", false) == "a");
    CHECK(pg::next_in_flow_order(nodes, "a", false) == "b");
}

TEST_CASE("Arrows move one grid square, Shift five") {
    CHECK(pg::arrow_step(1, 0, false).x == 24);
    CHECK(pg::arrow_step(0, -1, false).y == -24);
    CHECK(pg::arrow_step(0, 1, true).y == 120);
    CHECK(pg::arrow_step(-1, 0, true).x == -120);
}
