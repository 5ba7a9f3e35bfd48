// dynamodb_contract.cpp — DynamoDB's operations (see dynamodb_contract.h). Items are plain JSON
// here (as the DocumentClient writes them), not typed AttributeValues.
#include "services/dynamodb/dynamodb_contract.h"

namespace sim::svc {

std::vector<OperationSpec> dynamodb_operations() {
    using T = FieldType;
    const std::vector<std::string_view> writes = {kDdbValidation.code, kDdbConditionalCheckFailed.code,
                                                  kDdbProvisionedThroughputExceeded.code, kDdbThrottling.code};
    const std::vector<std::string_view> reads = {kDdbValidation.code, kDdbProvisionedThroughputExceeded.code,
                                                 kDdbThrottling.code};
    const FieldSpec table{"TableName", T::String, true};
    const FieldSpec names{"ExpressionAttributeNames", T::Object};
    const FieldSpec values{"ExpressionAttributeValues", T::Object};
    const FieldSpec condition{"ConditionExpression", T::String};
    const FieldSpec return_values{"ReturnValues", T::String};
    return {
        {"PutItem",
         {table, {"Item", T::Object, true}, condition, names, values, return_values},
         {{"Attributes", T::Object}},
         writes,
         ""},
        {"GetItem",
         {table, {"Key", T::Object, true}, {"ConsistentRead", T::Boolean}, {"ProjectionExpression", T::String}, names},
         {{"Item", T::Object}},
         reads,
         ""},
        {"DeleteItem",
         {table, {"Key", T::Object, true}, condition, names, values, return_values},
         {{"Attributes", T::Object}},
         writes,
         ""},
        {"UpdateItem",
         {table, {"Key", T::Object, true}, {"UpdateExpression", T::String}, condition, names, values, return_values},
         {{"Attributes", T::Object}},
         writes,
         ""},
        {"Query",
         {table,
          {"KeyConditionExpression", T::String},
          {"FilterExpression", T::String},
          {"Limit", T::Integer},
          {"ScanIndexForward", T::Boolean},
          {"ExclusiveStartKey", T::Object},
          {"ConsistentRead", T::Boolean},
          names,
          values},
         {{"Items", T::Array}, {"Count", T::Integer}, {"ScannedCount", T::Integer}, {"LastEvaluatedKey", T::Object}},
         reads,
         ""},
    };
}

std::vector<ErrorSpec> dynamodb_errors() {
    return {kDdbValidation, kDdbConditionalCheckFailed, kDdbProvisionedThroughputExceeded, kDdbThrottling};
}

}  // namespace sim::svc
