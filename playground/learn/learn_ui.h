// learn_ui.h — how the learning modes look: the tour/challenge/quiz card floating over the
// canvas, the spotlight a tour step puts on a node or link, and the "Learn" tab listing every
// tour, challenge and quiz question.
#pragma once

#include "canvas/graph_canvas.h"
#include "document.h"
#include "learn/learn.h"
#include "theme.h"

namespace pg {

// Draws the current tour step's spotlight on the canvas (call inside the canvas child window,
// after the canvas has drawn).
void draw_learn_highlight(const Learn& learn, const GraphCanvas& canvas, const Document& doc, const Theme& theme);
// The floating card over the canvas's top-right corner (nothing when no mode is active).
// After a load it fits the diagram into the canvas area left of the card (never below 40% zoom).
void draw_learn_panel(Learn& learn, GraphCanvas& canvas, const Document& doc, const Theme& theme);
// The "Learn" bottom tab: tours, challenges, quiz questions.
void draw_learn_gallery(Learn& learn, const Theme& theme);

}  // namespace pg
