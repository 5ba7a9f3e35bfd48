// rate_profile.h — request rate over virtual time for a traffic source, in requests per second.
// Profiles ("type"): constant {rps}, ramp {from, to, over}, spike {base, peak, at, length},
// diurnal {min, max, period, peakAt}, bursts {base, peak, every, length}, replay {points:
// [[seconds, rps], ...]} (piecewise constant) and manual (no arrivals; events are fired by hand).
// Any rate may be given per minute instead by setting "unit": "rpm".
#pragma once

#include "core/diagnostics.h"
#include "core/message.h"
#include "core/sim_time.h"

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace sim {

class RateProfile {
public:
    enum class Kind { Constant, Ramp, Spike, Diurnal, Bursts, Replay, Manual };

    // Reads a profile object; reports problems at `path` ("/traffic/0/profile").
    static std::optional<RateProfile> parse(const Json& j, const std::string& path, Diagnostics& d);

    double rate_at(SimTime t) const;  // requests per second at t (t relative to the source start)
    double max_rate() const;          // an upper bound of rate_at over all t (for thinning)
    Kind kind() const { return kind_; }

private:
    Kind kind_ = Kind::Manual;
    double a_ = 0, b_ = 0;                            // rates: constant/base/min/from and peak/max/to
    SimTime t1_, t2_;                                 // over / at+length / period+peakAt / every+length
    std::vector<std::pair<SimTime, double>> points_;  // replay
};

}  // namespace sim
