// cli.h — the `slsim` subcommands, each a function from arguments to an exit status.
#pragma once

#include <string>
#include <vector>

namespace sim::cli {

using Args = std::vector<std::string>;

int run_command(const Args& args);          // slsim run FILE [--seed N] [--duration 10m] [--json]
int validate_command(const Args& args);     // slsim validate FILE
int conformance_command(const Args& args);  // slsim conformance SUITE FILE
int compare_command(const Args& args);      // slsim compare FILE [--ec2 TYPE] [--count N] [--json]
int bench_command(const Args& args);        // slsim bench [--json] [--quick]
int check_command(const Args& args);        // slsim check CHALLENGE.json [SOLUTION.json] [--json]
int quiz_command(const Args& args);         // slsim quiz QUESTION.json [--json]
int export_command(const Args& args);       // slsim export sam FILE [--yaml|--json] [--out DIR] | mermaid FILE
int import_command(const Args& args);       // slsim import TEMPLATE.json
int fire_command(const Args& args);         // slsim fire PATTERN NODE [EVENT.json] [--for 1m] [--json]

// Reads a whole file; false (with `error`) when it cannot.
bool read_file(const std::string& path, std::string& out, std::string& error);

// Set by the SIGINT handler; the run loop stops at the next progress check.
bool interrupted();

}  // namespace sim::cli
