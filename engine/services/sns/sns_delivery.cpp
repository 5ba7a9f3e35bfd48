// sns_delivery.cpp — SNS retry phases and the HTTP DeliveryPolicy reader.
#include "services/sns/sns_delivery.h"

#include "core/rng.h"
#include "pattern/config_reader.h"

namespace sim::svc {

RetryPolicy aws_managed_policy() {
    RetryPolicy p;
    p.no_delay = 3;
    p.min_delay_n = 2;
    p.backoff_n = 10;
    p.max_delay_n = 100000;
    p.min_delay = sec(1);
    p.max_delay = sec(20);
    p.function = Backoff::Exponential;
    return p;
}

RetryPolicy email_policy() {
    RetryPolicy p;
    p.min_delay_n = 2;
    p.backoff_n = 10;
    p.max_delay_n = 38;
    p.min_delay = sec(10);
    p.max_delay = sec(600);
    p.function = Backoff::Exponential;
    return p;
}

RetryPolicy http_default_policy() {
    RetryPolicy p;
    p.backoff_n = 3;  // numRetries 3 with min = max = 20 s: three retries 20 s apart
    p.cap = sec(3600);
    return p;
}

SimTime retry_delay(const RetryPolicy& p, int retry) {
    if (retry <= 0 || retry > p.total()) return kNever;
    if (retry <= p.no_delay) return {};
    retry -= p.no_delay;
    if (retry <= p.min_delay_n) return p.min_delay;
    retry -= p.min_delay_n;
    if (retry <= p.backoff_n) {
        const double x = static_cast<double>(retry) / static_cast<double>(p.backoff_n);  // (0, 1]
        const double lo = p.min_delay.seconds(), hi = p.max_delay.seconds();
        double f = x;
        switch (p.function) {
            case Backoff::Linear:
                f = x;
                break;
            case Backoff::Arithmetic:
                f = x * x;
                break;
            case Backoff::Geometric:
            case Backoff::Exponential:
                // lo * (hi/lo)^x, deterministic across platforms
                return from_seconds(lo > 0 ? lo * det_exp(x * det_log(hi / lo)) : hi * x);
        }
        return from_seconds(lo + (hi - lo) * f);
    }
    return p.max_delay;
}

void read_http_policy(const Json& policy, const std::string& path, Diagnostics& d, RetryPolicy& p) {
    ConfigReader top(policy, path, d);
    const Json* h = top.raw("healthyRetryPolicy");
    top.raw("throttlePolicy");
    top.raw("requestPolicy");
    top.finish();
    if (!h) return;
    ConfigReader r(*h, path + "/healthyRetryPolicy", d);
    const int n = static_cast<int>(r.integer("numRetries", 3, 0, 100, ""));
    p.no_delay = static_cast<int>(r.integer("numNoDelayRetries", 0, 0, n, ""));
    p.min_delay_n = static_cast<int>(r.integer("numMinDelayRetries", 0, 0, n, ""));
    p.max_delay_n = static_cast<int>(r.integer("numMaxDelayRetries", 0, 0, n, ""));
    p.min_delay = sec(r.integer("minDelayTarget", 20, 1, 3600, "s"));
    p.max_delay = sec(r.integer("maxDelayTarget", 20, p.min_delay.us / 1000000, 3600, "s"));
    const std::string f = r.choice("backoffFunction", "linear", {"linear", "arithmetic", "geometric", "exponential"});
    p.function = f == "arithmetic"    ? Backoff::Arithmetic
                 : f == "geometric"   ? Backoff::Geometric
                 : f == "exponential" ? Backoff::Exponential
                                      : Backoff::Linear;
    p.backoff_n = n - p.no_delay - p.min_delay_n - p.max_delay_n;
    if (p.backoff_n < 0) {
        r.error("numRetries", "numRetries (" + std::to_string(n) +
                                  ") must be at least numNoDelayRetries + numMinDelayRetries + numMaxDelayRetries");
        p.backoff_n = 0;
    }
    r.finish();
}

}  // namespace sim::svc
