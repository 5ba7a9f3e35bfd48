// sns_contract.cpp — SNS's operations (see sns_contract.h).
#include "services/sns/sns_contract.h"

namespace sim::svc {

std::vector<OperationSpec> sns_operations() {
    using T = FieldType;
    return {{"Publish",
             {{"TopicArn", T::String},
              {"Message", T::String, true},
              {"Subject", T::String},
              {"MessageAttributes", T::Object},
              {"MessageDeduplicationId", T::String},
              {"MessageGroupId", T::String}},
             {{"MessageId", T::String}, {"SequenceNumber", T::String}},
             {kSnsInvalidParameter.code, kSnsThrottled.code},
             "Message"}};
}

std::vector<ErrorSpec> sns_errors() {
    return {kSnsInvalidAction, kSnsInvalidParameter, kSnsThrottled};
}

}  // namespace sim::svc
