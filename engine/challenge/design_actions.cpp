// design_actions.cpp — applying design actions (see design_actions.h) to a pattern's JSON, in order.
#include "challenge/design_actions.h"

#include "challenge/json_fields.h"

namespace sim::challenge {

namespace {

// Index of the node with this id in the pattern JSON's "nodes"; -1 when absent.
int node_at(const Json& j, const std::string& id) {
    for (std::size_t i = 0; i < j["nodes"].size(); ++i)
        if (j["nodes"][i].value("id", "") == id) return static_cast<int>(i);
    return -1;
}

void set_node(Json& j, Fields& f) {
    const std::string id = f.text("node", true);
    const Json* cfg = f.raw("config");
    const int n = node_at(j, id);
    if (n < 0)
        f.error("node", "the pattern has no node '" + id + "'");
    else if (!cfg || !cfg->is_object())
        f.error("config", "a node action needs \"config\": an object of values to set (null removes one)");
    else {
        Json& node = j["nodes"][static_cast<std::size_t>(n)];
        if (!node.contains("config") || !node["config"].is_object()) node["config"] = Json::object();
        node["config"].merge_patch(*cfg);
    }
}

void set_edge(Json& j, Fields& f) {
    std::string from, to;
    const std::string e = f.text("edge", true);
    const Json* cfg = f.raw("config");
    if (!split_edge(e, from, to)) return f.error("edge", "edge must look like \"from->to\", got \"" + e + "\"");
    for (auto& edge : j["edges"]) {
        if (edge.value("from", "") != from || edge.value("to", "") != to) continue;
        if (!cfg || !cfg->is_object())
            return f.error("config", "an edge action needs \"config\": an object of values to set");
        if (!edge.contains("config")) edge["config"] = Json::object();
        edge["config"].merge_patch(*cfg);
        return;
    }
    f.error("edge", "the pattern has no edge " + from + "->" + to);
}

// A new node goes to the right of the rightmost one, so it never lands on another.
void place(Json& j, const std::string& id) {
    if (!j.contains("layout") || !j["layout"].is_object()) j["layout"] = Json::object();
    Json& nodes = j["layout"]["nodes"];
    if (!nodes.is_object()) nodes = Json::object();
    double right = -1, y = 160;
    for (auto it = nodes.begin(); it != nodes.end(); ++it)
        if (it.value().value("x", 0.0) > right) right = it.value().value("x", 0.0), y = it.value().value("y", 160.0);
    nodes[id] = {{"x", right < 0 ? 40 : right + 220}, {"y", y}};
}

void add_node(Json& j, Fields& f) {
    const Json* n = f.raw("add");
    if (!n->is_object() || !n->contains("id") || !n->contains("type"))
        return f.error("add", "an add action needs {\"id\", \"type\", \"config\"}, got " + n->dump().substr(0, 80));
    Fields nf(*n, f.path_of("add"), f.diagnostics());
    const std::string id = nf.text("id", true);
    const std::string type = nf.text("type", true);
    const Json* cfg = nf.raw("config");
    nf.finish();
    if (node_at(j, id) >= 0) return f.error("add", "the pattern already has a node '" + id + "'");
    j["nodes"].push_back({{"id", id}, {"type", type}, {"config", cfg ? *cfg : Json::object()}});
    place(j, id);
}

void connect(Json& j, Fields& f) {
    std::string from, to;
    const std::string e = f.text("connect", true);
    const std::string port = f.text("port", false, "out");
    const Json* cfg = f.raw("config");
    if (!split_edge(e, from, to)) return f.error("connect", "connect must look like \"from->to\", got \"" + e + "\"");
    for (const std::string& id : {from, to})
        if (node_at(j, id) < 0) return f.error("connect", "the pattern has no node '" + id + "'");
    Json edge = {{"from", from}, {"to", to}};
    if (port != "out") edge["port"] = port;
    if (cfg) edge["config"] = *cfg;
    j["edges"].push_back(std::move(edge));
}

}  // namespace

bool split_edge(const std::string& s, std::string& from, std::string& to) {
    const auto arrow = s.find("->");
    if (arrow == std::string::npos) return false;
    from = s.substr(0, arrow);
    to = s.substr(arrow + 2);
    return !from.empty() && !to.empty();
}

ParseResult apply_actions(const Pattern& p, const Json& actions, const std::string& path) {
    Json j = pattern_to_json(p);
    if (!j["nodes"].is_array()) j["nodes"] = Json::array();
    if (!j["edges"].is_array()) j["edges"] = Json::array();
    Diagnostics problems;
    const Json list = actions.is_array() ? actions : Json::array({actions});
    for (std::size_t i = 0; i < list.size(); ++i) {
        const Json& a = list[i];
        const std::string ap = path + "/" + std::to_string(i);
        if (!a.is_object()) {
            problems.error(ap, "an action must be an object, got " + a.dump());
            continue;
        }
        Fields f(a, ap, problems);
        if (f.has("node"))
            set_node(j, f);
        else if (f.has("edge"))
            set_edge(j, f);
        else if (f.has("add"))
            add_node(j, f);
        else if (f.has("connect"))
            connect(j, f);
        else if (f.has("traffic")) {
            const Json* t = f.raw("traffic");
            if (!t->is_object() || !t->contains("id"))
                f.error("traffic", "a traffic action needs an object with \"id\" (an entry to change, or a new one)");
            else {
                bool found = false;
                for (auto& entry : j["traffic"])
                    if (entry.value("id", "") == (*t)["id"]) entry.merge_patch(*t), found = true;
                if (!found) j["traffic"].push_back(*t);
            }
        } else if (f.has("faults")) {
            j["settings"]["faults"] = *f.raw("faults");
        } else if (f.has("settings")) {
            const Json* s = f.raw("settings");
            if (!s->is_object())
                f.error("settings", "settings must be an object");
            else
                j["settings"].merge_patch(*s);
        } else {
            problems.error(ap,
                           "an action needs one of \"node\", \"edge\", \"add\", \"connect\", \"traffic\", \"faults\" "
                           "or \"settings\", got " +
                               a.dump());
            continue;
        }
        f.finish();
    }
    ParseResult out = parse_pattern_json(j);
    Diagnostics all = problems;
    all.append(out.diagnostics);
    out.diagnostics = all;
    return out;
}

}  // namespace sim::challenge
