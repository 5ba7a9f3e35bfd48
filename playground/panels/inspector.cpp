// inspector.cpp — the right-hand panel: the selected node (identity, every config property with
// validation, live state), the selected link (its wiring and config), several nodes (bulk
// actions), or, with nothing selected, the pattern itself (name, seed, run length, traffic).
#include "panels/inspector_fields.h"
#include "panels/inspector_links.h"

#include "core/registry.h"
#include "services/all_services.h"
#include "services/lambda/lambda_starter.h"
#include "ui_marks.h"
#include "widgets.h"
#include "wiring_defaults.h"

namespace pg {
namespace {

void heading(const Theme& t, const char* text) {
    ImGui::Spacing();
    ImGui::PushFont(t.fonts().bold);
    ImGui::TextUnformatted(text);
    ImGui::PopFont();
}

// Buffers belong to one inspected object and one document revision; anything else resets them.
void sync_buffers(Panels& state, const Document& doc, const std::string& object) {
    if (!ImGui::IsAnyItemActive()) state.edit_gesture = 0;
    const bool external_change = doc.revision() != state.buffers_rev && !ImGui::IsAnyItemActive();
    if (state.inspector_for != object || external_change) {
        state.inspector_for = object;
        state.text.clear();
        state.errors.clear();
        state.buffers_rev = doc.revision();
        state.rename_buffer.clear();
    }
}

void node_inspector(PanelContext& ctx, Panels& state, const std::string& id) {
    const sim::Pattern& p = ctx.doc.pattern();
    const int index = p.node_index(id);
    if (index < 0) return;
    const auto i = static_cast<std::size_t>(index);
    const sim::NodeSpec& node = p.nodes[i];
    const sim::Registry& reg = sim::default_registry();
    const sim::ServiceKind* kind = reg.find(node.type);
    sync_buffers(state, ctx.doc, id);

    // Identity: colour, kind, editable id.
    const ImVec2 at = ImGui::GetCursorScreenPos();
    const float sw = ctx.theme.px(12);
    ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(at.x, at.y + ctx.theme.px(4)),
                                              ImVec2(at.x + sw, at.y + ctx.theme.px(4) + sw),
                                              ctx.theme.group_colour(kind ? kind->group : ""), ctx.theme.px(3));
    ImGui::SetCursorScreenPos(ImVec2(at.x + sw + ctx.theme.px(8), at.y));
    ImGui::PushFont(ctx.theme.fonts().bold);
    ImGui::TextUnformatted(kind ? kind->label.c_str() : node.type.c_str());
    ImGui::PopFont();
    if (kind && !kind->cfn.empty() && !kind->cfn.front().selected_only)
        ImGui::TextDisabled("%s", kind->cfn.front().type.c_str());
    if (kind && !kind->simulated)
        if (auto t = node.config.find("Type"); t != node.config.end() && t->is_string())
            ImGui::TextDisabled("%s", t->get_ref<const std::string&>().c_str());
    if (kind && !kind->description.empty()) {
        ImGui::PushTextWrapPos(0);
        ImGui::TextDisabled("%s", kind->description.c_str());
        ImGui::PopTextWrapPos();
    }
    if (state.rename_buffer.empty()) state.rename_buffer = node.id;
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted("Id");
    ImGui::SameLine();
    ImGui::SetNextItemWidth(-1);
    ImGui::BeginDisabled(ctx.read_only);  // a read-only embed shows settings, never edits them
    const bool renamed = input_text("##id", state.rename_buffer,
                                    ImGuiInputTextFlags_EnterReturnsTrue | ImGuiInputTextFlags_CharsNoBlank);
    const ImVec2 id_min = ImGui::GetItemRectMin(), id_max = ImGui::GetItemRectMax();
    const float px = ctx.theme.scale();  // layout() reports CSS px
    state.inspector_items["id"] = {id_min.x / px, id_min.y / px, id_max.x / px, id_max.y / px};
    mark_last_item("inspector.id");
    ImGui::EndDisabled();
    if (renamed && !ctx.read_only) {
        if (!ctx.doc.rename_node(node.id, state.rename_buffer))
            state.errors["#id"] = "ids are 1..64 letters, digits, '-' or '_' and must be unique";
        else {
            state.errors.erase("#id");
            state.inspector_for = state.rename_buffer;
            state.buffers_rev = ctx.doc.revision();
        }
        return;  // the node moved in memory: draw it next frame
    }
    if (auto it = state.errors.find("#id"); it != state.errors.end())
        ImGui::TextColored(ImVec4(0.95f, 0.36f, 0.33f, 1), "%s", it->second.c_str());
    else if (ImGui::IsItemActive())
        ImGui::TextDisabled("press Enter to rename");

