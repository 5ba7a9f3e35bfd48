// sam_resolve_intrinsics.cpp — CloudFormation's intrinsic functions evaluated as AWS documents them
// (https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/intrinsic-function-reference.html),
// with the parameters' defaults and the pseudo parameters of a stack "sam-app" in us-east-1; what a
// resource's Ref and Fn::GetAtt return follows each resource type's "Return values" section.
//
// Index: helpers · parameters and pseudo parameters · conditions · functions · Fn::Sub · resources
#include "export/sam_mapping.h"
#include "export/sam_resolve.h"

#include <algorithm>
#include <cctype>

namespace sim::sami::resolve {

namespace {

constexpr int kMaxDepth = 300;  // templates are depth-checked (256) before they get here

std::string escape_pointer(const std::string& key) {
    std::string out;
    for (char c : key) out += c == '~' ? std::string("~0") : c == '/' ? std::string("~1") : std::string(1, c);
    return out;
}

std::string lower_alnum(const std::string& s) {
    std::string out;
    for (char c : s)
        if (std::isalnum(static_cast<unsigned char>(c)))
            out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

const Json* member(const Json& obj, const std::string& key) {
    if (!obj.is_object()) return nullptr;
    auto it = obj.find(key);
    return it == obj.end() ? nullptr : &*it;
}

std::string text(const Json* v) {
    return v && v->is_string() ? v->get<std::string>() : std::string();
}

// "12" → 12, "0.5" → 0.5; other text stays text.
Json number_or_text(const std::string& s) {
    if (s.empty() || s.size() > 32 || !(std::isdigit(static_cast<unsigned char>(s[0])) || s[0] == '-')) return s;
    Json j = Json::parse(s, nullptr, false);
    if (!j.is_discarded() && j.is_number()) return j;
    return s;
}

std::size_t values_in(const Json& v) {
    std::size_t n = 1;
    if (v.is_string()) return v.get_ref<const std::string&>().size() + 1;
    if (v.is_structured())
        for (const auto& x : v) n += values_in(x);
    return n;
}

// Fn::Equals compares values as CloudFormation sees them: strings (a Number parameter equals "5").
bool same_value(const Json& a, const Json& b) {
    if (a.is_array() && b.is_array()) {
        if (a.size() != b.size()) return false;
        for (std::size_t i = 0; i < a.size(); ++i)
            if (!same_value(a[i], b[i])) return false;
        return true;
    }
    const auto ta = scalar_text(a), tb = scalar_text(b);
    if (ta && tb) return *ta == *tb;
    return a == b;
}

// The Ref/GetAtt form of a resource: logical id and attribute ("" for Ref); nullopt otherwise.
std::optional<std::pair<std::string, std::string>> resource_ref(const Json& v) {
    if (!v.is_object() || v.size() != 1) return std::nullopt;
    if (auto r = v.find("Ref"); r != v.end()) {
        if (r->is_string()) return std::pair{r->get<std::string>(), std::string()};
        return std::nullopt;
    }
    if (auto g = v.find("Fn::GetAtt"); g != v.end()) {
        if (g->is_array() && g->size() == 2 && (*g)[0].is_string() && (*g)[1].is_string())
            return std::pair{(*g)[0].get<std::string>(), (*g)[1].get<std::string>()};
        if (g->is_string()) {
            const std::string s = g->get<std::string>();
            const auto dot = s.find('.');
            if (dot != std::string::npos) return std::pair{s.substr(0, dot), s.substr(dot + 1)};
        }
    }
    return std::nullopt;
}

}  // namespace

// ---- Section: helpers ---------------------------------------------------------------------------

bool is_intrinsic(const Json& v) {
    if (!v.is_object() || v.size() != 1) return false;
    const std::string& k = v.begin().key();
    return k == "Ref" || k.rfind("Fn::", 0) == 0;
}

bool is_plain(const Json& v) {
    if (is_intrinsic(v)) return false;
    if (v.is_structured())
        for (const auto& x : v)
            if (!is_plain(x)) return false;
    return true;
}

std::optional<std::string> scalar_text(const Json& v) {
    if (v.is_string()) return v.get<std::string>();
    if (v.is_boolean()) return std::string(v.get<bool>() ? "true" : "false");
    if (v.is_number()) return v.dump();
    return std::nullopt;
}

Intrinsics::Intrinsics(const Json& tmpl, Diagnostics& d, ImportSummary& summary)
    : tmpl_(tmpl), d_(d), summary_(summary) {}

void Intrinsics::assume(const std::string& line) {
    if (assumed_.insert(line).second) summary_.assumed.push_back(line);
}

void Intrinsics::spend(std::size_t n) {
    budget_ -= static_cast<long long>(n);
    if (budget_ <= 0 && !budget_warned_) {
        budget_warned_ = true;
        d_.warning("", "the template's intrinsic functions expand to more than 8 MB; the rest are kept as written");
    }
}

std::optional<Json> Intrinsics::resolve(const Json& v, const std::string& ptr) {
    return resolve_at(v, ptr, 0);
}

std::optional<Json> Intrinsics::resolve_at(const Json& v, const std::string& ptr, int depth) {
    if (depth > kMaxDepth || over_budget()) return v;
    if (v.is_object()) {
        if (is_intrinsic(v)) return intrinsic(v.begin().key(), v.begin().value(), v, ptr, depth);
        Json out = Json::object();
        for (auto it = v.begin(); it != v.end(); ++it)
            if (auto r = resolve_at(it.value(), ptr + "/" + escape_pointer(it.key()), depth + 1)) out[it.key()] = *r;
        return out;
    }
    if (v.is_array()) {
        Json out = Json::array();
        for (std::size_t i = 0; i < v.size(); ++i)
            if (auto r = resolve_at(v[i], ptr + "/" + std::to_string(i), depth + 1)) out.push_back(std::move(*r));
        return out;
    }
    return v;
}

// ---- Section: parameters and pseudo parameters --------------------------------------------------

// https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/pseudo-parameter-reference.html
std::optional<Json> Intrinsics::ref(const std::string& name, const Json& whole, const std::string& ptr) {
    if (name == "AWS::Region") return Json(kRegion);
    if (name == "AWS::AccountId") return Json(kAccount);
    if (name == "AWS::Partition") return Json("aws");
    if (name == "AWS::URLSuffix") return Json("amazonaws.com");
    if (name == "AWS::StackName") return Json(kStackName);
    if (name == "AWS::StackId")
        return Json(std::string("arn:aws:cloudformation:") + kRegion + ":" + kAccount + ":stack/" + kStackName +
                    "/00000000-0000-0000-0000-000000000000");
    if (name == "AWS::NotificationARNs") return Json::array();
    if (name == "AWS::NoValue") return std::nullopt;
    if (const Json* params = member(tmpl_, "Parameters"); params && member(*params, name)) return parameter(name, ptr);
    return whole;  // a resource (wiring) or a name the template does not declare
}

// A parameter's value: its Default as its Type reads it
// (https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/parameters-section-structure.html),
// else an assumed value, said in the summary.
std::optional<Json> Intrinsics::parameter(const std::string& name, const std::string& ptr) {
    if (auto it = params_.find(name); it != params_.end()) return it->second;
    const Json* params = member(tmpl_, "Parameters");
    const Json* p = params ? member(*params, name) : nullptr;
    const Json empty = Json::object();
    if (!p || !p->is_object()) p = &empty;
    std::string type = text(member(*p, "Type"));
    if (type.empty()) type = "String";
    const bool ssm = type.rfind("AWS::SSM::Parameter::Value<", 0) == 0;
    const bool list =
        type == "CommaDelimitedList" || type.rfind("List<", 0) == 0 ||
        (ssm && (type.find("<List<") != std::string::npos || type.find("CommaDelimitedList") != std::string::npos));
    const bool number = type == "Number";
    auto typed = [&](const Json& v) -> Json {
        if (v.is_array()) return v;
        const std::string t = scalar_text(v).value_or("");
        if (list) {
            Json out = Json::array();
            std::size_t start = 0;
            for (std::size_t comma; (comma = t.find(',', start)) != std::string::npos; start = comma + 1)
                out.push_back(t.substr(start, comma - start));
            out.push_back(t.substr(start));
            return out;
        }
        return number ? number_or_text(t) : Json(t);
    };
    Json value;
    const Json* def = member(*p, "Default");
    if (def && !def->is_null() && !ssm) {
        value = typed(*def);
    } else {
        const Json* allowed = member(*p, "AllowedValues");
        if (allowed && allowed->is_array() && !allowed->empty()) {
            value = typed((*allowed)[0]);
        } else if (number) {
            const Json* min = member(*p, "MinValue");
            value = min && (min->is_number() || min->is_string()) ? typed(*min) : Json(1);
            if (!value.is_number()) value = 1;
        } else {
            std::string guess = lower_alnum(name);
            if (guess.empty()) guess = "value";
            value = list ? Json::array({guess}) : Json(guess);
        }
        const std::string why = ssm ? "is read from Systems Manager at deploy time" : "has no Default";
        assume(ptr + ": parameter " + name + " (" + type + ") " + why + "; assumed " + value.dump());
    }
    spend(values_in(value));
    params_[name] = value;
    return value;
}

// ---- Section: conditions ------------------------------------------------------------------------

// https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/intrinsic-function-reference-conditions.html
std::optional<bool> Intrinsics::condition(const std::string& name) {
    if (auto it = conditions_.find(name); it != conditions_.end()) return it->second;
    if (evaluating_.count(name) || evaluating_.size() > 64) return std::nullopt;  // a cycle, or too deep
    const Json* conds = member(tmpl_, "Conditions");
    const Json* expr = conds ? member(*conds, name) : nullptr;
    if (!expr) return std::nullopt;
    evaluating_.insert(name);
    const std::optional<bool> result = evaluate(*expr, 0);
    evaluating_.erase(name);
    conditions_[name] = result;
    return result;
}

std::optional<bool> Intrinsics::evaluate(const Json& expr, int depth) {
    if (depth > 64 || !expr.is_object() || expr.size() != 1) return std::nullopt;
    const std::string& fn = expr.begin().key();
    const Json& arg = expr.begin().value();
    if (fn == "Condition") return arg.is_string() ? condition(arg.get<std::string>()) : std::nullopt;
    if (fn == "Fn::Equals") {
        if (!arg.is_array() || arg.size() != 2) return std::nullopt;
        const auto a = resolve_at(arg[0], "/Conditions", depth + 1);
        const auto b = resolve_at(arg[1], "/Conditions", depth + 1);
        if (!a || !b || !is_plain(*a) || !is_plain(*b)) return std::nullopt;
        return same_value(*a, *b);
    }
    if (fn == "Fn::Not") {
        if (!arg.is_array() || arg.size() != 1) return std::nullopt;
        const auto v = evaluate(arg[0], depth + 1);
        return v ? std::optional<bool>(!*v) : std::nullopt;
    }
    if (fn == "Fn::And" || fn == "Fn::Or") {
        if (!arg.is_array() || arg.empty()) return std::nullopt;
        const bool is_and = fn == "Fn::And";
        bool unknown = false;
        for (const auto& x : arg) {
            const auto v = evaluate(x, depth + 1);
            if (!v)
                unknown = true;
            else if (*v != is_and)
                return !is_and;  // a false in And, a true in Or decides
        }
        return unknown ? std::nullopt : std::optional<bool>(is_and);
    }
    return std::nullopt;
}

// ---- Section: functions -------------------------------------------------------------------------

std::optional<Json> Intrinsics::intrinsic(const std::string& fn, const Json& arg, const Json& whole,
                                          const std::string& ptr, int depth) {
    auto sub_value = [&](const Json& v) { return resolve_at(v, ptr, depth + 1); };
    if (fn == "Ref") return arg.is_string() ? ref(arg.get<std::string>(), whole, ptr) : whole;
    if (fn == "Fn::GetAtt") return whole;  // wiring
    if (fn == "Fn::Sub") return sub(arg, whole, ptr, depth);
    if (fn == "Fn::If") {
        if (!arg.is_array() || arg.size() != 3 || !arg[0].is_string()) return whole;
        const auto c = condition(arg[0].get<std::string>());
        if (!c) return whole;
        return sub_value(arg[*c ? 1 : 2]);
    }
    if (fn == "Fn::Join") {
        if (!arg.is_array() || arg.size() != 2 || !arg[0].is_string()) return whole;
        const auto list = sub_value(arg[1]);
        if (!list || !list->is_array()) return whole;
        std::string out;
        for (std::size_t i = 0; i < list->size(); ++i) {
            const auto t = text_of((*list)[i]);
            if (!t) return whole;
            if (i) out += arg[0].get<std::string>();
            out += *t;
            if (out.size() > 1'000'000) return whole;
        }
        spend(out.size());
        return Json(out);
    }
    if (fn == "Fn::Select") {
        if (!arg.is_array() || arg.size() != 2) return whole;
        const auto index = sub_value(arg[0]);
        const auto list = sub_value(arg[1]);
        if (!index || !list || !list->is_array()) return whole;
        const Json i = index->is_string() ? number_or_text(index->get<std::string>()) : *index;
        if (!i.is_number_integer() && !i.is_number_unsigned()) return whole;
        const long long n = i.get<long long>();
        if (n < 0 || n >= static_cast<long long>(list->size())) return whole;
        return (*list)[static_cast<std::size_t>(n)];
    }
    if (fn == "Fn::Split") {
        if (!arg.is_array() || arg.size() != 2 || !arg[0].is_string() || arg[0].get<std::string>().empty())
            return whole;
        const auto s = sub_value(arg[1]);
        if (!s || !s->is_string()) return whole;
        const std::string delim = arg[0].get<std::string>(), t = s->get<std::string>();
        Json out = Json::array();
        std::size_t start = 0;
        for (std::size_t at; (at = t.find(delim, start)) != std::string::npos; start = at + delim.size())
            out.push_back(t.substr(start, at - start));
        out.push_back(t.substr(start));
        spend(t.size() + out.size());
        return out;
    }
    if (fn == "Fn::FindInMap") {
        if (!arg.is_array() || arg.size() < 3) return whole;
        const Json* at = member(tmpl_, "Mappings");
        for (std::size_t i = 0; i < 3 && at; ++i) {
            const auto key = sub_value(arg[i]);
            const auto k = key ? scalar_text(*key) : std::nullopt;
            at = k ? member(*at, *k) : nullptr;
        }
        if (at) {
            spend(values_in(*at));
            return *at;
        }
        // The language extension's fourth argument: {"DefaultValue": …}.
        if (const Json* def = arg.size() == 4 ? member(arg[3], "DefaultValue") : nullptr) return sub_value(*def);
        return whole;
    }
    if (fn == "Fn::GetAZs") {
        const auto r = sub_value(arg);
        if (!r || !r->is_string()) return whole;
        std::string region = r->get<std::string>();
        if (region.empty()) region = kRegion;  // "" means the stack's region
        // The documented us-east-1 example: [us-east-1a … us-east-1e].
        Json out = Json::array();
        for (char z = 'a'; z <= 'e'; ++z) out.push_back(region + z);
        if (region != kRegion) assume(ptr + ": Fn::GetAZs of " + region + ": assumed " + out.dump());
        return out;
    }
    if (fn == "Fn::ImportValue") {
        const auto r = sub_value(arg);
        const auto t = r ? scalar_text(*r) : std::nullopt;
        if (!t) return whole;
        assume(ptr + ": Fn::ImportValue '" + *t + "' is another stack's export; assumed its value is '" + *t + "'");
        return Json(*t);
    }
    if (fn == "Fn::Base64") {  // kept as text: what the service decodes it to
        const auto r = sub_value(arg);
        return r && r->is_string() ? *r : whole;
    }
    if (fn == "Fn::ToJsonString") {  // AWS::LanguageExtensions
        const auto r = sub_value(arg);
        if (!r || !is_plain(*r)) return whole;
        std::string out = r->dump();
        spend(out.size());
        return Json(std::move(out));
    }
    if (fn == "Fn::Length") {  // AWS::LanguageExtensions
        const auto r = sub_value(arg);
        return r && r->is_array() ? Json(r->size()) : whole;
    }
    return whole;
}

// A value as the text it gives inside a string: plain scalars, and a resource's Ref / GetAtt.
std::optional<std::string> Intrinsics::text_of(const Json& v) {
    if (auto t = scalar_text(v)) return t;
    if (auto r = resource_ref(v); r && is_resource(r->first))
        return r->second.empty() ? ref_text(r->first) : getatt_text(r->first, r->second);
    return std::nullopt;
}

// ---- Section: Fn::Sub ---------------------------------------------------------------------------

// https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/intrinsic-function-reference-sub.html
// ${Param} and ${Resource} give what Ref gives, ${Resource.Attr} what Fn::GetAtt gives, ${!Literal}
// the text ${Literal}. A string that is exactly one ${Resource} / ${Resource.Attr} becomes that Ref /
// Fn::GetAtt, so that the import still sees the wiring.
std::optional<Json> Intrinsics::sub(const Json& arg, const Json& whole, const std::string& ptr, int depth) {
    std::string pattern;
    Json vars = Json::object();
    if (arg.is_string()) {
        pattern = arg.get<std::string>();
    } else if (arg.is_array() && !arg.empty() && arg.size() <= 2 && arg[0].is_string()) {
        pattern = arg[0].get<std::string>();
        if (arg.size() == 2) {
            if (!arg[1].is_object()) return whole;
            for (auto it = arg[1].begin(); it != arg[1].end(); ++it) {
                auto r = resolve_at(it.value(), ptr, depth + 1);
                if (!r) return whole;
                vars[it.key()] = std::move(*r);
            }
        }
    } else {
        return whole;
    }
    // Pieces: literal text, and variable names (marked by a leading NUL).
    std::vector<std::string> pieces;
    std::string literal;
    for (std::size_t i = 0; i < pattern.size();) {
        const std::size_t open = pattern.find("${", i);
        if (open == std::string::npos) {
            literal += pattern.substr(i);
            break;
        }
        literal += pattern.substr(i, open - i);
        if (open + 2 < pattern.size() && pattern[open + 2] == '!') {
            literal += "${";
            i = open + 3;
            continue;
        }
        const std::size_t close = pattern.find('}', open + 2);
        if (close == std::string::npos) {
            literal += pattern.substr(open);
            break;
        }
        std::string name = pattern.substr(open + 2, close - open - 2);
        name.erase(0, name.find_first_not_of(" \t"));
        name.erase(name.find_last_not_of(" \t") + 1);
        if (!literal.empty()) pieces.push_back(std::move(literal));
        literal.clear();
        pieces.push_back(std::string(1, '\0') + name);
        i = close + 1;
    }
    if (!literal.empty()) pieces.push_back(std::move(literal));

    const Json* params = member(tmpl_, "Parameters");
    // The value of one variable: a plain value, or a resource's Ref / GetAtt.
    auto value_of = [&](const std::string& name) -> std::optional<Json> {
        if (const Json* v = member(vars, name)) return *v;
        if (name.rfind("AWS::", 0) == 0 || (params && member(*params, name))) {
            const Json r = Json{{"Ref", name}};
            auto v = ref(name, r, ptr);
            if (!v || *v == r) return std::nullopt;
            return v;
        }
        if (is_resource(name)) return Json{{"Ref", name}};
        const auto dot = name.find('.');
        if (dot != std::string::npos && is_resource(name.substr(0, dot)))
            return Json{{"Fn::GetAtt", Json::array({name.substr(0, dot), name.substr(dot + 1)})}};
        return std::nullopt;
    };
    if (pieces.size() == 1 && !pieces[0].empty() && pieces[0][0] == '\0') {
        const auto v = value_of(pieces[0].substr(1));
        if (!v) return whole;
        if (auto t = scalar_text(*v)) return Json(*t);
        if (resource_ref(*v)) return *v;  // the wiring stays
        return whole;
    }
    std::string out;
    for (const std::string& p : pieces) {
        if (p.empty() || p[0] != '\0') {
            out += p;
            continue;
        }
        const auto v = value_of(p.substr(1));
        const auto t = v ? text_of(*v) : std::nullopt;
        if (!t) return whole;
        out += *t;
        if (out.size() > 1'000'000) return whole;
    }
    spend(out.size());
    return Json(out);
}

// ---- Section: resources -------------------------------------------------------------------------

bool Intrinsics::is_resource(const std::string& logical) const {
    const Json* rs = member(tmpl_, "Resources");
    return rs && member(*rs, logical) != nullptr;
}

std::string Intrinsics::type_of(const std::string& logical) const {
    const Json* rs = member(tmpl_, "Resources");
    const Json* r = rs ? member(*rs, logical) : nullptr;
    return r ? text(member(*r, "Type")) : std::string();
}

std::string Intrinsics::name_property(const std::string& type) {
    static const std::map<std::string, std::string> names = {
        {"AWS::S3::Bucket", "BucketName"},
        {"AWS::DynamoDB::Table", "TableName"},
        {"AWS::Serverless::SimpleTable", "TableName"},
        {"AWS::SQS::Queue", "QueueName"},
        {"AWS::SNS::Topic", "TopicName"},
        {"AWS::Kinesis::Stream", "Name"},
        {"AWS::KinesisFirehose::DeliveryStream", "DeliveryStreamName"},
        {"AWS::Lambda::Function", "FunctionName"},
        {"AWS::Serverless::Function", "FunctionName"},
        {"AWS::StepFunctions::StateMachine", "StateMachineName"},
        {"AWS::Serverless::StateMachine", "Name"},
        {"AWS::Events::EventBus", "Name"},
        {"AWS::Events::Rule", "Name"},
        {"AWS::IAM::Role", "RoleName"},
        {"AWS::Logs::LogGroup", "LogGroupName"},
    };
    auto it = names.find(type);
    return it == names.end() ? std::string() : it->second;
}

std::string Intrinsics::assumed_name(const std::string& logical) const {
    std::string base = lower_alnum(logical);
    if (base.empty()) base = "resource";
    return (std::string(kStackName) + "-" + base).substr(0, 63);  // S3's limit, the tightest
}

std::string Intrinsics::physical_name(const std::string& logical) {
    if (auto it = names_.find(logical); it != names_.end()) return it->second;
    const std::string type = type_of(logical);
    const std::string key = name_property(type);
    const Json* rs = member(tmpl_, "Resources");
    const Json* res = rs ? member(*rs, logical) : nullptr;
    const Json* props = res ? member(*res, "Properties") : nullptr;
    const Json* named = props && !key.empty() ? member(*props, key) : nullptr;
    // Unnamed: the simulation names the resource by its node id (FIFO queues and topics end in .fifo).
    std::string name = node_id_for(logical);
    const char* fifo = type == "AWS::SQS::Queue" ? "FifoQueue" : type == "AWS::SNS::Topic" ? "FifoTopic" : nullptr;
    if (fifo && props && member(*props, fifo) && *member(*props, fifo) == true && !name.ends_with(".fifo"))
        name += ".fifo";
    if (named) {
        // Names that name each other, or a chain too long to follow: assumed.
        if (naming_.count(logical) || naming_.size() > 16) return assumed_name(logical);
        naming_.insert(logical);
        const auto r = resolve_at(*named, "/Resources/" + escape_pointer(logical) + "/Properties/" + key, 0);
        naming_.erase(logical);
        if (r && r->is_string() && !r->get<std::string>().empty())
            name = r->get<std::string>();
        else if (r)
            name = assumed_name(logical);
    }
    names_[logical] = name;
    return name;
}

std::optional<std::string> Intrinsics::ref_text(const std::string& logical) {
    // Return values: Ref, per resource type (…/TemplateReference/aws-resource-<service>-<type>.html).
    const std::string type = type_of(logical);
    static const std::set<std::string> by_name = {"AWS::S3::Bucket",
                                                  "AWS::DynamoDB::Table",
                                                  "AWS::Serverless::SimpleTable",
                                                  "AWS::Lambda::Function",
                                                  "AWS::Serverless::Function",
                                                  "AWS::Kinesis::Stream",
                                                  "AWS::KinesisFirehose::DeliveryStream",
                                                  "AWS::Events::EventBus",
                                                  "AWS::IAM::Role",
                                                  "AWS::Logs::LogGroup"};
    if (by_name.count(type)) return physical_name(logical);
    if (type == "AWS::SQS::Queue") return getatt_text(logical, "QueueUrl");
    if (type == "AWS::SNS::Topic" || type == "AWS::StepFunctions::StateMachine" ||
        type == "AWS::Serverless::StateMachine")
        return getatt_text(logical, "Arn");
    if (type == "AWS::Serverless::Api" || type == "AWS::ApiGateway::RestApi" || type == "AWS::Serverless::HttpApi" ||
        type == "AWS::ApiGatewayV2::Api") {
        std::string id = lower_alnum(logical).substr(0, 10);  // an API id: 10 lowercase letters and digits
        id.resize(10, '0');
        return id;
    }
    return std::nullopt;
}

std::optional<std::string> Intrinsics::getatt_text(const std::string& logical, const std::string& attr) {
    const std::string type = type_of(logical);
    const std::string n = physical_name(logical);
    const std::string region = std::string(":") + kRegion + ":" + kAccount + ":";
    auto arn = [&](const char* service, const std::string& rest) {
        return "arn:aws:" + std::string(service) + region + rest;
    };
    if (type == "AWS::SQS::Queue") {
        if (attr == "Arn") return arn("sqs", n);
        if (attr == "QueueName") return n;
        if (attr == "QueueUrl") return std::string("https://sqs.") + kRegion + ".amazonaws.com/" + kAccount + "/" + n;
    } else if (type == "AWS::SNS::Topic") {
        if (attr == "TopicArn" || attr == "Arn") return arn("sns", n);
        if (attr == "TopicName") return n;
    } else if (type == "AWS::S3::Bucket") {
        if (attr == "Arn") return "arn:aws:s3:::" + n;
        if (attr == "DomainName") return n + ".s3.amazonaws.com";
        if (attr == "RegionalDomainName") return n + ".s3." + kRegion + ".amazonaws.com";
    } else if (type == "AWS::DynamoDB::Table" || type == "AWS::Serverless::SimpleTable") {
        if (attr == "Arn") return arn("dynamodb", "table/" + n);
        // The stream label the simulation gives every table's stream (dynamodb_streams.cpp).
        if (attr == "StreamArn") return arn("dynamodb", "table/" + n + "/stream/2026-01-01T00:00:00.000");
    } else if (type == "AWS::Lambda::Function" || type == "AWS::Serverless::Function") {
        if (attr == "Arn") return arn("lambda", "function:" + n);
    } else if (type == "AWS::StepFunctions::StateMachine" || type == "AWS::Serverless::StateMachine") {
        if (attr == "Arn") return arn("states", "stateMachine:" + n);
        if (attr == "Name") return n;
    } else if (type == "AWS::Kinesis::Stream") {
        if (attr == "Arn") return arn("kinesis", "stream/" + n);
    } else if (type == "AWS::KinesisFirehose::DeliveryStream") {
        if (attr == "Arn") return arn("firehose", "deliverystream/" + n);
    } else if (type == "AWS::Events::EventBus") {
        if (attr == "Arn") return arn("events", "event-bus/" + n);
        if (attr == "Name") return n;
    } else if (type == "AWS::Events::Rule") {
        if (attr == "Arn") return arn("events", "rule/" + n);
    } else if (type == "AWS::IAM::Role") {
        if (attr == "Arn") return std::string("arn:aws:iam::") + kAccount + ":role/" + n;
    } else if (type == "AWS::Logs::LogGroup") {
        if (attr == "Arn") return arn("logs", "log-group:" + n + ":*");
    }
    return std::nullopt;
}

}  // namespace sim::sami::resolve
