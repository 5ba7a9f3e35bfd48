// config_reader.cpp — range-checked config reads with exact diagnostics.
#include "pattern/config_reader.h"

#include <cmath>
#include <cstdio>

namespace sim {

namespace {
std::string num_text(double v) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.10g", v);
    return buf;
}
std::string unit_suffix(const char* unit) {
    return unit && *unit ? std::string(" ") + unit : "";
}
}  // namespace

ConfigReader::ConfigReader(const Json& config, std::string path, Diagnostics& diags)
    : config_(config), path_(std::move(path)), diags_(&diags) {}

bool ConfigReader::has(const std::string& key) const {
    return config_.is_object() && config_.contains(key);
}

const Json* ConfigReader::find(const std::string& key) {
    used_.insert(key);
    if (!config_.is_object()) return nullptr;
    auto it = config_.find(key);
    return it == config_.end() ? nullptr : &*it;
}

void ConfigReader::note(ConfigField field) {
    for (const auto& f : fields_)
        if (f.key == field.key) return;
    if (diags_->field_observer()) diags_->field_observer()(path_, field);
    fields_.push_back(std::move(field));
}

const Json* ConfigReader::raw(const std::string& key) {
    note({key, "raw", Json(), 0, 0, "", {}});
    return find(key);
}

void ConfigReader::error(const std::string& key, std::string message, std::string hint) {
    diags_->error(path_of(key), std::move(message), std::move(hint));
}

std::int64_t ConfigReader::integer(const std::string& key, std::int64_t dflt, std::int64_t lo, std::int64_t hi,
                                   const char* unit) {
    note({key, "integer", dflt, static_cast<double>(lo), static_cast<double>(hi), unit ? unit : "", {}});
    const Json* v = find(key);
    if (!v) return dflt;
    const std::string range = std::to_string(lo) + ".." + std::to_string(hi) + unit_suffix(unit);
    if (!v->is_number()) {
        error(key, key + " must be a whole number " + range + ", got " + v->dump());
        return dflt;
    }
    const double d = v->get<double>();
    if (d != std::floor(d)) {
        error(key, key + " must be a whole number " + range + ", got " + num_text(d));
        return dflt;
    }
    if (d < static_cast<double>(lo) || d > static_cast<double>(hi)) {
        error(key, key + " must be " + range + ", got " + num_text(d));
        return dflt;
    }
    return static_cast<std::int64_t>(d);
}

double ConfigReader::number(const std::string& key, double dflt, double lo, double hi, const char* unit) {
    note({key, "number", dflt, lo, hi, unit ? unit : "", {}});
    const Json* v = find(key);
    if (!v) return dflt;
    const std::string range = num_text(lo) + ".." + num_text(hi) + unit_suffix(unit);
    if (!v->is_number()) {
        error(key, key + " must be a number " + range + ", got " + v->dump());
        return dflt;
    }
    const double d = v->get<double>();
    if (!(d >= lo && d <= hi)) {
        error(key, key + " must be " + range + ", got " + num_text(d));
        return dflt;
    }
    return d;
}

bool ConfigReader::boolean(const std::string& key, bool dflt) {
    note({key, "boolean", dflt, 0, 0, "", {}});
    const Json* v = find(key);
    if (!v) return dflt;
    if (!v->is_boolean()) {
        error(key, key + " must be true or false, got " + v->dump());
        return dflt;
    }
    return v->get<bool>();
}

std::string ConfigReader::text(const std::string& key, const std::string& dflt) {
    note({key, "text", dflt, 0, 0, "", {}});
    const Json* v = find(key);
    if (!v) return dflt;
    if (!v->is_string()) {
        error(key, key + " must be a string, got " + v->dump());
        return dflt;
    }
    return v->get<std::string>();
}

std::string ConfigReader::choice(const std::string& key, const std::string& dflt,
                                 std::initializer_list<const char*> allowed) {
    return choice(key, dflt, std::vector<std::string>(allowed.begin(), allowed.end()));
}

std::string ConfigReader::choice(const std::string& key, const std::string& dflt, std::vector<std::string> allowed) {
    note({key, "choice", dflt, 0, 0, "", allowed});
    const Json* v = find(key);
    if (!v) return dflt;
    std::string list;
    for (const std::string& a : allowed) {
        if (v->is_string() && v->get_ref<const std::string&>() == a) return a;
        list += list.empty() ? "" : ", ";
        list += a;
    }
    error(key, key + " must be one of " + list + ", got " + v->dump());
    return dflt;
}

Distribution ConfigReader::distribution(const std::string& key, const Distribution& dflt) {
    note({key, "distribution", dflt.to_json(), 0, 0, "ms", {}});
    const Json* v = find(key);
    if (!v) return dflt;
    std::string why;
    if (auto d = Distribution::parse(*v, why)) return *d;
    error(key, key + " " + why);
    return dflt;
}

void ConfigReader::finish() {
    if (!config_.is_object()) return;
    for (auto it = config_.begin(); it != config_.end(); ++it)
        if (!used_.count(it.key()))
            diags_->warning(path_of(it.key()), "unknown property '" + it.key() + "' is kept but not simulated");
}

}  // namespace sim
