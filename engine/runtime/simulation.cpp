// simulation.cpp — build (validate everything, then construct the kernel), run, fire, and the report.
#include "runtime/simulation.h"

#include "core/civil_time.h"
#include "core/kernel.h"
#include "pattern/config_reader.h"
#include "services/all_services.h"

#include <set>

namespace sim {

// ---- Start instant -----------------------------------------------------------------------------
namespace {
bool parse_start_time(const std::string& s, std::uint64_t& out) {
    int y, mo, d, h, mi, se;
    char z = 0;
    if (s.size() != 20 || std::sscanf(s.c_str(), "%4d-%2d-%2dT%2d:%2d:%2d%c", &y, &mo, &d, &h, &mi, &se, &z) != 7 ||
        z != 'Z')
        return false;
    if (y < 1970 || y > 2199 || mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || se > 59) return false;
    out = static_cast<std::uint64_t>(days_from_civil(y, mo, d) * 86400 + h * 3600 + mi * 60 + se);
    return true;
}
}  // namespace

// ---- Build -----------------------------------------------------------------------------------------
Simulation::BuildResult Simulation::build(const Pattern& pattern, const BuildOptions& options) {
    BuildResult res;
    Diagnostics& d = res.diagnostics;
    const Registry& reg = options.registry ? *options.registry : default_registry();
    auto kernel = std::make_unique<Kernel>();
    Kernel& s = *kernel;
    s.seed = options.seed.value_or(pattern.seed);
    s.max_events = options.max_events.value_or(pattern.settings.max_events);
    s.account.azs.schedule(pattern.settings.faults);
    s.account.free_tier.enable(pattern.settings.free_tier);
    if (!parse_start_time(pattern.settings.start_time, s.start_unix_s))
        d.error("/settings/startTime", "startTime must be a UTC instant like \"2026-01-01T00:00:00Z\", got \"" +
                                           pattern.settings.start_time + "\"");

    // Nodes: known types, unique ids.
    std::set<std::string> seen;
    std::vector<const ServiceKind*> kinds(pattern.nodes.size(), nullptr);
    for (std::size_t i = 0; i < pattern.nodes.size(); ++i) {
        const NodeSpec& n = pattern.nodes[i];
        const std::string path = "/nodes/" + std::to_string(i);
        if (!n.id.empty() && !seen.insert(n.id).second)
            d.error(path + "/id", "duplicate node id '" + n.id + "'", "every node needs its own id");
        if (n.type.empty()) continue;
        kinds[i] = reg.find(n.type);
        if (!kinds[i]) {
            std::string hint = reg.suggest(n.type);
            d.error(path + "/type", "unknown service type '" + n.type + "'",
                    hint.empty() ? "" : "did you mean '" + hint + "'?");
        }
    }

    // Edges: both ends exist and AWS allows the wiring.
    s.nodes.resize(pattern.nodes.size());
    std::set<std::string> edge_keys;
    for (std::size_t i = 0; i < pattern.edges.size(); ++i) {
        const EdgeSpec& e = pattern.edges[i];
        const std::string path = "/edges/" + std::to_string(i);
        const int from = pattern.node_index(e.from), to = pattern.node_index(e.to);
        if (!e.from.empty() && from < 0) d.error(path + "/from", "no node has id '" + e.from + "'");
        if (!e.to.empty() && to < 0) d.error(path + "/to", "no node has id '" + e.to + "'");
        if (from < 0 || to < 0) continue;
        if (!edge_keys.insert(e.from + "." + e.port + ">" + e.to).second) {
            d.error(path, "duplicate edge " + e.from + "." + e.port + " -> " + e.to);
            continue;
        }
        const auto fi = static_cast<std::size_t>(from), ti = static_cast<std::size_t>(to);
        if (!kinds[fi] || !kinds[ti]) continue;
        ConnectVerdict v = reg.can_connect(kinds[fi]->type, e.port, kinds[ti]->type);
        if (!v.ok) {
            d.error(path, "cannot connect " + e.from + " to " + e.to + ": " + v.reason);
            continue;
        }
        s.nodes[fi].links.push_back(Link{static_cast<std::uint32_t>(ti), e.to, kinds[ti]->type, kinds[ti]->role, e.port,
                                         e.config, static_cast<std::uint32_t>(i)});
    }

    // Traffic: each entry starts at a source node.
    for (std::size_t i = 0; i < pattern.traffic.size(); ++i) {
        const TrafficSpec& t = pattern.traffic[i];
        const int src = pattern.node_index(t.source);
        if (t.source.empty()) continue;
        if (src < 0)
            d.error("/traffic/" + std::to_string(i) + "/source", "no node has id '" + t.source + "'");
        else if (kinds[static_cast<std::size_t>(src)] && kinds[static_cast<std::size_t>(src)]->group != "sources")
            d.error("/traffic/" + std::to_string(i) + "/source",
                    "traffic must start at a source node (client, IoT devices), but '" + t.source + "' is " +
                        kinds[static_cast<std::size_t>(src)]->label);
    }
    s.source_latency.resize(pattern.traffic.size());
    s.source_ok.resize(pattern.traffic.size());
    s.source_failed.resize(pattern.traffic.size());

    // Services: each validates its own config, reporting every problem (also when the structure
    // already has errors, so one validation shows everything; nothing is kept then).
    {
        for (std::size_t i = 0; i < pattern.nodes.size(); ++i) {
            const NodeSpec& n = pattern.nodes[i];
            if (!kinds[i] || n.id.empty()) continue;
            NodeRuntime& rt = s.nodes[i];
            rt.id = n.id;
            rt.type = n.type;
            rt.rng = Rng::for_stream(s.seed, n.id);
            const std::string path = "/nodes/" + std::to_string(i);
            ConfigReader reader(n.config, path + "/config", d);
            BuildContext ctx{n, reader, rt.links, d, path, pattern, reg};
            rt.service = kinds[i]->create(ctx);
            reader.finish();
            if (!rt.service && !d.has_errors()) d.error(path, "could not build " + n.type + " node '" + n.id + "'");
        }
    }
    if (d.has_errors()) return res;

    for (std::uint32_t i = 0; i < s.nodes.size(); ++i) s.contexts.emplace_back(s, i);
    for (std::uint32_t i = 0; i < s.nodes.size(); ++i) {
        Event e;
        e.node = i;
        e.kind = EventKind::Start;
        s.scheduler.post(e);
    }
    res.simulation.reset(new Simulation(std::move(kernel), pattern));
    return res;
}

Simulation::BuildResult build_from_text(std::string_view text, const BuildOptions& options) {
    ParseResult parsed = parse_pattern(text);
    if (!parsed.ok()) return {nullptr, parsed.diagnostics};
    Simulation::BuildResult res = Simulation::build(parsed.pattern, options);
    Diagnostics all = parsed.diagnostics;
    all.append(res.diagnostics);
    res.diagnostics = all;
    return res;
}

Simulation::Simulation(std::unique_ptr<Kernel> kernel, Pattern pattern)
    : pattern_(std::move(pattern)), kernel_(std::move(kernel)) {}
Simulation::~Simulation() = default;
Simulation::Simulation(Simulation&&) noexcept = default;
Simulation& Simulation::operator=(Simulation&&) noexcept = default;

bool Simulation::step() {
    return kernel_->step();
}

StopReason Simulation::run_until(SimTime until, const ProgressFn& progress) {
    return last_stop_ = kernel_->run_until(until, progress);
}

bool Simulation::inject(const std::string& node_id, const Json& event, CallerRef caller, std::string& error) {
    Kernel& s = *kernel_;
    const int idx = pattern_.node_index(node_id);
    if (idx < 0) {
        error = "no node has id '" + node_id + "'";
        return false;
    }
    Message m;
    m.trace = s.next_trace++;
    m.id = s.next_message++;
    m.origin = s.scheduler.now();
    m.type = "manual";
    m.body = std::make_shared<const Json>(event);
    m.size_bytes = static_cast<std::int64_t>(event.dump().size());
    s.post_delivery(static_cast<std::uint32_t>(idx), s.scheduler.now(), std::move(m), UINT32_MAX, nullptr, caller);
    return true;
}

std::string Simulation::fire(const std::string& node_id, const Json& event) {
    std::string error;
    inject(node_id, event, {}, error);
    return error;
}

std::uint64_t Simulation::call(const std::string& node_id, const Json& event, std::string& error) {
    const std::uint64_t id = kernel_->next_call;
    if (!inject(node_id, event, CallerRef{Kernel::kOutsideCaller, id}, error)) return 0;
    ++kernel_->next_call;
    return id;
}

const Simulation::Answer* Simulation::answer(std::uint64_t id) const {
    for (const auto& [call, answer] : kernel_->outside_answers)
        if (call == id) return answer.at <= now() ? &answer : nullptr;
    return nullptr;
}

std::string Simulation::set_az_down(const std::string& az, bool down) {
    if (!valid_az_id(az)) return "az must be a us-east-1 AZ ID use1-az1..use1-az6, got \"" + az + "\"";
    kernel_->account.azs.set_down(az, down);
    return {};
}

bool Simulation::az_down(const std::string& az) const {
    return kernel_->account.azs.down(az, kernel_->scheduler.now());
}

// ---- Accessors --------------------------------------------------------------------------------------
SimTime Simulation::now() const {
    return kernel_->scheduler.now();
}
std::uint64_t Simulation::events_processed() const {
    return kernel_->events;
}
std::uint64_t Simulation::pending_events() const {
    return kernel_->scheduler.size();
}
std::uint64_t Simulation::seed() const {
    return kernel_->seed;
}
const Pattern& Simulation::pattern() const {
    return pattern_;
}
StopReason Simulation::last_stop() const {
    return last_stop_;
}
std::size_t Simulation::node_count() const {
    return kernel_->nodes.size();
}
const std::string& Simulation::node_id(std::size_t i) const {
    return kernel_->nodes[i].id;
}
const std::string& Simulation::node_type(std::size_t i) const {
    return kernel_->nodes[i].type;
}
const NodeMetrics& Simulation::node_metrics(std::size_t i) const {
    return kernel_->nodes[i].metrics;
}
Json Simulation::node_inspect(std::size_t i) const {
    return kernel_->nodes[i].service->inspect();
}
const Trace& Simulation::trace() const {
    return kernel_->trace;
}
void Simulation::set_record_recent_spans(bool on) {
    kernel_->trace.set_record_recent(on);
}
const LatencyHistogram& Simulation::source_latency(std::size_t t) const {
    return kernel_->source_latency[t];
}

double Simulation::node_cost_usd(std::size_t i) const {
    return kernel_->nodes[i].metrics.cost_usd(now());
}

double Simulation::total_cost_usd() const {
    double total = 0;
    for (const auto& n : kernel_->nodes) total += n.metrics.cost_usd(now());
    return total;
}

std::uint64_t Simulation::requests_answered() const {
    std::uint64_t n = 0;
    for (std::size_t i = 0; i < kernel_->source_ok.size(); ++i) n += kernel_->source_ok[i] + kernel_->source_failed[i];
    return n;
}

// ---- Report ------------------------------------------------------------------------------------------
namespace {
double round_to(double v, double unit) {
    return static_cast<double>(static_cast<std::int64_t>(v / unit + (v >= 0 ? 0.5 : -0.5))) * unit;
}

Json latency_json(const LatencyHistogram& h) {
    return {{"count", h.count()},
            {"p50", round_to(h.percentile(0.50).millis(), 0.001)},
            {"p90", round_to(h.percentile(0.90).millis(), 0.001)},
            {"p99", round_to(h.percentile(0.99).millis(), 0.001)},
            {"max", round_to(h.max().millis(), 0.001)}};
}
}  // namespace

Json Simulation::report() const {
    const Kernel& s = *kernel_;
    Json r;
    r["pattern"] = pattern_.name;
    r["seed"] = s.seed;
    r["sim_time_s"] = round_to(s.scheduler.now().seconds(), 1e-6);
    r["events_processed"] = s.events;
    r["stop_reason"] = stop_reason_name(last_stop_);
    Json nodes = Json::object();
    Json cost = Json::object();
    double total = 0;
    for (const auto& n : s.nodes) {
        Json j;
        j["type"] = n.type;
        for (std::size_t c = 0; c < kCounterCount; ++c)
            j[std::string(counter_name(static_cast<Counter>(c)))] = n.metrics.get(static_cast<Counter>(c));
        j["peak_concurrency"] = n.metrics.peak_concurrency();
        j["peak_queue_depth"] = n.metrics.peak_queue_depth();
        if (n.metrics.latency().count() > 0) j["latency_ms"] = latency_json(n.metrics.latency());
        const double node_cost = n.metrics.cost_usd(s.scheduler.now());
        j["cost_usd"] = round_to(node_cost, 1e-9);
        n.service->report(j);
        nodes[n.id] = j;
        cost[n.id] = round_to(node_cost, 1e-9);
        total += node_cost;
    }
    cost["total"] = round_to(total, 1e-9);
    r["nodes"] = nodes;
    Json sources = Json::object();
    for (std::size_t i = 0; i < pattern_.traffic.size(); ++i) {
        Json j;
        j["ok"] = s.source_ok[i];
        j["failed"] = s.source_failed[i];
        j["latency_ms"] = latency_json(s.source_latency[i]);
        sources[pattern_.traffic[i].id] = j;
    }
    r["sources"] = sources;
    r["cost_usd"] = cost;
    if (s.account.free_tier.enabled()) r["free_tier"] = s.account.free_tier.report();
    r["trace_fingerprint"] = s.trace.fingerprint_hex();
    return r;
}

}  // namespace sim
