// main.cpp — `slsim`: argument dispatch only; each subcommand lives in its own file.
#include "cli/cli.h"

#include <cstdio>
#include <cstring>

namespace {
void usage(std::FILE* out) {
    std::fputs(
        "usage: slsim <command> [options]\n"
        "\n"
        "commands:\n"
        "  run FILE [--seed N] [--duration 10m] [--json]   run a pattern and print a report\n"
        "      --state  --logs                              with --json: node contents, functions' logs\n"
        "  validate FILE                                    check a pattern; exit 1 with diagnostics\n"
        "  conformance SUITE FILE                           run a conformance suite\n"
        "                                                   (eventbridge, sns, schedule, asl)\n"
        "  bench [--json] [--quick]                         engine speed on fixed workloads\n"
        "  compare FILE [--ec2 m5.large] [--count 2] [--json]\n"
        "                                                   serverless vs an EC2 fleet for the same traffic:\n"
        "                                                   costs, crossover request rate, comparison table\n"
        "  export sam FILE [--yaml|--json] [--out DIR]      the pattern as an AWS SAM template (default YAML)\n"
        "      --out DIR                                    write DIR/template.yaml (.json) and functions'\n"
        "                                                   CodeFiles as DIR/src/<function-id>/… (CodeUri)\n"
        "  export mermaid FILE                              the diagram as Mermaid flowchart text\n"
        "  import TEMPLATE [--no-traffic]                   a SAM/CloudFormation template (JSON or YAML) as pattern "
        "JSON\n"
        "  fire PATTERN NODE [EVENT.json] [--for 1m] [--json] one event into NODE (its sample event when no\n"
        "                                                   file is given): the answer, each node's activity\n"
        "                                                   and the functions' logs, traffic left out\n"
        "  quiz QUESTION.json [--json]                      run every option of a quiz question; exit 0 when\n"
        "                                                   the stated answer measurably wins\n"
        "  help                                             this text\n",
        out);
}
}  // namespace

int main(int argc, char** argv) {
    if (argc < 2) {
        usage(stderr);
        return 2;
    }
    const std::string cmd = argv[1];
    sim::cli::Args args(argv + 2, argv + argc);
    if (cmd == "run") return sim::cli::run_command(args);
    if (cmd == "validate") return sim::cli::validate_command(args);
    if (cmd == "conformance") return sim::cli::conformance_command(args);
    if (cmd == "bench") return sim::cli::bench_command(args);
    if (cmd == "check") return sim::cli::check_command(args);  // slsim check CHALLENGE.json SOLUTION.json
    if (cmd == "quiz") return sim::cli::quiz_command(args);
    if (cmd == "compare") return sim::cli::compare_command(args);
    if (cmd == "export") return sim::cli::export_command(args);
    if (cmd == "import") return sim::cli::import_command(args);
    if (cmd == "fire") return sim::cli::fire_command(args);
    if (cmd == "help" || cmd == "--help" || cmd == "-h") {
        usage(stdout);
        return 0;
    }
    std::fprintf(stderr, "slsim: unknown command '%s'\n\n", cmd.c_str());
    usage(stderr);
    return 2;
}
