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
// Docked (the card is in the Learn tab): brings a tour step's highlighted node into view.
// Otherwise (embeds without the tab area) the card floats over the canvas's top-right corner and,
// after a load, the diagram is fitted into the canvas left of it. Nothing when no mode is active.
void draw_learn_panel(Learn& learn, GraphCanvas& canvas, const Document& doc, const Theme& theme, bool docked);
// The active tour, challenge or quiz in the Learn tab: two columns when wide, one on a phone.
void draw_learn_dock(Learn& learn, const Theme& theme);
// Remembers the last item's screen rect (CSS px) under `name` in learn.ui_rects (for automation).
void record_rect(Learn& learn, const Theme& theme, const std::string& name);
// The "Learn" bottom tab: tours, challenges, quiz questions.
void draw_learn_gallery(Learn& learn, const Theme& theme);

}  // namespace pg
