// yaml_parse.h — reads the YAML that SAM/CloudFormation templates are written in, into JSON.
// Our own reader (no YAML library builds for our wasm target), for the subset templates use:
// block mappings and sequences (including "- key: value" items), flow [..] and {..} collections,
// plain / 'single' / "double" quoted scalars, | and > block scalars with chomping indicators,
// comments, one document (optional leading ---), and CloudFormation's short-form tags
// (!Ref X → {"Ref": X}, !GetAtt A.B → {"Fn::GetAtt": ["A", "B"]}, !Sub … → {"Fn::Sub": …},
// !Condition X → {"Condition": X}, any other !Name → {"Fn::Name": …}).
// Scalars resolve with the YAML 1.2 core schema (true/false, null/~, integers, floats).
// Refused with a clear message: anchors/aliases/merge keys, several documents, complex keys,
// tabs in indentation, duplicate keys, nesting deeper than 256 levels.
#pragma once

#include <nlohmann/json.hpp>

#include <cstddef>
#include <string>
#include <string_view>

namespace sim {

struct YamlParseResult {
    nlohmann::json value;
    std::string error;     // empty on success
    std::size_t line = 0;  // 1-based position of the error
    std::size_t column = 0;
    bool ok() const { return error.empty(); }
};

// Never throws.
YamlParseResult parse_yaml(std::string_view text);

}  // namespace sim
