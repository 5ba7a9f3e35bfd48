// sqs_contract.cpp — SQS's operations (see sqs_contract.h).
#include "services/sqs/sqs_contract.h"

namespace sim::svc {

std::vector<OperationSpec> sqs_operations() {
    using T = FieldType;
    return {{"SendMessage",
             {{"QueueUrl", T::String, true},
              {"MessageBody", T::String, true},
              {"DelaySeconds", T::Integer},
              {"MessageAttributes", T::Object},
              {"MessageDeduplicationId", T::String},
              {"MessageGroupId", T::String}},
             {{"MessageId", T::String}, {"MD5OfMessageBody", T::String}, {"SequenceNumber", T::String}},
             {kSqsInvalidParameterValue.code, kSqsMissingParameter.code, kSqsThrottling.code},
             "MessageBody"}};
}

std::vector<ErrorSpec> sqs_errors() {
    return {kSqsInvalidAction, kSqsInvalidParameterValue, kSqsMissingParameter, kSqsThrottling};
}

}  // namespace sim::svc
