// sam_mapping.cpp — lookups over the contracts' CloudFormation resources (see sam_mapping.h).
#include "export/sam_mapping.h"

#include "services/all_services.h"

#include <algorithm>

namespace sim {

namespace {

bool alnum(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

}  // namespace

const CfnResource* cfn_resource_for(const ServiceKind& kind, const Json& config) {
    if (kind.cfn.empty()) return nullptr;
    for (const CfnResource& r : kind.cfn) {
        if (r.variant_key.empty() || !config.is_object()) continue;
        auto it = config.find(r.variant_key);
        if (it != config.end() && it->is_string() && it->get_ref<const std::string&>() == r.variant) return &r;
    }
    return kind.cfn.front().selected_only ? nullptr : &kind.cfn.front();
}

const CfnResource* sam_map_for(std::string_view sim_type, const Json& config) {
    const ServiceKind* kind = default_registry().find(sim_type);
    return kind ? cfn_resource_for(*kind, config) : nullptr;
}

std::string_view sim_type_for_cfn(std::string_view cfn_type, const CfnResource** matched) {
    if (cfn_type.empty()) return {};
    for (const ServiceKind& k : default_registry().kinds())
        for (const CfnResource& r : k.cfn) {
            if (!r.imported) continue;
            const auto& aliases = r.import_aliases;
            if (r.type == cfn_type || std::find(aliases.begin(), aliases.end(), cfn_type) != aliases.end()) {
                if (matched) *matched = &r;
                return k.type;
            }
        }
    return {};
}

bool is_cfn_property(const CfnResource& resource, std::string_view key) {
    return std::find(resource.properties.begin(), resource.properties.end(), key) != resource.properties.end();
}

std::string logical_id_for(std::string_view node_id) {
    std::string out;
    bool upper = true;
    for (char c : node_id) {
        if (!alnum(c)) {
            upper = true;
            continue;
        }
        out += upper && c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c;
        upper = false;
    }
    return out.empty() ? "N" : out;
}

std::string node_id_for(std::string_view logical_id) {
    std::string out;
    for (char c : logical_id)
        if (alnum(c)) out += c;
    if (out.empty()) out = "resource";
    if (out.size() > 64) out.resize(64);
    return out;
}

}  // namespace sim
