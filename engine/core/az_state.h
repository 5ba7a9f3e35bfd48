// az_state.h — Availability Zone outages for fault injection: a schedule from the pattern
// (settings.faults) plus manual overrides from the playground (Simulation::set_az_down). Regional
// services ignore it (AWS replicates them across AZs); zonal ones (EC2, Fargate) ask down(az, now).
// AZ IDs (use1-az1..use1-az6) are used, not names: names are shuffled per account, IDs are stable.
#pragma once

#include "core/sim_time.h"

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

namespace sim {

struct AzFault {
    std::string az;       // "use1-az1"
    SimTime from;         // outage starts (inclusive)
    SimTime to = kNever;  // AZ back (exclusive)
};

// True for the us-east-1 AZ IDs use1-az1..use1-az6 (us-east-1 has 6 AZs; AWS-FACTS §17).
inline bool valid_az_id(std::string_view az) {
    return az.size() == 8 && az.substr(0, 7) == "use1-az" && az[7] >= '1' && az[7] <= '6';
}

class AzState {
public:
    void schedule(std::vector<AzFault> faults) { scheduled_ = std::move(faults); }
    const std::vector<AzFault>& scheduled() const { return scheduled_; }
    // Manual override: down=true takes the AZ down until set_down(az, false); scheduled faults
    // still apply on their own.
    void set_down(const std::string& az, bool down) {
        auto it = std::find(forced_.begin(), forced_.end(), az);
        if (down && it == forced_.end()) forced_.push_back(az);
        if (!down && it != forced_.end()) forced_.erase(it);
    }
    bool down(std::string_view az, SimTime now) const {
        if (std::find(forced_.begin(), forced_.end(), az) != forced_.end()) return true;
        for (const AzFault& f : scheduled_)
            if (f.az == az && now >= f.from && now < f.to) return true;
        return false;
    }
    bool any_down(SimTime now) const {
        if (!forced_.empty()) return true;
        for (const AzFault& f : scheduled_)
            if (now >= f.from && now < f.to) return true;
        return false;
    }

private:
    std::vector<AzFault> scheduled_;
    std::vector<std::string> forced_;
};

}  // namespace sim
