// embed_options.h — what a page embedding the playground (web/embed.html, web/EMBED.md) turns off:
// editing, panels, camera movement; and which node it points at. Set once from the URL through
// pg_set_embed_options; the App reads it every frame.
#pragma once

#include "core/diagnostics.h"
#include "core/message.h"  // sim::Json

#include <string>

namespace pg {

struct EmbedOptions {
    bool embed = false;      // embedded: no autosave, no file commands in the toolbar
    bool read_only = false;  // every document edit is undone at once (selecting still works)
    bool hide_palette = false;
    bool hide_inspector = false;
    bool hide_log = false;     // the Events and Trace tabs
    bool hide_cost = false;    // the Cost tab
    bool hide_bottom = false;  // the whole tab area under the canvas
    bool lock_view = false;    // no pan or zoom (the diagram is fitted once)
    std::string highlight;     // node id shown selected ("" = none)
};

// Reads {"embed", "readOnly", "hide": ["palette"|"inspector"|"log"|"cost"|"bottom", ...],
// "lockView", "highlight"}. Unknown keys and unknown panel names are errors naming the key/value;
// on any error the returned options are still the valid part.
EmbedOptions parse_embed_options(const sim::Json& j, sim::Diagnostics& diagnostics);
sim::Json embed_options_json(const EmbedOptions& o);

}  // namespace pg
