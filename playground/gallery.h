// gallery.h — the patterns shipped with the playground: patterns/*.json, embedded at build time,
// and patterns/code/*.json (functions written in JavaScript), fetched the first time the gallery
// is shown (platform/fetched_files_bridge.cpp) so they stay out of the initial download.
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
    bool code = false;      // from patterns/code/: its functions are JavaScript
    std::string_view text;  // the JSON
};

// All shipped patterns known so far: the embedded ones sorted by name, then the code ones.
// Rebuilt when fetched files arrive (do not hold the reference across frames).
const std::vector<GalleryEntry>& gallery();

// The code patterns' fetch: not asked yet, on its way, here, or failed (code_gallery_error says why).
enum class CodeGallery { NotAsked, Loading, Ready, Failed };
CodeGallery code_gallery_state();
const std::string& code_gallery_error();
// Starts the fetch once (again after a failure).
void request_code_gallery();
// The platform layer's fetch of site/patterns/code/gallery.json,
void fetch_code_gallery();
// and its answers: the fetched bundle's text ({"files": {name: json}}), or why not.
void code_gallery_arrived(std::string_view bundle_text);
void code_gallery_failed(std::string reason);
// "none", "loading", "ready" or "failed", for state().
const char* code_gallery_state_name();

}  // namespace pg
