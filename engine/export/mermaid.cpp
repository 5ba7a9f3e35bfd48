// mermaid.cpp — Mermaid flowchart export (see mermaid.h).
#include "export/mermaid.h"

#include "export/sam_mapping.h"
#include "pattern/routes.h"
#include "services/all_services.h"

namespace sim {

std::string mermaid_escape(std::string_view text) {
    std::string out;
    for (char c : text) {
        switch (c) {
            case '"':
                out += "#quot;";
                break;
            case '#':
                out += "#35;";
                break;
            case '<':
                out += "#lt;";
                break;
            case '>':
                out += "#gt;";
                break;
            case '&':
                out += "#amp;";
                break;
            case '`':
                out += "#96;";
                break;
            case '|':
                out += "#124;";
                break;
            case '\n':
            case '\r':
                out += ' ';
                break;
            default:
                if (static_cast<unsigned char>(c) >= 0x20) out += c;
        }
    }
    return out;
}

namespace {

// Shape by role (the service's contract): functions rounded, data stores cylinders, sources
// stadiums, channels subroutines, the rest boxes.
std::string shape(const NodeSpec& n, const std::string& label) {
    const std::string q = "\"" + label + "\"";
    const ServiceKind* kind = default_registry().find(n.type);
    switch (kind ? kind->shape : DiagramShape::Box) {
        case DiagramShape::Function:
            return "(" + q + ")";
        case DiagramShape::Store:
            return "[(" + q + ")]";
        case DiagramShape::Source:
            return "([" + q + "])";
        case DiagramShape::Channel:
            return "[[" + q + "]]";
        case DiagramShape::Box:
            break;
    }
    return "[" + q + "]";
}

std::string edge_label(const EdgeSpec& e) {
    std::string label;
    auto add = [&](const std::string& part) { label += (label.empty() ? "" : ", ") + part; };
    if (e.port != "out") add(e.port);
    if (e.config.is_object()) {
        if (const std::string routes = routes_label(e.config); !routes.empty()) add(routes);
        if (e.config.contains("FilterPolicy") || e.config.contains("FilterCriteria")) add("filtered");
        if (auto b = e.config.find("BatchSize"); b != e.config.end() && b->is_number_integer())
            add("batch " + std::to_string(b->get<std::int64_t>()));
        if (auto p = e.config.find("Prefix"); p != e.config.end() && p->is_string()) add(p->get<std::string>() + "*");
    }
    return label;
}

}  // namespace

std::string export_mermaid(const Pattern& p) {
    std::string out = "flowchart LR\n";
    if (!p.name.empty()) out = "---\ntitle: \"" + mermaid_escape(p.name) + "\"\n---\n" + out;
    for (std::size_t i = 0; i < p.nodes.size(); ++i) {
        const NodeSpec& n = p.nodes[i];
        std::string type = n.type;
        if (n.type == kCfnNodeType)  // a kept resource: its CloudFormation type says more
            if (auto t = n.config.find("Type"); t != n.config.end() && t->is_string()) type = t->get<std::string>();
        out += "  n" + std::to_string(i) + shape(n, mermaid_escape(n.id) + "<br/>" + mermaid_escape(type)) + "\n";
    }
    for (const EdgeSpec& e : p.edges) {
        const int from = p.node_index(e.from);
        const int to = p.node_index(e.to);
        if (from < 0 || to < 0) continue;  // dangling edges are a validation error, not a drawing
        const bool side = e.port == "dlq" || e.port == "on_failure" || e.port == "on_success";
        const std::string label = edge_label(e);
        out += "  n" + std::to_string(from) + (side ? " -.->" : " -->");
        if (!label.empty()) out += "|\"" + mermaid_escape(label) + "\"|";
        out += " n" + std::to_string(to) + "\n";
    }
    return out;
}

}  // namespace sim
