// asl_parse.h — loading an Amazon States Language definition: structure, field types, JSONPath and
// intrinsic syntax, transitions and reachability, each problem reported with the state and reason.
// https://docs.aws.amazon.com/step-functions/latest/dg/concepts-amazon-states-language.html
// Modelled:     [x] all eight state types (JSONPath)  [x] Retry/Catch rules (States.ALL alone, last)
//               [x] Next/Default/Catch targets, unreachable states, unique names, nested machines
// Not modelled: [ ] QueryLanguage JSONata (refused)  [ ] Assign/variables  [ ] unknown-field errors
#pragma once

#include <nlohmann/json.hpp>

#include "stepfunctions/asl_model.h"

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace sim::sfn {

struct AslDiagnostic {
    std::string path;     // JSON pointer into the definition: "/States/Foo/Next"
    std::string message;  // "state 'Foo': Next 'Bar' does not name a state"
};

struct LoadResult {
    std::shared_ptr<const StateMachineDef> machine;  // null when errors is non-empty
    std::vector<AslDiagnostic> errors;
    bool ok() const { return machine != nullptr; }
};

// Validates and compiles a definition. Never throws; every problem found is listed in order.
LoadResult load_state_machine(const nlohmann::json& definition);

// Same, from JSON text; a syntax error gives one diagnostic with path "" and the parser's message.
LoadResult load_state_machine_text(std::string_view text);

// Graph checks on an already-parsed machine (asl_validate.cpp): transition targets, reachability
// and state-name uniqueness across branches. Appends to `errors`.
void validate_transitions(const StateMachineDef& machine, const std::string& pointer,
                          std::vector<AslDiagnostic>& errors);

}  // namespace sim::sfn
