// quiz_panel.cpp — the quiz card: the question, its options (choosing one opens that design on the
// canvas), then every option's simulated numbers side by side with the verdict and the reasons,
// filled in from the engine's measurements.
#include "learn/learn_panel_parts.h"

namespace pg {
namespace {

const sim::challenge::OptionResult* find(const sim::challenge::QuizResult& r, const std::string& id) {
    for (const auto& o : r.options)
        if (o.id == id) return &o;
    return nullptr;
}

std::string upper(std::string s) {
    for (char& ch : s) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
    return s;
}

void results_table(const sim::challenge::Quiz& q, const sim::challenge::QuizResult& r, const std::string& chosen,
                   const Theme& theme) {
    const Palette& c = theme.colours();
    const int cols = 1 + static_cast<int>(q.measures.size());
    const ImGuiTableFlags flags = ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp;
    if (!ImGui::BeginTable("##quiz_results", cols, flags)) return;
    ImGui::TableSetupColumn("", ImGuiTableColumnFlags_WidthFixed, theme.px(28));
    for (const auto& m : q.measures) ImGui::TableSetupColumn(m.label.c_str());
    ImGui::TableNextRow(ImGuiTableRowFlags_Headers);
    ImGui::TableSetColumnIndex(0);
    for (std::size_t i = 0; i < q.measures.size(); ++i) {
        ImGui::TableSetColumnIndex(static_cast<int>(i) + 1);
        const bool deciding = q.measures[i].id == q.decide;
        ImGui::PushFont(deciding ? theme.fonts().bold : theme.fonts().ui);
        ImGui::PushTextWrapPos(0);
        ImGui::TextUnformatted((q.measures[i].label + (deciding ? " •" : "")).c_str());
        ImGui::PopTextWrapPos();
        ImGui::PopFont();
    }
    for (const auto& o : r.options) {
        ImGui::TableNextRow();
        if (o.id == r.best)
            ImGui::TableSetBgColor(ImGuiTableBgTarget_RowBg1, (c.ok & ~IM_COL32_A_MASK) | (50u << IM_COL32_A_SHIFT));
        ImGui::TableSetColumnIndex(0);
        ImGui::PushFont(theme.fonts().bold);
        ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(o.id == chosen ? c.selection : c.node_text), "%s",
                           upper(o.id).c_str());
        ImGui::PopFont();
        for (std::size_t i = 0; i < q.measures.size(); ++i) {
            ImGui::TableSetColumnIndex(static_cast<int>(i) + 1);
            const auto it = o.shown.find(q.measures[i].id);
            ImGui::PushFont(theme.fonts().mono);
            if (!o.ran)
                ImGui::TextDisabled("did not run");
            else
                ImGui::TextUnformatted(it != o.shown.end() ? it->second.c_str() : "—");
            ImGui::PopFont();
        }
    }
    ImGui::EndTable();
}

void reason(const char* heading, const sim::challenge::OptionResult& o, const Theme& theme, ImU32 colour) {
    ImGui::PushFont(theme.fonts().bold);
    ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(colour), "%s", heading);
    ImGui::PopFont();
    ImGui::PushTextWrapPos(0);
    ImGui::TextUnformatted(o.why.c_str());
    for (const auto& u : o.unmet)
        ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(theme.colours().error), "misses the requirement: %s",
                           u.c_str());
    if (!o.problem.empty())
        ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(theme.colours().retry), "⚠ %s", o.problem.c_str());
    ImGui::PopTextWrapPos();
}

}  // namespace

void draw_quiz_card(Learn& learn, const Theme& theme) {
    const QuizEntry& e = *learn.quiz();
    const sim::challenge::Quiz& q = e.quiz;
    const Palette& c = theme.colours();
    section_label(theme, ("QUIZ" + (q.topic.empty() ? std::string() : " · " + upper(q.topic))).c_str());
    ImGui::PushFont(theme.fonts().bold);
    ImGui::PushTextWrapPos(ImGui::GetContentRegionMax().x - theme.px(50));
    ImGui::TextUnformatted(q.title.c_str());
    ImGui::PopTextWrapPos();
    ImGui::PopFont();
    if (learn.minimized) {
        if (!learn.chosen().empty()) ImGui::TextDisabled("your answer: %s", upper(learn.chosen()).c_str());
        return;
    }
    ImGui::PushTextWrapPos(0);
    ImGui::TextUnformatted(q.question.c_str());
    ImGui::PopTextWrapPos();
    ImGui::Spacing();
    for (const auto& o : q.options) {
        ImGui::PushID(o.id.c_str());
        if (wrapped_button("##option", upper(o.id), o.text, learn.chosen() == o.id, theme)) learn.answer(o.id);
        record_rect(learn, theme, "option-" + o.id);
        ImGui::PopID();
    }
    column_break();
    if (learn.chosen().empty()) {
        ImGui::TextDisabled("Choose an answer: its design opens on the canvas and every option is simulated.");
        return;
    }
    ImGui::Spacing();
    if (learn.quiz_running()) {
        char label[80];
        std::snprintf(label, sizeof label, "Running all %zu designs through the same traffic… %.0f%%", q.options.size(),
                      learn.quiz_progress() * 100);
        ImGui::ProgressBar(static_cast<float>(learn.quiz_progress()), ImVec2(-1, 0), label);
        return;
    }
    const auto& r = learn.quiz_result();
    if (!r) return;
    const bool correct = learn.chosen() == r->best;
    const sim::challenge::QuizMeasure* m = q.find_measure(q.decide);
    ImGui::PushFont(theme.fonts().bold);
    if (correct)
        ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(c.ok), "✓ Correct: %s is the best choice",
                           upper(r->best).c_str());
    else if (!r->best.empty())
        ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(c.error), "Not the best choice: %s wins on %s",
                           upper(r->best).c_str(), m ? m->label.c_str() : "");
    else
        ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(c.retry), "No single option wins in this run");
    ImGui::PopFont();
    if (!q.requirements.empty()) {
        std::string req;
        for (const auto& x : q.requirements) req += (req.empty() ? "" : "; ") + x.description;
        ImGui::TextDisabled("Best = best %s among designs with %s", m ? m->label.c_str() : "", req.c_str());
    }
    // Actions first, so they stay on screen when the reasons below need scrolling.
    bool same_line = false;
    if (!correct && !r->best.empty()) {
        if (ImGui::Button("Open the best design")) learn.open_design(r->best);
        record_rect(learn, theme, "open-best");
        same_line = true;
    }
    const auto& all = library().quizzes;
    for (std::size_t i = 0; i + 1 < all.size(); ++i)
        if (all[i].id == e.id) {
            if (same_line) ImGui::SameLine();
            if (ImGui::Button("Next question →")) learn.start_quiz(all[i + 1].id);
            record_rect(learn, theme, "next-question");
            break;
        }
    ImGui::Spacing();
    results_table(q, *r, learn.chosen(), theme);
    ImGui::Spacing();
    if (const auto* mine = find(*r, learn.chosen()))
        reason(("Your answer, " + upper(mine->id)).c_str(), *mine, theme, correct ? c.ok : c.error);
    if (!correct && !r->best.empty())
        if (const auto* best = find(*r, r->best)) {
            ImGui::Spacing();
            reason(("The best choice, " + upper(best->id)).c_str(), *best, theme, c.ok);
        }
}

}  // namespace pg
