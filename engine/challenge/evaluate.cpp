// evaluate.cpp — simulating each run of a challenge on a solution, in event budgets, keeping what
// the checks need (report, latency histograms, schedule samples), then evaluating every check.
#include "challenge/evaluate.h"

#include "challenge/check_eval.h"
#include "challenge/check_spec.h"
#include "challenge/selector.h"
#include "schedule/utc_time.h"

#include <set>

namespace sim::challenge {

bool Result::passed() const {
    return !checks.empty() && passed_count() == checks.size();
}

std::size_t Result::passed_count() const {
    std::size_t n = 0;
    for (const auto& c : checks) n += c.passed;
    return n;
}

ParseResult solution_for_run(const Pattern& solution, const Run& r, std::uint64_t seed) {
    Json j = pattern_to_json(solution);
    if (!j.contains("settings") || !j["settings"].is_object()) j["settings"] = Json::object();
    for (auto it = r.settings.begin(); it != r.settings.end(); ++it) j["settings"][it.key()] = it.value();
    j["settings"]["duration"] = std::to_string(r.duration.us / 1000) + "ms";
    if (r.has_traffic) j["traffic"] = r.traffic;
    j["seed"] = seed;
    return parse_pattern_json(j);
}

struct Evaluation::State {
    Challenge ch;
    Pattern solution;
    std::vector<RunData> data;
    Diagnostics diagnostics;
    std::size_t current = 0;
    std::unique_ptr<Simulation> sim;
    // Schedule checks of the current run: check id, its counter, the node indices it sums, last sum.
    struct Sampler {
        std::string check;
        Counter counter;
        std::vector<std::size_t> nodes;
        std::uint64_t last = 0;
    };
    std::vector<Sampler> samplers;

    void add_diagnostics(const Diagnostics& d) {
        for (const auto& item : d.items()) {
            bool seen = false;
            for (const auto& have : diagnostics.items())
                seen = seen || (have.path == item.path && have.message == item.message);
            if (seen) continue;
            if (item.severity == Severity::Error)
                diagnostics.error(item.path, item.message, item.hint);
            else
                diagnostics.warning(item.path, item.message, item.hint);
        }
    }

    // Builds the simulation for run `current`; false (the run recorded as not run) on problems.
    bool start_run() {
        const Run& r = ch.runs[current];
        RunData& d = data[current];
        if (r.has_traffic)
            for (const auto& t : r.traffic) {
                const std::string src = t.value("source", "");
                if (!solution.find_node(src)) {
                    d.problem = "the solution has no node '" + src + "', which run '" + r.id +
                                "' sends its traffic from (keep the starting canvas's nodes)";
                    diagnostics.error("/nodes", d.problem);
                    return false;
                }
            }
        ParseResult parsed = solution_for_run(solution, r, ch.start.seed);
        Simulation::BuildResult built;
        if (parsed.ok()) built = Simulation::build(parsed.pattern);
        add_diagnostics(parsed.ok() ? built.diagnostics : parsed.diagnostics);
        if (!built.simulation) {
            const Diagnostics& dg = parsed.ok() ? built.diagnostics : parsed.diagnostics;
            for (const auto& item : dg.items())
                if (item.severity == Severity::Error) {
                    d.problem = "the solution does not build: " + format_diagnostic(item);
                    break;
                }
            return false;
        }
        sim = std::move(built.simulation);
        std::string err;
        d.start_unix = schedule::parse_utc(sim->pattern().settings.start_time, &err).value_or(0);
        samplers.clear();
        for (const auto& c : ch.checks) {
            if (c.kind != "schedule" || c.run != r.id) continue;
            Sampler s{c.id, schedule_counter(c), select_nodes(sim->pattern(), spec_selector(c.spec, "select")), 0};
            samplers.push_back(std::move(s));
            d.samples[c.id];
        }
        return true;
    }

    void sample() {
        RunData& d = data[current];
        for (auto& s : samplers) {
            std::uint64_t sum = 0;
            for (std::size_t i : s.nodes) sum += sim->node_metrics(i).get(s.counter);
            if (sum > s.last) d.samples[s.check].push_back(sim->now().us / 1000000);
            s.last = sum;
        }
    }

