// distribution.cpp — parsing and sampling of latency models.
#include "core/distribution.h"

namespace sim {

namespace {
bool ms_value(const nlohmann::json& j, const char* key, double& out) {
    auto it = j.find(key);
    if (it == j.end() || !it->is_number()) return false;
    out = it->get<double>();
    return out >= 0 && out <= 86'400'000.0;
}
}  // namespace

std::optional<Distribution> Distribution::parse(const nlohmann::json& j, std::string& error) {
    if (j.is_number()) {
        const double v = j.get<double>();
        if (v >= 0 && v <= 86'400'000.0) return fixed(v);
        error = "must be 0..86400000 ms, got " + j.dump();
        return std::nullopt;
    }
    if (j.is_object()) {
        double a = 0, b = 0;
        if (j.contains("p50") || j.contains("p99")) {
            if (ms_value(j, "p50", a) && ms_value(j, "p99", b) && a > 0 && b >= a) return lognormal(a, b);
            error = "needs p50 > 0 and p99 >= p50 (milliseconds), got " + j.dump();
            return std::nullopt;
        }
        if (j.contains("min") || j.contains("max")) {
            if (ms_value(j, "min", a) && ms_value(j, "max", b) && b >= a) return uniform(a, b);
            error = "needs 0 <= min <= max (milliseconds), got " + j.dump();
            return std::nullopt;
        }
        if (j.contains("mean")) {
            if (ms_value(j, "mean", a) && a > 0) return exponential(a);
            error = "needs mean > 0 (milliseconds), got " + j.dump();
            return std::nullopt;
        }
    }
    error =
        "expected milliseconds as a number, or {\"p50\": ms, \"p99\": ms}, {\"min\": ms, \"max\": ms} or {\"mean\": "
        "ms}, got " +
        j.dump();
    return std::nullopt;
}

double Distribution::sample_ms(Rng& rng) const {
    switch (kind_) {
        case Kind::Fixed:
            return a_;
        case Kind::LogNormal:
            return rng.lognormal(a_, sigma_);
        case Kind::Uniform:
            return rng.uniform(a_, b_);
        case Kind::Exponential:
            return rng.exponential(a_);
    }
    return a_;
}

double Distribution::median_ms() const {
    switch (kind_) {
        case Kind::Uniform:
            return (a_ + b_) / 2;
        case Kind::Exponential:
            return a_ * 0.6931471805599453;
        default:
            return a_;
    }
}

nlohmann::json Distribution::to_json() const {
    switch (kind_) {
        case Kind::Fixed:
            return a_;
        case Kind::LogNormal:
            return {{"p50", a_}, {"p99", b_}};
        case Kind::Uniform:
            return {{"min", a_}, {"max", b_}};
        case Kind::Exponential:
            return {{"mean", a_}};
    }
    return a_;
}

}  // namespace sim
