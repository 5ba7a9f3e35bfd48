// notices.cpp — see notices.h.
#include "notices.h"

#include "ui_marks.h"

#include <algorithm>

namespace pg {

void Notices::post(std::string title, std::string text, double sim_time) {
    log_.push_back({std::move(title), std::move(text), sim_time});
    if (log_.size() > kKept) log_.pop_front();
    open_ = true;
}

void draw_notice_banner(Notices& notices, const Theme& theme, ImVec2 area_min, ImVec2 area_max) {
    const Notice* n = notices.current();
    if (!n) return;
    const float margin = theme.px(12);
    const float width = std::min(area_max.x - area_min.x - 2 * margin, theme.px(560));
    if (width <= theme.px(80)) return;
    const float x = area_min.x + (area_max.x - area_min.x - width) * 0.5f;
    ImGui::SetNextWindowPos(ImVec2(x, area_min.y + margin));
    ImGui::SetNextWindowSize(ImVec2(width, 0));  // 0: the height fits the wrapped text
    ImGui::PushStyleColor(ImGuiCol_WindowBg, theme.colours().refuse_bg);
    ImGui::PushStyleColor(ImGuiCol_Text, theme.colours().refuse_text);
    ImGui::PushStyleColor(ImGuiCol_Border, theme.colours().refuse_text);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowRounding, theme.px(6));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(theme.px(12), theme.px(8)));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowBorderSize, 1);
    const ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                   ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoFocusOnAppearing |
                                   ImGuiWindowFlags_NoNav;
    if (ImGui::Begin("##notice", nullptr, flags)) {
        const float close_w = ImGui::GetFrameHeight();
        ImGui::PushFont(theme.fonts().bold);
        ImGui::TextUnformatted(n->title.c_str());
        ImGui::PopFont();
        ImGui::SameLine(ImGui::GetWindowContentRegionMax().x - close_w);
        ImGui::PushStyleColor(ImGuiCol_Button, ImVec4(0, 0, 0, 0));
        if (ImGui::Button("×##notice-close", ImVec2(close_w, 0))) notices.dismiss();
        ImGui::PopStyleColor();
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("dismiss (it stays listed under Problems)");
        mark_last_item("notice.close");
        ImGui::PushTextWrapPos(ImGui::GetWindowContentRegionMax().x);
        ImGui::TextUnformatted(n->text.c_str());
        ImGui::PopTextWrapPos();
        const ImVec2 a = ImGui::GetWindowPos(), s = ImGui::GetWindowSize();
        mark_rect("notice", a, ImVec2(a.x + s.x, a.y + s.y));
    }
    ImGui::End();
    ImGui::PopStyleVar(3);
    ImGui::PopStyleColor(3);
}

}  // namespace pg
