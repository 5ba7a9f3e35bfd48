// sam_export.h — a pattern as an AWS SAM template (Transform AWS::Serverless-2016-10-31).
// Each node with an AWS counterpart becomes a resource whose logical id derives from the node id
// (sam_mapping.h); config keys that are CloudFormation properties go to Properties, the
// simulation-only ones to the resource's Metadata.ServerlessPlayground. Wiring becomes what it
// implies in AWS: Events on functions and state machines (SQS, Kinesis, DynamoDB, S3, SNS, Api,
// HttpApi), SNS subscriptions, EventBridge rules with targets, redrive policies, destinations,
// Lambda permissions, queue policies and SAM policy templates for what code calls. A function's
// code stays in the template when it is one file (InlineCode; Code.ZipFile becomes InlineCode);
// the sim-only CodeFiles (several files) becomes CodeUri: src/<node id>/ plus `files` to write
// there, never a CodeFiles key. Pattern-level data (traffic, settings, layout, node order, edges)
// lives in the template's Metadata.ServerlessPlayground, so import_template() gives back an equal
// pattern (for CodeFiles, once the CLI has read the files back: the CodeUri key stays).
#pragma once

#include "pattern/pattern.h"
#include "services/cloudformation/cloudformation.h"  // kSamMetadataKey

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace sim {

// A file the template names, to be written beside it: a function's CodeFiles under its CodeUri.
struct SamFile {
    std::string node;    // the node it belongs to
    std::string folder;  // relative to the template, '/'-separated, ending in '/': "src/orders-fn/"
    std::string path;    // relative to folder: "lib/ids.mjs" (never absolute, never '..')
    std::string text;
};

struct SamExport {
    nlohmann::ordered_json tmpl;     // the template, keys in CloudFormation's usual order
    std::vector<std::string> notes;  // what AWS gets only partly: "edge 3 (orders-api → orders-queue): …"
    // Code the template names by CodeUri, in node order then path order. The engine never writes
    // files: `slsim export sam P --out DIR` does (cli/sam_project.h); a template alone cannot carry
    // them, and import reads them back from beside the template.
    std::vector<SamFile> files;
    // What stops the files from being written (an unsafe CodeFiles path): "node 'fn': …". The
    // template is complete otherwise.
    std::vector<std::string> errors;
};

// Never fails: a pattern that does not validate still exports what it has (errors says what a
// written project would get wrong).
SamExport export_sam(const Pattern& pattern);
std::string export_sam_json(const Pattern& pattern);  // two-space indented, ending in a newline
std::string export_sam_yaml(const Pattern& pattern);  // block-style YAML (yaml_emit.h)

}  // namespace sim
