// field_help_bridge.cpp — fetches site/tools/help/<type>.json for field_help.h.
#include "field_help.h"

#include <emscripten.h>

#include <string>

namespace {

EM_JS(void, js_fetch_field_help, (const char* type_c), {
    var type = UTF8ToString(type_c);
    var copy = function(text) {
        var n = lengthBytesUTF8(text) + 1, p = _malloc(n);
        stringToUTF8(text, p, n);
        return p;
    };
    var give = function(fn, text) {
        var t = copy(type), p = copy(text);
        try {
            fn(t, p);
        } finally {
            _free(t);
            _free(p);
        }
    };
    fetch('tools/help/' + type + '.json')
        .then(function(r) {
            if (!r.ok) throw new Error('HTTP ' + r.status);
            return r.text();
        })
        .then(
            function(text) { give(_pg_field_help_arrived, text); },
            function(e) { give(_pg_field_help_failed, 'could not fetch the help for ' + type + ': ' + e.message); });
});

}  // namespace

namespace pg {
void fetch_field_help(const std::string& type) {
    js_fetch_field_help(type.c_str());
}
}  // namespace pg

extern "C" {
EMSCRIPTEN_KEEPALIVE void pg_field_help_arrived(const char* type, const char* text) {
    pg::field_help_arrived(type ? type : "", text ? text : "");
}
EMSCRIPTEN_KEEPALIVE void pg_field_help_failed(const char* type, const char* reason) {
    pg::field_help_failed(type ? type : "", reason ? reason : "");
}
}
