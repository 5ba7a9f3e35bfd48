// dynamodb_capacity.cpp — token buckets (provisioned), peak-tracking windows (on-demand) and the
// per-partition-key limit; see dynamodb_capacity.h.
#include "services/dynamodb/dynamodb_capacity.h"

#include "services/dynamodb/dynamodb_contract.h"

#include <algorithm>

namespace sim::svc::ddb {

namespace {
constexpr double kBurstSeconds = 300;     // provisioned burst capacity
constexpr double kPartitionReads = 3000;  // per partition per second
constexpr double kPartitionWrites = 1000;
const SimTime kPeakSettles = minutes(30);  // "double the previous peak within 30 minutes"
}  // namespace

CapacityModel::CapacityModel(CapacitySettings s) : s_(s) {
    // A new provisioned table starts with its burst bank full of 300 s of unused capacity.
    read_bucket_ = TokenBucket(s_.rcu, s_.rcu * kBurstSeconds);
    write_bucket_ = TokenBucket(s_.wcu, s_.wcu * kBurstSeconds);
    read_window_.initial = std::min(12000.0, s_.max_read);
    write_window_.initial = std::min(4000.0, s_.max_write);
}

double CapacityModel::ceiling(Window& w, SimTime now, double table_max) {
    if (now < w.ceiling_until) return w.ceiling;
    // The settled peak: the highest per-second use recorded at least 30 minutes ago.
    double settled = 0;
    while (w.peaks.size() > 1 && now - w.peaks[1].first >= kPeakSettles) w.peaks.pop_front();
    if (!w.peaks.empty() && now - w.peaks.front().first >= kPeakSettles) settled = w.peaks.front().second;
    w.ceiling = std::min(table_max, std::max(w.initial, 2 * settled));
    // Unchanged until the front peak or the one after it settles (record_peak resets this).
    w.ceiling_until = kNever;
    if (w.peaks.size() > 1) w.ceiling_until = w.peaks[1].first + kPeakSettles;
    if (!w.peaks.empty() && now - w.peaks.front().first < kPeakSettles)
        w.ceiling_until = std::min(w.ceiling_until, w.peaks.front().first + kPeakSettles);
    return w.ceiling;
}

void CapacityModel::record_peak(Window& w, SimTime now) {
    if (!w.peaks.empty() && w.used <= w.peaks.back().second) return;
    w.ceiling_until = SimTime{};
    // One entry per second at most, so the history stays small.
    if (!w.peaks.empty() && w.peaks.back().first.us / 1000000 == now.us / 1000000)
        w.peaks.back().second = w.used;
    else
        w.peaks.emplace_back(now, w.used);
}

const ErrorSpec* CapacityModel::take(double units, const std::string& partition, SimTime now, bool write) {
    const std::int64_t second = now.us / 1000000;
    if (!partition.empty()) {
        if (second != hot_second_) {
            hot_.clear();
            last_hot_ = nullptr;
            hot_second_ = second;
        }
        // A key written again within the second (the hot-key case this limit is about) skips the
        // map lookup; map nodes stay put until the next second's clear().
        if (!last_hot_ || partition != last_hot_key_) {
            last_hot_ = &hot_[partition];
            last_hot_key_ = partition;
        }
        auto& used = *last_hot_;
        double& mine = write ? used.second : used.first;
        if (mine + units > (write ? kPartitionWrites : kPartitionReads))
            return s_.on_demand ? &kDdbThrottling : &kDdbProvisionedThroughputExceeded;
        if (s_.on_demand) {
            Window& w = write ? write_window_ : read_window_;
            if (w.second != second) {
                w.second = second;
                w.used = 0;
            }
            if (w.used + units > ceiling(w, now, write ? s_.max_write : s_.max_read)) return &kDdbThrottling;
            w.used += units;
            record_peak(w, now);
        } else if (!(write ? write_bucket_ : read_bucket_).try_take(now, units)) {
            return &kDdbProvisionedThroughputExceeded;
        }
        mine += units;
        return nullptr;
    }
    // Scans spread over partitions: only the table-level limits apply.
    if (s_.on_demand) {
        Window& w = write ? write_window_ : read_window_;
        if (w.second != second) {
            w.second = second;
            w.used = 0;
        }
        if (w.used + units > ceiling(w, now, write ? s_.max_write : s_.max_read)) return &kDdbThrottling;
        w.used += units;
        record_peak(w, now);
        return nullptr;
    }
    return (write ? write_bucket_ : read_bucket_).try_take(now, units) ? nullptr : &kDdbProvisionedThroughputExceeded;
}

const ErrorSpec* CapacityModel::take_read(double units, const std::string& partition, SimTime now) {
    return take(units, partition, now, false);
}
const ErrorSpec* CapacityModel::take_write(double units, const std::string& partition, SimTime now) {
    return take(units, partition, now, true);
}

}  // namespace sim::svc::ddb
