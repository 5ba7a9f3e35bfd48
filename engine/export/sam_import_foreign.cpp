// sam_import_foreign.cpp — resources a template names without our Metadata: mapped types become
// nodes; function Events, subscriptions, event source mappings, rules, redrive policies,
// destinations and policy templates become edges; other resources become "cloudformation" nodes
// (passive, written back verbatim on export).
//
// Index: nodes · function events · wiring resources · properties that wire · entry point
#include "export/sam_import_state.h"
#include "export/sam_mapping.h"
#include "services/all_services.h"

#include <algorithm>
#include <cctype>

namespace sim::sami {

namespace {

std::string text_of(const Json& obj, const char* key) {
    if (!obj.is_object()) return {};
    auto it = obj.find(key);
    return it != obj.end() && it->is_string() ? it->get<std::string>() : std::string();
}

std::string pointer(const std::string& logical) {
    std::string out = "/Resources/";
    for (char c : logical) out += c == '/' ? std::string("~1") : c == '~' ? std::string("~0") : std::string(1, c);
    return out;
}

// ---- Section: nodes -----------------------------------------------------------------------------

// Why a resource of a mapped type is not simulated all the same; "" when it is. An
// AWS::ApiGatewayV2::Api is an HTTP API or a WebSocket API (ProtocolType); the playground has no
// connections, @connections callbacks or per-message pricing, so a WebSocket API is no API node
// (https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-websocket-api-overview.html).
std::string not_simulated(const Json& res) {
    const Json props = res.value("Properties", Json::object());
    if (res["Type"] == "AWS::ApiGatewayV2::Api" && props.is_object() &&
        props.value("ProtocolType", Json()) == "WEBSOCKET")
        return "a WebSocket API (ProtocolType WEBSOCKET) is not simulated by the playground; it and its routes and "
               "integrations are left out of the simulation";
    return {};
}

// AWS::Serverless::SimpleTable as the AWS::DynamoDB::Table SAM generates for it: a single-attribute
// HASH key (PrimaryKey, default {Name: id, Type: String}); provisioned when ProvisionedThroughput is
// given, else on demand; Tags, a map in SAM, as CloudFormation's Key/Value list
// (https://docs.aws.amazon.com/serverless-application-model/latest/developerguide/sam-resource-simpletable.html).
Json simple_table(const Json& props) {
    Json config = Json::object();
    const Json key = props.value("PrimaryKey", Json::object());
    const std::string name = key.is_object() ? text_of(key, "Name") : "";
    const std::string type = key.is_object() ? text_of(key, "Type") : "";
    const std::string attr = name.empty() ? "id" : name;
    const std::string code = type == "Number" ? "N" : type == "Binary" ? "B" : "S";
    config["AttributeDefinitions"] = Json::array({{{"AttributeName", attr}, {"AttributeType", code}}});
    config["KeySchema"] = Json::array({{{"AttributeName", attr}, {"KeyType", "HASH"}}});
    if (props.contains("ProvisionedThroughput")) {
        config["BillingMode"] = "PROVISIONED";
        config["ProvisionedThroughput"] = props["ProvisionedThroughput"];
    } else {
        config["BillingMode"] = "PAY_PER_REQUEST";
    }
    for (const char* k : {"TableName", "SSESpecification", "PointInTimeRecoverySpecification"})
        if (props.contains(k)) config[k] = props[k];
    if (auto tags = props.find("Tags"); tags != props.end() && tags->is_object()) {
        Json list = Json::array();
        for (auto it = tags->begin(); it != tags->end(); ++it)
            list.push_back({{"Key", it.key()}, {"Value", it.value()}});
        config["Tags"] = list;
    }
    return config;
}

void add_node(ImportState& s, const std::string& logical, const Json& res, std::string_view type) {
    Json config = res.value("Properties", Json::object());
    if (res["Type"] == "AWS::Serverless::SimpleTable") config = simple_table(config);
    // A service's other resource type (an HTTP API), or one it stands for only when selected (an
    // API destination), is its config's variant.
    const CfnResource* matched = nullptr;
    sim_type_for_cfn(res["Type"].get<std::string>(), &matched);
    const ServiceKind* kind = default_registry().find(type);
    if (matched && kind && (matched != &kind->cfn.front() || matched->selected_only) && !matched->variant_key.empty())
        config[matched->variant_key] = matched->variant;
    const std::string id = s.unique_id(node_id_for(logical));
    s.nodes.push_back({{"id", id}, {"type", std::string(type)}, {"config", config}});
    if (logical_id_for(id) != logical) s.nodes.back()[kCfnLogicalIdKey] = logical;  // keeps Refs valid on export
    s.node_of[logical] = id;
    s.consumed.insert(logical);
}

// A node the template implies but does not declare (SAM's implicit APIs, the default event bus,
// e-mail and HTTP subscription endpoints).
std::string implicit_node(ImportState& s, const std::string& base, const char* type, Json config) {
    for (const auto& n : s.nodes)
        if (n.value("id", "") == base && n.value("type", "") == type) return base;
    const std::string id = s.unique_id(base);
    s.nodes.push_back({{"id", id}, {"type", type}, {"config", std::move(config)}});
    return id;
}

Json* rules_of(ImportState& s, const std::string& bus) {
    Json* n = s.node(bus);
    if (!n) return nullptr;
    Json& rules = (*n)["config"]["Rules"];
    if (!rules.is_array()) rules = Json::array();
    return &rules;
}

std::string bus_for(ImportState& s, const Json& bus_name) {
    const std::string named = ref_node(s, bus_name);
    if (!named.empty()) return named;
    return default_bus(s);
}

Json as_list(const Json& v) {
    if (v.is_array()) return v;
    if (v.is_null()) return Json::array();
    return Json::array({v});
}

// Whether `from`'s `port` reaches `to` in AWS (the registry's wiring rules).
bool can_send(ImportState& s, const std::string& from, const std::string& port, const std::string& to) {
    const Json* f = s.node(from);
    const Json* t = s.node(to);
    return f && t && default_registry().can_connect(f->value("type", ""), port, t->value("type", "")).ok;
}

// ---- Section: function events -------------------------------------------------------------------

std::string upper(std::string v) {
    for (char& c : v) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return v;
}

void add_rule(ImportState& s, const std::string& bus, Json rule, const std::string& target, Json target_spec) {
    target_spec["Arn"] = target;
    if (!target_spec.contains("Id")) target_spec["Id"] = target;
    rule["Targets"] = Json::array({target_spec});
    if (Json* rules = rules_of(s, bus)) rules->push_back(std::move(rule));
    s.add_edge(bus, "out", target, Json::object());
}

// One of function `fn`'s (logical id `fn_logical`) SAM Events.
void function_event(ImportState& s, const std::string& fn, const std::string& fn_logical, const std::string& name,
                    const Json& ev, const std::string& path) {
    if (!ev.is_object()) {
        s.d.warning(path, std::string("event must be an object with Type and Properties, got ") + json_type_name(ev) +
                              "; left out");
        return;
    }
    const std::string type = text_of(ev, "Type");
    if (type == "ScheduleV2") return import_schedule_v2(s, fn, name, ev, path);  // EventBridge Scheduler
    Json props = ev.value("Properties", Json::object());
    if (!props.is_object()) props = Json::object();
    auto source = [&](const char* key) {
        std::string id = ref_node(s, props.value(key, Json()));
        props.erase(key);
        return id;
    };
    std::string from;
    std::string port = "out";
    if (type == "SQS") {
        from = source("Queue");
    } else if (type == "Kinesis" || type == "DynamoDB") {
        from = source("Stream");
        if (type == "DynamoDB") port = "stream";
        if (auto dc = props.find("DestinationConfig"); dc != props.end() && dc->is_object()) {
            for (const char* side : {"OnFailure", "OnSuccess"}) {
                if (!dc->contains(side) || !(*dc)[side].is_object()) continue;
                const std::string dest = ref_node(s, (*dc)[side].value("Destination", Json()));
                if (dest.empty()) continue;
                (*dc)[side]["Destination"] = dest;
                (*dc)[side].erase("Type");
                if (type == "Kinesis" && !from.empty()) s.add_edge(from, "on_failure", dest, Json::object());
            }
        }
    } else if (type == "S3") {
        from = source("Bucket");
        if (auto f = props.find("Filter"); f != props.end()) {
            const Json key = f->is_object() ? f->value("S3Key", Json::object()) : Json::object();
            const Json rules = key.is_object() ? key.value("Rules", Json::array()) : Json::array();
            for (const auto& r : rules)
                if (r.is_object())
                    props[text_of(r, "Name") == "suffix" ? "Suffix" : "Prefix"] = r.value("Value", Json());
            props.erase("Filter");
        }
    } else if (type == "SNS") {
        from = source("Topic");
    } else if (type == "Api" || type == "HttpApi") {
        const bool http = type == "HttpApi";
        from = source(http ? "ApiId" : "RestApiId");
        if (from.empty())
            from = http ? implicit_node(s, "ServerlessHttpApi", "apigateway", {{"ApiType", "HTTP"}})
                        : implicit_node(s, "ServerlessRestApi", "apigateway", {{"StageName", "Prod"}});
        const std::string method = upper(text_of(props, "Method"));
        props["Route"] = (method.empty() ? "ANY" : method) + " " + text_of(props, "Path");
        props.erase("Method");
        props.erase("Path");
    } else if (type == "Schedule" || type == "EventBridgeRule" || type == "CloudWatchEvent") {
        const std::string bus = bus_for(s, props.value("EventBusName", Json()));
        // SAM names the rule <function><event>, which an export keeps
        // (https://docs.aws.amazon.com/serverless-application-model/latest/developerguide/sam-property-function-eventbridgerule.html).
        Json rule = {{"Name", name}, {kCfnLogicalIdKey, fn_logical + name}};
        if (props.contains("Schedule")) rule["ScheduleExpression"] = props["Schedule"];
        if (props.contains("ScheduleExpression")) rule["ScheduleExpression"] = props["ScheduleExpression"];
        if (props.contains("Pattern")) rule["EventPattern"] = props["Pattern"];
        Json target = Json::object();
        for (const char* k : {"Input", "InputPath", "InputTransformer", "RetryPolicy"})
            if (props.contains(k)) target[k] = props[k];
        add_rule(s, bus, std::move(rule), fn, std::move(target));
        return;
    } else {
        s.d.warning(path, "event type '" + type + "' is not simulated; the event is kept in the function's config");
        return;
    }
    if (from.empty()) {
        s.d.warning(path, "event '" + name + "' names no resource of this template; kept in the function's config");
        return;
    }
    s.add_edge(from, port, fn, props);
}

// ---- Section: wiring resources ------------------------------------------------------------------

// A rule's Targets as the template wrote them (an empty array when unknown): the resolution may
// have turned a parameter or a resource's ARN into assumed text, which an export must not keep.
Json written_targets(const ImportState& s, const std::string& logical) {
    if (!s.as_written || !s.as_written->contains("Resources")) return Json::array();
    const Json& rs = (*s.as_written)["Resources"];
    const auto r = rs.is_object() ? rs.find(logical) : rs.end();
    if (r == rs.end() || !r->is_object()) return Json::array();
    const Json props = r->value("Properties", Json::object());
    const Json targets = props.is_object() ? props.value("Targets", Json::array()) : Json::array();
    return targets.is_array() ? targets : Json::array();
}

bool wiring_resource(ImportState& s, const std::string& logical, const Json& res) {
    const std::string type = res["Type"].get<std::string>();
    const Json props = res.value("Properties", Json::object());
    const std::string path = pointer(logical);
    if (type == "AWS::SNS::Subscription") {
        const std::string topic = ref_node(s, props.value("TopicArn", Json()));
        const std::string protocol = text_of(props, "Protocol");
        std::string to = ref_node(s, props.value("Endpoint", Json()));
        if (to.empty() && (protocol == "email" || protocol == "email-json"))
            to = implicit_node(s, node_id_for(logical), "email", {{"Endpoint", props.value("Endpoint", Json(""))}});
        if (to.empty() && (protocol == "http" || protocol == "https"))
            to = implicit_node(s, node_id_for(logical), "http", {{"Endpoint", props.value("Endpoint", Json(""))}});
        if (topic.empty() || to.empty()) return false;
        Json config = Json::object();
        for (const char* k :
             {"FilterPolicy", "FilterPolicyScope", "RawMessageDelivery", "DeliveryPolicy", "RedrivePolicy"})
            if (props.contains(k)) config[k] = props[k];
        if (config.contains("RedrivePolicy") && config["RedrivePolicy"].is_object()) {
            const std::string dlq = ref_node(s, config["RedrivePolicy"].value("deadLetterTargetArn", Json()));
            if (!dlq.empty()) {
                config["RedrivePolicy"]["deadLetterTargetArn"] = dlq;
                s.add_edge(topic, "dlq", dlq, Json::object());
            }
        }
        s.add_edge(topic, "out", to, config);
        return true;
    }
    if (type == "AWS::Lambda::EventSourceMapping") {
        const std::string from = ref_node(s, props.value("EventSourceArn", Json()));
        const std::string fn = ref_node(s, props.value("FunctionName", Json()));
        if (from.empty() || fn.empty()) return false;
        Json config = props;
        config.erase("EventSourceArn");
        config.erase("FunctionName");
        const Json* src = s.node(from);
        s.add_edge(from, src && (*src)["type"] == "dynamodb" ? "stream" : "out", fn, config);
        return true;
    }
    if (type == "AWS::Events::Rule") {
        const std::string bus = bus_for(s, props.value("EventBusName", Json()));
        // Its logical id kept: the export writes the rule under it, so what names it still resolves.
        Json rule = {{"Name", props.value("Name", Json(logical))}, {kCfnLogicalIdKey, logical}};
        for (const char* k : {"EventPattern", "ScheduleExpression", "State", "Description"})
            if (props.contains(k)) rule[k] = props[k];
        Json targets = Json::array();
        Json unsimulated = Json::array();  // written back on export as the template wrote them
        const Json listed = props.value("Targets", Json::array());
        const Json written = written_targets(s, logical);
        for (std::size_t j = 0; listed.is_array() && j < listed.size(); ++j) {
            const Json& t = listed[j];
            const Json& as_written = written.size() == listed.size() ? written[j] : t;
            std::string target = ref_node(s, t.value("Arn", Json()));
            if (target.empty()) target = node_named(s, t.value("Arn", Json()));
            if (target.empty()) {
                s.d.warning(path + "/Properties/Targets",
                            "a rule target names no node of this template; not simulated, written back on export");
                unsimulated.push_back(as_written);
                continue;
            }
            if (!can_send(s, bus, "out", target)) {
                const Json* n = s.node(target);
                s.d.warning(path + "/Properties/Targets",
                            "rule target '" + target + "' (" + (n ? n->value("type", "") : std::string("?")) +
                                ") cannot receive this bus's events here; not simulated, written back on export");
                unsimulated.push_back(as_written);
                continue;
            }
            Json spec = t;
            spec["Arn"] = target;
            if (spec.contains("DeadLetterConfig")) {
                const std::string dlq = ref_node(s, spec["DeadLetterConfig"].value("Arn", Json()));
                if (!dlq.empty()) {
                    spec["DeadLetterConfig"]["Arn"] = dlq;
                    s.add_edge(bus, "dlq", dlq, Json::object());
                }
            }
            targets.push_back(spec);
            s.add_edge(bus, "out", target, Json::object());
        }
        rule["Targets"] = targets;
        if (!unsimulated.empty()) rule[kCfnTargetsKey] = unsimulated;
        if (Json* rules = rules_of(s, bus)) rules->push_back(std::move(rule));
        return true;
    }
    return false;
}

// ---- Section: properties that wire --------------------------------------------------------------

// A bucket's NotificationConfiguration: an edge per destination with the config SAM's S3 event
// gives (Events, Prefix, Suffix); EventBridgeConfiguration sends every event to the default bus
// (https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-s3-bucket-notificationconfiguration.html).
void bucket_notifications(ImportState& s, const std::string& id, const Json& nc, const std::string& path) {
    if (!nc.is_object()) return;
    struct Out {
        std::string to, prefix, suffix;
        Json events = Json::array();
    };
    std::vector<Out> outs;
    for (const auto& [list, key] :
         {std::pair{"LambdaConfigurations", "Function"}, std::pair{"QueueConfigurations", "Queue"},
          std::pair{"TopicConfigurations", "Topic"}}) {
        const Json items = as_list(nc.value(list, Json()));
        for (std::size_t i = 0; i < items.size(); ++i) {
            const Json& c = items[i];
            if (!c.is_object()) continue;
            const std::string where = path + "/" + list + "/" + std::to_string(i);
            const std::string to = node_named(s, c.value(key, Json()));
            if (to.empty() || !can_send(s, id, "out", to)) {
                s.d.warning(where, std::string("the notification's ") + key +
                                       " names no node of this template that S3 can notify; left out");
                continue;
            }
            Out o{to, "", "", Json::array()};
            const Json filter = c.value("Filter", Json::object());
            const Json key_filter = filter.is_object() ? filter.value("S3Key", Json::object()) : Json::object();
            for (const Json& r : as_list(key_filter.is_object() ? key_filter.value("Rules", Json()) : Json())) {
                std::string name = text_of(r, "Name");
                for (char& ch : name) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
                (name == "suffix" ? o.suffix : o.prefix) = text_of(r, "Value");
            }
            const Json ev = c.value("Event", Json("s3:ObjectCreated:*"));
            auto same = std::find_if(outs.begin(), outs.end(), [&](const Out& x) {
                return x.to == o.to && x.prefix == o.prefix && x.suffix == o.suffix;
            });
            if (same == outs.end()) {
                outs.push_back(o);
                same = outs.end() - 1;
            }
            if (std::find(same->events.begin(), same->events.end(), ev) == same->events.end())
                same->events.push_back(ev);
        }
    }
    for (const Out& o : outs) {
        Json config = {{"Events", o.events}};
        if (!o.prefix.empty()) config["Prefix"] = o.prefix;
        if (!o.suffix.empty()) config["Suffix"] = o.suffix;
        s.add_edge(id, "out", o.to, config);
    }
    if (auto eb = nc.find("EventBridgeConfiguration");
        eb != nc.end() && eb->is_object() && eb->value("EventBridgeEnabled", Json(true)) != Json(false)) {
        const std::string bus = bus_for(s, Json());
        s.add_edge(id, "out", bus, Json::object());
    }
}

// A processor list's transformation Lambda (Type Lambda, parameter LambdaArn) and its retries.
void firehose_processing(ImportState& s, const std::string& id, const Json& pc, Json& config) {
    if (!pc.is_object()) return;
    Json lifted = Json::object();
    if (pc.contains("Enabled")) lifted["Enabled"] = pc["Enabled"];
    for (const Json& p : as_list(pc.value("Processors", Json()))) {
        if (!p.is_object() || text_of(p, "Type") != "Lambda") continue;
        for (const Json& param : as_list(p.value("Parameters", Json()))) {
            const std::string name = text_of(param, "ParameterName");
            const Json value = param.is_object() ? param.value("ParameterValue", Json()) : Json();
            if (name == "LambdaArn") {
                const std::string fn = node_named(s, value);
                if (!fn.empty() && can_send(s, id, "transform", fn)) s.add_edge(id, "transform", fn, Json::object());
            } else if (name == "NumberOfRetries" && value.is_string()) {
                const std::string v = value.get<std::string>();
                if (!v.empty() && v.size() < 4 && std::all_of(v.begin(), v.end(), ::isdigit))
                    lifted["NumberOfRetries"] = std::stoi(v);
            }
        }
    }
    if (pc.value("Enabled", Json(true)) != Json(false) && !config.contains("ProcessingConfiguration"))
        config["ProcessingConfiguration"] = lifted;
}

// A delivery stream's destination bucket (ExtendedS3 / S3 / Redshift's staging bucket), Redshift
// cluster, transformation Lambda and source stream; the destination's buffering and prefixes where the
// simulated stream reads them
// (https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-kinesisfirehose-deliverystream.html).
void delivery_stream_edges(ImportState& s, const std::string& id, Json& config) {
    auto bucket_of = [&](const Json& dest) {
        const std::string bucket = node_named(s, dest.value("BucketARN", Json()));
        if (!bucket.empty() && can_send(s, id, "out", bucket)) s.add_edge(id, "out", bucket, Json::object());
    };
    auto lift = [&](const Json& dest) {
        if (auto bh = dest.find("BufferingHints");
            bh != dest.end() && bh->is_object() && !config.contains("BufferingHints"))
            config["BufferingHints"] = *bh;
        for (const char* k : {"Prefix", "ErrorOutputPrefix"})
            if (auto v = dest.find(k); v != dest.end() && v->is_string() && !config.contains(k)) config[k] = *v;
    };
    for (const char* key : {"ExtendedS3DestinationConfiguration", "S3DestinationConfiguration"}) {
        const Json dest = config.value(key, Json());
        if (!dest.is_object()) continue;
        bucket_of(dest);
        lift(dest);
        firehose_processing(s, id, dest.value("ProcessingConfiguration", Json()), config);
    }
    if (const Json rs = config.value("RedshiftDestinationConfiguration", Json()); rs.is_object()) {
        const std::string cluster = node_named(s, rs.value("ClusterJDBCURL", Json()));
        if (!cluster.empty() && can_send(s, id, "out", cluster)) s.add_edge(id, "out", cluster, Json::object());
        const Json staging = rs.value("S3Configuration", Json());
        if (staging.is_object()) {
            bucket_of(staging);
            lift(staging);
        }
        firehose_processing(s, id, rs.value("ProcessingConfiguration", Json()), config);
    }
    if (const Json src = config.value("KinesisStreamSourceConfiguration", Json()); src.is_object()) {
        const std::string stream = node_named(s, src.value("KinesisStreamARN", Json()));
        if (!stream.empty() && can_send(s, stream, "out", id)) s.add_edge(stream, "out", id, Json::object());
    }
}

// Wiring a bucket, delivery stream or topic declares in its own properties. Looks nodes up by id
// as it goes: the default bus and subscription endpoints it may add move them.
void declared_wiring(ImportState& s, const std::string& logical, const std::string& id) {
    const Json* n = s.node(id);
    if (!n) return;
    const ServiceRole role = default_registry().role_of(n->value("type", ""));
    Json config = n->value("config", Json::object());
    if (role == ServiceRole::ObjectStore && config.contains("NotificationConfiguration"))
        bucket_notifications(s, id, config["NotificationConfiguration"],
                             pointer(logical) + "/Properties/NotificationConfiguration");
    if (role == ServiceRole::DeliveryStream) {
        delivery_stream_edges(s, id, config);
        (*s.node(id))["config"] = config;  // the destination's buffering, prefixes and processing lifted
    }
    if (role == ServiceRole::Topic && config.contains("Subscription")) {
        // A topic's inline subscriptions {Protocol, Endpoint}
        // (https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-sns-topic-subscription.html).
        const Json subs = as_list(config["Subscription"]);
        for (std::size_t i = 0; i < subs.size(); ++i) {
            const Json& sub = subs[i];
            const std::string protocol = text_of(sub, "Protocol");
            std::string to = node_named(s, sub.value("Endpoint", Json()));
            if (to.empty() && (protocol == "email" || protocol == "email-json"))
                to = implicit_node(s, id + "-email-" + std::to_string(i + 1), "email",
                                   {{"Endpoint", sub.value("Endpoint", Json(""))}});
            if (to.empty() && (protocol == "http" || protocol == "https"))
                to = implicit_node(s, id + "-http-" + std::to_string(i + 1), "http",
                                   {{"Endpoint", sub.value("Endpoint", Json(""))}});
            if (!to.empty() && can_send(s, id, "out", to)) s.add_edge(id, "out", to, Json::object());
        }
    }
}

void property_edges(ImportState& s, const std::string& logical, Json& node) {
    const std::string id = node["id"].get<std::string>();
    const ServiceRole role = default_registry().role_of(node["type"].get<std::string>());
    Json& config = node["config"];
    if (role == ServiceRole::Queue && config.contains("RedrivePolicy") && config["RedrivePolicy"].is_object()) {
        const std::string dlq = ref_node(s, config["RedrivePolicy"].value("deadLetterTargetArn", Json()));
        if (!dlq.empty()) {
            config["RedrivePolicy"]["deadLetterTargetArn"] = dlq;
            s.add_edge(id, "dlq", dlq, Json::object());
        }
    }
    if (role != ServiceRole::Function && role != ServiceRole::StateMachine) {
        definition_edges(s, logical, node);  // an API's OpenAPI routes; may add nodes, so last
        return;
    }
    if (auto dlq = config.find("DeadLetterQueue"); dlq != config.end() && dlq->is_object()) {
        const std::string q = ref_node(s, dlq->value("TargetArn", Json()));
        if (!q.empty()) s.add_edge(id, "dlq", q, Json::object());
    }
    if (auto eic = config.find("EventInvokeConfig"); eic != config.end() && eic->is_object()) {
        Json& dc = (*eic)["DestinationConfig"];
        for (const auto& [side, port] : {std::pair{"OnSuccess", "on_success"}, std::pair{"OnFailure", "on_failure"}}) {
            if (!dc.is_object() || !dc.contains(side) || !dc[side].is_object()) continue;
            const std::string dest = ref_node(s, dc[side].value("Destination", Json()));
            if (!dest.empty()) {
                dc[side]["Destination"] = dest;
                s.add_edge(id, port, dest, Json::object());
            }
        }
        if (dc.is_null()) eic->erase("DestinationConfig");
    }
    call_edges(s, id);  // may add the default bus: `node` and `config` are not valid afterwards
    Json& fn_config = (*s.node(id))["config"];
    if (auto ev = fn_config.find("Events"); ev != fn_config.end() && ev->is_object()) {
        const Json events = *ev;
        fn_config.erase("Events");
        for (auto it = events.begin(); it != events.end(); ++it)
            function_event(s, id, logical, it.key(), it.value(), pointer(logical) + "/Properties/Events/" + it.key());
    }
    if (role == ServiceRole::StateMachine) definition_edges(s, logical, *s.node(id));  // Task states' targets
}

}  // namespace

// ---- Section: entry point -----------------------------------------------------------------------

void import_foreign(ImportState& s, const std::set<std::string>& skip) {
    const Json& resources = s.tmpl["Resources"];
    std::vector<std::string> fresh;
    for (auto it = resources.begin(); it != resources.end(); ++it) {
        if (skip.count(it.key())) continue;
        const std::string_view type = sim_type_for_cfn(it.value()["Type"].get<std::string>());
        if (type.empty()) continue;
        if (std::string why = not_simulated(it.value()); !why.empty()) {  // a "cloudformation" node below
            s.unsimulated[it.key()] = std::move(why);
            continue;
        }
        add_node(s, it.key(), it.value(), type);
        fresh.push_back(it.key());
    }
    for (const std::string& logical : fresh) {
        declared_wiring(s, logical, s.node_of[logical]);
        Json* node = s.node(s.node_of[logical]);
        if (node) property_edges(s, logical, *node);
    }
    for (auto it = resources.begin(); it != resources.end(); ++it) {
        if (!skip.count(it.key()) && import_scheduler_resource(s, it.key(), it.value())) continue;  // nodes exist now
        if (skip.count(it.key()) || s.consumed.count(it.key())) continue;
        if (wiring_resource(s, it.key(), it.value())) continue;
        const std::string type = it.value()["Type"].get<std::string>();
        const auto unsimulated = s.unsimulated.find(it.key());
        const std::string why =
            unsimulated != s.unsimulated.end() ? unsimulated->second : "resource type '" + type + "' is not simulated";
        if (s.ours) {  // an earlier export wrote it from the pattern's kept "cloudformation" resources
            s.kept_resources[it.key()] = it.value();
            s.d.warning(pointer(it.key()), why + "; it is kept and written back on export");
            continue;
        }
        // Shown as a passive node, written back verbatim under the same logical id.
        Json config = resource_config(it.value(), true);
        const std::string id = s.unique_id(node_id_for(it.key()));
        s.nodes.push_back({{"id", id}, {"type", kCfnNodeType}, {"config", std::move(config)}});
        if (logical_id_for(id) != it.key()) s.nodes.back()[kCfnLogicalIdKey] = it.key();
        s.node_of[it.key()] = id;
        s.consumed.insert(it.key());
        s.d.warning(pointer(it.key()), why + "; it becomes a CloudFormation resource node, written back on export");
    }
    infer_calls(s);  // last: assumed Actions skip the nodes that trigger the function
}

}  // namespace sim::sami
