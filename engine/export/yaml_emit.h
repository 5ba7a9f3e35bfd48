// yaml_emit.h — a small block-style YAML writer for the JSON data model (no YAML library builds
// for our wasm target). Strings are written plain when a YAML 1.1/1.2 reader would read them
// back as the same string, and double-quoted (JSON escapes, valid YAML) otherwise.
#pragma once

#include <nlohmann/json.hpp>

#include <string>
#include <string_view>

namespace sim {

// The document, ending in a newline. Key order is the object's order.
std::string to_yaml(const nlohmann::ordered_json& value);
// True when `s` may be written without quotes.
bool yaml_plain_safe(std::string_view s);

}  // namespace sim
