// learn_panel_parts.h — pieces shared by the learning cards (learn_panel.cpp, challenge_panel.cpp,
// quiz_panel.cpp). Internal to playground/learn/.
#pragma once

#include "learn/learn_ui.h"

#include <string>

namespace pg {

// A small rounded label at the cursor.
void pill_text(const Theme& theme, const char* text, ImU32 bg, ImU32 fg);
// A small bold muted heading ("CHALLENGE").
void section_label(const Theme& theme, const char* text);
// A full-width button with a bold label ("A") and wrapped text; true when clicked.
bool wrapped_button(const char* id, const std::string& label, const std::string& text, bool selected,
                    const Theme& theme);
// A tour metric for display: "$0.0123", "812 ms", "1,523".
std::string metric_text(const std::string& metric, double v);

// In the docked card, ends the left column and starts the right one (elsewhere: nothing).
void column_break();

void draw_challenge_card(Learn& learn, const Theme& theme);
void draw_quiz_card(Learn& learn, const Theme& theme);

}  // namespace pg
