// lambda_actions.cpp — reading Lambda "Actions" and building each SDK request at run time.
#include "services/lambda/lambda_actions.h"

#include "pattern/config_reader.h"
#include "pattern/pattern.h"
#include "services/all_services.h"
#include "services/json_path.h"

namespace sim::svc {
namespace {

// A target type's contract, looked up on first use: the registry is built from every service's
// kind() (Lambda's included), so it must not be touched while it is being built.
const ServiceKind* contract_of(const std::string& type) {
    return default_registry().find(type);
}

void add_payload(Json& req, const LambdaAction& a, const Json& event) {
    req["operation"] = a.operation;
    if (!a.op->payload_field.empty()) {
        const std::string key(a.op->payload_field);
        if (!req.contains(key) && !req.contains("Entries")) req[key] = event;
        return;
    }
    // No payload field (a table, a bucket, a function, ...): the simulator reads the event as
    // "Event" unless the action already gives the item, body or message.
    if (!req.contains("Body") && !req.contains("Item") && !req.contains("Message") && a.operation != "GetItem")
        req["Event"] = event;
}

// A record selector: "$.body..." → the payload; metadata from the record itself.
Json select_record(const std::string& s, const Message& rec) {
    static const Json kNull;
    const Json& body = rec.body ? *rec.body : kNull;
    for (const char* prefix : {"$.body", "$.kinesis.data", "$.dynamodb", "$.data"}) {
        const std::size_t n = std::char_traits<char>::length(prefix);
        if (s.compare(0, n, prefix) == 0 && (s.size() == n || s[n] == '.' || s[n] == '[')) {
            const Json* v = select_steps(body, std::string_view(s).substr(n));
            return v ? *v : Json();
        }
    }
    if (s == "$.messageId" || s == "$.eventID" || s == "$.recordId") return std::to_string(rec.id);
    if (s == "$") return body;
    if (rec.attributes && s.rfind("$.kinesis.", 0) == 0) {
        const Json* v = select_steps(*rec.attributes, std::string_view(s).substr(9));  // ".x" of "$.kinesis.x"
        return v ? *v : Json();
    }
    if (rec.attributes && (s.rfind("$.messageAttributes", 0) == 0 || s.rfind("$.attributes", 0) == 0)) {
        const std::size_t dot = s.find('.', 2);  // "$.attributes" alone selects them all
        const Json* v = select_steps(*rec.attributes,
                                     dot == std::string::npos ? std::string_view() : std::string_view(s).substr(dot));
        return v ? *v : Json();
    }
    return Json();
}

// True when every selector in `tmpl` reads the record's payload only (see select_record).
bool reads_payload_only(const Json& tmpl) {
    if (tmpl.is_string()) {
        const std::string& s = tmpl.get_ref<const std::string&>();
        if (s.empty() || s[0] != '$' || !is_simple_path(s) || s == "$") return true;
        for (const char* prefix : {"$.body", "$.kinesis.data", "$.dynamodb", "$.data"}) {
            const std::size_t n = std::char_traits<char>::length(prefix);
            if (s.compare(0, n, prefix) == 0 && (s.size() == n || s[n] == '.' || s[n] == '[')) return true;
        }
        return false;
    }
    if (tmpl.is_object() || tmpl.is_array())
        for (const Json& v : tmpl)
            if (!reads_payload_only(v)) return false;
    return true;
}

Json resolve_record(const Json& tmpl, const Message& rec) {
    if (tmpl.is_string()) {
        const std::string& s = tmpl.get_ref<const std::string&>();
        if (!s.empty() && s[0] == '$' && is_simple_path(s)) return select_record(s, rec);
        return tmpl;
    }
    if (tmpl.is_object()) {
        Json o = Json::object();
        for (auto it = tmpl.begin(); it != tmpl.end(); ++it) o[it.key()] = resolve_record(it.value(), rec);
        return o;
    }
    if (tmpl.is_array()) {
        Json arr = Json::array();
        for (const auto& v : tmpl) arr.push_back(resolve_record(v, rec));
        return arr;
    }
    return tmpl;
}

}  // namespace

std::string lambda_operations_for(const std::string& type) {
    std::string out;
    if (const ServiceKind* k = contract_of(type))
        for (const OperationSpec& op : k->operations) {
            if (!out.empty()) out += ' ';
            out += op.name;
        }
    return out;
}

Json lambda_request(const LambdaAction& a, const Json& event) {
    Json req = resolve_paths(a.params, event);
    add_payload(req, a, event);
    return req;
}

Json lambda_record_request(const LambdaAction& a, const Message& record) {
    Json req = resolve_record(a.params, record);
    static const Json kNull;
    add_payload(req, a, record.body ? *record.body : kNull);
    return req;
}

std::vector<LambdaAction> read_lambda_actions(BuildContext& ctx) {
    std::vector<LambdaAction> out;
    const Json* actions = ctx.config.raw("Actions");
    if (!actions) return out;
    const std::string base = ctx.config.path_of("Actions");
    if (!actions->is_array()) {
        ctx.diagnostics.error(base,
                              "Actions must be an array of {\"target\", \"operation\", ...}, got " + actions->dump());
        return out;
    }
    for (std::size_t i = 0; i < actions->size(); ++i) {
        const Json& a = (*actions)[i];
        const std::string path = base + "/" + std::to_string(i);
        if (!a.is_object() || !a.contains("target") || !a["target"].is_string() || !a.contains("operation") ||
            !a["operation"].is_string()) {
            ctx.diagnostics.error(
                path,
                "an action needs \"target\" (a wired node id) and \"operation\" (e.g. \"PutItem\"), got " + a.dump());
            continue;
        }
        LambdaAction act;
        const std::string target = a["target"];
        for (const Link& l : ctx.links)
            if (l.target_id == target && l.port == "out") act.link = &l;
        if (!act.link) {
            ctx.diagnostics.error(path + "/target", "'" + ctx.spec.id + "' is not wired to '" + target + "'",
                                  "add an edge from " + ctx.spec.id + " to " + target + ", or fix the target id");
            continue;
        }
        act.operation = a["operation"];
        const ServiceKind* contract = contract_of(act.link->target_type);
        act.op = contract ? contract->operation(act.operation) : nullptr;
        if (!act.op) {
            ctx.diagnostics.error(path + "/operation", "operation '" + act.operation + "' is not one " +
                                                           act.link->target_type + " supports here; expected one of: " +
                                                           lambda_operations_for(act.link->target_type));
            continue;
        }
        act.params = a;
        act.params.erase("target");
        act.params.erase("operation");
        act.params.erase("assumed");  // an import's note of why the action was inferred, not a request field
        act.record_body_only = reads_payload_only(act.params);
        out.push_back(std::move(act));
    }
    return out;
}

JsonPtr ActionRequests::plain(const std::vector<LambdaAction>& actions, std::size_t i, const JsonPtr& event) {
    if (plain_.size() < actions.size()) plain_.resize(actions.size());
    Entry& e = plain_[i];
    if (e.valid && e.event == event) return e.request;
    static const Json kNull;
    e.valid = true;
    e.event = event;
    e.request = std::make_shared<const Json>(lambda_request(actions[i], event ? *event : kNull));
    return e.request;
}

JsonPtr ActionRequests::record(const std::vector<LambdaAction>& actions, std::size_t i, const Message& rec) {
    if (!actions[i].record_body_only) return std::make_shared<const Json>(lambda_record_request(actions[i], rec));
    if (record_.size() < actions.size()) record_.resize(actions.size());
    Entry& e = record_[i];
    if (e.valid && e.event == rec.body) return e.request;
    e.valid = true;
    e.event = rec.body;
    e.request = std::make_shared<const Json>(lambda_record_request(actions[i], rec));
    return e.request;
}

}  // namespace sim::svc
