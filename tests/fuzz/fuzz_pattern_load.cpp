// fuzz_pattern_load.cpp — libFuzzer target for the pattern loader: arbitrary bytes through
// parse_pattern, and a pattern that parses through Simulation::build and a short bounded run.
// A load that fails must say why; one that succeeds must write and re-read to the same text.
#include "core/simulation.h"
#include "pattern/pattern.h"

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
    } else if (built.diagnostics.error_count() == 0) {
        std::abort();
    }
    return 0;
}
