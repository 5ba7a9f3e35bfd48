// template_check.h — an independent structural check of CloudFormation templates for the export
// tests: every resource has a Type, known types have their required properties, and every Ref,
// Fn::GetAtt and DependsOn names a resource of the template (or a pseudo parameter).
#pragma once

#include <nlohmann/json.hpp>

#include <cctype>
#include <functional>
#include <map>
#include <set>
#include <string>
#include <vector>

namespace sim::test {

// Required properties from the CloudFormation / SAM references ("A|B": one of them).
inline const std::map<std::string, std::vector<std::string>>& required_properties() {
    static const std::map<std::string, std::vector<std::string>> m = {
        {"AWS::Serverless::Function", {"Runtime", "Handler", "CodeUri|InlineCode|ImageUri"}},
        {"AWS::Serverless::Api", {"StageName"}},
        {"AWS::Serverless::HttpApi", {}},
        {"AWS::Serverless::StateMachine", {"Definition|DefinitionUri"}},
        {"AWS::SQS::Queue", {}},
        {"AWS::SNS::Topic", {}},
        {"AWS::DynamoDB::Table", {"KeySchema", "AttributeDefinitions"}},
        {"AWS::S3::Bucket", {}},
        {"AWS::Kinesis::Stream", {"ShardCount|StreamModeDetails"}},
        {"AWS::KinesisFirehose::DeliveryStream", {}},
        {"AWS::Events::Rule", {"EventPattern|ScheduleExpression"}},
        {"AWS::Events::EventBus", {"Name"}},
        {"AWS::Lambda::Permission", {"Action", "FunctionName", "Principal"}},
        {"AWS::SNS::Subscription", {"Protocol", "TopicArn"}},
        {"AWS::SQS::QueuePolicy", {"PolicyDocument", "Queues"}},
        {"AWS::SNS::TopicPolicy", {"PolicyDocument", "Topics"}},
        {"AWS::IAM::Role", {"AssumeRolePolicyDocument"}},
        {"AWS::Cognito::UserPool", {}},
        {"AWS::AppSync::GraphQLApi", {"Name", "AuthenticationType"}},
        {"AWS::RDS::DBCluster", {"Engine"}},
        {"AWS::RDS::DBInstance", {"DBInstanceClass"}},
        {"AWS::CloudFront::Distribution", {"DistributionConfig"}},
        {"AWS::CloudFront::Function", {"Name", "FunctionCode", "FunctionConfig"}},
        {"AWS::AutoScaling::AutoScalingGroup", {"MinSize", "MaxSize"}},
        {"AWS::EC2::LaunchTemplate", {"LaunchTemplateData"}},
        {"AWS::ECS::TaskDefinition", {}},
        {"AWS::RedshiftServerless::Workgroup", {"WorkgroupName"}},
        {"AWS::RedshiftServerless::Namespace", {"NamespaceName"}},
    };
    return m;
}

// Problems found, one line each; empty when the template is structurally valid. With
// `known_types_only`, a resource type missing from required_properties() is a problem too.
inline std::vector<std::string> check_template(const nlohmann::ordered_json& t, bool known_types_only = true) {
    std::vector<std::string> problems;
    if (!t.contains("Resources") || !t["Resources"].is_object() || t["Resources"].empty()) return {"no Resources"};
    const auto& rs = t["Resources"];
    auto exists = [&](const std::string& id) {
        if (id.rfind("AWS::", 0) == 0) return true;  // pseudo parameters
        if (rs.contains(id)) return true;
        // SAM: MyFunction.Version / MyFunction.Alias with AutoPublishAlias.
        const auto dot = id.find('.');
        return dot != std::string::npos && rs.contains(id.substr(0, dot)) &&
               rs[id.substr(0, dot)]["Type"] == "AWS::Serverless::Function";
    };
    std::function<void(const nlohmann::ordered_json&, const std::string&)> walk = [&](const nlohmann::ordered_json& v,
                                                                                      const std::string& where) {
        if (v.is_object()) {
            if (v.size() == 1 && v.contains("Ref") && (!v["Ref"].is_string() || !exists(v["Ref"])))
                problems.push_back(where + ": Ref to missing " + v["Ref"].dump());
            if (v.size() == 1 && v.contains("Fn::GetAtt")) {
                const auto& g = v["Fn::GetAtt"];
                if (!g.is_array() || g.size() != 2 || !g[0].is_string() || !rs.contains(g[0].get<std::string>()))
                    problems.push_back(where + ": GetAtt to missing " + g.dump());
            }
            for (auto it = v.begin(); it != v.end(); ++it) walk(it.value(), where + "/" + it.key());
        } else if (v.is_array()) {
            for (std::size_t i = 0; i < v.size(); ++i) walk(v[i], where + "/" + std::to_string(i));
        }
    };
    for (auto it = rs.begin(); it != rs.end(); ++it) {
        const std::string where = "/Resources/" + it.key();
        const auto& r = it.value();
        for (char c : it.key())
            if (!std::isalnum(static_cast<unsigned char>(c)))
                problems.push_back(where + ": logical id not alphanumeric");
        if (!r.contains("Type") || !r["Type"].is_string()) {
            problems.push_back(where + ": no Type");
            continue;
        }
        const std::string type = r["Type"];
        auto req = required_properties().find(type);
        if (req == required_properties().end()) {
            if (known_types_only) problems.push_back(where + ": type " + type + " not known to the checker");
        } else {
            for (const std::string& alternatives : req->second) {
                bool found = false;
                std::size_t start = 0;
                while (start <= alternatives.size()) {
                    const auto bar = alternatives.find('|', start);
                    const std::string key = alternatives.substr(start, bar - start);
                    if (r.contains("Properties") && r["Properties"].contains(key)) found = true;
                    if (bar == std::string::npos) break;
                    start = bar + 1;
                }
                if (!found) problems.push_back(where + ": " + type + " needs " + alternatives);
            }
        }
        if (r.contains("DependsOn"))
            for (const auto& dep :
                 r["DependsOn"].is_array() ? r["DependsOn"] : nlohmann::ordered_json::array({r["DependsOn"]}))
                if (!dep.is_string() || !rs.contains(dep.get<std::string>()))
                    problems.push_back(where + ": DependsOn missing " + dep.dump());
        walk(r, where);
    }
    return problems;
}

}  // namespace sim::test
