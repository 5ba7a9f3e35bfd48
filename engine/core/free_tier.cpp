// free_tier.cpp — monthly allowances (../shared/AWS-FACTS.md: Lambda, SQS, SNS, Step Functions).
#include "core/free_tier.h"

#include "core/civil_time.h"
#include "prices/price_table.h"

#include <algorithm>

namespace sim {

double FreeTier::allowance(FreeMeter m) {
    switch (m) {
        case FreeMeter::LambdaRequests:
            return price_table::kLambdaFreeRequests;
        case FreeMeter::LambdaGbSeconds:
            return price_table::kLambdaFreeGbSeconds;
        case FreeMeter::SqsRequests:
            return price_table::kSqsFreeRequests;
        case FreeMeter::SnsPublishes:
            return price_table::kSnsFreePublishes;
        case FreeMeter::StepFunctionsTransitions:
            return price_table::kSfnFreeTransitions;
        case FreeMeter::Count:
            break;
    }
    return 0;
}

const char* FreeTier::name(FreeMeter m) {
    switch (m) {
        case FreeMeter::LambdaRequests:
            return "lambda_requests";
        case FreeMeter::LambdaGbSeconds:
            return "lambda_gb_seconds";
        case FreeMeter::SqsRequests:
            return "sqs_requests";
        case FreeMeter::SnsPublishes:
            return "sns_publishes";
        case FreeMeter::StepFunctionsTransitions:
            return "stepfunctions_transitions";
        case FreeMeter::Count:
            break;
    }
    return "?";
}

double FreeTier::billable(FreeMeter m, double units, std::int64_t unix_s) {
    if (!enabled_ || units <= 0) return units;
    const CivilTime t = civil_from_unix(unix_s);
    const std::int64_t month = static_cast<std::int64_t>(t.year) * 12 + t.month;
    if (month != month_) {  // a new calendar month: every allowance starts again
        month_ = month;
        used_.fill(0);
    }
    const std::size_t i = static_cast<std::size_t>(m);
    const double free = std::min(units, std::max(0.0, allowance(m) - used_[i]));
    used_[i] += free;
    free_total_[i] += free;
    return units - free;
}

Json FreeTier::report() const {
    Json meters = Json::object();
    for (std::size_t i = 0; i < kMeters; ++i) {
        const auto m = static_cast<FreeMeter>(i);
        meters[name(m)] = {{"allowance_per_month", allowance(m)}, {"free_units", free_total_[i]}};
    }
    return {{"enabled", enabled_}, {"meters", meters}};
}

}  // namespace sim
