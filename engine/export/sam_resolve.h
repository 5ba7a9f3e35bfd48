// sam_resolve.h — internal: a foreign template made ready to map onto nodes. SAM Globals are merged
// into each serverless resource as SAM merges them; Conditions are evaluated with Parameters'
// defaults; intrinsics (Ref to parameters and pseudo parameters, Fn::Sub, Fn::Join, Fn::If,
// Fn::Select, Fn::FindInMap, Fn::ImportValue …) are resolved where they can be, while a Ref or
// Fn::GetAtt naming a resource stays as it is (it is wiring). What cannot be resolved is kept, and
// where a setting needs a plain value the import assumes one and says so in the summary.
//
// The stack is imagined deployed as SAM CLI deploys it by default: stack "sam-app" in account
// 123456789012, region us-east-1 (the account and region the simulation uses everywhere). A
// resource without a name property is named by its node id, as the simulation names it.
//
// Stages (sam_resolve.cpp): Globals → resource Conditions → intrinsics in each resource's
// Properties (sam_resolve_intrinsics.cpp) → settings that need plain values. Never throws; the
// template's other sections (Parameters, Conditions, Globals, Outputs …) are returned as written.
#pragma once

#include "export/sam_import.h"

#include <map>
#include <optional>
#include <set>
#include <string>

namespace sim::sami {

Json resolve_template(const Json& root, Diagnostics& d, ImportSummary& summary);

namespace resolve {

inline constexpr const char* kRegion = "us-east-1";
inline constexpr const char* kAccount = "123456789012";
inline constexpr const char* kStackName = "sam-app";  // SAM CLI's default stack name

// {"Ref": …} or {"Fn::…": …}: an object with one key that names an intrinsic function.
bool is_intrinsic(const Json& v);
// No intrinsic anywhere inside.
bool is_plain(const Json& v);
// The text CloudFormation gives a plain scalar inside a string (numbers as written, booleans
// "true"/"false"); nullopt for objects, arrays and null.
std::optional<std::string> scalar_text(const Json& v);

// Intrinsic functions evaluated over one template (parameters' defaults, pseudo parameters,
// Mappings, Conditions, and what AWS returns for the resources' Ref and Fn::GetAtt).
class Intrinsics {
public:
    Intrinsics(const Json& tmpl, Diagnostics& d, ImportSummary& summary);

    // `v` with every intrinsic resolved that can be; nullopt when it is AWS::NoValue (the
    // enclosing key or list element goes). `ptr` is v's JSON pointer, for the summary.
    std::optional<Json> resolve(const Json& v, const std::string& ptr);
    // A named condition of the Conditions section; nullopt when it cannot be decided.
    std::optional<bool> condition(const std::string& name);
    // What CloudFormation returns for {"Ref": logical} / {"Fn::GetAtt": [logical, attr]} of a
    // resource of this template, as text; nullopt when unknown for its type.
    std::optional<std::string> ref_text(const std::string& logical);
    std::optional<std::string> getatt_text(const std::string& logical, const std::string& attr);
    // The resource's physical name: its name property when plain, the assumed name when it is set
    // but cannot be resolved, else its node id (the name the simulation gives it).
    std::string physical_name(const std::string& logical);
    // The name assumed for a resource whose name property does not resolve ("sam-app-orders").
    std::string assumed_name(const std::string& logical) const;
    // The property holding a resource type's own name ("BucketName"); "" when none.
    static std::string name_property(const std::string& type);
    bool is_resource(const std::string& logical) const;
    std::string type_of(const std::string& logical) const;
    void assume(const std::string& line);  // a line in summary.assumed (each line once)
    bool over_budget() const { return budget_ <= 0; }
    // A value as the text it gives inside a string: plain scalars, and a resource's Ref / GetAtt.
    std::optional<std::string> text_of(const Json& v);

private:
    std::optional<Json> resolve_at(const Json& v, const std::string& ptr, int depth);
    std::optional<Json> intrinsic(const std::string& fn, const Json& arg, const Json& whole, const std::string& ptr,
                                  int depth);
    std::optional<Json> ref(const std::string& name, const Json& whole, const std::string& ptr);
    std::optional<Json> sub(const Json& arg, const Json& whole, const std::string& ptr, int depth);
    std::optional<Json> parameter(const std::string& name, const std::string& ptr);
    std::optional<bool> evaluate(const Json& expr, int depth);
    void spend(std::size_t n);

    const Json& tmpl_;
    Diagnostics& d_;
    ImportSummary& summary_;
    std::map<std::string, Json> params_;  // parameters resolved so far
    std::map<std::string, std::optional<bool>> conditions_;
    std::set<std::string> evaluating_;  // conditions being evaluated (cycle guard)
    std::map<std::string, std::string> names_;
    std::set<std::string> naming_;  // physical names being resolved (cycle guard)
    std::set<std::string> assumed_;
    long long budget_ = 8'000'000;  // characters and values the resolution may produce
    bool budget_warned_ = false;
};

}  // namespace resolve
}  // namespace sim::sami
