// gallery.cpp — reads the shipped patterns' names and descriptions, and keeps the state of the
// code patterns' fetch (the fetch itself is in platform/fetched_files_bridge.cpp).
#include "gallery.h"

#include "assets.h"
#include "pattern/pattern.h"

#include <algorithm>

namespace pg {
namespace {

constexpr std::string_view kTop = "patterns/", kCode = "patterns/code/";

CodeGallery g_state = CodeGallery::NotAsked;
std::string g_error;

std::vector<GalleryEntry> read_gallery() {
    std::vector<GalleryEntry> out;
    for_each_asset([&](const Asset& a) {
        GalleryEntry e;
        if (json_file_in(a.name, kTop, e.file)) {
        } else if (json_file_in(a.name, kCode, e.file)) {
            e.code = true;
        } else {
            return;
        }
        e.text = std::string_view(reinterpret_cast<const char*>(a.data), a.size);
        sim::ParseResult parsed = sim::parse_pattern(e.text);
        e.name = parsed.pattern.name.empty() ? e.file : parsed.pattern.name;
        e.description = parsed.pattern.description;
        e.nodes = parsed.pattern.nodes.size();
        e.edges = parsed.pattern.edges.size();
        out.push_back(std::move(e));
    });
    std::sort(out.begin(), out.end(),
              [](const GalleryEntry& a, const GalleryEntry& b) { return a.code != b.code ? b.code : a.name < b.name; });
    return out;
}

}  // namespace

const std::vector<GalleryEntry>& gallery() {
    static std::vector<GalleryEntry> entries;
    static std::uint64_t read_at = ~0ull;
    if (read_at != assets_generation()) {
        entries = read_gallery();
        read_at = assets_generation();
    }
    return entries;
}

CodeGallery code_gallery_state() {
    return g_state;
}

const std::string& code_gallery_error() {
    return g_error;
}

void request_code_gallery() {
    if (g_state == CodeGallery::Loading || g_state == CodeGallery::Ready) return;
    g_state = CodeGallery::Loading;
    fetch_code_gallery();
}

void code_gallery_arrived(std::string_view bundle_text) {
    const sim::Json bundle = sim::Json::parse(bundle_text, nullptr, false);
    const auto files = bundle.is_object() ? bundle.find("files") : bundle.end();
    if (files == bundle.end() || !files->is_object()) {
        code_gallery_failed("patterns/code/gallery.json is not a {\"files\": {...}} bundle");
        return;
    }
    std::vector<std::pair<std::string, std::string>> out;
    // patterns/… only; the code patterns' content after the rest, so lists keep their order (the
    // learning content's basics first).
    for (const bool code : {false, true})
        for (const auto& [name, value] : files->items())
            if (name.rfind(kTop, 0) == 0 && (name.rfind(kCode, 0) == 0) == code) out.emplace_back(name, value.dump());
    add_fetched_assets(std::move(out));
    g_state = CodeGallery::Ready;
    g_error.clear();
}

void code_gallery_failed(std::string reason) {
    g_state = CodeGallery::Failed;
    g_error = std::move(reason);
}

const char* code_gallery_state_name() {
    switch (g_state) {
        case CodeGallery::NotAsked:
            return "none";
        case CodeGallery::Loading:
            return "loading";
        case CodeGallery::Ready:
            return "ready";
        case CodeGallery::Failed:
            return "failed";
    }
    return "none";
}

}  // namespace pg
