// metrics.cpp — histogram indexing, bounded time series, node metric updates.
#include "core/metrics.h"

#include <algorithm>
#include <bit>

namespace sim {

std::string_view counter_name(Counter c) {
    static constexpr std::string_view names[kCounterCount] = {
        "invocations", "errors", "throttles",     "cold_starts", "retries",
        "timeouts",    "drops",  "dead_lettered", "messages_in", "messages_out"};
    return names[static_cast<std::size_t>(c)];
}

// ---- LatencyHistogram -----------------------------------------------------------------------------
namespace {
int bucket_index(std::int64_t us, int sub) {
    if (us < sub) return static_cast<int>(us < 0 ? 0 : us);
    const auto v = static_cast<std::uint64_t>(us);
    const int msb = 63 - std::countl_zero(v);  // >= log2(sub)
    const int shift = msb - std::countr_zero(static_cast<unsigned>(sub));
    const int mant = static_cast<int>(v >> shift) - sub;  // 0..sub-1
    return sub + shift * sub + mant;
}
std::int64_t bucket_upper(int index, int sub) {
    if (index < sub) return index;
    const int shift = (index - sub) / sub;
    const int mant = (index - sub) % sub;
    return ((static_cast<std::int64_t>(sub + mant + 1)) << shift) - 1;
}
}  // namespace

void LatencyHistogram::add(SimTime d) {
    const int i = bucket_index(d.us, kSub);
    if (static_cast<std::size_t>(i) >= buckets_.size()) buckets_.resize(static_cast<std::size_t>(i) + 1);
    ++buckets_[static_cast<std::size_t>(i)];
    ++count_;
    sum_us_ += d.us;
    max_us_ = std::max(max_us_, d.us);
}

void LatencyHistogram::merge(const LatencyHistogram& o) {
    if (o.buckets_.size() > buckets_.size()) buckets_.resize(o.buckets_.size());
    for (std::size_t i = 0; i < o.buckets_.size(); ++i) buckets_[i] += o.buckets_[i];
    count_ += o.count_;
    sum_us_ += o.sum_us_;
    max_us_ = std::max(max_us_, o.max_us_);
}

SimTime LatencyHistogram::percentile(double q) const {
    if (count_ == 0) return {0};
    const double target_d = q * static_cast<double>(count_);
    auto target = static_cast<std::uint64_t>(target_d);
    if (static_cast<double>(target) < target_d) ++target;
    target = std::clamp<std::uint64_t>(target, 1, count_);
    std::uint64_t seen = 0;
    for (std::size_t i = 0; i < buckets_.size(); ++i) {
        seen += buckets_[i];
        if (seen >= target) return {std::min(bucket_upper(static_cast<int>(i), kSub), max_us_)};
    }
    return {max_us_};
}

// ---- TimeSeries -------------------------------------------------------------------------------------
MetricsBucket& TimeSeries::locate(SimTime t) {
    auto i = static_cast<std::size_t>(std::max<std::int64_t>(0, t.us) / width_.us);
    while (i >= kMaxBuckets) {
        downsample();
        i = static_cast<std::size_t>(std::max<std::int64_t>(0, t.us) / width_.us);
    }
    if (i >= buckets_.size()) buckets_.resize(i + 1);
    // Most updates land in the same bucket as the previous one: remember its range.
    cur_ = i;
    lo_us_ = static_cast<std::int64_t>(i) * width_.us;
    hi_us_ = lo_us_ + width_.us;
    if (t.us < 0) hi_us_ = lo_us_;  // negative times clamp to bucket 0; never cached
    return buckets_[i];
}

void TimeSeries::downsample() {
    std::vector<MetricsBucket> merged((buckets_.size() + 1) / 2);
    for (std::size_t i = 0; i < buckets_.size(); ++i) {
        MetricsBucket& m = merged[i / 2];
        const MetricsBucket& b = buckets_[i];
        for (std::size_t c = 0; c < kCounterCount; ++c) m.counters[c] += b.counters[c];
        m.cost_usd += b.cost_usd;
        m.max_concurrency = std::max(m.max_concurrency, b.max_concurrency);
        m.max_queue_depth = std::max(m.max_queue_depth, b.max_queue_depth);
        m.latency_count += b.latency_count;
        m.latency_sum_us += b.latency_sum_us;
        m.latency_max_us = std::max(m.latency_max_us, b.latency_max_us);
    }
    buckets_ = std::move(merged);
    width_ = {width_.us * 2};
}

// ---- NodeMetrics --------------------------------------------------------------------------------------
void NodeMetrics::add_cost(double usd, SimTime now) {
    cost_usd_ += usd;
    series_.at(now).cost_usd += usd;
}

void NodeMetrics::set_hourly_cost(double usd_per_hour, SimTime now) {
    if (hourly_usd_ > 0 && now.us > hourly_since_.us)
        add_cost(hourly_usd_ * static_cast<double>(now.us - hourly_since_.us) / 3.6e9, now);
    hourly_usd_ = usd_per_hour;
    hourly_since_ = now;
}

void NodeMetrics::observe_latency(SimTime d, SimTime now) {
    latency_.add(d);
    MetricsBucket& b = series_.at(now);
    ++b.latency_count;
    b.latency_sum_us += d.us;
    b.latency_max_us = std::max(b.latency_max_us, d.us);
}

void NodeMetrics::set_concurrency(std::int64_t v, SimTime now) {
    concurrency_ = v;
    peak_concurrency_ = std::max(peak_concurrency_, v);
    MetricsBucket& b = series_.at(now);
    b.max_concurrency = std::max(b.max_concurrency, v);
}

void NodeMetrics::set_queue_depth(std::int64_t v, SimTime now) {
    queue_depth_ = v;
    peak_queue_depth_ = std::max(peak_queue_depth_, v);
    MetricsBucket& b = series_.at(now);
    b.max_queue_depth = std::max(b.max_queue_depth, v);
}

}  // namespace sim
