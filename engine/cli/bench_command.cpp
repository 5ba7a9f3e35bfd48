// bench_command.cpp — `slsim bench [--json] [--quick]`: fixed workloads, wall-clock figures.
// The engine never reads a clock; only this command does, to measure the engine from outside.
//   async-queue : patterns/async-queue.json at 10,000 requests/minute for one simulated day
//   fan-out     : patterns/fan-out.json at 10,000 requests/minute for one simulated hour
//   async-queue-code : patterns/code/async-queue-code.json (the worker is JavaScript: one
//                 PutCommand per message, on QuickJS) at 10,000 requests/minute for one hour
//   rest-api    : patterns/rest-api.json at its own 20 requests/s for six simulated hours
//   rest-api-x200 : 200 independent copies of it (1,000 nodes, runtime/pattern_copies.h), each at
//                 the same 20 requests/s (4,000 in all, within API Gateway's 10,000 per account),
//                 for two minutes: about as many requests as rest-api's six hours. It also reports
//                 its build time, the heap per in-flight event, and its events/s as a share of
//                 rest-api's ("vs one copy": the design's cost should grow with it, not faster)
//   bare-loop   : the yardstick (bench_reference.h), run first; each workload then reports its
//                 events/s as a share of the bare loop's ("vs bare"), measured in the same run
// The workload patterns are compiled into the binary (cmake/EmbedText.cmake), so the command runs
// from any directory; --patterns DIR reads them from DIR instead (e.g. an edited copy).
// --quick runs 1/24 of each (for smoke tests); --duration D runs each for D of simulated time
// (e.g. "5m", for profiling under callgrind); --workload NAME runs only that workload. Exit 1 when a
// workload cannot run (missing or invalid pattern, stopped before its time, no requests served).
// Payloads are constant in the benchmark so the figures measure the engine, not JSON templating
// (templated payloads cost extra per request).
#include "cli/bench_reference.h"
#include "cli/cli.h"
#include "runtime/pattern_copies.h"
#include "runtime/simulation.h"
#include "services/all_services.h"

#include <sys/resource.h>
#if defined(__GLIBC__)
#include <malloc.h>
#endif
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <optional>
#include <string_view>

