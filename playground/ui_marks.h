// ui_marks.h — where named widgets were drawn in the last frame (CSS px), for window.playground.layout()
// so browser tests can aim real mouse and touch input at popup items, menu entries and gallery cards.
// An automation aid only: nothing in the UI reads it back.
#pragma once

#include "core/message.h"  // sim::Json

#include "imgui.h"

#include <string>

namespace pg {

// Starts a frame: marks not recorded again during it are dropped from ui_marks_json().
void ui_marks_begin_frame(float ui_scale);
// Records the last ImGui item's rectangle under `name` (e.g. "menu.light-theme", "gallery.rest-api").
void mark_last_item(const std::string& name);
// Records a rectangle (screen px) under `name`, e.g. a whole window.
void mark_rect(const std::string& name, ImVec2 min, ImVec2 max);
// Records the current child window (a scrolling list or table) under `name`: its rectangle, and the
// item its parent keeps for it, which the keyboard stops on before Space goes into the list.
void mark_current_child(const std::string& name);
// {name: [x0, y0, x1, y1]} of everything marked in the last drawn frame.
sim::Json ui_marks_json();
// The marked item the keyboard is on (ImGui's navigation highlight or the field being typed in),
// "" when none: how a test sees where Tab went.
std::string keyboard_focus_mark();

}  // namespace pg
