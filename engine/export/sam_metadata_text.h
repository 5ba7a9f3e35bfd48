// sam_metadata_text.h — text in the playground's own Metadata (Metadata.ServerlessPlayground),
// written so that no linter reads it as CloudFormation.
//
// CloudFormation never evaluates Metadata, yet a "${AWS::Region}" kept there (an imported OpenAPI
// body, a value whose Fn::Sub could not be resolved) reads to cfn-lint as a Fn::Sub variable
// written outside Fn::Sub (E1029). Strings under our key are written with "${" as "${!" — Fn::Sub's
// own escape for a literal "${" — and read back with the escape undone, so a pattern round-trips
// unchanged.
#pragma once

#include "services/cloudformation/cloudformation.h"  // kSamMetadataKey

#include <string>

namespace sim {

namespace detail {
template <class J>
void replace_in_strings(J& j, const std::string& from, const std::string& to) {
    if (j.is_string()) {
        std::string& s = j.template get_ref<std::string&>();
        for (std::size_t at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size()))
            s.replace(at, from.size(), to);
    } else if (j.is_structured()) {
        for (auto& child : j) replace_in_strings(child, from, to);
    }
}
// Our Metadata in the template and in each of its resources.
template <class J, class F>
void for_our_metadata(J& tmpl, F&& f) {
    if (!tmpl.is_object()) return;
    auto visit = [&](J& holder) {
        if (!holder.is_object()) return;
        auto md = holder.find("Metadata");
        if (md == holder.end() || !md->is_object()) return;
        if (auto ours = md->find(kSamMetadataKey); ours != md->end()) f(*ours);
    };
    visit(tmpl);
    if (auto rs = tmpl.find("Resources"); rs != tmpl.end() && rs->is_object())
        for (auto& r : *rs) visit(r);
}
}  // namespace detail

template <class J>
void escape_metadata_text(J& tmpl) {
    detail::for_our_metadata(tmpl, [](J& ours) { detail::replace_in_strings(ours, "${", "${!"); });
}
template <class J>
void unescape_metadata_text(J& tmpl) {
    detail::for_our_metadata(tmpl, [](J& ours) { detail::replace_in_strings(ours, "${!", "${"); });
}

}  // namespace sim
