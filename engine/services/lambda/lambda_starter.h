// lambda_starter.h — the starter handler the playground offers a Lambda function: Node.js code
// that does something visible with its event and uses each service the function is wired to, as
// AWS's SDK v3 examples write it (clients created at INIT, reused while the environment is warm).
#pragma once

#include "core/registry.h"
#include "pattern/pattern.h"

#include <string>

namespace sim::svc {

// ES module source for `function_id`'s handler, calling each node its "out" links reach
// (DynamoDB PutCommand with the table's key attributes, SQS SendMessage, SNS Publish, S3
// PutObject, EventBridge PutEvents, Kinesis PutRecord, Firehose PutRecord, Step Functions
// StartExecution, Lambda Invoke); with no such link it logs the event and returns it.
std::string lambda_starter_code(const Registry& reg, const Pattern& pattern, const std::string& function_id);

}  // namespace sim::svc
