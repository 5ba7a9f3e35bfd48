// conformance_command.cpp — `slsim conformance SUITE FILE`: one line per failing case, then
// "N passed, M failed"; exit 0 only when every case passes.
#include "cli/cli.h"
#include "conformance/conformance.h"

#include <cstdio>

namespace sim::cli {

int conformance_command(const Args& args) {
    if (args.size() != 2) {
        std::fputs("usage: slsim conformance SUITE FILE   (SUITE: eventbridge, sns, schedule, asl)\n", stderr);
        return 2;
    }
    bool known = false;
    for (const auto& s : conformance::suite_names()) known |= s == args[0];
    if (!known) {
        std::fprintf(stderr, "slsim conformance: unknown suite '%s'; expected eventbridge, sns, schedule or asl\n",
                     args[0].c_str());
        return 2;
    }
    std::string text, error;
    if (!read_file(args[1], text, error)) {
        std::fprintf(stderr, "slsim: %s\n", error.c_str());
        return 2;
    }
    const conformance::SuiteFile file = conformance::read_suite_file(text);
    if (!file.error.empty()) {
        std::fprintf(stderr, "slsim conformance: '%s' is not valid JSON at %s\n", args[1].c_str(), file.error.c_str());
        return 2;
    }
    const conformance::Report report = conformance::run_suite(args[0], file.cases);
    for (const auto& f : report.failures) std::printf("FAIL %s: %s\n", f.id.c_str(), f.why.c_str());
    std::printf("%d passed, %zu failed\n", report.passed, report.failures.size());
    return report.failures.empty() ? 0 : 1;
}

}  // namespace sim::cli
