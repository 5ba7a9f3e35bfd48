// scheduler_cfn.cpp — what CloudFormation requires of the resources scheduler.cpp's contract names,
// that a design may leave out: a schedule's FlexibleTimeWindow, its Target's ARN (node ids become
// the targets' ARNs) and RoleArn (an execution role Scheduler assumes), and one
// AWS::Scheduler::Schedule per entry of a node's Schedules. Export-only: part of
// slsim_cfn_completion, not of the page (scheduler.h declares the hook weak).
#include "services/scheduler/scheduler.h"

#include "core/contract.h"
#include "core/message.h"

#include <string>

namespace sim::svc {
namespace {

using OJson = CfnDraft::OJson;

// The execution role Scheduler assumes to invoke targets (AWS requires Target.RoleArn).
OJson role_arn(CfnDraft& d, std::string& role) {
    if (role.empty())
        role = d.add_resource(
            "Role", "AWS::IAM::Role",
            OJson{{"AssumeRolePolicyDocument",
                   {{"Version", "2012-10-17"},
                    {"Statement", OJson::array({{{"Effect", "Allow"},
                                                 {"Principal", {{"Service", "scheduler.amazonaws.com"}}},
                                                 {"Action", "sts:AssumeRole"}}})}}},
                  {"Policies",
                   OJson::array({{{"PolicyName", "invoke-targets"},
                                  {"PolicyDocument",
                                   {{"Version", "2012-10-17"},
                                    {"Statement",
                                     OJson::array({{{"Effect", "Allow"},
                                                    {"Action", OJson::array({"lambda:InvokeFunction", "sqs:SendMessage",
                                                                             "sns:Publish", "states:StartExecution",
                                                                             "events:PutEvents", "kinesis:PutRecord",
                                                                             "firehose:PutRecord"})},
                                                    {"Resource", "*"}}})}}}}})}});
    return CfnDraft::get_att(role, "Arn");
}

// A schedule's Target with node ids replaced by ARNs and a RoleArn.
OJson target_for(CfnDraft& d, const Json& target, std::string& role) {
    OJson t = CfnDraft::ordered(target.is_object() ? target : Json::object());
    if (t.contains("Arn") && t["Arn"].is_string()) {
        OJson arn = d.arn_of(t["Arn"].get<std::string>());
        if (!arn.is_null()) t["Arn"] = arn;
    }
    if (t.contains("DeadLetterConfig") && t["DeadLetterConfig"].is_object() && t["DeadLetterConfig"].contains("Arn") &&
        t["DeadLetterConfig"]["Arn"].is_string()) {
        OJson arn = d.arn_of(t["DeadLetterConfig"]["Arn"].get<std::string>());
        if (!arn.is_null()) t["DeadLetterConfig"]["Arn"] = arn;
    }
    if (t.contains("Input") && !t["Input"].is_string()) t["Input"] = t["Input"].dump();
    if (!t.contains("RoleArn")) t["RoleArn"] = role_arn(d, role);
    return t;
}

}  // namespace

void scheduler_cfn_complete(CfnDraft& d) {
    const Json& c = d.config();
    std::string role;
    const bool group_node = c.value("Resource", "") == "ScheduleGroup";
    if (!group_node && c.contains("ScheduleExpression")) {
        d.generate("FlexibleTimeWindow", OJson{{"Mode", "OFF"}});
        if (c.contains("Target")) d.rewrite("Target", target_for(d, c["Target"], role));
    }
    const Json schedules = c.value("Schedules", Json::array());
    if (!schedules.is_array()) return;
    for (std::size_t i = 0; i < schedules.size(); ++i) {
        const Json& s = schedules[i];
        if (!s.is_object()) continue;
        OJson props = CfnDraft::ordered(s);
        if (!props.contains("FlexibleTimeWindow")) props["FlexibleTimeWindow"] = OJson{{"Mode", "OFF"}};
        if (group_node)
            props["GroupName"] = CfnDraft::ref(d.logical_id());
        else if (c.contains("GroupName"))
            props["GroupName"] = CfnDraft::ordered(c["GroupName"]);
        props["Target"] = target_for(d, s.value("Target", Json::object()), role);
        d.add_resource("Schedule" + std::to_string(i + 1), "AWS::Scheduler::Schedule", std::move(props));
    }
}

}  // namespace sim::svc
