// sam_export.cpp — pattern → SAM template: resources and their properties, "cloudformation"
// nodes verbatim, template Metadata, sections kept from an earlier import. Wiring is in sam_edges.cpp.
#include "export/sam_builder.h"
#include "export/yaml_emit.h"

#include <algorithm>
#include <cctype>

namespace sim {
namespace samx {

OJson to_ordered(const Json& j) {
    return OJson::parse(j.dump(-1, ' ', false, Json::error_handler_t::replace));
}
OJson cfn_ref(const std::string& logical) {
    return OJson{{"Ref", logical}};
}
OJson get_att(const std::string& logical, const std::string& attribute) {
    return OJson{{"Fn::GetAtt", OJson::array({logical, attribute})}};
}

std::string Builder::fresh(const std::string& base) {
    std::string id = base;
    for (int n = 2; taken.count(id); ++n) id = base + std::to_string(n);
    taken.insert(id);
    return id;
}

std::string Builder::derived_id(const std::string& kind, const std::string& node_id, const std::string& base,
                                bool& created) {
    const std::string key = kind + ":" + node_id;
    auto it = derived_ids.find(key);
    created = it == derived_ids.end();
    if (!created) return it->second;
    return derived_ids[key] = fresh(base);
}

OJson& Builder::props(const std::string& id) {
    return resources[logical.at(id)]["Properties"];
}

OJson& Builder::generate(const std::string& id, const std::string& key, OJson value) {
    OJson& pr = props(id);
    if (!pr.contains(key)) {
        pr[key] = std::move(value);
        generated[id].push_back(key);
    }
    return pr[key];
}

OJson Builder::arn(const std::string& id) const {
    const NodeSpec* n = node(id);
    auto it = logical.find(id);
    if (!n || it == logical.end()) return OJson(id);
    const std::string& l = it->second;
    if (n->type == "sns" || n->type == "stepfunctions") return cfn_ref(l);  // Ref returns the ARN
    return get_att(l, "Arn");
}

void Builder::add_derived(const std::string& logical_id, const char* type, OJson properties, const std::string& by) {
    OJson r;
    r["Type"] = type;
    r["Properties"] = std::move(properties);
    r["Metadata"][kSamMetadataKey]["generatedBy"] = by;
    resources[logical_id] = std::move(r);
}

void Builder::note(std::size_t edge, const std::string& text) {
    const EdgeSpec& e = p.edges[edge];
    notes.push_back("edge " + std::to_string(edge) + " (" + e.from + (e.port == "out" ? "" : "." + e.port) + " → " +
                    e.to + "): " + text);
}

namespace {

bool is_python(const Json& config) {
    auto it = config.find("Runtime");
    return it != config.end() && it->is_string() && it->get<std::string>().rfind("python", 0) == 0;
}

// Properties a resource type needs that the pattern may not give (marked generated).
void add_required(Builder& b, const NodeSpec& n, const SamTypeMap& map) {
    const std::string& id = n.id;
    if (map.cfn_type == "AWS::Serverless::Function") {
        b.generate(id, "Runtime", "nodejs20.x");
        b.generate(id, "Handler", is_python(n.config) ? "app.handler" : "index.handler");
        if (!n.config.contains("InlineCode") && !n.config.contains("ImageUri"))
            b.generate(id, "CodeUri", "src/" + id + "/");
        if (n.type == "lambda_edge") b.generate(id, "AutoPublishAlias", "live");
    } else if (map.cfn_type == "AWS::Serverless::Api") {
        b.generate(id, "StageName", "prod");
    } else if (map.cfn_type == "AWS::DynamoDB::Table") {
        OJson keys = n.config.contains("KeySchema") ? to_ordered(n.config["KeySchema"])
                                                    : OJson::array({{{"AttributeName", "id"}, {"KeyType", "HASH"}}});
        b.generate(id, "KeySchema", keys);
        OJson defs = OJson::array();
        if (keys.is_array())
            for (const auto& k : keys)
                if (k.is_object() && k.contains("AttributeName"))
                    defs.push_back({{"AttributeName", k["AttributeName"]}, {"AttributeType", "S"}});
        b.generate(id, "AttributeDefinitions", defs);
        if (!n.config.contains("ProvisionedThroughput")) b.generate(id, "BillingMode", "PAY_PER_REQUEST");
    } else if (map.cfn_type == "AWS::Kinesis::Stream") {
        const bool on_demand = n.config.contains("StreamModeDetails");
        if (!on_demand) b.generate(id, "ShardCount", 1);
    } else if (map.cfn_type == "AWS::Events::EventBus") {
        b.generate(id, "Name", id);
    } else if (map.cfn_type == "AWS::AppSync::GraphQLApi") {
        b.generate(id, "Name", id);
        b.generate(id, "AuthenticationType", "API_KEY");
    } else if (map.cfn_type == "AWS::RDS::DBCluster") {
        b.generate(id, "Engine", "aurora-postgresql");
        b.generate(id, "MasterUsername", "admin");
        b.generate(id, "ManageMasterUserPassword", true);
        const std::string instance = b.fresh(b.logical.at(id) + "Instance");
        b.add_derived(instance, "AWS::RDS::DBInstance",
                      {{"DBClusterIdentifier", cfn_ref(b.logical.at(id))},
                       {"DBInstanceClass", "db.serverless"},
                       {"Engine", b.props(id)["Engine"]}},
                      id);
    } else if (map.cfn_type == "AWS::CloudFront::Function") {
        b.generate(id, "Name", id);
        b.generate(id, "FunctionCode", "function handler(event) { return event.request; }");
        b.generate(id, "FunctionConfig",
                   {{"Comment", id}, {"Runtime", n.config.value("Runtime", "cloudfront-js-2.0")}});
        b.generate(id, "AutoPublish", true);
    } else if (map.cfn_type == "AWS::AutoScaling::AutoScalingGroup") {
        b.generate(id, "MinSize", std::to_string(n.config.value("MinSize", 1)));
        b.generate(id, "MaxSize", std::to_string(n.config.value("MaxSize", 1)));
        const std::string lt = b.fresh(b.logical.at(id) + "LaunchTemplate");
        b.add_derived(
            lt, "AWS::EC2::LaunchTemplate",
            {{"LaunchTemplateData",
              {{"InstanceType", n.config.value("InstanceType", "m5.large")},
               {"ImageId", "{{resolve:ssm:/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64}}"}}}},
            id);
        b.generate(id, "LaunchTemplate",
                   {{"LaunchTemplateId", cfn_ref(lt)}, {"Version", get_att(lt, "LatestVersionNumber")}});
    } else if (map.cfn_type == "AWS::ECS::TaskDefinition") {
        b.generate(id, "RequiresCompatibilities", OJson::array({"FARGATE"}));
        b.generate(id, "NetworkMode", "awsvpc");
        b.generate(
            id, "ContainerDefinitions",
            OJson::array({{{"Name", id}, {"Image", n.config.value("Image", "public.ecr.aws/nginx/nginx:latest")}}}));
    } else if (map.cfn_type == "AWS::RedshiftServerless::Workgroup") {
        b.generate(id, "WorkgroupName", id);
        const std::string ns = b.fresh(b.logical.at(id) + "Namespace");
        b.add_derived(ns, "AWS::RedshiftServerless::Namespace", {{"NamespaceName", id + "-ns"}}, id);
        b.generate(id, "NamespaceName", cfn_ref(ns));
    } else if (map.cfn_type == "AWS::CloudFront::Distribution") {
        b.generate(id, "DistributionConfig",
                   {{"Enabled", true},
                    {"Origins", OJson::array()},
                    {"DefaultCacheBehavior",
                     {{"ViewerProtocolPolicy", "redirect-to-https"},
                      {"CachePolicyId", "658327ea-f89d-4fab-a63d-7e88639e58f6"}}}});
        if (n.config.contains("DefaultRootObject"))
            b.props(id)["DistributionConfig"]["DefaultRootObject"] = to_ordered(n.config["DefaultRootObject"]);
    }
}

// SQS RedrivePolicy names its DLQ by node id in a pattern; AWS wants the ARN. The original stays
// in Metadata (the key is marked generated) so import restores it exactly.
void rewrite_redrive(Builder& b, const NodeSpec& n) {
    auto rp = n.config.find("RedrivePolicy");
    if (rp == n.config.end() || !rp->is_object()) return;
    auto dlq = rp->find("deadLetterTargetArn");
    if (dlq == rp->end() || !dlq->is_string() || !b.has_resource(dlq->get<std::string>())) return;
    OJson rewritten = to_ordered(*rp);
    rewritten["deadLetterTargetArn"] = b.arn(dlq->get<std::string>());
    b.props(n.id)["RedrivePolicy"] = rewritten;
    b.generated[n.id].push_back("RedrivePolicy");
}

std::string api_type(const NodeSpec& n) {
    auto it = n.config.find("ApiType");
    return it != n.config.end() && it->is_string() ? it->get<std::string>() : "REST";
}

// The node's logical id: an imported one it kept, else derived from the node id.
std::string logical_id_of(const NodeSpec& n) {
    auto it = n.extra.find(kCfnLogicalIdKey);
    if (it != n.extra.end() && it->is_string()) {
        const std::string& l = it->get_ref<const std::string&>();
        const bool alnum =
            std::all_of(l.begin(), l.end(), [](char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; });
        if (alnum && !l.empty() && l.size() <= 255) return l;
    }
    return logical_id_for(n.id);
}

// A "cloudformation" node's resource: its config as written, Type first and Properties second
// (CloudFormation's usual order), then the resource attributes.
OJson verbatim_resource(const NodeSpec& n) {
    OJson r = OJson::object();
    if (!n.config.is_object()) return r;
    for (const char* key : {"Type", "Properties"})
        if (auto it = n.config.find(key); it != n.config.end()) r[key] = to_ordered(*it);
    for (auto it = n.config.begin(); it != n.config.end(); ++it)
        if (it.key() != "Type" && it.key() != "Properties") r[it.key()] = to_ordered(it.value());
    return r;
}

bool default_bus(const NodeSpec& n) {
    auto it = n.config.find("Name");
    return n.type == "eventbridge" && (it == n.config.end() || *it == "default");
}

}  // namespace
}  // namespace samx

SamExport export_sam(const Pattern& p) {
    using namespace samx;
    Builder b(p);
    const Json* kept = nullptr;  // sections kept from an imported template
    if (auto it = p.extra.find("cloudformation"); it != p.extra.end() && it->is_object()) kept = &*it;
    if (kept && kept->contains("Resources") && (*kept)["Resources"].is_object())
        for (auto it = (*kept)["Resources"].begin(); it != (*kept)["Resources"].end(); ++it) b.taken.insert(it.key());

    // Primary resources, in node order.
    std::map<std::string, const SamTypeMap*> maps;
    for (const NodeSpec& n : p.nodes) {
        if (n.type == kCfnNodeType) {  // kept verbatim: no mapping, no generated properties
            b.logical[n.id] = b.fresh(logical_id_of(n));
            continue;
        }
        const SamTypeMap* map = sam_map_for(n.type, api_type(n));
        if (!map || map->cfn_type.empty() || default_bus(n)) continue;
        maps[n.id] = map;
        b.logical[n.id] = b.fresh(logical_id_of(n));
    }
    for (const NodeSpec& n : p.nodes) {
        if (n.type == kCfnNodeType) {
            b.resources[b.logical[n.id]] = verbatim_resource(n);
            continue;
        }
        auto m = maps.find(n.id);
        if (m == maps.end()) {
            if (!sam_map_for(n.type))
                b.notes.push_back("node " + n.id + ": type '" + n.type +
                                  "' has no CloudFormation mapping; kept in Metadata");
            continue;
        }
        OJson r;
        r["Type"] = m->second->cfn_type;
        r["Properties"] = OJson::object();
        b.resources[b.logical[n.id]] = std::move(r);
        for (auto it = n.config.begin(); it != n.config.end(); ++it)
            if (is_cfn_property(*m->second, it.key())) b.props(n.id)[it.key()] = to_ordered(it.value());
        if (n.type == "sqs") rewrite_redrive(b, n);
        add_required(b, n, *m->second);
    }
    add_edges(b);
    add_eventbridge_rules(b);

    // Per-resource Metadata: node identity, simulation-only config, generated keys, unknown keys.
    for (const NodeSpec& n : p.nodes) {
        auto l = b.logical.find(n.id);
        if (l == b.logical.end()) continue;
        if (n.type == kCfnNodeType) {
            OJson meta;
            meta["node"] = n.id;
            meta["type"] = n.type;
            OJson& res = b.resources[l->second];
            if (!res.contains("Metadata") || !res["Metadata"].is_object()) {
                res["Metadata"] = OJson::object();
                meta["generated"] = OJson::array({"Metadata"});
            }
            if (!n.extra.empty()) meta["extra"] = to_ordered(n.extra);
            res["Metadata"][kSamMetadataKey] = meta;
            continue;
        }
        const SamTypeMap& map = *maps[n.id];
        const auto& gen = b.generated[n.id];
        OJson meta;
        meta["node"] = n.id;
        meta["type"] = n.type;
        OJson sim_config = OJson::object();
        for (auto it = n.config.begin(); it != n.config.end(); ++it)
            if (!is_cfn_property(map, it.key()) || std::find(gen.begin(), gen.end(), it.key()) != gen.end())
                sim_config[it.key()] = to_ordered(it.value());
        if (!sim_config.empty()) meta["config"] = sim_config;
        if (!gen.empty()) meta["generated"] = gen;
        if (!n.extra.empty()) meta["extra"] = to_ordered(n.extra);
        OJson& res = b.resources[l->second];
        if (res["Properties"].empty()) res.erase("Properties");
        res["Metadata"][kSamMetadataKey] = meta;
    }

    // Template-level Metadata: the written pattern, with resource nodes reduced to a reference.
    OJson whole = OJson::parse(write_pattern(p));  // the pattern file's own key order
    whole.erase("cloudformation");
    OJson nodes = OJson::array();
    for (std::size_t i = 0; i < p.nodes.size(); ++i) {
        auto l = b.logical.find(p.nodes[i].id);
        if (l != b.logical.end())
            nodes.push_back({{"id", p.nodes[i].id}, {"type", p.nodes[i].type}, {"resource", l->second}});
        else
            nodes.push_back(whole["nodes"][i]);
    }
    whole["nodes"] = nodes;

    SamExport out;
    OJson& t = out.tmpl;
    t["AWSTemplateFormatVersion"] = "2010-09-09";
    t["Transform"] = "AWS::Serverless-2016-10-31";
    t["Description"] =
        p.description.empty() ? (p.name.empty() ? "Serverless Playground pattern" : p.name) : p.description;
    t["Metadata"][kSamMetadataKey] = whole;
    if (kept) {
        for (auto it = kept->begin(); it != kept->end(); ++it) {
            if (it.key() == "Resources" || it.key() == "Metadata") continue;
            t[it.key()] = to_ordered(it.value());
        }
        if (auto md = kept->find("Metadata"); md != kept->end() && md->is_object())
            for (auto it = md->begin(); it != md->end(); ++it) t["Metadata"][it.key()] = to_ordered(it.value());
        if (auto rs = kept->find("Resources"); rs != kept->end() && rs->is_object())
            for (auto it = rs->begin(); it != rs->end(); ++it) b.resources[it.key()] = to_ordered(it.value());
    }
    t["Resources"] = b.resources;
    if (kept && kept->contains("Outputs")) {  // CloudFormation's usual order: Outputs last
        OJson outputs = t["Outputs"];
        t.erase("Outputs");
        t["Outputs"] = outputs;
    }
    out.notes = std::move(b.notes);
    return out;
}

std::string export_sam_json(const Pattern& p) {
    return export_sam(p).tmpl.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n";
}

std::string export_sam_yaml(const Pattern& p) {
    return to_yaml(export_sam(p).tmpl);
}

}  // namespace sim
