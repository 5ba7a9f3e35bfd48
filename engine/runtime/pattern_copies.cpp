// pattern_copies.cpp — see pattern_copies.h.
#include "runtime/pattern_copies.h"

#include "services/lambda/lambda_code.h"

#include <unordered_set>

namespace sim {

namespace {

class Renamer {
public:
    Renamer(const Pattern& pattern, const Registry& registry) {
        for (const NodeSpec& n : pattern.nodes) {
            names_.insert(n.id);
            names_.insert(svc::lambda_resource_name(registry, n));  // its TableName, QueueName …, or its id
        }
    }
    void set_copy(int k) { suffix_ = std::string("-").append(std::to_string(k)); }
    std::string name(const std::string& s) const { return names_.count(s) ? s + suffix_ : s; }
    std::string always(const std::string& s) const { return s + suffix_; }
    // Renames, in place, every string in `j` that is a name of the original.
    void rename_all(Json& j) const {
        if (j.is_string()) {
            if (names_.count(j.get_ref<const std::string&>())) j = j.get<std::string>() + suffix_;
        } else if (j.is_structured()) {
            for (Json& child : j) rename_all(child);
        }
    }

private:
    std::unordered_set<std::string> names_;
    std::string suffix_;
};

// Copies are stacked: copy k's layout is the original's moved down k-1 times its height.
void place_copy(const Pattern& original, Pattern& out, const Renamer& rename, int k) {
    const Json* nodes = original.layout.contains("nodes") ? &original.layout["nodes"] : nullptr;
    if (!nodes || !nodes->is_object()) return;
    double top = 0, bottom = 0;
    bool first = true;
    for (const auto& [id, at] : nodes->items()) {
        const double y = at.value("y", 0.0);
        top = first ? y : std::min(top, y);
        bottom = first ? y : std::max(bottom, y);
        first = false;
    }
    const double step = bottom - top + 200;  // a node's height and a gap
    Json& placed = out.layout["nodes"];
    for (const auto& [id, at] : nodes->items()) {
        Json moved = at;
        if (moved.is_object()) moved["y"] = at.value("y", 0.0) + step * (k - 1);
        placed[rename.name(id)] = std::move(moved);
    }
}

}  // namespace

Pattern pattern_copies(const Pattern& pattern, int copies, const Registry& registry) {
    if (copies == 1) return pattern;
    Pattern out = pattern;
    out.nodes.clear();
    out.edges.clear();
    out.traffic.clear();
    out.layout = Json::object();
    Renamer rename(pattern, registry);
    for (int k = 1; k <= copies; ++k) {
        rename.set_copy(k);
        for (NodeSpec n : pattern.nodes) {
            n.id = rename.always(n.id);
            rename.rename_all(n.config);
            out.nodes.push_back(std::move(n));
        }
        for (EdgeSpec e : pattern.edges) {
            e.from = rename.always(e.from);
            e.to = rename.always(e.to);
            rename.rename_all(e.config);
            out.edges.push_back(std::move(e));
        }
        for (TrafficSpec t : pattern.traffic) {
            t.id = rename.always(t.id);
            t.source = rename.always(t.source);
            if (!t.target.empty()) t.target = rename.always(t.target);
            rename.rename_all(t.request);
            rename.rename_all(t.payload);
            out.traffic.push_back(std::move(t));
        }
        place_copy(pattern, out, rename, k);
    }
    return out;
}

}  // namespace sim
