// sam_edges.cpp — what each wiring implies in a SAM template: function and state-machine Events,
// SNS subscriptions, bucket notifications, redrive policies, destinations, queue policies,
// Lambda permissions, SAM policy templates for calls, EventBridge rules with their targets.
//
// Index: helpers · event sources · calls and destinations · edge dispatch · EventBridge rules
#include "export/sam_builder.h"
#include "pattern/routes.h"
#include "services/all_services.h"

#include <algorithm>
#include <cctype>

namespace sim::samx {

namespace {

// ---- Section: helpers ---------------------------------------------------------------------------

const NodeSpec& node_of(const Builder& b, const std::string& id) {
    return *b.node(id);
}

// What a node is to the wiring (its contract's role): the rules below are written per role, so a
// new kind of queue or function gets them without this file naming it.
ServiceRole role_of(const NodeSpec& n) {
    return default_registry().role_of(n.type);
}
ServiceRole role_of(const Builder& b, const std::string& id) {
    return role_of(node_of(b, id));
}

std::string text_of(const Json& obj, const char* key, const std::string& dflt = {}) {
    if (!obj.is_object()) return dflt;
    auto it = obj.find(key);
    return it != obj.end() && it->is_string() ? it->get<std::string>() : dflt;
}

// Adds an event to a function's or state machine's Events; false when the node's own config set Events.
bool add_event(Builder& b, const std::string& target, const std::string& base, const char* type, OJson properties) {
    if (node_of(b, target).config.contains("Events")) return false;
    OJson& events = b.generate(target, "Events", OJson::object());
    std::string name = base;
    for (int n = 2; events.contains(name); ++n) name = base + std::to_string(n);
    events[name] = {{"Type", type}, {"Properties", std::move(properties)}};
    return true;
}

// Copies the listed edge-config keys into `out`.
void copy_keys(const Json& from, OJson& out, std::initializer_list<const char*> keys) {
    for (const char* k : keys)
        if (from.is_object() && from.contains(k)) out[k] = to_ordered(from[k]);
}

// A generated list property (Policies, Origins …) to append to; nullptr when the user set it.
OJson* generated_list(Builder& b, const std::string& id, const std::string& key) {
    if (node_of(b, id).config.contains(key)) return nullptr;
    return &b.generate(id, key, OJson::array());
}

// One queue policy per queue, one statement per service principal (SNS, S3, EventBridge).
std::string allow_queue(Builder& b, const std::string& queue, const std::string& service, OJson condition) {
    bool created = false;
    const std::string name = b.derived_id("queue-policy", queue, b.logical.at(queue) + "Policy", created);
    if (created) {
        b.add_derived(name, "AWS::SQS::QueuePolicy",
                      {{"Queues", OJson::array({cfn_ref(b.logical.at(queue))})},
                       {"PolicyDocument", {{"Version", "2012-10-17"}, {"Statement", OJson::array()}}}},
                      queue);
    }
    OJson st = {{"Effect", "Allow"},
                {"Principal", {{"Service", service}}},
                {"Action", "sqs:SendMessage"},
                {"Resource", b.arn(queue)}};
    if (!condition.is_null()) st["Condition"] = std::move(condition);
    b.resources[name]["Properties"]["PolicyDocument"]["Statement"].push_back(std::move(st));
    return name;
}

std::string allow_topic(Builder& b, const std::string& topic, const std::string& service) {
    bool created = false;
    const std::string name = b.derived_id("topic-policy", topic, b.logical.at(topic) + "Policy", created);
    if (!created) return name;
    b.add_derived(name, "AWS::SNS::TopicPolicy",
                  {{"Topics", OJson::array({cfn_ref(b.logical.at(topic))})},
                   {"PolicyDocument",
                    {{"Version", "2012-10-17"},
                     {"Statement", OJson::array({{{"Effect", "Allow"},
                                                  {"Principal", {{"Service", service}}},
                                                  {"Action", "sns:Publish"},
                                                  {"Resource", b.arn(topic)}}})}}}},
                  topic);
    return name;
}

// "POST /orders" → ("post", "/orders"); missing → ANY on a greedy path.
std::pair<std::string, std::string> route_parts(const std::string& route) {
    const auto sp = route.find(' ');
    if (route.empty() || sp == std::string::npos) return {"any", "/{proxy+}"};
    std::string method = route.substr(0, sp);
    for (char& c : method) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return {method, route.substr(sp + 1)};
}

// SAM destination Type of a node ("SQS", "S3Bucket"), from its resource's contract.
std::string destination_type(const NodeSpec& n) {
    const CfnResource* map = sam_map_for(n.type, n.config);
    return map ? std::string(map->destination_type) : std::string();
}

// Rewrites {"OnFailure": {"Destination": "<node id>"}} to ARNs, adding the SAM Type.
OJson destination_config(const Builder& b, const Json& dc) {
    OJson out = to_ordered(dc);
    for (const char* side : {"OnFailure", "OnSuccess"}) {
        const std::string dest =
            text_of(dc.is_object() ? dc.value(side, Json::object()) : Json::object(), "Destination");
        if (dest.empty() || !b.has_resource(dest)) continue;
        out[side]["Destination"] = b.arn(dest);
        if (!out[side].contains("Type")) out[side]["Type"] = destination_type(node_of(b, dest));
    }
    return out;
}

// ---- Section: event sources ---------------------------------------------------------------------

void stream_event(Builder& b, std::size_t i, const char* type, OJson source_key, OJson source) {
    const EdgeSpec& e = b.p.edges[i];
    OJson props;
    props[source_key.get<std::string>()] = std::move(source);
    props["StartingPosition"] = text_of(e.config, "StartingPosition", "LATEST");
    copy_keys(e.config, props,
              {"BatchSize", "BisectBatchOnFunctionError", "Enabled", "FilterCriteria", "FunctionResponseTypes",
               "MaximumBatchingWindowInSeconds", "MaximumRecordAgeInSeconds", "MaximumRetryAttempts",
               "ParallelizationFactor", "TumblingWindowInSeconds"});
    if (e.config.is_object() && e.config.contains("DestinationConfig"))
        props["DestinationConfig"] = destination_config(b, e.config["DestinationConfig"]);
    if (!add_event(b, e.to, b.logical.at(e.from) + type, type, std::move(props)))
        b.note(i, "the function sets its own Events; this event source is kept in Metadata only");
}

void s3_source(Builder& b, std::size_t i) {
    const EdgeSpec& e = b.p.edges[i];
    const ServiceRole to = role_of(b, e.to);
    OJson events = e.config.is_object() && e.config.contains("Events") ? to_ordered(e.config["Events"])
                                                                       : OJson::array({"s3:ObjectCreated:*"});
    OJson rules = OJson::array();
    if (!text_of(e.config, "Prefix").empty())
        rules.push_back({{"Name", "prefix"}, {"Value", text_of(e.config, "Prefix")}});
    if (!text_of(e.config, "Suffix").empty())
        rules.push_back({{"Name", "suffix"}, {"Value", text_of(e.config, "Suffix")}});
    if (to == ServiceRole::Function) {
        OJson props = {{"Bucket", cfn_ref(b.logical.at(e.from))}, {"Events", events}};
        if (!rules.empty()) props["Filter"] = {{"S3Key", {{"Rules", rules}}}};
        if (!add_event(b, e.to, b.logical.at(e.from) + "S3", "S3", std::move(props)))
            b.note(i, "the function sets its own Events; this notification is kept in Metadata only");
        return;
    }
    if (node_of(b, e.from).config.contains("NotificationConfiguration")) {
        b.note(i, "the bucket sets its own NotificationConfiguration; this notification is kept in Metadata only");
        return;
    }
    OJson& nc = b.generate(e.from, "NotificationConfiguration", OJson::object());
    if (to == ServiceRole::EventBus) {
        nc["EventBridgeConfiguration"] = {{"EventBridgeEnabled", true}};
        return;
    }
    const bool queue = to == ServiceRole::Queue;
    if (!queue && to != ServiceRole::Topic) {
        b.note(i, "S3 notifications go to Lambda, SQS, SNS or EventBridge; not generated");
        return;
    }
    if (!events.is_array()) events = OJson::array({events});
    for (const auto& ev : events) {
        OJson c = {{"Event", ev}, {queue ? "Queue" : "Topic", b.arn(e.to)}};
        if (!rules.empty()) c["Filter"] = {{"S3Key", {{"Rules", rules}}}};
        nc[queue ? "QueueConfigurations" : "TopicConfigurations"].push_back(std::move(c));
    }
    const OJson cond = {{"StringEquals", {{"aws:SourceAccount", cfn_ref("AWS::AccountId")}}}};
    const std::string policy =
        queue ? allow_queue(b, e.to, "s3.amazonaws.com", cond) : allow_topic(b, e.to, "s3.amazonaws.com");
    // The destination policy must exist before S3 checks the configuration.
    OJson& deps = b.resources[b.logical.at(e.from)]["DependsOn"];
    if (std::find(deps.begin(), deps.end(), policy) == deps.end()) deps.push_back(policy);
}

void sns_source(Builder& b, std::size_t i) {
    const EdgeSpec& e = b.p.edges[i];
    const NodeSpec& to = node_of(b, e.to);
    const ServiceRole role = role_of(to);
    if (role == ServiceRole::Function) {
        OJson props = {{"Topic", cfn_ref(b.logical.at(e.from))}};
        copy_keys(e.config, props, {"FilterPolicy", "FilterPolicyScope", "RedrivePolicy"});
        if (props.contains("RedrivePolicy") && props["RedrivePolicy"].is_object()) {
            const std::string dlq = text_of(e.config["RedrivePolicy"], "deadLetterTargetArn");
            if (b.has_resource(dlq)) props["RedrivePolicy"]["deadLetterTargetArn"] = b.arn(dlq);
        }
        if (!add_event(b, e.to, b.logical.at(e.from) + "SNS", "SNS", std::move(props)))
            b.note(i, "the function sets its own Events; this subscription is kept in Metadata only");
        return;
    }
    OJson props = {{"TopicArn", cfn_ref(b.logical.at(e.from))}};
    if (role == ServiceRole::Queue) {
        props["Protocol"] = "sqs";
        props["Endpoint"] = b.arn(e.to);
        allow_queue(b, e.to, "sns.amazonaws.com", {{"ArnEquals", {{"aws:SourceArn", cfn_ref(b.logical.at(e.from))}}}});
    } else if (role == ServiceRole::Email || role == ServiceRole::HttpEndpoint) {
        const std::string endpoint = text_of(to.config, "Endpoint");
        props["Protocol"] = role == ServiceRole::Email ? "email" : (endpoint.rfind("http:", 0) == 0 ? "http" : "https");
        if (!endpoint.empty())
            props["Endpoint"] = endpoint;
        else
            b.note(i, "the " + to.type + " node has no Endpoint; the subscription has none");
    } else {
        b.note(i, "SNS subscriptions to '" + to.type + "' are not generated");
        return;
    }
    copy_keys(e.config, props,
              {"FilterPolicy", "FilterPolicyScope", "RawMessageDelivery", "DeliveryPolicy", "RedrivePolicy"});
    if (props.contains("RedrivePolicy") && props["RedrivePolicy"].is_object()) {
        const std::string dlq = text_of(e.config["RedrivePolicy"], "deadLetterTargetArn");
        if (b.has_resource(dlq)) props["RedrivePolicy"]["deadLetterTargetArn"] = b.arn(dlq);
    }
    b.add_derived(b.fresh(b.logical.at(e.from) + "To" + logical_id_for(e.to)), "AWS::SNS::Subscription",
                  std::move(props), e.from);
}

void api_source(Builder& b, std::size_t i) {
    const EdgeSpec& e = b.p.edges[i];
    const NodeSpec& api = node_of(b, e.from);
    const ServiceRole to = role_of(b, e.to);
    const bool http = text_of(api.config, "ApiType", "REST") == "HTTP";
    if (to != ServiceRole::Function && !(to == ServiceRole::StateMachine && !http)) {
        b.note(i,
               "API Gateway service integrations other than Lambda (and Step Functions on REST APIs) are not "
               "generated; the route is kept in Metadata");
        return;
    }
    // A route the template declared itself (a Method resource, an OpenAPI body) is written back there.
    if (e.config.contains("DeclaredBy")) return;
    std::vector<std::string> routes = routes_of(e.config);
    if (routes.empty()) routes.emplace_back();  // every request: ANY on a greedy path
    for (std::size_t r = 0; r < routes.size(); ++r) {
        auto [method, path] = route_parts(routes[r]);
        OJson props = {{"Path", path}, {"Method", method}};
        props[http ? "ApiId" : "RestApiId"] = cfn_ref(b.logical.at(e.from));
        const std::string name = b.logical.at(e.from) + "Route" + (r == 0 ? "" : std::to_string(r + 1));
        if (!add_event(b, e.to, name, http ? "HttpApi" : "Api", std::move(props))) {
            b.note(i, "the target sets its own Events; this route is kept in Metadata only");
            break;
        }
    }
}

// ---- Section: calls and destinations ------------------------------------------------------------

// SAM policy templates for what a function or state machine calls.
void call_policy(Builder& b, std::size_t i) {
    const EdgeSpec& e = b.p.edges[i];
    const NodeSpec& to = node_of(b, e.to);
    const std::string& l = b.logical.at(e.to);
    const CfnResource* map = sam_map_for(to.type, to.config);
    if (!map || map->call_policy.name.empty()) {
        b.note(i, "no permission generated for calls to '" + to.type + "'");
        return;
    }
    const SamPolicyTemplate& pt = map->call_policy;
    OJson policy;
    policy[std::string(pt.name)][std::string(pt.parameter)] =
        pt.attribute.empty() ? cfn_ref(l) : get_att(l, std::string(pt.attribute));
    // A bucket that notifies the function it grants: a Ref would make the bucket wait for the
    // function's permission and the function's role wait for the bucket (cfn-lint E3004). Named by
    // its BucketName instead, as AWS's SAM documentation advises for this cycle.
    if (role_of(b, e.to) == ServiceRole::ObjectStore && pt.parameter == "BucketName") {
        const bool notifies = std::any_of(b.p.edges.begin(), b.p.edges.end(),
                                          [&](const EdgeSpec& x) { return x.from == e.to && x.to == e.from; });
        const std::string name = text_of(to.config, "BucketName");
        if (notifies && !name.empty()) policy[std::string(pt.name)][std::string(pt.parameter)] = name;
    }
    // A node with its own execution Role has the role's permissions: SAM refuses Role beside
    // Policies on a state machine and ignores Policies on a function.
    if (node_of(b, e.from).config.contains("Role")) {
        b.note(i, "the node has its own Role; its calls use the role's permissions, no policy generated");
        return;
    }
    OJson* list = generated_list(b, e.from, "Policies");
    if (!list) {
        b.note(i, "the node sets its own Policies; none generated");
        return;
    }
    if (std::find(list->begin(), list->end(), policy) == list->end()) list->push_back(std::move(policy));
}

void lambda_destination(Builder& b, std::size_t i) {
    const EdgeSpec& e = b.p.edges[i];
    const NodeSpec& fn = node_of(b, e.from);
    const std::string type = destination_type(node_of(b, e.to));
    if (e.port == "dlq") {
        if (!fn.config.contains("DeadLetterQueue"))
            b.generate(e.from, "DeadLetterQueue", {{"Type", type}, {"TargetArn", b.arn(e.to)}});
        return;
    }
    if (fn.config.contains("EventInvokeConfig")) {
        b.note(i, "the function sets its own EventInvokeConfig; this destination is kept in Metadata only");
        return;
    }
    OJson& eic = b.generate(e.from, "EventInvokeConfig", OJson::object());
    for (const char* k : {"MaximumRetryAttempts", "MaximumEventAgeInSeconds"})
        if (fn.config.contains(k)) eic[k] = to_ordered(fn.config[k]);
    eic["DestinationConfig"][e.port == "on_success" ? "OnSuccess" : "OnFailure"] = {{"Type", type},
                                                                                    {"Destination", b.arn(e.to)}};
}

void cloudfront_edge(Builder& b, std::size_t i) {
    const EdgeSpec& e = b.p.edges[i];
    const NodeSpec& cf = node_of(b, e.from);
    if (cf.config.contains("DistributionConfig")) {
        b.note(i, "the distribution sets its own DistributionConfig; not generated");
        return;
    }
    OJson& dc = b.props(e.from)["DistributionConfig"];
    const NodeSpec& to = node_of(b, e.to);
    const std::string l = b.logical.at(e.to);
    if (e.port == "out") {
        if (role_of(to) != ServiceRole::ObjectStore) {
            b.note(i, "only S3 origins are generated");
            return;
        }
        dc["Origins"].push_back({{"Id", l},
                                 {"DomainName", get_att(l, "RegionalDomainName")},
                                 {"S3OriginConfig", {{"OriginAccessIdentity", ""}}}});
        if (!dc["DefaultCacheBehavior"].contains("TargetOriginId")) dc["DefaultCacheBehavior"]["TargetOriginId"] = l;
        return;
    }
    std::string event = e.port;
    std::replace(event.begin(), event.end(), '_', '-');
    if (role_of(to) == ServiceRole::ViewerFunction)
        dc["DefaultCacheBehavior"]["FunctionAssociations"].push_back(
            {{"EventType", event}, {"FunctionARN", get_att(l, "FunctionARN")}});
    else
        dc["DefaultCacheBehavior"]["LambdaFunctionAssociations"].push_back(
            {{"EventType", event}, {"LambdaFunctionARN", cfn_ref(l + ".Version")}});
}

std::string firehose_role(Builder& b, const std::string& fh) {
    bool created = false;
    const std::string name = b.derived_id("role", fh, b.logical.at(fh) + "Role", created);
    if (!created) return name;
    b.add_derived(
        name, "AWS::IAM::Role",
        {{"AssumeRolePolicyDocument",
          {{"Version", "2012-10-17"},
           {"Statement", OJson::array({{{"Effect", "Allow"},
                                        {"Principal", {{"Service", "firehose.amazonaws.com"}}},
                                        {"Action", "sts:AssumeRole"}}})}}},
         {"Policies",
          OJson::array(
              {{{"PolicyName", "delivery"},
                {"PolicyDocument",
                 {{"Version", "2012-10-17"},
                  {"Statement",
                   OJson::array(
                       {{{"Effect", "Allow"},
                         {"Action", OJson::array({"kinesis:DescribeStream", "kinesis:GetShardIterator",
                                                  "kinesis:GetRecords", "kinesis:ListShards", "s3:PutObject",
                                                  "s3:GetBucketLocation", "s3:ListBucket", "lambda:InvokeFunction"})},
                         {"Resource", "*"}}})}}}}})}},
        fh);
    return name;
}

// ---- Section: edge dispatch ---------------------------------------------------------------------

void add_edge(Builder& b, std::size_t i) {
    const EdgeSpec& e = b.p.edges[i];
    const NodeSpec* from = b.node(e.from);
    const NodeSpec* to = b.node(e.to);
    if (!from || !to) {
        b.note(i, "names a node that does not exist; kept in Metadata only");
        return;
    }
    using R = ServiceRole;
    const R f = role_of(*from), t = role_of(*to);
    if (f == R::Source) return;                       // traffic: Metadata only
    if (f == R::EventBus && e.port == "out") return;  // its rules' targets (add_eventbridge_rules)
    if (!b.has_resource(e.from) && f != R::EventBus) return;
    if (!b.has_resource(e.to) && t != R::Email && t != R::HttpEndpoint) {
        if (f != R::EventBus) b.note(i, "the target has no CloudFormation resource; kept in Metadata only");
        return;
    }
    if (f == R::Api && e.port == "authorizer") {
        if (text_of(from->config, "ApiType", "REST") == "HTTP" || from->config.contains("Auth"))
            b.note(i, "HTTP API JWT authorizers (or an own Auth) are not generated");
        else
            b.generate(e.from, "Auth",
                       {{"DefaultAuthorizer", "CognitoAuthorizer"},
                        {"Authorizers", {{"CognitoAuthorizer", {{"UserPoolArn", b.arn(e.to)}}}}}});
    } else if (f == R::GraphQlApi && e.port == "authorizer") {
        b.generate(e.from, "UserPoolConfig",
                   {{"UserPoolId", cfn_ref(b.logical.at(e.to))},
                    {"AwsRegion", cfn_ref("AWS::Region")},
                    {"DefaultAction", "ALLOW"}});
    } else if (f == R::Api) {
        api_source(b, i);
    } else if (f == R::Queue && e.port == "dlq") {
        if (!from->config.contains("RedrivePolicy")) {
            OJson rp = {{"deadLetterTargetArn", b.arn(e.to)}};
            if (e.config.is_object() && e.config.contains("maxReceiveCount"))
                rp["maxReceiveCount"] = to_ordered(e.config["maxReceiveCount"]);
            b.generate(e.from, "RedrivePolicy", rp);
        }
    } else if (f == R::Queue && t == R::Function) {
        OJson props = {{"Queue", b.arn(e.from)}};
        copy_keys(e.config, props,
                  {"BatchSize", "MaximumBatchingWindowInSeconds", "FilterCriteria", "FunctionResponseTypes", "Enabled",
                   "ScalingConfig"});
        if (e.config.is_object() && e.config.contains("MaximumConcurrency"))
            props["ScalingConfig"]["MaximumConcurrency"] = to_ordered(e.config["MaximumConcurrency"]);
        if (!add_event(b, e.to, b.logical.at(e.from) + "SQS", "SQS", std::move(props)))
            b.note(i, "the function sets its own Events; this event source is kept in Metadata only");
    } else if (f == R::Stream && t == R::Function) {
        stream_event(b, i, "Kinesis", "Stream", b.arn(e.from));
    } else if (f == R::Stream && t == R::DeliveryStream) {
        const std::string role = firehose_role(b, e.to);
        b.generate(e.to, "KinesisStreamSourceConfiguration",
                   {{"KinesisStreamARN", b.arn(e.from)}, {"RoleARN", get_att(role, "Arn")}});
        b.generate(e.to, "DeliveryStreamType", "KinesisStreamAsSource");
    } else if (f == R::Stream && e.port == "on_failure") {
        return;  // named by the mapping's DestinationConfig
    } else if (f == R::Table && e.port == "stream") {
        b.generate(e.from, "StreamSpecification", {{"StreamViewType", "NEW_AND_OLD_IMAGES"}});
        stream_event(b, i, "DynamoDB", "Stream", get_att(b.logical.at(e.from), "StreamArn"));
    } else if (f == R::ObjectStore) {
        s3_source(b, i);
    } else if (f == R::Topic && e.port == "out") {
        sns_source(b, i);
    } else if (f == R::Topic && e.port == "dlq") {
        return;  // named by the subscription's RedrivePolicy
    } else if ((f == R::Function || f == R::StateMachine) && e.port == "out") {
        call_policy(b, i);
    } else if (f == R::Function && (e.port == "on_success" || e.port == "on_failure" || e.port == "dlq")) {
        lambda_destination(b, i);
    } else if (f == R::DeliveryStream && t == R::ObjectStore) {
        const std::string role = firehose_role(b, e.from);
        OJson dest = {{"BucketARN", b.arn(e.to)}, {"RoleARN", get_att(role, "Arn")}};
        copy_keys(from->config, dest, {"BufferingHints", "Prefix", "ErrorOutputPrefix", "ProcessingConfiguration"});
        b.generate(e.from, "ExtendedS3DestinationConfiguration", dest);
    } else if (f == R::Cdn) {
        cloudfront_edge(b, i);
    } else {
        b.note(i, "no CloudFormation wiring is generated for " + from->type + " → " + to->type + "; kept in Metadata");
    }
}

}  // namespace

void add_edges(Builder& b) {
    for (std::size_t i = 0; i < b.p.edges.size(); ++i) add_edge(b, i);
    for (const NodeSpec& n : b.p.nodes)
        if (role_of(n) == ServiceRole::StateMachine && b.has_resource(n.id))
            b.notes.push_back("node " + n.id +
                              ": the state machine Definition names functions and tables by node id; map them with "
                              "DefinitionSubstitutions before deploying");
}

// ---- Section: EventBridge rules -----------------------------------------------------------------

// The rules' EventBusName, event pattern or schedule, and targets; the Lambda permissions and
// queue/topic policies that let EventBridge deliver
// (https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-events-rule.html).
// A rule keeps the logical id an import gave it; others are named <bus><rule name>Rule.

void reserve_rule_ids(Builder& b) {
    for (const NodeSpec& n : b.p.nodes) {
        auto rules = n.config.find("Rules");
        if (role_of(n) != ServiceRole::EventBus || rules == n.config.end() || !rules->is_array()) continue;
        for (const Json& rule : *rules) {
            const std::string kept = kept_logical_id(rule);
            if (!kept.empty() && b.taken.insert(kept).second) b.reserved.insert(kept);
        }
    }
}

void add_eventbridge_rules(Builder& b) {
    for (const NodeSpec& n : b.p.nodes) {
        if (role_of(n) != ServiceRole::EventBus) continue;
        auto rules = n.config.find("Rules");
        if (rules == n.config.end() || !rules->is_array()) continue;
        const bool custom = b.has_resource(n.id);
        for (std::size_t k = 0; k < rules->size(); ++k) {
            const Json& rule = (*rules)[k];
            if (!rule.is_object()) continue;
            const std::string rule_name = text_of(rule, "Name", "rule-" + std::to_string(k + 1));
            // Its kept id, unless another resource or an earlier rule has it.
            std::string logical = kept_logical_id(rule);
            if (logical.empty() || b.reserved.erase(logical) == 0)
                logical = b.fresh(logical_id_for(n.id) + logical_id_for(rule_name) + "Rule");
            OJson props;
            copy_keys(rule, props, {"Name", "Description", "EventPattern", "ScheduleExpression"});
            if (custom) props["EventBusName"] = cfn_ref(b.logical.at(n.id));
            props["State"] = text_of(rule, "State", "ENABLED");
            props["Targets"] = OJson::array();
            const Json targets = rule.value("Targets", Json::array());
            for (std::size_t j = 0; targets.is_array() && j < targets.size(); ++j) {
                const Json& t = targets[j];
                const std::string target = text_of(t, "Arn");
                OJson out = {{"Id", text_of(t, "Id", "target-" + std::to_string(j + 1))},
                             {"Arn", b.has_resource(target) ? b.arn(target) : OJson(target)}};
                if (t.contains("Input"))
                    out["Input"] = t["Input"].is_string() ? OJson(t["Input"]) : OJson(t["Input"].dump());
                copy_keys(t, out, {"InputPath", "InputTransformer", "RetryPolicy", "RoleArn"});
                if (t.contains("DeadLetterConfig") && b.has_resource(text_of(t["DeadLetterConfig"], "Arn")))
                    out["DeadLetterConfig"] = {{"Arn", b.arn(text_of(t["DeadLetterConfig"], "Arn"))}};
                props["Targets"].push_back(std::move(out));
                const NodeSpec* tn = b.node(target);
                if (!tn || !b.has_resource(target)) continue;
                const ServiceRole target_role = role_of(*tn);
                if (target_role == ServiceRole::Function) {
                    b.add_derived(b.fresh(logical + "Permission" + b.logical.at(target)), "AWS::Lambda::Permission",
                                  {{"Action", "lambda:InvokeFunction"},
                                   {"FunctionName", cfn_ref(b.logical.at(target))},
                                   {"Principal", "events.amazonaws.com"},
                                   {"SourceArn", get_att(logical, "Arn")}},
                                  n.id);
                } else if (target_role == ServiceRole::Queue) {
                    allow_queue(b, target, "events.amazonaws.com",
                                {{"ArnEquals", {{"aws:SourceArn", get_att(logical, "Arn")}}}});
                } else if (target_role == ServiceRole::Topic) {
                    allow_topic(b, target, "events.amazonaws.com");
                } else if (!t.contains("RoleArn")) {
                    b.notes.push_back("node " + n.id + ": rule " + rule_name + " target " + target +
                                      " needs a RoleArn for EventBridge to call it; not generated");
                }
            }
            // Targets an import kept without simulating them (an SSM automation …), as they were.
            if (const Json kept = rule.value(kCfnTargetsKey, Json()); kept.is_array())
                for (const Json& t : kept) props["Targets"].push_back(to_ordered(t));
            // Targets is optional, but never empty (1 to 5 when present).
            if (props["Targets"].empty()) props.erase("Targets");
            b.add_derived(logical, "AWS::Events::Rule", std::move(props), n.id);
        }
    }
}

}  // namespace sim::samx