    // Configuration: every property the service reads.
    heading(ctx.theme, "Configuration");
    const NodeSchema& schema = state.schema.get(p, ctx.doc.semantic_revision(), i, reg);
    sim::Json config = node.config;
    FieldEditContext fctx{state,     ctx.theme, schema.diagnostics, "/nodes/" + std::to_string(i) + "/config",
                          node.type, "fields",  &schema.nested};
    if (schema.fields.empty() && config.empty()) ImGui::TextDisabled("This service has no settings.");
    ImGui::BeginDisabled(ctx.read_only);
    const bool config_changed = config_fields(fctx, schema.fields, config);
    ImGui::EndDisabled();
    if (config_changed && !ctx.read_only) {
        ctx.doc.set_node_config(node.id, config, edit_gesture(ctx.doc, state));
        state.buffers_rev = ctx.doc.revision();
        return;
    }
    if (kind && !kind->ports.empty()) {
        heading(ctx.theme, "Links");
        node_links(ctx, node);
    }
    // A function without code: offer the handler AWS's examples would start from, calling what
    // the function is wired to (lambda_starter.h).
    if (node.type == "lambda" && !ctx.read_only && !has_code(node)) {
        if (ImGui::Button("Write the handler in JavaScript")) {
            sim::Json with_code = node.config;
            with_code["Runtime"] = "nodejs22.x";
            with_code["InlineCode"] = sim::svc::lambda_starter_code(reg, p, node.id);
            ctx.doc.set_node_config(node.id, with_code, ctx.doc.begin_gesture());
            state.buffers_rev = ctx.doc.revision();
            return;
        }
        mark_last_item("inspector.write_code");
        ImGui::SameLine();
        ImGui::TextDisabled("starter code that calls what it is wired to");
    }
    // Problems outside single properties (links, actions referring to missing targets, ...).
    bool other = false;
    for (const auto& d : schema.diagnostics.items()) {
        const bool in_fields = d.path.rfind(fctx.path + "/", 0) == 0;
        if (!in_fields && d.severity == sim::Severity::Error) other = true;
    }
    if (other) {
        heading(ctx.theme, "Problems");
        diagnostics_under(schema.diagnostics, "/nodes/" + std::to_string(i), ctx.theme);
    }
    if (ImGui::CollapsingHeader("Config as JSON")) {
        sim::Json edited = node.config;
        ImGui::BeginDisabled(ctx.read_only);
        const bool json_changed = json_editor(fctx, "#json", edited, 10);
        ImGui::EndDisabled();
        if (json_changed && !ctx.read_only) {
            ctx.doc.set_node_config(node.id, edited, edit_gesture(ctx.doc, state));
            state.buffers_rev = ctx.doc.revision();
        }
    }

