// fuzz_template_import.cpp — libFuzzer target for template import: arbitrary bytes through
// import_template (JSON when the text starts with '{' or '[', else the YAML reader). It must never
// crash or hang; a failure must say why; an imported pattern must write and re-read to the same
// text, and its own SAM YAML must import back to it.
#include "export/sam_export.h"
#include "export/sam_import.h"
#include "export/yaml_parse.h"
#include "pattern/pattern.h"

#include <cstdint>
#include <cstdlib>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    (void)sim::parse_yaml(text);
    sim::ImportResult r = sim::import_template(text);
    if (!r.ok()) {
        if (r.diagnostics.error_count() == 0) std::abort();
        return 0;
    }
    const std::string written = sim::write_pattern(r.pattern);
    sim::ParseResult again = sim::parse_pattern(written);
    if (!again.ok() || sim::write_pattern(again.pattern) != written) std::abort();
    if (!r.pattern.extra.contains("cloudformation")) {  // kept template sections merge on export
        sim::ImportResult back = sim::import_template(sim::export_sam_yaml(r.pattern));
        if (!back.ok() || sim::write_pattern(back.pattern) != written) std::abort();
    }
    return 0;
}
