// ec2_group.h — the always-on compute model shared by EC2 Auto Scaling groups and ECS services on
// Fargate: a load balancer in front of a group of units (instances / tasks) spread over AZs, each
// unit an M/M/c-style server (c = vCPU slots) with a bounded backlog, billed per second while it
// exists, scaled by a simple target-tracking policy, and failing with its AZ.
#pragma once

#include "core/distribution.h"
#include "core/registry.h"
#include "prices/price_table.h"
#include "services/lambda/lambda_actions.h"

#include <memory>
#include <string>
#include <vector>

namespace sim::svc {

struct GroupConfig {
    std::string noun = "instance";  // "instance" / "task" (in messages and the report)
    double vcpus = 2;               // per unit; fractional (Fargate 0.25) slows each request down
    double memory_gb = 8;
    double unit_hourly_usd =
        price_table::ec2_hourly("m5.large");  // per unit-hour while it exists (launch → termination)
    SimTime min_billed = sec(60);             // EC2 Linux and Fargate: 60 s minimum per unit
    double extra_hourly_usd = 0;              // per unit: public IPv4 ($0.005/h)
    double lb_hourly_usd = 0;                 // load balancer fixed charge (ALB $0.0225/h); 0 = none
    std::int64_t desired = 1, min_size = 1, max_size = 1;
    std::vector<std::string> azs = {"use1-az1"};
    Distribution request_cpu = Distribution::lognormal(20, 80);         // ms on one full vCPU
    Distribution launch_delay = Distribution::lognormal(45000, 90000);  // ms until a new unit serves
    Distribution lb_latency = Distribution::lognormal(1.5, 6);          // load balancer hop, each way
    std::int64_t max_backlog = 100;                                     // waiting requests per unit before 503
    SimTime request_timeout = sec(60);  // ALB idle timeout: a request waiting longer gets 504
    bool autoscale = false;
    double target_cpu = 50;                                   // percent
    SimTime warmup = sec(300);                                // new units' metrics ignored this long after they serve
    std::int64_t scale_out_points = 3, scale_in_points = 15;  // 1-minute datapoints (alarms)
    SimTime health_interval = sec(30);                        // load balancer health checks (rounded to 10 s ticks)
    std::int64_t unhealthy_threshold = 2;
    double error_rate = 0;              // application errors → 500
    std::vector<LambdaAction> actions;  // the application's downstream calls, in order
};

// The service for a built config. Never throws; every refusal is a reply with a status.
std::unique_ptr<Service> make_instance_group(GroupConfig c);

// Reads the keys both EC2 and Fargate share (sizes, AZs, request model, scaling, health checks).
// `size_keys` are the CloudFormation names of desired/min/max ("DesiredCapacity", "MinSize",
// "MaxSize" for EC2; "DesiredCount", "MinCapacity", "MaxCapacity" for Fargate).
void read_group_config(BuildContext& ctx, GroupConfig& c, const char* desired_key, const char* min_key,
                       const char* max_key, std::vector<std::string> default_azs);

}  // namespace sim::svc
