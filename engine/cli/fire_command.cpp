// fire_command.cpp — `slsim fire PATTERN NODE [EVENT.json]`: one event into one node, and what
// happened. The pattern's traffic is left out so the event is the only request; the caller waits
// for the answer as the Lambda console's Test button does (RequestResponse), then the run goes on
// for `--for` (default 1 minute) so retries, queues and downstream work finish. Without EVENT.json
// the node's sample event is sent (the page's Fire dialog starts from the same one).
#include "cli/cli.h"
#include "cli/report_text.h"
#include "pattern/sample_event.h"
#include "runtime/simulation.h"
#include "services/all_services.h"

#include <cstdio>

namespace sim::cli {

namespace {

constexpr const char* kUsage =
    "usage: slsim fire PATTERN NODE [EVENT.json] [--for 1m] [--seed N] [--json]\n"
    "  sends one event into NODE (the node's sample event when EVENT.json is not given), waits for the\n"
    "  answer, runs on for --for, and prints the answer, each node's activity and the functions' logs\n";

Json answer_json(const Simulation::Answer* a) {
    if (!a) return nullptr;
    Json out = {{"status", a->reply.status}, {"at_ms", a->at.us / 1000.0}};
    if (a->reply.ok()) {
        out["body"] = a->reply.body ? *a->reply.body : Json();
    } else {
        out["error"] = a->reply.error;
        out["message"] = a->reply.detail;
    }
    return out;
}

}  // namespace

int fire_command(const Args& args) {
    std::vector<std::string> positional;
    bool json = false;
    BuildOptions opts;
    SimTime settle = minutes(1);
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        if (a == "--json") {
            json = true;
        } else if ((a == "--for" || a == "--seed") && i + 1 < args.size()) {
            const std::string& v = args[++i];
            if (a == "--seed") {
                char* end = nullptr;
                const unsigned long long s = std::strtoull(v.c_str(), &end, 10);
                if (v.empty() || *end != '\0' || v[0] == '-') {
                    std::fprintf(stderr, "slsim fire: --seed must be a whole number >= 0, got '%s'\n", v.c_str());
                    return 2;
                }
                opts.seed = s;
            } else if (const auto d = parse_duration(v); d && d->us > 0) {
                settle = *d;
            } else {
                std::fprintf(stderr, "slsim fire: --for must look like 30s, 10m or 1h, got '%s'\n", v.c_str());
                return 2;
            }
        } else if (!a.empty() && a[0] == '-') {
            std::fprintf(stderr, "slsim fire: unknown option or missing value '%s'\n%s", a.c_str(), kUsage);
            return 2;
        } else {
            positional.push_back(a);
        }
    }
    if (positional.size() < 2 || positional.size() > 3) {
        std::fputs(kUsage, stderr);
        return 2;
    }
    const std::string& file = positional[0];
    const std::string& node = positional[1];
    std::string text, error;
    if (!read_file(file, text, error)) {
        std::fprintf(stderr, "slsim: %s\n", error.c_str());
        return 2;
    }
    // The design without its traffic: the fired event is the only request.
    Json doc = Json::parse(text, nullptr, false);
    if (doc.is_object()) doc["traffic"] = Json::array();
    auto built = build_from_text(doc.is_discarded() ? text : doc.dump(), opts);
    for (const auto& item : built.diagnostics.items())
        if (item.severity == Severity::Error)
            std::fprintf(stderr, "%s: %s\n", file.c_str(), format_diagnostic(item).c_str());
    if (!built.simulation) return 1;
    Simulation& sim = *built.simulation;
    sim.set_record_recent_spans(false);
    if (sim.pattern().node_index(node) < 0) {
        std::fprintf(stderr, "slsim fire: %s has no node '%s'\n", file.c_str(), node.c_str());
        return 2;
    }

    Json event;
    if (positional.size() == 3) {
        std::string event_text;
        if (!read_file(positional[2], event_text, error)) {
            std::fprintf(stderr, "slsim: %s\n", error.c_str());
            return 2;
        }
        event = Json::parse(event_text, nullptr, false);
        if (event.is_discarded()) {
            std::fprintf(stderr, "slsim fire: %s is not valid JSON\n", positional[2].c_str());
            return 2;
        }
    } else {
        event = sample_event(default_registry(), sim.pattern(), node);
    }

    const std::uint64_t call = sim.call(node, event, error);
    if (!call) {
        std::fprintf(stderr, "slsim fire: %s\n", error.c_str());
        return 1;
    }
    const StopReason stop = sim.run_until(settle, [](const Progress&) { return !interrupted(); });
    const Simulation::Answer* answer = sim.answer(call);

    if (json) {
        Json out = {{"node", node}, {"event", event}, {"answer", answer_json(answer)}};
        out["report"] = sim.report();
        for (std::size_t i = 0; i < sim.node_count(); ++i) {
            const Json view = sim.node_inspect(i);
            if (view.contains("logs")) out["logs"][sim.node_id(i)] = view["logs"];
        }
        std::printf("%s\n", out.dump(2).c_str());
        return stop == StopReason::Interrupted ? 130 : 0;
    }

    std::printf("fired into %s:\n%s\n\n", node.c_str(), event.dump(2).c_str());
    if (!answer) {
        std::printf("answer: none within %s (the caller still waits, or the node answers no one)\n",
                    format_duration(settle).c_str());
    } else if (answer->reply.ok()) {
        std::printf("answer after %.1f ms: %d\n%s\n", answer->at.us / 1000.0, answer->reply.status,
                    answer->reply.body ? answer->reply.body->dump(2).c_str() : "(no body)");
    } else {
        std::printf("answer after %.1f ms: %d %s: %s\n", answer->at.us / 1000.0, answer->reply.status,
                    answer->reply.error.c_str(), answer->reply.detail.c_str());
    }
    std::printf("\nwhat happened in the %s after it:\n", format_duration(settle).c_str());
    std::fputs(format_report_text(sim).c_str(), stdout);
    for (std::size_t i = 0; i < sim.node_count(); ++i) {
        const Json view = sim.node_inspect(i);
        const auto logs = view.find("logs");
        if (logs == view.end() || !logs->is_array() || logs->empty()) continue;
        std::printf("\n%s logs:\n", sim.node_id(i).c_str());
        for (const Json& line : *logs)
            std::printf("  %s\n", line.is_string() ? line.get<std::string>().c_str() : line.dump().c_str());
    }
    return stop == StopReason::Interrupted ? 130 : 0;
}

}  // namespace sim::cli
