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
             ""},
            // https://docs.aws.amazon.com/step-functions/latest/apireference/API_SendTaskSuccess.html
            {"SendTaskSuccess",
             {{"taskToken", T::String, true}, {"output", T::String, true}},
             {},
             {kSfnInvalidOutput.code, kSfnInvalidToken.code, kSfnTaskDoesNotExist.code, kSfnTaskTimedOut.code},
             ""},
            {"SendTaskFailure",
             {{"taskToken", T::String, true}, {"error", T::String}, {"cause", T::String}},
             {},
             {kSfnInvalidToken.code, kSfnTaskDoesNotExist.code, kSfnTaskTimedOut.code},
             ""},
            {"SendTaskHeartbeat",
             {{"taskToken", T::String, true}},
             {},
             {kSfnInvalidToken.code, kSfnTaskDoesNotExist.code, kSfnTaskTimedOut.code},
             ""}};
}

std::vector<ErrorSpec> stepfunctions_errors() {
    return {kSfnInvalidAction,
            kSfnInvalidExecutionInput,
            kSfnStateMachineTypeNotSupported,
            kSfnInvalidToken,
            kSfnInvalidOutput,
            kSfnTaskDoesNotExist,
            kSfnTaskTimedOut,
            kSfnThrottling};
}

}  // namespace sim::svc
