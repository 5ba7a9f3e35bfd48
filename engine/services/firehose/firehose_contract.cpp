// firehose_contract.cpp — Firehose's operations (see firehose_contract.h).
#include "services/firehose/firehose_contract.h"

namespace sim::svc {

std::vector<OperationSpec> firehose_operations() {
    using T = FieldType;
    // AWS's request carries the record as Record {Data}; a Lambda action gives Data at the top
    // level (the calling event when it names none).
    return {{"PutRecord",
             {{"DeliveryStreamName", T::String, true}, {"Record", T::Object, true}},
             {{"RecordId", T::String}, {"Encrypted", T::Boolean}},
             {kFirehoseValidation.code},
             "Data"}};
}

std::vector<ErrorSpec> firehose_errors() {
    return {kFirehoseValidation};
}

}  // namespace sim::svc
