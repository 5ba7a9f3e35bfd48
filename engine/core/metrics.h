// metrics.h — per-node counters, gauges, latency percentiles and cost over virtual time.
// Memory stays bounded on long runs: latency is a fixed log-linear histogram, and the time series
// keeps at most kMaxBuckets buckets, doubling the bucket width (merging pairs) when it fills.
#pragma once

#include "core/sim_time.h"

#include <array>
#include <cstdint>
#include <string_view>
#include <vector>

namespace sim {

enum class Counter : std::uint8_t {
    Invocations,   // requests handled (Lambda invocations, API requests, queue sends, ...)
    Errors,        // failed requests (function errors, 5xx, failed deliveries)
    Throttles,     // requests refused for a limit (429, ProvisionedThroughputExceeded, ...)
    ColdStarts,    // new Lambda execution environments initialised
    Retries,       // redeliveries and retry attempts
    Timeouts,      // requests cut by a timeout
    Drops,         // messages discarded (each also has a reason and a trace line)
    DeadLettered,  // messages moved to a dead-letter queue or on-failure destination
    MessagesIn,    // messages received
    MessagesOut,   // messages sent on
    kCount
};
inline constexpr std::size_t kCounterCount = static_cast<std::size_t>(Counter::kCount);
std::string_view counter_name(Counter c);  // snake_case: "cold_starts"

// Log-linear histogram of durations (µs): 32 sub-buckets per power of two, ~3% resolution.
class LatencyHistogram {
public:
    void add(SimTime d);
    void merge(const LatencyHistogram& other);
    std::uint64_t count() const { return count_; }
    SimTime percentile(double q) const;  // q in [0,1]; 0 when empty
    SimTime max() const { return {max_us_}; }
    double mean_ms() const { return count_ ? static_cast<double>(sum_us_) / 1e3 / static_cast<double>(count_) : 0; }

private:
    static constexpr int kSub = 32;
    std::vector<std::uint64_t> buckets_;  // grown on demand
    std::uint64_t count_ = 0;
    std::int64_t sum_us_ = 0, max_us_ = 0;
};

struct MetricsBucket {
    std::array<std::uint64_t, kCounterCount> counters{};
    double cost_usd = 0;
    std::int64_t max_concurrency = 0;
    std::int64_t max_queue_depth = 0;
    std::uint64_t latency_count = 0;
    std::int64_t latency_sum_us = 0;
    std::int64_t latency_max_us = 0;
};

class TimeSeries {
public:
    static constexpr std::size_t kMaxBuckets = 720;
    explicit TimeSeries(SimTime width = sec(1)) : width_(width) {}
    MetricsBucket& at(SimTime t) {  // the bucket holding t (t >= 0)
        return t.us >= lo_us_ && t.us < hi_us_ ? buckets_[cur_] : locate(t);
    }
    SimTime width() const { return width_; }
    const std::vector<MetricsBucket>& buckets() const { return buckets_; }

private:
    MetricsBucket& locate(SimTime t);
    void downsample();
    SimTime width_;
    std::vector<MetricsBucket> buckets_;
    std::int64_t lo_us_ = 0, hi_us_ = 0;  // the last bucket returned covers [lo, hi)
    std::size_t cur_ = 0;
};

class NodeMetrics {
public:
    void count(Counter c, SimTime now, std::uint64_t n = 1) {  // inline: several per request
        counters_[static_cast<std::size_t>(c)] += n;
        series_.at(now).counters[static_cast<std::size_t>(c)] += n;
    }
    void add_cost(double usd, SimTime now);
    // A charge that accrues with time (provisioned capacity, storage, shard-hours, instances, cache):
    // `usd_per_hour` from `now` on, pro rata to the µs, until set again. What accrued at the
    // previous rate is added to the cost and the time series now.
    void set_hourly_cost(double usd_per_hour, SimTime now);
    void fold_hourly_cost(SimTime now) { set_hourly_cost(hourly_usd_, now); }  // same rate; for the timeline
    void observe_latency(SimTime d, SimTime now);
    void set_concurrency(std::int64_t v, SimTime now);  // gauge: in-flight work
    void set_queue_depth(std::int64_t v, SimTime now);  // gauge: waiting messages

    std::uint64_t get(Counter c) const { return counters_[static_cast<std::size_t>(c)]; }
    // Cost up to instant `now` (the simulation's clock): charges so far plus the time-based
    // charge accrued since it was last set, so a report at any instant is right.
    double cost_usd(SimTime now) const {
        return hourly_usd_ > 0 ? cost_usd_ + hourly_usd_ * static_cast<double>(now.us - hourly_since_.us) / 3.6e9
                               : cost_usd_;
    }
    std::int64_t concurrency() const { return concurrency_; }
    std::int64_t peak_concurrency() const { return peak_concurrency_; }
    std::int64_t queue_depth() const { return queue_depth_; }
    std::int64_t peak_queue_depth() const { return peak_queue_depth_; }
    const LatencyHistogram& latency() const { return latency_; }
    const TimeSeries& series() const { return series_; }

private:
    std::array<std::uint64_t, kCounterCount> counters_{};
    double cost_usd_ = 0;
    double hourly_usd_ = 0;  // the running time-based charge, accruing since hourly_since_
    SimTime hourly_since_;
    std::int64_t concurrency_ = 0, peak_concurrency_ = 0;
    std::int64_t queue_depth_ = 0, peak_queue_depth_ = 0;
    LatencyHistogram latency_;
    TimeSeries series_;
};

}  // namespace sim
