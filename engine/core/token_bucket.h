// token_bucket.h — the token bucket AWS's throttles are described with: `rate` tokens per second
// refill continuously up to `burst`; a request is admitted when a whole token is there. Starts full.
#pragma once

#include "core/sim_time.h"

#include <algorithm>

namespace sim {

class TokenBucket {
public:
    TokenBucket() = default;
    TokenBucket(double rate_per_s, double burst) : rate_(rate_per_s), burst_(burst), tokens_(burst) {}

    // Refills up to `now`; true when at least one token is there (nothing is taken).
    bool available(SimTime now) {
        tokens_ = std::min(burst_, tokens_ + static_cast<double>(now.us - refilled_at_.us) * rate_ / 1e6);
        refilled_at_ = now;
        return tokens_ >= 1;
    }
    void take() { tokens_ -= 1; }
    // available() and take() in one: admits a request or refuses it.
    bool try_take(SimTime now) {
        if (!available(now)) return false;
        take();
        return true;
    }
    double tokens() const { return tokens_; }

private:
    double rate_ = 0, burst_ = 0, tokens_ = 0;
    SimTime refilled_at_;
};

}  // namespace sim
