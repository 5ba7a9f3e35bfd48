// run_command.cpp — `slsim run` and `slsim validate`.
#include "cli/cli.h"
#include "cli/report_text.h"
#include "runtime/simulation.h"

#include <unistd.h>
#include <csignal>
#include <cstdio>
#include <fstream>
#include <sstream>

namespace sim::cli {

namespace {
volatile std::sig_atomic_t g_interrupted = 0;
void on_sigint(int) {
    g_interrupted = 1;
}

void print_diagnostics(const Diagnostics& d, const std::string& file) {
    for (const auto& item : d.items()) std::fprintf(stderr, "%s: %s\n", file.c_str(), format_diagnostic(item).c_str());
}
}  // namespace

bool interrupted() {
    return g_interrupted != 0;
}

bool read_file(const std::string& path, std::string& out, std::string& error) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        error = "cannot read '" + path + "'";
        return false;
    }
    std::ostringstream ss;
    ss << in.rdbuf();
    out = ss.str();
    return true;
}

int validate_command(const Args& args) {
    if (args.size() != 1) {
        std::fputs("usage: slsim validate FILE\n", stderr);
        return 2;
    }
    std::string text, error;
    if (!read_file(args[0], text, error)) {
        std::fprintf(stderr, "slsim: %s\n", error.c_str());
        return 2;
    }
    auto built = build_from_text(text);
    print_diagnostics(built.diagnostics, args[0]);
    if (!built.simulation) {
        std::fprintf(stderr, "%s: invalid (%zu error%s)\n", args[0].c_str(), built.diagnostics.error_count(),
                     built.diagnostics.error_count() == 1 ? "" : "s");
        return 1;
    }
    std::printf("%s: valid (%zu nodes, %zu edges, %zu traffic sources)\n", args[0].c_str(),
                built.simulation->pattern().nodes.size(), built.simulation->pattern().edges.size(),
                built.simulation->pattern().traffic.size());
    return 0;
}

int run_command(const Args& args) {
    std::string file;
    bool json = false, with_state = false, with_logs = false;
    BuildOptions opts;
    std::optional<SimTime> duration;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        auto value = [&](const char* name) -> const std::string* {
            if (i + 1 >= args.size()) {
                std::fprintf(stderr, "slsim run: %s needs a value\n", name);
                return nullptr;
            }
            return &args[++i];
        };
        if (a == "--json")
            json = true;
        else if (a == "--state")
            with_state = true;
        else if (a == "--logs")
            with_logs = true;
        else if (a == "--seed") {
            const std::string* v = value("--seed");
            if (!v) return 2;
            char* end = nullptr;
            const unsigned long long s = std::strtoull(v->c_str(), &end, 10);
            if (v->empty() || *end != '\0' || (*v)[0] == '-') {
                std::fprintf(stderr, "slsim run: --seed must be a whole number >= 0, got '%s'\n", v->c_str());
                return 2;
            }
            opts.seed = s;
        } else if (a == "--duration") {
            const std::string* v = value("--duration");
            if (!v) return 2;
            duration = parse_duration(*v);
            if (!duration || duration->us <= 0) {
                std::fprintf(stderr, "slsim run: --duration must look like 90s, 10m, 2h or 1d, got '%s'\n", v->c_str());
                return 2;
            }
        } else if (!a.empty() && a[0] == '-') {
            std::fprintf(stderr, "slsim run: unknown option '%s'\n", a.c_str());
            return 2;
        } else if (file.empty())
            file = a;
        else {
            std::fprintf(stderr, "slsim run: only one pattern file, got '%s' too\n", a.c_str());
            return 2;
        }
    }
    if (file.empty()) {
        std::fputs("usage: slsim run FILE [--seed N] [--duration 10m] [--json [--state] [--logs]]\n", stderr);
        return 2;
    }
    std::string text, error;
    if (!read_file(file, text, error)) {
        std::fprintf(stderr, "slsim: %s\n", error.c_str());
        return 2;
    }
    auto built = build_from_text(text, opts);
    print_diagnostics(built.diagnostics, file);
    if (!built.simulation) return 1;
    Simulation& sim = *built.simulation;
    sim.set_record_recent_spans(false);  // the report shows no recent spans
    const SimTime until = duration.value_or(sim.pattern().settings.duration);

    std::signal(SIGINT, on_sigint);
    const bool show_progress = isatty(fileno(stderr));
    StopReason stop = sim.run_until(until, [&](const Progress& p) {
        if (show_progress) {
            std::fprintf(stderr, "\r  simulated %s of %s, %llu events", format_duration(p.now).c_str(),
                         format_duration(p.until).c_str(), static_cast<unsigned long long>(p.events));
        }
        return !interrupted();
    });
    if (show_progress) std::fputs("\r\033[K", stderr);
    if (json) {
        Json report = sim.report();
        // --state: each node's contents as the inspector shows them (items, objects, messages,
        // bounded by each service); --logs: each code function's log lines (the first 1,000).
        for (std::size_t i = 0; (with_state || with_logs) && i < sim.node_count(); ++i) {
            Json view = sim.node_inspect(i);
            if (with_logs && view.contains("logs")) report["logs"][sim.node_id(i)] = view["logs"];
            view.erase("logs");
            if (with_state) report["state"][sim.node_id(i)] = std::move(view);
        }
        std::printf("%s\n", report.dump(2).c_str());
    } else
        std::fputs(format_report_text(sim).c_str(), stdout);
    return stop == StopReason::Interrupted ? 130 : 0;
}

}  // namespace sim::cli
