// firehose_contract.h — what a Firehose delivery stream and a Redshift warehouse accept from
// callers and the errors they answer with, by AWS's names (API_PutRecord in the Amazon Data
// Firehose API Reference; ExecuteStatement in the Redshift Data API Reference).
#pragma once

#include "core/contract.h"

#include <vector>

namespace sim::svc {

inline constexpr ErrorSpec kFirehoseValidation{"ValidationException", 400, ErrorClass::Client};
// A failed COPY into the warehouse (ErrorRate).
inline constexpr ErrorSpec kRedshiftInternalError{"InternalError", 500, ErrorClass::Server};

std::vector<OperationSpec> firehose_operations();
std::vector<ErrorSpec> firehose_errors();
std::vector<OperationSpec> redshift_operations();
std::vector<ErrorSpec> redshift_errors();

}  // namespace sim::svc
