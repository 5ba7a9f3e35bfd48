// sam_import_scheduler.cpp — EventBridge Scheduler in templates: AWS::Scheduler::Schedule and
// AWS::Scheduler::ScheduleGroup resources, and SAM functions' ScheduleV2 events, become
// "scheduler" nodes (engine/services/scheduler/) wired to their targets and dead-letter queues.
// A schedule in a group the template declares joins that group's node (its "Schedules"); a
// schedule of the default group is a node of its own, under its logical id. The generic import
// (sam_import_foreign.cpp) has already made nodes of both resource types (the contract maps them);
// import_scheduler_resource replaces a schedule's node with the placed and wired one.
// AWS: AWS::Scheduler::Schedule (CloudFormation), sam-property-function-schedulev2 (SAM).
#include "export/sam_import_state.h"
#include "export/sam_mapping.h"

#include <algorithm>

namespace sim::sami {
namespace {

constexpr const char* kType = "scheduler";

std::string pointer(const std::string& logical) {
    std::string out = "/Resources/";
    for (char c : logical) out += c == '/' ? std::string("~1") : c == '~' ? std::string("~0") : std::string(1, c);
    return out;
}

Json* add_scheduler_node(ImportState& s, const std::string& logical, Json config) {
    const std::string id = s.unique_id(node_id_for(logical));
    s.nodes.push_back({{"id", id}, {"type", kType}, {"config", std::move(config)}});
    if (logical_id_for(id) != logical) s.nodes.back()[kCfnLogicalIdKey] = logical;
    s.node_of[logical] = id;
    s.consumed.insert(logical);
    return &s.nodes.back();
}

// The node of the ScheduleGroup resource `logical` (created on first use); "" when it is not one.
std::string group_node(ImportState& s, const std::string& logical) {
    if (logical.empty()) return {};
    if (auto it = s.node_of.find(logical); it != s.node_of.end()) {
        const Json* n = s.node(it->second);
        return n && n->value("type", "") == kType ? it->second : std::string();
    }
    const Json& resources = s.tmpl["Resources"];
    if (!resources.contains(logical) || resources[logical].value("Type", "") != "AWS::Scheduler::ScheduleGroup")
        return {};
    const Json props = resources[logical].value("Properties", Json::object());
    Json config = {{"Resource", "ScheduleGroup"}};
    config["Name"] = props.contains("Name") && props["Name"].is_string() ? props["Name"] : Json(logical);
    if (props.contains("Tags")) config["Tags"] = props["Tags"];
    return add_scheduler_node(s, logical, std::move(config))->value("id", "");
}

// Rewrites `target`'s Arn and DeadLetterConfig.Arn to node ids; the nodes it reaches (target, dlq).
std::pair<std::string, std::string> wire_target(ImportState& s, Json& target) {
    std::string to, dlq;
    const Json arn = target.value("Arn", Json());
    if (arn.is_string() && arn.get<std::string>().rfind("arn:aws:scheduler:::aws-sdk:", 0) == 0)
        to = node_named(s, target.value("Input", Json()));  // a universal target: Input names the node
    else {
        to = node_named(s, arn);
        if (!to.empty()) target["Arn"] = to;
    }
    if (target.contains("Input") && !target["Input"].is_string()) target["Input"] = target["Input"].dump();
    if (auto dl = target.find("DeadLetterConfig"); dl != target.end() && dl->is_object()) {
        dlq = node_named(s, dl->value("Arn", Json()));
        if (!dlq.empty()) (*dl)["Arn"] = dlq;
    }
    target.erase("RoleArn");  // the execution role: export writes one
    return {to, dlq};
}

// Puts a schedule (AWS::Scheduler::Schedule's properties, Target already wired) into its group's
// node, or into a node of its own named `logical`; adds its edges.
void place(ImportState& s, const std::string& logical, Json props, const std::string& to, const std::string& dlq) {
    const std::string group = group_node(s, ref_target(props.value("GroupName", Json())));
    std::string from;
    if (!group.empty()) {
        props.erase("GroupName");
        if (!props.contains("Name") || !props["Name"].is_string()) props["Name"] = logical;
        Json& list = (*s.node(group))["config"]["Schedules"];
        if (!list.is_array()) list = Json::array();
        list.push_back(std::move(props));
        s.node_of[logical] = group;
        s.consumed.insert(logical);
        from = group;
    } else {
        if (props.contains("GroupName") && !props["GroupName"].is_string()) props.erase("GroupName");
        if (props.contains("Name") && !props["Name"].is_string()) props.erase("Name");
        from = add_scheduler_node(s, logical, std::move(props))->value("id", "");
    }
    if (!to.empty()) s.add_edge(from, "out", to, Json::object());
    if (!dlq.empty()) s.add_edge(from, "dlq", dlq, Json::object());
}

}  // namespace

bool import_scheduler_resource(ImportState& s, const std::string& logical, const Json& res) {
    const std::string type = res.value("Type", "");
    if (type != "AWS::Scheduler::Schedule") return false;
    // The generic import made a node of the raw properties; this one replaces it, placed and wired.
    if (auto it = s.node_of.find(logical); it != s.node_of.end()) {
        const std::string id = it->second;
        s.nodes.erase(
            std::remove_if(s.nodes.begin(), s.nodes.end(),
                           [&](const Json& n) { return n.value("id", "") == id && n.value("type", "") == kType; }),
            s.nodes.end());
        s.ids.erase(id);
        s.node_of.erase(it);
        s.consumed.erase(logical);
    }
    Json props = res.value("Properties", Json::object());
    if (!props.is_object() || !props.contains("Target") || !props["Target"].is_object()) return false;
    const auto [to, dlq] = wire_target(s, props["Target"]);
    if (to.empty()) {
        s.d.warning(pointer(logical) + "/Properties/Target/Arn",
                    "the schedule's target names no node of this template; the schedule is kept, not simulated");
        return false;
    }
    place(s, logical, std::move(props), to, dlq);
    return true;
}

void import_schedule_v2(ImportState& s, const std::string& fn, const std::string& name, const Json& ev,
                        const std::string& path) {
    Json props = ev.value("Properties", Json::object());
    if (!props.is_object()) props = Json::object();
    Json schedule = Json::object();
    for (const char* k : {"Name", "GroupName", "Description", "ScheduleExpression", "ScheduleExpressionTimezone",
                          "StartDate", "EndDate", "State", "FlexibleTimeWindow", "KmsKeyArn"})
        if (props.contains(k)) schedule[k] = props[k];
    if (!schedule.contains("FlexibleTimeWindow")) schedule["FlexibleTimeWindow"] = {{"Mode", "OFF"}};  // SAM's default
    if (props.value("OmitName", false)) schedule.erase("Name");
    Json target = {{"Arn", fn}};
    for (const char* k : {"Input", "RetryPolicy"})
        if (props.contains(k)) target[k] = props[k];
    std::string dlq;
    if (auto dl = props.find("DeadLetterConfig"); dl != props.end() && dl->is_object()) {
        dlq = node_named(s, dl->value("Arn", Json()));
        if (dlq.empty() && dl->value("Type", "") == "SQS") {  // SAM creates the queue
            const std::string queue = dl->value("QueueLogicalId", fn + name + "Queue");
            dlq = s.unique_id(node_id_for(queue));
            s.nodes.push_back({{"id", dlq}, {"type", "sqs"}, {"config", Json::object()}});
        }
        if (!dlq.empty())
            target["DeadLetterConfig"] = {{"Arn", dlq}};
        else
            s.d.warning(path + "/Properties/DeadLetterConfig", "the dead-letter queue names no node; left out");
    }
    if (target.contains("Input") && !target["Input"].is_string()) target["Input"] = target["Input"].dump();
    schedule["Target"] = std::move(target);
    // SAM names the generated AWS::Scheduler::Schedule <function logical id><event name>.
    place(s, fn + name, std::move(schedule), fn, dlq);
}

}  // namespace sim::sami
