// sam_import_calls.cpp — what a function calls, inferred from what its template says: SAM policy
// templates
// (https://docs.aws.amazon.com/serverless-application-model/latest/developerguide/serverless-policy-templates.html),
// IAM statements in its Policies and in the role it runs as (AWS::IAM::Role, AWS::IAM::Policy …), and
// Environment.Variables naming a resource. Each becomes an edge on the function's SDK-calls port
// where that port reaches the node; a function whose code will not run here also gets an Action per
// inferred call, marked "assumed", so it does something.
//
// Index: what grants a call · reading policies · the inference · summary
#include "export/sam_import_state.h"
#include "services/all_services.h"
#include "services/lambda/lambda_actions.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <vector>

namespace sim::sami {

namespace {

// ---- Section: what grants a call ----------------------------------------------------------------

// A data-plane IAM action and the operation the simulated service answers it with. Per service in
// order of preference for an assumed action (a write first, as the contract lists it).
struct DataAction {
    const char* iam;        // "dynamodb:PutItem"
    const char* node_type;  // "dynamodb"
    const char* operation;  // "PutItem"
};

// https://docs.aws.amazon.com/service-authorization/latest/reference/reference_policies_actions-resources-contextkeys.html
constexpr DataAction kDataActions[] = {
    {"dynamodb:PutItem", "dynamodb", "PutItem"},
    {"dynamodb:UpdateItem", "dynamodb", "UpdateItem"},
    {"dynamodb:BatchWriteItem", "dynamodb", "PutItem"},
    {"dynamodb:GetItem", "dynamodb", "GetItem"},
    {"dynamodb:BatchGetItem", "dynamodb", "GetItem"},
    {"dynamodb:Query", "dynamodb", "Query"},
    {"dynamodb:Scan", "dynamodb", "Query"},
    {"dynamodb:DeleteItem", "dynamodb", "DeleteItem"},
    {"sqs:SendMessage", "sqs", "SendMessage"},
    {"sqs:SendMessageBatch", "sqs", "SendMessage"},
    {"sns:Publish", "sns", "Publish"},
    {"events:PutEvents", "eventbridge", "PutEvents"},
    {"s3:PutObject", "s3", "PutObject"},
    {"s3:GetObject", "s3", "GetObject"},
    {"s3:DeleteObject", "s3", "DeleteObject"},
    {"states:StartExecution", "stepfunctions", "StartExecution"},
    {"states:StartSyncExecution", "stepfunctions", "StartSyncExecution"},
    {"kinesis:PutRecord", "kinesis", "PutRecord"},
    {"kinesis:PutRecords", "kinesis", "PutRecord"},
    {"firehose:PutRecord", "firehose", "PutRecord"},
    {"firehose:PutRecordBatch", "firehose", "PutRecord"},
    {"lambda:InvokeFunction", "lambda", "Invoke"},
};

// SAM policy templates that let a function call a resource, the argument naming it, and the
// operation an assumed action uses. Templates that only read a stream or poll a queue are not calls
// (the event source mapping does that) and are not listed.
struct PolicyTemplate {
    const char* name;
    const char* argument;
    const char* node_type;
    const char* operation;
};

// https://docs.aws.amazon.com/serverless-application-model/latest/developerguide/serverless-policy-template-table.html
constexpr PolicyTemplate kPolicyTemplates[] = {
    {"DynamoDBCrudPolicy", "TableName", "dynamodb", "PutItem"},
    {"DynamoDBWritePolicy", "TableName", "dynamodb", "PutItem"},
    {"DynamoDBReadPolicy", "TableName", "dynamodb", "GetItem"},
    {"SQSSendMessagePolicy", "QueueName", "sqs", "SendMessage"},
    {"SNSPublishMessagePolicy", "TopicName", "sns", "Publish"},
    {"SNSCrudPolicy", "TopicName", "sns", "Publish"},
    {"EventBridgePutEventsPolicy", "EventBusName", "eventbridge", "PutEvents"},
    {"S3CrudPolicy", "BucketName", "s3", "PutObject"},
    {"S3WritePolicy", "BucketName", "s3", "PutObject"},
    {"S3FullAccessPolicy", "BucketName", "s3", "PutObject"},
    {"S3ReadPolicy", "BucketName", "s3", "GetObject"},
    {"StepFunctionsExecutionPolicy", "StateMachineName", "stepfunctions", "StartExecution"},
    {"KinesisCrudPolicy", "StreamName", "kinesis", "PutRecord"},
    {"FirehoseWritePolicy", "DeliveryStreamName", "firehose", "PutRecord"},
    {"FirehoseCrudPolicy", "DeliveryStreamName", "firehose", "PutRecord"},
    {"LambdaInvokePolicy", "FunctionName", "lambda", "Invoke"},
};

// Templates that grant no call a function makes: reading a stream, polling a queue, control plane.
constexpr const char* kNotCalls[] = {"DynamoDBStreamReadPolicy",
                                     "SQSPollerPolicy",
                                     "KinesisStreamReadPolicy",
                                     "DynamoDBReconfigurePolicy",
                                     "DynamoDBBackupFullAccessAndRestorePolicy",
                                     "DynamoDBRestoreFromBackupPolicy"};

std::string lower(std::string v) {
    for (char& c : v) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return v;
}

// IAM action matching: case-insensitive, '*' any run of characters, '?' one character.
bool glob(const std::string& pattern, const std::string& text, std::size_t p = 0, std::size_t t = 0) {
    while (p < pattern.size()) {
        if (pattern[p] == '*') {
            for (std::size_t k = t; k <= text.size(); ++k)
                if (glob(pattern, text, p + 1, k)) return true;
            return false;
        }
        if (t >= text.size() || (pattern[p] != '?' && pattern[p] != text[t])) return false;
        ++p;
        ++t;
    }
    return t == text.size();
}

std::string text_of(const Json& obj, const char* key) {
    if (!obj.is_object()) return {};
    auto it = obj.find(key);
    return it != obj.end() && it->is_string() ? it->get<std::string>() : std::string();
}

std::string type_of(const ImportState& s, const std::string& id) {
    for (const auto& n : s.nodes)
        if (n.value("id", "") == id) return n.value("type", "");
    return {};
}

// ---- Section: reading policies ------------------------------------------------------------------

struct Grant {
    std::string target;     // node id
    std::string operation;  // the operation an assumed action uses
    std::string why;        // "DynamoDBCrudPolicy", "dynamodb:PutItem in role R", "environment variable X"
};

Json as_list(const Json& v) {
    if (v.is_array()) return v;
    if (v.is_null()) return Json::array();
    return Json::array({v});
}

void statement_grants(const ImportState& s, const Json& statements, const std::string& where, std::vector<Grant>& out) {
    for (const Json& st : as_list(statements)) {
        if (!st.is_object() || text_of(st, "Effect") == "Deny") continue;
        std::vector<std::string> actions;
        for (const Json& a : as_list(st.value("Action", Json())))
            if (a.is_string()) actions.push_back(lower(a.get<std::string>()));
        if (actions.empty()) continue;
        for (const Json& r : as_list(st.value("Resource", Json()))) {
            const std::string target = node_named(s, r);
            if (target.empty()) continue;
            const std::string type = type_of(s, target);
            for (const DataAction& da : kDataActions) {
                if (type != da.node_type) continue;
                const std::string iam = lower(da.iam);
                const auto hit =
                    std::find_if(actions.begin(), actions.end(), [&](const std::string& a) { return glob(a, iam); });
                if (hit == actions.end()) continue;
                out.push_back({target, da.operation, std::string(da.iam) + " in " + where});
                break;  // the preferred operation of this resource; one grant per resource
            }
        }
    }
}

void document_grants(const ImportState& s, const Json& doc, const std::string& where, std::vector<Grant>& out) {
    if (doc.is_object() && doc.contains("Statement")) statement_grants(s, doc["Statement"], where, out);
}

const Json* resource(const ImportState& s, const std::string& logical) {
    const Json& rs = s.tmpl["Resources"];
    auto it = rs.find(logical);
    return it != rs.end() && it->is_object() ? &*it : nullptr;
}

Json props_of(const Json& res) {
    const Json p = res.value("Properties", Json::object());
    return p.is_object() ? p : Json::object();
}

// A managed policy resource of the template a Ref names: its statements.
void managed_policy_grants(const ImportState& s, const Json& ref, std::vector<Grant>& out) {
    const std::string logical = ref_target(ref);
    const Json* res = logical.empty() ? nullptr : resource(s, logical);
    if (!res || res->value("Type", "") != "AWS::IAM::ManagedPolicy") return;
    document_grants(s, props_of(*res).value("PolicyDocument", Json()), "policy " + logical, out);
}

// The logical id of the AWS::IAM::Role a function's Role names (GetAtt, Ref, or a role ARN text).
std::string role_logical(const ImportState& s, const Json& role) {
    if (std::string r = ref_target(role); !r.empty()) return r;
    if (!role.is_string()) return {};
    const std::string arn = role.get<std::string>();
    const std::string name = arn.substr(arn.rfind('/') + 1);
    const Json& rs = s.tmpl["Resources"];
    for (auto it = rs.begin(); it != rs.end(); ++it)
        if (it->is_object() && it->value("Type", "") == "AWS::IAM::Role" &&
            (it.key() == name || text_of(props_of(*it), "RoleName") == name))
            return it.key();
    return {};
}

// Statements of the role and of the policies attached to it.
void role_grants(const ImportState& s, const std::string& role, std::vector<Grant>& out) {
    const Json* res = resource(s, role);
    if (!res || res->value("Type", "") != "AWS::IAM::Role") return;
    const Json props = props_of(*res);
    for (const Json& p : as_list(props.value("Policies", Json())))
        if (p.is_object()) document_grants(s, p.value("PolicyDocument", Json()), "role " + role, out);
    for (const Json& m : as_list(props.value("ManagedPolicyArns", Json()))) managed_policy_grants(s, m, out);
    const std::string role_name = text_of(props, "RoleName");
    const Json& rs = s.tmpl["Resources"];
    for (auto it = rs.begin(); it != rs.end(); ++it) {
        if (!it->is_object()) continue;
        const std::string type = it->value("Type", "");
        if (type != "AWS::IAM::Policy" && type != "AWS::IAM::RolePolicy" && type != "AWS::IAM::ManagedPolicy") continue;
        const Json p = props_of(*it);
        bool attached = false;
        for (const Json& r : as_list(p.contains("Roles") ? p["Roles"] : p.value("RoleName", Json())))
            if (ref_target(r) == role || (r.is_string() && (r == role || (!role_name.empty() && r == role_name))))
                attached = true;
        if (attached) document_grants(s, p.value("PolicyDocument", Json()), "policy " + it.key(), out);
    }
}

// A function's Policies: policy templates, inline statements, managed policies of the template.
void policies_grants(ImportState& s, const std::string& fn, const Json& policies, std::vector<Grant>& out) {
    for (const Json& p : as_list(policies)) {
        if (!p.is_object()) continue;  // an AWS managed policy name: names no resource
        if (p.contains("Statement")) {
            document_grants(s, p, "Policies", out);
            continue;
        }
        if (!ref_target(p).empty()) {
            managed_policy_grants(s, p, out);
            continue;
        }
        for (auto it = p.begin(); it != p.end(); ++it) {
            const std::string name = it.key();
            if (std::find_if(std::begin(kNotCalls), std::end(kNotCalls), [&](const char* n) { return name == n; }) !=
                std::end(kNotCalls))
                continue;
            const PolicyTemplate* known = nullptr;
            for (const PolicyTemplate& t : kPolicyTemplates)
                if (name == t.name) known = &t;
            if (!it->is_object()) continue;
            if (!known) {  // a template not listed: a call to the node its argument names, as before
                for (auto arg = it->begin(); arg != it->end(); ++arg) {
                    const std::string target = ref_node(s, arg.value());
                    if (target.empty() || target == fn) continue;
                    const std::string ops = svc::lambda_operations_for(type_of(s, target));
                    out.push_back({target, ops.substr(0, ops.find(' ')), name});
                }
                continue;
            }
            const Json arg = it->value(known->argument, Json());
            std::string target = node_named(s, arg);
            if (target.empty() && std::string(known->node_type) == "eventbridge" &&
                (arg == "default" || (arg.is_string() && arg.get<std::string>().ends_with("event-bus/default"))))
                target = default_bus(s);
            if (target.empty() || type_of(s, target) != known->node_type) continue;
            out.push_back({target, known->operation, name});
        }
    }
}

// Environment variables whose value names a node: a Ref, GetAtt or Sub of it, an ARN or URL naming
// it, or text equal to its name.
void environment_grants(const ImportState& s, const Json& config, std::vector<Grant>& out) {
    const Json env = config.value("Environment", Json::object());
    const Json vars = env.is_object() ? env.value("Variables", Json::object()) : Json::object();
    if (!vars.is_object()) return;
    for (auto it = vars.begin(); it != vars.end(); ++it) {
        const Json& v = it.value();
        std::string target;
        if (v.is_object()) {
            target = node_named(s, v);
        } else if (v.is_string()) {
            const std::string text = v.get<std::string>();
            const std::string named = node_named(s, v);
            if (text.starts_with("arn:") || text.starts_with("https://")) target = named;
            if (!named.empty() && target.empty())
                for (const auto& [logical, id] : s.node_of) {
                    if (id != named) continue;
                    const Json* n = const_cast<ImportState&>(s).node(id);
                    const Json c = n ? n->value("config", Json::object()) : Json::object();
                    if (text == id || text == logical) target = id;
                    for (const char* k : {"TableName", "QueueName", "TopicName", "BucketName", "Name", "StreamName",
                                          "FunctionName", "StateMachineName", "DeliveryStreamName"})
                        if (text_of(c, k) == text) target = id;
                }
        }
        if (target.empty()) continue;
        const std::string ops = svc::lambda_operations_for(type_of(s, target));
        out.push_back({target, ops.substr(0, ops.find(' ')), "environment variable " + it.key()});
    }
}

// ---- Section: the inference ---------------------------------------------------------------------

// Whether a function's code will run here: Node.js code in the template (InlineCode, ZipFile), read
// from beside it (CodeFiles), or still to be read from its CodeUri (sam_code_uri.h); a container
// image or another runtime runs its latency model instead.
bool code_runs(const Json& config) {
    if (text_of(config, "PackageType") == "Image" || config.contains("ImageUri")) return false;
    const Json runtime = config.value("Runtime", Json("nodejs22.x"));
    if (!runtime.is_string() || !runtime.get<std::string>().starts_with("nodejs")) return false;
    const Json code = config.value("Code", Json());
    return config.contains("InlineCode") || (code.is_object() && code.contains("ZipFile")) ||
           config.contains("CodeFiles") || config.value("CodeUri", Json()).is_string();
}

bool feeds(const ImportState& s, const std::string& from, const std::string& to) {
    for (const auto& e : s.edges)
        if (e.value("from", "") == from && e.value("to", "") == to) return true;
    return false;
}

// The nodes a function's grants let it call, first grant per node (policies, then its role, then its
// environment), where its SDK-calls port reaches them.
std::vector<Grant> calls_of(ImportState& s, const std::string& fn) {
    std::vector<Grant> grants;
    {
        const Json config = s.node(fn)->value("config", Json::object());
        if (config.contains("Policies")) policies_grants(s, fn, config["Policies"], grants);
        if (config.contains("Role")) role_grants(s, role_logical(s, config["Role"]), grants);
        environment_grants(s, config, grants);
    }
    const std::string fn_type = type_of(s, fn);
    std::vector<Grant> out;
    for (const Grant& g : grants) {
        if (g.target == fn || g.target.empty()) continue;
        if (!default_registry().can_connect(fn_type, "out", type_of(s, g.target)).ok) continue;
        if (std::none_of(out.begin(), out.end(), [&](const Grant& o) { return o.target == g.target; }))
            out.push_back(g);
    }
    return out;
}

void add_actions(ImportState& s, const std::string& fn) {
    if (code_runs(s.node(fn)->value("config", Json::object()))) return;
    for (const Grant& g : calls_of(s, fn)) {
        // A node that triggers the function is not called back by an assumed action: that would be an
        // endless loop (one AWS's recursive loop detection stops). Code that runs may still call it.
        if (feeds(s, g.target, fn)) {
            Json kept = Json::array();
            for (const Json& e : s.edges)
                if (e.value("from", "") != fn || e.value("to", "") != g.target || e.value("port", "out") != "out")
                    kept.push_back(e);
            s.edges = std::move(kept);
            continue;
        }
        if (g.operation.empty()) continue;
        Json& actions = (*s.node(fn))["config"]["Actions"];
        if (!actions.is_array()) actions = Json::array();
        if (std::any_of(actions.begin(), actions.end(),
                        [&](const Json& a) { return a.is_object() && a.value("target", "") == g.target; }))
            continue;
        actions.push_back({{"target", g.target}, {"operation", g.operation}, {"assumed", "from " + g.why}});
    }
}

}  // namespace

void call_edges(ImportState& s, const std::string& fn) {
    for (const Grant& g : calls_of(s, fn)) s.add_edge(fn, "out", g.target, Json::object());
}

void infer_calls(ImportState& s) {
    std::vector<std::string> functions;
    for (const auto& [logical, id] : s.node_of)
        if (s.consumed.count(logical) && default_registry().role_of(type_of(s, id)) == ServiceRole::Function)
            functions.push_back(id);
    for (const std::string& id : functions) add_actions(s, id);
}

// ---- Section: summary ---------------------------------------------------------------------------

void summarize_calls(const ImportState& s, ImportSummary& summary) {
    for (const Json& n : s.nodes) {
        if (default_registry().role_of(n.value("type", "")) != ServiceRole::Function) continue;
        const Json config = n.value("config", Json::object());
        for (const Json& a : config.value("Actions", Json::array()))
            if (a.is_object() && a.contains("assumed"))
                summary.assumed.push_back(
                    n.value("id", "") + " calls " + a.value("target", "") + " (" + a.value("operation", "") +
                    "): assumed " + (a["assumed"].is_string() ? a["assumed"].get<std::string>() : a["assumed"].dump()) +
                    ", as its code does not run here");
    }
}

}  // namespace sim::sami
