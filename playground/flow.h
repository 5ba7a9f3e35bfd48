// flow.h — turns the simulation's real events into what the canvas shows: per-node badges,
// per-link message dots coloured by outcome, link rates, and diagnostics mapped to nodes/links.
// Dots are derived from the engine's recent spans (one per service hop) — never invented: a dot
// runs along link A→B when a span of the same trace starts on B after one on A.
#pragma once

#include "canvas/graph_canvas.h"
#include "runtime/simulation.h"
#include "theme.h"

#include <cstdint>
#include <vector>

namespace pg {

class FlowTracker {
public:
    // Forget everything (new simulation).
    void reset();
    // Updates the overlay from the simulation (may be null) for this frame.
    void update(const sim::Simulation* sim, const sim::Pattern& pattern, const sim::Diagnostics& diags,
                const Theme& theme, double wall_dt);
    const CanvasOverlay& overlay() const { return overlay_; }
    std::size_t dots_in_flight() const { return overlay_.dots.size(); }

private:
    struct Flight {
        int edge = 0;
        float age = 0;       // real seconds since it started
        float duration = 0;  // real seconds to cross the link
        ImU32 colour = 0;
    };
    void map_diagnostics(const sim::Pattern& pattern, const sim::Diagnostics& diags);
    void ingest_spans(const sim::Simulation& sim, const sim::Pattern& pattern, const Theme& theme);

    CanvasOverlay overlay_;
    std::vector<Flight> flights_;
    std::vector<std::uint64_t> edge_hits_;  // hops seen per edge since the last rate sample
    std::vector<double> edge_rate_;
    double rate_window_ = 0, rate_sim_start_ = 0;
    std::size_t seen_kept_ = 0;          // spans already read from kept_spans()
    std::uint64_t seen_recent_key_ = 0;  // (end, trace) of the newest recent span read
    double last_sim_s_ = -1;
};

}  // namespace pg
