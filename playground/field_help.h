// field_help.h — what an inspector field means, shown when its name is hovered: AWS's meaning of a
// CloudFormation property, or what the simulator does with a knob AWS does not have. The texts are
// playground/help/<type>.json (one per service type; tests/playground/test_field_help.cpp keeps
// them complete), served as site/tools/help/<type>.json and fetched on the first hover of that
// type's fields, so they cost the page's initial download nothing.
#pragma once

#include <string>
#include <string_view>

namespace pg {

struct FieldMeaning {
    enum class State { Loading, Ready, Missing } state = State::Loading;
    std::string text;  // Ready: the meaning; Missing: why there is none
    bool aws = true;   // an AWS property (false: a simulator setting)
};

// The meaning of `key` in `section` ("fields": a node's settings, "links": the settings of a link
// leaving that service) of service `type`. The first ask for a type starts its fetch.
FieldMeaning field_meaning(const std::string& type, std::string_view section, const std::string& key);

// The fetch's answers (platform/field_help_bridge.cpp).
void fetch_field_help(const std::string& type);
void field_help_arrived(const std::string& type, std::string_view json_text);
void field_help_failed(const std::string& type, std::string reason);

}  // namespace pg
