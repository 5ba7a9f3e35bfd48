// sam_import_names.cpp — which node a template value names (see sam_import_state.h). Templates name
// resources by intrinsics, and just as often by text an intrinsic was resolved into: an integration
// URI holding a function's ARN, a queue URL, a table name inside a request mapping template.
#include "export/sam_import_state.h"

#include "services/cloudformation/cloudformation.h"

namespace sim::sami {

namespace {

constexpr const char* kNameKeys[] = {"BucketName",   "TableName",         "QueueName",    "TopicName",
                                     "Name",         "StreamName",        "FunctionName", "StateMachineName",
                                     "EventBusName", "DeliveryStreamName"};

bool simulated(const ImportState& s, const std::string& id) {
    for (const auto& n : s.nodes)
        if (n.value("id", "") == id) return n.value("type", "") != kCfnNodeType;
    return false;
}

// `name` appears in `text` as a whole segment: after ':', '/', '"' or a space (or at the start), and
// followed by the end or by one of those.
bool names_segment(const std::string& text, const std::string& name) {
    if (name.size() < 2) return false;
    for (std::size_t at = text.find(name); at != std::string::npos; at = text.find(name, at + 1)) {
        const char before = at == 0 ? ':' : text[at - 1];
        const std::size_t end = at + name.size();
        const char after = end == text.size() ? ':' : text[end];
        auto sep = [](char c) { return c == ':' || c == '/' || c == '"' || c == ' ' || c == '\''; };
        if (sep(before) && sep(after)) return true;
    }
    return false;
}

std::string named_in_text(const ImportState& s, const std::string& text) {
    std::string best;
    std::size_t best_len = 0;
    for (const auto& [logical, id] : s.node_of) {
        if (!simulated(s, id)) continue;
        std::vector<std::string> names = {id, logical};
        if (const Json* n = const_cast<ImportState&>(s).node(id); n && n->contains("config"))
            for (const char* k : kNameKeys)
                if (auto v = (*n)["config"].find(k); v != (*n)["config"].end() && v->is_string()) names.push_back(*v);
        for (const auto& name : names)
            if (name.size() > best_len && names_segment(text, name)) {
                best = id;
                best_len = name.size();
            }
    }
    return best;
}

// ${X} and ${X.Attr} placeholders of a Fn::Sub string.
std::string named_in_sub(const ImportState& s, const std::string& text) {
    for (std::size_t at = text.find("${"); at != std::string::npos; at = text.find("${", at + 2)) {
        const std::size_t close = text.find('}', at);
        if (close == std::string::npos) break;
        std::string name = text.substr(at + 2, close - at - 2);
        name = name.substr(0, name.find('.'));
        if (auto it = s.node_of.find(name); it != s.node_of.end() && simulated(s, it->second)) return it->second;
    }
    return {};
}

std::string named(const ImportState& s, const Json& v, int depth) {
    if (depth > 16) return {};
    if (std::string id = ref_node(s, v); !id.empty() && simulated(s, id)) return id;
    if (v.is_string()) return named_in_text(s, v.get<std::string>());
    if (v.is_object()) {
        if (auto sub = v.find("Fn::Sub"); sub != v.end() && v.size() == 1) {
            const Json& text = sub->is_array() && !sub->empty() ? (*sub)[0] : *sub;
            if (text.is_string())
                if (std::string id = named_in_sub(s, text.get<std::string>()); !id.empty()) return id;
        }
        for (const auto& item : v)
            if (std::string id = named(s, item, depth + 1); !id.empty()) return id;
    }
    if (v.is_array())
        for (const auto& item : v)
            if (std::string id = named(s, item, depth + 1); !id.empty()) return id;
    return {};
}

bool mentions_at(const Json& v, const std::string& logical, int depth) {
    if (depth > 16) return false;
    if (ref_target(v) == logical) return true;
    if (v.is_string()) {
        const std::string& t = v.get_ref<const std::string&>();
        return t.find("${" + logical + "}") != std::string::npos || t.find("${" + logical + ".") != std::string::npos ||
               t.ends_with("/" + logical);
    }
    if (v.is_object() || v.is_array())
        for (const auto& item : v)
            if (mentions_at(item, logical, depth + 1)) return true;
    return false;
}

}  // namespace

std::string default_bus(ImportState& s) {
    for (const auto& n : s.nodes)
        if (n.value("type", "") == "eventbridge" && n.contains("config") &&
            n["config"].value("Name", Json()) == "default")
            return n.value("id", "");
    const std::string id = s.unique_id("default-bus");
    s.nodes.push_back({{"id", id}, {"type", "eventbridge"}, {"config", {{"Name", "default"}}}});
    return id;
}

std::string node_named(const ImportState& s, const Json& v) {
    return named(s, v, 0);
}

bool mentions(const Json& v, const std::string& logical) {
    return mentions_at(v, logical, 0);
}

}  // namespace sim::sami