    void finish_run() {
        RunData& d = data[current];
        d.ran = true;
        d.report = sim->report();
        if (sim->last_stop() == StopReason::EventLimit)
            d.problem = "stopped early: the run reached the event limit (settings.maxEvents)";
        for (std::size_t i = 0; i < sim->pattern().traffic.size(); ++i) {
            d.source_ids.push_back(sim->pattern().traffic[i].id);
            d.source_latency.push_back(sim->source_latency(i));
        }
        for (std::size_t i = 0; i < sim->node_count(); ++i)
            d.node_latency[sim->node_id(i)] = sim->node_metrics(i).latency();
        sim.reset();
        ++current;
    }
};

Evaluation::Evaluation(const Challenge& challenge, const Pattern& solution) : s_(std::make_unique<State>()) {
    s_->ch = challenge;
    s_->solution = solution;
    for (const auto& r : challenge.runs) {
        RunData d;
        d.id = r.id;
        d.duration = r.duration;
        d.problem = "not simulated yet";
        s_->data.push_back(std::move(d));
    }
}
Evaluation::~Evaluation() = default;
Evaluation::Evaluation(Evaluation&&) noexcept = default;
Evaluation& Evaluation::operator=(Evaluation&&) noexcept = default;

bool Evaluation::done() const {
    return s_->current >= s_->ch.runs.size();
}

std::string Evaluation::current_run() const {
    return done() ? "" : s_->ch.runs[s_->current].id;
}

double Evaluation::progress() const {
    double total = 0, so_far = 0;
    for (std::size_t i = 0; i < s_->ch.runs.size(); ++i) {
        const double len = s_->ch.runs[i].duration.seconds();
        total += len;
        if (i < s_->current)
            so_far += len;
        else if (i == s_->current && s_->sim)
            so_far += s_->sim->now().seconds();
    }
    return total > 0 ? so_far / total : 1;
}

bool Evaluation::advance(std::uint64_t max_events) {
    State& s = *s_;
    std::uint64_t used = 0;
    while (!done() && used < max_events) {
        if (!s.sim) {
            s.data[s.current].problem.clear();
            if (!s.start_run()) {
                s.data[s.current].ran = false;
                ++s.current;
                continue;
            }
        }
        Simulation& sim = *s.sim;
        const SimTime end = s.ch.runs[s.current].duration;
        const std::uint64_t before = sim.events_processed();
        auto budget = [&](const Progress& p) { return used + (p.events - before) < max_events; };
        StopReason stop;
        if (s.samplers.empty()) {
            stop = sim.run_until(end, budget);
        } else {
            // Schedule checks need when things happened: run in 1-second slices and sample counters.
            do {
                const SimTime next = std::min(end, SimTime{(sim.now().us / 1000000 + 1) * 1000000});
                stop = sim.run_until(next, budget);
                s.sample();
            } while (stop != StopReason::Interrupted && stop != StopReason::EventLimit && sim.now() < end &&
                     used + (sim.events_processed() - before) < max_events);
        }
        used += sim.events_processed() - before;
        if (stop == StopReason::EventLimit || sim.now() >= end) s.finish_run();
    }
    return done();
}

Result Evaluation::result() const {
    const State& s = *s_;
    Result out;
    out.diagnostics = s.diagnostics;
    for (const auto& d : s.data) out.runs.push_back({d.id, d.ran, d.problem, d.report});
    for (const auto& c : s.ch.checks) {
        if (is_design_check(c.kind))
            out.checks.push_back(evaluate_design_check(s.ch, c, s.solution));
        else
            out.checks.push_back(evaluate_run_check(s.ch, c, s.solution, s.data));
    }
    return out;
}

Result evaluate(const Challenge& challenge, const Pattern& solution) {
    Evaluation e(challenge, solution);
    e.advance();
    return e.result();
}

Json result_to_json(const Result& r) {
    Json j;
    j["passed"] = r.passed();
    j["passed_count"] = r.passed_count();
    j["checks"] = Json::array();
    for (const auto& c : r.checks)
        j["checks"].push_back({{"id", c.id},
                               {"kind", c.kind},
                               {"run", c.run},
                               {"description", c.description},
                               {"passed", c.passed},
                               {"measured", c.measured}});
    j["runs"] = Json::array();
    for (const auto& run : r.runs) j["runs"].push_back({{"id", run.id}, {"ran", run.ran}, {"problem", run.problem}});
    j["diagnostics"] = Json::array();
    for (const auto& d : r.diagnostics.items())
        j["diagnostics"].push_back({{"severity", d.severity == Severity::Error ? "error" : "warning"},
                                    {"path", d.path},
                                    {"message", d.message}});
    return j;
}

}  // namespace sim::challenge
