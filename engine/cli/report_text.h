// report_text.h — the human-readable run report.
#pragma once

#include "runtime/simulation.h"

#include <string>

namespace sim::cli {

std::string format_report_text(const Simulation& sim);

}  // namespace sim::cli
