// rng.h — our own seeded random numbers and distributions.
// libstdc++ (native) and libc++ (Emscripten) implement std::*_distribution differently, and libm's
// log/exp may differ in the last bit between platforms; everything here uses only integer
// arithmetic and IEEE + - * / sqrt, so a seed gives the same draws everywhere.
#pragma once

#include <cstdint>
#include <string_view>

namespace sim {

// SplitMix64 step: seeds generators and derives stream seeds.
std::uint64_t splitmix64(std::uint64_t& state);

// FNV-1a 64-bit over bytes; used for stream derivation and trace fingerprints.
std::uint64_t fnv1a(std::string_view bytes, std::uint64_t h = 0xcbf29ce484222325ULL);

// Deterministic natural log and exp (correct to ~1e-15 relative; identical on every platform).
double det_log(double x);  // x > 0
double det_exp(double x);

// xoshiro256** generator with the distributions the engine needs.
class Rng {
public:
    explicit Rng(std::uint64_t seed = 0);
    // A stream for one node: depends only on (pattern seed, node id), so adding a node reshuffles
    // nothing else.
    static Rng for_stream(std::uint64_t pattern_seed, std::string_view stream_name);

    std::uint64_t next_u64();
    double uniform();                                       // [0, 1)
    double uniform(double lo, double hi);                   // [lo, hi)
    std::uint64_t below(std::uint64_t n);                   // [0, n), unbiased; n > 0
    bool chance(double p);                                  // true with probability p (clamped to [0,1])
    double exponential(double mean);                        // mean > 0
    double normal(double mean, double stddev);              // Marsaglia polar method
    double lognormal_from_p50_p99(double p50, double p99);  // p99 >= p50 > 0
    double lognormal(double median, double sigma);          // median * exp(sigma * N(0,1))
    static double lognormal_sigma(double p50, double p99);  // sigma giving that p99 (0 if p99 <= p50)

private:
    std::uint64_t s_[4];
    bool has_spare_ = false;
    double spare_ = 0;
};

}  // namespace sim
