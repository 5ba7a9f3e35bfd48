// cloudformation.cpp — the `cloudformation` node: a resource kept for export only.
// Config is the resource as CloudFormation writes it: "Type" (required), "Properties" and the
// resource attributes (DependsOn, Condition, Metadata, DeletionPolicy, UpdateReplacePolicy,
// UpdatePolicy, CreationPolicy). SAM import turns resource types it cannot map into these nodes;
// SAM export writes them back verbatim under their logical id.
// Modelled:     [x] nothing at run time: a message fired at it is dropped with a reason naming the type
// Not modelled: [ ] the resource itself  [ ] wiring (refused by Registry::can_connect)
#include "services/cloudformation/cloudformation.h"

#include "pattern/config_reader.h"

namespace sim::svc {
namespace {
// A resource kept for export only does not answer requests.
constexpr ErrorSpec kNotSimulated{"NotSimulated", 501, ErrorClass::Server};

bool alnum(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

// Length of the run of alphanumerics (plus `more`) at `at`.
std::size_t run(std::string_view s, std::size_t at, std::string_view more = {}) {
    std::size_t n = 0;
    while (at + n < s.size() && (alnum(s[at + n]) || more.find(s[at + n]) != std::string_view::npos)) ++n;
    return n;
}

class CloudFormationResource final : public Service {
public:
    explicit CloudFormationResource(std::string type)
        : reason_(std::move(type) + " is not simulated; the resource is kept for export") {}

    void on_message(Context& ctx, const Inbound& in) override {
        ctx.drop(in.msg, DropReason::NotSimulated, reason_);
        if (in.caller.valid()) ctx.reply(in.caller, Reply::failure(kNotSimulated, reason_));
    }

private:
    std::string reason_;
};

std::unique_ptr<Service> create_cloudformation(BuildContext& ctx) {
    ConfigReader& r = ctx.config;
    std::string type = "CloudFormation resource";
    const Json* t = r.raw("Type");
    if (!t) {
        r.error("Type",
                "missing Type: a CloudFormation resource needs its resource type, such as \"AWS::ECR::Repository\"");
    } else if (!t->is_string() || !valid_cfn_resource_type(t->get_ref<const std::string&>())) {
        r.error("Type",
                "Type must be a resource type such as \"AWS::ECR::Repository\" (Service::Provider::Resource), got " +
                    t->dump());
    } else {
        type = t->get<std::string>();
    }
    for (const char* key : {"Properties", "Metadata", "UpdatePolicy", "CreationPolicy"}) {
        const Json* v = r.raw(key);
        if (v && !v->is_object()) r.error(key, std::string(key) + " must be an object, got " + json_type_name(*v));
    }
    if (const Json* md = r.raw("Metadata"); md && md->is_object() && md->contains(kSamMetadataKey))
        r.error(std::string("Metadata/") + kSamMetadataKey,
                std::string("Metadata.") + kSamMetadataKey + " is reserved for the playground's own export data",
                "rename the key");
    // Other resource attributes are kept verbatim; CloudFormation checks them at deploy time.
    for (const char* key : {"DependsOn", "Condition", "DeletionPolicy", "UpdateReplacePolicy"}) r.raw(key);
    return std::make_unique<CloudFormationResource>(std::move(type));
}

}  // namespace

bool valid_cfn_resource_type(std::string_view s) {
    // ^[A-Za-z0-9]+::[A-Za-z0-9]+::[A-Za-z0-9:]+$
    const std::size_t a = run(s, 0);
    if (a > 0 && s.substr(a, 2) == "::") {
        const std::size_t b = run(s, a + 2);
        if (b > 0 && s.substr(a + 2 + b, 2) == "::") {
            const std::size_t at = a + 2 + b + 2;
            const std::size_t c = run(s, at, ":");
            if (c > 0 && at + c == s.size()) return true;
        }
    }
    // Custom resources: "Custom::" then letters, digits and _@- (at most 60 characters in all).
    if (s.size() > 8 && s.size() <= 60 && s.substr(0, 8) == "Custom::") return run(s, 8, "_@-") == s.size() - 8;
    return false;
}

ServiceKind cloudformation_kind() {
    ServiceKind k;
    k.type = kCfnNodeType;
    k.label = "CloudFormation resource";
    k.group = "other";
    k.description =
        "A template resource the simulator does not model: shown and written back on export, never simulated";
    k.accepts_input = false;
    k.simulated = false;
    k.errors = {kNotSimulated};
    k.create = create_cloudformation;
    k.icon = "cloudformation";
    k.shape = DiagramShape::Box;
    return k;
}

}  // namespace sim::svc
