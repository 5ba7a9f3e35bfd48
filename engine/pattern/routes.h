// routes.h — the routes an API's link serves. A link carries one ("Route": "POST /orders") or, when
// one target serves several routes (a function behind GET and POST /orders), a list ("Routes":
// ["GET /orders", "POST /orders"]): one link per pair of nodes, as AWS has one integration per
// target reused by many routes.
#pragma once

#include "core/message.h"

#include <string>
#include <vector>

namespace sim {

// "Route", then each string of "Routes", in order; non-strings are skipped (validation reports them).
inline std::vector<std::string> routes_of(const Json& edge_config) {
    std::vector<std::string> out;
    if (!edge_config.is_object()) return out;
    if (auto r = edge_config.find("Route"); r != edge_config.end() && r->is_string()) out.push_back(*r);
    if (auto rs = edge_config.find("Routes"); rs != edge_config.end() && rs->is_array())
        for (const auto& r : *rs)
            if (r.is_string()) out.push_back(r);
    return out;
}

// The routes as one label: "POST /orders", or "GET /orders +2" for several.
inline std::string routes_label(const Json& edge_config) {
    const auto routes = routes_of(edge_config);
    if (routes.empty()) return {};
    return routes.size() == 1 ? routes[0] : routes[0] + " +" + std::to_string(routes.size() - 1);
}

}  // namespace sim
