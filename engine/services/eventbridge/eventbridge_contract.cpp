// eventbridge_contract.cpp — EventBridge's operations (see eventbridge_contract.h).
#include "services/eventbridge/eventbridge_contract.h"

namespace sim::svc {

std::vector<OperationSpec> eventbridge_operations() {
    using T = FieldType;
    // A Lambda action may also give one entry's Source, DetailType and Detail at the top level
    // (the calling event becomes Detail); AWS's request is always Entries.
    return {{"PutEvents",
             {{"Entries", T::Array, true}},
             {{"Entries", T::Array}, {"FailedEntryCount", T::Integer}},
             {kEventsValidation.code},
             "Detail"}};
}

std::vector<ErrorSpec> eventbridge_errors() {
    return {kEventsValidation};
}

}  // namespace sim::svc
