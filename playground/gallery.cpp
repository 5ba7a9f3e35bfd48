// gallery.cpp — reads the embedded patterns' names and descriptions.
#include "gallery.h"

#include "assets.h"
#include "pattern/pattern.h"

#include <algorithm>

namespace pg {

const std::vector<GalleryEntry>& gallery() {
    static const std::vector<GalleryEntry> entries = [] {
        std::vector<GalleryEntry> out;
        for (const Asset& a : all_assets()) {
            std::string_view name(a.name);
            if (name.rfind("patterns/", 0) != 0 || name.size() < 15) continue;
            if (name.find('/', 9) != std::string_view::npos) continue;  // tours/, challenges/, quizzes/
            GalleryEntry e;
            e.file = std::string(name.substr(9, name.size() - 9 - 5));
            e.text = std::string_view(reinterpret_cast<const char*>(a.data), a.size);
            sim::ParseResult parsed = sim::parse_pattern(e.text);
            e.name = parsed.pattern.name.empty() ? e.file : parsed.pattern.name;
            e.description = parsed.pattern.description;
            e.nodes = parsed.pattern.nodes.size();
            e.edges = parsed.pattern.edges.size();
            out.push_back(std::move(e));
        }
        std::sort(out.begin(), out.end(), [](const GalleryEntry& a, const GalleryEntry& b) { return a.name < b.name; });
        return out;
    }();
    return entries;
}

}  // namespace pg
