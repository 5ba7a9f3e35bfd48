// sam_import_state.h — internal: the pattern JSON being assembled by the template importer, and
// the map from logical ids to node ids. Shared by sam_import.cpp and sam_import_foreign.cpp.
#pragma once

#include "export/sam_import.h"

#include <map>
#include <set>
#include <string>

namespace sim::sami {

struct ImportState {
    const Json& tmpl;
    Diagnostics& d;
    Json nodes = Json::array();
    Json edges = Json::array();
    Json kept_resources = Json::object();          // unknown resource types, written back on export
    std::map<std::string, std::string> node_of;    // logical id → node id
    std::set<std::string> consumed;                // logical ids already turned into nodes or edges
    std::set<std::string> ids;                     // node ids in use

    ImportState(const Json& t, Diagnostics& diags) : tmpl(t), d(diags) {}

    std::string unique_id(const std::string& base);
    Json* node(const std::string& id);             // nullptr when absent
    void add_edge(const std::string& from, const std::string& port, const std::string& to, Json config);
};

// The logical id an intrinsic names: {"Ref": X}, {"Fn::GetAtt": [X, A]} or "X.A"; "" otherwise.
std::string ref_target(const Json& v);
// Same, mapped to a node id ("" when the resource is not a node).
std::string ref_node(const ImportState& s, const Json& v);

// Resources without our Metadata: nodes first, then wiring (sam_import_foreign.cpp).
void import_foreign(ImportState& s, const std::set<std::string>& skip);

}  // namespace sim::sami
