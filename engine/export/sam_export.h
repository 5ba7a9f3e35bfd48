// sam_export.h — a pattern as an AWS SAM template (Transform AWS::Serverless-2016-10-31).
// Each node with an AWS counterpart becomes a resource whose logical id derives from the node id
// (sam_mapping.h); config keys that are CloudFormation properties go to Properties, the
// simulation-only ones to the resource's Metadata.ServerlessPlayground. Wiring becomes what it
// implies in AWS: Events on functions and state machines (SQS, Kinesis, DynamoDB, S3, SNS, Api,
// HttpApi), SNS subscriptions, EventBridge rules with targets, redrive policies, destinations,
// Lambda permissions, queue policies and SAM policy templates for what code calls. Pattern-level
// data (traffic, settings, layout, node order, edges) lives in the template's
// Metadata.ServerlessPlayground, so import_template() gives back an equal pattern.
#pragma once

#include "pattern/pattern.h"
#include "services/cloudformation/cloudformation.h"  // kSamMetadataKey

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace sim {

struct SamExport {
    nlohmann::ordered_json tmpl;     // the template, keys in CloudFormation's usual order
    std::vector<std::string> notes;  // what AWS gets only partly: "edge 3 (orders-api → orders-queue): …"
};

// Never fails: a pattern that does not validate still exports what it has.
SamExport export_sam(const Pattern& pattern);
std::string export_sam_json(const Pattern& pattern);  // two-space indented, ending in a newline
std::string export_sam_yaml(const Pattern& pattern);  // block-style YAML (yaml_emit.h)

}  // namespace sim
