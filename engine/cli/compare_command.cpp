// compare_command.cpp — `slsim compare FILE --ec2 TYPE --count N`: serverless vs an EC2 fleet for
// the pattern's traffic (engine/cost/compare.h).
#include "cli/cli.h"
#include "cost/compare.h"

#include <cstdio>
#include <cstdlib>

namespace sim::cli {

int compare_command(const Args& args) {
    static const char* kUsage =
        "usage: slsim compare FILE [--ec2 m5.large] [--count 2] [--request-cpu-ms MS] [--no-alb] [--duration 10m] "
        "[--seed N] [--json]\n";
    std::string file;
    bool json = false;
    CompareOptions o;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        auto value = [&]() -> const std::string* { return i + 1 < args.size() ? &args[++i] : nullptr; };
        const std::string* v = nullptr;
        if (a == "--json")
            json = true;
        else if (a == "--no-alb")
            o.alb = false;
        else if ((a == "--ec2" || a == "--count" || a == "--request-cpu-ms" || a == "--duration" || a == "--seed") &&
                 !(v = value())) {
            std::fprintf(stderr, "slsim compare: %s needs a value\n", a.c_str());
            return 2;
        } else if (a == "--ec2")
            o.instance_type = *v;
        else if (a == "--count" || a == "--seed") {
            char* end = nullptr;
            const long long n = std::strtoll(v->c_str(), &end, 10);
            if (v->empty() || *end != '\0' || n < 0) {
                std::fprintf(stderr, "slsim compare: %s must be a whole number, got '%s'\n", a.c_str(), v->c_str());
                return 2;
            }
            if (a == "--count")
                o.count = n;
            else
                o.seed = static_cast<std::uint64_t>(n);
        } else if (a == "--request-cpu-ms") {
            char* end = nullptr;
            const double ms = std::strtod(v->c_str(), &end);
            if (v->empty() || *end != '\0') {
                std::fprintf(stderr, "slsim compare: --request-cpu-ms must be a number of milliseconds, got '%s'\n",
                             v->c_str());
                return 2;
            }
            o.request_cpu_ms = ms;
        } else if (a == "--duration") {
            o.duration = parse_duration(*v);
            if (!o.duration || o.duration->us <= 0) {
                std::fprintf(stderr, "slsim compare: --duration must look like 90s, 10m, 2h or 1d, got '%s'\n",
                             v->c_str());
                return 2;
            }
        } else if (!a.empty() && a[0] == '-') {
            std::fprintf(stderr, "slsim compare: unknown option '%s'\n%s", a.c_str(), kUsage);
            return 2;
        } else if (file.empty())
            file = a;
        else {
            std::fprintf(stderr, "slsim compare: only one pattern file, got '%s' too\n", a.c_str());
            return 2;
        }
    }
    if (file.empty()) {
        std::fputs(kUsage, stderr);
        return 2;
    }
    std::string text, error;
    if (!read_file(file, text, error)) {
        std::fprintf(stderr, "slsim: %s\n", error.c_str());
        return 2;
    }
    CompareRun run = compare_pattern(text, o);
    for (const auto& d : run.diagnostics.items())
        std::fprintf(stderr, "%s: %s\n", file.c_str(), format_diagnostic(d).c_str());
    if (!run.error.empty()) {
        std::fprintf(stderr, "slsim compare: %s\n", run.error.c_str());
        return 2;
    }
    if (!run.result) return 1;
    if (json)
        std::printf("%s\n", compare_to_json(*run.result).dump(2).c_str());
    else
        std::fputs(format_compare_text(*run.result).c_str(), stdout);
    return 0;
}

}  // namespace sim::cli
