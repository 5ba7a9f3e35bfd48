// json_fields.cpp — checked reads of challenge and tour objects (see json_fields.h).
#include "challenge/json_fields.h"

#include <cmath>

namespace sim::challenge {

namespace {
std::string number_text(double v) {
    Json j = v;
    if (std::floor(v) == v && std::fabs(v) < 1e15) j = static_cast<std::int64_t>(v);
    return j.dump();
}
}  // namespace

std::string pointer_token(const std::string& key) {
    std::string out;
    for (char c : key) {
        if (c == '~')
            out += "~0";
        else if (c == '/')
            out += "~1";
        else
            out += c;
    }
    return out;
}

Fields::Fields(const Json& obj, std::string path, Diagnostics& diags)
    : obj_(obj), path_(std::move(path)), diags_(&diags) {}

bool Fields::has(const std::string& key) const {
    return obj_.is_object() && obj_.contains(key);
}

const Json* Fields::find(const std::string& key, bool required, const char* expected) {
    used_.insert(key);
    if (obj_.is_object()) {
        auto it = obj_.find(key);
        if (it != obj_.end()) return &*it;
    }
    if (required) diags_->error(path_, "missing \"" + key + "\" (" + expected + ")");
    return nullptr;
}

std::string Fields::text(const std::string& key, bool required, const std::string& dflt) {
    const Json* v = find(key, required, "a string");
    if (!v) return dflt;
    if (!v->is_string()) {
        diags_->error(path_of(key), key + " must be a string, got " + v->dump());
        return dflt;
    }
    return v->get<std::string>();
}

std::optional<double> Fields::number(const std::string& key, bool required, double lo, double hi) {
    const Json* v = find(key, required, "a number");
    if (!v) return std::nullopt;
    if (!v->is_number() || v->get<double>() < lo || v->get<double>() > hi) {
        std::string range =
            hi >= 1e300 ? "a number >= " + number_text(lo) : "a number in " + number_text(lo) + ".." + number_text(hi);
        diags_->error(path_of(key), key + " must be " + range + ", got " + v->dump());
        return std::nullopt;
    }
    return v->get<double>();
}

std::optional<SimTime> Fields::duration(const std::string& key, bool required) {
    const Json* v = find(key, required, "a duration such as \"10m\"");
    if (!v) return std::nullopt;
    std::optional<SimTime> d;
    if (v->is_string())
        d = parse_duration(v->get<std::string>());
    else if (v->is_number() && v->get<double>() >= 0)
        d = from_seconds(v->get<double>());
    if (!d || d->us <= 0) {
        diags_->error(path_of(key),
                      key + " must be a duration such as \"90s\", \"10m\", \"2h\" or \"1d\", got " + v->dump());
        return std::nullopt;
    }
    return d;
}

std::vector<std::string> Fields::texts(const std::string& key, bool required) {
    std::vector<std::string> out;
    const Json* v = find(key, required, "a string or an array of strings");
    if (!v) return out;
    if (v->is_string()) return {v->get<std::string>()};
    bool ok = v->is_array() && !v->empty();
    if (ok)
        for (const auto& e : *v) ok = ok && e.is_string();
    if (!ok) {
        diags_->error(path_of(key), key + " must be a string or a non-empty array of strings, got " + v->dump());
        return out;
    }
    for (const auto& e : *v) out.push_back(e.get<std::string>());
    return out;
}

const Json* Fields::raw(const std::string& key) {
    return find(key, false, "");
}

void Fields::error(const std::string& key, std::string message, std::string hint) {
    diags_->error(key.empty() ? path_ : path_of(key), std::move(message), std::move(hint));
}

void Fields::finish() {
    if (!obj_.is_object()) return;
    for (auto it = obj_.begin(); it != obj_.end(); ++it)
        if (!used_.count(it.key()))
            diags_->warning(path_of(pointer_token(it.key())), "unknown key \"" + it.key() + "\" is ignored");
}

}  // namespace sim::challenge
