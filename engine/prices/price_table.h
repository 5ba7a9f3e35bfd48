// price_table.h — the list prices the cost model charges, in one versioned, dated place.
// Source: ../shared/AWS-FACTS.md (us-east-1, USD, on-demand list prices, no Savings Plans; its
// pages date from about Sept 2026). Tiered prices use the first tier (the volumes a simulated run
// reaches). A service charges by naming a constant here, never by writing a literal, so a price
// change is one edit and `price_table::kVersion` tells which prices a report used.
#pragma once

#include <string_view>

namespace sim::price_table {

inline constexpr const char* kVersion = "2026-09";  // bump with any price change below
inline constexpr const char* kRegion = "us-east-1";
inline constexpr const char* kSource = "AWS-FACTS.md (aws.amazon.com pricing pages as cited there)";

// ---- Lambda (x86_64 / arm64; INIT billed since 1 Aug 2025; 1 ms granularity) ----
inline constexpr double kLambdaRequest = 0.20 / 1e6;        // per request
inline constexpr double kLambdaGbSecondX86 = 0.0000166667;  // duration, first tier
inline constexpr double kLambdaGbSecondArm = 0.0000133334;
inline constexpr double kLambdaPcAllocX86 = 0.0000041667;  // provisioned concurrency, per GB-s allocated
inline constexpr double kLambdaPcAllocArm = 0.0000033334;
inline constexpr double kLambdaPcDurationX86 = 0.0000097222;  // duration on provisioned environments
inline constexpr double kLambdaPcDurationArm = 0.0000077778;
inline constexpr double kLambdaFreeRequests = 1e6;      // always-free, per month
inline constexpr double kLambdaFreeGbSeconds = 400000;  // always-free, per month

// ---- API Gateway ----
inline constexpr double kApiRestRequest = 3.50 / 1e6;  // first 333M per month
inline constexpr double kApiHttpRequest = 1.00 / 1e6;  // per 512 KB unit, first 300M
inline constexpr double kApiHttpUnitBytes = 524288;    // HTTP APIs meter in 512 KB units
// REST stage cache, per hour, by size in GB (0.5 .. 237).
struct CacheSizePrice {
    double gb, usd_per_hour;
};
inline constexpr CacheSizePrice kApiCache[] = {{0.5, 0.020},  {1.6, 0.038},  {6.1, 0.200}, {13.5, 0.250},
                                               {28.4, 0.500}, {58.2, 1.000}, {118, 1.900}, {237, 3.800}};

// ---- SQS (every 64 KB chunk of a payload is one request) ----
inline constexpr double kSqsStandardRequest = 0.40 / 1e6;
inline constexpr double kSqsFifoRequest = 0.50 / 1e6;
inline constexpr double kSqsChunkBytes = 65536;
inline constexpr double kSqsFreeRequests = 1e6;  // always-free, per month

// ---- SNS (standard topics; every 64 KB chunk of a publish is one request) ----
inline constexpr double kSnsPublish = 0.50 / 1e6;
inline constexpr double kSnsFreePublishes = 1e6;         // always-free, per month
inline constexpr double kSnsChunkBytes = 65536;          // a publish is billed per 64 KB chunk
inline constexpr double kSnsFifoPublish = 0.30 / 1e6;    // FIFO topics: per publish
inline constexpr double kSnsFifoPayloadGb = 0.017;       // FIFO topics: per GB of payload published
inline constexpr double kSnsHttpDelivery = 0.60 / 1e6;   // per HTTP/S notification delivered
inline constexpr double kSnsEmailDelivery = 2.00 / 1e5;  // per email notification delivered

// ---- Step Functions ----
inline constexpr double kSfnStandardTransition = 0.025 / 1000;
inline constexpr double kSfnFreeTransitions = 4000;        // always-free, per month
inline constexpr double kSfnExpressRequest = 1.00 / 1e6;   // Express: per execution started
inline constexpr double kSfnExpressGbSecond = 0.00001667;  // Express: per GB-s (100 ms, 64 MB steps)

// ---- DynamoDB (on-demand prices cut 50% on 1 Nov 2024) ----
inline constexpr double kDdbWriteRequestUnit = 0.625 / 1e6;  // on-demand WRU
inline constexpr double kDdbReadRequestUnit = 0.125 / 1e6;   // on-demand RRU
inline constexpr double kDdbWcuHour = 0.00065;               // provisioned
inline constexpr double kDdbRcuHour = 0.00013;
inline constexpr double kDdbStorageGbMonth = 0.25;  // beyond the free 25 GB
inline constexpr double kDdbFreeStorageGb = 25;
inline constexpr double kHoursPerMonth = 730;

// ---- EventBridge (custom / partner events; AWS-sourced and scheduled events are free) ----
inline constexpr double kEventBridgeEvent = 1.00 / 1e6;  // per event, per 64 KB chunk
inline constexpr double kEventBridgeChunkBytes = 65536;

// ---- EventBridge Scheduler (aws.amazon.com/eventbridge/pricing; the price list's tiers) ----
inline constexpr double kSchedulerInvocation = 1.00 / 1e6;  // per invocation beyond the free ones
inline constexpr double kSchedulerFreeInvocations = 14e6;   // per account and month, always

// ---- S3 (Standard) ----
inline constexpr double kS3WriteRequest = 0.005 / 1000;  // per PUT / COPY / POST / LIST request
inline constexpr double kS3ReadRequest = 0.0004 / 1000;  // per GET request
inline constexpr double kS3StorageGbMonth = 0.023;       // per GB-month, first 50 TB

// ---- Kinesis Data Streams ----
inline constexpr double kKinesisShardHour = 0.015;             // provisioned: per shard-hour
inline constexpr double kKinesisPutPayloadUnit = 0.014 / 1e6;  // provisioned: per 25 KB PUT payload unit
inline constexpr double kKinesisPayloadUnitBytes = 25600;
inline constexpr double kKinesisOnDemandStreamHour = 0.04;  // on-demand: per stream-hour
inline constexpr double kKinesisOnDemandIngestGb = 0.08;    // on-demand: per GB in (1 KB minimum per record)

// ---- Data Firehose (Direct PUT / Kinesis source) ----
inline constexpr double kFirehoseIngestGb = 0.029;  // per GB ingested, records rounded up to 5 KB

// ---- Redshift Serverless (Firehose's Redshift destination) ----
inline constexpr double kRedshiftRpuHour = 0.375;  // per RPU-hour, 60 s minimum per statement

// ---- Aurora Serverless v2 ----
inline constexpr double kAuroraAcuHour = 0.12;  // per ACU-hour

// ---- Cognito user pools (per monthly active user, Nov 2024 tiers) ----
inline constexpr double kCognitoLiteMau = 0.0055;       // per MAU beyond the free MAUs
inline constexpr double kCognitoEssentialsMau = 0.015;  // per MAU beyond the free MAUs (default tier)
inline constexpr double kCognitoPlusMau = 0.02;         // per MAU, no free MAUs
inline constexpr double kCognitoFreeMau = 10000;        // Lite and Essentials, per month

// ---- AppSync (GraphQL) ----
// The per-1M prices are applied as `count * price / 1e6` (in that order).
inline constexpr double kAppSyncOperation = 4.00 / 1e6;         // per query / mutation operation
inline constexpr double kAppSyncRealtimeMessagesPer1M = 2.00;   // per 1M real-time (subscription) messages
inline constexpr double kAppSyncConnectionMinutesPer1M = 0.08;  // per 1M connection-minutes

// ---- CloudFront (US / EU edge locations) ----
inline constexpr double kCloudFrontHttpsRequest = 0.0100 / 10000;    // per HTTPS request
inline constexpr double kCloudFrontTransferGb = 0.085;               // per GB out to the internet, first 10 TB
inline constexpr double kCloudFrontFunctionInvocation = 0.10 / 1e6;  // CloudFront Functions: per invocation

// ---- Lambda@Edge (metered per 1 ms) ----
inline constexpr double kLambdaEdgeRequest = 0.60 / 1e6;   // per request
inline constexpr double kLambdaEdgeGbSecond = 0.00005001;  // per GB-s

// ---- EC2 (on-demand Linux, per second with a 60 s minimum; the xlarge/medium rows follow AWS's
// linear size pricing and are unverified) ----
struct Ec2InstanceType {
    const char* name;
    double vcpus;
    double memory_gib;
    double hourly_usd;  // per instance-hour
};
inline constexpr Ec2InstanceType kEc2InstanceTypes[] = {
    {"t3.micro", 2, 1, 0.0104},    {"t3.small", 2, 2, 0.0208}, {"t3.medium", 2, 4, 0.0416},
    {"t4g.micro", 2, 1, 0.0084},   {"m5.large", 2, 8, 0.096},  {"m5.xlarge", 4, 16, 0.192},
    {"c5.large", 2, 4, 0.085},     {"c5.xlarge", 4, 8, 0.17},  {"m7g.large", 2, 8, 0.0816},
    {"m7g.xlarge", 4, 16, 0.1632},
};
// The hourly price of an instance type in kEc2InstanceTypes (0 when unknown).
constexpr double ec2_hourly(std::string_view type) {
    for (const Ec2InstanceType& t : kEc2InstanceTypes)
        if (type == t.name) return t.hourly_usd;
    return 0;
}
static_assert(ec2_hourly("m5.large") > 0, "m5.large is the default instance type");
inline constexpr double kPublicIpv4Hour = 0.005;  // per public IPv4 address-hour (since Feb 2024)

// ---- Fargate (Linux; per second with a 1-minute minimum) ----
inline constexpr double kFargateVcpuHourX86 = 0.04048;  // per vCPU-hour
inline constexpr double kFargateGbHourX86 = 0.004445;   // per GB-hour of memory
inline constexpr double kFargateVcpuHourArm = 0.03238;
inline constexpr double kFargateGbHourArm = 0.00356;

// ---- Elastic Load Balancing ----
inline constexpr double kAlbHour = 0.0225;  // Application Load Balancer, per hour (no LCUs)

}  // namespace sim::price_table