    // Live state from the running simulation.
    const sim::Simulation* s = ctx.runner.simulation();
    if (s && i < s->node_count()) {
        heading(ctx.theme, "Live");
        const sim::NodeMetrics& m = s->node_metrics(i);
        if (ImGui::BeginTable("##live", 2, ImGuiTableFlags_SizingStretchProp)) {
            auto row = [](const char* k, const std::string& v) {
                ImGui::TableNextRow();
                ImGui::TableNextColumn();
                ImGui::TextDisabled("%s", k);
                ImGui::TableNextColumn();
                ImGui::TextUnformatted(v.c_str());
            };
            row("requests", std::to_string(m.get(sim::Counter::Invocations)));
            row("errors", std::to_string(m.get(sim::Counter::Errors)));
            row("throttles", std::to_string(m.get(sim::Counter::Throttles)));
            row("in flight / peak", std::to_string(m.concurrency()) + " / " + std::to_string(m.peak_concurrency()));
            row("queue / peak", std::to_string(m.queue_depth()) + " / " + std::to_string(m.peak_queue_depth()));
            if (m.latency().count()) {
                char buf[64];
                std::snprintf(buf, sizeof buf, "%.1f / %.1f ms", m.latency().percentile(0.5).millis(),
                              m.latency().percentile(0.99).millis());
                row("p50 / p99", buf);
            }
            char cost[32];
            std::snprintf(cost, sizeof cost, "$%.6f", s->node_cost_usd(i));
            row("cost", cost);
            ImGui::EndTable();
        }
        if (ImGui::CollapsingHeader("Service state")) {
            const std::string text = s->node_inspect(i).dump(2);
            ImGui::PushFont(ctx.theme.fonts().mono);
            ImGui::PushTextWrapPos(0);
            ImGui::TextUnformatted(text.c_str(), text.c_str() + std::min<std::size_t>(text.size(), 20000));
            ImGui::PopTextWrapPos();
            ImGui::PopFont();
        }
    }
}

void edge_inspector(PanelContext& ctx, Panels& state, int edge) {
    const sim::Pattern& p = ctx.doc.pattern();
    const auto& e = p.edges[static_cast<std::size_t>(edge)];
    sync_buffers(state, ctx.doc, "#edge" + std::to_string(edge));
    heading(ctx.theme, "Link");
    ImGui::PushFont(ctx.theme.fonts().mono);
    ImGui::TextWrapped("%s.%s → %s", e.from.c_str(), e.port.c_str(), e.to.c_str());
    ImGui::PopFont();
    const sim::NodeSpec* a = p.find_node(e.from);
    const sim::NodeSpec* b = p.find_node(e.to);
    if (a && b) {
        const auto v = sim::default_registry().can_connect(a->type, e.port, b->type);
        ImGui::PushTextWrapPos(0);
        if (v.ok)
            ImGui::TextDisabled("AWS allows this wiring.");
        else
            ImGui::TextColored(ImVec4(0.95f, 0.36f, 0.33f, 1), "%s", v.reason.c_str());
        ImGui::PopTextWrapPos();
    }
    // Typed settings: what the source service reads from this link (e.g. an event source
    // mapping's BatchSize), with range, unit and default; the raw JSON stays available.
    const EdgeSchema& schema =
        state.edge_schema.get(p, ctx.doc.semantic_revision(), static_cast<std::size_t>(edge), sim::default_registry());
    const std::string config_path = "/edges/" + std::to_string(edge) + "/config";
    FieldEditContext fctx{state, ctx.theme, schema.diagnostics, config_path, a ? a->type : "", "links"};
    sim::Json config = e.config;
    heading(ctx.theme, "Link settings");
    if (schema.fields.empty() && config.empty()) ImGui::TextDisabled("This link has no settings.");
    ImGui::BeginDisabled(ctx.read_only);
    const bool config_changed = config_fields(fctx, schema.fields, config);
    ImGui::EndDisabled();
    if (config_changed && !ctx.read_only) {
        ctx.doc.set_edge_config(edge, config, edit_gesture(ctx.doc, state));
        state.buffers_rev = ctx.doc.revision();
        return;
    }
    if (ImGui::CollapsingHeader("Link settings as JSON")) {
        sim::Json edited = e.config;
        ImGui::BeginDisabled(ctx.read_only);
        const bool json_changed = json_editor(fctx, "#edge", edited, 6);
        ImGui::EndDisabled();
        if (json_changed && !ctx.read_only) {
            ctx.doc.set_edge_config(edge, edited, edit_gesture(ctx.doc, state));
            state.buffers_rev = ctx.doc.revision();
        }
    }
    diagnostics_under(ctx.runner.diagnostics(), "/edges/" + std::to_string(edge), ctx.theme);
    ImGui::Spacing();
    if (!ctx.read_only && ImGui::Button("Delete link")) ctx.proposals.push_back(DeleteSelectionProposal{});
}

}  // namespace

void draw_pattern_inspector(PanelContext& ctx, Panels& state);  // inspector_pattern.cpp

void draw_inspector(PanelContext& ctx, Panels& state) {
    state.inspector_items = sim::Json::object();
    state.field_help_drawn = nullptr;
    if (state.focus_inspector) {  // shortcut I: Tab, arrows and Space now move and act in here
        state.focus_inspector = false;
        take_keyboard_here();
    }
    const Selection& sel = ctx.doc.selection();
    if (sel.nodes.size() == 1) {
        node_inspector(ctx, state, sel.nodes.front());
    } else if (sel.nodes.size() > 1) {
        sync_buffers(state, ctx.doc, "#multi");
        heading(ctx.theme, (std::to_string(sel.nodes.size()) + " nodes selected").c_str());
        if (!ctx.read_only) {
            if (ImGui::Button("Duplicate")) ctx.proposals.push_back(DuplicateSelectionProposal{});
            ImGui::SameLine();
            if (ImGui::Button("Delete")) ctx.proposals.push_back(DeleteSelectionProposal{});
        }
    } else if (sel.edge >= 0 && sel.edge < static_cast<int>(ctx.doc.pattern().edges.size())) {
        edge_inspector(ctx, state, sel.edge);
    } else {
        sync_buffers(state, ctx.doc, "#pattern");
        ImGui::BeginDisabled(ctx.read_only);
        draw_pattern_inspector(ctx, state);
        ImGui::EndDisabled();
    }
}

}  // namespace pg
