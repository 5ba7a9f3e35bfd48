// flow.cpp — badges from node metrics, dots from spans, diagnostics mapped onto the canvas.
#include "flow.h"

#include "wiring_defaults.h"

#include <algorithm>
#include <cstdlib>
#include <map>
#include <string_view>
#include <unordered_map>

namespace pg {
namespace {

constexpr std::size_t kMaxDots = 8000;  // total in flight at once (perf target: 5,000)
constexpr int kMaxDotsPerEdge = 48;     // beyond this a link aggregates into its rate label
constexpr float kTravelSeconds = 0.7f;  // real time a dot takes to cross a link

// "/nodes/3/config/MemorySize" → 3 for prefix "/nodes/"; -1 when the path is elsewhere.
int index_in(const std::string& path, const char* prefix) {
    const std::string p(prefix);
    if (path.rfind(p, 0) != 0) return -1;
    const char* s = path.c_str() + p.size();
    char* end = nullptr;
    const long v = std::strtol(s, &end, 10);
    if (end == s || (*end != 0 && *end != '/')) return -1;
    return static_cast<int>(v);
}

ImU32 outcome_colour(sim::Outcome o, const Palette& c) {
    switch (o) {
        case sim::Outcome::Ok:
            return c.ok;
        case sim::Outcome::Retry:
            return c.retry;
        case sim::Outcome::Throttled:
            return c.throttled;
        case sim::Outcome::DeadLettered:
            return c.dead_letter;
        case sim::Outcome::Error:
        case sim::Outcome::Dropped:
        case sim::Outcome::TimedOut:
            return c.error;
    }
    return c.ok;
}

}  // namespace

void FlowTracker::reset() {
    flights_.clear();
    edge_hits_.clear();
    edge_rate_.clear();
    rate_window_ = 0;
    rate_sim_start_ = 0;
    seen_kept_ = 0;
    seen_recent_key_ = 0;
    last_sim_s_ = -1;
    overlay_ = {};
}

void FlowTracker::map_diagnostics(const sim::Pattern& pattern, const sim::Diagnostics& diags) {
    overlay_.node_problems.assign(pattern.nodes.size(), {});
    overlay_.edge_problems.assign(pattern.edges.size(), {});
    overlay_.edge_unused = unused_links(pattern);
    for (const auto& d : diags.items()) {
        if (d.severity != sim::Severity::Error) continue;
        const int n = index_in(d.path, "/nodes/");
        const int e = index_in(d.path, "/edges/");
        std::string text = d.message + (d.hint.empty() ? "" : "\n" + d.hint);
        if (n >= 0 && static_cast<std::size_t>(n) < pattern.nodes.size() &&
            overlay_.node_problems[static_cast<std::size_t>(n)].empty())
            overlay_.node_problems[static_cast<std::size_t>(n)] = text;
        if (e >= 0 && static_cast<std::size_t>(e) < pattern.edges.size() &&
            overlay_.edge_problems[static_cast<std::size_t>(e)].empty())
            overlay_.edge_problems[static_cast<std::size_t>(e)] = text;
    }
}

// New spans since the last frame become dots on the link that brought the message. The link is
// the only incoming link of the span's node, or the one from a node that the same trace visited.
void FlowTracker::ingest_spans(const sim::Simulation& sim, const sim::Pattern& pattern, const Theme& theme) {
    const sim::Trace& tr = sim.trace();
    std::vector<const sim::Span*> fresh;
    const auto& kept = tr.kept_spans();
    for (; seen_kept_ < kept.size(); ++seen_kept_) fresh.push_back(&kept[seen_kept_]);
    const auto& recent = tr.recent_spans();
    // Recent spans arrive in end-time order; a (end, trace, node) key marks how far we read.
    auto key = [](const sim::Span& s) {
        return (static_cast<std::uint64_t>(s.end.us) << 20) ^ (s.trace << 4) ^ s.node;
    };
    std::size_t first_new = recent.size();
    while (first_new > 0 && key(recent[first_new - 1]) != seen_recent_key_) --first_new;
    for (std::size_t i = first_new; i < recent.size(); ++i) fresh.push_back(&recent[i]);
    if (!recent.empty()) seen_recent_key_ = key(recent.back());
    if (fresh.empty()) return;

    // Incoming links per node, and nodes visited per trace among the fresh spans.
    std::vector<std::vector<int>> incoming(pattern.nodes.size());
    std::vector<int> from_of(pattern.edges.size(), -1);
    std::unordered_map<std::string_view, int> index;
    for (std::size_t n = 0; n < pattern.nodes.size(); ++n) index.emplace(pattern.nodes[n].id, static_cast<int>(n));
    auto find = [&](const std::string& id) {
        auto it = index.find(id);
        return it == index.end() ? -1 : it->second;
    };
    for (std::size_t e = 0; e < pattern.edges.size(); ++e) {
        const int a = find(pattern.edges[e].from), b = find(pattern.edges[e].to);
        if (a < 0 || b < 0) continue;
        incoming[static_cast<std::size_t>(b)].push_back(static_cast<int>(e));
        from_of[e] = a;
    }
    std::map<std::uint64_t, std::vector<std::uint32_t>> visited;
    for (const sim::Span* s : fresh) visited[s->trace].push_back(s->node);

    std::vector<int> per_edge(pattern.edges.size(), 0);
    for (const auto& f : flights_) per_edge[static_cast<std::size_t>(f.edge)]++;
    edge_hits_.resize(pattern.edges.size(), 0);
    for (const sim::Span* s : fresh) {
        if (s->node >= incoming.size() || incoming[s->node].empty()) continue;
        int edge = -1;
        const auto& in = incoming[s->node];
        if (in.size() == 1) {
            edge = in[0];
        } else {
            const auto& seen = visited[s->trace];
            for (int e : in)
                if (std::find(seen.begin(), seen.end(),
                              static_cast<std::uint32_t>(from_of[static_cast<std::size_t>(e)])) != seen.end()) {
                    edge = e;
                    break;
                }
        }
        if (edge < 0) continue;
        const auto ei = static_cast<std::size_t>(edge);
        edge_hits_[ei]++;
        if (per_edge[ei] >= kMaxDotsPerEdge || flights_.size() >= kMaxDots) continue;
        per_edge[ei]++;
        ImU32 col = outcome_colour(s->outcome, theme.colours());
        const std::string& port = pattern.edges[ei].port;
        if (port == "dlq" || port == "on_failure") col = theme.colours().dead_letter;
        // Stagger dots that arrive in the same frame so bursts read as a stream, not a blob.
        const float stagger = static_cast<float>(per_edge[ei] % 8) * 0.06f;
        flights_.push_back({edge, -stagger, kTravelSeconds, col});
    }
}

void FlowTracker::update(const sim::Simulation* sim, const sim::Pattern& pattern, const sim::Diagnostics& diags,
                         const Theme& theme, double wall_dt) {
    map_diagnostics(pattern, diags);
    overlay_.badges.assign(pattern.nodes.size(), {});
    overlay_.link_rate.assign(pattern.edges.size(), 0);
    overlay_.dots.clear();
    if (!sim || sim->node_count() != pattern.nodes.size()) {
        flights_.clear();
        return;
    }
    for (std::size_t i = 0; i < sim->node_count(); ++i) {
        const sim::NodeMetrics& m = sim->node_metrics(i);
        NodeBadges& b = overlay_.badges[i];
        b.concurrency = m.concurrency();
        b.queue = m.queue_depth();
        b.errors = m.get(sim::Counter::Errors);
        b.throttles = m.get(sim::Counter::Throttles);
        b.cold_starts = m.get(sim::Counter::ColdStarts);
        b.invocations = m.get(sim::Counter::Invocations);
    }
    const double now_s = sim->now().seconds();
    if (now_s < last_sim_s_) reset();
    last_sim_s_ = now_s;
    ingest_spans(*sim, pattern, theme);

    // Link rates over ~1 s of real time, in deliveries per simulated second.
    rate_window_ += wall_dt;
    if (edge_rate_.size() != pattern.edges.size()) edge_rate_.assign(pattern.edges.size(), 0);
    if (rate_window_ >= 1.0) {
        const double sim_span = now_s - rate_sim_start_;
        for (std::size_t e = 0; e < edge_rate_.size(); ++e)
            edge_rate_[e] = sim_span > 0 && e < edge_hits_.size() ? static_cast<double>(edge_hits_[e]) / sim_span : 0;
        std::fill(edge_hits_.begin(), edge_hits_.end(), 0);
        rate_window_ = 0;
        rate_sim_start_ = now_s;
    }
    overlay_.link_rate = edge_rate_;

    const auto dt = static_cast<float>(wall_dt);
    std::erase_if(flights_, [&](Flight& f) {
        f.age += dt;
        return f.age >= f.duration || static_cast<std::size_t>(f.edge) >= pattern.edges.size();
    });
    overlay_.dots.reserve(flights_.size());
    for (const auto& f : flights_)
        if (f.age >= 0) overlay_.dots.push_back({f.edge, f.age / f.duration, f.colour});
}

}  // namespace pg
