// embed_options.cpp — reads the embed options object (see embed_options.h).
#include "embed_options.h"

namespace pg {

EmbedOptions parse_embed_options(const sim::Json& j, sim::Diagnostics& d) {
    EmbedOptions o;
    if (!j.is_object()) {
        d.error("", "embed options must be an object, got " + j.dump());
        return o;
    }
    auto flag = [&](const std::string& key, bool& out) {
        const sim::Json& v = j.at(key);
        if (v.is_boolean())
            out = v.get<bool>();
        else
            d.error("/" + key, key + " must be true or false, got " + v.dump());
    };
    for (auto it = j.begin(); it != j.end(); ++it) {
        const std::string& key = it.key();
        if (key == "embed")
            flag(key, o.embed);
        else if (key == "readOnly")
            flag(key, o.read_only);
        else if (key == "lockView")
            flag(key, o.lock_view);
        else if (key == "highlight") {
            if (it->is_string())
                o.highlight = it->get<std::string>();
            else
                d.error("/highlight", "highlight must be a node id (string), got " + it->dump());
        } else if (key == "hide") {
            if (!it->is_array()) {
                d.error("/hide", "hide must be an array of panel names, got " + it->dump());
                continue;
            }
            for (std::size_t i = 0; i < it->size(); ++i) {
                const sim::Json& v = (*it)[i];
                const std::string name = v.is_string() ? v.get<std::string>() : "";
                if (name == "palette")
                    o.hide_palette = true;
                else if (name == "inspector")
                    o.hide_inspector = true;
                else if (name == "log")
                    o.hide_log = true;
                else if (name == "cost")
                    o.hide_cost = true;
                else if (name == "bottom")
                    o.hide_bottom = true;
                else
                    d.error("/hide/" + std::to_string(i), "unknown panel " + v.dump(),
                            "panels: palette, inspector, log, cost, bottom");
            }
        } else {
            d.error("/" + key, "unknown embed option \"" + key + "\"",
                    "options: embed, readOnly, hide, lockView, highlight");
        }
    }
    return o;
}

sim::Json embed_options_json(const EmbedOptions& o) {
    sim::Json hide = sim::Json::array();
    if (o.hide_palette) hide.push_back("palette");
    if (o.hide_inspector) hide.push_back("inspector");
    if (o.hide_log) hide.push_back("log");
    if (o.hide_cost) hide.push_back("cost");
    if (o.hide_bottom) hide.push_back("bottom");
    return {{"embed", o.embed},
            {"readOnly", o.read_only},
            {"hide", hide},
            {"lockView", o.lock_view},
            {"highlight", o.highlight}};
}

}  // namespace pg
