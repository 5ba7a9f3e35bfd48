// aurora_contract.cpp — the RDS Data API's operations (see aurora_contract.h).
#include "services/aurora/aurora_contract.h"

namespace sim::svc {

std::vector<OperationSpec> aurora_operations() {
    using T = FieldType;
    return {{"ExecuteStatement",
             {{"resourceArn", T::String, true},
              {"secretArn", T::String, true},
              {"sql", T::String, true},
              {"database", T::String},
              {"parameters", T::Array},
              {"transactionId", T::String}},
             {{"records", T::Array}, {"numberOfRecordsUpdated", T::Integer}, {"generatedFields", T::Array}},
             {kAuroraDatabaseError.code},
             ""}};
}

std::vector<ErrorSpec> aurora_errors() {
    return {kAuroraDatabaseError};
}

}  // namespace sim::svc
