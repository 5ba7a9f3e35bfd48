// check_command.cpp — `slsim check CHALLENGE.json SOLUTION.json`: runs a challenge's runs on a
// solution and prints every acceptance check as PASS/FAIL with the measured value; exit 0 only
// when all pass (1: some fail, 2: bad arguments or files). Designs listed under "compare" in the
// challenge run too and are shown side by side.
#include "challenge/challenge.h"
#include "challenge/evaluate.h"
#include "cli/cli.h"

#include <cstdio>

namespace sim::cli {

namespace {

void print_diagnostics(const Diagnostics& d, const std::string& file) {
    for (const auto& item : d.items()) std::fprintf(stderr, "%s: %s\n", file.c_str(), format_diagnostic(item).c_str());
}

// Loads a pattern file, printing its diagnostics; false when it cannot be used.
bool load_pattern(const std::string& file, Pattern& out) {
    std::string text, error;
    if (!read_file(file, text, error)) {
        std::fprintf(stderr, "slsim check: %s\n", error.c_str());
        return false;
    }
    ParseResult parsed = parse_pattern(text);
    print_diagnostics(parsed.diagnostics, file);
    if (!parsed.ok()) return false;
    out = std::move(parsed.pattern);
    return true;
}

std::string dir_of(const std::string& path) {
    const auto slash = path.find_last_of('/');
    return slash == std::string::npos ? "" : path.substr(0, slash + 1);
}

}  // namespace

int check_command(const Args& args) {
    static const char* kUsage =
        "usage: slsim check CHALLENGE.json [SOLUTION.json] [--json] [--no-compare]\n"
        "       (without a solution: list the challenge's runs and checks)\n";
    std::vector<std::string> files;
    bool json = false, compare = true;
    for (const auto& a : args) {
        if (a == "--json")
            json = true;
        else if (a == "--no-compare")
            compare = false;
        else if (!a.empty() && a[0] == '-') {
            std::fprintf(stderr, "slsim check: unknown option '%s'\n%s", a.c_str(), kUsage);
            return 2;
        } else
            files.push_back(a);
    }
    if (files.empty() || files.size() > 2) {
        std::fputs(kUsage, stderr);
        return 2;
    }
    std::string text, error;
    if (!read_file(files[0], text, error)) {
        std::fprintf(stderr, "slsim check: %s\n", error.c_str());
        return 2;
    }
    challenge::LoadResult loaded = challenge::load_challenge(text);
    print_diagnostics(loaded.diagnostics, files[0]);
    if (!loaded.ok()) {
        std::fprintf(stderr, "%s: invalid challenge (%zu error%s)\n", files[0].c_str(),
                     loaded.diagnostics.error_count(), loaded.diagnostics.error_count() == 1 ? "" : "s");
        return 2;
    }
    const challenge::Challenge& ch = loaded.challenge;
    if (files.size() == 1) {
        std::printf("%s (%s)\n\n%s\n\n", ch.title.c_str(), ch.id.c_str(), ch.scenario.c_str());
        for (const auto& c : ch.constraints) std::printf("  constraint: %s\n", c.c_str());
        for (const auto& r : ch.runs)
            std::printf("  run %-12s %s, %s\n", r.id.c_str(), format_duration(r.duration).c_str(), r.label.c_str());
        for (const auto& c : ch.checks) std::printf("  check: %s\n", c.description.c_str());
        return 0;
    }
    Pattern solution;
    if (!load_pattern(files[1], solution)) return 2;
    challenge::Result result = challenge::evaluate(ch, solution);
    print_diagnostics(result.diagnostics, files[1]);

    // Comparison designs: same runs, same checks.
    std::vector<std::pair<std::string, challenge::Result>> others;
    if (compare)
        for (const auto& cmp : ch.compare) {
            Pattern design;
            const std::string path = dir_of(files[0]) + cmp.design;
            if (!load_pattern(path, design)) return 2;
            others.emplace_back(cmp.label, challenge::evaluate(ch, design));
        }

    if (json) {
        Json j = challenge::result_to_json(result);
        j["challenge"] = ch.id;
        for (const auto& [label, r] : others) {
            Json o = challenge::result_to_json(r);
            o["label"] = label;
            j["compare"].push_back(o);
        }
        std::printf("%s\n", j.dump(2).c_str());
        return result.passed() ? 0 : 1;
    }
    std::printf("%s — %s\n\n", ch.title.c_str(), files[1].c_str());
    for (const auto& r : result.runs)
        if (!r.ran || !r.problem.empty()) std::printf("  run %s: %s\n", r.id.c_str(), r.problem.c_str());
    for (std::size_t i = 0; i < result.checks.size(); ++i) {
        const auto& c = result.checks[i];
        std::printf("%s  %s — %s\n", c.passed ? "PASS" : "FAIL", c.description.c_str(), c.measured.c_str());
        for (const auto& [label, r] : others)
            std::printf("        %s: %s — %s\n", label.c_str(), r.checks[i].passed ? "pass" : "fail",
                        r.checks[i].measured.c_str());
    }
    std::printf("\n%zu of %zu checks passed%s\n", result.passed_count(), result.checks.size(),
                result.passed() ? ": challenge complete" : "");
    for (const auto& [label, r] : others)
        std::printf("%s: %zu of %zu checks passed\n", label.c_str(), r.passed_count(), r.checks.size());
    return result.passed() ? 0 : 1;
}

}  // namespace sim::cli
