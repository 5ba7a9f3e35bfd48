// rng.cpp — xoshiro256** (Blackman & Vigna), SplitMix64 seeding, and portable log/exp.
#include "core/rng.h"

#include <cmath>
#include <cstring>

namespace sim {

std::uint64_t splitmix64(std::uint64_t& state) {
    std::uint64_t z = (state += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

std::uint64_t fnv1a(std::string_view bytes, std::uint64_t h) {
    for (unsigned char c : bytes) {
        h ^= c;
        h *= 0x100000001b3ULL;
    }
    return h;
}

// ---- Portable log/exp ---------------------------------------------------------------------------
// Range reduction with exact power-of-two scaling (frexp/ldexp are exact), then polynomials
// evaluated by Estrin's scheme with constant coefficients: only + and *, no FMA (the build passes
// -ffp-contract=off), so results are bit-identical on any IEEE-754 double platform. These run for
// every latency sample, so they use the fewest terms that keep ~1e-16 relative accuracy.
static constexpr double kLn2 = 0.693147180559945309417232121458;

// frexp and ldexp for the common case, by the exponent bits (libm calls cost more than the
// polynomials); the same exact results, with the library for subnormals and extremes.
// (std::bit_cast is missing from Emscripten 3.1.6's libc++; memcpy compiles to the same move.)
static inline std::uint64_t bits_of(double x) {
    std::uint64_t b;
    std::memcpy(&b, &x, sizeof b);
    return b;
}
static inline double double_of(std::uint64_t b) {
    double x;
    std::memcpy(&x, &b, sizeof x);
    return x;
}

static inline double split_exponent(double x, int& e) {
    const std::uint64_t bits = bits_of(x);
    const int biased = static_cast<int>((bits >> 52) & 0x7ff);
    if (biased == 0 || biased == 0x7ff) return std::frexp(x, &e);
    e = biased - 1022;
    return double_of((bits & ~(0x7ffULL << 52)) | (1022ULL << 52));  // in [0.5, 1)
}

static inline double times_power_of_two(double x, int k) {
    if (k < -1021 || k > 1022) return std::ldexp(x, k);
    return x * double_of(static_cast<std::uint64_t>(k + 1023) << 52);  // exact: x * 2^k
}

double det_log(double x) {
    if (!(x > 0)) return -1e300;
    int e = 0;
    double m = split_exponent(x, e);  // x = m * 2^e, m in [0.5, 1)
    if (m < 0.70710678118654752440) {
        m *= 2.0;
        e -= 1;
    }
    // log(m) = 2 atanh(t) = 2 (t + t^3/3 + t^5/5 + ...), t = (m-1)/(m+1), |t| <= 0.1716, so
    // t^2 <= 0.0295 and the t^25 term is below 1e-19 of the sum.
    const double t = (m - 1.0) / (m + 1.0);
    const double z = t * t;
    // Estrin's scheme: the same polynomial in independent pairs, so the multiplications overlap
    // instead of waiting on each other as in Horner's chain (a latency-bound chain of 13).
    const double z2 = z * z, z4 = z2 * z2, z8 = z4 * z4;
    const double q0 = 1.0 + z * (1.0 / 3), q1 = 1.0 / 5 + z * (1.0 / 7), q2 = 1.0 / 9 + z * (1.0 / 11);
    const double q3 = 1.0 / 13 + z * (1.0 / 15), q4 = 1.0 / 17 + z * (1.0 / 19), q5 = 1.0 / 21 + z * (1.0 / 23);
    const double s0 = q0 + z2 * q1, s1 = q2 + z2 * q3, s2 = q4 + z2 * q5;
    const double p = (s0 + z4 * s1) + z8 * (s2 + z4 * (1.0 / 25));
    return 2.0 * t * p + e * kLn2;
}

double det_exp(double x) {
    if (x > 709.0) return HUGE_VAL;
    if (x < -745.0) return 0.0;
    const double kd = x * (1.0 / kLn2);  // (a multiplication: no division on the critical path)
    const int k = static_cast<int>(kd < 0 ? kd - 0.5 : kd + 0.5);
    const double r = x - k * kLn2;  // |r| <= ~0.35: r^16/16! is below 1e-20
    static constexpr double kInvFactorial[] = {1.0 / 1,
                                               1.0 / 2,
                                               1.0 / 6,
                                               1.0 / 24,
                                               1.0 / 120,
                                               1.0 / 720,
                                               1.0 / 5040,
                                               1.0 / 40320,
                                               1.0 / 362880,
                                               1.0 / 3628800,
                                               1.0 / 39916800,
                                               1.0 / 479001600,
                                               1.0 / 6227020800.0,
                                               1.0 / 87178291200.0,
                                               1.0 / 1307674368000.0,
                                               1.0 / 20922789888000.0};
    // Estrin's scheme (see det_log): pairs, then pairs of pairs.
    const double* a = kInvFactorial;
    const double r2 = r * r, r4 = r2 * r2, r8 = r4 * r4;
    const double q0 = a[0] + r * a[1], q1 = a[2] + r * a[3], q2 = a[4] + r * a[5], q3 = a[6] + r * a[7];
    const double q4 = a[8] + r * a[9], q5 = a[10] + r * a[11], q6 = a[12] + r * a[13], q7 = a[14] + r * a[15];
    const double s0 = q0 + r2 * q1, s1 = q2 + r2 * q3, s2 = q4 + r2 * q5, s3 = q6 + r2 * q7;
    const double p = (s0 + r4 * s1) + r8 * (s2 + r4 * s3);
    return times_power_of_two(1.0 + r * p, k);
}

// ---- Generator ------------------------------------------------------------------------------------
static inline std::uint64_t rotl(std::uint64_t x, int k) {
    return (x << k) | (x >> (64 - k));
}

Rng::Rng(std::uint64_t seed) {
    std::uint64_t st = seed;
    for (auto& w : s_) w = splitmix64(st);
}

Rng Rng::for_stream(std::uint64_t pattern_seed, std::string_view stream_name) {
    std::uint64_t st = pattern_seed;
    std::uint64_t mixed = splitmix64(st) ^ fnv1a(stream_name);
    return Rng(mixed);
}

std::uint64_t Rng::next_u64() {
    const std::uint64_t result = rotl(s_[1] * 5, 7) * 9;
    const std::uint64_t t = s_[1] << 17;
    s_[2] ^= s_[0];
    s_[3] ^= s_[1];
    s_[1] ^= s_[2];
    s_[0] ^= s_[3];
    s_[2] ^= t;
    s_[3] = rotl(s_[3], 45);
    return result;
}

double Rng::uniform() {
    return static_cast<double>(next_u64() >> 11) * 0x1.0p-53;
}

double Rng::uniform(double lo, double hi) {
    return lo + (hi - lo) * uniform();
}

std::uint64_t Rng::below(std::uint64_t n) {
    if (n <= 1) return 0;
    const std::uint64_t limit = UINT64_MAX - UINT64_MAX % n;
    std::uint64_t v;
    do v = next_u64();
    while (v >= limit);
    return v % n;
}

bool Rng::chance(double p) {
    if (p <= 0) return false;
    if (p >= 1) return true;
    return uniform() < p;
}

double Rng::exponential(double mean) {
    return -mean * det_log(1.0 - uniform());
}

double Rng::normal(double mean, double stddev) {
    if (has_spare_) {
        has_spare_ = false;
        return mean + stddev * spare_;
    }
    double u, v, s;
    do {
        u = uniform() * 2.0 - 1.0;
        v = uniform() * 2.0 - 1.0;
        s = u * u + v * v;
    } while (s >= 1.0 || s == 0.0);
    double f = std::sqrt(-2.0 * det_log(s) / s);
    spare_ = v * f;
    has_spare_ = true;
    return mean + stddev * u * f;
}

double Rng::lognormal_sigma(double p50, double p99) {
    // p99 = p50 * exp(2.326348 sigma) for a lognormal with median p50.
    return p99 > p50 ? det_log(p99 / p50) / 2.3263478740408408 : 0.0;
}

double Rng::lognormal(double median, double sigma) {
    return median * det_exp(sigma * normal(0.0, 1.0));
}

double Rng::lognormal_from_p50_p99(double p50, double p99) {
    return lognormal(p50, lognormal_sigma(p50, p99));
}

}  // namespace sim
