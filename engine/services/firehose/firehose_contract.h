// firehose_contract.h — what a Firehose delivery stream accepts from callers and the errors it
// answers with, by AWS's names (API_PutRecord in the Amazon Data Firehose API Reference).
#pragma once

#include "core/contract.h"

#include <vector>

namespace sim::svc {

inline constexpr ErrorSpec kFirehoseValidation{"ValidationException", 400, ErrorClass::Client};

std::vector<OperationSpec> firehose_operations();
std::vector<ErrorSpec> firehose_errors();

}  // namespace sim::svc
