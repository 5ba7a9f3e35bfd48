// fargate.cpp — the `fargate` node: an ECS service of identical Fargate tasks behind an ALB.
// Modelled:     [x] task sizes: Cpu "256".."16384" with the valid Memory combinations only
//               [x] DesiredCount / MinCapacity / MaxCapacity; target tracking on average CPU
//                   (TargetCpuUtilization) like ECS service auto scaling
//               [x] task start delay when scaling out or replacing (TaskStartMs, default uniform
//                   30–60 s: no AWS figure exists; AWS-FACTS §14)
//               [x] billing per vCPU-hour + GB-hour (x86 or ARM64), per second, 1-minute minimum
//               [x] tasks spread over 3 AZs by default; AZ outages as in ec2_group.cpp
//               [x] fractional vCPU: a 0.25-vCPU task serves one request at a time, 4× slower
// Not modelled: [ ] Fargate Spot interruptions  [ ] ephemeral storage above 20 GB  [ ] image size
// AWS: https://docs.aws.amazon.com/AmazonECS/latest/developerguide/fargate-tasks-services.html#fargate-tasks-size
#include "services/fargate/fargate.h"

#include "pattern/config_reader.h"
#include "prices/price_table.h"
#include "services/ec2/ec2_group.h"

namespace sim::svc {
namespace {

// Valid memory (MB) for each CPU value: [lo, hi] in steps (AWS task-size table).
struct Size {
    std::int64_t cpu, lo, hi, step;
};
const Size kSizes[] = {{256, 512, 2048, 0},  // 512, 1024, 2048
                       {512, 1024, 4096, 1024},   {1024, 2048, 8192, 1024},   {2048, 4096, 16384, 1024},
                       {4096, 8192, 30720, 1024}, {8192, 16384, 61440, 4096}, {16384, 32768, 122880, 8192}};

bool valid_memory(const Size& s, std::int64_t mb) {
    if (s.step == 0) return mb == 512 || mb == 1024 || mb == 2048;
    return mb >= s.lo && mb <= s.hi && (mb - s.lo) % s.step == 0;
}

std::string memory_choices(const Size& s) {
    if (s.step == 0) return "512, 1024 or 2048";
    return std::to_string(s.lo) + ".." + std::to_string(s.hi) + " in steps of " + std::to_string(s.step);
}

// Cpu and Memory are strings in CloudFormation ("256"); numbers are accepted too.
bool read_units(ConfigReader& r, const char* key, std::int64_t dflt, std::int64_t& out) {
    const Json* v = r.raw(key);
    out = dflt;
    if (!v) return true;
    if (v->is_number_integer())
        out = v->get<std::int64_t>();
    else if (v->is_string() && !v->get<std::string>().empty() &&
             v->get<std::string>().find_first_not_of("0123456789") == std::string::npos &&
             v->get<std::string>().size() < 9)
        out = std::stoll(v->get<std::string>());
    else
        return false;
    return true;
}

std::unique_ptr<Service> create_fargate(BuildContext& ctx) {
    ConfigReader& r = ctx.config;
    GroupConfig c;
    c.noun = "task";
    std::int64_t cpu = 256, mem = 512;
    if (!read_units(r, "Cpu", 256, cpu))
        r.error("Cpu", "Cpu must be a number of CPU units such as \"256\" (0.25 vCPU), got " + r.raw("Cpu")->dump());
    if (!read_units(r, "Memory", 512, mem))
        r.error("Memory", "Memory must be a number of MB such as \"512\", got " + r.raw("Memory")->dump());
    const Size* size = nullptr;
    for (const Size& s : kSizes)
        if (s.cpu == cpu) size = &s;
    if (!size) {
        r.error("Cpu", "Cpu must be one of 256, 512, 1024, 2048, 4096, 8192, 16384 (0.25..16 vCPU), got " +
                           std::to_string(cpu));
        size = &kSizes[0];
        mem = 512;
    } else if (!valid_memory(*size, mem)) {
        r.error("Memory",
                "Memory for Cpu " + std::to_string(cpu) + " must be " + memory_choices(*size) + " MB, got " +
                    std::to_string(mem),
                "Fargate accepts fixed CPU/memory combinations only");
    }
    bool arm = false;
    if (const Json* rp = r.raw("RuntimePlatform")) {
        static const Json kEmpty = Json::object();
        if (!rp->is_object())
            r.error("RuntimePlatform",
                    "RuntimePlatform must be an object such as {\"CpuArchitecture\": \"ARM64\"}, got " + rp->dump());
        ConfigReader pr(rp->is_object() ? *rp : kEmpty, r.path_of("RuntimePlatform"), ctx.diagnostics);
        arm = pr.choice("CpuArchitecture", "X86_64", {"X86_64", "ARM64"}) == "ARM64";
        pr.raw("OperatingSystemFamily");
        pr.finish();
    }
    c.vcpus = static_cast<double>(cpu) / 1024.0;
    c.memory_gb = static_cast<double>(mem) / 1024.0;
    c.unit_hourly_usd = fargate_task_hourly_usd(cpu, mem, arm);
    c.launch_delay = r.distribution("TaskStartMs", Distribution::uniform(30000, 60000));
    c.warmup = sec(60);
    read_group_config(ctx, c, "DesiredCount", "MinCapacity", "MaxCapacity", {"use1-az1", "use1-az2", "use1-az4"});
    r.raw("ContainerDefinitions");
    r.raw("Image");
    return make_instance_group(std::move(c));
}

}  // namespace

double fargate_task_hourly_usd(std::int64_t cpu_units, std::int64_t memory_mb, bool arm) {
    // us-east-1 Linux (AWS-FACTS §14, unverified): per vCPU-hour and per GB-hour.
    const double vcpu_h = arm ? price_table::kFargateVcpuHourArm : price_table::kFargateVcpuHourX86;
    const double gb_h = arm ? price_table::kFargateGbHourArm : price_table::kFargateGbHourX86;
    return static_cast<double>(cpu_units) / 1024.0 * vcpu_h + static_cast<double>(memory_mb) / 1024.0 * gb_h;
}

ServiceKind fargate_kind() {
    ServiceKind k;
    k.public_endpoint = true;
    k.type = "fargate";
    k.role = ServiceRole::Server;
    k.label = "Fargate (ECS service)";
    k.group = "compute";
    k.description = "Containers without servers to manage, but always on: billed per vCPU- and GB-hour while tasks run";
    k.ports = {{"out",
                "SDK calls",
                {},
                "wire it to the data or messaging service the containers call",
                PortReach::Operations}};
    k.create = create_fargate;
    k.icon = "fargate";
    k.shape = DiagramShape::Box;
    // https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-ecs-taskdefinition.html
    k.cfn = {{"AWS::ECS::TaskDefinition",
              {"Cpu", "Memory", "ContainerDefinitions", "RuntimePlatform", "Family", "RequiresCompatibilities",
               "NetworkMode"}}};
    k.sample = {{"id", "event-1"}};
    k.cfn[0].complete = fargate_cfn_complete;  // null in the page, which never exports (fargate_cfn.cpp)
    return k;
}

}  // namespace sim::svc
