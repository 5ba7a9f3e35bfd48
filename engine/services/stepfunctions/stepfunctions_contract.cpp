// stepfunctions_contract.cpp — Step Functions' operations (see stepfunctions_contract.h). The
// simulator reads the execution input as "Input" (the spelling of the states:startExecution task
// parameters) or takes the calling event.
#include "services/stepfunctions/stepfunctions_contract.h"

namespace sim::svc {

std::vector<OperationSpec> stepfunctions_operations() {
    using T = FieldType;
    const std::vector<FieldSpec> request = {
        {"stateMachineArn", T::String, true}, {"name", T::String}, {"input", T::String}, {"traceHeader", T::String}};
    return {{"StartExecution",
             request,
             {{"executionArn", T::String}, {"startDate", T::Number}},
             {kSfnInvalidExecutionInput.code, kSfnThrottling.code},
             ""},
            {"StartSyncExecution",
             request,
             {{"executionArn", T::String},
              {"status", T::String},
              {"output", T::String},
              {"error", T::String},
              {"cause", T::String}},
             {kSfnInvalidExecutionInput.code, kSfnStateMachineTypeNotSupported.code},
             ""}};
}

std::vector<ErrorSpec> stepfunctions_errors() {
    return {kSfnInvalidAction, kSfnInvalidExecutionInput, kSfnStateMachineTypeNotSupported, kSfnThrottling};
}

}  // namespace sim::svc
