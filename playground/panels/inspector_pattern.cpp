// inspector_pattern.cpp — with nothing selected the inspector edits the pattern itself: name,
// description, seed, run length, and the traffic entries that drive it.
#include "panels/inspector_fields.h"

#include "core/registry.h"
#include "services/all_services.h"
#include "ui_marks.h"
#include "widgets.h"
#include "wiring_defaults.h"

namespace pg {
namespace {

void traffic_entry(PanelContext& ctx, Panels& state, std::size_t t) {
    const sim::TrafficSpec& tr = ctx.doc.pattern().traffic[t];
    ImGui::PushID(static_cast<int>(t));
    const std::string title = tr.id + " → " + tr.source + "###traffic";
    const bool few = ctx.doc.pattern().traffic.size() <= 3;  // long lists start folded (and cheap)
    if (ImGui::CollapsingHeader(title.c_str(), few ? ImGuiTreeNodeFlags_DefaultOpen : 0)) {
        // Quick edit of a constant rate, the common case.
        if (tr.profile.is_object() && tr.profile.value("type", "") == "constant" && tr.profile.contains("rps") &&
            tr.profile["rps"].is_number()) {
            double rps = tr.profile["rps"].get<double>();
            ImGui::SetNextItemWidth(ImGui::GetContentRegionAvail().x * 0.5f);
            if (ImGui::InputDouble("requests / s", &rps, 1, 10, "%.6g")) {
                ctx.doc.edit(
                    "traffic rate", [&](sim::Pattern& p) { p.traffic[t].profile["rps"] = rps; },
                    edit_gesture(ctx.doc, state));
                state.buffers_rev = ctx.doc.revision();
            }
        }
        // Traffic settings are the playground's own: no AWS meanings to show (no service_type).
        const std::string no_help;
        FieldEditContext fctx{state, ctx.theme, ctx.runner.diagnostics(), "/traffic/" + std::to_string(t), no_help};
        const std::string pkey = "#profile" + std::to_string(t), ykey = "#payload" + std::to_string(t);
        ImGui::TextDisabled("profile");
        sim::Json profile = tr.profile;
        if (json_editor(fctx, pkey, profile, 3)) {
            ctx.doc.edit(
                "traffic profile", [&](sim::Pattern& p) { p.traffic[t].profile = profile; },
                edit_gesture(ctx.doc, state));
            state.buffers_rev = ctx.doc.revision();
        }
        ImGui::TextDisabled("payload template");
        sim::Json payload = tr.payload;
        if (json_editor(fctx, ykey, payload, 5)) {
            ctx.doc.edit(
                "traffic payload", [&](sim::Pattern& p) { p.traffic[t].payload = payload; },
                edit_gesture(ctx.doc, state));
            state.buffers_rev = ctx.doc.revision();
        }
        diagnostics_under(ctx.runner.diagnostics(), "/traffic/" + std::to_string(t), ctx.theme);
        if (ImGui::SmallButton("Remove traffic")) {
            ctx.doc.edit("remove traffic",
                         [&](sim::Pattern& p) { p.traffic.erase(p.traffic.begin() + static_cast<long>(t)); });
            state.text.clear();
        }
    }
    ImGui::PopID();
}

}  // namespace

void draw_pattern_inspector(PanelContext& ctx, Panels& state) {
    const sim::Pattern& p = ctx.doc.pattern();
    ImGui::PushFont(ctx.theme.fonts().bold);
    ImGui::TextUnformatted("Pattern");
    ImGui::PopFont();
    ImGui::TextDisabled("Select a node or link to inspect it.");

    std::string& name = state.text["#name"];
    if (name.empty()) name = p.name;
    ImGui::SetNextItemWidth(-1);
    if (input_text("##name", name, 0, "name")) {
        ctx.doc.edit(
            "rename pattern", [&](sim::Pattern& q) { q.name = name; }, edit_gesture(ctx.doc, state));
        state.buffers_rev = ctx.doc.revision();
    }
    const ImVec2 name_min = ImGui::GetItemRectMin(), name_max = ImGui::GetItemRectMax();
    const float px = ctx.theme.scale();  // layout() reports CSS px
    state.inspector_items["name"] = {name_min.x / px, name_min.y / px, name_max.x / px, name_max.y / px};
    std::string& desc = state.text["#description"];
    if (desc.empty()) desc = p.description;
    if (input_multiline("##description", desc, ImVec2(-1, ImGui::GetTextLineHeight() * 4))) {
        ctx.doc.edit(
            "describe pattern", [&](sim::Pattern& q) { q.description = desc; }, edit_gesture(ctx.doc, state));
        state.buffers_rev = ctx.doc.revision();
    }

    if (ImGui::BeginTable("##settings", 2, ImGuiTableFlags_SizingStretchProp)) {
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::AlignTextToFramePadding();
        ImGui::TextUnformatted("seed");
        ImGui::TableNextColumn();
        long long seed = static_cast<long long>(p.seed);
        ImGui::SetNextItemWidth(-1);
        if (ImGui::InputScalar("##seed", ImGuiDataType_S64, &seed) && seed >= 0) {
            ctx.doc.edit(
                "seed", [&](sim::Pattern& q) { q.seed = static_cast<std::uint64_t>(seed); },
                edit_gesture(ctx.doc, state));
            state.buffers_rev = ctx.doc.revision();
        }
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::AlignTextToFramePadding();
        ImGui::TextUnformatted("run length");
        ImGui::TableNextColumn();
        std::string& dur = state.text["#duration"];
        if (dur.empty()) dur = sim::format_duration(p.settings.duration);
        ImGui::SetNextItemWidth(-1);
        if (input_text("##duration", dur, 0, "10m")) {
            if (auto d = sim::parse_duration(dur); d && d->us > 0) {
                ctx.doc.edit(
                    "run length", [&](sim::Pattern& q) { q.settings.duration = *d; }, edit_gesture(ctx.doc, state));
                state.buffers_rev = ctx.doc.revision();
                state.errors.erase("#duration");
            } else {
                state.errors["#duration"] = "a duration like 90s, 10m or 2h";
            }
        }
        if (auto it = state.errors.find("#duration"); it != state.errors.end())
            ImGui::TextDisabled("%s", it->second.c_str());
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::AlignTextToFramePadding();
        ImGui::TextUnformatted("free tier");
        ImGui::TableNextColumn();
        bool free_tier = p.settings.free_tier;
        if (ImGui::Checkbox("always-free allowances##freeTier", &free_tier))
            ctx.doc.edit(free_tier ? "apply free tier" : "list prices",
                         [&](sim::Pattern& q) { q.settings.free_tier = free_tier; });
        if (ImGui::IsItemHovered())
            ImGui::SetTooltip(
                "settings.freeTier: per month, 1M Lambda requests + 400,000 GB-s,\n1M SQS requests, 1M SNS publishes, "
                "4,000 Step Functions transitions\nare free for the whole account. Off: every request is billed at "
                "list price.");
        ImGui::EndTable();
    }

    ImGui::Spacing();
    ImGui::PushFont(ctx.theme.fonts().bold);
    ImGui::TextUnformatted("Traffic");
    ImGui::PopFont();
    if (p.traffic.empty()) ImGui::TextDisabled("No traffic: add a client and give it a rate, or fire events by hand.");
    for (std::size_t t = 0; t < p.traffic.size(); ++t) traffic_entry(ctx, state, t);
    // New traffic starts at the first source node (client or IoT devices).
    std::string source;
    for (const auto& n : p.nodes) {
        const sim::ServiceKind* k = sim::default_registry().find(n.type);
        if (k && k->group == "sources") {
            source = n.id;
            break;
        }
    }
    ImGui::BeginDisabled(source.empty());
    if (ImGui::Button("Add traffic")) {
        ctx.doc.edit("add traffic",
                     [&](sim::Pattern& q) { q.traffic.push_back(default_traffic(source, q.traffic.size() + 1)); });
        state.text.clear();
    }
    mark_last_item("inspector.add-traffic");
    ImGui::EndDisabled();
    if (source.empty()) ImGui::TextDisabled("(needs a Client or IoT node)");
}

}  // namespace pg
