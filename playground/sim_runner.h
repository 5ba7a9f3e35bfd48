// sim_runner.h — owns the Simulation built from the document and drives it in wall-clock frames:
// play/pause, speed (simulated seconds per real second), single steps, "run for N seconds".
// Each frame spends at most a small wall-time budget in the engine, so the UI stays responsive
// whatever the speed; when the engine cannot keep up the clock simply falls behind (reported).
// Play stops at the pattern's run length (settings.duration), as a CLI run does; pressing Play
// there again deliberately keeps going past it ("overtime", which the toolbar says).
#pragma once

#include "runtime/simulation.h"

#include <cstdint>
#include <memory>
#include <string>

namespace pg {

class SimRunner {
public:
    // Builds a fresh simulation (t = 0) from `pattern`. On errors there is no simulation and
    // diagnostics() lists every problem.
    void rebuild(const sim::Pattern& pattern);
    sim::Simulation* simulation() { return sim_.get(); }
    const sim::Simulation* simulation() const { return sim_.get(); }
    const sim::Diagnostics& diagnostics() const { return diagnostics_; }
    std::uint64_t builds() const { return builds_; }

    // At (or past) the run length, Play keeps going past it: overtime.
    void play();
    void pause() { running_ = false; }
    bool running() const { return running_; }
    // The run length of the pattern last built (settings.duration).
    sim::SimTime run_length() const { return run_length_; }
    // True once the clock has reached the run length.
    bool at_run_end() const { return sim_ && sim_->now() >= run_length_; }
    // Play was pressed at the run length: time runs on past it until Reset or a rebuild.
    bool overtime() const { return overtime_; }
    // Simulated seconds per real second, 1..10,000.
    void set_speed(double speed);
    double speed() const { return speed_; }
    // Processes exactly one event; false when none is left.
    bool step();
    // Asks to advance `seconds` of simulated time (served over the next frames); returns a request
    // id that completed_request() reports once done.
    std::uint64_t run_for(double seconds);
    std::uint64_t completed_request() const { return completed_request_; }
    bool busy() const { return pending_request_ != 0; }
    // Sends an event into a node now (Simulation::fire); returns an error text, empty on success.
    std::string fire(const std::string& node_id, const sim::Json& event);
    // Sends it as a caller that waits (Simulation::call): the call's id, 0 with `error` set.
    std::uint64_t call(const std::string& node_id, const sim::Json& event, std::string& error);
    // The answer to `call` made into build `build` once it has arrived; nullptr before, or when the
    // design has been rebuilt since (the call went with the old simulation).
    const sim::Simulation::Answer* answer(std::uint64_t build, std::uint64_t call) const;

    // Called once per frame with the real time since the last frame (seconds).
    void advance(double wall_dt);
    // True when the last frame could not simulate as far as the speed asked.
    bool lagging() const { return lagging_; }
    double sim_seconds() const;

private:
    void advance_to(sim::SimTime target, double budget_ms);

    std::unique_ptr<sim::Simulation> sim_;
    sim::Diagnostics diagnostics_;
    std::uint64_t builds_ = 0;
    bool running_ = false, lagging_ = false, overtime_ = false;
    sim::SimTime run_length_ = sim::minutes(10);
    double speed_ = 1;
    double carry_us_ = 0;  // sub-microsecond remainder of wall_dt * speed
    sim::SimTime run_target_;
    std::uint64_t next_request_ = 1, pending_request_ = 0, completed_request_ = 0;
};

}  // namespace pg
