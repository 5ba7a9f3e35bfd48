// sam_mapping.cpp — the type and property tables behind SAM export/import (see sam_mapping.h).
// Property names from the CloudFormation / SAM resource references; anything a service reads that
// is not listed here is simulation-only and exported under Metadata.
#include "export/sam_mapping.h"

#include <algorithm>
#include <array>

namespace sim {

namespace {

using P = std::string_view;

// https://docs.aws.amazon.com/serverless-application-model/latest/developerguide/sam-resource-function.html
constexpr P kFunction[] = {"Architectures",
                           "AutoPublishAlias",
                           "CodeUri",
                           "DeadLetterQueue",
                           "Description",
                           "Environment",
                           "EphemeralStorage",
                           "EventInvokeConfig",
                           "FunctionName",
                           "Handler",
                           "ImageUri",
                           "InlineCode",
                           "KmsKeyArn",
                           "Layers",
                           "LoggingConfig",
                           "MemorySize",
                           "PackageType",
                           "Policies",
                           "ProvisionedConcurrencyConfig",
                           "RecursiveLoop",
                           "ReservedConcurrentExecutions",
                           "Role",
                           "Runtime",
                           "SnapStart",
                           "Tags",
                           "Timeout",
                           "Tracing",
                           "VpcConfig"};
constexpr P kRestApi[] = {
    "StageName", "Name",           "Description", "EndpointConfiguration", "MethodSettings", "Auth",
    "Cors",      "TracingEnabled", "Tags"};
constexpr P kHttpApi[] = {"StageName", "Name", "Description", "Auth", "CorsConfiguration", "DefaultRouteSettings",
                          "Tags"};
// https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-sqs-queue.html
constexpr P kQueue[] = {"ContentBasedDeduplication",
                        "DeduplicationScope",
                        "DelaySeconds",
                        "FifoQueue",
                        "FifoThroughputLimit",
                        "KmsDataKeyReusePeriodSeconds",
                        "KmsMasterKeyId",
                        "MaximumMessageSize",
                        "MessageRetentionPeriod",
                        "QueueName",
                        "ReceiveMessageWaitTimeSeconds",
                        "RedriveAllowPolicy",
                        "RedrivePolicy",
                        "SqsManagedSseEnabled",
                        "Tags",
                        "VisibilityTimeout"};
constexpr P kTopic[] = {"ArchivePolicy", "ContentBasedDeduplication",
                        "DisplayName",   "FifoThroughputScope",
                        "FifoTopic",     "KmsMasterKeyId",
                        "Subscription",  "Tags",
                        "TopicName",     "TracingConfig"};
constexpr P kTable[] = {"AttributeDefinitions",
                        "BillingMode",
                        "GlobalSecondaryIndexes",
                        "KeySchema",
                        "LocalSecondaryIndexes",
                        "OnDemandThroughput",
                        "PointInTimeRecoverySpecification",
                        "ProvisionedThroughput",
                        "SSESpecification",
                        "StreamSpecification",
                        "TableClass",
                        "TableName",
                        "Tags",
                        "TimeToLiveSpecification"};
constexpr P kBucket[] = {"BucketName",
                         "LifecycleConfiguration",
                         "NotificationConfiguration",
                         "Tags",
                         "VersioningConfiguration",
                         "PublicAccessBlockConfiguration",
                         "BucketEncryption"};
constexpr P kStream[] = {"Name", "RetentionPeriodHours", "ShardCount", "StreamEncryption", "StreamModeDetails", "Tags"};
constexpr P kFirehose[] = {"DeliveryStreamName",
                           "DeliveryStreamType",
                           "ExtendedS3DestinationConfiguration",
                           "KinesisStreamSourceConfiguration",
                           "RedshiftDestinationConfiguration",
                           "Tags"};
constexpr P kStateMachine[] = {"Definition", "DefinitionUri", "DefinitionSubstitutions",
                               "Events",     "Logging",       "Name",
                               "Policies",   "Role",          "Tracing",
                               "Type",       "Tags"};
constexpr P kEventBus[] = {"Name", "Description", "EventSourceName", "Tags"};
constexpr P kUserPool[] = {"UserPoolName",       "UserPoolTier", "AutoVerifiedAttributes",
                           "UsernameAttributes", "Policies",     "MfaConfiguration"};
constexpr P kGraphQl[] = {"Name", "AuthenticationType", "UserPoolConfig", "XrayEnabled", "Tags"};
constexpr P kDbCluster[] = {"DBClusterIdentifier",
                            "DatabaseName",
                            "Engine",
                            "EngineVersion",
                            "MasterUsername",
                            "ServerlessV2ScalingConfiguration",
                            "Tags"};
constexpr P kDistribution[] = {"DistributionConfig", "Tags"};
constexpr P kCfFunction[] = {"Name", "FunctionCode", "FunctionConfig", "AutoPublish"};
constexpr P kAsg[] = {"AvailabilityZones", "DesiredCapacity",       "HealthCheckGracePeriod", "MaxSize",
                      "MinSize",           "DefaultInstanceWarmup", "LaunchTemplate",         "Tags"};
constexpr P kTaskDef[] = {
    "Cpu", "Memory", "ContainerDefinitions", "RuntimePlatform", "Family", "RequiresCompatibilities", "NetworkMode"};
constexpr P kWorkgroup[] = {"WorkgroupName", "BaseCapacity", "MaxCapacity", "NamespaceName"};
constexpr P kNone[] = {""};

const std::array kMaps = {
    SamTypeMap{"lambda", "AWS::Serverless::Function", kFunction},
    SamTypeMap{"lambda_edge", "AWS::Serverless::Function", kFunction},
    SamTypeMap{"apigateway", "AWS::Serverless::Api", kRestApi},
    SamTypeMap{"apigateway", "AWS::Serverless::HttpApi", kHttpApi},
    SamTypeMap{"sqs", "AWS::SQS::Queue", kQueue},
    SamTypeMap{"sns", "AWS::SNS::Topic", kTopic},
    SamTypeMap{"dynamodb", "AWS::DynamoDB::Table", kTable},
    SamTypeMap{"s3", "AWS::S3::Bucket", kBucket},
    SamTypeMap{"kinesis", "AWS::Kinesis::Stream", kStream},
    SamTypeMap{"firehose", "AWS::KinesisFirehose::DeliveryStream", kFirehose},
    SamTypeMap{"stepfunctions", "AWS::Serverless::StateMachine", kStateMachine},
    SamTypeMap{"eventbridge", "AWS::Events::EventBus", kEventBus},
    SamTypeMap{"cognito", "AWS::Cognito::UserPool", kUserPool},
    SamTypeMap{"appsync", "AWS::AppSync::GraphQLApi", kGraphQl},
    SamTypeMap{"aurora", "AWS::RDS::DBCluster", kDbCluster},
    SamTypeMap{"cloudfront", "AWS::CloudFront::Distribution", kDistribution},
    SamTypeMap{"cloudfront_function", "AWS::CloudFront::Function", kCfFunction},
    SamTypeMap{"ec2", "AWS::AutoScaling::AutoScalingGroup", kAsg},
    SamTypeMap{"fargate", "AWS::ECS::TaskDefinition", kTaskDef},
    SamTypeMap{"redshift", "AWS::RedshiftServerless::Workgroup", kWorkgroup},
    // No resource: traffic sources and subscription endpoints live in Metadata only.
    SamTypeMap{"client", "", kNone},
    SamTypeMap{"iot", "", kNone},
    SamTypeMap{"email", "", kNone},
    SamTypeMap{"http_endpoint", "", kNone},
};

// Import: other spellings of the same services.
struct Alias {
    P cfn;
    P sim;
};
constexpr Alias kAliases[] = {{"AWS::Lambda::Function", "lambda"},
                              {"AWS::ApiGateway::RestApi", "apigateway"},
                              {"AWS::ApiGatewayV2::Api", "apigateway"},
                              {"AWS::StepFunctions::StateMachine", "stepfunctions"}};

bool alnum(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

}  // namespace

const SamTypeMap* sam_map_for(std::string_view sim_type, std::string_view api_type) {
    for (const SamTypeMap& m : kMaps) {
        if (m.sim_type != sim_type) continue;
        if (sim_type == "apigateway" && (api_type == "HTTP") != (m.cfn_type == "AWS::Serverless::HttpApi")) continue;
        return &m;
    }
    return nullptr;
}

std::string_view sim_type_for_cfn(std::string_view cfn_type) {
    if (cfn_type.empty()) return {};
    for (const SamTypeMap& m : kMaps)
        if (m.cfn_type == cfn_type) return m.sim_type;
    for (const Alias& a : kAliases)
        if (a.cfn == cfn_type) return a.sim;
    return {};
}

bool is_cfn_property(const SamTypeMap& map, std::string_view key) {
    return std::find(map.properties.begin(), map.properties.end(), key) != map.properties.end();
}

std::string logical_id_for(std::string_view node_id) {
    std::string out;
    bool upper = true;
    for (char c : node_id) {
        if (!alnum(c)) {
            upper = true;
            continue;
        }
        out += upper && c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c;
        upper = false;
    }
    return out.empty() ? "N" : out;
}

std::string node_id_for(std::string_view logical_id) {
    std::string out;
    for (char c : logical_id)
        if (alnum(c)) out += c;
    if (out.empty()) out = "resource";
    if (out.size() > 64) out.resize(64);
    return out;
}

}  // namespace sim
