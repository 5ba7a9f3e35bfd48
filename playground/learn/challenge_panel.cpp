// challenge_panel.cpp — the challenge card: scenario, constraints, every check in plain words up
// front, "Check my design" with a progress bar while the engine runs the checks in slices, then
// each check's pass/fail with its measured value.
#include "learn/learn_panel_parts.h"

namespace pg {

void draw_challenge_card(Learn& learn, const Theme& theme) {
    const ChallengeEntry& e = *learn.challenge();
    const sim::challenge::Challenge& ch = e.challenge;
    const Palette& c = theme.colours();
    section_label(theme, "CHALLENGE");
    ImGui::PushFont(theme.fonts().bold);
    ImGui::PushTextWrapPos(ImGui::GetContentRegionMax().x - theme.px(50));
    ImGui::TextUnformatted(ch.title.c_str());
    ImGui::PopTextWrapPos();
    ImGui::PopFont();
    if (!learn.minimized) {
        ImGui::PushTextWrapPos(0);
        ImGui::TextUnformatted(ch.scenario.c_str());
        ImGui::PopTextWrapPos();
    }
    if (!ch.constraints.empty() && !learn.minimized) {
        ImGui::Spacing();
        section_label(theme, "CONSTRAINTS");
        ImGui::PushTextWrapPos(0);
        for (const auto& k : ch.constraints) {
            ImGui::Bullet();
            ImGui::TextUnformatted(k.c_str());
        }
        ImGui::PopTextWrapPos();
    }

    column_break();
    const auto& result = learn.check_result();
    ImGui::Spacing();
    if (learn.checking()) {
        char label[64];
        std::snprintf(label, sizeof label, "Simulating the runs… %.0f%%", learn.check_progress() * 100);
        ImGui::ProgressBar(static_cast<float>(learn.check_progress()), ImVec2(-1, 0), label);
        record_rect(learn, theme, "progress");
    } else {
        ImGui::PushStyleColor(ImGuiCol_Button, ImGui::ColorConvertU32ToFloat4(c.selection));
        ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(1, 1, 1, 1));
        if (ImGui::Button("Check my design")) learn.check_design();
        ImGui::PopStyleColor(2);
        record_rect(learn, theme, "check");
        if (result) {
            ImGui::SameLine();
            if (result->passed())
                ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(c.ok), "✓ every check passes");
            else if (learn.results_stale())
                ImGui::TextDisabled("you changed the design since — check again");
            else
                ImGui::TextDisabled("checked in %.1f s", learn.last_check_ms() / 1000);
        } else {
            ImGui::SameLine();
            ImGui::TextDisabled("build on the canvas, then check");
        }
    }
    if (learn.minimized) {
        if (result && !learn.checking())
            ImGui::TextDisabled("%zu of %zu checks pass", result->passed_count(), result->checks.size());
        return;
    }
    ImGui::Spacing();
    char heading[96];
    if (result && !learn.checking())
        std::snprintf(heading, sizeof heading, "CHECKS — %zu OF %zu PASS", result->passed_count(),
                      result->checks.size());
    else
        std::snprintf(heading, sizeof heading, "CHECKS (%zu)", ch.checks.size());
    section_label(theme, heading);
    const float pill_w = theme.px(46);
    for (std::size_t i = 0; i < ch.checks.size(); ++i) {
        const sim::challenge::CheckResult* r =
            result && !learn.checking() && i < result->checks.size() ? &result->checks[i] : nullptr;
        ImGui::PushID(static_cast<int>(i));
        const float x0 = ImGui::GetCursorPosX();
        if (!r)
            pill_text(theme, " … ", ImGui::GetColorU32(ImGuiCol_FrameBg), c.node_muted);
        else if (r->passed)
            pill_text(theme, "PASS", c.ok, IM_COL32_WHITE);
        else
            pill_text(theme, "FAIL", c.error, IM_COL32_WHITE);
        ImGui::SameLine(x0 + pill_w);
        ImGui::BeginGroup();
        ImGui::PushTextWrapPos(0);
        ImGui::TextUnformatted(ch.checks[i].description.c_str());
        if (r && !r->measured.empty()) {
            ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(r->passed ? c.node_muted : c.error));
            ImGui::Text("measured: %s", r->measured.c_str());
            ImGui::PopStyleColor();
        }
        // Side by side: the same check on the challenge's comparison designs (e.g. an EC2 fleet).
        if (r)
            for (const auto& cmp : learn.comparisons())
                if (cmp.result && i < cmp.result->checks.size()) {
                    const auto& x = cmp.result->checks[i];
                    ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(x.passed ? c.node_muted : c.retry), "%s: %s — %s",
                                       cmp.label.c_str(), x.passed ? "pass" : "fail", x.measured.c_str());
                }
        ImGui::PopTextWrapPos();
        ImGui::EndGroup();
        ImGui::PopID();
    }
    if (learn.comparing()) ImGui::TextDisabled("Running the comparison design through the same checks…");
    if (result && !learn.checking()) {
        for (const auto& run : result->runs)
            if (!run.problem.empty()) {
                ImGui::PushTextWrapPos(0);
                ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(c.retry), "⚠ %s", run.problem.c_str());
                ImGui::PopTextWrapPos();
            }
    }
    if (!ch.hints.empty() && ImGui::CollapsingHeader("Hints")) {
        ImGui::PushTextWrapPos(0);
        for (std::size_t i = 0; i < ch.hints.size(); ++i) {
            ImGui::Bullet();
            ImGui::TextUnformatted(ch.hints[i].text.c_str());
            if (ch.hints[i].edits.empty()) continue;
            ImGui::PushID(static_cast<int>(i));
            if (ImGui::SmallButton("Apply this hint")) {
                const std::string err = learn.apply_hint(i);
                learn.hint_message =
                    err.empty() ? "applied hint " + std::to_string(i + 1) + " (Ctrl+Z undoes it)" : err;
            }
            ImGui::PopID();
        }
        if (!learn.hint_message.empty()) ImGui::TextDisabled("%s", learn.hint_message.c_str());
        ImGui::PopTextWrapPos();
    }
}

}  // namespace pg
