// sns_delivery.h — SNS delivery retry policies: the four phases AWS documents (immediate,
// pre-backoff, backoff, post-backoff) and the delay before each retry.
// AWS: https://docs.aws.amazon.com/sns/latest/dg/sns-message-delivery-retries.html
#pragma once

#include "core/diagnostics.h"
#include "core/message.h"
#include "core/sim_time.h"

#include <string>

namespace sim::svc {

enum class Backoff { Linear, Arithmetic, Geometric, Exponential };

struct RetryPolicy {
    int no_delay = 0;     // numNoDelayRetries: immediate retries
    int min_delay_n = 0;  // numMinDelayRetries: retries at min_delay before backoff
    int backoff_n = 0;    // retries in the backoff phase
    int max_delay_n = 0;  // numMaxDelayRetries: retries at max_delay after backoff
    SimTime min_delay = sec(20), max_delay = sec(20);
    Backoff function = Backoff::Linear;
    SimTime cap;  // total retry time limit (HTTP/S: 3,600 s); 0 = none
    int total() const { return no_delay + min_delay_n + backoff_n + max_delay_n; }
};

// SQS, Lambda, Firehose: 3 immediate, 2 at 1 s, 10 exponential 1→20 s, 100,000 at 20 s.
RetryPolicy aws_managed_policy();
// Email/SMS/push: 0 immediate, 2 at 10 s, 10 exponential 10→600 s, 38 at 600 s (50 in all).
RetryPolicy email_policy();
// HTTP/S default: 3 retries 20 s apart, within 3,600 s.
RetryPolicy http_default_policy();
// Delay before retry number `retry` (1-based); kNever when the policy has no such retry.
SimTime retry_delay(const RetryPolicy& p, int retry);
// Reads {"healthyRetryPolicy": {numRetries, numNoDelayRetries, minDelayTarget, maxDelayTarget,
// numMinDelayRetries, numMaxDelayRetries, backoffFunction}} into `p`; problems → diagnostics.
void read_http_policy(const Json& policy, const std::string& path, Diagnostics& d, RetryPolicy& p);

}  // namespace sim::svc
