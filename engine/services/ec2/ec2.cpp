// ec2.cpp — the `ec2` node: an Auto Scaling group of one instance type behind an ALB.
// Modelled:     [x] InstanceType → vCPUs (request slots), memory and on-demand price (AWS-FACTS §16)
//               [x] DesiredCapacity / MinSize / MaxSize, AvailabilityZones (default one AZ: the
//                   single-AZ risk is the lesson), LaunchDelayMs (boot + app start, assumed
//                   p50 45 s / p99 90 s), per-second billing with a 60 s minimum, ALB $0.0225/h
//               [x] the queueing, scaling, health-check and AZ-outage model of ec2_group.cpp
// Not modelled: [ ] Spot, Savings Plans, Reserved Instances  [ ] EBS volumes  [ ] burst credits
// AWS: https://aws.amazon.com/ec2/pricing/on-demand/ (per-second billing, 60 s minimum for Linux)
#include "services/ec2/ec2.h"

#include "pattern/config_reader.h"
#include "services/ec2/ec2_group.h"

namespace sim::svc {
namespace {

std::unique_ptr<Service> create_ec2(BuildContext& ctx) {
    ConfigReader& r = ctx.config;
    GroupConfig c;
    c.noun = "instance";
    const std::string type = r.text("InstanceType", "m5.large");
    const InstanceType* it = find_instance_type(type);
    if (!it) {
        r.error("InstanceType", "InstanceType '" + type + "' is not in the simulator's price table",
                "use one of " + instance_type_names());
        it = find_instance_type("m5.large");
    }
    c.vcpus = it->vcpus;
    c.memory_gb = it->memory_gib;
    c.unit_hourly_usd = it->hourly_usd;
    c.launch_delay = r.distribution("LaunchDelayMs", Distribution::lognormal(45000, 90000));
    read_group_config(ctx, c, "DesiredCapacity", "MinSize", "MaxSize", {"use1-az1"});
    r.raw("LaunchTemplate");
    r.raw("ImageId");
    return make_instance_group(std::move(c));
}

}  // namespace

const InstanceType* find_instance_type(const std::string& name) {
    for (const InstanceType& t : price_table::kEc2InstanceTypes)
        if (name == t.name) return &t;
    return nullptr;
}

std::string instance_type_names() {
    std::string out;
    for (const InstanceType& t : price_table::kEc2InstanceTypes) out += (out.empty() ? "" : ", ") + std::string(t.name);
    return out;
}

ServiceKind ec2_kind() {
    ServiceKind k;
    k.public_endpoint = true;
    k.type = "ec2";
    k.role = ServiceRole::Server;
    k.label = "EC2 Auto Scaling group";
    k.group = "compute";
    k.description = "Always-on instances behind a load balancer: billed per second, idle or not; overload queues";
    k.ports = {{"out",
                "SDK calls",
                {},
                "wire it to the data or messaging service the application calls",
                PortReach::Operations}};
    k.create = create_ec2;
    k.icon = "ec2";
    k.shape = DiagramShape::Box;
    // https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-autoscaling-autoscalinggroup.html
    k.cfn = {{"AWS::AutoScaling::AutoScalingGroup",
              {"AvailabilityZones", "DesiredCapacity", "HealthCheckGracePeriod", "MaxSize", "MinSize",
               "DefaultInstanceWarmup", "LaunchTemplate", "Tags"}}};
    k.sample = {{"id", "event-1"}};
    // The group launches from a launch template: the instance type and the latest Amazon Linux.
    k.cfn[0].complete = ec2_cfn_complete;  // null in the page, which never exports (ec2_cfn.cpp)
    return k;
}

}  // namespace sim::svc
