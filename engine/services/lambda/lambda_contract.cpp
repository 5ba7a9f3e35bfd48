// lambda_contract.cpp — Lambda's operations (see lambda_contract.h).
#include "services/lambda/lambda_contract.h"

namespace sim::svc {

std::vector<OperationSpec> lambda_operations() {
    using T = FieldType;
    return {{"Invoke",
             {{"FunctionName", T::String, true},
              {"InvocationType", T::String},
              {"Payload", T::Any},
              {"Qualifier", T::String},
              {"LogType", T::String},
              {"ClientContext", T::String}},
             {{"StatusCode", T::Integer},
              {"FunctionError", T::String},
              {"Payload", T::Any},
              {"ExecutedVersion", T::String}},
             {kLambdaTooManyRequests.code, kLambdaRequestTooLarge.code, kLambdaRecursiveInvocation.code},
             ""}};
}

std::vector<ErrorSpec> lambda_errors() {
    return {kLambdaTooManyRequests, kLambdaRequestTooLarge, kLambdaRecursiveInvocation};
}

}  // namespace sim::svc
