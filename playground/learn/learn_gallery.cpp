// learn_gallery.cpp — the "Learn" bottom tab: three columns listing the guided tours, the
// challenges and the quiz questions; a click starts one. Also the recorded rects of each entry
// (for automation: learnState().buttons["tour-rest-api"]).
#include "learn/learn_panel_parts.h"

#include "gallery.h"
#include "ui_marks.h"
#include "widgets.h"

namespace pg {
namespace {

bool entry(Learn& learn, const Theme& theme, const std::string& key, const std::string& title, const std::string& sub,
           bool active) {
    ImGui::PushID(key.c_str());
    const float w = ImGui::GetContentRegionAvail().x;
    const ImVec2 at = ImGui::GetCursorScreenPos();
    const float line = ImGui::GetTextLineHeight();
    const ImVec2 size(w, line * 2 + theme.px(10));
    const bool pressed = invisible_button("##entry", size);
    const bool hovered = ImGui::IsItemHovered();
    record_rect(learn, theme, key);
    mark_last_item("learn." + key);  // for state().keyboardFocus
    const Palette& c = theme.colours();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 b(at.x + size.x, at.y + size.y);
    if (active || hovered)
        dl->AddRectFilled(at, b, active ? c.selection_fill : ImGui::GetColorU32(ImGuiCol_FrameBgHovered), theme.px(4));
    ImGui::PushClipRect(at, b, true);
    dl->AddText(theme.fonts().bold, theme.fonts().bold->FontSize, ImVec2(at.x + theme.px(6), at.y + theme.px(4)),
                c.node_text, title.c_str());
    dl->AddText(ImVec2(at.x + theme.px(6), at.y + theme.px(5) + line), c.node_muted, sub.c_str());
    ImGui::PopClipRect();
    if (hovered) {
        ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
        ImGui::SetTooltip("%s", sub.c_str());
    }
    ImGui::PopID();
    return pressed;
}

std::string pattern_name(const std::string& file) {
    for (const auto& g : gallery())
        if (g.file == file) return g.name;
    return file;
}

}  // namespace

void draw_learn_gallery(Learn& learn, const Theme& theme) {
    request_code_gallery();  // the code patterns' tours and challenges arrive with them
    const Library& lib = library();
    const float avail = ImGui::GetContentRegionAvail().x;
    const float gap = ImGui::GetStyle().ItemSpacing.x;
    const float col_w = std::max(theme.px(200), (avail - 2 * gap) / 3);
    const float h = ImGui::GetContentRegionAvail().y;

    ImGui::BeginChild("##learn_tours", ImVec2(col_w, h), false, ImGuiWindowFlags_NavFlattened);
    section_label(theme, "GUIDED TOURS");
    for (const auto& t : lib.tours) {
        const bool active = learn.mode() == LearnMode::Tour && learn.tour() == &t;
        const std::string sub = std::to_string(t.tour.steps.size()) + " steps · " + t.tour.description;
        if (entry(learn, theme, "tour-" + t.name, pattern_name(t.name), sub, active)) learn.start_tour(t.name);
    }
    ImGui::EndChild();
    ImGui::SameLine();
    ImGui::BeginChild("##learn_challenges", ImVec2(col_w, h), false, ImGuiWindowFlags_NavFlattened);
    section_label(theme, "CHALLENGES");
    for (const auto& c : lib.challenges) {
        const bool active = learn.mode() == LearnMode::Challenge && learn.challenge() == &c;
        const std::string sub = std::to_string(c.challenge.checks.size()) + " checks · " + c.challenge.scenario;
        if (entry(learn, theme, "challenge-" + c.id, c.challenge.title, sub, active)) learn.start_challenge(c.id);
    }
    ImGui::EndChild();
    ImGui::SameLine();
    ImGui::BeginChild("##learn_quizzes", ImVec2(0, h), false, ImGuiWindowFlags_NavFlattened);
    section_label(theme, "QUIZ QUESTIONS");
    for (const auto& q : lib.quizzes) {
        const bool active = learn.mode() == LearnMode::Quiz && learn.quiz() == &q;
        const std::string sub = (q.quiz.topic.empty() ? "" : q.quiz.topic + " · ") + q.quiz.question;
        if (entry(learn, theme, "quiz-" + q.id, q.quiz.title, sub, active)) learn.start_quiz(q.id);
    }
    for (const auto& p : lib.problems)
        ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(theme.colours().error), "%s", p.c_str());
    ImGui::EndChild();
}

}  // namespace pg
