// fetched_files_bridge.cpp — fetches site/patterns/code/gallery.json, the patterns whose
// functions are code with their tours and challenges (built by cmake/fetched_files.cmake), when
// the gallery first asks for them (gallery.h). They join the embedded files (assets.h).
#include "gallery.h"

#include <emscripten.h>

#include <string>

namespace {

EM_JS(void, js_fetch_code_gallery, (), {
    var give = function(fn, text) {
        var n = lengthBytesUTF8(text) + 1, p = _malloc(n);
        stringToUTF8(text, p, n);
        try {
            fn(p);
        } finally {
            _free(p);
        }
    };
    fetch('patterns/code/gallery.json')
        .then(function(r) {
            if (!r.ok) throw new Error('HTTP ' + r.status);
            return r.text();
        })
        .then(
            function(text) { give(_pg_code_gallery_arrived, text); },
            function(e) {
                console.warn('code patterns: ' + e);
                give(_pg_code_gallery_failed, 'could not fetch patterns/code/gallery.json: ' + e.message);
            });
});

}  // namespace

namespace pg {
void fetch_code_gallery() {
    js_fetch_code_gallery();
}
}  // namespace pg

extern "C" {
// web/share.js: a `?pattern=` link naming a code pattern asks for them before the gallery does.
EMSCRIPTEN_KEEPALIVE void pg_request_code_gallery() {
    pg::request_code_gallery();
}
EMSCRIPTEN_KEEPALIVE void pg_code_gallery_arrived(const char* text) {
    pg::code_gallery_arrived(text ? text : "");
}
EMSCRIPTEN_KEEPALIVE void pg_code_gallery_failed(const char* reason) {
    pg::code_gallery_failed(reason ? reason : "");
}
}
