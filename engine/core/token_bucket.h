// token_bucket.h — the token bucket AWS's throttles are described with: `rate` tokens per second
// refill continuously up to `burst`; a request is admitted when the tokens it costs are there.
// The one implementation behind every throttle: API Gateway (account and stage), Lambda (request
// rate, new environments per function or per account), SQS FIFO sends, SNS FIFO publishes, Step
// Functions StartExecution, Kinesis shard writes (records and bytes), DynamoDB provisioned capacity.
#pragma once

#include "core/sim_time.h"

#include <algorithm>

namespace sim {

class TokenBucket {
public:
    TokenBucket() = default;
    // Starts full, as AWS's buckets do unless a service says otherwise.
    TokenBucket(double rate_per_s, double burst) : TokenBucket(rate_per_s, burst, burst) {}
    TokenBucket(double rate_per_s, double burst, double initial) : rate_(rate_per_s), burst_(burst), tokens_(initial) {}

    // Refills up to `now`; true when `cost` tokens are there (nothing is taken). The refill is one
    // rounding (elapsed µs × rate / 1e6), so a bucket refills identically however often it is asked.
    bool available(SimTime now, double cost = 1) {
        tokens_ = std::min(burst_, tokens_ + static_cast<double>(now.us - refilled_at_.us) * rate_ / 1e6);
        refilled_at_ = now;
        return tokens_ >= cost;
    }
    void take(double cost = 1) { tokens_ -= cost; }
    // available() and take() in one: admits a request or refuses it.
    bool try_take(SimTime now, double cost = 1) {
        if (!available(now, cost)) return false;
        take(cost);
        return true;
    }
    double tokens() const { return tokens_; }
    double rate_per_s() const { return rate_; }

private:
    double rate_ = 0, burst_ = 0, tokens_ = 0;
    SimTime refilled_at_;
};

}  // namespace sim