namespace sim::cli {

// Generated at build time from the workload patterns: the text of patterns/<file>, or nullptr.
const char* bench_pattern_text(std::string_view file);

namespace {

struct Workload {
    const char* name;
    const char* file;
    SimTime duration;
    int copies = 1;           // side by side (pattern_copies)
    double rps_per_copy = 0;  // 0: 10,000 requests/minute in all
};

// Bytes the engine holds on the heap now, by glibc's count (elsewhere unknown: heap figures are
// left out of the report).
#if defined(__GLIBC__)
constexpr bool kHeapKnown = true;
double heap_bytes() {
    return static_cast<double>(mallinfo2().uordblks);
}
#else
constexpr bool kHeapKnown = false;
double heap_bytes() {
    return 0;
}
#endif

double peak_rss_mb() {
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return static_cast<double>(u.ru_maxrss) / 1024.0;  // Linux: kilobytes
}

// Sets every traffic source to a constant rate with a constant payload.
void prepare(Pattern& p, double rps) {
    for (auto& t : p.traffic) {
        t.profile = {{"type", "constant"}, {"rps", rps / static_cast<double>(p.traffic.size())}};
        t.duration = kNever;
        t.start = {};
        if (t.payload.is_null())
            t.payload = Json{{"orderId", "bench-order"}, {"total", 42}};
        else
            t.payload = Json::parse(t.payload.dump());  // placeholders stay literal text below
        std::string text = t.payload.dump();
        for (std::size_t pos; (pos = text.find("{{")) != std::string::npos;) text.replace(pos, 2, "<<");
        t.payload = Json::parse(text);
    }
    p.settings.max_events = 10'000'000'000ULL;
}

}  // namespace

int bench_command(const Args& args) {
    bool json = false, quick = false;
    std::optional<SimTime> duration;
    std::string dir, only;
    for (std::size_t i = 0; i < args.size(); ++i) {
        if (args[i] == "--json")
            json = true;
        else if (args[i] == "--quick")
            quick = true;
        else if (args[i] == "--patterns" && i + 1 < args.size())
            dir = args[++i];
        else if (args[i] == "--workload" && i + 1 < args.size())
            only = args[++i];
        else if (args[i] == "--duration" && i + 1 < args.size() && (duration = parse_duration(args[i + 1])) &&
                 duration->us > 0)
            ++i;
        else {
            std::fprintf(stderr,
                         "usage: slsim bench [--json] [--quick] [--duration D] [--workload NAME] [--patterns DIR]\n");
            return 2;
        }
    }
    const Workload workloads[] = {{"async-queue", "async-queue.json", hours(24)},
                                  {"fan-out", "fan-out.json", hours(1)},
                                  {"async-queue-code", "async-queue-code.json", hours(1)},
                                  {"rest-api", "rest-api.json", hours(6), 1, 20},
                                  {"rest-api-x200", "rest-api.json", minutes(2), 200, 20}};
    constexpr const char* kBareLoop = "bare-loop";
    if (!only.empty() && only != kBareLoop &&
        std::none_of(std::begin(workloads), std::end(workloads), [&](const Workload& w) { return only == w.name; })) {
        std::fprintf(stderr,
                     "slsim bench: no workload '%s' (bare-loop, async-queue, fan-out, async-queue-code, "
                     "rest-api, rest-api-x200)\n",
                     only.c_str());
        return 2;
    }
    Json out = Json::object();
    int status = 0;
    auto fail = [&](const Workload& w, const std::string& why) {
        std::fprintf(stderr, "slsim bench: workload %s cannot run: %s\n", w.name, why.c_str());
        status = 1;
    };
    if (!json)
        std::printf("%-16s %12s %14s %14s %12s %10s %9s %9s\n", "workload", "sim time", "events", "events/s",
                    "requests/s", "wall s", "rss MB", "vs bare");
    double bare_events_per_s = 0;
    if (only.empty() || only == kBareLoop) {
        // As many events as async-queue's day handles in a few seconds; 64 pending, about what the
        // seed patterns keep scheduled at 10,000 requests/minute.
        const BareLoopResult bare = run_bare_loop(quick ? 2'000'000 : 40'000'000, 64);
        bare_events_per_s = bare.events_per_s();
        out[kBareLoop] = {{"events", bare.events}, {"wall_s", bare.wall_s}, {"events_per_s", bare_events_per_s}};
        if (!json)
            std::printf("%-16s %12s %14.0f %14.0f %12s %10.2f %9.1f %9s\n", kBareLoop, "-",
                        static_cast<double>(bare.events), bare_events_per_s, "-", bare.wall_s, peak_rss_mb(), "1.00");
    }
    for (const Workload& w : workloads) {
        if (!only.empty() && only != w.name) continue;
        std::string text, error;
        if (dir.empty()) {
            const char* embedded = bench_pattern_text(w.file);
            if (!embedded) {
                fail(w, std::string(w.file) + " is not compiled in");
                continue;
            }
            text = embedded;
        } else if (!read_file(dir + "/" + w.file, text, error)) {
            fail(w, error);
            continue;
        }
        ParseResult parsed = parse_pattern(text);
        if (!parsed.ok()) {
            fail(w, std::string(w.file) + " does not load");
            continue;
        }
        const auto b0 = std::chrono::steady_clock::now();
        const double heap_before = heap_bytes();
        prepare(parsed.pattern, w.rps_per_copy > 0 ? w.rps_per_copy : 10000.0 / 60.0);
        const Pattern design = pattern_copies(parsed.pattern, w.copies, default_registry());
        auto built = Simulation::build(design);
        const double build_ms =
            std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - b0).count();
        if (!built.simulation) {
            for (const auto& d : built.diagnostics.items())
                std::fprintf(stderr, "%s: %s\n", w.file, format_diagnostic(d).c_str());
            fail(w, std::string(w.file) + " does not build");
            continue;
        }
        built.simulation->set_record_recent_spans(false);
        const SimTime until = duration ? *duration : quick ? SimTime{w.duration.us / 24} : w.duration;
        // Memory for work in flight: the heap the run adds over the built design, less the nodes'
        // per-second metric series (bounded, per node), per scheduled event, at the peak of events
        // pending (the bench's constant payloads keep stored items from growing).
        const double heap_built = heap_bytes();
        double bytes_per_pending = 0;
        std::uint64_t peak_pending = 0;
        const Simulation& running = *built.simulation;
        auto sample = [&](const Progress&) {
            const std::uint64_t pending = running.pending_events();
            if (pending > peak_pending) {
                peak_pending = pending;
                double series = 0;
                for (std::size_t i = 0; i < running.node_count(); ++i)
                    series += static_cast<double>(running.node_metrics(i).series().buckets().capacity() *
                                                  sizeof(MetricsBucket));
                bytes_per_pending = (heap_bytes() - heap_built - series) / static_cast<double>(pending);
            }
            return true;
        };
        const auto t0 = std::chrono::steady_clock::now();
        const StopReason stop = built.simulation->run_until(until, sample);
        const double wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
        const Json report = built.simulation->report();
        std::uint64_t requests = 0;
        for (const auto& [id, s] : report["sources"].items())
            requests += s["ok"].get<std::uint64_t>() + s["failed"].get<std::uint64_t>();
        // A figure is only a measurement of the workload when it ran its whole time and served requests.
        if (stop != StopReason::TimeLimit && stop != StopReason::Completed) {
            fail(w, std::string("stopped early (") + stop_reason_name(stop) + ")");
            continue;
        }
        if (requests == 0) {
            fail(w, "no requests were served");
            continue;
        }
        const double events = static_cast<double>(built.simulation->events_processed());
        Json j = {{"sim_time_s", until.seconds()}, {"events", built.simulation->events_processed()},
                  {"requests", requests},          {"wall_s", wall},
                  {"events_per_s", events / wall}, {"requests_per_s", static_cast<double>(requests) / wall},
                  {"peak_rss_mb", peak_rss_mb()},  {"trace_fingerprint", report["trace_fingerprint"]}};
        // The share of the bare loop's speed this workload keeps (only when both ran in this run).
        const double vs_bare = bare_events_per_s > 0 ? events / wall / bare_events_per_s : 0;
        if (vs_bare > 0) j["vs_bare_loop"] = vs_bare;
        if (w.copies > 1) {
            j["copies"] = w.copies;
            j["nodes"] = design.nodes.size();
            j["build_ms"] = build_ms;
            j["peak_pending_events"] = peak_pending;
            if (kHeapKnown) {
                j["heap_design_mb"] = (heap_built - heap_before) / 1e6;
                j["heap_growth_per_pending_event"] =
                    bytes_per_pending;  // an upper bound: all growth is charged to them
            }
            if (out.contains("rest-api"))
                j["vs_one_copy"] = events / wall / out["rest-api"]["events_per_s"].get<double>();
        }
        out[w.name] = j;
        if (!json) {
            char ratio[16] = "-";
            if (vs_bare > 0) std::snprintf(ratio, sizeof ratio, "%.2f", vs_bare);
            std::printf("%-16s %12s %14.0f %14.0f %12.0f %10.2f %9.1f %9s\n", w.name, format_duration(until).c_str(),
                        events, events / wall, static_cast<double>(requests) / wall, wall, peak_rss_mb(), ratio);
            if (w.copies > 1)
                std::printf(
                    "%16s %d copies, %zu nodes: built in %.0f ms (%.1f MB), %.2f of one copy's events/s, "
                    "at most %.0f heap bytes per pending event (peak %llu pending)\n",
                    "", w.copies, design.nodes.size(), build_ms, (heap_built - heap_before) / 1e6,
                    j.value("vs_one_copy", 0.0), bytes_per_pending, static_cast<unsigned long long>(peak_pending));
        }
    }
    if (json) std::printf("%s\n", out.dump(2).c_str());
    return status;
}

}  // namespace sim::cli
