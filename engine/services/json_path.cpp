// json_path.cpp — a tiny JSONPath subset: dot keys, quoted bracket keys, array indexes.
#include "services/json_path.h"

namespace sim {

namespace {
// Walks `path` from after "$"; if doc is null only validates. Returns false on bad syntax.
bool walk(const std::string& path, const Json* doc, const Json** out) {
    if (path.empty() || path[0] != '$') return false;
    const Json* cur = doc;
    std::size_t i = 1;
    while (i < path.size()) {
        if (path[i] == '.') {
            std::size_t j = i + 1;
            while (j < path.size() && path[j] != '.' && path[j] != '[') ++j;
            if (j == i + 1) return false;
            const std::string key = path.substr(i + 1, j - i - 1);
            if (cur) cur = (cur->is_object() && cur->contains(key)) ? &(*cur)[key] : nullptr;
            i = j;
        } else if (path[i] == '[') {
            if (i + 1 < path.size() && (path[i + 1] == '\'' || path[i + 1] == '"')) {
                const char q = path[i + 1];
                std::size_t end = path.find(q, i + 2);
                if (end == std::string::npos || end + 1 >= path.size() || path[end + 1] != ']') return false;
                const std::string key = path.substr(i + 2, end - i - 2);
                if (cur) cur = (cur->is_object() && cur->contains(key)) ? &(*cur)[key] : nullptr;
                i = end + 2;
            } else {
                std::size_t end = path.find(']', i);
                if (end == std::string::npos || end == i + 1) return false;
                std::size_t idx = 0;
                for (std::size_t k = i + 1; k < end; ++k) {
                    if (path[k] < '0' || path[k] > '9' || idx > 1'000'000) return false;
                    idx = idx * 10 + static_cast<std::size_t>(path[k] - '0');
                }
                if (cur) cur = (cur->is_array() && idx < cur->size()) ? &(*cur)[idx] : nullptr;
                i = end + 1;
            }
        } else {
            return false;
        }
    }
    if (out) *out = cur;
    return true;
}
}  // namespace

bool is_simple_path(const std::string& path) { return walk(path, nullptr, nullptr); }

const Json* select_path(const Json& doc, const std::string& path) {
    const Json* out = nullptr;
    if (!walk(path, &doc, &out)) return nullptr;
    return out;
}

Json resolve_paths(const Json& tmpl, const Json& doc) {
    if (tmpl.is_string()) {
        const std::string& s = tmpl.get_ref<const std::string&>();
        if (!s.empty() && s[0] == '$' && is_simple_path(s)) {
            const Json* v = select_path(doc, s);
            return v ? *v : Json();
        }
        return tmpl;
    }
    if (tmpl.is_object()) {
        Json o = Json::object();
        for (auto it = tmpl.begin(); it != tmpl.end(); ++it) o[it.key()] = resolve_paths(it.value(), doc);
        return o;
    }
    if (tmpl.is_array()) {
        Json a = Json::array();
        for (const auto& v : tmpl) a.push_back(resolve_paths(v, doc));
        return a;
    }
    return tmpl;
}

}  // namespace sim
