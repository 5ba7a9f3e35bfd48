// appsync_contract.cpp — AppSync's GraphQL request (see appsync_contract.h).
#include "services/appsync/appsync_contract.h"

namespace sim::svc {

std::vector<OperationSpec> appsync_operations() {
    using T = FieldType;
    return {{"GraphQL",
             {{"query", T::String, true}, {"variables", T::Object}, {"operationName", T::String}},
             {{"data", T::Any}, {"errors", T::Array}},
             {kAppSyncUnauthorized.code},
             ""}};
}

std::vector<ErrorSpec> appsync_errors() {
    return {kAppSyncUnauthorized};
}

}  // namespace sim::svc
