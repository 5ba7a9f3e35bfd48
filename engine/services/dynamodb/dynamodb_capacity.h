// dynamodb_capacity.h — DynamoDB read/write capacity: what a request may consume now, and the
// throttling error when it may not. A throttled request consumes nothing.
// https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/on-demand-capacity-mode.html
// https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/provisioned-capacity-mode.html
// Modelled:     [x] PROVISIONED: RCU/WCU per second, unused capacity banked as burst for 300 s
//                   → ProvisionedThroughputExceededException
//               [x] PAY_PER_REQUEST: a new table serves 4,000 WRU / 12,000 RRU per second; the
//                   ceiling becomes 2 × the previous peak once that peak is 30 min old; table
//                   maximum 40,000 (or OnDemandThroughput) → ThrottlingException
//               [x] per-partition limit 1,000 WCU / 3,000 RCU per second for one partition key
//                   value (a hot key throttles even with spare table capacity)
// Not modelled: [ ] auto scaling  [ ] adaptive capacity moving throughput  [ ] partition splits
#pragma once

#include "core/contract.h"
#include "core/sim_time.h"
#include "core/token_bucket.h"

#include <cstdint>
#include <deque>
#include <map>
#include <string>

namespace sim::svc::ddb {

struct CapacitySettings {
    bool on_demand = true;
    double rcu = 5, wcu = 5;                     // provisioned units per second
    double max_read = 40000, max_write = 40000;  // table maximum per second
};

class CapacityModel {
public:
    explicit CapacityModel(CapacitySettings s);
    CapacityModel(const CapacityModel&) = delete;  // last_hot_ points into this object's hot_
    CapacityModel& operator=(const CapacityModel&) = delete;

    // Null when `units` may be consumed now (and consumes them); else the throttling error.
    // `partition` is the partition key value's text ("" for Scan, which spreads over partitions).
    const ErrorSpec* take_read(double units, const std::string& partition, SimTime now);
    const ErrorSpec* take_write(double units, const std::string& partition, SimTime now);
    const CapacitySettings& settings() const { return s_; }

private:
    struct Window {  // on-demand: consumption in the current second and the peak history
        std::int64_t second = -1;
        double used = 0;
        double initial = 0;                            // ceiling of a new table
        std::deque<std::pair<SimTime, double>> peaks;  // (when, new peak), increasing
        double ceiling = 0;                            // ceiling() as last computed, valid before
        SimTime ceiling_until;                         // the next peak settles or the peaks change
    };
    const ErrorSpec* take(double units, const std::string& partition, SimTime now, bool write);
    static void record_peak(Window& w, SimTime now);
    static double ceiling(Window& w, SimTime now, double table_max);

    CapacitySettings s_;
    TokenBucket read_bucket_, write_bucket_;  // provisioned: RCU/WCU per second, 300 s of burst
    Window read_window_, write_window_;
    std::int64_t hot_second_ = -1;
    std::map<std::string, std::pair<double, double>> hot_;  // partition → (read, write) this second
    std::pair<double, double>* last_hot_ = nullptr;         // hot_[last_hot_key_], null after a clear
    std::string last_hot_key_;
};

}  // namespace sim::svc::ddb
