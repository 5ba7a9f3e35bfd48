// json_path.cpp — a tiny JSONPath subset: dot keys, quoted bracket keys, array indexes.
#include "services/json_path.h"

namespace sim {

namespace {
// Walks `steps` (a path without its leading "$"); if doc is null only validates. Returns false
// on bad syntax. Keys are looked up as views of the path: nothing is allocated per step.
bool walk(std::string_view steps, const Json* doc, const Json** out) {
    const Json* cur = doc;
    std::size_t i = 0;
    while (i < steps.size()) {
        if (steps[i] == '.') {
            std::size_t j = i + 1;
            while (j < steps.size() && steps[j] != '.' && steps[j] != '[') ++j;
            if (j == i + 1) return false;
            if (cur) cur = member(*cur, steps.substr(i + 1, j - i - 1));
            i = j;
        } else if (steps[i] == '[') {
            if (i + 1 < steps.size() && (steps[i + 1] == '\'' || steps[i + 1] == '"')) {
                const char q = steps[i + 1];
                const std::size_t end = steps.find(q, i + 2);
                if (end == std::string_view::npos || end + 1 >= steps.size() || steps[end + 1] != ']') return false;
                if (cur) cur = member(*cur, steps.substr(i + 2, end - i - 2));
                i = end + 2;
            } else {
                const std::size_t end = steps.find(']', i);
                if (end == std::string_view::npos || end == i + 1) return false;
                std::size_t idx = 0;
                for (std::size_t k = i + 1; k < end; ++k) {
                    if (steps[k] < '0' || steps[k] > '9' || idx > 1'000'000) return false;
                    idx = idx * 10 + static_cast<std::size_t>(steps[k] - '0');
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

bool is_simple_path(const std::string& path) {
    return !path.empty() && path[0] == '$' && walk(std::string_view(path).substr(1), nullptr, nullptr);
}

const Json* select_path(const Json& doc, const std::string& path) {
    if (path.empty() || path[0] != '$') return nullptr;
    return select_steps(doc, std::string_view(path).substr(1));
}

const Json* select_steps(const Json& doc, std::string_view steps) {
    const Json* out = nullptr;
    if (!walk(steps, &doc, &out)) return nullptr;
    return out;
}

Json resolve_paths(const Json& tmpl, const Json& doc) {
    if (tmpl.is_string()) {
        const std::string& s = tmpl.get_ref<const std::string&>();
        // One walk both validates (a malformed path stays a literal) and selects.
        const Json* v = nullptr;
        if (!s.empty() && s[0] == '$' && walk(std::string_view(s).substr(1), &doc, &v)) return v ? *v : Json();
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
