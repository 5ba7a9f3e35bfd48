// sim_runner.cpp — frame-budgeted driving of the engine.
#include "sim_runner.h"

#include <algorithm>
#include <chrono>

namespace pg {
namespace {

constexpr double kFrameBudgetMs = 8;    // engine time per frame while playing
constexpr double kRunForBudgetMs = 40;  // runFor may take more: it is an explicit request

double now_ms() {
    using namespace std::chrono;
    return duration<double, std::milli>(steady_clock::now().time_since_epoch()).count();
}

}  // namespace

void SimRunner::rebuild(const sim::Pattern& pattern) {
    auto res = sim::Simulation::build(pattern);
    sim_ = std::move(res.simulation);
    diagnostics_ = std::move(res.diagnostics);
    ++builds_;
    run_length_ = pattern.settings.duration;
    overtime_ = false;
    carry_us_ = 0;
    lagging_ = false;
    if (!sim_) running_ = false;
    if (pending_request_) completed_request_ = pending_request_;  // a reset ends any pending run
    pending_request_ = 0;
}

void SimRunner::play() {
    running_ = sim_ != nullptr;
    if (running_ && at_run_end()) overtime_ = true;
}

void SimRunner::set_speed(double speed) {
    speed_ = std::clamp(speed, 1.0, 10000.0);
}

bool SimRunner::step() {
    return sim_ && sim_->step();
}

std::uint64_t SimRunner::run_for(double seconds) {
    const std::uint64_t id = next_request_++;
    if (!sim_ || !(seconds > 0)) {
        completed_request_ = id;
        return id;
    }
    if (pending_request_) completed_request_ = pending_request_;  // superseded
    run_target_ = sim_->now() + sim::from_seconds(seconds);
    pending_request_ = id;
    return id;
}

std::string SimRunner::fire(const std::string& node_id, const sim::Json& event) {
    if (!sim_) return "the pattern has errors: fix them to run it";
    return sim_->fire(node_id, event);
}

std::uint64_t SimRunner::call(const std::string& node_id, const sim::Json& event, std::string& error) {
    if (!sim_) {
        error = "the pattern has errors: fix them to run it";
        return 0;
    }
    return sim_->call(node_id, event, error);
}

const sim::Simulation::Answer* SimRunner::answer(std::uint64_t build, std::uint64_t call) const {
    return sim_ && build == builds_ && call ? sim_->answer(call) : nullptr;
}

double SimRunner::sim_seconds() const {
    return sim_ ? sim_->now().seconds() : 0;
}

void SimRunner::advance_to(sim::SimTime target, double budget_ms) {
    const double deadline = now_ms() + budget_ms;
    const sim::StopReason why = sim_->run_until(target, [&](const sim::Progress&) { return now_ms() < deadline; });
    lagging_ = why == sim::StopReason::Interrupted || why == sim::StopReason::EventLimit;
}

void SimRunner::advance(double wall_dt) {
    if (!sim_) return;
    if (pending_request_) {
        advance_to(run_target_, kRunForBudgetMs);
        if (sim_->now() >= run_target_ || sim_->last_stop() == sim::StopReason::EventLimit) {
            completed_request_ = pending_request_;
            pending_request_ = 0;
        }
        return;
    }
    if (!running_) return;
    // Long pauses (background tab) do not turn into a burst of simulated time.
    const double dt = std::min(wall_dt, 0.1);
    carry_us_ += dt * speed_ * 1e6;
    const auto whole = static_cast<std::int64_t>(carry_us_);
    carry_us_ -= static_cast<double>(whole);
    sim::SimTime target = sim_->now() + sim::SimTime{whole};
    if (!overtime_ && target >= run_length_) target = run_length_;
    advance_to(target, kFrameBudgetMs);
    if (!overtime_ && sim_->now() >= run_length_) {
        running_ = false;  // the run is over, as `slsim run` would stop: the clock shows the run length
        carry_us_ = 0;
    }
}

}  // namespace pg
