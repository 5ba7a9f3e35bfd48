// import_support.h — test helpers for template imports (tests/export): import a template text that
// must import without errors, with every diagnostic in the failure message when it does not.
#pragma once

#include "export/sam_import.h"
#include "support/test_support.h"

#include <string>

namespace sim::test {

inline ImportResult import_ok(const std::string& text, const ImportOptions& options = {}) {
    ImportResult r = import_template(text, options);
    INFO(all_diagnostics(r.diagnostics));
    REQUIRE(r.ok());
    return r;
}

}  // namespace sim::test
