// fuzz_pattern_load.cpp — libFuzzer target for the pattern loader: arbitrary bytes through
// parse_pattern, and a pattern that parses through Simulation::build and a short bounded run.
// A load that fails must say why; one that succeeds must write and re-read to the same text, and
// a pattern that builds must come back equal from its SAM template (and export to Mermaid/YAML).
#include "export/mermaid.h"
#include "export/sam_export.h"
#include "export/sam_import.h"
#include "pattern/pattern.h"
#include "runtime/simulation.h"

#include <cstdint>
#include <cstdlib>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    sim::ParseResult parsed = sim::parse_pattern(text);
    if (!parsed.ok()) {
        if (parsed.diagnostics.error_count() == 0) std::abort();
        return 0;
    }
    const std::string written = sim::write_pattern(parsed.pattern);
    sim::ParseResult again = sim::parse_pattern(written);
    if (!again.ok() || sim::write_pattern(again.pattern) != written) std::abort();

    // A bounded run: event storms stop at the event budget, not at the fuzzer's timeout.
    sim::BuildOptions options;
    options.max_events = 20'000;
    auto built = sim::Simulation::build(parsed.pattern, options);
    if (built.simulation) {
        built.simulation->run_until(sim::minutes(10));
        (void)built.simulation->report();
        (void)sim::export_mermaid(parsed.pattern);
        (void)sim::export_sam_yaml(parsed.pattern);
        if (!parsed.pattern.extra.contains("cloudformation")) {  // kept template sections merge on export
            sim::ImportResult back = sim::import_template(sim::export_sam_json(parsed.pattern));
            if (!back.ok() || sim::write_pattern(back.pattern) != written) std::abort();
        }
    } else if (built.diagnostics.error_count() == 0) {
        std::abort();
    }
    return 0;
}
