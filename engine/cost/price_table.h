// price_table.h — the list prices the cost model charges, in one versioned, dated place.
// Source: ../shared/AWS-FACTS.md (us-east-1, USD, on-demand list prices, no Savings Plans; its
// pages date from about Sept 2026). Tiered prices use the first tier (the volumes a simulated run
// reaches). A service charges by naming a constant here, never by writing a literal, so a price
// change is one edit and `price_table::kVersion` tells which prices a report used.
#pragma once

namespace sim::price_table {

inline constexpr const char* kVersion = "2026-09";   // bump with any price change below
inline constexpr const char* kRegion = "us-east-1";
inline constexpr const char* kSource = "AWS-FACTS.md (aws.amazon.com pricing pages as cited there)";

// ---- Lambda (x86_64 / arm64; INIT billed since 1 Aug 2025; 1 ms granularity) ----
inline constexpr double kLambdaRequest = 0.20 / 1e6;               // per request
inline constexpr double kLambdaGbSecondX86 = 0.0000166667;         // duration, first tier
inline constexpr double kLambdaGbSecondArm = 0.0000133334;
inline constexpr double kLambdaPcAllocX86 = 0.0000041667;          // provisioned concurrency, per GB-s allocated
inline constexpr double kLambdaPcAllocArm = 0.0000033334;
inline constexpr double kLambdaPcDurationX86 = 0.0000097222;       // duration on provisioned environments
inline constexpr double kLambdaPcDurationArm = 0.0000077778;
inline constexpr double kLambdaFreeRequests = 1e6;                 // always-free, per month
inline constexpr double kLambdaFreeGbSeconds = 400000;             // always-free, per month

// ---- API Gateway ----
inline constexpr double kApiRestRequest = 3.50 / 1e6;              // first 333M per month
inline constexpr double kApiHttpRequest = 1.00 / 1e6;              // per 512 KB unit, first 300M
inline constexpr double kApiHttpUnitBytes = 524288;                // HTTP APIs meter in 512 KB units
// REST stage cache, per hour, by size in GB (0.5 .. 237).
struct CacheSizePrice {
    double gb, usd_per_hour;
};
inline constexpr CacheSizePrice kApiCache[] = {{0.5, 0.020}, {1.6, 0.038}, {6.1, 0.200}, {13.5, 0.250},
                                               {28.4, 0.500}, {58.2, 1.000}, {118, 1.900}, {237, 3.800}};

// ---- SQS (every 64 KB chunk of a payload is one request) ----
inline constexpr double kSqsStandardRequest = 0.40 / 1e6;
inline constexpr double kSqsFifoRequest = 0.50 / 1e6;
inline constexpr double kSqsChunkBytes = 65536;
inline constexpr double kSqsFreeRequests = 1e6;                    // always-free, per month

// ---- SNS (standard topics; every 64 KB chunk of a publish is one request) ----
inline constexpr double kSnsPublish = 0.50 / 1e6;
inline constexpr double kSnsFreePublishes = 1e6;                   // always-free, per month

// ---- Step Functions ----
inline constexpr double kSfnStandardTransition = 0.025 / 1000;
inline constexpr double kSfnFreeTransitions = 4000;                // always-free, per month

// ---- DynamoDB (on-demand prices cut 50% on 1 Nov 2024) ----
inline constexpr double kDdbWriteRequestUnit = 0.625 / 1e6;        // on-demand WRU
inline constexpr double kDdbReadRequestUnit = 0.125 / 1e6;         // on-demand RRU
inline constexpr double kDdbWcuHour = 0.00065;                     // provisioned
inline constexpr double kDdbRcuHour = 0.00013;
inline constexpr double kDdbStorageGbMonth = 0.25;                 // beyond the free 25 GB
inline constexpr double kDdbFreeStorageGb = 25;
inline constexpr double kHoursPerMonth = 730;

}  // namespace sim::price_table
