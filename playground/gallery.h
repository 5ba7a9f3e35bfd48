// gallery.h — the patterns shipped with the playground (patterns/*.json, embedded at build time).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace pg {

struct GalleryEntry {
    std::string file;         // "rest-api"
    std::string name;         // "REST API"
    std::string description;  // the pattern's own description
    std::size_t nodes = 0, edges = 0;
    std::string_view text;  // the JSON
};

// All embedded patterns, sorted by name (parsed once).
const std::vector<GalleryEntry>& gallery();

}  // namespace pg
