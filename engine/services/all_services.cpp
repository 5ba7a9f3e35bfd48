// all_services.cpp — the only file that lists every service type.
#include "services/all_services.h"

#include "services/apigateway/apigateway.h"
#include "services/appsync/appsync.h"
#include "services/aurora/aurora.h"
#include "services/client/client.h"
#include "services/cloudformation/cloudformation.h"
#include "services/cloudfront/cloudfront.h"
#include "services/cloudfront/edge_functions.h"
#include "services/cognito/cognito.h"
#include "services/dynamodb/dynamodb.h"
#include "services/ec2/ec2.h"
#include "services/eventbridge/eventbridge.h"
#include "services/fargate/fargate.h"
#include "services/firehose/firehose.h"
#include "services/kinesis/kinesis.h"
#include "services/lambda/lambda.h"
#include "services/redshift/redshift.h"
#include "services/s3/s3.h"
#include "services/scheduler/scheduler.h"
#include "services/sns/sns.h"
#include "services/sqs/sqs.h"
#include "services/stepfunctions/stepfunctions.h"

namespace sim {

void register_all_services(Registry& r) {
    // sources
    r.add(svc::client_kind());
    r.add(svc::iot_kind());
    // api
    r.add(svc::apigateway_kind());
    // edge
    r.add(svc::cloudfront_kind());
    r.add(svc::cloudfront_function_kind());
    r.add(svc::lambda_edge_kind());
    r.add(svc::appsync_kind());
    r.add(svc::cognito_kind());
    // compute
    r.add(svc::lambda_kind());
    r.add(svc::ec2_kind());
    r.add(svc::fargate_kind());
    // data
    r.add(svc::dynamodb_kind());
    r.add(svc::s3_kind());
    r.add(svc::aurora_kind());
    // orchestration
    r.add(svc::stepfunctions_kind());
    // messaging
    r.add(svc::sqs_kind());
    r.add(svc::sns_kind());
    r.add(svc::http_endpoint_kind());
    r.add(svc::email_kind());
    r.add(svc::eventbridge_kind());
    r.add(svc::scheduler_kind());
    r.add(svc::kinesis_kind());
    r.add(svc::firehose_kind());
    r.add(svc::redshift_kind());
    // other: template resources kept for export only
    r.add(svc::cloudformation_kind());
}

const Registry& default_registry() {
    static const Registry reg = [] {
        Registry r;
        register_all_services(r);
        return r;
    }();
    return reg;
}

}  // namespace sim
