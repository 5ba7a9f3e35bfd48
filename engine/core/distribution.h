// distribution.h — a latency or duration model read from config, sampled with a node's Rng.
// Forms accepted in pattern files (all in milliseconds):
//   25                         fixed 25 ms
//   {"p50": 20, "p99": 120}    lognormal with that median and 99th percentile (the default shape:
//                              service latencies are right-skewed)
//   {"min": 5, "max": 15}      uniform
//   {"mean": 30}               exponential
#pragma once

#include "core/rng.h"
#include "core/sim_time.h"

#include <nlohmann/json.hpp>

#include <optional>
#include <string>

namespace sim {

class Distribution {
public:
    enum class Kind { Fixed, LogNormal, Uniform, Exponential };

    static Distribution fixed(double ms) { return Distribution(Kind::Fixed, ms, ms); }
    static Distribution lognormal(double p50, double p99) { return Distribution(Kind::LogNormal, p50, p99); }
    static Distribution uniform(double lo, double hi) { return Distribution(Kind::Uniform, lo, hi); }
    static Distribution exponential(double mean) { return Distribution(Kind::Exponential, mean, mean); }

    // Parses one of the forms above; on failure returns nullopt and sets `error` to a message
    // such as "expected a number of milliseconds or {\"p50\": ms, \"p99\": ms}".
    static std::optional<Distribution> parse(const nlohmann::json& j, std::string& error);

    double sample_ms(Rng& rng) const;
    SimTime sample(Rng& rng) const { return from_ms(sample_ms(rng)); }
    double median_ms() const;
    nlohmann::json to_json() const;
    Kind kind() const { return kind_; }

private:
    Distribution(Kind k, double a, double b)
        : kind_(k), a_(a), b_(b), sigma_(k == Kind::LogNormal ? Rng::lognormal_sigma(a, b) : 0) {}
    Kind kind_;
    double a_, b_;
    double sigma_;  // LogNormal: computed once, not per sample
};

}  // namespace sim
